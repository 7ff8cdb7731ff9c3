"""The register as printable rows: one :class:`ExportRow` per entry, text only.

CSV and PDF render the same rows, so an inspector sees the same content in either format.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text, local_day_start_utc
from dor_desktop.reports.labels import dor_state_label, value_label
from dor_desktop.storage.models import EntryPersonal, OutboxMessage, RegisterEntry
from dor_desktop.storage.personal import full_payload

#: The label keys of the export's columns, in order (CSV and PDF alike).
COLUMNS = ("number", "kind", "acquired", "seller", "address", "id_document", "goods", "price", "terms",
           "status", "dor")  # fmt: skip


@dataclass(frozen=True)
class ExportRow:
    register_number: str
    kind: str
    acquired_local: str
    seller: str
    address: str
    id_document: str
    goods: list[str]
    price: str
    terms: str
    status: str
    dor: str

    def cells(self, goods_separator: str) -> tuple[str, ...]:
        """The row's text in :data:`COLUMNS` order; the item lines joined by ``goods_separator``."""
        return (self.register_number, self.kind, self.acquired_local, self.seller, self.address,
                self.id_document, goods_separator.join(self.goods), self.price, self.terms, self.status,
                self.dor)  # fmt: skip


def _address(payload: dict) -> str:
    address = payload.get("seller", {}).get("address", {})
    street = f"{address.get('street', '')} {address.get('house_number', '')}".strip()
    place = f"{address.get('postcode', '')} {address.get('city', '')}".strip()
    return ", ".join(p for p in (street, place, address.get("country", "")) if p)


def _document(payload: dict, language: str) -> str:
    document = payload.get("id_document") or {}
    parts = [
        value_label(document.get("type", ""), language),
        document.get("number", ""),
        document.get("issuing_country", ""),
    ]
    return " ".join(p for p in parts if p)


def goods_lines(payload: dict, language: str = "nl") -> list[str]:
    """One line of text per item: category, brand, model, identifiers, metal data and price."""
    lines = []
    for item in payload.get("items", []):
        words = [
            value_label(item.get("category", ""), language),
            item.get("brand", ""),
            item.get("model", ""),
            item.get("description", ""),
        ]
        if item.get("imei"):
            words.append(f"IMEI {item['imei']}")
        if item.get("serial_number"):
            words.append(f"serial {item['serial_number']}")
        if item.get("frame_number"):
            words.append(f"frame {item['frame_number']}")
        if item.get("weight_grams"):
            words.append(f"{item['weight_grams']} g")
        if item.get("fineness"):
            words.append(f"{item['fineness']}/1000")
        if item.get("hallmark"):
            words.append(f"hallmark {item['hallmark']}")
        if int(item.get("quantity", 1)) > 1:
            words.append(f"x{item['quantity']}")
        price = item.get("price", {}).get("value", "")
        lines.append(" ".join(w for w in words if w) + (f" (EUR {price})" if price else ""))
    return lines


def _local_time(utc_text: str) -> str:
    return from_utc_text(utc_text).astimezone(SHOP_ZONE).strftime("%Y-%m-%d %H:%M")


def _status(entry: RegisterEntry, later: list[tuple[str, str]], numbers: dict[int, str], text: dict) -> str:
    notes = []
    late_reason = json.loads(entry.payload).get("late_entry_reason")
    if late_reason:  # a purchase registered after the fact says so (issue 10)
        notes.append(
            text["late_entry"].format(registered=_local_time(entry.committed_at), reason=late_reason)
        )
    if entry.refers_to_id is not None:
        key = "voids" if entry.kind == "void" else "corrects"
        notes.append(text[key].format(number=numbers.get(entry.refers_to_id, "?")))
    if entry.reason:
        notes.append(f"{text['reason']}: {entry.reason}")
    for kind, number in later:
        notes.append(text["voided_by" if kind == "void" else "corrected_by"].format(number=number))
    return "; ".join(notes)


#: What an export's period selects on: the purchase time (the default) or the registration time.
EXPORT_DATES = {"acquired": RegisterEntry.acquired_at, "registered": RegisterEntry.committed_at}


def export_rows(
    session: Session, date_from: date, date_to: date, text: dict, by: str = "acquired"
) -> list[ExportRow]:
    """Every entry acquired (or with ``by="registered"``: registered) from ``date_from`` to
    ``date_to`` (shop-local dates), in register order. By registration date a late entry shows in
    the period it was entered, not only in the earlier one it is dated in."""
    moment = EXPORT_DATES[by]
    query = (
        select(RegisterEntry, OutboxMessage.state, OutboxMessage.dor_id, EntryPersonal)
        # Only the entry's registration message: a sale or hand-back adds an event message for the
        # same entry, and joining on those too printed the entry once per event.
        .outerjoin(
            OutboxMessage,
            (OutboxMessage.entry_id == RegisterEntry.id) & (OutboxMessage.kind == "registration"),
        )
        .outerjoin(EntryPersonal, EntryPersonal.entry_id == RegisterEntry.id)
        .where(
            moment >= local_day_start_utc(date_from),
            moment < local_day_start_utc(date_to + timedelta(days=1)),
        )
        .order_by(RegisterEntry.id)
    )
    rows = session.execute(query).all()
    ids = [entry.id for entry, *_ in rows]
    later: dict[int, list[tuple[str, str]]] = defaultdict(list)
    referred_ids = {entry.refers_to_id for entry, *_ in rows if entry.refers_to_id is not None}
    numbers = dict(
        session.execute(
            select(RegisterEntry.id, RegisterEntry.register_number).where(RegisterEntry.id.in_(referred_ids))
        ).all()
    )
    for refers_to, kind, number in session.execute(
        select(RegisterEntry.refers_to_id, RegisterEntry.kind, RegisterEntry.register_number)
        .where(RegisterEntry.refers_to_id.in_(ids))
        .order_by(RegisterEntry.id)
    ):
        if refers_to is not None:  # always set for these rows (selected by it); said for the type checker
            later[refers_to].append((kind, number))
    return [
        _row(entry, personal, state, dor_id, later[entry.id], numbers, text)
        for entry, state, dor_id, personal in rows
    ]


def _seller(entry: RegisterEntry, personal: EntryPersonal | None, text: dict) -> str:
    """The listed name, or the 'removed' note once the personal data was purged."""
    if personal is None:
        return entry.seller_name
    return text["removed"] if personal.purged_at else personal.seller_name


def _row(
    entry: RegisterEntry, personal: EntryPersonal | None, state, dor_id, later, numbers, text
) -> ExportRow:
    payload = full_payload(entry, personal)
    acquired = _local_time(entry.acquired_at)
    language = text["language"]
    terms = " / ".join(
        value_label(p, language)
        for p in (payload.get("acquisition_type", ""), payload.get("payment_method", ""))
        if p
    )
    return ExportRow(
        register_number=entry.register_number,
        kind=text.get(entry.kind, entry.kind),
        acquired_local=acquired,
        seller=_seller(entry, personal, text),
        address=_address(payload),
        id_document=_document(payload, language),
        goods=goods_lines(payload, language),
        price=entry.total_amount if entry.kind != "void" else "",
        terms=terms,
        status=_status(entry, later, numbers, text),
        dor=" ".join(p for p in (dor_state_label(state, text), dor_id or "") if p),
    )
