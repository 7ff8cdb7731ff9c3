"""Money: parsing what clerks and files give us, the two-decimal rule, the wire and display forms."""

from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dor_desktop.domain.money import MAX_AMOUNT, format_eur, has_at_most_two_decimals, parse_amount, to_wire

cents = st.integers(min_value=-(10**11) + 1, max_value=10**11 - 1).map(lambda c: Decimal(c).scaleb(-2))


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("12.50", Decimal("12.50")),
        ("12,50", Decimal("12.50")),
        (" \u20ac 7 ", Decimal("7")),
        (12, Decimal("12")),
        (Decimal("0.01"), Decimal("0.01")),
        ("1.250,00", Decimal("1250.00")),  # Dutch thousands separators with a decimal comma
        ("\u20ac 12.500,5", Decimal("12500.5")),
        ("1.250.000", Decimal("1250000")),  # two groups cannot be a decimal point
    ],
)
def test_parse_amount_accepts_dot_comma_euro_sign_and_integers(given_text, expected):
    assert parse_amount(given_text) == expected


@pytest.mark.parametrize(
    "bad", ["", "abc", "1.25,50", "12.50,00", "1.2500,00", "1.250.00", "1,2,3", "NaN", "Infinity", "-inf", True, 1.5, None, [1]]
)
def test_parse_amount_refuses_what_is_not_a_finite_amount(bad):
    with pytest.raises(ValueError):
        parse_amount(bad)


@pytest.mark.parametrize("huge", ["1e30", "1" + "0" * 30, "1E+999999999", 10**40, Decimal("1e50")])
def test_parse_amount_refuses_absurd_magnitudes_instead_of_crashing_later(huge):
    # Regression: such values parsed, then every quantize() on them raised decimal.InvalidOperation.
    with pytest.raises(ValueError, match="too large"):
        parse_amount(huge)


def test_a_large_but_sane_amount_still_parses_so_validation_can_name_the_limit():
    assert parse_amount("1000000000.00") > MAX_AMOUNT


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("12", True),
        ("12.5", True),
        ("12.50", True),
        ("12.500", True),
        ("12.505", False),
        ("0.001", False),
        ("1E+30", True),
        ("1E-30", False),
        ("0.1000000000000000000000000000001", False),
    ],
)
def test_two_decimal_rule(value, ok):
    assert has_at_most_two_decimals(Decimal(value)) is ok


def test_wire_and_display_forms():
    assert to_wire(Decimal("12.5")) == "12.50"
    assert to_wire(Decimal("7")) == "7.00"
    assert format_eur(Decimal("1250.5")) == "\u20ac 1.250,50"
    assert format_eur(Decimal("0.05")) == "\u20ac 0,05"


@given(cents)
def test_wire_form_round_trips_and_has_exactly_two_decimals(value):
    wire = to_wire(value)
    assert parse_amount(wire) == value
    assert wire.split(".")[1].isdigit() and len(wire.split(".")[1]) == 2


@given(cents)
def test_dutch_display_form_round_trips_once_thousands_dots_are_removed(value):
    assert parse_amount(format_eur(value).replace(".", "")) == value


@given(cents)
def test_comma_decimal_separator_parses_like_a_dot(value):
    assert parse_amount(to_wire(value).replace(".", ",")) == value


any_decimal = st.decimals(allow_nan=False, allow_infinity=False) | st.integers(0, 6).flatmap(
    lambda places: st.decimals(allow_nan=False, allow_infinity=False, places=places)
)


@given(any_decimal)
@example(Decimal("1E+40"))
@example(Decimal("-0.000"))
@example(Decimal("0.1000000000000000000000000000001"))
def test_two_decimal_rule_agrees_with_whole_cents(value):
    # A value has at most two decimals exactly when it is a whole number of cents (computed exactly).
    with localcontext() as exact:
        exact.prec = 10_000
        whole_cents = (value * 100) % 1 == 0
    assert has_at_most_two_decimals(value) == whole_cents
