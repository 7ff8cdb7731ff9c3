"""The sandbox's SQLite file: schema, seeding and the one thread that touches it.

Every query runs on a single worker thread with a single connection. That serialises writers the
way SQLite wants anyway, keeps the event loop free while a batch of 500 is stored, and makes the
idempotency look-up and the insert of a batch one atomic step without extra locking. WAL with
``synchronous=NORMAL`` survives a killed process (only a power cut could lose the last commit),
which is what a restart test needs.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from dor_desktop.config.files import private_database
from dor_desktop.sandbox.clock import now_rfc3339
from dor_desktop.sandbox.matching import normalise_identifier
from dor_desktop.sandbox.seed import load_seed_rows

T = TypeVar("T")

SCHEMA_VERSION = 1
_BACKFILLED_KEY = "register_numbers_backfilled"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registrations (
    seq INTEGER PRIMARY KEY,
    dor_id TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    client_reference TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    payload TEXT NOT NULL,
    hits TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    UNIQUE (client_id, client_reference)
);
CREATE TABLE IF NOT EXISTS outcomes (
    id INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    client_reference TEXT NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS item_identifiers (
    dor_id TEXT NOT NULL,
    item_line INTEGER NOT NULL,
    field TEXT NOT NULL,
    value_norm TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS item_identifiers_value ON item_identifiers (value_norm);
CREATE TABLE IF NOT EXISTS stolen_items (
    stolen_id TEXT PRIMARY KEY,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    value_norm TEXT NOT NULL,
    category TEXT,
    brand TEXT,
    description TEXT,
    source TEXT NOT NULL,
    reported_stolen_on TEXT,
    added_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE TABLE IF NOT EXISTS hits (
    hit_id TEXT PRIMARY KEY,
    dor_id TEXT NOT NULL,
    item_line INTEGER NOT NULL,
    stolen_id TEXT NOT NULL,
    match_type TEXT NOT NULL,
    matched_field TEXT NOT NULL,
    late INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX IF NOT EXISTS hits_stolen ON hits (stolen_id);
CREATE TABLE IF NOT EXISTS notifications (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id TEXT NOT NULL UNIQUE,
    client_id TEXT NOT NULL,
    type TEXT NOT NULL,
    dor_id TEXT NOT NULL,
    client_reference TEXT NOT NULL,
    hit TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_client ON notifications (client_id, seq);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    dor_id TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (client_id, idempotency_key)
);
CREATE TABLE IF NOT EXISTS register_numbers (
    client_id TEXT NOT NULL,
    register_number TEXT NOT NULL,
    client_reference TEXT NOT NULL,
    counter TEXT,
    sequence INTEGER,
    entry_hash TEXT,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (client_id, register_number),
    UNIQUE (client_id, counter, sequence)
);
CREATE INDEX IF NOT EXISTS register_numbers_reference ON register_numbers (client_id, client_reference);
CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    issued_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating when needed) the sandbox file, with the schema and the seed rows in place."""
    private_database(path)  # practice sellers' data too: 0600, and its -wal/-shm inherit that
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=5000")
    conn.executescript(_SCHEMA)
    with transaction(conn):
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if version is not None and int(version["value"]) != SCHEMA_VERSION:
            raise RuntimeError(
                f"{path} has sandbox schema version {version['value']}, expected {SCHEMA_VERSION}"
            )
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        _seed_stolen_items(conn)
        _backfill_register_numbers(conn)
    return conn


def select_for_keys(
    conn: sqlite3.Connection, select: str, client_id: str, column: str, keys: list[Any]
) -> list[sqlite3.Row]:
    """``select`` for one client's rows whose ``column`` is one of ``keys``: one query per batch.

    ``select`` and ``column`` are the sandbox's own SQL text, never input; ``keys`` are bound.
    """
    if not keys:
        return []
    placeholders = ",".join("?" * len(keys))
    query = f"{select} WHERE client_id = ? AND {column} IN ({placeholders})"
    return conn.execute(query, [client_id, *keys]).fetchall()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: BEGIN IMMEDIATE so a read-then-write step cannot interleave."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _seed_stolen_items(conn: sqlite3.Connection) -> None:
    """Insert seed rows not present yet; a restart keeps withdrawals and admin additions."""

    added_at = now_rfc3339()
    conn.executemany(
        "INSERT OR IGNORE INTO stolen_items (stolen_id, field, value, value_norm, category, brand,"
        " description, source, reported_stolen_on, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row.stolen_id,
                row.field,
                row.value,
                normalise_identifier(row.value),
                row.category,
                row.brand,
                row.description,
                row.source,
                row.reported_stolen_on,
                added_at,
            )
            for row in load_seed_rows()
        ],
    )


def _backfill_register_numbers(conn: sqlite3.Connection) -> None:
    """Once per sandbox file: take the register numbers of registrations stored before contract
    1.1, so that a number handed out again is refused however old its first use."""
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (_BACKFILLED_KEY,)).fetchone():
        return
    conn.execute(
        "INSERT OR IGNORE INTO register_numbers (client_id, register_number, client_reference,"
        " acknowledged_at) SELECT client_id, json_extract(payload, '$.register_number'), client_reference,"
        " stored_at FROM registrations ORDER BY seq"
    )
    conn.execute("INSERT INTO meta VALUES (?, '1')", (_BACKFILLED_KEY,))


class Database:
    """Runs functions of the form ``fn(conn, *args)`` on the database thread, from async code."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dor-sandbox-db")
        self._conn: sqlite3.Connection | None = None

    async def open(self) -> None:
        self._conn = await self._submit(connect, self.path)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(conn, *args)`` on the database thread and return its result."""
        return await self._submit(fn, self.connection, *args)

    async def close(self) -> None:
        if self._conn is not None:
            await self._submit(self._conn.close)
            self._conn = None
        self._executor.shutdown(wait=True)

    @property
    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("the sandbox database is not open")
        return self._conn

    async def _submit(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args))
