"""OAuth2 client credentials against the running sandbox: issue, refuse, expire."""

from __future__ import annotations

import time

import httpx
import pytest

from dor_desktop.sandbox.admin_client import SandboxAdmin, SandboxAdminError
from dor_desktop.sandbox.server import run_sandbox

FORM = {"grant_type": "client_credentials", "client_id": "sandbox-shop", "client_secret": "sandbox-secret"}


def test_demo_credentials_get_a_bearer_token_with_the_configured_lifetime(api):
    response = api.http.post("/oauth/token", data=FORM)

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert len(body["access_token"]) >= 32
    assert response.headers["cache-control"] == "no-store"


def test_wrong_secret_unknown_client_and_wrong_grant_are_401_problems(api):
    attempts = [
        {**FORM, "client_secret": "guess"},
        {**FORM, "client_id": "another-shop"},
        {**FORM, "grant_type": "password"},
        {"grant_type": "client_credentials"},
    ]
    for form in attempts:
        response = api.http.post("/oauth/token", data=form)
        assert response.status_code == 401, form
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 401


def test_credentials_sent_as_json_are_refused(api):
    response = api.http.post("/oauth/token", json=FORM)

    assert response.status_code == 401
    assert "form-encoded" in response.json()["detail"]


def test_protected_paths_need_a_valid_bearer_token(api):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic c2FuZGJveA=="}):
        response = api.http.get("/v1/notifications", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.headers["content-type"] == "application/problem+json"


def test_status_needs_no_token(api):
    response = api.http.get("/v1/status")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "T" in response.json()["server_time"]


def test_admin_can_expire_every_token_and_a_new_one_works(api, admin):
    old_headers = api.headers()
    assert api.http.get("/v1/notifications", headers=old_headers).status_code == 200

    assert admin.expire_tokens() == 1

    expired = api.http.get("/v1/notifications", headers=old_headers)
    assert expired.status_code == 401
    assert expired.json()["type"].endswith("invalid_token")
    api.fetch_token()
    assert api.get("/v1/notifications").status_code == 200


def test_tokens_expire_after_the_configured_lifetime(tmp_path):
    with run_sandbox(tmp_path / "ttl.sqlite3", token_ttl=1) as url, httpx.Client(base_url=url) as http:
        token = http.post("/oauth/token", data=FORM).json()
        assert token["expires_in"] == 1
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        assert http.get("/v1/notifications", headers=headers).status_code == 200
        deadline = time.monotonic() + 5
        status = 200
        while status == 200 and time.monotonic() < deadline:
            status = http.get("/v1/notifications", headers=headers).status_code
        assert status == 401


def test_other_client_credentials_can_be_configured(tmp_path):
    clients = {"shop-a": "secret-a"}
    with (
        run_sandbox(tmp_path / "clients.sqlite3", clients=clients) as url,
        httpx.Client(base_url=url) as http,
    ):
        accepted = http.post(
            "/oauth/token", data={**FORM, "client_id": "shop-a", "client_secret": "secret-a"}
        )
        refused = http.post("/oauth/token", data=FORM)

    assert accepted.status_code == 200
    assert refused.status_code == 401


def test_tokens_are_stored_only_as_hashes(api, sandbox_db):
    token = api.fetch_token()

    assert token.encode() not in sandbox_db.read_bytes() + _wal(sandbox_db)


def _wal(db_path) -> bytes:
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_admin_client_reports_an_unreachable_sandbox_in_one_line():
    with SandboxAdmin("http://127.0.0.1:9", timeout=2) as admin, pytest.raises(SandboxAdminError) as caught:
        admin.stats()

    assert "cannot reach the sandbox at http://127.0.0.1:9" in str(caught.value)
    assert "\n" not in str(caught.value)
