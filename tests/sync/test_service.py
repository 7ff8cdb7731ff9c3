"""SyncService as the window and the command line use it: status, checks, one owner, building."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.bootstrap.sync import build_sync_service
from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.sync.api import CheckOutcome
from dor_desktop.sync.credentials import ENV_CLIENT_ID, ENV_SECRET, ENV_URL
from dor_desktop.sync.errors import SyncBusy
from dor_desktop.sync.owner_lock import SyncOwnerLock, lock_path_for
from dor_desktop.sync.service import SyncService
from tests.conftest import KEYED
from tests.sync.canned import CannedServer
from tests.sync.helpers import ManualClock, commit

STOLEN_IMEI = "358410209477958"


def test_status_before_and_after_a_pass(app: AppContext, service: SyncService, clock: ManualClock) -> None:
    entries = commit(app, 2)
    before = service.status()
    assert before.online is None
    assert (before.pending, before.rejected, before.conflicts, before.active_alerts) == (2, 0, 0, 0)
    assert before.oldest_pending_at is not None and before.last_acknowledged_at is None
    assert before.endpoint.startswith("http://127.0.0.1:") and before.sandbox is False

    service.run_once()

    after = service.status()
    assert (after.online, after.pending, after.last_error, after.retry_at) == (True, 0, None, None)
    assert after.oldest_pending_at is None
    assert after.last_acknowledged_at == clock.now
    assert len(entries) == 2


def test_status_when_the_server_is_down(app: AppContext, make_service) -> None:
    with CannedServer() as server:
        url = server.url
    commit(app)
    service: SyncService = make_service(app, url)

    report = service.run_once()

    status = service.status()
    assert status.online is False and status.pending == 1
    assert status.last_error == report.error and "could not be reached" in report.error
    assert status.retry_at == report.retry_at is not None


def test_check_serial_known_stolen_and_not_known(service: SyncService) -> None:
    stolen = service.check_serial(STOLEN_IMEI, "phone")
    assert stolen.outcome == CheckOutcome.KNOWN_STOLEN
    (match,) = stolen.matches
    assert (match.match_type, match.matched_field, match.matched_value) == ("exact", "imei", STOLEN_IMEI)
    assert match.source == "POLITIE" and match.reported_stolen_on

    clean = service.check_serial("NOTSTOLEN123")
    assert (clean.outcome, clean.matches) == (CheckOutcome.NOT_KNOWN, ())


def test_check_serial_offline_says_could_not_check_never_not_known(app: AppContext, make_service) -> None:
    with CannedServer() as server:
        url = server.url
    service: SyncService = make_service(app, url)

    result = service.check_serial(STOLEN_IMEI)

    assert result.outcome == CheckOutcome.COULD_NOT_CHECK
    assert "could not be reached" in result.reason
    assert service.status().online is False


@pytest.mark.parametrize(("serial", "category"), [("ab", None), ("x" * 65, None), ("ABC123", "boat")])
def test_check_serial_refuses_bad_input_without_asking(service: SyncService, serial, category) -> None:
    result = service.check_serial(serial, category)
    assert result.outcome == CheckOutcome.COULD_NOT_CHECK and result.reason


def test_check_serial_busy_server(service: SyncService, admin: SandboxAdmin) -> None:
    admin.set_fault("http-429", path="/v1/checks")
    result = service.check_serial(STOLEN_IMEI)
    assert result.outcome == CheckOutcome.COULD_NOT_CHECK and "busy" in result.reason


def test_a_second_service_on_the_same_register_refuses_to_drain(
    app: AppContext, sandbox_url: str, make_service, admin: SandboxAdmin
) -> None:
    commit(app)
    first: SyncService = make_service(app, sandbox_url)
    second: SyncService = make_service(app, sandbox_url)
    assert first.run_once().accepted == 1

    commit(app)
    refused = second.run_once()

    assert "another sync process" in refused.error and refused.sent == 0
    with pytest.raises(SyncBusy, match=str(app.db.path)):
        second.claim_queue()
    assert second.status().pending == 1  # reading status does not need the queue
    first.close()
    assert second.run_once().accepted == 1
    assert admin.stats()["outcomes"]["accepted"] == 2


def test_the_lock_of_a_killed_process_is_free_again(tmp_path: Path) -> None:
    database = tmp_path / "register.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from dor_desktop.sync.owner_lock import SyncOwnerLock; "
            "lock = SyncOwnerLock(pathlib.Path(sys.argv[1])); lock.acquire(); print('held', flush=True); "
            "sys.stdin.read()",
            str(database),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SyncBusy, match=f"pid {holder.pid}"):
            SyncOwnerLock(database).acquire()
        holder.kill()
        holder.wait(timeout=10)
    finally:
        holder.kill()
        holder.stdin.close()
        holder.stdout.close()
    lock = SyncOwnerLock(database)
    lock.acquire()
    assert lock.held and lock_path_for(database).exists()
    lock.release()


def test_the_builder_starts_the_bundled_sandbox_when_no_url_is_configured(app: AppContext) -> None:
    commit(app, imei_number=STOLEN_IMEI)
    service = build_sync_service(app, environ={})
    try:
        assert service.sandbox and service.status().sandbox
        report = service.run_once()
        assert (report.accepted, len(report.new_alert_ids)) == (1, 1)
    finally:
        service.close()
    assert app.paths.sandbox_database.exists()


def test_the_builder_uses_the_url_and_credentials_from_the_environment(
    home: Path, sandbox_url: str, admin: SandboxAdmin
) -> None:
    environ = {**KEYED, ENV_URL: sandbox_url, ENV_CLIENT_ID: "sandbox-shop", ENV_SECRET: "sandbox-secret"}
    app = open_app(environ=environ)
    try:
        assert not app.practice and app.dor_endpoint == "dor"
        commit(app)
        service = build_sync_service(app, environ=environ)
        try:
            assert not service.sandbox
            assert service.run_once().accepted == 1
        finally:
            service.close()
    finally:
        app.close()
    assert admin.stats()["registrations"] == 1


def test_a_register_opened_in_practice_is_never_synced_to_a_real_dor(
    app: AppContext, sandbox_url: str, admin: SandboxAdmin
) -> None:
    """The mode is chosen when the register is opened; a DOR configured afterwards needs a restart."""
    commit(app)
    environ = {ENV_URL: sandbox_url, ENV_CLIENT_ID: "sandbox-shop", ENV_SECRET: "sandbox-secret"}
    with pytest.raises(RuntimeError, match="restart"):
        build_sync_service(app, environ=environ)
    assert admin.stats()["registrations"] == 0


def test_request_stop_ends_a_pass_between_batches(app: AppContext, service: SyncService) -> None:
    commit(app, 2)
    service.request_stop()
    report = service.run_once()
    assert report.sent == 0 and service.waiting_count() == 2


def test_a_pass_without_any_exchange_does_not_claim_the_dor_is_online(
    app: AppContext, make_service, clock: ManualClock
) -> None:
    with CannedServer() as server:
        url = server.url
    service: SyncService = make_service(app, url)
    assert service.run_once(poll=True).error
    clock.advance(3600)

    quiet = service.run_once(poll=False)

    assert (quiet.sent, quiet.error) == (0, None)
    assert service.status().online is False
