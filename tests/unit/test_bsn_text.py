"""A BSN is found however it is written: separators, full-width digits, invisible characters.

Every guard asks ``domain.bsn_text``: validation of every free-text field (override notes too),
the reasons of corrections and voids, log redaction, the scanner's log scrubbing and draft scrubbing.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dor_desktop.config.logs import redact
from dor_desktop.domain.bsn_text import bsn_valid, contains_bsn, find_bsns, redact_bsns
from dor_desktop.domain.purchase import Override
from dor_desktop.domain.validation import validate
from dor_desktop.idscan.bsn_guard import redact_mrz
from dor_desktop.services.drafts import scrub_bsns
from tests.unit.strategies import valid_purchases, written_bsns
from tests.unit.test_validation import DEFAULT, NOW, problems_of, with_item

BSN = "111222333"
assert bsn_valid(BSN)

SPELLINGS = [
    "111222333",
    "111 222 333",
    "111-222-333",
    "111/222/333",  # slashes, commas and underscores group digits too
    "111,222,333",
    "111_222_333",
    "111.222.333",
    "1112.22.333",
    "111 - 222 - 333",
    "111\u00a0222\u00a0333",  # no-break spaces
    "111\u2013222\u2013333",  # en dashes
    "\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13",  # full-width digits
    "111\u200b222\u200b333",  # zero-width spaces
    "1\u200c1\u200d1\u20602\ufeff22333",  # zero-width non-joiner, joiner, word joiner, BOM
    "111\u00ad222333",  # soft hyphen
    "111\x00222\x07333",  # control characters
    "111\n222\n333",  # line breaks
    "\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663",  # Arabic-Indic digits
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_is_found_and_redacted(spelling):
    text = f"verkoper {spelling} zei"
    assert contains_bsn(text)
    redacted = redact_bsns(text, "[X]")
    assert redacted == "verkoper [X] zei"
    assert find_bsns(text) == [spelling]


@pytest.mark.parametrize(
    "text",
    [
        "0612 345 678",  # a phone number: ten digits
        "1112223330",  # ten digits in a row
        "11122233",  # eight
        "123 456 789",  # nine digits failing the 11-test
        "prijs 1.000.000",
        "12/03/1980",  # a date: eight digits
    ],
)
def test_numbers_that_are_no_bsn_are_left_alone(text):
    assert not contains_bsn(text)
    assert redact_bsns(text, "[X]") == text


def test_a_bsn_after_a_date_is_still_found():
    assert find_bsns("geboren 12-03-1980 111 222 333") == ["111 222 333"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_validation_refuses_every_spelling_in_free_text(make_purchase, spelling):
    data = make_purchase()
    data["seller"]["address"].update(street=f"Dorpsstraat {spelling}")
    assert ("seller.address.street", "possible_bsn", "error") in problems_of(data)


@pytest.mark.parametrize(
    "spelling", ["111 222 333", "111-222-333", "\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13"]
)
def test_a_bsn_in_an_override_note_is_refused(make_purchase, spelling):
    data = with_item(make_purchase, category="watch", description="horloge", serial_number="")
    data["overrides"] = [
        {"code": "photo_or_number_missing", "field": "items[0].photo_sha256", "note": f"bsn {spelling}"}
    ]
    assert ("overrides[0].note", "possible_bsn", "error") in problems_of(data)


def test_a_spaced_bsn_as_serial_number_stays_a_warning(make_purchase):
    data = with_item(make_purchase, serial_number="111 222 333")
    assert ("items[0].serial_number", "possible_bsn", "warning") in problems_of(data)


def test_a_spaced_bsn_as_dutch_document_number_is_refused(make_purchase):
    data = make_purchase()
    data["id_document"].update(number="111\u200b222\u200b333", issuing_country="NLD")
    assert ("id_document.number", "personal_number", "error") in problems_of(data)


@pytest.mark.parametrize("name", ["Jan\x1b[2J", "Jan\x00sen", "Jan\u202esen", "Jan\tsen", "Jan\u200bsen"])
def test_control_characters_in_a_name_are_refused(make_purchase, name):
    data = make_purchase()
    data["seller"]["family_name"] = name
    assert ("seller.family_name", "control_character", "error") in problems_of(data)


def test_control_characters_in_an_item_text_are_refused(make_purchase):
    data = with_item(make_purchase, description="ring\x07")
    assert ("items[0].description", "control_character", "error") in problems_of(data)


@pytest.mark.parametrize("spelling", ["111 222 333", "111\u200b222333", "\uff11\uff11\uff11222333"])
def test_log_redaction_and_scrubbing_catch_every_spelling(spelling):
    assert "[BSN REDACTED]" in redact(f"typed {spelling}")
    assert spelling not in redact_mrz(f"typed {spelling}")
    assert scrub_bsns({"street": f"x {spelling}"}) == {"street": ""}


def test_the_log_file_never_gets_a_spaced_bsn(tmp_path):
    from dor_desktop.config.logs import setup_logging

    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("dor_desktop.test").warning("typed %s", "111 222 333")
        root.handlers[-1].flush()
        assert "111 222 333" not in path.read_text(encoding="utf-8")
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)


_SEPARATOR = st.sampled_from([" ", ".", "-", "\u200b", "\u00a0", "\u2013", "", "  "])


@given(
    digits=st.sampled_from(["111222333", "999999990", "123456782"]),
    separators=st.lists(_SEPARATOR, min_size=8, max_size=8),
    full_width=st.lists(st.booleans(), min_size=9, max_size=9),
)
def test_any_mix_of_separators_and_digit_widths_is_found(digits, separators, full_width):
    written = ""
    for index, digit in enumerate(digits):
        written += chr(ord(digit) + 0xFF10 - 0x30) if full_width[index] else digit
        if index < 8:
            written += separators[index]
    assert contains_bsn(f"a {written} b")
    assert redact_bsns(f"a {written} b", "X") == "a X b"


_FREE_TEXT = ["family_name", "given_names", "street", "city", "description", "note"]


@given(purchase=valid_purchases(), bsn=written_bsns(), where=st.sampled_from(_FREE_TEXT))
def test_a_bsn_written_any_way_in_any_free_text_field_is_refused(purchase, bsn, where):
    seller, item = purchase.seller, purchase.items[0]
    if where in ("family_name", "given_names"):
        purchase = replace(purchase, seller=replace(seller, **{where: f"{bsn} x"}))
        path = f"seller.{where}"
    elif where in ("street", "city"):
        purchase = replace(
            purchase, seller=replace(seller, address=replace(seller.address, **{where: f"x {bsn}"}))
        )
        path = f"seller.address.{where}"
    elif where == "description":
        purchase = replace(purchase, items=(replace(item, description=f"x {bsn} y"), *purchase.items[1:]))
        path = "items[0].description"
    else:
        purchase = replace(
            purchase, overrides=(Override("id_expired", "id_document.expiry_date", f"bsn {bsn}"),)
        )
        path = "overrides[0].note"
    problems = {(p.path, p.code, p.severity) for p in validate(purchase, DEFAULT, NOW)}
    assert (path, "possible_bsn", "error") in problems


def test_a_bsn_with_its_first_group_in_brackets_is_found():
    assert contains_bsn("bel (111) 222 333")
    assert "222" not in redact_bsns("bel (111) 222 333", "[X]")


def test_a_phone_number_in_brackets_is_left_alone():
    assert not contains_bsn("bel (0612) 345 678")
