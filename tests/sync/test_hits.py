"""Hits from submission results and from the notification feed reach the local alert table."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select

from dor_desktop.errors import UserError
from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.storage.models import AlertEvent, SyncState
from dor_desktop.storage.queries import entry_detail
from dor_desktop.storage.register import on_police_hold
from dor_desktop.storage.verify import verify
from dor_desktop.sync import outcomes
from dor_desktop.sync.outcomes import PassTally
from dor_desktop.sync.service import SyncService
from tests.sync.canned import CannedServer
from tests.sync.helpers import ManualClock, alerts, commit, imei, states

#: In the sandbox's stolen-goods seed (resources/sandbox/stolen_goods.csv).
STOLEN_IMEI = "358410209477958"


def test_a_hit_in_the_submission_result_is_stored_and_puts_the_item_on_hold(
    app: AppContext, service: SyncService
) -> None:
    (entry,) = commit(app, imei_number=STOLEN_IMEI)

    report = service.run_once()

    (alert,) = alerts(app)
    assert report.new_alert_ids == (alert.id,)
    assert (alert.entry_id, alert.origin, alert.status) == (entry.entry_id, "submission", "active")
    assert (alert.matched_field, alert.matched_value, alert.match_type) == ("imei", STOLEN_IMEI, "exact")
    assert alert.item_line == 1 and alert.source == "POLITIE"
    with app.db.read() as session:
        assert on_police_hold(session, entry.entry_id)
        detail = entry_detail(session, entry.register_number)
    assert detail.hits[0]["hit_id"] == alert.hit_id
    assert detail.summary.active_hits == 1 and detail.summary.dor_id
    with pytest.raises(UserError, match="police hold"):
        app.register.void(entry.register_number, "customer changed their mind")
    status = service.status()
    assert (status.active_alerts, status.unacknowledged_alerts) == (1, 1)


def test_a_hit_in_a_lost_acknowledgement_is_stored_once_from_the_duplicate_answer(
    app: AppContext, service: SyncService, admin: SandboxAdmin, clock: ManualClock
) -> None:
    commit(app, imei_number=STOLEN_IMEI)
    admin.set_fault("drop-after-commit", count=1)
    assert service.run_once().error
    assert alerts(app) == []

    clock.advance(1)
    report = service.run_once()
    service.run_once(poll=True)

    assert len(report.new_alert_ids) == 1
    assert len(alerts(app)) == 1


def test_a_late_hit_arrives_through_the_feed_and_is_withdrawn_not_deleted(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    number = imei(424242)
    (entry,) = commit(app, imei_number=number)
    assert service.run_once().new_alert_ids == ()

    reported = admin.add_stolen(imei=number, category="phone")
    assert reported["late_hits"] == 1
    late = service.run_once(poll=True)

    (alert,) = alerts(app)
    assert late.new_alert_ids == (alert.id,)
    assert (alert.origin, alert.status, alert.entry_id) == ("notification", "active", entry.entry_id)
    with app.db.read() as session:
        assert on_police_hold(session, entry.entry_id)
        assert outcomes.get_state(session, outcomes.CURSOR_KEY)

    admin.withdraw_stolen(reported["stolen_id"])
    withdrawn = service.run_once(poll=True)

    (alert,) = alerts(app)
    assert withdrawn.withdrawn_alert_ids == (alert.id,)
    assert alert.status == "withdrawn" and alert.withdrawn_at
    with app.db.read() as session:
        assert not on_police_hold(session, entry.entry_id)
        assert entry_detail(session, entry.register_number).hits[0]["status"] == "withdrawn"
    app.register.void(entry.register_number, "no longer on hold")
    report = verify(app.db)  # the hit and its withdrawal are events in the alerts' chain
    assert report.ok, report.problem
    with app.db.read() as session:
        kinds = session.scalars(select(AlertEvent.kind).order_by(AlertEvent.id)).all()
    assert kinds == ["received", "withdrawn"]


def test_notifications_seen_twice_change_nothing(
    app: AppContext, service: SyncService, admin: SandboxAdmin
) -> None:
    number = imei(515151)
    commit(app, imei_number=number)
    service.run_once()
    reported = admin.add_stolen(imei=number)
    service.run_once(poll=True)
    admin.withdraw_stolen(reported["stolen_id"])
    service.run_once(poll=True)
    before = [(a.id, a.status, a.withdrawn_at) for a in alerts(app)]

    with app.db.write() as session:  # forget the cursor: the whole feed comes again
        session.execute(delete(SyncState).where(SyncState.key == outcomes.CURSOR_KEY))
    again = service.run_once(poll=True)

    assert (again.new_alert_ids, again.withdrawn_alert_ids) == ((), ())
    assert [(a.id, a.status, a.withdrawn_at) for a in alerts(app)] == before


def test_the_feed_is_read_on_an_interval_when_nothing_else_happens(
    app: AppContext, service: SyncService, admin: SandboxAdmin, clock: ManualClock
) -> None:
    number = imei(616161)
    commit(app, imei_number=number)
    service.run_once()
    admin.add_stolen(imei=number)

    assert service.run_once().new_alert_ids == ()  # polled moments ago
    assert service.seconds_until_due() == pytest.approx(30)

    clock.advance(30)
    assert len(service.run_once().new_alert_ids) == 1


class _AlertStoreBroken(Exception):
    pass


def test_an_answer_is_recorded_only_together_with_its_alert(
    app: AppContext, service: SyncService, admin: SandboxAdmin, monkeypatch: pytest.MonkeyPatch
) -> None:
    (entry,) = commit(app, imei_number=STOLEN_IMEI)

    def broken(*args, **kwargs):
        raise _AlertStoreBroken("disk full while storing the alert")

    with monkeypatch.context() as patch:
        patch.setattr(outcomes, "add_alert", broken)
        with pytest.raises(_AlertStoreBroken):
            service.run_once()
    assert states(app) == ["pending"] and alerts(app) == []  # the acknowledgement rolled back too

    report = service.run_once()

    assert report.accepted == 1 and len(report.new_alert_ids) == 1
    assert admin.registrations(entry.client_reference)[0]["times_stored"] == 1


def test_the_cursor_advances_only_together_with_the_alerts(
    app: AppContext, service: SyncService, admin: SandboxAdmin, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = imei(717171)
    commit(app, imei_number=number)
    service.run_once()
    admin.add_stolen(imei=number)

    def broken(*args, **kwargs):
        raise _AlertStoreBroken("disk full while storing the alert")

    with monkeypatch.context() as patch:
        patch.setattr(outcomes, "add_alert", broken)
        with pytest.raises(_AlertStoreBroken):
            service.run_once(poll=True)
    with app.db.read() as session:
        assert outcomes.get_state(session, outcomes.CURSOR_KEY) is None

    assert len(service.run_once(poll=True).new_alert_ids) == 1


def test_odd_notices_are_skipped_without_stalling_the_feed(app: AppContext, make_service) -> None:
    (entry,) = commit(app)
    hit = {
        "hit_id": "H-1",
        "match_type": "exact",
        "matched_field": "imei",
        "matched_value": "490154203237518",
    }
    base = {"dor_id": "D-1", "client_reference": entry.client_reference, "created_at": "2026-11-23T10:00:00Z"}
    page = {
        "notifications": [
            {**base, "notification_id": "n1", "cursor": "c1", "type": "recall", "hit": hit},
            {**base, "notification_id": "n2", "cursor": "c2", "type": "hit"},
            {**base, "notification_id": "n3", "cursor": "c3", "type": "hit", "hit": hit},
        ],
        "next_cursor": "c3",
    }
    with CannedServer() as server:
        server.answer("GET", "/v1/notifications", 200, page)
        service: SyncService = make_service(app, server.url)
        tally = PassTally()
        service.poller.poll(tally)

    (alert,) = alerts(app)
    assert tally.new_alert_ids == [alert.id] and alert.hit_id == "H-1"
    with app.db.read() as session:
        assert outcomes.get_state(session, outcomes.CURSOR_KEY) == "c3"
