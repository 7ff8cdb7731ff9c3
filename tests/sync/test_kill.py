"""Killing the sync process with SIGKILL at random points loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.storage.models import OutboxMessage
from dor_desktop.storage.verify import verify
from dor_desktop.sync.credentials import ENV_CLIENT_ID, ENV_SECRET, ENV_URL
from tests.sync.helpers import bulk_commit, outbox

ENTRIES = 1000
KILLS = 12
BATCH = 25

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _acknowledged(app: AppContext) -> int:
    with app.db.read() as session:
        return session.scalar(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == "acknowledged")
        )


def _sync_process(home: Path, url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DOR_DESKTOP_HOME": str(home),
        ENV_URL: url,
        ENV_CLIENT_ID: "sandbox-shop",
        ENV_SECRET: "sandbox-secret",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "dor_desktop", "sync", "--until-empty", "--batch-size", str(BATCH)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_when(process: subprocess.Popen, condition, then: float, timeout: float = 30.0) -> None:
    """SIGKILL ``process`` ``then`` seconds after ``condition`` holds (a random point of a batch)."""
    deadline = time.monotonic() + timeout
    while not condition() and process.poll() is None:
        if time.monotonic() > deadline:
            raise AssertionError("the sync process made no progress")
        threading.Event().wait(0.01)
    moment = time.monotonic() + then
    while time.monotonic() < moment and process.poll() is None:
        threading.Event().wait(0.001)
    process.send_signal(signal.SIGKILL)
    _, err = process.communicate(timeout=10)
    assert process.returncode in (-signal.SIGKILL, 0), err


@pytest.mark.slow
def test_sigkill_at_random_points_then_every_entry_is_on_the_server_exactly_once(
    legal_app: AppContext, home: Path, sandbox_url: str, admin: SandboxAdmin
) -> None:
    app = legal_app
    entries = bulk_commit(app, ENTRIES)
    chance = random.Random(20261123)
    # Each batch takes at least 30 ms, so a busy test machine cannot let one child drain the
    # whole queue between two looks at its progress.
    admin.set_fault("slow", count=None, delay=0.03)

    for _ in range(KILLS):
        target = _acknowledged(app) + chance.randint(BATCH // 2, 2 * BATCH)
        _kill_when(
            _sync_process(home, sandbox_url),
            lambda t=target: _acknowledged(app) >= t,
            then=chance.uniform(0, 0.1),
        )

    killed_at = _acknowledged(app)
    assert 0 < killed_at < ENTRIES  # the kills really landed mid-sync
    admin.reset_faults()
    final = _sync_process(home, sandbox_url)
    _, err = final.communicate(timeout=60)
    assert final.returncode == 0, err

    server = {r["client_reference"]: r for r in admin.registrations()}
    assert sorted(server) == sorted(e.client_reference for e in entries)
    assert all(r["times_stored"] == 1 for r in server.values())
    assert admin.stats()["stored_more_than_once"] == 0
    rows = outbox(app)
    assert {row.state for row in rows} == {"acknowledged"}
    assert all(server[row.idempotency_key]["dor_id"] == row.dor_id for row in rows)
    assert verify(app.db).ok
    print("server outcomes after the kills:", admin.stats()["outcomes"])
