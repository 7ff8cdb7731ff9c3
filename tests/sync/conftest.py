"""Fixtures for the sync tests: a real sandbox on loopback, a real register, a test keyring.

Every test gets its own sandbox database and register file, so counts on the server side
(exactly-once statistics) belong to that test alone. The OS keyring is replaced by keyrings.alt's
encrypted file backend in a temporary folder; the developer's own keyring is never touched, and
subprocesses get a plaintext file keyring in a temporary folder through the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import EncryptedKeyring

from dor_desktop.bootstrap.app import open_app
from dor_desktop.bootstrap.sync import PRACTICE_LOGIN
from dor_desktop.config import settings as settings_store
from dor_desktop.config.paths import Paths
from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sandbox.server import run_sandbox
from dor_desktop.services.context import AppContext
from dor_desktop.sync.backoff import Backoff
from dor_desktop.sync.credentials import (
    ENV_CLIENT_ID,
    ENV_SECRET,
    ENV_URL,
    Credentials,
)
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncOptions, SyncService
from tests.sync.helpers import ManualClock


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EncryptedKeyring]:
    """An encrypted file keyring in tmp (key set, so it never prompts), for this process and children."""
    for name in (ENV_URL, ENV_CLIENT_ID, ENV_SECRET):
        monkeypatch.delenv(name, raising=False)
    folder = tmp_path / "keyring"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    backend = EncryptedKeyring()
    backend.file_path = str(folder / "crypted_pass.cfg")
    backend.keyring_key = "test-keyring-password"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox_url(tmp_path: Path) -> Iterator[str]:
    with run_sandbox(tmp_path / "sandbox" / "sandbox.sqlite3") as url:
        yield url


@pytest.fixture
def admin(sandbox_url: str) -> Iterator[SandboxAdmin]:
    with SandboxAdmin(sandbox_url) as client:
        yield client


@pytest.fixture
def app(home: Path) -> Iterator[AppContext]:
    context = open_app()
    yield context
    context.close()


@pytest.fixture
def legal_app(home: Path, sandbox_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppContext]:
    """The legal register: this test's sandbox configured as the DOR, the headless way (also for
    the CLI subprocesses the test starts)."""
    monkeypatch.setenv(ENV_URL, sandbox_url)
    monkeypatch.setenv(ENV_CLIENT_ID, PRACTICE_LOGIN[0])
    monkeypatch.setenv(ENV_SECRET, PRACTICE_LOGIN[1])
    context = open_app()
    assert not context.practice
    yield context
    context.close()


@pytest.fixture
def lenient_app(home: Path) -> Iterator[AppContext]:
    """A register under the metal-cash-only pack: a phone may be bought without an ID document
    (a warning the clerk overrides), which the DOR's contract then rejects."""
    paths = Paths.from_environment()
    settings_store.save(paths.settings, settings_store.Settings(rule_pack="metal-cash-only"))
    context = open_app()
    yield context
    context.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def demo_credentials(url: str) -> Credentials:
    return Credentials(url, *PRACTICE_LOGIN)


@pytest.fixture
def make_service(clock: ManualClock) -> Iterator[Callable[..., SyncService]]:
    """``make_service(app, url, batch_size=...)``: a SyncService on the manual clock, no jitter."""
    made: list[SyncService] = []

    def factory(app: AppContext, url: str, batch_size: int = 500) -> SyncService:
        options = SyncOptions(batch_size=batch_size, backoff=Backoff(random=lambda: 0.0))
        service = SyncService(
            app.db,
            HttpTransport(demo_credentials(url)),
            options=options,
            clock=clock,
            endpoint=app.dor_endpoint,
        )
        made.append(service)
        return service

    yield factory
    for service in made:
        service.close()


@pytest.fixture
def service(app: AppContext, sandbox_url: str, make_service: Callable[..., SyncService]) -> SyncService:
    return make_service(app, sandbox_url)
