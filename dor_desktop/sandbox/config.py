"""Settings of one sandbox server instance.

Kept in one frozen dataclass so the command line, the in-process helper and the tests all start the
server the same way, and nothing reads settings from globals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

#: The demo credentials documented in the README; any shop client can use them against the sandbox.
DEFAULT_CLIENT_ID = "sandbox-shop"
DEFAULT_CLIENT_SECRET = "sandbox-secret"
DEFAULT_TOKEN_TTL = 3600
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
#: A batch of 500 registrations is well under 2 MB; anything far beyond is not a client of ours.
DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024


def _default_clients() -> dict[str, str]:
    return {DEFAULT_CLIENT_ID: DEFAULT_CLIENT_SECRET}


@dataclass(frozen=True)
class SandboxConfig:
    """Everything one sandbox instance needs; ``db_path`` is the only state it keeps."""

    db_path: Path
    token_ttl: int = DEFAULT_TOKEN_TTL
    clients: Mapping[str, str] = field(default_factory=_default_clients)
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES


def default_db_path() -> Path:
    """Where ``dor-sandbox serve`` keeps its state when no ``--db`` is given.

    The same file as the application's bundled demo sandbox (in the data folder, which
    ``DOR_DESKTOP_HOME`` overrides), so the command line and the app share one practice DOR.
    """
    from dor_desktop.config.paths import Paths

    return Paths.from_environment().sandbox_database
