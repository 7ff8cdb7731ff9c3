"""Hypothesis strategies for valid purchases, shared by the domain and storage property tests.

A generated purchase satisfies every check under every shipped rule pack as of 2026-11-23, so a
property can assert "no problems", "round-trips" or "commits and verifies" without filtering.
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from dor_desktop.domain.enums import (
    FRAME_CATEGORIES,
    METAL_CATEGORIES,
    PHOTO_CATEGORIES,
    AcquisitionType,
    Category,
    IdDocumentType,
    PaymentMethod,
    ReadFrom,
)
from dor_desktop.domain.purchase import Address, IdDocument, Item, Purchase, Seller

words = (
    st.text(alphabet=string.ascii_letters + "\u00e9\u00eb\u00ef' -", min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
upper_codes = st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=20)


def imei_with_check_digit(body: str) -> str:
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


imeis = st.text(alphabet=string.digits, min_size=14, max_size=14).map(imei_with_check_digit)
prices = st.integers(1, 9_999_999_999).map(lambda cents: Decimal(cents).scaleb(-2))
weights = st.integers(1, 9_999_999_999).map(lambda mg: Decimal(mg).scaleb(-3))
nl_postcodes = st.builds(
    lambda number, letters, space: f"{number}{' ' if space else ''}{letters}",
    st.integers(1000, 9999),
    st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2).filter(
        lambda s: s not in ("SA", "SD", "SS")
    ),
    st.booleans(),
)
addresses = st.one_of(
    st.builds(
        Address,
        street=words,
        house_number=upper_codes.map(lambda s: s[:16]),
        postcode=nl_postcodes,
        city=words,
    ),
    st.builds(
        Address,
        street=words,
        house_number=st.just("7"),
        postcode=upper_codes.map(lambda s: s[:16]),
        city=words,
        country=st.sampled_from(["DE", "BE", "FR", "PL"]),
    ),
)
zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5)), ZoneInfo("Europe/Amsterdam")]
)
moments = st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2026, 11, 22), timezones=zones)


@st.composite
def items(draw: st.DrawFn, line: int) -> Item:
    category = draw(st.sampled_from(list(Category)))
    fields: dict[str, Any] = {}
    if category == Category.PHONE:
        fields["imei"] = draw(imeis)
    if category in FRAME_CATEGORIES:
        fields["frame_number"] = draw(upper_codes)
    if category in METAL_CATEGORIES:
        fields["weight_grams"] = draw(weights)
        fields["fineness"] = draw(st.integers(1, 1000))
    if category in PHOTO_CATEGORIES:
        fields[draw(st.sampled_from(["serial_number", "hallmark"]))] = draw(upper_codes)
        fields["photo_sha256"] = tuple(
            draw(st.lists(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), max_size=2))
        )
    return Item(
        line=line,
        category=category,
        description=draw(words),
        price=draw(prices),
        quantity=draw(st.integers(1, 50)),
        brand=draw(st.one_of(st.just(""), words)),
        **fields,
    )


@st.composite
def valid_purchases(draw: st.DrawFn) -> Purchase:
    acquired_at = draw(moments)
    document = IdDocument(
        type=draw(st.sampled_from(list(IdDocumentType))),
        number=draw(st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2)) + draw(upper_codes),
        issuing_country=draw(st.sampled_from(["NLD", "D", "BEL", "GBR"])),
        expiry_date=draw(st.one_of(st.none(), st.dates(min_value=acquired_at.date() + timedelta(days=1)))),
        read_from=draw(st.sampled_from(list(ReadFrom))),
    )
    birth = st.dates(min_value=date(1900, 1, 1), max_value=acquired_at.date() - timedelta(days=1))
    count = draw(st.integers(1, 4))
    return Purchase(
        acquired_at=acquired_at,
        seller=Seller(
            family_name=draw(words),
            given_names=draw(words),
            address=draw(addresses),
            date_of_birth=draw(st.one_of(st.none(), birth)),
        ),
        items=tuple(draw(items(line)) for line in range(1, count + 1)),
        id_document=document,
        acquisition_type=draw(st.sampled_from(list(AcquisitionType))),
        payment_method=draw(st.sampled_from(list(PaymentMethod))),
        clerk=draw(st.one_of(st.just(""), words)),
        # Dated before 2026-11-23: registered then, most are late entries, which need a reason.
        late_entry_reason=draw(words),
    )


#: What may stand between the digits of a BSN someone typed (or pasted): nothing, spaces, dots,
#: dashes, no-break and zero-width spaces.
bsn_separators = st.sampled_from(["", " ", ".", "-", " - ", "\u00a0", "\u200b", "\u2013"])


@st.composite
def written_bsns(draw: st.DrawFn) -> str:
    """A valid BSN written as a person might: separators, full-width digits here and there."""
    digits = draw(st.sampled_from(["111222333", "999999990", "123456782", "100000010"]))
    written = ""
    for index, digit in enumerate(digits):
        written += chr(ord(digit) + 0xFEE0) if draw(st.booleans()) else digit
        if index < 8:
            written += draw(bsn_separators)
    return written
