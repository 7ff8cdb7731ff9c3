"""Check-digit algorithms used by validation, the ID scanner and the sandbox server.

Kept dependency-free on purpose: python-stdnum is LGPL and these are a few lines each. The BSN's
11-test and finding a BSN in text (in any spelling) live in :mod:`dor_desktop.domain.bsn_text`
and are re-exported here for the callers that know them by this module.
"""

from __future__ import annotations

from dor_desktop.domain.bsn_text import bsn_valid, find_bsns

__all__ = ["bsn_valid", "find_bsns", "imei_valid", "luhn_valid"]


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
