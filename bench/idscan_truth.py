"""Ground truth for benchmark scans, from the generator's inputs (never from the reader's parser)."""

from __future__ import annotations

from dor_desktop.idscan.synthetic import IdSpec

NAME_FIELD_WIDTH = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}


def expected_fields(spec: IdSpec) -> dict[str, str]:
    """The eight fields as the document states them (names as far as the MRZ's width allows)."""
    width = NAME_FIELD_WIDTH[spec.mrz_format]
    name_field = (spec.family_name.replace(" ", "<") + "<<" + spec.given_names.replace(" ", "<"))[:width]
    family, _, given = name_field.rstrip("<").partition("<<")
    return {
        "issuing_country": spec.issuing_country.replace("<", ""),
        "document_number": spec.document_number.replace("<", ""),
        "family_name": " ".join(family.replace("<", " ").split()),
        "given_names": " ".join(given.replace("<", " ").split()),
        "date_of_birth": spec.date_of_birth.isoformat(),
        "sex": spec.sex if spec.sex in ("M", "F") else "X",
        "nationality": spec.nationality.replace("<", ""),
        "expiry_date": spec.expiry.isoformat(),
    }
