"""The outbox drainer: sends committed registrations and events to the DOR, exactly once in effect.

Exactly once comes from three rules. (1) A message is sent exactly as frozen at commit, under its
own ``client_reference`` / Idempotency-Key, so sending it again is harmless: the DOR answers
``duplicate`` with the first outcome. (2) A row leaves ``pending`` only in the same transaction
that stores the DOR's answer to it, so a crash, a kill or a lost acknowledgement leaves it pending
and it is simply sent again. (3) Nothing here deletes a row.

One bad message never blocks the rest: the DOR answers each registration of a batch on its own,
and a batch the server refuses as a whole (400/413/422) is split in halves until the one refused
registration is found and marked rejected. A server-level failure (unreachable, 5xx, 429/503,
garbage) stops the pass, leaves the batch pending, and closes the shared :class:`RetryGate` until
the backoff (or the server's Retry-After) has passed. The drainer never sleeps: its runner waits.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.domain.registration import ChainPosition
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import OutboxMessage, RegisterEntry
from dor_desktop.sync import deadline, outcomes
from dor_desktop.sync.backoff import RetryGate
from dor_desktop.sync.errors import BadResponse, RequestRefused, ServerBusy, TransportError
from dor_desktop.sync.outcomes import PassTally
from dor_desktop.sync.transport import MAX_BATCH, DorTransport
from dor_desktop.sync.wire import REGISTER_NUMBER_REUSED, RegistrationResult, registration_text

log = logging.getLogger(__name__)

#: HTTP statuses by which the DOR refuses the content of a batch (not the client or the server).
BATCH_CONTENT_REFUSALS = frozenset({400, 413, 422})
#: HTTP statuses by which the DOR refuses one event for good (unknown dor_id, conflict, invalid).
EVENT_REFUSALS = frozenset({400, 404, 409, 422})
#: Events are few; looking at this many per pass keeps one pass short.
EVENTS_PER_PASS = 200
#: The longest one pass may send for: a DOR that answers each batch just in time cannot hold the
#: worker (or ``sync --once``) for long; what is left goes in the next pass.
DEFAULT_PASS_SECONDS = 120.0


@dataclass(frozen=True)
class PendingRow:
    id: int
    entry_id: int
    key: str
    payload: str
    attempts: int


class Drainer:
    """Sends what is pending in the outbox; used by one sync owner only (see SyncOwnerLock)."""

    def __init__(
        self,
        db: Database,
        transport: DorTransport,
        gate: RetryGate,
        *,
        endpoint: str,
        batch_size: int = MAX_BATCH,
        clock: Callable[[], datetime] = utc_now,
        stop: threading.Event | None = None,
        pass_seconds: float | None = DEFAULT_PASS_SECONDS,
    ) -> None:
        """``endpoint`` names the DOR ``transport`` talks to: only messages for it are sent."""
        if not 1 <= batch_size <= MAX_BATCH:
            raise ValueError(f"batch_size must be 1..{MAX_BATCH}")
        self.db = db
        self.transport = transport
        self.endpoint = endpoint
        self.gate = gate
        self.batch_size = batch_size
        self.clock = clock
        self.stop = stop or threading.Event()
        self.pass_seconds = pass_seconds

    def drain(self, tally: PassTally) -> None:
        """Send every pending registration, then every event whose target the DOR holds.

        Raises the TransportError of a server-level failure after recording it on the rows
        involved; what was answered before the failure stays recorded in ``tally``. The pass
        ends after ``pass_seconds`` (a request then in flight times out); what is left stays
        pending for the next pass.
        """
        self._claim_unrecorded()
        with deadline.deadline_after(self.pass_seconds):
            last_id = 0
            while not self._should_stop():
                batch = self._next_batch(last_id)
                if not batch:
                    break
                self._submit(batch, tally)
                last_id = batch[-1].id
            if not self._should_stop():
                self._send_events(tally)

    def _should_stop(self) -> bool:
        if deadline.expired():
            log.info("the sync pass used its %s s; the rest waits for the next pass", self.pass_seconds)
            return True
        return self.stop.is_set()

    # -- registrations -------------------------------------------------------------------------

    def _next_batch(self, after_id: int) -> list[PendingRow]:
        """The next pending registrations in commit order (``after_id`` skips rows already tried),
        each as sent: with its entry's chain position (contract 1.1)."""
        query = (
            select(
                OutboxMessage.id,
                OutboxMessage.entry_id,
                OutboxMessage.idempotency_key,
                OutboxMessage.payload,
                OutboxMessage.attempts,
                RegisterEntry.counter_prefix,
                RegisterEntry.sequence,
                RegisterEntry.prev_hash,
                RegisterEntry.entry_hash,
            )
            .join(RegisterEntry, RegisterEntry.id == OutboxMessage.entry_id)
            .where(
                OutboxMessage.kind == "registration",
                OutboxMessage.state == "pending",
                OutboxMessage.id > after_id,
                self.for_this_dor(),
            )
            .order_by(OutboxMessage.id)
            .limit(self.batch_size)
        )
        with self.db.read() as session:
            rows = [
                PendingRow(
                    row_id,
                    entry_id,
                    key,
                    registration_text(payload, ChainPosition(counter, sequence, previous_hash, own_hash)),
                    attempts,
                )
                for (
                    row_id,
                    entry_id,
                    key,
                    payload,
                    attempts,
                    counter,
                    sequence,
                    previous_hash,
                    own_hash,
                ) in session.execute(query)
            ]
        return rows

    def for_this_dor(self) -> ColumnElement[bool]:
        """Messages recorded for this DOR (the only ones it sends)."""
        return OutboxMessage.dor_endpoint == self.endpoint

    def will_send(self) -> ColumnElement[bool]:
        """Messages this drainer sends: its own, and those from before schema 0002 (claimed then)."""
        column = OutboxMessage.dor_endpoint
        return or_(column == self.endpoint, column.is_(None))

    def _claim_unrecorded(self) -> None:
        """Pending messages from before schema 0002 name no DOR: they are this one's (the register
        they sit in was opened for it). Recorded once, before sending; a trigger keeps it fixed.
        A read first, so a pass with nothing to claim writes nothing."""
        unrecorded = (OutboxMessage.state == "pending", OutboxMessage.dor_endpoint.is_(None))
        with self.db.read() as session:
            if session.execute(select(OutboxMessage.id).where(*unrecorded).limit(1)).first() is None:
                return
        with self.db.write() as session:
            session.execute(update(OutboxMessage).where(*unrecorded).values(dor_endpoint=self.endpoint))

    def _submit(self, rows: list[PendingRow], tally: PassTally) -> None:
        try:
            results = self.transport.submit_registrations([row.payload for row in rows])
            _check_results(rows, results)
        except RequestRefused as refused:
            if refused.status not in BATCH_CONTENT_REFUSALS:
                self._record_failure(rows, refused)
                raise
            self._split(rows, refused, tally)
            return
        except TransportError as failure:
            self._record_failure(rows, failure)
            raise
        tally.sent += len(rows)
        self._record_results(rows, results, tally)
        self.gate.succeeded()

    def _split(self, rows: list[PendingRow], refused: RequestRefused, tally: PassTally) -> None:
        """Find the registration(s) the server refuses by sending each half on its own."""
        if len(rows) == 1:
            tally.sent += 1
            self._record_refusal(rows[0], refused)
            tally.rejected += 1
            return
        log.info("the DOR refused a batch of %d (%s); splitting it", len(rows), refused)
        middle = len(rows) // 2
        self._submit(rows[:middle], tally)
        self._submit(rows[middle:], tally)

    def _record_results(
        self, rows: Sequence[PendingRow], results: Sequence[RegistrationResult], tally: PassTally
    ) -> None:
        now = to_utc_text(self.clock())
        updates = []
        hits = []
        for row, result in zip(rows, results, strict=True):
            updates.append(_row_update(row, result, now))
            if result.is_acknowledged:
                tally.accepted += 1
                hits += [(row.entry_id, hit) for hit in result.hits]
            elif result.status == "rejected":
                tally.rejected += 1
            else:
                tally.conflicts += 1
                log.warning("DOR conflict for %s: other content under this reference", row.key)
        with self.db.write() as session:
            session.execute(update(OutboxMessage), updates)
            tally.new_alert_ids += _store_hits(session, hits, now)
            if tally.accepted:
                outcomes.set_state(session, outcomes.LAST_ACK_KEY, now)

    def _record_refusal(self, row: PendingRow, refused: RequestRefused) -> None:
        result = outcomes.refusal_result(refused.code, str(refused))
        with self.db.write() as session:
            _set_final(session, row, "rejected", result, str(refused))

    def _record_failure(self, rows: Sequence[PendingRow], failure: TransportError) -> None:
        """Leave the rows pending, counting the attempt and saying why and until when."""
        retry_after = failure.retry_after if isinstance(failure, ServerBusy) else None
        retry_at = to_utc_text(self.gate.failed(retry_after))
        log.warning("sending %d message(s) failed: %s; next try at %s", len(rows), failure, retry_at)
        updates = [
            {
                "id": row.id,
                "attempts": row.attempts + 1,
                "last_error": str(failure),
                "next_attempt_at": retry_at,
            }
            for row in rows
        ]
        with self.db.write() as session:
            session.execute(update(OutboxMessage), updates)

    # -- events --------------------------------------------------------------------------------

    def _send_events(self, tally: PassTally) -> None:
        with self.db.read() as session:
            rows = [
                PendingRow(*row)
                for row in session.execute(
                    select(
                        OutboxMessage.id,
                        OutboxMessage.entry_id,
                        OutboxMessage.idempotency_key,
                        OutboxMessage.payload,
                        OutboxMessage.attempts,
                    )
                    .where(
                        OutboxMessage.kind == "event", OutboxMessage.state == "pending", self.for_this_dor()
                    )
                    .order_by(OutboxMessage.id)
                    .limit(EVENTS_PER_PASS)
                )
            ]
            targets = _targets(session, [_target_of(row) for row in rows])
        for row in rows:
            if self._should_stop():
                return
            self._send_event(row, targets.get(_target_of(row)), tally)

    def _send_event(self, row: PendingRow, target: tuple[str, str | None] | None, tally: PassTally) -> None:
        if target is None or target[0] in ("rejected", "conflict"):
            why = "is unknown" if target is None else f"was not accepted by the DOR ({target[0]})"
            message = f"not sent: the entry it refers to {why}"
            with self.db.write() as session:
                _set_final(
                    session,
                    row,
                    "rejected",
                    outcomes.refusal_result("target_not_registered", message),
                    message,
                )
            tally.rejected += 1
            return
        state, dor_id = target
        if state != "acknowledged" or not dor_id:
            return  # waits until the DOR has acknowledged the registration it refers to
        event = json.loads(row.payload)["event"]
        try:
            event_id = self.transport.post_event(dor_id, row.key, event)
        except RequestRefused as refused:
            if refused.status not in EVENT_REFUSALS:
                self._record_failure([row], refused)
                raise
            tally.sent += 1
            tally.rejected += 1
            self._record_refusal(row, refused)
            return
        except TransportError as failure:
            self._record_failure([row], failure)
            raise
        tally.sent += 1
        tally.accepted += 1
        self.gate.succeeded()
        now = to_utc_text(self.clock())
        with self.db.write() as session:
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == row.id)
                .values(
                    state="acknowledged",
                    attempts=row.attempts + 1,
                    dor_id=dor_id,
                    result=outcomes.result_text({"status": "accepted", "event_id": event_id}),
                    last_error=None,
                    next_attempt_at=None,
                    acknowledged_at=now,
                )
            )
            outcomes.set_state(session, outcomes.LAST_ACK_KEY, now)


