"""Committing to the register: purchases, corrections and voids, each with its outbox message.

Every commit happens in one BEGIN IMMEDIATE transaction that takes the next gap-free number of the
counter, links the entry to the chain and writes the frozen DOR message, so the number the clerk
sees, the entry and the message to the DOR exist together or not at all.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from dor_desktop.domain.bsn_text import free_text_problem
from dor_desktop.domain.clock import from_utc_text, local_date, to_utc_text, utc_now
from dor_desktop.domain.enums import EntryKind
from dor_desktop.domain.money import to_wire
from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import Envelope, purchase_to_json, registration_from_json
from dor_desktop.domain.rules import RulePack
from dor_desktop.domain.validation import FieldError, late_entry_problems, unacknowledged, validate
from dor_desktop.errors import UserError
from dor_desktop.storage.chain import (
    CURRENT_FORMAT,
    GENESIS_HASH,
    ChainFields,
    canonical_json,
    entry_hash,
    format_register_number,
    new_salt,
    personal_commitment,
)
from dor_desktop.storage.copies import item_rows, void_event
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import Alert, EntryItem, EntryPersonal, OutboxMessage, RegisterEntry, Sale
from dor_desktop.storage.personal import listed_name, split_personal

# The commit path writes with SQLAlchemy Core on the session's connection: the ORM's unit of work
# cost about 1.5 ms of CPU per commit (more than half of it), which shows in the p99 latency
# whenever the counter PC is busy (bench/register_bench.py).
_ENTRY, _ITEM, _OUTBOX, _PERSONAL = (
    cast(Table, model.__table__) for model in (RegisterEntry, EntryItem, OutboxMessage, EntryPersonal)
)
_LAST_SEQUENCE = select(func.max(_ENTRY.c.sequence)).where(_ENTRY.c.counter_prefix == bindparam("prefix"))
_LAST_HASH = select(_ENTRY.c.entry_hash).order_by(_ENTRY.c.id.desc()).limit(1)


class ValidationFailed(UserError):
    """The purchase has errors (or warnings not overridden); nothing was stored."""

    def __init__(self, problems: list[FieldError]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was stored")
        self.problems = problems


class EntryNotFound(UserError):
    pass


@dataclass(frozen=True)
class RegisterContext:
    """What a commit needs besides the purchase: who we are and which rules apply."""

    shop_id: str
    counter_prefix: str
    rules: RulePack
    #: Which DOR the entries' messages are for; stamped on every outbox row.
    dor_endpoint: str
    clock: Callable[[], datetime] = utc_now


@dataclass(frozen=True)
class CommittedEntry:
    entry_id: int
    register_number: str
    client_reference: str
    kind: EntryKind


def find_entry(session: Session, reference: str) -> RegisterEntry:
    """An entry by register number (K1-000001) or client reference (UUID)."""
    reference = reference.strip()
    if _looks_like_uuid(reference):
        condition = RegisterEntry.client_reference == reference.lower()
    else:
        condition = RegisterEntry.register_number == reference.upper()
    entry = session.scalar(select(RegisterEntry).where(condition))
    if entry is None:
        raise EntryNotFound(f"no register entry {reference!r}")
    return entry


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def seller_name(purchase: Purchase) -> str:
    """The name as the register lists it: ``Family, Given``."""
    seller = purchase.seller
    return f"{seller.family_name}, {seller.given_names}".strip(", ")


class Register:
    """The write side of the register file."""

    def __init__(self, db: Database, context: RegisterContext) -> None:
        self.db = db
        self.context = context

    def check(self, purchase: Purchase) -> list[FieldError]:
        """Every problem with ``purchase`` under the shop's rules (the form calls this as you type)."""
        return validate(purchase, self.context.rules, self.context.clock())

    def _require_valid(self, purchase: Purchase) -> None:
        blocking = unacknowledged(self.check(purchase), purchase)
        if blocking:
            raise ValidationFailed(blocking)

    def _require_on_time_or_explained(self, purchase: Purchase, registered_at: datetime) -> None:
        """A purchase dated well before its registration needs a reason (a late entry)."""
        problems = late_entry_problems(purchase, self.context.rules, registered_at)
        if problems:
            raise ValidationFailed(problems)

    def commit_purchase(self, purchase: Purchase) -> CommittedEntry:
        """Validate and commit a new purchase; raises :class:`ValidationFailed` and stores nothing."""
        self._require_valid(purchase)
        self._require_on_time_or_explained(purchase, self.context.clock())
        with self.db.write() as session:
            return self._append_purchase(session, purchase, EntryKind.PURCHASE, None, "")

    def correct(self, reference: str, purchase: Purchase, reason: str) -> CommittedEntry:
        """A correction: a new entry holding the whole corrected purchase, pointing at the old one.

        Refused while any version of the entry is on police hold: a correction could otherwise
        replace the very goods the police are looking for (the simplest honest rule; see README).
        """
        _require_reason(reason)
        self._require_valid(purchase)
        with self.db.write() as session:
            old = find_entry(session, reference)
            _require_open(session, old, "correct")
            _require_no_hold(session, old, "corrected")
            versions = chain_versions(session, old)
            purchase = _keep_late_entry_reason(purchase, versions)
            self._require_on_time_or_explained(purchase, _registered_at(versions))
            return self._append_purchase(session, purchase, EntryKind.CORRECTION, old, reason, versions)

    def void(self, reference: str, reason: str) -> CommittedEntry:
        """A void: a new entry that cancels the old one; refused while any version is on police hold."""
        _require_reason(reason)
        with self.db.write() as session:
            old = find_entry(session, reference)
            _require_open(session, old, "void")
            _require_no_hold(session, old, "voided")
            payload = {"voids": old.client_reference, "reason": reason}
            connection = session.connection()
            fields, personal = self._fields(
                connection,
                EntryKind.VOID,
                old,
                reason,
                payload,
                listed_name(session, old),
                old.total_amount,
                old.acquired_at,
                old.hold_until,
            )
            entry_id = self._append(connection, fields, personal)
            message = void_event(old.client_reference, fields.committed_at, reason)
            self._enqueue(connection, entry_id, fields, "event", str(uuid.uuid4()), message)
            return _committed(entry_id, fields)

    def _append_purchase(
        self,
        session: Session,
        purchase: Purchase,
        kind: EntryKind,
        old: RegisterEntry | None,
        reason: str,
        versions: Sequence[RegisterEntry] = (),
    ) -> CommittedEntry:
        acquired = to_utc_text(purchase.acquired_at)
        hold_until = self._hold_until(purchase, versions).isoformat()
        purchase_json = purchase_to_json(purchase)
        connection = session.connection()
        fields, personal = self._fields(
            connection,
            kind,
            old,
            reason,
            purchase_json,
            seller_name(purchase),
            to_wire(purchase.total_amount),
            acquired,
            hold_until,
        )
        entry_id = self._append(connection, fields, personal)
        rows = item_rows(purchase_json)
        if rows:
            connection.execute(insert(_ITEM), [{"entry_id": entry_id, **row} for row in rows])
        envelope = Envelope(
            fields.client_reference,
            self.context.shop_id,
            fields.register_number,
            old.client_reference if old else None,
        )
        message = registration_from_json(purchase_json, envelope)
        self._enqueue(connection, entry_id, fields, "registration", fields.client_reference, message)
        return _committed(entry_id, fields)

    def _hold_until(self, purchase: Purchase, versions: Sequence[RegisterEntry]) -> date:
        """The first free day: the hold runs from the later of the purchase and its registration.

        The registration is the original entry's, unless the correction changes an item's
        identifying number (IMEI, serial, frame): the DOR can match the new number only from now
        on. A correction never shortens the hold the chain already has.
        """
        now = self.context.clock()
        registered = now
        if versions and _same_identifiers(purchase, versions[0]):
            registered = _registered_at(versions)
        start = max(purchase.acquired_at, registered)
        computed = self.context.rules.hold_ends(local_date(start))
        return max([computed, *(date.fromisoformat(v.hold_until) for v in versions)])

    def _fields(
        self,
        connection: Connection,
        kind: EntryKind,
        old: RegisterEntry | None,
        reason: str,
        payload: dict,
        name: str,
        total: str,
        acquired: str,
        hold_until: str,
    ) -> tuple[ChainFields, dict[str, str]]:
        """The chained fields of a new entry and its ``entry_personal`` row (chain format 2).

        The seller's personal data leaves the hashed fields: the chain covers a salted commitment
        of it, so it can be purged after the retention period while the chain still verifies.
        """
        prefix = self.context.counter_prefix
        last = connection.execute(_LAST_SEQUENCE, {"prefix": prefix}).scalar()
        sequence = (last or 0) + 1
        public, personal_data = split_personal(payload, name)
        salt, personal_json = new_salt(), canonical_json(personal_data)
        personal = {"seller_name": name, "salt": salt, "data": personal_json}
        fields = ChainFields(
            register_number=format_register_number(prefix, sequence),
            counter_prefix=prefix,
            sequence=sequence,
            client_reference=str(uuid.uuid4()),
            kind=str(kind),
            refers_to_id=old.id if old else None,
            reason=reason,
            committed_at=to_utc_text(self.context.clock()),
            acquired_at=acquired,
            hold_until=hold_until,
            seller_name="",
            total_amount=total,
            payload=canonical_json(public),
            chain_format=CURRENT_FORMAT,
            personal_commitment=personal_commitment(salt, personal_json),
        )
        return fields, personal

    def _append(self, connection: Connection, fields: ChainFields, personal: dict[str, str]) -> int:
        """Insert the entry linked to the last one, and its personal data apart; returns its id."""
        prev_hash = connection.execute(_LAST_HASH).scalar() or GENESIS_HASH
        row = {**vars(fields), "prev_hash": prev_hash, "entry_hash": entry_hash(fields, prev_hash)}
        inserted = connection.execute(insert(_ENTRY), [row]).inserted_primary_key
        assert inserted is not None
        entry_id = int(inserted[0])
        # OR REPLACE: an id SQLite hands out again after entries were deleted by hand may still
        # have its old personal row; the counter keeps working (verify and the DOR's anchor find
        # the deletion) instead of failing every commit on it.
        connection.execute(insert(_PERSONAL).prefix_with("OR REPLACE"), [{"entry_id": entry_id, **personal}])
        return entry_id

    def _enqueue(
        self, connection: Connection, entry_id: int, fields: ChainFields, kind: str, key: str, payload: dict
    ) -> None:
        message = {
            "entry_id": entry_id,
            "kind": kind,
            "idempotency_key": key,
            "payload": canonical_json(payload),
            "state": "pending",
            "attempts": 0,
            "created_at": fields.committed_at,
            "dor_endpoint": self.context.dor_endpoint,
        }
        connection.execute(insert(_OUTBOX), [message])


