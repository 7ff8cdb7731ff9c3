"""``dor-desktop sync`` and ``dor-desktop check`` as real subprocesses against the sandbox."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config import settings as settings_store
from dor_desktop.config.paths import Paths
from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.sync.credentials import ENV_CLIENT_ID, ENV_SECRET, ENV_URL
from tests.conftest import run_cli
from tests.sync.canned import CannedServer
from tests.sync.helpers import commit, purchase_data, states, to_purchase

STOLEN_IMEI = "358410209477958"


@pytest.fixture
def dor_env(monkeypatch: pytest.MonkeyPatch, sandbox_url: str) -> str:
    """Point CLI subprocesses at this test's sandbox, the headless way."""
    monkeypatch.setenv(ENV_URL, sandbox_url)
    monkeypatch.setenv(ENV_CLIENT_ID, "sandbox-shop")
    monkeypatch.setenv(ENV_SECRET, "sandbox-secret")
    return sandbox_url


@pytest.fixture
def dead_env(monkeypatch: pytest.MonkeyPatch) -> str:
    with CannedServer() as server:
        url = server.url
    monkeypatch.setenv(ENV_URL, url)
    monkeypatch.setenv(ENV_CLIENT_ID, "sandbox-shop")
    monkeypatch.setenv(ENV_SECRET, "sandbox-secret")
    return url


def _opened(home: Path) -> Iterator[AppContext]:
    context = open_app()
    yield context
    context.close()


@pytest.fixture
def real_app(home: Path, dor_env: str) -> Iterator[AppContext]:
    """The legal register: opened with a DOR configured, as the sync subprocess will open it."""
    yield from _opened(home)


@pytest.fixture
def unreachable_app(home: Path, dead_env: str) -> Iterator[AppContext]:
    yield from _opened(home)


@pytest.fixture
def lenient_real_app(home: Path, dor_env: str) -> Iterator[AppContext]:
    """The legal register under the metal-cash-only pack (see lenient_app)."""
    settings_store.save(Paths(home).settings, settings_store.Settings(rule_pack="metal-cash-only"))
    yield from _opened(home)


@contextmanager
def sigint_not_ignored() -> Iterator[None]:
    """A child started inside gets Python's Ctrl-C handling, even when this suite ignores SIGINT.

    A program started in the background by a script inherits an ignored SIGINT and passes it on;
    Python then installs no KeyboardInterrupt, and the SIGINT case would wait for nothing.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _wait_until(condition, timeout: float = 20.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        threading.Event().wait(0.02)


def test_until_empty_sends_everything_and_register_shows_sync_state_and_hits(
    real_app: AppContext, home: Path, admin: SandboxAdmin
) -> None:
    app = real_app
    plain = commit(app, 2)
    (stolen,) = commit(app, imei_number=STOLEN_IMEI)

    done = run_cli(home, "sync", "--until-empty")

    assert done.returncode == 0, done.stderr
    assert "sent 3: 3 acknowledged" in done.stdout
    assert f"HIT: {stolen.register_number} imei {STOLEN_IMEI}" in done.stdout
    assert admin.stats()["registrations"] == 3
    listing = json.loads(run_cli(home, "register", "list", "--json").stdout)
    assert {row["sync_state"] for row in listing} == {"acknowledged"}
    assert all(row["dor_id"].startswith("DOR-") for row in listing)
    shown = json.loads(run_cli(home, "register", "show", stolen.register_number, "--json").stdout)
    assert shown["summary"]["active_hits"] == 1
    assert shown["hits"][0]["matched_value"] == STOLEN_IMEI and shown["hits"][0]["status"] == "active"
    assert len(plain) == 2


def test_until_empty_lists_rejected_entries_instead_of_retrying_them(
    lenient_real_app: AppContext, home: Path
) -> None:
    lenient_app = lenient_real_app
    without_id = purchase_data(overrides=[{"code": "id_document_missing", "field": "id_document"}])
    del without_id["id_document"]
    commit(lenient_app)
    bad = lenient_app.register.commit_purchase(to_purchase(without_id))

    done = run_cli(home, "sync", "--until-empty")

    assert done.returncode == 1, done.stderr
    assert f"REJECTED: {bad.register_number} id_document" in done.stdout
    assert "register correct" in done.stdout
    shown = json.loads(run_cli(home, "register", "show", bad.register_number, "--json").stdout)
    assert shown["summary"]["sync_state"] == "rejected"
    assert shown["sync_errors"][0]["field"] == "id_document"


def test_until_empty_gives_up_after_max_wait_when_the_dor_is_unreachable(
    unreachable_app: AppContext, home: Path
) -> None:
    app = unreachable_app
    commit(app)
    started = time.monotonic()

    done = run_cli(home, "sync", "--until-empty", "--max-wait", "2")

    assert done.returncode == 4
    assert "1 entries still waiting after 2 s" in done.stderr
    assert "could not be reached" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 15
    assert states(app) == ["pending"]


def test_once_reports_an_unreachable_dor(unreachable_app: AppContext, home: Path) -> None:
    app = unreachable_app
    commit(app)
    done = run_cli(home, "sync", "--once")
    assert done.returncode == 4
    assert "the pass did not finish" in done.stderr and "could not be reached" in done.stderr


def test_check_command(home: Path, dor_env: str) -> None:
    stolen = run_cli(home, "check", STOLEN_IMEI, "--category", "phone")
    clean = run_cli(home, "check", "NOTSTOLEN123", "--json")
    short = run_cli(home, "check", "ab")

    assert stolen.returncode == 1 and "KNOWN STOLEN" in stolen.stdout and "POLITIE" in stolen.stdout
    assert clean.returncode == 0 and json.loads(clean.stdout)["outcome"] == "not_known"
    assert short.returncode == 2 and "3 to 64 characters" in short.stderr


def test_check_offline_could_not_check(home: Path, dead_env: str) -> None:
    done = run_cli(home, "check", STOLEN_IMEI)
    assert done.returncode == 4
    assert "COULD NOT CHECK" in done.stdout and "not known" not in done.stdout


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_running_sync_owns_the_queue_picks_up_new_entries_and_stops_cleanly(
    real_app: AppContext, home: Path, stop_signal: signal.Signals
) -> None:
    app = real_app
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    with sigint_not_ignored():
        runner = subprocess.Popen(
            [sys.executable, "-m", "dor_desktop", "sync"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    try:
        lines = []
        _wait_until(lambda: lines.append(runner.stdout.readline()) or "running" in lines[-1], what="start")

        second = run_cli(home, "sync", "--once")
        assert second.returncode == 5
        assert f"another sync process (pid {runner.pid}) owns the queue" in second.stderr

        commit(app)  # as the window would, while the sync process runs
        _wait_until(lambda: states(app) == ["acknowledged"], what="the new entry to be sent")

        runner.send_signal(stop_signal)
        out, err = runner.communicate(timeout=20)
    finally:
        if runner.poll() is None:
            runner.kill()
            runner.communicate()
    assert runner.returncode == 0, err
    assert "sync stopped" in out
    assert "Traceback" not in err
