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
import stat
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


# -- private files the program does not write itself (SQLite, log handlers, libraries) ----------

#: The files SQLite keeps next to a database: they hold the same rows as the database itself.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def narrow(path: Path, private_mode: int) -> None:
    """Take away what others may do with ``path``; never add a right its owner did not have.

    Masking rather than setting the mode keeps a read-only copy read-only (a register kept as
    evidence, a folder on read-only media): only the group's and others' bits go.
    """
    mode = stat.S_IMODE(os.stat(path, follow_symlinks=False).st_mode)
    if mode & ~private_mode:
        os.chmod(path, mode & private_mode)


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: a file it creates is 0600 whatever the umask."""
    return os.open(path, flags, PRIVATE_FILE)


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is private: created empty as 0600, or narrowed to 0600.

    For files another library creates (SQLite, reportlab): created here first, the library opens
    the existing file and keeps its mode. On Windows the mode bits mean little; see
    :func:`restrict_to_current_user` for the folder's access list.
    """
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE)
    os.close(descriptor)
    with contextlib.suppress(OSError):
        narrow(path, PRIVATE_FILE)  # a file an older version left world-readable
    return path


def private_database(path: Path) -> Path:
    """Prepare a SQLite file so that it and its WAL, shared-memory and journal files are private.

    SQLite's unix VFS creates the -wal, -shm and -journal files with the mode of the database file
    itself, so a database created 0600 keeps all of them 0600 whatever the umask; companions left
    by an older version are narrowed here.
    """
    private_folder(path.parent)
    with contextlib.suppress(OSError):  # not a file, no rights: SQLite then says so in its own words
        private_file(path)
    for suffix in SQLITE_COMPANIONS:
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):  # missing: SQLite makes it later, from the file's mode
            narrow(companion, PRIVATE_FILE)
    return path


def make_tree_private(folder: Path) -> None:
    """Narrow an existing folder and everything in it to this account (0700 folders, 0600 files).

    For the program's own data folder only, made by an older version with the umask's modes; a
    folder the user chose (a receipt's, the scan folder) is never passed here.
    """
    if os.name == "nt":
        restrict_to_current_user(folder)
        return
    if not folder.is_dir() or folder.is_symlink():
        return
    with contextlib.suppress(OSError):
        narrow(folder, PRIVATE_FOLDER)
    for root, folders, files in os.walk(folder):  # does not follow links to folders elsewhere
        for names, mode in ((folders, PRIVATE_FOLDER), (files, PRIVATE_FILE)):
            for name in names:
                path = os.path.join(root, name)
                if not os.path.islink(path):  # a link's target is not the program's to change
                    with contextlib.suppress(OSError):
                        narrow(Path(path), mode)


def restrict_to_current_user(folder: Path) -> bool:
    """Windows: give only the current user (and SYSTEM) access to ``folder``, inherited by all in it.

    Mode bits do not protect anything on Windows; the access list does. ``icacls`` ships with
    every Windows since Vista: remove inherited entries, then grant full control to the user and
    to SYSTEM (backups, indexing), applied to the folder, its subfolders and files. Untested here
    (no Windows machine); returns False when it could not be applied, and the caller goes on.
    """
    if os.name != "nt":
        return False
    import subprocess

    user = os.environ.get("USERNAME", "")
    if not user:
        return False
    if os.environ.get("USERDOMAIN"):
        user = f"{os.environ['USERDOMAIN']}\\{user}"
    command = [
        "icacls", str(folder), "/inheritance:r",
        "/grant:r", f"{user}:(OI)(CI)F", "/grant:r", "*S-1-5-18:(OI)(CI)F", "/T", "/Q",
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, timeout=60, check=False)  # noqa: S603
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


#: Written in the data folder once its access list was narrowed on Windows (icacls is slow).
_ACL_MARKER = ".private"


def secure_data_folder(home: Path) -> None:
    """Make the program's data folder private to this account, at every start.

    A new folder is made 0700. A folder an older version made with the umask's modes (0755, files
    0644) is narrowed once, everything in it; afterwards its mode, with no bits for others, says it
    was done. Narrowing only takes rights away, so a read-only copy stays read-only. On Windows
    the folder gets an access list for the current user only, once.
    """
    if os.name == "nt":
        private_folder(home)
        if not (home / _ACL_MARKER).exists() and restrict_to_current_user(home):
            atomic_write_text(home / _ACL_MARKER, "access limited to the current user\n")
        return
    if home.is_dir() and (home.stat().st_mode & 0o077) and _is_ours(home):
        make_tree_private(home)
    private_folder(home)


#: What only a DOR Desktop data folder holds.
_OUR_NAMES = ("settings.json", "register.sqlite3", "practice", "logs")


def _is_ours(home: Path) -> bool:
    """Empty, or holding the program's files: a mistyped ``DOR_DESKTOP_HOME`` (a home folder, /tmp)
    must not have its whole tree narrowed."""
    try:
        return not any(home.iterdir()) or any((home / name).exists() for name in _OUR_NAMES)
    except OSError:
        return False


#: Size caps of the files the program reads from outside (a scanner folder, a file dialog, the
#: shop's own folder): far above anything real, far below what could exhaust memory.
MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_SETTINGS_BYTES = 1024 * 1024
MAX_IMAGE_BYTES = 40 * 1024 * 1024


class UnreadableFile(OSError):
    """A file that is refused before it is read: not a regular file, too large, or unopenable.

    Its message is one line for the clerk, naming the file and the reason.
    """


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else without reading it whole.

    A FIFO would block ``open()`` and a device such as ``/dev/zero`` never ends, so the file is
    opened with ``O_NONBLOCK`` (a FIFO then opens at once) and judged by ``fstat`` of the opened
    descriptor, not by a ``stat`` of the name beforehand, which another program could swap in
    between. At most ``limit + 1`` bytes are read, so a file growing while it is read is caught too.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"{path} is not a regular file ({_kind(info.st_mode)}); refused")
        if info.st_size > limit:
            raise UnreadableFile(f"{path} is too large ({_size(info.st_size)}, at most {_size(limit)})")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        data = _read_at_most(descriptor, limit + 1)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise UnreadableFile(f"{path} is too large (more than {_size(limit)})")
    return data


def _read_at_most(descriptor: int, most: int) -> bytes:
    parts: list[bytes] = []
    left = most
    while left > 0:
        chunk = os.read(descriptor, min(1024 * 1024, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_json_file(path: Path) -> bytes:
    """:func:`read_bounded` with the cap for JSON input (purchases, rule packs, drafts)."""
    return read_bounded(path, MAX_JSON_BYTES)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"
