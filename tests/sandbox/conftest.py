"""Fixtures for the sandbox tests: a real server on 127.0.0.1 per test, and registration data."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sandbox.config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from dor_desktop.sandbox.seed import StolenSeedRow, load_seed_rows
from dor_desktop.sandbox.server import run_sandbox


class ApiSession:
    """A shop client of the sandbox: httpx plus the token dance, nothing clever."""

    def __init__(
        self, base_url: str, client_id: str = DEFAULT_CLIENT_ID, secret: str = DEFAULT_CLIENT_SECRET
    ):
        self.http = httpx.Client(base_url=base_url, timeout=10.0)
        self.client_id = client_id
        self.secret = secret
        self._token: str | None = None

    def fetch_token(self) -> str:
        response = self.http.post(
            "/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self.secret,
            },
        )
        assert response.status_code == 200, response.text
        self._token = response.json()["access_token"]
        return self._token

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token or self.fetch_token()}"}

    def submit(self, *registrations: dict[str, Any]) -> httpx.Response:
        return self.http.post(
            "/v1/registrations", json={"registrations": list(registrations)}, headers=self.headers()
        )

    def results(self, *registrations: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.submit(*registrations)
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(path, params=params, headers=self.headers())

    def post_event(self, dor_id: str, event: Any, key: str | None) -> httpx.Response:
        headers = self.headers()
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.http.post(f"/v1/registrations/{dor_id}/events", json=event, headers=headers)

    def notifications(self, after: str | None = None, limit: int | None = None) -> dict[str, Any]:
        params = {k: v for k, v in (("after", after), ("limit", limit)) if v is not None}
        response = self.get("/v1/notifications", **params)
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def sandbox_db(tmp_path: Path) -> Path:
    return tmp_path / "sandbox.sqlite3"


@pytest.fixture
def sandbox_url(sandbox_db: Path) -> Iterator[str]:
    with run_sandbox(sandbox_db) as url:
        yield url


@pytest.fixture
def api(sandbox_url: str) -> Iterator[ApiSession]:
    session = ApiSession(sandbox_url)
    yield session
    session.http.close()


@pytest.fixture
def open_session() -> Iterator[Callable[..., ApiSession]]:
    """``open_session(url, client_id, secret)`` for servers a test starts itself; closed afterwards."""
    sessions: list[ApiSession] = []

    def open_(
        base_url: str, client_id: str = DEFAULT_CLIENT_ID, secret: str = DEFAULT_CLIENT_SECRET
    ) -> ApiSession:
        sessions.append(ApiSession(base_url, client_id, secret))
        return sessions[-1]

    yield open_
    for session in sessions:
        session.http.close()


@pytest.fixture
def admin(sandbox_url: str) -> Iterator[SandboxAdmin]:
    with SandboxAdmin(sandbox_url) as client:
        yield client


@pytest.fixture
def seed_rows() -> dict[str, StolenSeedRow]:
    """The first seed row of each identifier field: ``imei``, ``frame_number``, ``serial_number``."""
    first: dict[str, StolenSeedRow] = {}
    for row in load_seed_rows():
        first.setdefault(row.field, row)
    return first


def _item(line: int = 1, **fields: Any) -> dict[str, Any]:
    """A valid item; a field given as None is left out."""
    item = {
        "line": line,
        "category": "laptop",
        "description": "Laptop, grijs",
        "quantity": 1,
        "price": {"value": "250.00", "currency": "EUR"},
        "serial_number": f"NOTSTOLEN{uuid.uuid4().hex[:10].upper()}",
    }
    item.update(fields)
    return {key: value for key, value in item.items() if value is not None}


@pytest.fixture
def make_item() -> Callable[..., dict[str, Any]]:
    return _item


@pytest.fixture
def make_registration() -> Callable[..., dict[str, Any]]:
    """A valid registration with a fresh client_reference and register number (K1-000123, then
    K1-000124...: the DOR refuses a number used twice); keyword arguments replace fields."""
    numbers = itertools.count(123)

    def make(**overrides: Any) -> dict[str, Any]:
        registration = {
            "client_reference": str(uuid.uuid4()),
            "shop_id": "SHOP-0042",
            "register_number": f"K1-{next(numbers):06d}",
            "acquired_at": "2025-03-01T14:30:00+01:00",
            "acquisition_type": "purchase",
            "payment_method": "bank_transfer",
            "total_amount": {"value": "250.00", "currency": "EUR"},
            "clerk": "piet",
            "seller": {
                "family_name": "De Vries",
                "given_names": "Anna Maria",
                "date_of_birth": "1980-02-29",
                "address": {
                    "street": "Kerkstraat",
                    "house_number": "12a",
                    "postcode": "3511 AB",
                    "city": "Utrecht",
                    "country": "NL",
                },
            },
            "id_document": {
                "type": "id_card",
                "number": "IX12AB345",
                "issuing_country": "NLD",
                "expiry_date": "2031-01-31",
                "read_from": "mrz",
            },
            "items": [_item()],
        }
        registration.update(overrides)
        return registration

    return make
