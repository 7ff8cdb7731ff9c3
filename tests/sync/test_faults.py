"""The drainer against a misbehaving sandbox: lost acknowledgements, busy, failing, restarted."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sandbox.server import SandboxProcess
from dor_desktop.services.context import AppContext
from dor_desktop.sync.service import SyncService
from tests.sync.helpers import ManualClock, bulk_commit, commit, outbox, states


def _wait_until(condition, timeout: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        threading.Event().wait(0.01)


def _assert_each_stored_once(admin: SandboxAdmin, references: list[str]) -> list[dict]:
    server = {r["client_reference"]: r for r in admin.registrations()}
    assert sorted(server) == sorted(references)
    assert all(r["times_stored"] == 1 for r in server.values())
    assert admin.stats()["stored_more_than_once"] == 0
    return list(server.values())


@pytest.mark.parametrize(
    ("fault", "message"),
    [("drop-after-commit", "could not be reached"), ("malformed-json", "not JSON")],
)
def test_a_lost_acknowledgement_is_resent_and_answered_as_duplicate(
    app: AppContext, service: SyncService, admin: SandboxAdmin, clock: ManualClock, fault: str, message: str
) -> None:
    entries = commit(app, 3)
    admin.set_fault(fault, count=1)

    lost = service.run_once()

    assert message in lost.error and lost.sent == 0
    assert admin.stats()["registrations"] == 3  # the server did store them
    rows = outbox(app)
    assert [r.state for r in rows] == ["pending"] * 3
    assert all(r.attempts == 1 and message in r.last_error and r.next_attempt_at for r in rows)

    clock.advance(0.5)  # first failure, no jitter: half a second of backoff
    retried = service.run_once()

    assert (retried.accepted, retried.error) == (3, None)
    server = _assert_each_stored_once(admin, [e.client_reference for e in entries])
    assert all(r["times_submitted"] == 2 for r in server)
    assert admin.stats()["outcomes"]["duplicate"] == 3
    assert {r.dor_id for r in outbox(app)} == {r["dor_id"] for r in server}


@pytest.mark.parametrize("kind", ["http-429", "http-503"])
def test_busy_answers_are_retried_after_exactly_retry_after(
    app: AppContext, service: SyncService, admin: SandboxAdmin, clock: ManualClock, kind: str
) -> None:
    commit(app, 2)
    admin.set_fault(kind, count=1, retry_after=7)
    started = clock.now

    busy = service.run_once()

    assert "busy" in busy.error
    assert busy.retry_at == started + timedelta(seconds=7)
    assert service.status().online is True  # the server answered; it is busy, not gone
    assert service.status().retry_at == busy.retry_at

    clock.advance(6.9)
    assert service.run_once().sent == 0
    assert admin.faults()["applied"] == {kind: 1}  # nothing was sent while waiting

    service.retry_now()  # "sync now" does not override the server's Retry-After
    assert service.run_once().sent == 0

    clock.advance(0.1)
    assert service.run_once().accepted == 2
    assert states(app) == ["acknowledged", "acknowledged"]


def test_server_errors_back_off_exponentially_and_recover(
    app: AppContext, service: SyncService, admin: SandboxAdmin, clock: ManualClock
) -> None:
    commit(app)
    admin.set_fault("http-500", count=3)
    waits = []
    for _ in range(3):
        report = service.run_once()
        assert "HTTP 500" in report.error
        waits.append((report.retry_at - clock.now).total_seconds())
        clock.advance(waits[-1])

    assert waits == [0.5, 1.0, 2.0]
    assert service.status().online is False
    assert service.run_once().accepted == 1
    assert service.status().online is True and service.status().last_error is None
    assert outbox(app)[0].attempts == 4


def test_retry_now_skips_our_own_backoff(app: AppContext, service: SyncService, admin: SandboxAdmin) -> None:
    commit(app)
    admin.set_fault("http-500", count=1)
    assert service.run_once().error
    assert service.run_once().sent == 0

    service.retry_now()

    assert service.run_once().accepted == 1


def test_an_expired_token_is_renewed_once_and_the_pass_succeeds(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    commit(app)
    assert service.run_once().accepted == 1
    assert admin.expire_tokens() == 1

    commit(app)
    report = service.run_once()

    assert (report.accepted, report.error) == (1, None)
    assert admin.stats()["tokens"]["issued"] == 2


def test_the_server_restarted_mid_sync_loses_and_duplicates_nothing(
    app: AppContext, tmp_path: Path, make_service, clock: ManualClock
) -> None:
    with SandboxProcess(tmp_path / "server" / "sandbox.sqlite3") as server:
        assert server.url is not None
        service: SyncService = make_service(app, server.url, batch_size=40)
        admin = SandboxAdmin(server.url)
        try:
            first = bulk_commit(app, 100)
            assert service.run_once().accepted == 100
            rest = bulk_commit(app, 200)
            admin.set_fault("slow", count=1, delay=60)
            reports = []
            worker = threading.Thread(target=lambda: reports.append(service.run_once()))
            worker.start()
            _wait_until(lambda: admin.faults()["applied"].get("slow") == 1, what="the request in flight")

            server.kill()
            worker.join(timeout=30)

            assert "could not be reached" in reports[0].error
            assert states(app).count("pending") == 200
            server.start()
            clock.advance(60)
            assert service.run_once().accepted == 200
            references = [e.client_reference for e in first + rest]
            _assert_each_stored_once(admin, references)
            assert set(states(app)) == {"acknowledged"}
        finally:
            admin.close()
