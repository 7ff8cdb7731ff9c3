"""Storage fixtures: a migrated register file in tmp_path and a Register committing to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.domain.rules import load_pack
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.register import Register, RegisterContext
from tests.conftest import TEST_DB_KEY, register_connection

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "register.sqlite3"


@pytest.fixture
def db(db_path: Path, tmp_path: Path) -> Iterator[Database]:
    database = Database(db_path, TEST_DB_KEY)
    migrate.upgrade(database, tmp_path / "backups")
    yield database
    database.close()


def make_register(db: Database, prefix: str = "K1", pack: str = "default") -> Register:
    return Register(
        db, RegisterContext("SHOP-1", prefix, load_pack(pack), "practice-sandbox", clock=lambda: NOW)
    )


@pytest.fixture
def register(db: Database) -> Register:
    return make_register(db)


@pytest.fixture
def purchase(make_purchase) -> Callable[..., Purchase]:
    """A factory for a valid Purchase (bought at NOW); keyword arguments replace top-level JSON keys."""

    def factory(**changes: Any) -> Purchase:
        parsed, problems = purchase_from_json(make_purchase(**changes), NOW)
        assert problems == [] and parsed is not None, problems
        return parsed

    return factory


def raw(db_path: Path) -> sqlcipher3.Connection:
    """A driver connection with the key, as another tool (or an attacker with the key) would open the
    file (autocommit)."""
    return register_connection(db_path, isolation_level=None)


def count(db_path: Path, table: str) -> int:
    with closing(register_connection(db_path)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
