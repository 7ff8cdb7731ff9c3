"""Late hits and withdrawn hits from the DOR's notification feed.

The feed is at-least-once: we store the cursor of the last page we fully processed, in the same
transaction as that page's alerts, and ask for what comes after it. A notice seen twice changes
nothing (an alert is keyed by its ``hit_id``, a withdrawal of a withdrawn alert is a no-op), so
a crash between fetching and storing only means the page is fetched again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.storage import alert_chain
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import Alert, RegisterEntry
from dor_desktop.sync import deadline, outcomes
from dor_desktop.sync.backoff import RetryGate
from dor_desktop.sync.errors import ServerBusy, TransportError
from dor_desktop.sync.outcomes import PassTally
from dor_desktop.sync.transport import DorTransport
from dor_desktop.sync.wire import Notification, NotificationPage

log = logging.getLogger(__name__)

PAGE_SIZE = 200
#: One poll reads at most this many pages, so a huge backlog cannot hold the worker for long.
MAX_PAGES = 50


class NotificationPoller:
    def __init__(
        self,
        db: Database,
        transport: DorTransport,
        gate: RetryGate,
        *,
        clock: Callable[[], datetime] = utc_now,
        page_size: int = PAGE_SIZE,
        stop: threading.Event | None = None,
    ) -> None:
        self.db = db
        self.transport = transport
        self.gate = gate
        self.clock = clock
        self.page_size = page_size
        self.stop = stop or threading.Event()

    def poll(self, tally: PassTally) -> None:
        """Fetch and store every notice after the stored cursor (raises on a server-level failure).

        Stops between pages when the sync pass's deadline has passed or the worker is asked to
        stop; the pages stored so far keep their cursor, and the next pass goes on from there.
        """
        with self.db.read() as session:
            cursor = outcomes.get_state(session, outcomes.CURSOR_KEY)
        for _ in range(MAX_PAGES):
            if deadline.expired() or self.stop.is_set():
                log.info("the notification poll stops for now; the rest is read in the next pass")
                return
            try:
                page = self.transport.fetch_notifications(cursor, self.page_size)
            except TransportError as failure:
                self.gate.failed(failure.retry_after if isinstance(failure, ServerBusy) else None)
                raise
            self.gate.succeeded()
            if not page.notifications:
                return
            cursor = page.next_cursor or page.notifications[-1].cursor
            self._store(page, cursor, tally)
            if len(page.notifications) < self.page_size:
                return

    def _store(self, page: NotificationPage, cursor: str, tally: PassTally) -> None:
        now = to_utc_text(self.clock())
        with self.db.write() as session:
            for notice in page.notifications:
                if notice.hit is None or notice.type not in ("hit", "hit_withdrawn"):
                    log.warning(
                        "skipping notification %s (%s) that this client cannot use",
                        notice.notification_id,
                        notice.type,
                    )
                elif notice.type == "hit":
                    self._hit(session, notice, now, tally)
                else:
                    self._withdrawn(session, notice, now, tally)
            outcomes.set_state(session, outcomes.CURSOR_KEY, cursor)

    def _hit(self, session: Session, notice: Notification, now: str, tally: PassTally) -> None:
        assert notice.hit is not None  # checked by _store
        if outcomes.existing_hit_ids(session, [notice.hit.hit_id]):
            return
        entry_id = _entry_id(session, notice)
        if entry_id is None:
            return
        alert = outcomes.add_alert(session, entry_id, notice.hit, "notification", now)
        session.flush()
        log.warning("late HIT on entry %d: %s (%s)", entry_id, notice.hit.hit_id, notice.hit.match_type)
        tally.new_alert_ids.append(alert.id)

    def _withdrawn(self, session: Session, notice: Notification, now: str, tally: PassTally) -> None:
        assert notice.hit is not None  # checked by _store
        alert = session.scalar(select(Alert).where(Alert.hit_id == notice.hit.hit_id))
        if alert is None:
            # The hit itself never reached us (or was from before this register): keep the record.
            entry_id = _entry_id(session, notice)
            if entry_id is None:
                return
            alert = outcomes.add_alert(session, entry_id, notice.hit, "notification", now, status="withdrawn")
            session.flush()
        elif alert.status == "withdrawn":
            return
        else:
            alert_chain.withdraw(session, alert, now)
        log.info("hit %s on entry %d withdrawn", notice.hit.hit_id, alert.entry_id)
        tally.withdrawn_alert_ids.append(alert.id)


def _entry_id(session: Session, notice: Notification) -> int | None:
    entry_id = session.scalar(
        select(RegisterEntry.id).where(RegisterEntry.client_reference == notice.client_reference.lower())
    )
    if entry_id is None:
        log.warning("notification %s is about a reference not in this register", notice.notification_id)
    return entry_id
