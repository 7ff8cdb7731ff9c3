"""How a registered serial, IMEI or frame number is compared with the stolen-goods table.

Normalisation: upper case, only the ASCII letters and digits kept, so ``wtb-12 34`` equals
``WTB1234`` (clerks and police type separators differently).

Match types, on normalised values:

- ``exact``: equal, and at least :data:`MIN_EXACT_LENGTH` characters long (so that a stray ``1``
  matches nothing).
- ``partial``: not equal, both at least :data:`MIN_PARTIAL_LENGTH` characters, and either the
  same length with exactly one character different (a misread or mistyped character), or one
  contains the other (a number typed with a prefix, suffix or check digit the other lacks).

Partial matches are deliberately loose: they are signals for a clerk to compare the goods by hand,
and the police decide. Eight characters keep short model numbers from matching everything.
"""

from __future__ import annotations

import re
from typing import Literal

MatchType = Literal["exact", "partial"]

MIN_EXACT_LENGTH = 4
MIN_PARTIAL_LENGTH = 8

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


def normalise_identifier(value: str) -> str:
    """The comparable form of a serial/IMEI/frame number: upper case, letters and digits only."""
    return _NOT_ALNUM.sub("", value.upper())


def compare_identifiers(registered: str, stolen: str) -> MatchType | None:
    """Match type of two *normalised* identifiers, or None when they do not match."""
    if len(registered) < MIN_EXACT_LENGTH or len(stolen) < MIN_EXACT_LENGTH:
        return None
    if registered == stolen:
        return "exact"
    if len(registered) < MIN_PARTIAL_LENGTH or len(stolen) < MIN_PARTIAL_LENGTH:
        return None
    if len(registered) == len(stolen):
        return "partial" if _differs_in_one_place(registered, stolen) else None
    if registered in stolen or stolen in registered:
        return "partial"
    return None


def _differs_in_one_place(a: str, b: str) -> bool:
    differences = 0
    for char_a, char_b in zip(a, b, strict=True):
        if char_a != char_b:
            differences += 1
            if differences > 1:
                return False
    return differences == 1
