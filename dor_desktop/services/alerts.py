"""Hits (stolen-goods matches) and what the shop does with them; sales, which a hit can block."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from dor_desktop.services.access import Permission, require
from dor_desktop.services.audit import Action, record
from dor_desktop.services.context import AppContext
from dor_desktop.storage import alerts as _alerts
from dor_desktop.storage import sales as _sales
from dor_desktop.storage.alerts import AlertView
from dor_desktop.storage.models import Alert, RegisterEntry
from dor_desktop.storage.sales import RecordedSale, SaleBlocked

__all__ = [
    "AlertLine",
    "AlertView",
    "RecordedSale",
    "SaleBlocked",
    "acknowledge",
    "alert_lines",
    "open_alerts",
    "record_sale",
    "release",
]

#: (register number, matched field, matched value, match type) of one hit, for a report line.
AlertLine = tuple[str, str, str, str]


def open_alerts(app: AppContext) -> list[AlertView]:
    return _alerts.open_alerts(app.db)


def acknowledge(app: AppContext, alert_id: int) -> None:
    """The clerk has seen the hit (it stays active: the goods stay on hold)."""
    _alerts.acknowledge(app.db, alert_id)


def release(app: AppContext, alert_id: int, note: str) -> None:
    """The police released the goods; the note says who and when."""
    require(app.actor, Permission.RELEASE)
    _alerts.release(app.db, alert_id, note)
    record(app, Action.POLICE_RELEASE, f"alert {alert_id}")


def alert_lines(app: AppContext, ids: tuple[int, ...]) -> list[AlertLine]:
    """The hits ``ids`` as report lines, in the order they were stored."""
    if not ids:
        return []
    with app.db.read() as session:
        rows = session.execute(
            select(RegisterEntry.register_number, Alert.matched_field, Alert.matched_value, Alert.match_type)
            .join(RegisterEntry, RegisterEntry.id == Alert.entry_id)
            .where(Alert.id.in_(ids))
            .order_by(Alert.id)
        ).all()
    return [(n, f, v, k) for n, f, v, k in rows]


def record_sale(
    app: AppContext, reference: str, item_line: int, buyer: str, price: Decimal, today: date
) -> RecordedSale:
    """Record a sale in the sales register and queue the ``sold`` event; SaleBlocked says why not."""
    require(app.actor, Permission.SELL)
    sale = _sales.record_sale(app.db, reference, item_line, buyer, price, today)
    record(app, Action.SALE, sale.register_number, f"line {sale.item_line}")
    return sale
