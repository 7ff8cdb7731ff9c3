"""Reading the seller's ID document into the form: from a file, a drop, a scan folder or a camera.

The OCR runs on its own lane (one thread) and its modules are imported only when the first scan
starts, so the window opens fast. The image is read into memory and never written anywhere; when
the shop keeps ID copies, only the masked copy (photo and BSN blacked out, watermarked) is made,
shown and later stored. What the scan read is marked in the form; a failed check digit marks the
field as doubtful and says which part could not be read, and the form stays editable.
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


#: Fields whose check digit settles every character: digits only, so no two readings of a
#: character can have values ten apart. The document number's check digit cannot tell W from M.
FULLY_CHECKED = ("date_of_birth", "expiry_date")


def _doubtful(result, name: str, field) -> bool:
    """A failed check digit; or, when the reader reported any problem (a character that looked
    like another letter, low confidence), every field but the fully checked dates."""
    if field.covered and field.check_ok is False:
        return True
    return bool(result.problems) and not (name in FULLY_CHECKED and field.check_ok)


def filled_fields(result) -> list[FilledField]:
    """What the scan puts in the form, each marked as read from the document or doubtful."""
    filled = []
    for name, path in FIELD_PATHS.items():
        field = getattr(result, name)
        if not field.value:
            continue
        value = field.value
        if name in ("family_name", "given_names"):
            value = _pretty_name(value)
        elif name in ("date_of_birth", "expiry_date"):
            value = format_day(value)
        doubtful = _doubtful(result, name, field)
        filled.append(FilledField(path, value, "doubtful" if doubtful else "document"))
    if isinstance(result.document_type, IdDocumentType):
        filled.append(FilledField("id_document.type", result.document_type.value, "document"))
    return filled


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
}


def message(key: str) -> str:
    return QCoreApplication.translate("IdScan", str(MESSAGES[key]))


def scan_summary(result) -> tuple[str, str]:
    """One line for the clerk and its tone ("ok" or "attention"): which parts need a look."""
    doubtful = [
        message(name)
        for name in FIELD_PATHS
        if getattr(result, name).covered and getattr(result, name).check_ok is False
    ]
    notes = []
    if doubtful:
        notes.append(message("doubtful").replace("%1", ", ".join(doubtful)))
    if result.composite_check_ok is False and not doubtful:
        notes.append(message("composite"))
    elif result.problems and not doubtful:
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
