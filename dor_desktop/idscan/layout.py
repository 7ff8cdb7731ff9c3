"""Where each MRZ layout's characters stand, and what vouches for them.

Two views of the same lines, kept side by side so they are changed together:
``UNCHECKED_SPANS`` are the characters only the reader's guards can vouch for (names, codes, sex,
and the document number, whose 7-3-1 check cannot see swaps between values ten apart such as
J/9, K/<, 0/A/K/U); ``CHECKED_SPANS`` are the characters a check digit decides (so the repair may
change them and let the check digit judge). Spans are (start, end) per layout and line.
"""

from __future__ import annotations

Spans = dict[str, tuple[tuple[tuple[int, int], ...], ...]]

LINE_LENGTHS = {"TD1": 30, "TD2": 36, "TD3": 44, "DL": 30, "MRVA": 44, "MRVB": 36}
UNCHECKED_SPANS: Spans = {
    "TD3": (((0, 44),), ((0, 13), (20, 21))),
    "TD2": (((0, 36),), ((0, 13), (20, 21))),
    "MRVA": (((0, 44),), ((0, 13), (20, 21))),
    "MRVB": (((0, 36),), ((0, 13), (20, 21))),
    "TD1": (((0, 15),), ((7, 8), (15, 18)), ((0, 30),)),
    "DL": (((0, 30),),),
}
#: Check digits included.
CHECKED_SPANS: Spans = {
    "TD3": ((), ((0, 10), (13, 20), (21, 44))),
    "TD2": ((), ((0, 10), (13, 20), (21, 36))),
    "MRVA": ((), ((0, 10), (13, 20), (21, 28))),
    "MRVB": ((), ((0, 10), (13, 20), (21, 28))),
    "TD1": (((5, 30),), ((0, 7), (8, 15), (18, 30)), ()),
    "DL": (((5, 30),),),
}
#: Layouts by their line count, so a line set can be repaired before it parses.
LAYOUTS_BY_LINES = {2: ("TD3", "TD2", "MRVA", "MRVB"), 3: ("TD1",), 1: ("DL",)}

#: Where each field stands: (line, start, end) per field name; "names" is the whole name field
#: (trust.py splits it into family and given names) and "document_code" decides the type.
FieldSpans = dict[str, tuple[int, int, int]]
_TWO_LINE: FieldSpans = {
    "document_code": (0, 0, 2),
    "issuing_country": (0, 2, 5),
    "document_number": (1, 0, 10),
    "nationality": (1, 10, 13),
    "sex": (1, 20, 21),
}
FIELD_SPANS: dict[str, FieldSpans] = {
    "TD3": {**_TWO_LINE, "names": (0, 5, 44)},
    "MRVA": {**_TWO_LINE, "names": (0, 5, 44)},
    "TD2": {**_TWO_LINE, "names": (0, 5, 36)},
    "MRVB": {**_TWO_LINE, "names": (0, 5, 36)},
    "TD1": {
        "document_code": (0, 0, 2),
        "issuing_country": (0, 2, 5),
        "document_number": (0, 5, 15),
        "sex": (1, 7, 8),
        "nationality": (1, 15, 18),
        "names": (2, 0, 30),
    },
    "DL": {"document_code": (0, 0, 5), "issuing_country": (0, 2, 5), "document_number": (0, 5, 30)},
}

#: The date fields' digits and check digits: (line, start, end) per layout. A date whose check
#: digit passed is proven right, so these cells show how well the OCR-B glyphs fit this print
#: (guards.glyph_check_measured).
_TWO_LINE_DATES = {"date_of_birth": (1, 13, 20), "expiry_date": (1, 21, 28)}
DATE_SPANS: dict[str, dict[str, tuple[int, int, int]]] = {
    "TD3": _TWO_LINE_DATES,
    "TD2": _TWO_LINE_DATES,
    "MRVA": _TWO_LINE_DATES,
    "MRVB": _TWO_LINE_DATES,
    "TD1": {"date_of_birth": (1, 0, 7), "expiry_date": (1, 8, 15)},
}
