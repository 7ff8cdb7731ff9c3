"""Where the DOR address and credentials come from: environment, settings, OS keyring, sandbox.

The settings file is readable by anyone with access to the data folder and gets copied into
support mails, so it holds only the URL and the client id; the client secret lives in the OS
keyring under :data:`SERVICE_NAME`, keyed by the client id. For headless use (a server, CI) the
three ``DOR_DESKTOP_*`` variables override both. With no URL at all the application talks to its
bundled sandbox with the sandbox's published demo credentials.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from keyring.errors import KeyringError, PasswordDeleteError

from dor_desktop.config.keyrings import trusted_keyring
from dor_desktop.config.settings import ENV_DOR_URL, Settings, validated
from dor_desktop.errors import UserError

SERVICE_NAME = "dor-desktop"
ENV_URL = ENV_DOR_URL
ENV_CLIENT_ID = "DOR_DESKTOP_CLIENT_ID"
ENV_SECRET = "DOR_DESKTOP_CLIENT_SECRET"

__all__ = [
    "Credentials",
    "DorAccess",
    "delete_secret",
    "load_secret",
    "resolve_access",
    "store_secret",
]


@dataclass(frozen=True)
class Credentials:
    """A DOR base URL with the client credentials for it; the secret never shows in a repr."""

    url: str
    client_id: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class DorAccess:
    """The resolved configuration: a URL, or ``None`` for the bundled sandbox, plus credentials.

    ``source`` says where the URL came from (``environment``, ``settings`` or ``sandbox``), for
    ``credentials show`` and support.
    """

    url: str | None
    client_id: str
    secret: str = field(repr=False)
    source: str = "settings"

    @property
    def uses_sandbox(self) -> bool:
        return self.url is None

    def at(self, url: str) -> Credentials:
        """These credentials for the server at ``url`` (the sandbox's port is known only once started)."""
        return Credentials(url, self.client_id, self.secret)


def resolve_access(
    settings: Settings, practice_login: tuple[str, str], environ: Mapping[str, str] | None = None
) -> DorAccess:
    """The DOR to use and how to log in; raises UserError when the configuration is incomplete.

    ``practice_login`` (client id, secret) is the bundled sandbox's, used when no DOR is
    configured: the composition root knows the sandbox, this layer does not.
    """
    env = os.environ if environ is None else environ
    url = env.get(ENV_URL, "").strip()
    source = "environment"
    if url:
        _check_url(url)
    else:
        url, source = settings.dor_url.strip(), "settings"
    if not url:  # practice: the sandbox's own login, never the real DOR's credentials
        return DorAccess(None, practice_login[0], practice_login[1], "sandbox")
    client_id = env.get(ENV_CLIENT_ID, "").strip() or settings.dor_client_id.strip()
    if not client_id:
        raise UserError(
            f"a DOR URL is configured ({url}) but no client id: set dor_client_id "
            f"(dor-desktop config set dor_client_id ...) or {ENV_CLIENT_ID}"
        )
    secret = env.get(ENV_SECRET, "") or load_secret(client_id)
    if not secret:
        raise UserError(
            f"no client secret for {client_id!r} in the OS keyring: store it with "
            f"'dor-desktop credentials set' or set {ENV_SECRET}"
        )
    return DorAccess(url, client_id, secret, source)


def _check_url(url: str) -> None:
    try:
        validated(replace(Settings(), dor_url=url))
    except UserError:
        raise UserError(
            f"{ENV_URL} must be an https:// URL (plain http only for a server on this machine)"
        ) from None


def load_secret(client_id: str) -> str | None:
    try:
        return trusted_keyring().get_password(SERVICE_NAME, client_id)
    except KeyringError as exc:
        raise UserError(f"the OS keyring cannot be read ({exc}); for headless use set {ENV_SECRET}") from None


def store_secret(client_id: str, secret: str) -> None:
    if not client_id.strip() or not secret:
        raise UserError("a client id and a non-empty secret are required")
    try:
        trusted_keyring().set_password(SERVICE_NAME, client_id.strip(), secret)
    except KeyringError as exc:
        raise UserError(f"the OS keyring cannot store the secret ({exc})") from None


def delete_secret(client_id: str) -> bool:
    """Remove the stored secret; False when there was none."""
    try:
        trusted_keyring().delete_password(SERVICE_NAME, client_id)
    except PasswordDeleteError:
        return False
    except KeyringError as exc:
        raise UserError(f"the OS keyring cannot be changed ({exc})") from None
    return True
