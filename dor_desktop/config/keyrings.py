"""Which keyring the program trusts with its secrets (the register key, the DOR client secret).

``keyring`` picks the highest-priority backend it can load. On a Linux PC without a Secret Service
(no GNOME Keyring or KWallet running) and with the test extras installed, that is keyrings.alt's
file backends: the plaintext one writes the secret into a plain file in the user's folder, which
would undo the register's encryption, and the encrypted one asks for a password on a terminal the
window does not have (the settings dialog then failed with an empty message). Neither protects
anything at a shop, so the program uses only the operating system's own keyring, unless
``PYTHON_KEYRING_BACKEND`` names a backend on purpose (the tests, a support engineer). Without a
usable keyring the headless overrides (``DOR_DESKTOP_DB_KEY``, ``DOR_DESKTOP_CLIENT_SECRET``) are
the way, and the error says so.
"""

from __future__ import annotations

import os

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

#: Backends that keep nothing safe: files beside the user's data, or no keyring at all.
UNTRUSTED_PREFIXES = ("keyrings.alt.", "keyring.backends.fail", "keyring.backends.null")
CHOSEN_ON_PURPOSE = "PYTHON_KEYRING_BACKEND"


class NoTrustedKeyring(KeyringError):
    """No operating-system keyring is available; the message names the way out."""


def _name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _trusted(backend: KeyringBackend) -> bool:
    return not _name(backend).startswith(UNTRUSTED_PREFIXES)


def trusted_keyring() -> KeyringBackend:
    """The keyring to keep secrets in; raises :class:`NoTrustedKeyring` when only untrusted ones
    are available and none was chosen on purpose."""
    backend = keyring.get_keyring()
    if os.environ.get(CHOSEN_ON_PURPOSE):
        return backend
    candidates: list[KeyringBackend] = list(getattr(backend, "backends", None) or [backend])  # a chain
    trusted = sorted((b for b in candidates if _trusted(b)), key=lambda b: b.priority, reverse=True)
    if trusted:
        return trusted[0]
    found = ", ".join(_name(b) for b in candidates) or "none"
    raise NoTrustedKeyring(
        f"no keyring of the operating system is available (found {found}, which would keep the "
        "secret in a plain file or ask on a terminal); start the desktop's keyring (GNOME Keyring, "
        "KWallet, the Windows Credential Manager, the macOS Keychain)"
    )
