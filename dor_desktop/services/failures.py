"""Telling the register's own failures apart, so a front end can say which one it is in one line."""

from __future__ import annotations

import sqlite3
from enum import Enum

import sqlcipher3
from sqlalchemy.exc import OperationalError


class RegisterFailure(Enum):
    UNAVAILABLE = "unavailable"  # cannot be opened, read or written now: locked, full disk, no rights
    DAMAGED = "damaged"  # the file is not a readable SQLite database any more


def register_failure(exc: BaseException) -> RegisterFailure | None:
    """What ``exc`` says about the register file, or None when it is not about the file."""
    if isinstance(exc, (OperationalError, sqlite3.OperationalError, sqlcipher3.OperationalError)):
        return RegisterFailure.UNAVAILABLE
    # SQLite reports a corrupt file (or, encrypted, a page whose HMAC fails) as a plain
    # DatabaseError; its subclasses mean other things.
    if type(getattr(exc, "orig", exc)) in (sqlite3.DatabaseError, sqlcipher3.DatabaseError):
        return RegisterFailure.DAMAGED
    return None


def reason(exc: BaseException) -> str:
    """The driver's own words for a register failure (without the SQL statement)."""
    return str(getattr(exc, "orig", exc))
