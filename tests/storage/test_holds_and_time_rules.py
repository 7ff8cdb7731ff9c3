"""A police hold covers the entry's whole version chain; the hold period cannot be shortened.

Each test here failed before the rule it names: a correction of goods on hold went through, the
correction could then be voided, and a back-dated purchase or correction could be sold at once.
"""

from __future__ import annotations

import json
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from dor_desktop.errors import UserError
from dor_desktop.storage import alerts
from dor_desktop.storage.register import Register, RegisterContext, ValidationFailed
from dor_desktop.storage.sales import SaleBlocked, record_sale
from tests.storage.conftest import NOW, count, raw

from .test_sales_and_release import add_alert

AFTER_HOLD = NOW.date() + timedelta(days=30)


@pytest.fixture
def held(db, register, purchase):
    """K1-000001 with an active hit on its phone."""
    entry = register.commit_purchase(purchase())
    add_alert(db, entry.entry_id)
    return entry


def test_goods_on_hold_cannot_be_corrected(db_path, register, purchase, held):
    clean = purchase()
    clean = replace(clean, items=(replace(clean.items[0], imei="356938035643809"),))
    with pytest.raises(UserError, match="K1-000001 is on police hold and cannot be corrected"):
        register.correct("K1-000001", clean, "typo in the IMEI")
    assert count(db_path, "register_entry") == 1


def test_a_hit_on_an_older_version_holds_the_correction_too(db, db_path, register, purchase):
    first = register.commit_purchase(purchase())
    register.correct("K1-000001", replace(purchase(), clerk="Bert"), "wrong clerk")
    add_alert(db, first.entry_id)  # a late hit on the reference the DOR knew first

    with pytest.raises(UserError, match=r"K1-000002 is on police hold \(a hit on K1-000001\)"):
        register.void("K1-000002", "seller withdrew")
    with pytest.raises(UserError, match="cannot be corrected"):
        register.correct("K1-000002", purchase(), "again")
    with pytest.raises(SaleBlocked, match="police hold"):
        record_sale(db, "K1-000002", 1, "", Decimal("10.00"), AFTER_HOLD)
    assert count(db_path, "register_entry") == 2


def test_after_the_release_the_chain_can_change_again(db, register, purchase, held):
    alerts.release(db, alerts.open_alerts(db)[0].alert_id, "PV 2026-1")
    assert register.correct("K1-000001", replace(purchase(), clerk="Bert"), "clerk").register_number == (
        "K1-000002"
    )
    assert register.void("K1-000002", "entered twice").register_number == "K1-000003"


def _registering_at(db, moment) -> Register:
    from dor_desktop.domain.rules import load_pack

    return Register(
        db, RegisterContext("SHOP-1", "K1", load_pack("default"), "practice-sandbox", lambda: moment)
    )


def test_the_hold_runs_from_the_registration_when_it_is_later(db, register, purchase):
    back_dated = purchase(acquired_at=(NOW - timedelta(days=20)).isoformat(), late_entry_reason="power cut")
    entry = register.commit_purchase(back_dated)
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, entry.register_number, 1, "", Decimal("10.00"), NOW.date())
    assert refused.value.code == "hold_period"
    assert refused.value.until == (NOW.date() + timedelta(days=8)).isoformat()


def test_a_purchase_dated_a_day_before_its_registration_needs_a_reason(db_path, register, purchase):
    with pytest.raises(ValidationFailed) as refused:
        register.commit_purchase(purchase(acquired_at=(NOW - timedelta(hours=25)).isoformat()))
    assert [(p.path, p.code) for p in refused.value.problems] == [
        ("late_entry_reason", "late_entry_reason_required")
    ]
    assert count(db_path, "register_entry") == 0
    on_time = register.commit_purchase(purchase(acquired_at=(NOW - timedelta(hours=23)).isoformat()))
    assert on_time.register_number == "K1-000001"


def test_a_correction_never_shortens_the_hold(db, register, purchase):
    register.commit_purchase(purchase())
    later = _registering_at(db, NOW + timedelta(days=2))
    moved_back = purchase(acquired_at=(NOW - timedelta(days=30)).isoformat(), late_entry_reason="wrong date")
    correction = later.correct("K1-000001", moved_back, "the date was wrong")
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, correction.register_number, 1, "", Decimal("10.00"), NOW.date() + timedelta(days=3))
    assert refused.value.until == (NOW.date() + timedelta(days=8)).isoformat()


def test_a_correction_of_the_goods_numbers_restarts_the_hold(db, register, purchase):
    register.commit_purchase(purchase())
    later = _registering_at(db, NOW + timedelta(days=5))
    other = purchase()
    other = replace(other, items=(replace(other.items[0], imei="356938035643809"),))
    correction = later.correct("K1-000001", other, "the IMEI was mistyped")
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, correction.register_number, 1, "", Decimal("10.00"), NOW.date() + timedelta(days=9))
    assert refused.value.until == (NOW.date() + timedelta(days=13)).isoformat()


def test_a_sale_uses_the_longest_hold_of_the_chain(db, db_path, register, purchase):
    """A correction made before this rule could hold an earlier day than its original: the chain's
    latest day still counts."""
    register.commit_purchase(purchase())
    register.correct("K1-000001", replace(purchase(), clerk="Bert"), "clerk")
    with closing(raw(db_path)) as connection:
        connection.execute("DROP TRIGGER register_entry_no_update")
        connection.execute("UPDATE register_entry SET hold_until = '2026-11-01' WHERE sequence = 2")
    with pytest.raises(SaleBlocked) as refused:
        record_sale(db, "K1-000002", 1, "", Decimal("10.00"), date(2026, 11, 25))
    assert refused.value.until == "2026-12-01"


def test_a_correction_keeps_the_late_entry_reason(db, register, purchase):
    late = purchase(acquired_at=(NOW - timedelta(days=3)).isoformat(), late_entry_reason="paper notes")
    register.commit_purchase(late)
    fixed = replace(late, clerk="Bert", late_entry_reason="")
    correction = _registering_at(db, NOW + timedelta(days=1)).correct("K1-000001", fixed, "clerk")
    with db.read() as session:
        from dor_desktop.storage.queries import entry_detail

        payload = entry_detail(session, correction.register_number).payload
    assert payload["late_entry_reason"] == "paper notes"
    assert "late_entry_reason" not in json.dumps(_outbox_registration(db, correction.entry_id))


def _outbox_registration(db, entry_id: int) -> dict:
    from sqlalchemy import select

    from dor_desktop.storage.models import OutboxMessage

    with db.read() as session:
        return json.loads(
            session.scalar(select(OutboxMessage.payload).where(OutboxMessage.entry_id == entry_id))
        )
