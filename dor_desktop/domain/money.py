"""Money in euros as :class:`~decimal.Decimal`: never floats, always two decimals on the wire."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")
#: The contract allows at most nine digits before the decimal point.
MAX_AMOUNT = Decimal("999999999.99")
#: Amounts of 10**15 and more are refused while parsing (validation still says "too large" for
#: anything between MAX_AMOUNT and this), so no later quantize() can overflow the decimal context.
_PARSE_LIMIT_DIGITS = 15
#: Dutch grouping: "1.250,00", "12.500", "1.250.000,5". A lone "1.250" is not matched (one dot and
#: no comma reads as a decimal point, and validation then refuses its third decimal).
_DUTCH_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+,\d{1,2}|\d{1,3}(\.\d{3}){2,}")


def parse_amount(text: str | int | Decimal) -> Decimal:
    """Parse a euro amount typed by a clerk or read from JSON ("12,50", "12.50", 12).

    Raises ``ValueError`` with a clear message for anything that is not a finite number. A comma is
    accepted as the decimal separator because Dutch clerks type one. Dots as thousands separators
    are accepted where they cannot be misread: with a decimal comma after them ("1.250,00") or in
    two or more groups ("1.250.000"); a lone "1.250" stays ambiguous and is refused by validation.
    """
    if isinstance(text, bool):
        raise ValueError("not an amount")
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, str):
        cleaned = text.strip().replace("\u20ac", "").strip()
        if _DUTCH_GROUPED.fullmatch(cleaned):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"{text!r} is not an amount") from None
    else:
        raise ValueError(f"{text!r} is not an amount")
    if not value.is_finite():
        raise ValueError(f"{text!r} is not an amount")
    if value.adjusted() >= _PARSE_LIMIT_DIGITS:
        raise ValueError(f"{text!r} is too large for an amount")
    return value


def has_at_most_two_decimals(value: Decimal) -> bool:
    """True when ``value`` has no fraction finer than a cent (12.5 and 12.50 pass, 12.505 fails).

    Read from the digits rather than with quantize(), which raises for values beyond the decimal
    context's precision; validation must never raise, whatever amount it is given.
    """
    if not value.is_finite():
        return False
    _sign, digits, exponent = value.as_tuple()
    finer_than_cents = -int(exponent) - 2
    return finer_than_cents <= 0 or not any(digits[-finer_than_cents:])


def to_wire(value: Decimal) -> str:
    """The contract's decimal string with exactly two decimals, e.g. ``"12.50"``."""
    return f"{value.quantize(CENT):.2f}"


def format_eur(value: Decimal) -> str:
    """A Dutch display string: ``"€ 1.250,50"``."""
    whole, _, cents = f"{value.quantize(CENT):,.2f}".partition(".")
    return "\u20ac " + whole.replace(",", ".") + "," + cents
