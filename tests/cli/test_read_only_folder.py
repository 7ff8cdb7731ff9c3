"""Inspection of a data folder the program may not write: a copy on read-only media, evidence.

The folder is made read-only (folders 0555, files 0444) with the register's WAL still holding
entries that were never checkpointed; ``verify`` and ``export`` must read everything and change
nothing. Run as root, the child drops the capabilities that let root ignore file modes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import VALID_PURCHASE

# Commits two purchases. Ended without closing the register (sys.argv[2] == "wal"), as a crash
# or a running window leaves it, the entries are in the -wal file, not yet in the main file;
# closed, the register is one file without -wal or -shm, which SQLite cannot make in the folder.
_COMMIT = textwrap.dedent(
    """
    import json, os, sys
    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.domain.clock import utc_now
    from dor_desktop.domain.registration import purchase_from_json
    app = open_app()
    for imei in ("490154203237518", "356938035643809"):
        data = json.loads(sys.argv[1])
        data["items"][0]["imei"] = imei
        purchase, problems = purchase_from_json(data, utc_now())
        app.register.commit_purchase(purchase)
    if sys.argv[2] == "wal":
        os._exit(0)
    app.close()
    """
)


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def _set_modes(root: Path, folder: int, file: int) -> None:
    for path in [root, *root.rglob("*")]:
        path.chmod(folder if path.is_dir() else file)


@pytest.fixture(params=["wal", "closed"])
def read_only_home(home: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    script = [sys.executable, "-c", _COMMIT, json.dumps(VALID_PURCHASE), request.param]
    subprocess.run(script, env=env, check=True)
    wal = home / "practice" / "register.sqlite3-wal"
    assert (wal.exists() and wal.stat().st_size > 0) == (request.param == "wal")
    _set_modes(home, 0o555, 0o444)
    try:
        yield home
    finally:
        _set_modes(home, 0o755, 0o644)


def _run_without_write_rights(home: Path, *args: str) -> subprocess.CompletedProcess:
    prefix: list[str] = []
    if os.geteuid() == 0:  # root writes anywhere unless it gives up overriding file modes
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test as root"
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    command = [*prefix, sys.executable, "-m", "dor_desktop", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_the_folder_really_is_read_only_for_the_child(read_only_home):
    result = _run_without_write_rights(read_only_home, "config", "set", "shop_name", "Elders")
    assert result.returncode == 2
    assert "cannot write to the data folder" in result.stderr
    assert not (read_only_home / "settings.json").exists()


def test_verify_and_export_work_on_a_read_only_folder_and_change_nothing(read_only_home, tmp_path):
    before = _tree(read_only_home)

    verified = _run_without_write_rights(read_only_home, "verify")
    out = tmp_path / "export" / "register.csv"
    period = ["--from", "2000-01-01", "--to", "2099-12-31"]
    exported = _run_without_write_rights(
        read_only_home, "export", *period, "--format", "csv", "--out", str(out)
    )

    assert verified.returncode == 0, verified.stderr
    assert "register OK: 2 entries" in verified.stdout
    assert exported.returncode == 0, exported.stderr
    assert "exported 2 entries" in exported.stdout
    assert "356938035643809" in out.read_text(encoding="utf-8-sig")
    assert _tree(read_only_home) == before


def test_verify_of_a_read_only_folder_without_a_register_is_one_line(home):
    (home / "practice").mkdir()
    _set_modes(home, 0o555, 0o444)
    try:
        result = _run_without_write_rights(home, "verify")
    finally:
        _set_modes(home, 0o755, 0o644)
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [
        f"dor-desktop: error: there is no register at {home / 'practice' / 'register.sqlite3'}"
    ]
