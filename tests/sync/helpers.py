"""Building blocks for the sync tests: purchases, fast bulk commits, a manual clock, outbox reads."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from dor_desktop.domain.checks import luhn_valid
from dor_desktop.domain.clock import utc_now
from dor_desktop.domain.enums import EntryKind
from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.services.context import AppContext
from dor_desktop.storage.models import Alert, OutboxMessage, RegisterEntry
from dor_desktop.storage.register import CommittedEntry
from tests.conftest import VALID_PURCHASE


def imei(serial: int) -> str:
    """A valid (Luhn) IMEI built from ``serial``, outside the sandbox's stolen-goods seed."""
    body = f"35{serial:012d}"
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


def purchase_data(imei_number: str | None = None, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID_PURCHASE)
    if imei_number:
        data["items"][0]["imei"] = imei_number
    data.update(copy.deepcopy(changes))
    return data


def to_purchase(data: dict[str, Any]) -> Purchase:
    purchase, problems = purchase_from_json(data, utc_now())
    assert purchase is not None and not problems, problems
    return purchase


def commit(app: AppContext, count: int = 1, imei_number: str | None = None) -> list[CommittedEntry]:
    """``count`` purchases through the public commit path (validation, one transaction each)."""
    purchase = to_purchase(purchase_data(imei_number))
    return [app.register.commit_purchase(purchase) for _ in range(count)]


def bulk_commit(app: AppContext, count: int) -> list[CommittedEntry]:
    """``count`` valid purchases in ONE transaction: the same append code as a commit, without an
    fsync per entry, so tests and the benchmark can queue thousands of entries in a second."""
    purchase = to_purchase(purchase_data())
    assert not app.register.check(purchase)
    with app.db.write() as session:
        return [
            app.register._append_purchase(session, purchase, EntryKind.PURCHASE, None, "")
            for _ in range(count)
        ]


def outbox(app: AppContext, kind: str = "registration") -> list[OutboxMessage]:
    with app.db.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


def entry_hashes(app: AppContext) -> dict[str, str]:
    """``register_number -> entry_hash`` of every entry."""
    with app.db.read() as session:
        return dict(session.execute(select(RegisterEntry.register_number, RegisterEntry.entry_hash)).all())


def alerts(app: AppContext) -> list[Alert]:
    with app.db.read() as session:
        return list(session.scalars(select(Alert).order_by(Alert.id)))


def states(app: AppContext, kind: str = "registration") -> list[str]:
    return [row.state for row in outbox(app, kind)]


@dataclass
class ManualClock:
    """A clock the test moves by hand: backoff and Retry-After without sleeping."""

    now: datetime = field(default_factory=utc_now)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
