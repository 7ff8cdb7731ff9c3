"""The police hold through the use cases the window calls: no correction, void or sale of any
version of an entry while a hit on any version is active; all of them again after the release."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from dor_desktop.errors import UserError
from dor_desktop.services import alerts, purchase_session, register
from dor_desktop.services.drafts import DraftStore
from dor_desktop.storage import alerts as stored_alerts
from tests.services.helpers import commit_phone, make_imei, phone_purchase

BOUGHT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
LONG_AFTER = date(2026, 6, 1)


def hit_on(app, entry_id: int) -> int:
    """A late hit on ``entry_id`` as the sync layer stores it."""
    facts = {
        "entry_id": entry_id,
        "item_line": 1,
        "hit_id": f"H-{entry_id}",
        "match_type": "exact",
        "matched_field": "imei",
        "matched_value": make_imei(1),
        "source": "POLITIE",
        "reported_stolen_on": None,
        "instructions": "keep the item apart",
        "origin": "notification",
        "received_at": "2026-03-05T10:00:00.000000Z",
    }
    with app.db.write() as session:
        return stored_alerts.add_alert(session, facts).id


@pytest.fixture
def corrected(app):
    """K1-000001 bought in March, corrected by K1-000002; then a late hit on K1-000001."""
    first = commit_phone(app, "Jansen", make_imei(1), BOUGHT)
    register.correct(app, "K1-000001", phone_purchase("Janssen", make_imei(1), BOUGHT), "naam")
    return hit_on(app, first.entry_id)


def test_a_hit_on_the_first_version_holds_every_later_one(app, corrected):
    drafts = DraftStore(app.paths.drafts)
    clean = phone_purchase("Janssen", make_imei(2), BOUGHT)
    with pytest.raises(UserError, match=r"K1-000002 is on police hold \(a hit on K1-000001\)"):
        purchase_session.commit(app, drafts, clean, {}, 1, correction_of="K1-000002", reason="IMEI")
    assert drafts.path.exists()  # the clerk's form is kept
    with pytest.raises(UserError, match="cannot be voided"):
        register.void(app, "K1-000002", "verkoper trok zich terug")
    with pytest.raises(alerts.SaleBlocked) as refused:
        alerts.record_sale(app, "K1-000002", 1, "Koper", Decimal("50"), LONG_AFTER)
    assert refused.value.code == "police_hold"
    assert [e.register_number for e in register.list_entries(app, register.EntryFilter())] == [
        "K1-000002",
        "K1-000001",
    ]


def test_after_the_release_the_entry_can_be_corrected_and_sold(app, corrected):
    alerts.release(app, corrected, "PV 2026-0042")
    assert alerts.open_alerts(app) == []
    sale = alerts.record_sale(app, "K1-000002", 1, "Koper", Decimal("50"), LONG_AFTER)
    assert sale.register_number == "K1-000002"
