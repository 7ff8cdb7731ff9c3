"""A citizen service number typed into any field is caught before it can be stored or sent."""

from __future__ import annotations

import pytest

from dor_desktop.domain.checks import bsn_valid
from dor_desktop.domain.validation import validate
from tests.unit.test_validation import DEFAULT, NOW, parsed, problems_of, with_item

SPECIMEN = "999999990"


@pytest.mark.parametrize(
    ("path", "mutate"),
    [
        ("seller.family_name", lambda d: d["seller"].update(family_name=f"Jansen {SPECIMEN}")),
        ("seller.address.street", lambda d: d["seller"]["address"].update(street=f"BSN {SPECIMEN}")),
        ("items[0].description", lambda d: d["items"][0].update(description=f"phone of {SPECIMEN}")),
    ],
)
def test_a_bsn_in_free_text_is_an_error(make_purchase, path, mutate):
    data = make_purchase()
    mutate(data)
    assert (path, "possible_bsn", "error") in problems_of(data)


def test_a_bsn_like_serial_is_a_warning_the_clerk_can_confirm(make_purchase):
    data = with_item(make_purchase, serial_number=SPECIMEN)
    assert ("items[0].serial_number", "possible_bsn", "warning") in problems_of(data)


def test_the_message_never_repeats_the_number(make_purchase):
    data = with_item(make_purchase, description=f"x {SPECIMEN}")
    messages = [p.message for p in validate(parsed(data), DEFAULT, NOW)]
    assert messages and all(SPECIMEN not in m for m in messages)


def test_a_two_letter_nl_issuing_country_is_checked_for_a_bsn_too(make_purchase):
    data = make_purchase()
    data["id_document"].update(number=SPECIMEN, issuing_country="NL")
    assert ("id_document.number", "personal_number", "error") in problems_of(data)


def test_a_trailing_newline_is_not_a_bsn_and_does_not_crash():
    assert bsn_valid(SPECIMEN)
    assert not bsn_valid(SPECIMEN + "\n")
