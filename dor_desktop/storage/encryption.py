"""Encrypted register files: make one, copy one while it is in use, encrypt an old plain one.

Everything here works on files with the ``sqlcipher3`` driver directly (no engine): the online
backup API copies an encrypted register page by page, consistent while the counter keeps
committing, into a file encrypted with the same key; ``sqlcipher_export`` re-writes a plain
register into an encrypted one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import sqlcipher3

from dor_desktop.config.files import private_folder
from dor_desktop.errors import UserError
from dor_desktop.storage.keys import DbKey, FileState, file_state

#: ``progress(done, total)`` in pages.
PageProgress = Callable[[int, int], None]
#: Pages copied between two progress reports (4 MB with 4 KiB pages).
STEP_PAGES = 1024
BUSY_TIMEOUT_S = 10.0

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


@contextlib.contextmanager
def key_lock(database: Path) -> Iterator[None]:
    """Held while a register's key is chosen (a new register, a plain one being encrypted).

    Two programs starting on a new register at once (the window and the command line) must not
    each make a key: the second would find the first one's file and a keyring entry it then
    overwrites with a key that opens nothing. The OS releases the lock when a process dies.
    """
    private_folder(database.parent)  # the register's folder, 0700 like every folder the program makes
    path = database.with_name(database.name + ".key-lock")
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "r+", encoding="ascii") as handle:
        _lock(handle)  # released when the file closes
        yield


def connect(path: Path, key: DbKey | None) -> Any:
    """A driver connection on ``path`` (autocommit), keyed before anything reads the file."""
    connection = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is told in one line, by us
    if key is not None:
        connection.execute(f'PRAGMA key = "{key.pragma_value}"')
    return connection


def opens_with(path: Path, key: DbKey) -> bool:
    """Whether ``key`` decrypts the file at ``path`` (SQLCipher checks each page's HMAC)."""
    connection = connect(path, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError:
        raise  # the file could not be read at all (a full disk, no rights): not a question of the key
    except sqlcipher3.DatabaseError:
        return False  # "file is not a database": the key does not decrypt it
    finally:
        connection.close()
    return True


def probe(path: Path) -> None:
    """Open ``path`` as the driver would, so that a file it cannot open fails in the driver's words."""
    connection = connect(path, None)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()
    raise UserError(f"the register file {path} cannot be read", exit_code=3)


def holds_entries(path: Path, key: DbKey) -> bool:
    """Whether the register at ``path`` has any entry or queued message (a used register)."""
    connection = connect(path, key)
    try:
        tables = {
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        return any(
            connection.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
            for table in ("register_entry", "outbox")
            if table in tables
        )
    finally:
        connection.close()


def create(path: Path, key: DbKey) -> None:
    """Make an empty encrypted register file (the schema comes from the migrations)."""
    connection = connect(path, key)
    try:
        connection.execute("CREATE TABLE dor_desktop_new (x)")  # writes page 1: the file exists,
        connection.execute("DROP TABLE dor_desktop_new")  # encrypted, with no table in it
    finally:
        connection.close()


def copy(
    source: Path, target: Path, key: DbKey, progress: PageProgress | None = None, step_pages: int = STEP_PAGES
) -> Path:
    """A consistent copy of the encrypted register ``source`` at ``target``, with the same key.

    SQLite's online backup API: committed transactions only, while other connections keep
    writing. Written next to ``target`` and renamed into place, so a half copy never has its name.
    """
    private_folder(target.parent)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    origin, destination = connect(source, key), connect(partial, key)
    try:
        report = None
        if progress is not None:
            report = lambda _status, remaining, total: progress(total - remaining, total)  # noqa: E731
        origin.backup(destination, pages=step_pages if report else -1, progress=report)
        destination.close()
        os.replace(partial, target)
    except BaseException:
        destination.close()
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        origin.close()
    return target


def encrypt_plain(path: Path, key: DbKey) -> None:
    """Replace the plain SQLite file at ``path`` by an encrypted copy of it, in one rename.

    The plain file keeps its name until the encrypted copy has been written and checked (its
    integrity and the row count of every table); only then does the rename remove it. Its WAL is
    checkpointed into it first, and its ``-wal``/``-shm`` files go with it. Nothing plain is kept:
    a plain backup is exactly what must not lie around (the encrypted copy is checked instead).
    """
    encrypted = path.with_name(f".{path.name}.{os.getpid()}.encrypting")
    with contextlib.suppress(FileNotFoundError):
        encrypted.unlink()
    os.close(os.open(encrypted, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    plain = connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute(f'ATTACH DATABASE ? AS encrypted KEY "{key.pragma_value}"', (str(encrypted),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
        counts = _row_counts(plain)
    except BaseException:
        with contextlib.suppress(OSError):
            encrypted.unlink()
        raise
    finally:
        plain.close()
    _check_copy(encrypted, key, counts, path)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    os.replace(encrypted, path)


def _row_counts(connection: Any) -> dict[str, int]:
    names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for (name,) in names}


def _check_copy(encrypted: Path, key: DbKey, counts: dict[str, int], original: Path) -> None:
    copy_ = connect(encrypted, key)
    try:
        healthy = copy_.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        same = healthy and _row_counts(copy_) == counts
    finally:
        copy_.close()
    if not same:
        encrypted.unlink()
        raise UserError(
            f"the register {original} could not be encrypted (the encrypted copy did not match); "
            "it was left unchanged",
            exit_code=3,
        )


def encrypt_plain_backups(folder: Path, key: DbKey) -> list[Path]:
    """Encrypt every plain backup left in ``folder`` by an older version; returns those changed."""
    changed = []
    for backup in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
        if file_state(backup) is FileState.PLAIN:
            encrypt_plain(backup, key)
            changed.append(backup)
    return changed


def backup_name(label: str) -> str:
    """``register-<UTC time>-<label>.sqlite3``: sorts by time, says why it was made."""
    return f"register-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}-{label}.sqlite3"
