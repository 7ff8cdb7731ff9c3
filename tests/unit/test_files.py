"""The one way the program writes its files: atomic, and private to the shop's account."""

from __future__ import annotations

import stat
import sys

import pytest

from dor_desktop.config.files import atomic_write_text
from dor_desktop.config.settings import Settings, save

# Windows has no POSIX file modes (its protection is the user profile's ACL, which the privacy issue
# will set and test); there these assertions would check nothing, so they do not run there. CI is Linux.
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes; Windows uses ACLs")


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_written_file_and_its_new_folders_are_private(tmp_path):
    target = tmp_path / "data" / "drafts" / "current.json"
    atomic_write_text(target, "{}")
    assert target.read_text() == "{}"
    assert _mode(target) == 0o600
    assert _mode(tmp_path / "data" / "drafts") == 0o700 and _mode(tmp_path / "data") == 0o700


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    atomic_write_text(target, "old")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write_text(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_settings_file_is_private(tmp_path):
    save(tmp_path / "settings.json", Settings())
    assert _mode(tmp_path / "settings.json") == 0o600
