"""Fixtures shared by every test area: a private data folder, the CLI as a subprocess, a valid purchase.

Kept small and generic on purpose; anything specific to one area lives in that area's own files.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from hypothesis import settings

from dor_desktop.storage.keys import ENV_DB_KEY, DbKey

# The default run is fast and the same every time (a CI run must not fail on a new random draw);
# HYPOTHESIS_PROFILE=thorough draws afresh and deeper, to find new cases: pin each as a test.
settings.register_profile("fast", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

#: Every register the tests make is encrypted with this key, given the headless way
#: (``DOR_DESKTOP_DB_KEY``, inherited by every CLI subprocess), so nothing asks an OS keyring. The
#: key tests (tests/storage/test_encryption.py, tests/cli/test_backup_restore.py) remove it to use
#: the test keyring instead.
TEST_DB_KEY = DbKey(bytes(range(32)))
os.environ[ENV_DB_KEY] = TEST_DB_KEY.raw.hex()
#: The test key for a test that passes ``open_app`` an environment of its own.
KEYED = {ENV_DB_KEY: TEST_DB_KEY.raw.hex()}


def register_connection(path: Path, key: DbKey | None = TEST_DB_KEY, **options: Any) -> sqlcipher3.Connection:
    """A driver connection on a register file as another tool with the key would open it."""
    connection = sqlcipher3.connect(str(path), **options)
    if key is not None:
        connection.execute(f'PRAGMA key = "{key.pragma_value}"')
    return connection


# Widgets are tested offscreen; a real screen is only used for screenshots (Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def _one_full_qt_application(qapp):
    """Qt allows one application object per process. The ID scanner creates a bare
    QCoreApplication when it reads a PDF and none exists; creating pytest-qt's QApplication first
    lets the scanner reuse it and the window tests, run later in the same process, still get a
    QApplication."""
    return qapp


#: A purchase in the contract's Registration shape, without the client-filled fields. Valid under
#: every shipped rule pack: a phone with a correct IMEI, bought by bank transfer from a seller with
#: an unexpired passport (document number, never a BSN).
VALID_PURCHASE: dict[str, Any] = {
    "acquisition_type": "purchase",
    "payment_method": "bank_transfer",
    "clerk": "Anna",
    "seller": {
        "family_name": "Jansen",
        "given_names": "Pieter",
        "date_of_birth": "1980-04-01",
        "address": {
            "street": "Dorpsstraat",
            "house_number": "12a",
            "postcode": "3511 AB",
            "city": "Utrecht",
            "country": "NL",
        },
    },
    "id_document": {
        "type": "passport",
        "number": "NX12AB3C4",
        "issuing_country": "NLD",
        "expiry_date": "2099-01-01",
        "read_from": "manual",
    },
    "items": [
        {
            "category": "phone",
            "description": "smartphone, black",
            "brand": "Fairphone",
            "model": "5",
            "imei": "490154203237518",
            "price": {"value": "120.00", "currency": "EUR"},
        }
    ],
}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, set as DOR_DESKTOP_HOME for this process and every CLI subprocess."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("DOR_DESKTOP_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def make_purchase() -> Callable[..., dict[str, Any]]:
    """A factory for a valid purchase dict, a fresh copy each call; keywords replace top-level keys."""

    def factory(**changes: Any) -> dict[str, Any]:
        data = copy.deepcopy(VALID_PURCHASE)
        data.update(copy.deepcopy(changes))
        return data

    return factory


def run_cli(
    home: Path, *args: str, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """``dor-desktop ARGS`` as a real subprocess of this interpreter, on the data folder ``home``."""
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "dor_desktop", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def cli(home: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run the command line on the test's data folder: ``cli("register", "list", "--json")``."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return run_cli(home, *args, stdin=stdin)

    return run


@pytest.fixture(scope="session")
def cli_at() -> Callable[..., subprocess.CompletedProcess]:
    """Run the command line on any data folder: ``cli_at(folder, "verify")``."""
    return run_cli


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """No ``DOR_DESKTOP_DB_KEY``: the register's key goes to a test keyring, as on a shop's PC.

    In this process keyrings.alt's encrypted file keyring (its password set, so it never asks);
    CLI subprocesses get a plaintext file keyring under ``XDG_DATA_HOME`` in tmp. The developer's
    own keyring is never touched.
    """
    import keyring
    from keyrings.alt.file import EncryptedKeyring

    monkeypatch.delenv(ENV_DB_KEY, raising=False)
    folder = tmp_path / "keyring"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    backend = EncryptedKeyring()
    backend.file_path = str(folder / "crypted_pass.cfg")
    backend.keyring_key = "test-keyring-password"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
