"""Fault switches: errors with Retry-After, lost acknowledgements, slow and malformed answers."""

from __future__ import annotations

import json
import threading
import time
import uuid

import httpx
import pytest
from starlette.requests import Request

from dor_desktop.sandbox.admin import _require_loopback
from dor_desktop.sandbox.admin_client import SandboxAdminError
from dor_desktop.sandbox.problems import Problem


def _wait_until(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
    return condition()


@pytest.mark.parametrize(("kind", "status"), [("http-429", 429), ("http-503", 503)])
def test_refusals_carry_retry_after_and_store_nothing(api, admin, make_registration, kind, status):
    api.fetch_token()
    admin.set_fault(kind, count=2, retry_after=7)

    refused = [api.submit(make_registration()) for _ in range(2)]
    accepted = api.submit(make_registration())

    for response in refused:
        assert response.status_code == status
        assert response.headers["retry-after"] == "7"
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == status
    assert accepted.status_code == 200
    assert admin.stats()["registrations"] == 1
    assert admin.faults() == {"faults": [], "applied": {kind: 2}}


def test_an_injected_500_is_a_problem_document(api, admin, make_registration):
    api.fetch_token()
    admin.set_fault("http-500")

    response = api.submit(make_registration())

    assert response.status_code == 500
    assert response.json()["type"].endswith("injected_server_error")


def test_drop_after_commit_is_a_transport_error_but_the_data_is_stored(api, admin, make_registration):
    registration = make_registration()
    api.fetch_token()
    admin.set_fault("drop-after-commit")

    with pytest.raises(httpx.TransportError) as lost:
        api.submit(registration)

    assert isinstance(lost.value, httpx.RemoteProtocolError)
    assert admin.stats()["registrations"] == 1
    resent = api.results(registration)[0]
    assert resent["status"] == "duplicate"
    assert resent["dor_id"] == admin.registrations(registration["client_reference"])[0]["dor_id"]
    assert admin.registrations(registration["client_reference"])[0]["times_stored"] == 1


def test_drop_after_commit_waits_for_a_successful_answer(api, admin, make_registration):
    admin.set_fault("drop-after-commit", count=1)

    unauthorised = api.http.post("/v1/registrations", json={"registrations": [make_registration()]})
    assert unauthorised.status_code == 401
    with pytest.raises(httpx.RemoteProtocolError):
        api.submit(make_registration())
    assert api.submit(make_registration()).status_code == 200


def test_malformed_json_answers_200_with_a_broken_body_after_storing(api, admin, make_registration):
    registration = make_registration()
    api.fetch_token()
    admin.set_fault("malformed-json")

    response = api.submit(registration)

    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert api.results(registration)[0]["status"] == "duplicate"


def test_a_slow_answer_can_outlast_the_client_and_still_be_stored(api, admin, make_registration):
    registration = make_registration()
    headers = api.headers()
    admin.set_fault("slow", delay=0.5)

    with pytest.raises(httpx.ReadTimeout):
        api.http.post(
            "/v1/registrations", json={"registrations": [registration]}, headers=headers, timeout=0.1
        )

    assert _wait_until(lambda: admin.stats()["registrations"] == 1)


def test_faults_only_hit_their_path(api, admin, make_registration):
    api.fetch_token()
    admin.set_fault("http-503", path="/v1/checks", count=None)

    assert api.submit(make_registration()).status_code == 200
    assert api.get("/v1/checks", serial="ABCDEF").status_code == 503
    assert api.get("/v1/checks", serial="ABCDEF").status_code == 503
    assert api.http.get("/v1/status").json()["status"] == "degraded"

    assert admin.reset_faults() == 1
    assert api.get("/v1/checks", serial="ABCDEF").status_code == 200
    assert api.http.get("/v1/status").json()["status"] == "ok"


def test_admin_refuses_unknown_faults_and_admin_paths(admin):
    with pytest.raises(SandboxAdminError, match="HTTP 422"):
        admin.set_fault("meltdown")
    with pytest.raises(SandboxAdminError, match="HTTP 422"):
        admin.set_fault("http-500", path="/_admin/stats")
    with pytest.raises(SandboxAdminError, match="HTTP 422"):
        admin.set_fault("slow", delay=-1)


def test_admin_answers_loopback_clients_only():
    def request_from(host: str) -> Request:
        return Request(
            {"type": "http", "method": "GET", "path": "/_admin/stats", "headers": [], "client": (host, 1)}
        )

    _require_loopback(request_from("127.0.0.1"))
    _require_loopback(request_from("::1"))
    for host in ("192.168.1.20", "10.0.0.1", "testclient"):
        with pytest.raises(Problem) as refused:
            _require_loopback(request_from(host))
        assert refused.value.status == 403


def test_concurrent_resends_of_the_same_batch_store_each_registration_once(
    sandbox_url, admin, make_registration
):
    batch = [make_registration() for _ in range(50)]
    errors: list[BaseException] = []

    def send() -> None:
        try:
            with httpx.Client(base_url=sandbox_url, timeout=30) as http:
                token = http.post(
                    "/oauth/token",
                    data={
                        "grant_type": "client_credentials",
                        "client_id": "sandbox-shop",
                        "client_secret": "sandbox-secret",
                    },
                ).json()["access_token"]
                for _ in range(3):
                    response = http.post(
                        "/v1/registrations",
                        json={"registrations": batch},
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    assert response.status_code == 200
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    stats = admin.stats()
    assert stats["registrations"] == 50
    assert stats["outcomes"]["accepted"] == 50
    assert stats["outcomes"]["duplicate"] == 50 * 11
    assert stats["stored_more_than_once"] == 0
    assert {row["times_stored"] for row in admin.registrations()} == {1}
    assert uuid.UUID(admin.registrations()[0]["client_reference"])
