"""The sales register: a sale is refused during the hold period, on police hold, and on replaced entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from dor_desktop.storage.models import Alert, Sale
from dor_desktop.storage.sales import SaleBlocked, record_sale
from tests.ui.conftest import commit_phone, make_imei

BOUGHT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def entry(context_factory):
    context = context_factory()  # default rule pack: 7 calendar days of hold
    return context, commit_phone(context, "Jansen", make_imei(1), acquired=BOUGHT)


def test_sale_is_refused_while_the_hold_period_runs(entry):
    context, committed = entry
    free_on = context.rules.hold_ends(BOUGHT.date())
    with pytest.raises(SaleBlocked) as refused:
        record_sale(context.db, committed.register_number, 1, "Koper", Decimal("150"), free_on - timedelta(1))
    assert refused.value.code == "hold_period" and refused.value.until == free_on.isoformat()


def test_sale_after_the_hold_period_is_recorded_once(entry):
    context, committed = entry
    free_on = context.rules.hold_ends(BOUGHT.date())
    record_sale(context.db, committed.register_number, 1, "Koper", Decimal("150"), free_on)
    with context.db.read() as session:
        assert session.scalar(select(Sale.price)) == "150.00"
    with pytest.raises(SaleBlocked) as again:
        record_sale(context.db, committed.register_number, 1, "Ander", Decimal("10"), free_on)
    assert again.value.code == "already_sold"


def test_sale_is_refused_on_police_hold_even_after_the_hold_period(entry):
    context, committed = entry
    with context.db.write() as session:
        session.add(
            Alert(
                entry_id=committed.entry_id,
                item_line=1,
                hit_id="h-1",
                match_type="exact",
                matched_field="imei",
                matched_value=make_imei(1),
                origin="notification",
                received_at="2026-03-03T10:00:00.000000Z",
            )
        )
    with pytest.raises(SaleBlocked) as refused:
        record_sale(context.db, committed.register_number, 1, "Koper", Decimal("150"), date(2026, 4, 1))
    assert refused.value.code == "police_hold"


def test_sale_is_refused_on_a_voided_entry_and_for_unknown_lines(entry):
    context, committed = entry
    with pytest.raises(SaleBlocked) as unknown:
        record_sale(
            context.db, committed.register_number, 7, "Koper", Decimal("1"), BOUGHT.date() + timedelta(30)
        )
    assert unknown.value.code == "no_such_item"
    context.register.void(committed.register_number, "twee keer ingevoerd")
    with pytest.raises(SaleBlocked) as voided:
        record_sale(
            context.db, committed.register_number, 1, "Koper", Decimal("1"), BOUGHT.date() + timedelta(30)
        )
    assert voided.value.code == "superseded"