def _check_results(rows: Sequence[PendingRow], results: Sequence[RegistrationResult]) -> None:
    """One result per registration, same order, same references; anything else is garbage."""
    if len(results) != len(rows):
        raise BadResponse(f"the DOR answered {len(results)} results for {len(rows)} registrations")
    for row, result in zip(rows, results, strict=True):
        if result.client_reference.lower() != row.key.lower():
            raise BadResponse(
                f"the DOR answered for {result.client_reference!r} where {row.key!r} was expected"
            )


def _row_update(row: PendingRow, result: RegistrationResult, now: str) -> dict:
    """The outbox columns that record ``result`` (every dict has the same keys: one bulk UPDATE)."""
    acknowledged = result.is_acknowledged
    state = "acknowledged" if acknowledged else result.status
    if acknowledged:
        last_error = None
    elif result.status == "rejected":
        last_error = outcomes.errors_summary(e.to_json() for e in result.errors)
    elif any(error.code == REGISTER_NUMBER_REUSED for error in result.errors):
        last_error = (
            "the DOR holds this register number for another entry: entries it acknowledged were "
            "lost or the register was replaced (run verify)"
        )
    else:
        last_error = "the DOR holds other content under this client reference"
    return {
        "id": row.id,
        "state": state,
        "attempts": row.attempts + 1,
        "dor_id": result.dor_id if acknowledged else None,
        "result": outcomes.result_text(result.to_json()),
        "last_error": last_error,
        "next_attempt_at": None,
        "acknowledged_at": now if acknowledged else None,
    }


