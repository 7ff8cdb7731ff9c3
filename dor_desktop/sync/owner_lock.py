"""One sync owner per register file: an OS lock on a file next to the database.

Why an OS lock and not a row or a pid file: the operating system releases it when the process
ends in any way (crash, SIGKILL, power cut), so a dead owner never blocks the queue, and a
live one is never doubted. The lock file itself is never removed (removing it would let two
processes lock two different files); its content (the owner's pid) is only for the message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from dor_desktop.config.files import private_folder, private_opener
from dor_desktop.sync.errors import SyncBusy

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def _read_owner(handle: IO[str]) -> str:
    try:
        handle.seek(0)
        return handle.read(32).strip() or "unknown"
    except OSError:  # Windows refuses to read a locked byte
        return "unknown"


def lock_path_for(database: Path) -> Path:
    return database.with_name(database.name + ".sync-lock")


class SyncOwnerLock:
    """Held for the life of the sync owner; :meth:`acquire` raises :class:`SyncBusy` when taken."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = lock_path_for(database)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        private_folder(self.path.parent)
        # Kept open while the lock is held; 0600 like everything in the data folder.
        handle = open(self.path, "a+", encoding="ascii", opener=private_opener)  # noqa: SIM115
        if not _try_lock(handle):
            owner = _read_owner(handle)
            handle.close()
            raise SyncBusy(
                f"another sync process (pid {owner}) owns the queue of {self.database}; "
                "only one process may send this register to the DOR"
            )
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Let another process take over (closing the file releases the OS lock)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
