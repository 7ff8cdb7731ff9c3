"""Money in euros as :class:`~decimal.Decimal`: never floats, always two decimals on the wire."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")
#: The contract allows at most nine digits before the decimal point.
MAX_AMOUNT = Decimal("999999999.99")


def parse_amount(text: str | int | Decimal) -> Decimal:
    """Parse a euro amount typed by a clerk or read from JSON ("12,50", "12.50", 12).

    Raises ``ValueError`` with a clear message for anything that is not a finite number. A comma is
    accepted as the decimal separator because Dutch clerks type one; thousands separators are not,
    since "1.250" is ambiguous.
    """
    if isinstance(text, bool):
        raise ValueError("not an amount")
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, str):
        cleaned = text.strip().replace("\u20ac", "").strip()
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError(f"{text!r} is not an amount") from None
    else:
        raise ValueError(f"{text!r} is not an amount")
    if not value.is_finite():
        raise ValueError(f"{text!r} is not an amount")
    return value


def has_at_most_two_decimals(value: Decimal) -> bool:
    """True when ``value`` has no fraction finer than a cent (12.5 and 12.50 pass, 12.505 fails)."""
    return value == value.quantize(CENT)


def to_wire(value: Decimal) -> str:
    """The contract's decimal string with exactly two decimals, e.g. ``"12.50"``."""
    return f"{value.quantize(CENT):.2f}"


def format_eur(value: Decimal) -> str:
    """A Dutch display string: ``"€ 1.250,50"``."""
    whole, _, cents = f"{value.quantize(CENT):,.2f}".partition(".")
    return "\u20ac " + whole.replace(",", ".") + "," + cents
