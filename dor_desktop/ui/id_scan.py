"""Reading the seller's ID document into the form: from a file, a drop, a scan folder or a camera.

The OCR runs on its own lane (one thread) and its modules are imported only when the first scan
starts, so the window opens fast. The image is read into memory and never written anywhere; when
the shop keeps ID copies, only the masked copy (photo and BSN blacked out, watermarked) is made,
shown and later stored. What the scan read is marked in the form: a field the reader confirmed
as "from document", every other one as "check against the document" with the reader's doubt and
its other reading (issue 12); the form stays editable.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dor_desktop.domain.enums import IdDocumentType
from dor_desktop.services import scanning
from dor_desktop.ui.form_state import format_day

if TYPE_CHECKING:
    from dor_desktop.services.scanning import ScanResult

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp", ".pdf")

#: Scan result field -> form path.
FIELD_PATHS = {
    "family_name": "seller.family_name",
    "given_names": "seller.given_names",
    "date_of_birth": "seller.date_of_birth",
    "document_number": "id_document.number",
    "issuing_country": "id_document.issuing_country",
    "expiry_date": "id_document.expiry_date",
}


@dataclass(frozen=True)
class ScanOutcome:
    result: ScanResult
    masked_png: bytes | None


@dataclass(frozen=True)
class FilledField:
    path: str
    value: str
    source: str  # "document" or "doubtful"
    note: str = ""  # for a doubtful field: why, and the other reading (translated)


def scan_image(source: bytes | Path, keep_masked: bool, shop: str, today: date) -> ScanOutcome:
    """Run on the OCR lane: read the MRZ, and make the masked copy when the shop keeps one."""
    data = scanning.read_scan_file(source) if isinstance(source, Path) else source
    result = scanning.read_document(data, today)
    masked = None
    if keep_masked:
        buffer = io.BytesIO()
        scanning.masked_image(data, shop, today).save(buffer, "PNG")
        masked = buffer.getvalue()
    return ScanOutcome(result, masked)


def _pretty_name(value: str) -> str:
    """MRZ names are capitals; the register reads better in normal case ("De Bruijn")."""
    return " ".join(part.capitalize() for part in value.split())


def filled_fields(result) -> list[FilledField]:
    """What the scan puts in the form: each field the reader confirmed is marked as read from the
    document; every other one is "doubtful", with the reader's doubt and other reading as a note."""
    filled = []
    for name, path in FIELD_PATHS.items():
        field = getattr(result, name)
        if not field.value:
            continue
        doubtful = not field.confirmed
        note = field_note(field) if doubtful else ""
        filled.append(
            FilledField(path, _shown(name, field.value), "doubtful" if doubtful else "document", note)
        )
    if isinstance(result.document_type, IdDocumentType):
        filled.append(FilledField("id_document.type", result.document_type.value, "document"))
    return filled


def _shown(name: str, value: str) -> str:
    """A scanned value as the form shows it."""
    if name in ("family_name", "given_names"):
        return _pretty_name(value)
    if name in ("date_of_birth", "expiry_date"):
        return format_day(value)
    return value


#: The reader's reasons for doubting a field (idscan: mrz_parse, guards, trust) -> message key.
DOUBTS = {
    "its check digit failed": "doubt_check_digit",
    "not a known country code": "doubt_code",
    "could not be read": "doubt_unread",
    "the name field holds characters a name cannot": "doubt_unread",
    "not a valid date": "doubt_date",
    "the overall check digit failed": "doubt_composite",
    "does not fit the Dutch document number pattern": "doubt_pattern",
    "a line was read with characters missing or extra": "doubt_unread",
    "the lines do not line up": "doubt_unread",
    "read with low confidence": "doubt_letters",
    "a character looks like another letter": "doubt_letters",
    "too few pixels per character to vouch for it": "doubt_small",
    "the letter check is not reliable on this print": "doubt_print",
    "other characters of this read were misread; a check digit misses 1 error in 10": "doubt_elsewhere",
    "most fields of this read failed their checks: it cannot vouch for any field": "doubt_unread",
}


def field_note(field) -> str:
    """Why the reader doubts ``field`` and its other reading, in the clerk's language."""
    keys = []
    for reason in field.doubt.split("; "):
        if reason.startswith("the holder would be"):
            key = "doubt_century"
        else:
            key = DOUBTS.get(reason, "doubt_other")
        if key not in keys:
            keys.append(key)
    lines = [message(key) for key in keys]
    if field.alternatives:
        shown = ", ".join(format_day(value) for value in field.alternatives)
        lines.append(message("alternative").replace("%1", shown))
    return "\n".join(lines)


