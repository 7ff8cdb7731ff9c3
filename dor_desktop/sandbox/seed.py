"""The stolen-goods rows every new sandbox database starts with (``resources/sandbox/stolen_goods.csv``).

A CSV file rather than code, so testers and trainers can add rows without touching Python.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources

#: The identifier fields a stolen item can be known by; the same names as in the contract's Hit.
IDENTIFIER_FIELDS = ("imei", "frame_number", "serial_number")
SEED_FILE = "stolen_goods.csv"


@dataclass(frozen=True)
class StolenSeedRow:
    """One reported-stolen item as the police register it."""

    stolen_id: str
    field: str
    value: str
    category: str | None
    brand: str | None
    description: str | None
    source: str
    reported_stolen_on: str | None


def load_seed_rows() -> list[StolenSeedRow]:
    """Read the packaged seed file; a bad row is a packaging bug, so it raises ValueError."""
    text = (resources.files("dor_desktop.resources") / "sandbox" / SEED_FILE).read_text(encoding="utf-8")
    rows = []
    for number, record in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        if record["field"] not in IDENTIFIER_FIELDS or not record["value"].strip():
            raise ValueError(f"{SEED_FILE} line {number}: unknown field or empty value")
        rows.append(
            StolenSeedRow(
                stolen_id=record["stolen_id"],
                field=record["field"],
                value=record["value"],
                category=record["category"] or None,
                brand=record["brand"] or None,
                description=record["description"] or None,
                source=record["source"] or "POLITIE",
                reported_stolen_on=record["reported_stolen_on"] or None,
            )
        )
    return rows
