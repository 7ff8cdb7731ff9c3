"""Time in the shop: stored in UTC, shown and reasoned about (hold days, export periods) locally."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

SHOP_ZONE = ZoneInfo("Europe/Amsterdam")


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_utc_text(moment: datetime) -> str:
    """Sortable UTC text (``2026-11-23T09:15:00.000000Z``) for storage and comparisons."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_text(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def local_date(moment: datetime) -> date:
    return moment.astimezone(SHOP_ZONE).date()


def local_day_start_utc(day: date) -> str:
    """The UTC text of local midnight at the start of ``day``: the bound of a date-range query."""
    return to_utc_text(datetime.combine(day, time.min, tzinfo=SHOP_ZONE))
