"""``SyncService``: the one object the window's sync thread and the command line both drive.

Plain Python, no Qt: the window calls :meth:`SyncService.run_once` from its QThread on a timer,
after each new entry and on "sync now", reads :meth:`status` for the status bar, and calls
:meth:`check_serial` before a purchase. Network waits happen inside those calls; the service
never sleeps: after a failure it says when to come back (``retry_at``), and the caller waits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import aliased

from dor_desktop.domain.clock import from_utc_text, utc_now
from dor_desktop.domain.enums import Category
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import Alert, OutboxMessage, RegisterEntry
from dor_desktop.sync import outcomes
from dor_desktop.sync.api import (
    CheckMatch,
    CheckOutcome,
    CheckResult,
    RejectedEntry,
    SyncFieldError,
    SyncReport,
    SyncStatus,
)
from dor_desktop.sync.backoff import Backoff, RetryGate
from dor_desktop.sync.deadline import deadline_after
from dor_desktop.sync.drainer import Drainer
from dor_desktop.sync.errors import ServerBusy, SyncBusy, TransportError
from dor_desktop.sync.notifications import NotificationPoller
from dor_desktop.sync.outcomes import PassTally
from dor_desktop.sync.owner_lock import SyncOwnerLock
from dor_desktop.sync.transport import MAX_BATCH, DorTransport

log = logging.getLogger(__name__)

#: How often the notification feed is read when nothing else is happening.
NOTIFICATIONS_INTERVAL = timedelta(seconds=30)
#: The total time one pass may spend reading the notification feed (all its pages).
POLL_SECONDS = 60.0


@dataclass(frozen=True)
class SyncOptions:
    batch_size: int = MAX_BATCH
    notifications_interval: timedelta = NOTIFICATIONS_INTERVAL
    backoff: Backoff | None = None
    poll_seconds: float = POLL_SECONDS


class SyncService:
    """Drains the outbox, reads the notification feed and checks serials for one register file.

    Only one process may drain a register: the first :meth:`run_once` takes the OS lock next to
    the database and keeps it until :meth:`close`. :meth:`status` and :meth:`check_serial` do
    not need it, so a second window can still show status and check serials.
    """

    def __init__(
        self,
        db: Database,
        transport: DorTransport,
        *,
        options: SyncOptions | None = None,
        clock: Callable[[], datetime] = utc_now,
        endpoint: str,
        sandbox: bool = False,
        resources: ExitStack | None = None,
    ) -> None:
        options = options or SyncOptions()
        self.db = db
        self.transport = transport
        self.clock = clock
        self.sandbox = sandbox
        self.gate = RetryGate(options.backoff or Backoff(), clock)
        self._stop = threading.Event()
        self.drainer = Drainer(
            db,
            transport,
            self.gate,
            endpoint=endpoint,
            batch_size=options.batch_size,
            clock=clock,
            stop=self._stop,
        )
        self.poller = NotificationPoller(db, transport, self.gate, clock=clock, stop=self._stop)
        self.notifications_interval = options.notifications_interval
        self.poll_seconds = options.poll_seconds
        self.lock = SyncOwnerLock(db.path)
        self._resources = resources or ExitStack()
        self._pass_lock = threading.Lock()
        self._online: bool | None = None
        self._last_error: str | None = None
        self._last_poll: datetime | None = None

    # -- the owner's work ----------------------------------------------------------------------

    def claim_queue(self) -> None:
        """Become the one process that sends this register; raises SyncBusy when another is."""
        self.lock.acquire()

    def run_once(self, *, poll: bool | None = None) -> SyncReport:
        """Send what is due, then read the notification feed if it is due (or ``poll`` says so).

        Never raises for network trouble or a busy register file: the report carries the error
        and ``retry_at``. Anything else raised is a bug and propagates.
        """
        with self._pass_lock:
            refused = self._refusal()
            if refused is not None:
                return refused
            tally = PassTally()
            error = self._pass(tally, poll)
            return _report(tally, error, self.gate.retry_at if error else None)

    def _refusal(self) -> SyncReport | None:
        """Why no pass may run now (another owner, or still waiting after a failure), or None."""
        try:
            self.claim_queue()
        except SyncBusy as busy:
            self._last_error = str(busy)
            return SyncReport(error=str(busy))
        if not self.gate.ready():
            return SyncReport(error=self._last_error, retry_at=self.gate.retry_at)
        return None

    def _pass(self, tally: PassTally, poll: bool | None) -> str | None:
        """Drain, then poll; returns the error that ended the pass early, if any.

        Each half has its own total deadline, so a pass ends within ``drainer.pass_seconds`` +
        ``poll_seconds`` whatever the DOR does: a DOR answering each page of the feed just inside
        the per-request deadline would otherwise hold the worker (and ``sync --once``) for
        MAX_PAGES requests. The poll's own budget, rather than what sending left over, means a
        long queue cannot starve the reading of late hits.
        """
        polled = False
        try:
            self.drainer.drain(tally)
            if self._stop.is_set():
                return None
            polled = bool(poll or (poll is None and self._poll_due(tally)))
            if polled:
                with deadline_after(self.poll_seconds):
                    self.poller.poll(tally)
                self._last_poll = self.clock()
        except TransportError as failure:
            self._online, self._last_error = isinstance(failure, ServerBusy), str(failure)
            return str(failure)
        except OperationalError as failure:
            # The register file is locked or unwritable for now: whatever the DOR answered is not
            # recorded, so it is asked again later (and answers duplicate), never lost.
            self._last_error = f"the register could not be written: {getattr(failure, 'orig', failure)}"
            self.gate.failed()
            return self._last_error
        if tally.sent or polled:  # only an answer from the DOR says it is online
            self._online, self._last_error = True, None
        return None

    def _poll_due(self, tally: PassTally) -> bool:
        # After acknowledgements a late hit may already be waiting; otherwise poll on the interval.
        if tally.accepted or self._last_poll is None:
            return True
        return self.clock() - self._last_poll >= self.notifications_interval

    def retry_now(self) -> None:
        """ "Sync now": forget the backoff wait (a server's own Retry-After is still honoured)."""
        self.gate.skip_wait()

    def request_stop(self) -> None:
        """Ask a running pass to stop after the batch in flight (for closing the window)."""
        self._stop.set()

    def seconds_until_due(self) -> float:
        """How long a runner may wait before the next :meth:`run_once` has something to do."""
        now = self.clock()
        if not self.gate.ready() and self.gate.retry_at is not None:
            return max((self.gate.retry_at - now).total_seconds(), 0.0)
        if self.waiting_count():
            return 0.0
        if self._last_poll is None:
            return 0.0
        return max((self._last_poll + self.notifications_interval - now).total_seconds(), 0.0)

    # -- reading ---------------------------------------------------------------------------------

    def waiting_count(self) -> int:
        """Messages still to be sent (pending), including events waiting for their registration."""
        with self.db.read() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.state == "pending", self.drainer.will_send())
                )
                or 0
            )

    def status(self) -> SyncStatus:
        """Sync health for the status bar (database reads only, no network)."""
        with self.db.read() as session:
            pending, oldest = session.execute(
                select(func.count(), func.min(OutboxMessage.created_at)).where(
                    OutboxMessage.state == "pending", self.drainer.will_send()
                )
            ).one()
            elsewhere = session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.state == "pending", ~self.drainer.will_send())
            )
            last_ack = outcomes.get_state(session, outcomes.LAST_ACK_KEY)
            conflicts = session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == "conflict")
            )
            active, unread = session.execute(
                select(func.count(), func.count(Alert.id).filter(Alert.acknowledged_at.is_(None))).where(
                    Alert.status == "active", Alert.released_at.is_(None)
                )
            ).one()
            rejected = session.scalar(_open_rejections_query(("rejected",), count=True))
        return SyncStatus(
            online=self._online,
            pending=pending or 0,
            oldest_pending_at=from_utc_text(oldest) if oldest else None,
            last_acknowledged_at=from_utc_text(last_ack) if last_ack else None,
            rejected=rejected or 0,
            conflicts=conflicts or 0,
            active_alerts=active or 0,
            unacknowledged_alerts=unread or 0,
            last_error=self._last_error,
            retry_at=self.gate.retry_at,
            endpoint=self.transport.endpoint,
            sandbox=self.sandbox,
            for_other_dor=elsewhere or 0,
        )

    def rejections(self) -> list[RejectedEntry]:
        """Entries the DOR rejected (to fix with a correction) or holds otherwise (conflict)."""
        with self.db.read() as session:
            rows = session.execute(_open_rejections_query(("rejected", "conflict"))).all()
        return [
            RejectedEntry(
                entry_id=entry_id,
                register_number=number,
                client_reference=reference,
                message_kind=kind,
                state=state,
                errors=tuple(
                    SyncFieldError(
                        str(e.get("field") or ""), str(e.get("code") or ""), str(e.get("message") or "")
                    )
                    for e in outcomes.stored_errors(result)
                ),
                last_error=last_error,
            )
            for entry_id, number, reference, kind, state, result, last_error in rows
        ]

    def check_serial(self, serial: str, category: str | None = None) -> CheckResult:
        """A pre-purchase check; "could not check" (never "not known") when the DOR cannot answer."""
        serial = serial.strip()
        if not 3 <= len(serial) <= 64:
            return CheckResult(CheckOutcome.COULD_NOT_CHECK, reason="a serial number has 3 to 64 characters")
        if category is not None and category not in {c.value for c in Category}:
            return CheckResult(CheckOutcome.COULD_NOT_CHECK, reason=f"unknown category {category!r}")
        try:
            hits = self.transport.check_serial(serial, category)
        except TransportError as failure:
            self._online = isinstance(failure, ServerBusy)
            return CheckResult(CheckOutcome.COULD_NOT_CHECK, reason=f"could not check: {failure}")
        self._online = True
        matches = tuple(
            CheckMatch(h.match_type, h.matched_field, h.matched_value, h.source, h.reported_stolen_on)
            for h in hits
        )
        return CheckResult(CheckOutcome.KNOWN_STOLEN if matches else CheckOutcome.NOT_KNOWN, matches)

    def close(self) -> None:
        """Release the queue, the connection and (in demo mode) the bundled sandbox."""
        self._stop.set()
        with self._pass_lock:
            self.lock.release()
            try:
                self.transport.close()
            finally:
                self._resources.close()

    def __enter__(self) -> SyncService:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _report(tally: PassTally, error: str | None = None, retry_at: datetime | None = None) -> SyncReport:
    return SyncReport(
        sent=tally.sent,
        accepted=tally.accepted,
        rejected=tally.rejected,
        conflicts=tally.conflicts,
        new_alert_ids=tuple(tally.new_alert_ids),
        withdrawn_alert_ids=tuple(tally.withdrawn_alert_ids),
        error=error,
        retry_at=retry_at,
    )


def _open_rejections_query(states: tuple[str, ...], count: bool = False):
    """Refused messages whose entry no later entry has corrected or voided: the clerk's worklist."""
    later = aliased(RegisterEntry)
    superseded = exists().where(later.refers_to_id == OutboxMessage.entry_id)
    condition = (OutboxMessage.state.in_(states), ~superseded)
    if count:
        return select(func.count()).select_from(OutboxMessage).where(*condition)
    return (
        select(
            RegisterEntry.id,
            RegisterEntry.register_number,
            RegisterEntry.client_reference,
            OutboxMessage.kind,
            OutboxMessage.state,
            OutboxMessage.result,
            OutboxMessage.last_error,
        )
        .join(RegisterEntry, RegisterEntry.id == OutboxMessage.entry_id)
        .where(*condition)
        .order_by(OutboxMessage.id)
    )
