"""Each outbox message is for one DOR, and is never sent to any other (schema 0002)."""

from __future__ import annotations

from contextlib import closing

import pytest
import sqlcipher3

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import PRACTICE_ENDPOINT, REAL_ENDPOINT, AppContext
from dor_desktop.sync.backoff import Backoff
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncOptions, SyncService
from tests.conftest import KEYED, register_connection
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import commit, outbox

REAL = REAL_ENDPOINT


def _service(app: AppContext, url: str, endpoint: str) -> SyncService:
    options = SyncOptions(backoff=Backoff(random=lambda: 0.0))
    return SyncService(app.db, HttpTransport(demo_credentials(url)), options=options, endpoint=endpoint)


def test_every_message_records_the_dor_it_is_for(app: AppContext):
    commit(app, 2)
    assert app.practice and {row.dor_endpoint for row in outbox(app)} == {PRACTICE_ENDPOINT}


def test_a_message_for_another_dor_is_never_sent(app: AppContext, sandbox_url: str, admin: SandboxAdmin):
    """The practice register's messages reach no DOR but the practice sandbox, whatever is configured."""
    commit(app)
    service = _service(app, sandbox_url, REAL)
    try:
        report = service.run_once(poll=False)
        status = service.status()
    finally:
        service.close()
    assert report.sent == 0 and admin.stats()["registrations"] == 0
    assert status.pending == 0 and status.for_other_dor == 1
    assert [row.state for row in outbox(app)] == ["pending"]


def test_a_message_from_before_the_endpoint_column_is_claimed_by_the_dor_that_sends_it(
    app: AppContext, sandbox_url: str, admin: SandboxAdmin
):
    commit(app)
    with closing(register_connection(app.paths.database)) as connection, connection:  # as before schema 0002
        (trigger,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'outbox_endpoint_fixed'"
        ).fetchone()
        connection.execute("DROP TRIGGER outbox_endpoint_fixed")
        connection.execute("UPDATE outbox SET dor_endpoint = NULL")
        connection.execute(trigger)
    service = _service(app, sandbox_url, PRACTICE_ENDPOINT)
    try:
        assert service.run_once(poll=False).accepted == 1
    finally:
        service.close()
    assert [(row.state, row.dor_endpoint) for row in outbox(app)] == [("acknowledged", PRACTICE_ENDPOINT)]
    assert admin.stats()["registrations"] == 1


def test_a_recorded_endpoint_cannot_be_changed(app: AppContext):
    commit(app)
    with (
        closing(register_connection(app.paths.database)) as connection,
        pytest.raises(sqlcipher3.IntegrityError, match="cannot change its DOR"),
    ):
        connection.execute("UPDATE outbox SET dor_endpoint = ?", (REAL,))


def test_messages_made_before_the_dor_address_was_corrected_are_sent_to_the_corrected_one(
    home, sandbox_url: str, admin: SandboxAdmin
):
    """A mistyped address, purchases saved meanwhile, then the right address: nothing is stranded."""
    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.bootstrap.sync import build_sync_service

    login = {"DOR_DESKTOP_CLIENT_ID": "sandbox-shop", "DOR_DESKTOP_CLIENT_SECRET": "sandbox-secret"}
    typo = open_app(environ={**KEYED, "DOR_DESKTOP_DOR_URL": "http://127.0.0.1:9", **login})
    commit(typo)
    typo.close()

    corrected = {**KEYED, "DOR_DESKTOP_DOR_URL": sandbox_url, **login}
    app = open_app(environ=corrected)
    service = build_sync_service(app, environ=corrected)
    try:
        assert service.run_once(poll=False).accepted == 1
        assert service.status().for_other_dor == 0
    finally:
        service.close()
        app.close()
    assert admin.stats()["registrations"] == 1


def test_practice_never_uses_the_real_dors_credentials_from_the_environment():
    from dor_desktop.bootstrap.sync import PRACTICE_LOGIN
    from dor_desktop.config.settings import Settings
    from dor_desktop.sync.credentials import resolve_access

    environ = {"DOR_DESKTOP_CLIENT_ID": "realshop", "DOR_DESKTOP_CLIENT_SECRET": "real-secret"}
    access = resolve_access(Settings(), PRACTICE_LOGIN, environ)
    assert access.uses_sandbox and (access.client_id, access.secret) == PRACTICE_LOGIN
