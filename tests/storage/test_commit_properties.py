"""Any valid purchase commits and the register still verifies: the commit and verify agree on copies."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC

from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.storage.models import RegisterEntry
from dor_desktop.storage.personal import full_payload, personal_of
from dor_desktop.storage.verify import verify

from ..unit.strategies import valid_purchases
from .conftest import NOW


def in_utc(purchase: Purchase) -> Purchase:
    return replace(purchase, acquired_at=purchase.acquired_at.astimezone(UTC))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(purchase=valid_purchases())
def test_every_valid_purchase_commits_round_trips_and_verifies(db, register, purchase):
    # One register for all examples (the fixture is per test): the chain grows with every example.
    committed = register.commit_purchase(purchase)
    with db.read() as session:
        entry = session.get(RegisterEntry, committed.entry_id)
        stored = full_payload(entry, personal_of(session, committed.entry_id))  # personal data apart
    # Compared as instants: a zone-aware time and its fixed-offset copy are the same moment, but
    # Python never calls them equal inside a DST fold (e.g. 02:30 on the last Sunday of October).
    assert purchase_from_json(stored, NOW) == (in_utc(purchase), [])
    report = verify(db)
    assert report.ok, report.problem
    assert report.entries == int(committed.register_number.split("-")[1])


def test_a_purchase_inside_the_autumn_dst_fold_keeps_its_instant(register, db, purchase):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    for fold in (0, 1):  # 02:30 happens twice on 2026-10-25 in Amsterdam
        moment = datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam"), fold=fold)
        late = replace(purchase(), acquired_at=moment, late_entry_reason="late")
        committed = register.commit_purchase(late)
        with db.read() as session:
            stored = session.scalar(
                select(RegisterEntry.payload).where(RegisterEntry.id == committed.entry_id)
            )
        parsed, _ = purchase_from_json(json.loads(stored), NOW)
        assert parsed.acquired_at.astimezone(UTC) == moment.astimezone(UTC)
