"""``dor-desktop backup`` and ``restore``: the first start's recovery key brings a backup back on a
new PC (a new data folder and an empty keyring), and ``verify`` passes there."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.domain.clock import utc_now
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.storage.keys import ENV_DB_KEY
from tests.conftest import TEST_DB_KEY, VALID_PURCHASE, run_cli

KEY = TEST_DB_KEY.raw.hex()

RECOVERY = re.compile(r"^    ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){13})$", re.MULTILINE)


class Pc:
    """A PC of its own: a data folder and an OS keyring (a plaintext file keyring in tmp)."""

    def __init__(self, folder: Path) -> None:
        self.home = folder / "data"
        self.env = {k: v for k, v in os.environ.items() if k != ENV_DB_KEY}
        self.env.update(
            DOR_DESKTOP_HOME=str(self.home),
            XDG_DATA_HOME=str(folder / "keyring"),
            PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
            PYTHONUNBUFFERED="1",
        )

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "dor_desktop", *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )


@pytest.fixture
def shop(tmp_path: Path, make_purchase) -> tuple[Pc, str]:
    """The first PC after its first start and two purchases; and the recovery key it showed."""
    pc = Pc(tmp_path / "shop")
    batch = [make_purchase(), make_purchase()]
    batch[1]["seller"]["family_name"] = "Zwartkopf"
    first = pc.run("register", "add", "--json", "-", stdin=json.dumps(batch))
    assert first.returncode == 0, first.stderr
    shown = RECOVERY.findall(first.stderr)
    assert len(shown) == 1, first.stderr
    assert shown[0] not in first.stdout  # stdout stays the command's own output
    second = pc.run("register", "list")
    assert second.returncode == 0 and "RECOVERY" not in second.stderr  # shown once only
    return pc, shown[0]


def test_a_backup_restores_on_a_new_pc_with_the_recovery_key(shop, tmp_path: Path):
    pc, recovery = shop
    made = pc.run("backup", "--out", str(tmp_path / "usb" / "register-backup.sqlite3"))
    assert made.returncode == 0, made.stderr
    backup = tmp_path / "usb" / "register-backup.sqlite3"
    assert b"Zwartkopf" not in backup.read_bytes() and b"NX12AB3C4" not in backup.read_bytes()

    restored = Pc(tmp_path / "other-pc")
    outcome = restored.run("restore", str(backup), "--recovery-key", recovery.lower().replace("-", " "))
    assert outcome.returncode == 0, outcome.stderr
    assert "register restored to" in outcome.stdout and "2 entries" in outcome.stdout
    assert "RECOVERY KEY" not in outcome.stderr  # the owner already has it

    verified = restored.run("verify")
    assert verified.returncode == 0 and "2 entries" in verified.stdout, verified.stderr
    listed = restored.run("register", "list", "--search", "Zwartkopf")
    assert listed.returncode == 0 and "K1-000002" in listed.stdout
    added = restored.run("register", "add", "--json", "-", stdin=json.dumps(VALID_PURCHASE))
    assert added.returncode == 0 and added.stdout.startswith("K1-000003"), added.stderr


def test_a_backup_taken_while_the_counter_writes_holds_the_committed_entries(
    home: Path, cli, tmp_path: Path, make_purchase
):
    """Consistent while the app runs: the window's open register, a write in progress meanwhile."""
    with open_app(Paths(home)) as app:
        purchase, _problems = purchase_from_json(make_purchase(), utc_now())
        assert purchase is not None
        for _ in range(3):
            app.register.commit_purchase(purchase)
        with app.db.write() as session:  # a transaction the counter has not committed yet
            session.execute(text("INSERT INTO sync_state (key, value) VALUES ('busy', 'x')"))
            made = cli("backup", "--out", str(tmp_path / "live.sqlite3"))
    assert made.returncode == 0, made.stderr
    restored = run_cli(
        tmp_path / "elsewhere", "restore", str(tmp_path / "live.sqlite3"), "--recovery-key", KEY
    )
    assert restored.returncode == 0 and "3 entries" in restored.stdout, restored.stderr


