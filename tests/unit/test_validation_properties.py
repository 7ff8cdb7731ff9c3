"""Property tests: parsing and validation never raise, valid purchases validate clean and round-trip."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json, purchase_to_json
from dor_desktop.domain.rules import available_packs
from dor_desktop.domain.validation import validate
from tests.conftest import VALID_PURCHASE

from .strategies import valid_purchases

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PACKS = list(available_packs().values())


@given(valid_purchases())
def test_valid_purchases_validate_clean_under_every_pack(purchase):
    for pack in PACKS:
        assert validate(purchase, pack, NOW) == [], pack.id


def in_utc(purchase: Purchase) -> Purchase:
    return replace(purchase, acquired_at=purchase.acquired_at.astimezone(UTC))


def assert_round_trips(purchase: Purchase) -> None:
    wire = json.loads(json.dumps(purchase_to_json(purchase)))
    parsed, problems = purchase_from_json(wire, NOW)
    assert problems == []
    # Compared in UTC: Python never calls two zones' readings of the hour the clock repeats at the
    # end of summer time equal (PEP 495), though they are the same moment. The offset must survive.
    assert in_utc(parsed) == in_utc(purchase)
    assert parsed.acquired_at.utcoffset() == purchase.acquired_at.utcoffset()


@given(valid_purchases())
def test_registration_json_round_trip(purchase):
    assert_round_trips(purchase)


@pytest.mark.parametrize("fold", [0, 1], ids=["summer-time", "winter-time"])
def test_a_purchase_in_the_repeated_hour_at_the_end_of_summer_time_round_trips(fold):
    # Found by the property above: 02:00 on 30 October 2016 in Amsterdam happened twice.
    purchase, problems = purchase_from_json(copy.deepcopy(VALID_PURCHASE), NOW)
    assert problems == []
    moment = datetime(2016, 10, 30, 2, 0, fold=fold, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert_round_trips(replace(purchase, acquired_at=moment))


# --- arbitrary input ---------------------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "1e30",
    "-0",
    "NaN",
    "Infinity",
    "12,50",
    "999999990",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-14:00",
    "2026-11-23",
    "\u0663",
    "\x00",
]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.sampled_from(TRICKY),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


#: Key paths into a purchase (those of the conftest sample and the optional ones it leaves out).
PATHS: list[tuple] = [
    ("acquired_at",),
    ("acquisition_type",),
    ("payment_method",),
    ("clerk",),
    ("total_amount",),
    ("overrides",),
    ("overrides", 0),
    ("vehicle_plate",),
    ("seller",),
    ("seller", "family_name"),
    ("seller", "given_names"),
    ("seller", "date_of_birth"),
    ("seller", "address"),
    ("seller", "address", "postcode"),
    ("seller", "address", "country"),
    ("id_document",),
    ("id_document", "type"),
    ("id_document", "number"),
    ("id_document", "issuing_country"),
    ("id_document", "expiry_date"),
    ("id_document", "read_from"),
    ("items",),
    ("items", 0),
    ("items", 0, "category"),
    ("items", 0, "description"),
    ("items", 0, "imei"),
    ("items", 0, "serial_number"),
    ("items", 0, "frame_number"),
    ("items", 0, "price"),
    ("items", 0, "price", "value"),
    ("items", 0, "price", "currency"),
    ("items", 0, "quantity"),
    ("items", 0, "weight_grams"),
    ("items", 0, "fineness"),
    ("items", 0, "hallmark"),
    ("items", 0, "photo_sha256"),
]


def _fits(container: Any, key: Any) -> bool:
    if isinstance(container, dict):
        return isinstance(key, str)
    return isinstance(container, list) and isinstance(key, int) and key < len(container)


def _set(data: Any, path: tuple, value: Any) -> None:
    """Put ``value`` at ``path``, unless an earlier mutation replaced a parent by something else."""
    for key in path[:-1]:
        if not _fits(data, key):
            return
        data = data.setdefault(key, {}) if isinstance(data, dict) else data[key]
    if _fits(data, path[-1]):
        data[path[-1]] = value


def _parse_and_validate(data: Any) -> None:
    purchase, problems = purchase_from_json(data, NOW)
    assert all(p.path is not None and p.code for p in problems)
    if purchase is not None:
        for pack in PACKS:
            validate(purchase, pack, NOW)
        purchase_to_json(purchase)


mutations = st.lists(st.tuples(st.sampled_from(PATHS), json_values), min_size=1, max_size=4)


@given(mutations=mutations)
@example(mutations=[(("total_amount",), "1e30")])
@example(mutations=[(("acquired_at",), "0001-01-01T00:00:00+01:00")])
@example(mutations=[(("items", 0, "price"), "1E+999999999"), (("items", 0, "category"), "gold")])
@example(mutations=[(("items", 0, "weight_grams"), "1e400"), (("items", 0, "category"), "copper")])
def test_parsing_and_validating_a_damaged_purchase_never_raises(make_purchase, mutations):
    data = make_purchase()
    for path, value in mutations:
        _set(data, path, value)
    _parse_and_validate(data)


@given(json_values)
def test_parsing_any_json_value_never_raises(data):
    _parse_and_validate(data)
