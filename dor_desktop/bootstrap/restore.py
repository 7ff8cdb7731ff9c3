"""Restoring the register from a backup and its recovery key, on a new PC or a new data folder.

The backup is an encrypted copy (``dor-desktop backup``, or one made before a migration); the
recovery key is the key it is encrypted with, as the owner wrote it down at the first start. The
register is restored where the settings say (practice, or the legal register once a DOR is
configured) and only where there is none yet, or only the empty one a first start made: a
restore never overwrites a register with entries. Run it with the window closed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

from dor_desktop.bootstrap.app import open_app, register_paths
from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import load
from dor_desktop.errors import UserError
from dor_desktop.services.context import AppContext
from dor_desktop.storage import encryption
from dor_desktop.storage.keys import (
    ENV_DB_KEY,
    DbKey,
    FileState,
    environment_key,
    file_state,
    load_key,
    store_key,
)


def restore_register(
    backup: Path, recovery_key: str, paths: Paths | None = None, *, environ: Mapping[str, str] | None = None
) -> AppContext:
    """Copy ``backup`` into place as the register, keep its key in the OS keyring, and open it.

    The opened context is migrated like any start (a backup from an older version is brought to
    the current schema); the caller runs ``verify`` on it.
    """
    home = paths or Paths.from_environment()
    target = register_paths(home, load(home.settings), environ).database
    key = DbKey.from_recovery_text(recovery_key)
    given = environment_key(environ)
    if given is not None and given != key:
        raise UserError(f"{ENV_DB_KEY} is set to another key than this recovery key: unset it to restore")
    _check_backup(backup, key)
    with encryption.key_lock(target):
        if file_state(target) is not FileState.MISSING and not _empty_register(target, given):
            raise UserError(
                f"a register with entries already exists at {target}; a restore never overwrites one "
                "(move it, with its -wal and -shm files, somewhere safe first)"
            )
        target.unlink(missing_ok=True)  # none, or a new empty one (the window was started first)
        for suffix in ("-wal", "-shm"):  # left by a register that was moved away: not this one's
            with contextlib.suppress(FileNotFoundError):
                target.with_name(target.name + suffix).unlink()
        encryption.copy(backup, target, key)
        if given is None:
            store_key(target, key)
    return open_app(home, environ=environ, on_recovery_key=lambda _text: None)


def _empty_register(target: Path, given: DbKey | None) -> bool:
    """Whether ``target`` is a register this PC made but never used (no entries, nothing queued)."""
    key = given or load_key(target)
    if key is None or not encryption.opens_with(target, key):
        return False
    return not encryption.holds_entries(target, key)


def _check_backup(backup: Path, key: DbKey) -> None:
    if not backup.is_file():
        raise UserError(f"no backup file at {backup}")
    if file_state(backup) is not FileState.ENCRYPTED or not encryption.opens_with(backup, key):
        raise UserError(
            f"the recovery key does not open {backup} (the key of another register, or not a "
            "DOR Desktop backup)"
        )
