"""Where the DOR URL and credentials come from; the secret only in the (test) keyring."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import EncryptedKeyring

from dor_desktop.bootstrap.sync import PRACTICE_LOGIN
from dor_desktop.config import settings as settings_store
from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import Settings
from dor_desktop.errors import UserError
from dor_desktop.sandbox.config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from dor_desktop.sync import credentials
from dor_desktop.sync.credentials import ENV_CLIENT_ID, ENV_SECRET, ENV_URL, DorAccess
from tests.conftest import run_cli

#: keyrings.alt's encrypted backend calls pycryptodome's PBKDF2 with its old defaults; the warning is
#: about that third-party code, not ours, and the backend exists here only as a test stand-in.
pytestmark = pytest.mark.filterwarnings("ignore:PBKDF2 without:DeprecationWarning")


def resolve_access(settings: Settings, environ: dict[str, str]) -> DorAccess:
    return credentials.resolve_access(settings, PRACTICE_LOGIN, environ)


REAL = Settings(dor_url="https://dor.example.invalid", dor_client_id="shop-42")


def test_without_a_url_the_bundled_sandbox_and_its_demo_credentials_are_used() -> None:
    access = resolve_access(Settings(), {})
    assert access.uses_sandbox and access.source == "sandbox"
    assert (access.client_id, access.secret) == (DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)
    assert (DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET) == ("sandbox-shop", "sandbox-secret")


def test_the_secret_comes_from_the_keyring_and_is_stored_encrypted(test_keyring: EncryptedKeyring) -> None:
    credentials.store_secret("shop-42", "s3cret-value")

    access = resolve_access(REAL, {})

    assert (access.url, access.client_id, access.secret) == (
        "https://dor.example.invalid",
        "shop-42",
        "s3cret-value",
    )
    assert keyring.get_password(credentials.SERVICE_NAME, "shop-42") == "s3cret-value"
    assert "s3cret-value" not in Path(test_keyring.file_path).read_text()
    assert "s3cret-value" not in repr(access) and "s3cret-value" not in repr(access.at("https://x"))


def test_the_environment_overrides_settings_and_keyring() -> None:
    credentials.store_secret("shop-42", "from-keyring")
    environ = {ENV_URL: "https://other.example.invalid", ENV_CLIENT_ID: "ci-client", ENV_SECRET: "from-env"}

    access = resolve_access(REAL, environ)

    assert (access.url, access.client_id, access.secret, access.source) == (
        "https://other.example.invalid",
        "ci-client",
        "from-env",
        "environment",
    )


def test_a_missing_secret_says_how_to_store_it() -> None:
    with pytest.raises(UserError, match="credentials set.*DOR_DESKTOP_CLIENT_SECRET"):
        resolve_access(REAL, {})


def test_a_url_without_client_id_is_refused() -> None:
    with pytest.raises(UserError, match="no client id"):
        resolve_access(Settings(dor_url="https://dor.example.invalid"), {})


def test_plain_http_to_another_machine_is_refused() -> None:
    with pytest.raises(UserError, match="https"):
        resolve_access(Settings(), {ENV_URL: "http://dor.example.invalid", ENV_SECRET: "x"})


def test_delete_secret() -> None:
    credentials.store_secret("shop-42", "value")
    assert credentials.delete_secret("shop-42")
    assert not credentials.delete_secret("shop-42")
    assert credentials.load_secret("shop-42") is None


def test_credentials_command_stores_and_shows_without_printing_the_secret(home: Path) -> None:
    settings_store.save(Paths.from_environment().settings, REAL)

    stored = run_cli(home, "credentials", "set", stdin="cli-secret-123\n")
    shown = run_cli(home, "credentials", "show")

    assert stored.returncode == 0, stored.stderr
    assert "stored in the OS keyring" in stored.stdout
    assert shown.returncode == 0, shown.stderr
    assert "https://dor.example.invalid" in shown.stdout and "shop-42" in shown.stdout
    assert "cli-secret-123" not in shown.stdout + shown.stderr
    assert "cli-secret-123" not in (home / "settings.json").read_text()
