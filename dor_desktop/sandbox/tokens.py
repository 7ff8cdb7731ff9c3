"""OAuth2 client-credentials access tokens.

Only a SHA-256 of each token is stored, so the database file holds nothing a reader could replay.
Tokens live in the database, so they survive a sandbox restart until they expire (as a real
authorisation server's signed tokens would); the admin API can expire them all at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Mapping

from dor_desktop.sandbox.clock import now_epoch
from dor_desktop.sandbox.database import transaction


def credentials_valid(clients: Mapping[str, str], client_id: str, client_secret: str) -> bool:
    """Constant-time comparison, so the secret cannot be guessed by timing."""
    expected = clients.get(client_id)
    if expected is None:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), client_secret.encode("utf-8"))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(conn: sqlite3.Connection, client_id: str, ttl: int) -> str:
    token = secrets.token_urlsafe(32)
    issued = now_epoch()
    with transaction(conn):
        conn.execute("DELETE FROM tokens WHERE expires_at < ?", (issued - 86400,))
        conn.execute(
            "INSERT INTO tokens (token_hash, client_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
            (_token_hash(token), client_id, issued, issued + ttl),
        )
    return token


def client_for_token(conn: sqlite3.Connection, token: str) -> str | None:
    """The client a valid, unexpired token belongs to, else None."""
    row = conn.execute(
        "SELECT client_id FROM tokens WHERE token_hash = ? AND expires_at > ?",
        (_token_hash(token), now_epoch()),
    ).fetchone()
    return None if row is None else row[0]


def expire_all_tokens(conn: sqlite3.Connection) -> int:
    """End every token now; returns how many were still valid."""
    now = now_epoch()
    with transaction(conn):
        cursor = conn.execute("UPDATE tokens SET expires_at = ? WHERE expires_at > ?", (now, now))
    return cursor.rowcount
