"""What a scan gives back: the document's fields, each confirmed or marked for the clerk to check.

Frozen and free of raw MRZ text on purpose: a ScanResult may be shown, logged or kept, so it must
never carry the optional-data / personal-number fields where Dutch documents hold the BSN.

Per-field trust (issue 12): every field has a ``status``. "confirmed" means independent evidence
vouches for the value: a passing check digit for the dates; for names, codes and sex the reader's
guards (OCR-B glyph check, confidence, line geometry) at a resolution where they are measured to
be reliable; the document number needs both. "check" means the clerk must compare it with the
document (``doubt`` says why, ``alternatives`` may offer other readings, such as the other century
of a birth date). "absent" means the layout has no such field (a driving licence has no name).
``ok`` is True only when no field is "check" and nothing else is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dor_desktop.domain.enums import IdDocumentType

CONFIRMED = "confirmed"
CHECK = "check"
ABSENT = "absent"
#: Why an unassessed field is not confirmed: only the reader's guards can confirm (see trust.py).
NOT_ASSESSED = "not compared with the image"


@dataclass(frozen=True)
class ScanField:
    """One value read from the MRZ.

    ``covered`` tells whether an MRZ check digit protects the value at all (names, sex, nationality
    and issuing state have none); ``check_ok`` is the outcome of that check (None when not covered).
    ``status`` is CONFIRMED, CHECK or ABSENT (see the module docstring); ``doubt`` says why a field
    is CHECK; ``alternatives`` are other values worth offering the clerk (ISO dates for a date).
    """

    value: str
    covered: bool = False
    check_ok: bool | None = None
    status: str = CHECK
    doubt: str = NOT_ASSESSED
    alternatives: tuple[str, ...] = ()

    @property
    def confirmed(self) -> bool:
        return self.status == CONFIRMED

    @property
    def to_check(self) -> bool:
        return self.status == CHECK

    @property
    def trusted(self) -> bool:
        """True when a check digit covers the value and passed."""
        return self.covered and bool(self.check_ok)


#: The document fields a scan reads, in the order the CLI prints them.
FIELD_NAMES = (
    "issuing_country",
    "document_number",
    "family_name",
    "given_names",
    "date_of_birth",
    "sex",
    "nationality",
    "expiry_date",
)


@dataclass(frozen=True)
class ScanResult:
    """The parsed, BSN-free content of one ID document's machine-readable zone."""

    mrz_format: str  # "TD1", "TD2", "TD3" or "DL" (Dutch driving licence one-line code)
    document_code: str  # e.g. "P", "ID", "I", "IR", "D1"
    document_type: IdDocumentType
    issuing_country: ScanField  # ICAO code without fillers, e.g. "NLD", "D"
    document_number: ScanField
    family_name: ScanField
    given_names: ScanField
    date_of_birth: ScanField  # ISO date "YYYY-MM-DD", or "" when unknown/unreadable
    sex: ScanField  # "M", "F" or "X" (unspecified)
    nationality: ScanField
    expiry_date: ScanField  # ISO date "YYYY-MM-DD", or ""
    expires_on: date | None
    expired: bool
    composite_check_ok: bool | None  # None when the format has no composite check digit
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when the scan can fill the form without the clerk re-checking: no problem at all
        and every field the layout has is confirmed."""
        return not self.problems and not self.fields_to_check

    @property
    def fields_to_check(self) -> tuple[str, ...]:
        """The names (FIELD_NAMES order) of the fields the clerk must compare with the document."""
        return tuple(name for name in FIELD_NAMES if getattr(self, name).to_check)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready view (used by the CLI's --json); holds no BSN because the result has none."""
        fields = {}
        for name in FIELD_NAMES:
            scan_field: ScanField = getattr(self, name)
            fields[name] = {
                "value": scan_field.value,
                "check_digit": scan_field.covered,
                "check_ok": scan_field.check_ok,
                "status": scan_field.status,
                "doubt": scan_field.doubt if scan_field.to_check else "",
                "alternatives": list(scan_field.alternatives),
            }
        return {
            "mrz_format": self.mrz_format,
            "document_code": self.document_code,
            "document_type": str(self.document_type),
            "fields": fields,
            "expired": self.expired,
            "composite_check_ok": self.composite_check_ok,
            "problems": list(self.problems),
            "fields_to_check": list(self.fields_to_check),
            "ok": self.ok,
        }
