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
    #: Set while waiting after a failure (backoff or the server's Retry-After).
    retry_at: datetime | None = None
    #: The DOR in use (a URL), and whether it is the bundled sandbox.
    endpoint: str = ""
    sandbox: bool = False
    #: Messages recorded for another DOR (never sent from here; see the outbox's dor_endpoint).
    for_other_dor: int = 0


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
    #: When the worker should try the DOR again after a failure (None: no failure pending).
    retry_at: datetime | None = None


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


@dataclass(frozen=True)
class SyncFieldError:
    """The DOR's complaint about one field (``items[0].imei``), for the rejection list."""

    field: str
    code: str
    message: str = ""


@dataclass(frozen=True)
class RejectedEntry:
    """An entry the DOR did not accept, for the clerk to fix with a correction (or to look into).

    ``state`` is ``rejected`` (field errors: correct the entry) or ``conflict`` (the DOR holds other
    content under this reference: support must look). Entries already corrected or voided by a
    later entry are no longer listed.
    """

    entry_id: int
    register_number: str
    client_reference: str
    message_kind: str  # "registration" or "event"
    state: str
    errors: tuple[SyncFieldError, ...] = ()
    last_error: str | None = None
