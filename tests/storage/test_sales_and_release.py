"""Sales and the police release: what may be sold when, and what reaches the DOR queue."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dor_desktop.domain.clock import to_utc_text
from dor_desktop.errors import UserError
from dor_desktop.storage import alerts
from dor_desktop.storage.models import OutboxMessage
from dor_desktop.storage.sales import SaleBlocked, record_sale
from tests.storage.conftest import NOW

AFTER_HOLD = NOW.date() + timedelta(days=30)


def add_alert(db, entry_id: int, hit_id: str = "H-1") -> int:
    """A hit as the sync layer stores it (with its event in the alerts' chain)."""
    facts = {
        "entry_id": entry_id,
        "item_line": 1,
        "hit_id": hit_id,
        "match_type": "exact",
        "matched_field": "imei",
        "matched_value": "358410209477958",
        "source": "",
        "reported_stolen_on": None,
        "instructions": "",
        "origin": "submission",
        "received_at": "2026-11-23T10:00:00Z",
    }
    with db.write() as session:
        return alerts.add_alert(session, facts).id


def test_a_sale_is_queued_for_the_dor_as_a_sold_event(db, register, purchase):
    entry = register.commit_purchase(purchase())
    record_sale(db, entry.register_number, 1, "K. Koper", Decimal("125.00"), AFTER_HOLD)

    with db.read() as session:
        events = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "event")).all()
    assert len(events) == 1
    message = json.loads(events[0].payload)
    assert message["target"] == entry.client_reference
    assert message["event"]["type"] == "sold"
    assert message["event"]["item_line"] == 1
    assert message["event"]["price"] == {"value": "125.00", "currency": "EUR"}
    assert events[0].state == "pending"


def test_no_sale_during_the_hold_period_and_nothing_queued(db, register, purchase):
    entry = register.commit_purchase(purchase())
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, entry.register_number, 1, "", Decimal("10.00"), NOW.date())
    assert refused.value.code == "hold_period"
    with db.read() as session:
        assert session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "event")).all() == []


def test_police_hold_blocks_sale_and_void_until_released(db, register, purchase):
    entry = register.commit_purchase(purchase())
    alert_id = add_alert(db, entry.entry_id)
    with pytest.raises(SaleBlocked, match="police hold"):
        record_sale(db, entry.register_number, 1, "", Decimal("10.00"), AFTER_HOLD)
    with pytest.raises(UserError, match="police hold"):
        register.void(entry.register_number, "mistake")

    with pytest.raises(UserError, match="who released"):
        alerts.release(db, alert_id, "  ")
    alerts.release(db, alert_id, "PV 2026-123, agent 4411")

    assert alerts.open_alerts(db) == []
    record_sale(db, entry.register_number, 1, "", Decimal("10.00"), AFTER_HOLD)
    with pytest.raises(UserError, match="already released"):
        alerts.release(db, alert_id, "again")


def test_acknowledging_keeps_the_alert_open_until_release(db, register, purchase):
    entry = register.commit_purchase(purchase())
    alert_id = add_alert(db, entry.entry_id)
    alerts.acknowledge(db, alert_id, now=NOW)

    [view] = alerts.open_alerts(db)
    assert view.acknowledged
    assert view.acknowledged_at == to_utc_text(NOW)


@pytest.mark.parametrize("text", ["999 999 990", "\uff19\uff19\uff19999990", "Koper\x1b[2J"])
def test_a_bsn_or_control_character_in_a_buyer_or_release_note_is_refused(db, register, purchase, text):
    entry = register.commit_purchase(purchase())
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, entry.register_number, 1, text, Decimal("10.00"), AFTER_HOLD)
    assert refused.value.code == "invalid_text"
    alert_id = add_alert(db, entry.entry_id)
    with pytest.raises(UserError, match="the note cannot be stored"):
        alerts.release(db, alert_id, f"PV {text}")
    with pytest.raises(UserError, match="the reason cannot be stored"):
        register.correct(entry.register_number, purchase(), f"typo {text}")
    with db.read() as session:
        assert session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "event")).all() == []
