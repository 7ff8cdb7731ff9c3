"""What a scan gives back: the document's fields, each with how far a check digit vouches for it.

Frozen and free of raw MRZ text on purpose: a ScanResult may be shown, logged or kept, so it must
never carry the optional-data / personal-number fields where Dutch documents hold the BSN.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dor_desktop.domain.enums import IdDocumentType


@dataclass(frozen=True)
class ScanField:
    """One value read from the MRZ.

    ``covered`` tells whether an MRZ check digit protects the value at all (names, sex, nationality
    and issuing state have none); ``check_ok`` is the outcome of that check (None when not covered).
    """

    value: str
    covered: bool = False
    check_ok: bool | None = None

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
        """True when the scan can fill the form without the clerk re-checking: no problem at all."""
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready view (used by the CLI's --json); holds no BSN because the result has none."""
        fields = {}
        for name in FIELD_NAMES:
            scan_field: ScanField = getattr(self, name)
            fields[name] = {
                "value": scan_field.value,
                "check_digit": scan_field.covered,
                "check_ok": scan_field.check_ok,
            }
        return {
            "mrz_format": self.mrz_format,
            "document_code": self.document_code,
            "document_type": str(self.document_type),
            "fields": fields,
            "expired": self.expired,
            "composite_check_ok": self.composite_check_ok,
            "problems": list(self.problems),
            "ok": self.ok,
        }
