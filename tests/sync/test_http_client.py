"""The HTTP transport: tokens, timeouts, TLS, and garbage turned into clear transport errors."""

from __future__ import annotations

import datetime as dt
import ssl
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.services.context import AppContext
from dor_desktop.sync.api import CheckOutcome
from dor_desktop.sync.credentials import Credentials
from dor_desktop.sync.errors import AuthRejected, BadResponse, ServerBusy, Unreachable
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncService
from tests.sync.canned import CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import commit, outbox


class Ticker:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _transport(url: str, **kwargs) -> HttpTransport:
    return HttpTransport(demo_credentials(url), **kwargs)


def test_one_token_serves_many_requests_and_is_renewed_before_it_expires(
    sandbox_url: str, admin: SandboxAdmin
) -> None:
    ticker = Ticker()
    transport = _transport(sandbox_url, clock=ticker)
    try:
        for _ in range(3):
            transport.check_serial("ABC12345")
        assert admin.stats()["tokens"]["issued"] == 1

        ticker.now += 3600 - 61  # just before the renewal margin (a minute before expiry)
        transport.check_serial("ABC12345")
        assert admin.stats()["tokens"]["issued"] == 1
        ticker.now += 2
        transport.check_serial("ABC12345")
        assert admin.stats()["tokens"]["issued"] == 2
    finally:
        transport.close()


def test_wrong_credentials_are_one_clear_error(sandbox_url: str) -> None:
    transport = HttpTransport(Credentials(sandbox_url, "sandbox-shop", "wrong"))
    try:
        with pytest.raises(AuthRejected, match="refused the client credentials of 'sandbox-shop'"):
            transport.check_serial("ABC12345")
    finally:
        transport.close()


def test_a_token_refused_again_after_renewal_is_not_retried_forever() -> None:
    with CannedServer() as server:
        server.answer("GET", "/v1/checks", 401, {"title": "expired"})
        transport = _transport(server.url)
        try:
            with pytest.raises(AuthRejected, match="fresh access token"):
                transport.check_serial("ABC12345")
        finally:
            transport.close()
    assert server.requests["/oauth/token"] == 2
    assert server.requests["/v1/checks"] == 2


def test_a_slow_server_is_unreachable_after_the_timeout(sandbox_url: str, admin: SandboxAdmin) -> None:
    admin.set_fault("slow", path="/v1/checks", delay=1.0)
    transport = _transport(sandbox_url, timeout=httpx.Timeout(0.2))
    try:
        with pytest.raises(Unreachable, match="did not answer in time"):
            transport.check_serial("ABC12345")
    finally:
        transport.close()


def test_nobody_listening_is_unreachable(tmp_path: Path) -> None:
    with CannedServer() as server:
        url = server.url
    transport = _transport(url)
    try:
        with pytest.raises(Unreachable, match="could not be reached"):
            transport.status()
    finally:
        transport.close()


def test_tls_certificates_are_verified(tmp_path: Path) -> None:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*_self_signed(tmp_path))
    with CannedServer(tls=context) as server:
        server.answer("GET", "/v1/status", 200, {"status": "ok", "server_time": "2026-01-01T00:00:00Z"})
        transport = _transport(server.url)
        try:
            with pytest.raises(Unreachable, match="TLS certificate is not trusted"):
                transport.status()
        finally:
            transport.close()
        assert server.requests["/v1/status"] == 0


def test_retry_after_is_read_from_busy_answers() -> None:
    with CannedServer() as server:
        server.answer("GET", "/v1/notifications", 429, {"title": "slow down"}, {"Retry-After": "12"})
        transport = _transport(server.url)
        try:
            with pytest.raises(ServerBusy) as busy:
                transport.fetch_notifications(None)
        finally:
            transport.close()
    assert busy.value.retry_after == 12
    assert "slow down" in str(busy.value)


GARBAGE = [
    ("POST", "/oauth/token", 200, b"<html>captive portal</html>", "not JSON"),
    (
        "POST",
        "/oauth/token",
        200,
        {"access_token": 5, "token_type": "Bearer", "expires_in": 60},
        "access_token",
    ),
    ("POST", "/oauth/token", 200, {"access_token": "t", "token_type": "mac", "expires_in": 60}, "token_type"),
    ("POST", "/v1/registrations", 200, b"<html>oops</html>", "not JSON"),
    ("POST", "/v1/registrations", 200, [], "not an object"),
    ("POST", "/v1/registrations", 200, {"results": "all fine"}, "results is not a list"),
    ("POST", "/v1/registrations", 200, {"results": []}, "0 results for 1"),
    ("POST", "/v1/registrations", 200, {"results": [{"status": "accepted"}]}, "dor_id"),
    ("POST", "/v1/registrations", 200, {"results": [{"status": "great"}]}, "status"),
    ("POST", "/v1/registrations", 302, b"", "HTTP 302"),
]


@pytest.mark.parametrize(("method", "path", "status", "body", "message"), GARBAGE)
def test_garbage_from_the_server_leaves_entries_pending_with_a_clear_error(
    app: AppContext, make_service, method: str, path: str, status: int, body, message: str
) -> None:
    commit(app)
    with CannedServer() as server:
        server.answer(method, path, status, body)
        service: SyncService = make_service(app, server.url)
        report = service.run_once()

    assert message in report.error
    (row,) = outbox(app)
    assert (row.state, row.attempts, row.dor_id) == ("pending", 1, None)
    assert message in row.last_error


def test_results_for_other_references_are_refused(app: AppContext, make_service) -> None:
    commit(app)
    answer = {"results": [{"client_reference": "5f0c7a52-8a47-4f3e-9d43-0b6f5b1e2c11", "status": "rejected"}]}
    with CannedServer() as server:
        server.answer("POST", "/v1/registrations", 200, answer)
        report = make_service(app, server.url).run_once()
    assert "where" in report.error and "expected" in report.error
    assert outbox(app)[0].state == "pending"


def test_a_garbled_feed_keeps_the_cursor_and_a_garbled_check_cannot_check(
    app: AppContext, make_service
) -> None:
    with CannedServer() as server:
        server.answer(
            "GET", "/v1/notifications", 200, {"notifications": [{"type": "hit"}], "next_cursor": None}
        )
        server.answer("GET", "/v1/checks", 200, {"matches": None})
        service: SyncService = make_service(app, server.url)
        report = service.run_once(poll=True)
        check = service.check_serial("ABC12345")

    assert "malformed notifications page" in report.error
    assert check.outcome == CheckOutcome.COULD_NOT_CHECK and "matches" in check.reason


def test_malformed_json_wrapped_in_a_refusal_still_names_the_status() -> None:
    with CannedServer() as server:
        server.answer("GET", "/v1/checks", 500, b"{not json")
        transport = _transport(server.url)
        try:
            with pytest.raises(Exception, match="HTTP 500") as failed:
                transport.check_serial("ABC12345")
        finally:
            transport.close()
    assert not isinstance(failed.value, BadResponse)


def _self_signed(folder: Path) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(cert_path), str(key_path)
