"""Only regular files of sensible size are read: a pipe, a device or a huge file is refused at once.

Each command runs as a real process with a short timeout: before, ``scan`` of a pipe hung forever
and of a link to ``/dev/zero`` grew to gigabytes; here each ends in one line and exit 2.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from dor_desktop.config.files import MAX_IMAGE_BYTES, MAX_JSON_BYTES, UnreadableFile, read_bounded
from tests.conftest import run_cli

# A hang must fail the test quickly, not after pytest-timeout's four minutes.
TIMEOUT = 60


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.json"
    os.mkfifo(path)
    return path


def _zero(folder: Path) -> Path:
    path = folder / "zero.json"
    path.symlink_to("/dev/zero")
    return path


def _huge(limit: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "huge.json"
        with open(path, "wb") as handle:  # sparse: the size is there, the disk is not used
            handle.truncate(limit + 1)
        return path

    return make


KINDS = {
    "a pipe": (_fifo, "is not a regular file (a pipe)"),
    "a device": (_zero, "is not a regular file (a device)"),
    "too large": (_huge(MAX_JSON_BYTES), "is too large"),
}


def _one_line_refusal(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_register_add_refuses_what_is_not_a_regular_file_of_sensible_size(home, tmp_path, kind):
    make, expected = KINDS[kind]
    result = run_cli(home, "register", "add", "--json", str(make(tmp_path)), timeout=TIMEOUT)
    _one_line_refusal(result, expected)


@pytest.mark.parametrize("kind", KINDS)
def test_register_correct_refuses_it_too(home, tmp_path, kind, commit):
    number = commit()
    make, expected = KINDS[kind]
    result = run_cli(
        home, "register", "correct", number, "--json", str(make(tmp_path)), "--reason", "x", timeout=TIMEOUT
    )
    _one_line_refusal(result, expected)


@pytest.mark.parametrize("kind", ["a pipe", "a device", "too large"])
def test_scan_refuses_it(home, tmp_path, kind):
    make = {"a pipe": _fifo, "a device": _zero, "too large": _huge(MAX_IMAGE_BYTES)}[kind]
    result = run_cli(home, "scan", str(make(tmp_path)), timeout=TIMEOUT)
    _one_line_refusal(result, KINDS[kind][1])


@pytest.mark.parametrize("kind", ["a pipe", "a device"])
def test_a_settings_file_or_a_rule_pack_that_is_not_a_file_is_refused(home, kind):
    make, expected = KINDS[kind]
    settings = make(home)
    settings.rename(home / "settings.json")
    _one_line_refusal(run_cli(home, "register", "list", timeout=TIMEOUT), expected)
    (home / "settings.json").unlink()
    (home / "rulepacks").mkdir()
    make(home / "rulepacks")
    _one_line_refusal(run_cli(home, "register", "list", timeout=TIMEOUT), expected)


def test_a_file_over_the_cap_is_refused_and_one_within_it_is_read_whole(tmp_path):
    path = tmp_path / "grows.json"
    path.write_text(json.dumps({"a": "b" * 50}))
    with pytest.raises(UnreadableFile, match="too large"):
        read_bounded(path, 20)
    assert read_bounded(path, 200) == path.read_bytes()


def test_a_folder_is_refused_by_name(tmp_path):
    with pytest.raises(UnreadableFile, match="a folder"):
        read_bounded(tmp_path, 100)
