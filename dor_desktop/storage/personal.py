"""The seller's personal data of an entry: what it is, how it is kept apart, how it is put back.

Personal data is what identifies the seller: the ``seller`` part of the payload (names, date of
birth, address), the ``id_document`` part (type, number, country, expiry) and the
``vehicle_plate``, plus the name the register lists (``Family, Given``). The goods, prices, dates,
numbers, the clerk and the overrides are the register's facts and stay in the chained entry.

A format-2 entry stores its payload without those parts; they are in ``entry_personal`` as the
canonical JSON ``{"name": ..., "seller": ..., "id_document": ..., "vehicle_plate": ...}`` that the
chain's salted commitment covers. Readers get the whole payload back with :func:`full_payload`.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from dor_desktop.storage.models import EntryPersonal, RegisterEntry

#: The payload's parts that identify the seller (the DOR message has the same keys).
PERSONAL_KEYS = ("seller", "id_document", "vehicle_plate")


def split_personal(payload: dict[str, Any], name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``payload`` without the personal parts, and the personal data (with the listed ``name``)."""
    public = without_personal(payload)
    personal = {"name": name, **{key: payload[key] for key in PERSONAL_KEYS if key in payload}}
    return public, personal


def without_personal(payload: dict[str, Any]) -> dict[str, Any]:
    """A payload or a DOR message with the seller's personal parts taken out."""
    return {key: value for key, value in payload.items() if key not in PERSONAL_KEYS}


def merged(public: dict[str, Any], personal_json: str | None) -> dict[str, Any]:
    """The whole payload: ``public`` with the personal parts of ``personal_json`` (if any) put back."""
    if not personal_json:
        return public
    personal = json.loads(personal_json)
    personal.pop("name", None)
    return {**public, **personal}


def full_payload(entry: RegisterEntry, personal: EntryPersonal | None) -> dict[str, Any]:
    """The entry's payload as committed, minus whatever a purge removed."""
    public = json.loads(entry.payload)
    if entry.chain_format == 1 or personal is None:
        return public
    return merged(public, personal.data)


def personal_of(session: Session, entry_id: int) -> EntryPersonal | None:
    return session.get(EntryPersonal, entry_id)


def listed_name(session: Session, entry: RegisterEntry) -> str:
    """The seller's name as the register lists it ('' once purged)."""
    row = personal_of(session, entry.id)
    return row.seller_name if row is not None else entry.seller_name

