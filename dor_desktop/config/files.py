"""Writing the shop's files: atomically, and readable by the shop's own account only.

The data folder holds sellers' names, dates of birth and document numbers. On a shared counter PC
another account must not read them, so every folder the program makes is 0700 and every file it
writes 0600 (on Windows the user's profile folder already keeps other accounts out). A crash or a
full disk in the middle of a write never leaves half a file: the text goes to a temporary file
next to the target, is flushed to disk, and then replaces the target in one rename.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600


def private_folder(path: Path) -> Path:
    """Create ``path`` and its missing parents for this account only.

    Folders that exist already are left as they are: a folder the clerk chose for a receipt (the
    desktop, a share) is not the program's to change.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            folder.mkdir(mode=PRIVATE_FOLDER)
            with contextlib.suppress(OSError):
                folder.chmod(PRIVATE_FOLDER)  # mkdir's mode is reduced by the umask
    return path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, as a private file."""
    private_folder(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after it keeps the new file)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform (Windows); the rename itself is still atomic
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def atomic_write_text(path: Path, text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))
