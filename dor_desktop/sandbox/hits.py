"""Hits: registered goods that match the stolen-goods table, found on submission or later.

A hit row ties one item line of one registration to one stolen-table row. The same hit (same
``hit_id``) is returned in the submission result, in a ``hit`` notification when it is found later,
and in a ``hit_withdrawn`` notification when the police withdraw the report.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dor_desktop.sandbox.matching import (
    MIN_EXACT_LENGTH,
    MatchType,
    compare_identifiers,
    normalise_identifier,
)
from dor_desktop.sandbox.seed import IDENTIFIER_FIELDS

INSTRUCTIONS_EXACT = (
    "Dit voorwerp staat als gestolen geregistreerd. Houd het apart, verkoop of bewerk het niet en geef "
    "het niet terug aan de verkoper. De politie neemt contact met u op."
)
INSTRUCTIONS_PARTIAL = (
    "Mogelijk gestolen: het nummer lijkt op dat van een als gestolen geregistreerd voorwerp. Vergelijk "
    "het nummer op het voorwerp zelf. Houd het apart en verkoop het niet; de politie neemt contact met u op."
)
INSTRUCTIONS_WITHDRAWN = (
    "De politie heeft deze melding ingetrokken. Het voorwerp hoeft niet langer apart gehouden te worden."
)
INSTRUCTIONS_CHECK = (
    "Niet kopen: dit nummer staat als gestolen geregistreerd. Koop het voorwerp niet en bel de politie "
    "(0900-8844) als de aanbieder nog aanwezig is."
)
INSTRUCTIONS_CHECK_PARTIAL = (
    "Mogelijk gestolen: het nummer lijkt op dat van een als gestolen geregistreerd voorwerp. Vergelijk "
    "het nummer zorgvuldig voordat u koopt; neem bij twijfel contact op met de politie (0900-8844)."
)


@dataclass(frozen=True)
class StolenItem:
    stolen_id: str
    field: str
    value: str
    value_norm: str
    category: str | None
    brand: str | None
    source: str
    reported_stolen_on: str | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> StolenItem:
        return cls(
            stolen_id=row["stolen_id"],
            field=row["field"],
            value=row["value"],
            value_norm=row["value_norm"],
            category=row["category"],
            brand=row["brand"],
            source=row["source"],
            reported_stolen_on=row["reported_stolen_on"],
        )


@dataclass(frozen=True)
class Match:
    item_line: int
    field: str
    stolen: StolenItem
    match_type: MatchType


class StolenIndex:
    """The active stolen rows, grouped per identifier field, with a dict for exact look-ups."""

    def __init__(self, items: Iterable[StolenItem]) -> None:
        self._by_field: dict[str, list[StolenItem]] = defaultdict(list)
        self._exact: dict[tuple[str, str], list[StolenItem]] = defaultdict(list)
        for item in items:
            self._by_field[item.field].append(item)
            self._exact[(item.field, item.value_norm)].append(item)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> StolenIndex:
        rows = conn.execute("SELECT * FROM stolen_items WHERE withdrawn_at IS NULL ORDER BY stolen_id")
        return cls(StolenItem.from_row(row) for row in rows)

    def all_items(self) -> list[StolenItem]:
        return [item for items in self._by_field.values() for item in items]

    def matches(self, field: str, value_norm: str) -> list[tuple[StolenItem, MatchType]]:
        """Stolen rows of the same field matching ``value_norm``, exact ones first."""
        found: list[tuple[StolenItem, MatchType]] = []
        if len(value_norm) >= MIN_EXACT_LENGTH:
            found.extend((item, "exact") for item in self._exact.get((field, value_norm), ()))
        for item in self._by_field.get(field, ()):
            if (
                item.value_norm != value_norm
                and compare_identifiers(value_norm, item.value_norm) == "partial"
            ):
                found.append((item, "partial"))
        return found


def item_identifiers(registration: dict[str, Any]) -> list[tuple[int, str, str]]:
    """``(line, field, normalised value)`` for every serial/IMEI/frame number of a registration."""
    found = []
    for item in registration["items"]:
        for field in IDENTIFIER_FIELDS:
            value = item.get(field)
            if isinstance(value, str):
                normalised = normalise_identifier(value)
                if normalised:
                    found.append((int(item["line"]), field, normalised))
    return found


def find_matches(index: StolenIndex, identifiers: list[tuple[int, str, str]]) -> list[Match]:
    """Every (item line, stolen row) match of one registration, at most one per pair."""
    matches: dict[tuple[int, str], Match] = {}
    for line, field, value_norm in identifiers:
        for stolen, match_type in index.matches(field, value_norm):
            key = (line, stolen.stolen_id)
            if key not in matches or match_type == "exact":
                matches[key] = Match(line, field, stolen, match_type)
    return list(matches.values())


def hit_document(hit_id: str, match: Match, *, withdrawn: bool = False) -> dict[str, Any]:
    """The contract's Hit for a registration's item."""
    if withdrawn:
        instructions = INSTRUCTIONS_WITHDRAWN
    else:
        instructions = INSTRUCTIONS_EXACT if match.match_type == "exact" else INSTRUCTIONS_PARTIAL
    return _hit(hit_id, match.stolen, match.match_type, instructions, item_line=match.item_line)


def check_hit(stolen: StolenItem, match_type: MatchType) -> dict[str, Any]:
    """The contract's Hit for a pre-purchase check: no registration, so no item line."""
    instructions = INSTRUCTIONS_CHECK if match_type == "exact" else INSTRUCTIONS_CHECK_PARTIAL
    return _hit(stolen.stolen_id, stolen, match_type, instructions, item_line=None)


def _hit(
    hit_id: str, stolen: StolenItem, match_type: MatchType, instructions: str, *, item_line: int | None
) -> dict[str, Any]:
    hit: dict[str, Any] = {"hit_id": hit_id}
    if item_line is not None:
        hit["item_line"] = item_line
    hit.update(
        {
            "match_type": match_type,
            "matched_field": stolen.field,
            "matched_value": stolen.value,
            "source": stolen.source,
            "instructions": instructions,
        }
    )
    if stolen.reported_stolen_on:
        hit["reported_stolen_on"] = stolen.reported_stolen_on
    return hit


def new_hit_id() -> str:
    return f"HIT-{uuid.uuid4().hex[:16].upper()}"


def insert_hit_rows(
    conn: sqlite3.Connection, rows: list[tuple[str, str, Match]], *, late: bool, created_at: str
) -> None:
    """Store ``(hit_id, dor_id, match)`` rows in one executemany."""
    conn.executemany(
        "INSERT INTO hits (hit_id, dor_id, item_line, stolen_id, match_type, matched_field, late, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (hit_id, dor_id, m.item_line, m.stolen.stolen_id, m.match_type, m.field, int(late), created_at)
            for hit_id, dor_id, m in rows
        ],
    )


def insert_notifications(
    conn: sqlite3.Connection, rows: list[tuple[str, str, str, str, dict[str, Any]]], created_at: str
) -> None:
    """Store ``(client_id, type, dor_id, client_reference, hit)`` notifications, in this order."""
    conn.executemany(
        "INSERT INTO notifications (notification_id, client_id, type, dor_id, client_reference, hit,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (str(uuid.uuid4()), client_id, kind, dor_id, reference, json.dumps(hit), created_at)
            for client_id, kind, dor_id, reference, hit in rows
        ],
    )
