"""The register's encryption key: made once, kept in the OS keyring, shown once as a recovery key.

The register (and every backup of it) is a SQLCipher file encrypted with a random 32-byte key,
given to SQLCipher as a raw key (``PRAGMA key = "x'<64 hex>'"``), so no password stretching is
needed and nothing guessable protects the data. The key lives in the OS keyring, one entry per
register file (the legal and the practice register, and every data folder, have their own). For
headless use ``DOR_DESKTOP_DB_KEY`` (64 hex characters) gives the key instead; it is used as
given and never written anywhere.

The **recovery key** is the same 32 bytes written for people: base32 with a 3-byte checksum, in
groups of four (``ABCD-EFGH-...``, 56 characters). It is shown once when a register is made and
never stored by the program; with it and a backup file, ``dor-desktop restore`` rebuilds the
register on another PC. A typo is caught by the checksum instead of giving a wrong key.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from keyring.errors import KeyringError

from dor_desktop.config.keyrings import trusted_keyring
from dor_desktop.errors import UserError

ENV_DB_KEY = "DOR_DESKTOP_DB_KEY"
KEYRING_SERVICE = "dor-desktop"
KEY_BYTES = 32
CHECKSUM_BYTES = 3
GROUP = 4
SQLITE_HEADER = b"SQLite format 3\x00"
#: Letters people confuse with base32's digits, read the way they were meant.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


@dataclass(frozen=True)
class DbKey:
    """A register key: 32 random bytes, never shown in a repr or a log."""

    raw: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError("a register key has 32 bytes")

    @classmethod
    def generate(cls) -> DbKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @classmethod
    def from_hex(cls, text: str, source: str = ENV_DB_KEY) -> DbKey:
        """SQLCipher's raw key as 64 hex characters (``DOR_DESKTOP_DB_KEY``)."""
        cleaned = text.strip()
        if not re.fullmatch(r"[0-9a-fA-F]{64}", cleaned):
            raise UserError(f"{source} must be 64 hex characters (a raw SQLCipher key)")
        return cls(bytes.fromhex(cleaned))

    @property
    def pragma_value(self) -> str:
        """The key as SQLCipher's raw-key literal, for ``PRAGMA key = "<this>"``."""
        return f"x'{self.raw.hex()}'"

    def recovery_text(self) -> str:
        """The recovery key: base32 of key + checksum, in dash-separated groups of four."""
        letters = base64.b32encode(self.raw + _checksum(self.raw)).decode("ascii").rstrip("=")
        return "-".join(letters[i : i + GROUP] for i in range(0, len(letters), GROUP))

    @classmethod
    def from_recovery_text(cls, text: str) -> DbKey:
        """Read a recovery key as written down (any case, spaces or dashes); 64 hex also works."""
        compact = re.sub(r"[\s\-]", "", text)
        if re.fullmatch(r"[0-9a-fA-F]{64}", compact):
            return cls(bytes.fromhex(compact))
        letters = compact.upper().translate(_LOOKALIKES)
        try:
            data = base64.b32decode(letters + "=" * (-len(letters) % 8))
        except ValueError:
            data = b""
        if len(data) != KEY_BYTES + CHECKSUM_BYTES:
            raise UserError("this is not a recovery key: it has 56 letters and digits (14 groups of 4)")
        key, check = data[:KEY_BYTES], data[KEY_BYTES:]
        if _checksum(key) != check:
            raise UserError("the recovery key has a typo: check every group against the printed copy")
        return cls(key)


def _checksum(raw: bytes) -> bytes:
    return hashlib.sha256(raw).digest()[:CHECKSUM_BYTES]


class FileState(Enum):
    MISSING = "missing"  # no register yet (or an empty file): a new one is made
    PLAIN = "plain"  # an unencrypted SQLite file, from before encryption
    ENCRYPTED = "encrypted"  # anything else: SQLCipher's first 16 bytes are a random salt
    UNREADABLE = "unreadable"  # a folder, no rights: the driver says what is wrong


def file_state(path: Path) -> FileState:
    """What kind of register file is at ``path``, from its first 16 bytes."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return FileState.MISSING
    except OSError:
        return FileState.UNREADABLE
    if not header:
        return FileState.MISSING
    return FileState.PLAIN if header == SQLITE_HEADER else FileState.ENCRYPTED


def environment_key(environ: Mapping[str, str] | None = None) -> DbKey | None:
    """The headless override, or ``None`` when it is not set."""
    value = (os.environ if environ is None else environ).get(ENV_DB_KEY, "").strip()
    return DbKey.from_hex(value) if value else None


def _keyring_name(database: Path) -> str:
    """One keyring entry per register file: two data folders on one PC never share a key."""
    return f"register-key:{database.resolve()}"


def load_key(database: Path) -> DbKey | None:
    """The key of the register at ``database`` from the OS keyring, or ``None`` when none is kept."""
    try:
        stored = trusted_keyring().get_password(KEYRING_SERVICE, _keyring_name(database))
    except KeyringError as exc:
        raise UserError(
            f"the OS keyring cannot be read ({exc}); for headless use set {ENV_DB_KEY}", exit_code=3
        ) from None
    return DbKey.from_hex(stored, "the register key in the OS keyring") if stored else None


def store_key(database: Path, key: DbKey) -> None:
    """Keep ``key`` in the OS keyring for the register at ``database``."""
    try:
        trusted_keyring().set_password(KEYRING_SERVICE, _keyring_name(database), key.raw.hex())
    except KeyringError as exc:
        raise UserError(
            f"the OS keyring cannot store the register key ({exc}); for headless use set {ENV_DB_KEY}",
            exit_code=3,
        ) from None