def _committed(entry_id: int, fields: ChainFields) -> CommittedEntry:
    return CommittedEntry(entry_id, fields.register_number, fields.client_reference, EntryKind(fields.kind))


def _require_reason(reason: str) -> None:
    if not reason or not reason.strip():
        raise UserError("a reason is required for a correction or a void")
    problem = free_text_problem(reason)
    if problem:
        raise UserError(f"the reason cannot be stored: {problem}")


def _require_open(session: Session, entry: RegisterEntry, action: str) -> None:
    """Only the current version of a live purchase can be corrected or voided."""
    if entry.kind == EntryKind.VOID:
        raise UserError(f"{entry.register_number} is itself a void and cannot be changed")
    newer = session.scalar(
        select(RegisterEntry).where(RegisterEntry.refers_to_id == entry.id).order_by(RegisterEntry.id)
    )
    if newer is not None and newer.kind == EntryKind.VOID:
        raise UserError(f"{entry.register_number} was already voided by {newer.register_number}")
    if newer is not None:
        raise UserError(
            f"{entry.register_number} was already corrected by {newer.register_number}; "
            f"{action} that one instead"
        )
    if session.scalar(select(func.count()).select_from(Sale).where(Sale.entry_id == entry.id)):
        raise UserError(f"{entry.register_number} has sold items and cannot be changed any more")


