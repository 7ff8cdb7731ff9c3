"""Any valid purchase commits and the register still verifies: the commit and verify agree on copies."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from sqlalchemy import select

from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.storage.models import RegisterEntry
from dor_desktop.storage.verify import verify

from ..unit.strategies import valid_purchases
from .conftest import NOW


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(purchase=valid_purchases())
def test_every_valid_purchase_commits_round_trips_and_verifies(db, register, purchase):
    # One register for all examples (the fixture is per test): the chain grows with every example.
    committed = register.commit_purchase(purchase)
    with db.read() as session:
        stored = session.scalar(select(RegisterEntry.payload).where(RegisterEntry.id == committed.entry_id))
    assert purchase_from_json(json.loads(stored), NOW) == (purchase, [])
    report = verify(db)
    assert report.ok, report.problem
    assert report.entries == int(committed.register_number.split("-")[1])
