"""What the rest of the application sees of synchronisation: plain data, no httpx, no Qt.

The window polls :class:`SyncStatus` and shows :class:`CheckResult`; the sync layer fills them.
Keeping these here lets the UI and the command line be written against a stable shape while the
transport behind it (the contract's HTTP API, or an operator's own interface) can change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class SyncStatus:
    """Sync health for the status bar: never a silent stall."""

    online: bool | None  # None: not tried yet
    pending: int
    oldest_pending_at: datetime | None
    last_acknowledged_at: datetime | None
    rejected: int
    conflicts: int
    active_alerts: int
    unacknowledged_alerts: int
    last_error: str | None = None


@dataclass(frozen=True)
class SyncReport:
    """What one pass of the worker did; ``new_alert_ids`` are the alerts stored in this pass."""

    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    conflicts: int = 0
    new_alert_ids: tuple[int, ...] = ()
    withdrawn_alert_ids: tuple[int, ...] = ()
    error: str | None = None


class CheckOutcome(StrEnum):
    KNOWN_STOLEN = "known_stolen"
    NOT_KNOWN = "not_known"
    COULD_NOT_CHECK = "could_not_check"


@dataclass(frozen=True)
class CheckMatch:
    match_type: str
    matched_field: str
    matched_value: str
    source: str = ""
    reported_stolen_on: str | None = None


@dataclass(frozen=True)
class CheckResult:
    """A pre-purchase serial check. Offline is "could not check", never "clean"."""

    outcome: CheckOutcome
    matches: tuple[CheckMatch, ...] = field(default=())
    reason: str = ""
