"""Check-digit algorithms used by validation, the ID scanner and the sandbox server.

Kept dependency-free on purpose: python-stdnum is LGPL and these are a few lines each.
"""

from __future__ import annotations

import re

_NINE_DIGITS = re.compile(r"[0-9]{9}")


def luhn_valid(digits: str) -> bool:
    """True when ``digits`` (only 0-9) passes the Luhn check used by IMEI numbers."""
    if not digits.isdigit() or not digits.isascii():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def imei_valid(value: str) -> bool:
    """True for a 15-digit IMEI whose last digit is its Luhn check digit."""
    return len(value) == 15 and luhn_valid(value)


def bsn_valid(value: str) -> bool:
    """True when ``value`` is nine digits passing the BSN 11-test (elfproef).

    The weights are 9..2 for the first eight digits and -1 for the last; the sum must be a
    multiple of 11 and not zero. Used to refuse, redact and mask citizen service numbers.
    """
    if not _NINE_DIGITS.fullmatch(value):
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(value, weights, strict=True))
    return total != 0 and total % 11 == 0


_BSN_CANDIDATE = re.compile(r"(?<![0-9])([0-9]{9}|[0-9]{4}\.[0-9]{2}\.[0-9]{3})(?![0-9])")


def find_bsns(text: str) -> list[str]:
    """Every 9-digit number in ``text`` (also written 1234.56.789) that passes the 11-test."""
    found = []
    for match in _BSN_CANDIDATE.finditer(text):
        digits = match.group(1).replace(".", "")
        if bsn_valid(digits):
            found.append(match.group(1))
    return found
