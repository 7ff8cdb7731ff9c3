"""Purchases committed straight through the register, for tests of what reads or follows them."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime

from dor_desktop.domain.checks import luhn_valid
from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.services import register
from dor_desktop.services.context import AppContext
from dor_desktop.services.register import CommittedEntry
from dor_desktop.storage.register import Register
from tests.conftest import VALID_PURCHASE


def make_imei(number: int) -> str:
    """A valid 15-digit IMEI (its Luhn check digit appended) built from ``number``."""
    body = f"35{number:012d}"
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


def phone_purchase(family_name: str, imei: str, acquired: datetime | None = None) -> Purchase:
    """A valid purchase of one phone (``acquired``: now, when not given)."""
    data = copy.deepcopy(VALID_PURCHASE)
    data["seller"]["family_name"] = family_name
    data["items"][0]["imei"] = imei
    moment = acquired or datetime.now(UTC)
    data["acquired_at"] = moment.isoformat()
    purchase, problems = purchase_from_json(data, datetime.now(UTC))
    assert not problems, problems
    return purchase


def commit_phone(
    context: AppContext, family_name: str, imei: str, acquired: datetime | None = None
) -> CommittedEntry:
    """Commit a valid phone purchase through the register use case (no window involved).

    With ``acquired`` the purchase is registered at that moment too (the register's clock set
    back), as a purchase entered at the counter back then: not a late entry, and its hold period
    runs from then.
    """
    purchase = phone_purchase(family_name, imei, acquired)
    if acquired is None:
        return register.commit_purchase(context, purchase)
    then = Register(context.db, replace(context.register.context, clock=lambda: acquired))
    return then.commit_purchase(purchase)
