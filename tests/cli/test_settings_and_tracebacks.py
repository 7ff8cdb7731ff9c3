"""One line and a documented exit code, never a traceback: wrong settings types, hostile JSON,
a closed output pipe, a full disk."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys

import pytest

from tests.conftest import run_cli


def _one_line(result: subprocess.CompletedProcess, code: int, expected: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_setting_of_the_wrong_type_is_one_line_naming_the_key(home):
    (home / "settings.json").write_text(json.dumps({"keep_id_images": "false"}), encoding="utf-8")
    _one_line(run_cli(home, "register", "list"), 2, "keep_id_images must be true or false")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"seller": {"family_name": "\\ud800"}}', "not valid Unicode"),
        ('{"seller": {"\\udfff": 1}}', "not valid Unicode"),
    ],
)
def test_hostile_json_is_one_line(home, tmp_path, text, expected):
    path = tmp_path / "purchase.json"
    path.write_text(text, encoding="ascii")
    _one_line(run_cli(home, "register", "add", "--json", str(path)), 2, expected)
    _one_line(run_cli(home, "register", "add", "--json", "-", stdin=text), 2, expected)


def test_a_closed_output_pipe_ends_quietly(home, commit):
    # As `register show K1-000001 | head -c 10` when head has gone: the pipe's reading end is
    # closed before the command writes, so every write fails (deterministically, not by timing).
    number = commit()
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    try:
        show = subprocess.run(
            [sys.executable, "-m", "dor_desktop", "register", "show", number],
            env=env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert show.returncode == 141
    assert show.stderr == ""


def _file_size_limit(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _run_on_a_full_disk(home, *args: str) -> subprocess.CompletedProcess:
    """``dor-desktop ARGS`` where no file may grow past 1000 bytes: the register and the log,
    both larger already, cannot be written, as on a full disk (no root needed for a small tmpfs)."""
    logs = home / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "dor-desktop.log").write_text("an earlier run\n" * 100, encoding="utf-8")
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "dor_desktop", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_file_size_limit(1000),
    )


def test_a_full_disk_is_one_line_and_exit_3(home, commit, make_purchase, tmp_path):
    commit()
    purchase = tmp_path / "purchase.json"
    purchase.write_text(json.dumps(make_purchase()), encoding="utf-8")

    result = _run_on_a_full_disk(home, "register", "add", "--json", str(purchase))

    _one_line(result, 3, "could not be written")


def test_a_full_disk_while_saving_settings_is_one_line_and_exit_3(home):
    (home / "settings.json").write_text(json.dumps({"shop_name": "x" * 2000}), encoding="utf-8")

    result = _run_on_a_full_disk(home, "config", "set", "shop_name", "Goud & Zilver " * 100)

    # The register is opened first (the change is recorded in its audit log), so the full disk
    # may be met there ("disk I/O error") or when the settings are written ("the disk is full").
    _one_line(result, 3, "disk")
    assert json.loads((home / "settings.json").read_text(encoding="utf-8"))["shop_name"] == "x" * 2000


def test_an_argument_that_is_not_valid_text_is_one_line(home, commit):
    number = commit()
    not_utf8 = os.fsdecode(b"seller left \xff")  # as the shell passes bytes from a Latin-1 terminal

    _one_line(run_cli(home, "register", "void", number, "--reason", not_utf8), 2, "reason is not valid text")
    _one_line(run_cli(home, "register", "list", "--search", not_utf8), 2, "search is not valid text")


def test_a_deeply_nested_rule_pack_of_the_shop_is_one_line(home):
    (home / "rulepacks").mkdir()
    (home / "rulepacks" / "own.json").write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    _one_line(run_cli(home, "register", "list"), 2, "cannot read rule pack")
