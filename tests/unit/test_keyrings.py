"""Secrets go only to the operating system's keyring, never to keyrings.alt's files by default
(issue 13, finding 2: with the test extras in the app's environment the DOR secret could not be
stored, with an empty message; the register key would have gone into a plain file)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyrings.alt.file import PlaintextKeyring

from dor_desktop.config.keyrings import NoTrustedKeyring, trusted_keyring
from dor_desktop.errors import UserError
from dor_desktop.storage.keys import DbKey, load_key, store_key
from dor_desktop.sync.credentials import store_secret


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in memory, standing in for an OS keyring (none runs here)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class Chain(KeyringBackend):
    """What keyring's chainer looks like to the program: several backends, tried in turn."""

    priority = 10  # type: ignore[assignment]

    def __init__(self, *backends: KeyringBackend) -> None:
        super().__init__()
        self.backends = list(backends)

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("the program must pick a member, not use the chain")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("the program must pick a member, not use the chain")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("the program must pick a member, not use the chain")


@pytest.fixture
def use(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def plaintext(tmp_path: Path) -> PlaintextKeyring:
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring_pass.cfg")
    return ring


def test_a_file_keyring_picked_by_default_is_refused_with_the_way_out(use, tmp_path):
    use(Chain(plaintext(tmp_path)))
    with pytest.raises(NoTrustedKeyring, match="no keyring of the operating system"):
        trusted_keyring()
    with pytest.raises(UserError, match="DOR_DESKTOP_DB_KEY"):
        store_key(tmp_path / "register.sqlite3", DbKey.generate())
    with pytest.raises(UserError) as refused:
        store_secret("winkel", "geheim")
    assert "keyring of the operating system" in str(refused.value)
    assert not (tmp_path / "keyring_pass.cfg").exists()  # nothing was written in a plain file


def test_the_os_keyring_is_used_when_a_file_keyring_is_also_installed(use, tmp_path):
    os_ring = MemoryKeyring()
    use(Chain(plaintext(tmp_path), os_ring))
    key = DbKey.generate()
    store_key(tmp_path / "register.sqlite3", key)
    assert load_key(tmp_path / "register.sqlite3") == key
    assert len(os_ring.secrets) == 1 and not (tmp_path / "keyring_pass.cfg").exists()


def test_a_file_keyring_chosen_on_purpose_is_used(use, tmp_path, monkeypatch):
    ring = use(plaintext(tmp_path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    assert trusted_keyring() is ring