def chain_versions(session: Session, entry: RegisterEntry) -> list[RegisterEntry]:
    """Every version of ``entry``'s purchase, newest first: the corrections after it, the entry,
    and the versions it corrects back to the original purchase (voids included)."""
    newer: list[RegisterEntry] = []
    current: RegisterEntry | None = entry
    while current is not None:
        current = session.scalar(
            select(RegisterEntry).where(RegisterEntry.refers_to_id == current.id).order_by(RegisterEntry.id)
        )
        if current is not None:
            newer.append(current)
    older = [entry]
    while older[-1].refers_to is not None:
        older.append(older[-1].refers_to)
    return [*reversed(newer), *older]


def held_version(session: Session, entry: RegisterEntry) -> RegisterEntry | None:
    """The version of ``entry``'s chain a police hold is on (the newest), or None when none is."""
    for version in chain_versions(session, entry):
        if on_police_hold(session, version.id):
            return version
    return None


def _require_no_hold(session: Session, entry: RegisterEntry, done: str) -> None:
    held = held_version(session, entry)
    if held is None:
        return
    via = "" if held.id == entry.id else f" (a hit on {held.register_number})"
    raise UserError(
        f"{entry.register_number} is on police hold{via} and cannot be {done} "
        "until the police release the goods"
    )


def _registered_at(versions: Sequence[RegisterEntry]) -> datetime:
    """When the purchase was first registered: the original entry's commit time."""
    return from_utc_text(versions[-1].committed_at)


def _same_identifiers(purchase: Purchase, newest: RegisterEntry) -> bool:
    before = {ident for item in payload_of(newest).get("items", []) for ident in _identifiers(item)}
    return before == {ident for item in purchase.items for ident in item.identifiers}


def _identifiers(item: dict) -> list[str]:
    return [str(item[key]) for key in ("imei", "serial_number", "frame_number") if item.get(key)]


def _keep_late_entry_reason(purchase: Purchase, versions: list[RegisterEntry]) -> Purchase:
    """A correction keeps the late-entry reason its purchase was registered with, unless it gives one."""
    if purchase.late_entry_reason:
        return purchase
    for version in versions:
        reason = payload_of(version).get("late_entry_reason")
        if reason:
            return replace(purchase, late_entry_reason=str(reason))
    return purchase


def on_police_hold(session: Session, entry_id: int) -> bool:
    """True while a hit on the entry is active and the police have not released the goods."""
    return bool(
        session.scalar(
            select(func.count())
            .select_from(Alert)
            .where(Alert.entry_id == entry_id, Alert.status == "active", Alert.released_at.is_(None))
        )
    )


def payload_of(entry: RegisterEntry) -> dict:
    """The entry's stored payload: for a format-2 entry without the seller's personal data
    (:func:`dor_desktop.storage.personal.full_payload` puts it back)."""
    return json.loads(entry.payload)
