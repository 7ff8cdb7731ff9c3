"""The contract's answers parsed strictly, and the registration text as it is sent."""

from __future__ import annotations

import json

import pytest

from dor_desktop.domain.registration import ChainPosition
from dor_desktop.sync.errors import BadResponse
from dor_desktop.sync.wire import parse_results, registration_text

POSITION = ChainPosition("K1", 7, "0" * 64, "ab" * 32)


def test_the_frozen_text_is_sent_byte_for_byte_with_its_chain_member_added() -> None:
    frozen = '{"client_reference":"x","seller":{"family_name":"Wójcik"}}'

    sent = registration_text(frozen, POSITION)

    assert sent.startswith(frozen[:-1])
    assert json.loads(sent) == {**json.loads(frozen), "chain": POSITION.to_json()}


def test_without_a_position_the_frozen_text_is_sent_as_is() -> None:
    assert registration_text('{"a":1}', None) == '{"a":1}'


@pytest.mark.parametrize("frozen", ["{}", "[1]", ""])
def test_only_a_frozen_object_takes_a_chain(frozen: str) -> None:
    with pytest.raises(ValueError):
        registration_text(frozen, POSITION)


def test_a_huge_value_is_not_repeated_whole_in_the_message() -> None:
    with pytest.raises(BadResponse) as bad:
        parse_results({"results": [{"status": "x" * 100_000}]})
    assert "results[0].status" in str(bad.value) and len(str(bad.value)) < 400