def test_the_recovery_key_can_be_typed_when_asked(shop, tmp_path: Path):
    pc, recovery = shop
    backup = tmp_path / "b.sqlite3"
    assert pc.run("backup", "--out", str(backup)).returncode == 0
    restored = Pc(tmp_path / "other-pc")
    outcome = restored.run("restore", str(backup), stdin=recovery + "\n")
    assert outcome.returncode == 0, outcome.stderr
    assert restored.run("verify").returncode == 0


def test_a_backup_into_a_folder_gets_a_dated_name(shop, tmp_path: Path):
    pc, _recovery = shop
    folder = tmp_path / "usb"
    folder.mkdir()
    made = pc.run("backup", "--out", str(folder))
    assert made.returncode == 0, made.stderr
    [written] = folder.iterdir()
    assert re.fullmatch(r"register-\d{8}T\d{6}\d+Z-manual\.sqlite3", written.name)
    assert str(written) in made.stdout

    new_folder = tmp_path / "stick" / "backups"  # not there yet: the trailing slash says "a folder"
    made = pc.run("backup", "--out", f"{new_folder}/")
    assert made.returncode == 0, made.stderr
    [written] = new_folder.iterdir()
    assert written.name.endswith("-manual.sqlite3")


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("AAAA-BBBB", "this is not a recovery key: it has 56 letters and digits"),
        ("ab" * 32, "the recovery key does not open"),
    ],
)
def test_a_wrong_recovery_key_is_one_clear_line_and_nothing_is_made(shop, tmp_path: Path, key, message):
    pc, _recovery = shop
    backup = tmp_path / "b.sqlite3"
    assert pc.run("backup", "--out", str(backup)).returncode == 0
    restored = Pc(tmp_path / "other-pc")
    outcome = restored.run("restore", str(backup), "--recovery-key", key)
    assert outcome.returncode == 2 and message in outcome.stderr, outcome.stderr
    assert len(outcome.stderr.splitlines()) == 1
    assert not (restored.home / "practice" / "register.sqlite3").exists()


def test_a_typo_in_the_recovery_key_is_caught_by_its_checksum(shop, tmp_path: Path):
    pc, recovery = shop
    backup = tmp_path / "b.sqlite3"
    assert pc.run("backup", "--out", str(backup)).returncode == 0
    typo = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    outcome = Pc(tmp_path / "other-pc").run("restore", str(backup), "--recovery-key", typo)
    assert outcome.returncode == 2 and "the recovery key has a typo" in outcome.stderr


def test_a_restore_never_overwrites_a_register(shop, tmp_path: Path):
    pc, recovery = shop
    backup = tmp_path / "b.sqlite3"
    assert pc.run("backup", "--out", str(backup)).returncode == 0
    register = pc.home / "practice" / "register.sqlite3"
    before = register.read_bytes()
    outcome = pc.run("restore", str(backup), "--recovery-key", recovery)
    assert outcome.returncode == 2 and "a register with entries already exists at" in outcome.stderr
    assert register.read_bytes() == before


def test_a_restore_replaces_the_empty_register_a_first_start_made(shop, tmp_path: Path):
    """The new PC's window was opened before the restore: its new, unused register gives way."""
    pc, recovery = shop
    backup = tmp_path / "b.sqlite3"
    assert pc.run("backup", "--out", str(backup)).returncode == 0
    new_pc = Pc(tmp_path / "new-pc")
    first = new_pc.run("register", "list")
    assert first.returncode == 0 and "RECOVERY KEY" in first.stderr  # a register of its own
    outcome = new_pc.run("restore", str(backup), "--recovery-key", recovery)
    assert outcome.returncode == 0 and "2 entries" in outcome.stdout, outcome.stderr
    assert new_pc.run("verify").returncode == 0


def test_without_its_key_an_encrypted_register_is_refused_with_the_way_out(shop, tmp_path: Path):
    pc, _recovery = shop
    (tmp_path / "shop" / "keyring").rename(tmp_path / "lost-keyring")  # a new PC account, say
    outcome = pc.run("register", "list")
    assert outcome.returncode == 3 and "Traceback" not in outcome.stderr
    assert "its key is not in this PC's keyring: restore it with 'dor-desktop restore" in outcome.stderr
    assert len(outcome.stderr.splitlines()) == 1