def _store_hits(session: Session, hits: list, now: str) -> list[int]:
    """Alerts for hits not seen before (a ``duplicate`` answer repeats the first one's hits)."""
    known = outcomes.existing_hit_ids(session, (hit.hit_id for _, hit in hits))
    alerts = []
    for entry_id, hit in hits:
        if hit.hit_id in known:
            continue
        known.add(hit.hit_id)
        alerts.append(outcomes.add_alert(session, entry_id, hit, "submission", now))
    session.flush()
    for alert in alerts:
        log.warning(
            "HIT on entry %d: %s %s (%s)", alert.entry_id, alert.matched_field, alert.hit_id, alert.match_type
        )
    return [alert.id for alert in alerts]


def _set_final(session: Session, row: PendingRow, state: str, result: dict, last_error: str) -> None:
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == row.id)
        .values(
            state=state,
            attempts=row.attempts + 1,
            result=outcomes.result_text(result),
            last_error=last_error[:1000],
            next_attempt_at=None,
        )
    )


def _target_of(row: PendingRow) -> str:
    try:
        target = json.loads(row.payload).get("target")
    except (ValueError, AttributeError):
        return ""
    return target if isinstance(target, str) else ""


def _targets(session: Session, references: list[str]) -> dict[str, tuple[str, str | None]]:
    """``client_reference -> (state, dor_id)`` of the registrations that events refer to."""
    wanted = [r for r in set(references) if r]
    if not wanted:
        return {}
    rows = session.execute(
        select(OutboxMessage.idempotency_key, OutboxMessage.state, OutboxMessage.dor_id).where(
            OutboxMessage.kind == "registration", OutboxMessage.idempotency_key.in_(wanted)
        )
    )
    return {key: (state, dor_id) for key, state, dor_id in rows}