MESSAGES = {
    "family_name": QT_TRANSLATE_NOOP("IdScan", "family name"),
    "given_names": QT_TRANSLATE_NOOP("IdScan", "given names"),
    "date_of_birth": QT_TRANSLATE_NOOP("IdScan", "date of birth"),
    "document_number": QT_TRANSLATE_NOOP("IdScan", "document number"),
    "issuing_country": QT_TRANSLATE_NOOP("IdScan", "issuing country"),
    "expiry_date": QT_TRANSLATE_NOOP("IdScan", "expiry date"),
    "doubtful": QT_TRANSLATE_NOOP("IdScan", "Could not be read reliably: %1. Compare with the document."),
    "composite": QT_TRANSLATE_NOOP(
        "IdScan", "The overall check digit failed: compare all fields with the document."
    ),
    "unchecked": QT_TRANSLATE_NOOP(
        "IdScan",
        "Some letters could not be read with certainty: compare the name, nationality and document "
        "number with the document.",
    ),
    "expired": QT_TRANSLATE_NOOP("IdScan", "The document has expired."),
    "ok": QT_TRANSLATE_NOOP("IdScan", "Read from the document. Check the name against the seller."),
    "no_mrz": QT_TRANSLATE_NOOP(
        "IdScan",
        "No machine-readable zone found. Scan the side with the lines of <<< characters, or type the fields.",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "IdScan",
        "The machine-readable zone could not be read. Rescan it straight and sharp, or type the fields.",
    ),
    "bad_image": QT_TRANSLATE_NOOP(
        "IdScan", "This file is not an image that can be read. Choose another file or type the fields."
    ),
    "failed": QT_TRANSLATE_NOOP("IdScan", "The document could not be read. Type the fields."),
    "doubt_check_digit": QT_TRANSLATE_NOOP("IdScan", "Its check digit did not match."),
    "doubt_code": QT_TRANSLATE_NOOP("IdScan", "Not a known country code."),
    "doubt_unread": QT_TRANSLATE_NOOP("IdScan", "Not all characters could be read."),
    "doubt_date": QT_TRANSLATE_NOOP("IdScan", "Not a valid date."),
    "doubt_composite": QT_TRANSLATE_NOOP("IdScan", "The overall check digit did not match."),
    "doubt_pattern": QT_TRANSLATE_NOOP("IdScan", "Does not fit the Dutch document number pattern."),
    "doubt_letters": QT_TRANSLATE_NOOP("IdScan", "A character may have been read as another one."),
    "doubt_small": QT_TRANSLATE_NOOP("IdScan", "The print is too small in the image to be sure."),
    "doubt_print": QT_TRANSLATE_NOOP("IdScan", "The print differs from the standard letters: compare them."),
    "doubt_elsewhere": QT_TRANSLATE_NOOP("IdScan", "Other characters of this scan were misread."),
    "doubt_century": QT_TRANSLATE_NOOP("IdScan", "The seller would be implausibly young: check the century."),
    "doubt_other": QT_TRANSLATE_NOOP("IdScan", "The reader is not sure of this value."),
    "alternative": QT_TRANSLATE_NOOP("IdScan", "Other reading: %1"),
}


def message(key: str) -> str:
    return QCoreApplication.translate("IdScan", str(MESSAGES[key]))


def scan_summary(result) -> tuple[str, str]:
    """One line for the clerk and its tone ("ok" or "attention"): which fields need a look."""
    doubtful = [message(name) for name in FIELD_PATHS if getattr(result, name).to_check]
    notes = []
    if doubtful:
        notes.append(message("doubtful").replace("%1", ", ".join(doubtful)))
    elif result.composite_check_ok is False:
        notes.append(message("composite"))
    elif not result.ok:
        notes.append(message("unchecked"))
    if result.expired:
        notes.append(message("expired"))
    if notes:
        return " ".join(notes), "attention"
    return message("ok"), "ok"


def scan_error_text(reason_code: str) -> str:
    return message(reason_code if reason_code in ("no_mrz", "unreadable", "bad_image") else "failed")


def is_scan_file(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")
