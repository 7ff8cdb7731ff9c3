"""A data folder the application cannot use gives one clear line, not a traceback."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from tests.conftest import register_connection

PAGE = 4096


def test_a_data_folder_that_cannot_be_created(cli_at, tmp_path, make_purchase):
    # Below a regular file nothing can be created, whoever runs the test (root ignores permissions).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = cli_at(blocker / "home", "register", "list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"dor-desktop: error: cannot write to the data folder {blocker / 'home'}")
    assert len(result.stderr.splitlines()) == 1


def test_a_register_file_that_cannot_be_opened(cli, home: Path):
    (home / "practice" / "register.sqlite3").mkdir(parents=True)
    result = cli("register", "list")
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert (
        result.stderr
        == "dor-desktop: error: the register could not be written or read: unable to open database file\n"
    )


def test_a_file_that_is_not_a_register(cli, home: Path):
    content = b"MZ\x90\x00" + bytes(range(256)) * 40
    (home / "practice").mkdir()
    (home / "practice" / "register.sqlite3").write_bytes(content)
    result = cli("verify")
    # Encrypted registers look like random bytes: a file that is not one cannot be told from one
    # with another key.
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert "cannot be opened with DOR_DESKTOP_DB_KEY (a wrong key, or a damaged file" in result.stderr
    assert "it was left unchanged" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert (home / "practice" / "register.sqlite3").read_bytes() == content


def test_a_damaged_register_page_is_one_clear_line_for_every_command(run_main, commit, home: Path):
    # Regression: list and show printed "internal error" with a multi-line SQL statement.
    for _ in range(3):
        commit()
    path = home / "practice" / "register.sqlite3"
    with closing(register_connection(path)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'register_entry'"
        ).fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * PAGE
    data[start + 8 : start + 40] = b"\xff" * 32  # the table's root page: its cell pointers
    path.write_bytes(bytes(data))
    for args in (("register", "list"), ("register", "show", "K1-000001")):
        outcome = run_main(*args)
        assert outcome.code == 3 and len(outcome.err.splitlines()) == 1, outcome.err
        assert outcome.err.startswith(
            "dor-desktop: error: the register file is damaged (database disk image is"
        )
    assert "damaged" in run_main("verify").err
