"""Bytes edited in the register FILE are found by ``dor-desktop verify``, with one clear message.

The register is written by the real CLI and closed (so the WAL is checkpointed into the file);
then single bytes are changed where a seller's name is stored, and page headers are smashed.
"""

from __future__ import annotations

import json
import shutil

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.storage.verify import verify

NAME = b"Zwartkopf"
PAGE = 4096


@pytest.fixture(scope="module")
def written(tmp_path_factory, make_purchase, cli_at):
    """A closed register of three entries, written by the CLI; the second seller is Zwartkopf."""
    home = tmp_path_factory.mktemp("written")
    batch = [make_purchase() for _ in range(3)]
    batch[1]["seller"]["family_name"] = NAME.decode()
    batch_file = home.parent / "three.json"
    batch_file.write_text(json.dumps(batch), encoding="utf-8")
    result = cli_at(home, "register", "add", "--json", str(batch_file))
    assert result.returncode == 0, result.stderr
    assert (
        not (home / "practice" / "register.sqlite3-wal").exists()
        or (home / "practice" / "register.sqlite3-wal").stat().st_size == 0
    )
    return home


def damaged_copy(home, tmp_path, name: str, edit) -> object:
    copy = tmp_path / name
    shutil.copytree(home, copy)
    data = bytearray((copy / "practice" / "register.sqlite3").read_bytes())
    edit(data)
    (copy / "practice" / "register.sqlite3").write_bytes(bytes(data))
    return copy


def problem_found_in(folder) -> str | None:
    """What the real start-up path plus verify() say about the register in ``folder``."""
    try:
        app = open_app(Paths(folder))
    except UserError as refused:
        return str(refused)
    try:
        return verify(app.db).problem
    finally:
        app.close()


def flip_a_bit(offset: int):
    # 'a' becomes '`' rather than 'A': the name index is case-insensitive, so a case flip there
    # changes nothing the register means (the entry's own copies are hashed byte for byte).
    return lambda data: data.__setitem__(offset + 2, data[offset + 2] ^ 0x01)


@pytest.mark.slow
def test_the_name_is_nowhere_in_the_file_and_one_changed_byte_on_any_page_is_found(written, tmp_path, cli_at):
    data = (written / "practice" / "register.sqlite3").read_bytes()
    # Encrypted: the seller's name is in none of its copies (entry, payload, index, DOR message).
    assert NAME not in data and NAME.lower() not in data
    pages = len(data) // PAGE
    assert pages >= 4
    for number in range(1, pages + 1):
        offset = (number - 1) * PAGE + PAGE // 2  # SQLCipher's HMAC covers every byte of a page
        problem = problem_found_in(damaged_copy(written, tmp_path, f"copy-{number}", flip_a_bit(offset)))
        assert problem is not None, f"edit on page {number} not found"
        assert "damaged" in problem, problem

    result = cli_at(damaged_copy(written, tmp_path, "for-the-cli", flip_a_bit(pages * PAGE - 100)), "verify")
    assert result.returncode != 0
    assert "damaged" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("page", [1, 2, "last"])
def test_a_smashed_page_is_reported_as_a_damaged_file_not_a_traceback(written, tmp_path, cli_at, page):
    size = (written / "practice" / "register.sqlite3").stat().st_size
    number = size // PAGE if page == "last" else page
    start = (number - 1) * PAGE + (100 if number == 1 else 0)  # page 1 starts with the file header

    def smash(data: bytearray) -> None:
        data[start : start + 12] = b"\xff" * 12

    result = cli_at(damaged_copy(written, tmp_path, f"smashed-{page}", smash), "verify")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "damaged" in result.stderr, result.stderr
