"""The SQLite engine for the register: WAL, synchronous=FULL, foreign keys, checked pages, BEGIN
IMMEDIATE writes.

Why these settings: a purchase must survive a power cut the moment the clerk saw its number (FULL
syncs the WAL on every commit), readers must not block the counter while the sync worker writes
(WAL), and two writers must queue rather than fail half-way (BEGIN IMMEDIATE + busy_timeout).

With a key the file is a SQLCipher database (AES-256, HMAC per page; ``storage.keys``), through
SQLAlchemy's ``sqlite+pysqlcipher`` dialect on the ``sqlcipher3`` driver: the dialect sets the
key first on every new connection, before any of the pragmas below touch the file, and the WAL
and every backup are encrypted with it. Without a key (benchmarks' plain baseline, old tests) it
is the standard library's plain SQLite.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlalchemy import URL, Engine, QueuePool, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from dor_desktop.config.files import private_database
from dor_desktop.storage.keys import DbKey

BUSY_TIMEOUT_MS = 10_000
#: Pause between two attempts to switch a new file to WAL while another program does the same.
WAL_RETRY_PAUSE_S = 0.005


def _is_busy(exc: Exception) -> bool:
    """SQLITE_BUSY from either driver (sqlcipher3's errors carry no error code, only the text)."""
    if isinstance(exc, sqlite3.OperationalError):
        return exc.sqlite_errorcode == sqlite3.SQLITE_BUSY
    return isinstance(exc, sqlcipher3.OperationalError) and "database is locked" in str(exc)


def _switch_to_wal(cursor) -> None:
    """``PRAGMA journal_mode=WAL``, tried again while another connection holds the file.

    Why the loop: on a file not yet in WAL mode the switch rewrites the header, upgrading a read
    lock to an exclusive one, and SQLite answers "database is locked" at once instead of calling
    the busy handler (waiting could deadlock). Two programs opening a new register at the same
    moment (the window and the command line, or two counters) would otherwise fail. Once the
    header says WAL the pragma only reads, so an existing register never loops.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except (sqlite3.OperationalError, sqlcipher3.OperationalError) as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
        time.sleep(WAL_RETRY_PAUSE_S)


def _on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling defers it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Check every page's cell pointers when it is read: a damaged page is then refused as
    # "malformed" instead of yielding a row of garbage (measured: 1 read in 300 did, unchecked).
    cursor.execute("PRAGMA cell_size_check=ON")
    cursor.close()


def _on_connect_read_only(dbapi_connection, _record) -> None:
    """A connection that never writes: no journal-mode switch, nothing that touches the file."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA cell_size_check=ON")
    cursor.close()


def make_read_only_engine(path: Path, key: DbKey | None = None) -> Engine:
    """An engine that opens the register file read-only (SQLite ``mode=ro``), never creating it.

    For inspection (``verify``, ``export``) of a data folder the program may not write: a copy on
    read-only media, a folder the police mounted, a register kept as evidence. A register in WAL
    mode reads through its ``-wal`` file as usual, so committed entries not yet checkpointed are
    included. An encrypted register is opened with its key, set first as on every connection.
    """
    if not path.is_file():
        raise FileNotFoundError(f"no register file at {path}")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    engine = create_engine("sqlite://", creator=lambda: _connect_read_only(path, uri, key))
    event.listen(engine, "connect", _on_connect_read_only)
    event.listen(engine, "begin", _on_begin)
    return engine


def _open_uri(uri: str, key: DbKey | None):
    if key is None:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    connection = sqlcipher3.connect(uri, uri=True, check_same_thread=False)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f'PRAGMA key = "{key.pragma_value}"')  # nothing is read before the first query
    return connection


def _connect_read_only(path: Path, uri: str, key: DbKey | None):
    """``mode=ro``; when SQLite cannot make the ``-shm`` file it needs for WAL mode (a read-only
    folder holding a cleanly closed register), ``immutable=1``, which is safe only because there
    is no ``-wal`` content it would skip. With entries in the ``-wal`` and no way to read them,
    the open fails rather than show a register without its newest entries."""
    connection = _open_uri(uri, key)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.OperationalError, sqlcipher3.DatabaseError):  # SQLCipher says "not a database"
        connection.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
        connection = _open_uri(uri + "&immutable=1", key)
    if key is not None:
        connection.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    return connection


def _on_begin(connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


#: Page cache of an encrypted connection, in KiB (SQLite's default is 2,000). SQLCipher decrypts
#: a page each time it enters the cache; with 16 MB a name search on a large register repeats
#: without decrypting again (measured: median 15 ms instead of 29-42 ms on 200,000 entries, the
#: plain register's 15-16 ms; bench/RESULTS_register.md).
ENCRYPTED_CACHE_KIB = 16_000


def _sqlcipher_settings(dbapi_connection, _record) -> None:
    # SQLCipher prints "hmac check failed" to stderr on a wrong key; the caller says it in one line.
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
    dbapi_connection.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")


def register_url(path: Path, key: DbKey | None) -> URL:
    """``sqlite+pysqlcipher://:<raw key>@/<path>`` (the dialect quotes it into ``PRAGMA key``)."""
    if key is None:
        return URL.create("sqlite", database=str(path))
    return URL.create("sqlite+pysqlcipher", password=key.pragma_value, database=str(path))


def make_engine(path: Path, key: DbKey | None = None) -> Engine:
    """An engine on the register file at ``path`` (created when missing), encrypted with ``key``.

    The pool is the one plain SQLite files get (QueuePool: the pysqlcipher dialect would pick one
    connection per thread instead); ``hide_parameters`` keeps personal data out of error messages.
    """
    private_database(path)  # 0600 before SQLite creates it: its -wal and -shm files inherit the mode
    engine = create_engine(
        register_url(path, key),
        connect_args={"check_same_thread": False},
        poolclass=QueuePool,
        hide_parameters=True,
    )
    if key is not None:  # runs after the dialect's own PRAGMA key, before the pragmas below
        event.listen(engine, "connect", _sqlcipher_settings)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """One register file: the engine plus read and write sessions.

    Sessions are short and per thread; ``write()`` starts with BEGIN IMMEDIATE so the write lock is
    taken up front and a numbering race between two processes cannot happen.
    """

    def __init__(self, path: Path, key: DbKey | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.key = key
        self.read_only = read_only
        self.engine = make_read_only_engine(path, key) if read_only else make_engine(path, key)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._write = sessionmaker(writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any exception."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
