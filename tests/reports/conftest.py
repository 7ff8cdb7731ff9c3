"""Fixtures for report tests: a real register file in a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import HOME_VARIABLE
from dor_desktop.services.context import AppContext


def purchase_data(family_name: str = "Jansen", imei: str = "490154203237518") -> dict:
    return {
        "acquired_at": "2026-11-20T10:15:00+01:00",
        "payment_method": "cash",
        "seller": {
            "family_name": family_name,
            "given_names": "Piet",
            "address": {
                "street": "Dorpsstraat",
                "house_number": "1",
                "postcode": "1234 AB",
                "city": "Utrecht",
            },
        },
        "id_document": {"type": "passport", "number": "NX1234567", "issuing_country": "NLD"},
        "items": [
            {
                "category": "phone",
                "description": "iPhone 12",
                "brand": "Apple",
                "imei": imei,
                "price": "100.00",
            },
            {
                "category": "gold",
                "description": "ring",
                "weight_grams": "3.2",
                "fineness": 585,
                "price": "50.00",
                "hallmark": "585 anker",
            },
        ],
    }


@pytest.fixture
def app(tmp_path, monkeypatch) -> Iterator[AppContext]:
    monkeypatch.setenv(HOME_VARIABLE, str(tmp_path / "home"))
    context = open_app()
    yield context
    context.close()
