"""The contract's HTTP API over httpx: deadlines, size caps, TLS verification, OAuth2 client credentials.

Every failure ends as one of :mod:`dor_desktop.sync.errors`, never as an httpx exception or a
JSON decoding error, so a misbehaving server cannot crash the sync worker. The client does not
trust the server: each operation (token renewal and a retry after 401 included) has a total
deadline however slowly the bytes arrive (:mod:`dor_desktop.sync.deadline`), an answer larger
than :attr:`RequestLimits.max_response_bytes` is refused while it streams in (before it is held in
memory whole), and JSON nested deeper than the parser can follow is a bad response like any
other. The access token is fetched on first use, renewed shortly before it expires, and renewed
once more when the server answers 401 anyway (a server restart or a clock difference can
invalidate it early).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import httpx

from dor_desktop import __version__
from dor_desktop.storage.anchor import AcknowledgedHead
from dor_desktop.sync import wire
from dor_desktop.sync.credentials import Credentials
from dor_desktop.sync.deadline import DeadlineTransport, deadline_after
from dor_desktop.sync.errors import (
    AuthRejected,
    BadResponse,
    RequestRefused,
    ServerBusy,
    ServerFailed,
    Unreachable,
)
from dor_desktop.sync.wire import Hit, NotificationPage, RegistrationResult, ServerStatus

log = logging.getLogger(__name__)

#: Connect quickly or call the DOR offline; a batch of 500 may take a while to be processed.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
#: The most one operation may take in all, however the server paces its bytes: with the pass
#: ending at the first failure, a DOR that stalls makes ``sync --once`` give up within a minute.
DEFAULT_REQUEST_SECONDS = 45.0
#: The largest answer accepted: a result page for 500 registrations with hits is well under 1 MB.
DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
#: Longest Retry-After we honour as given; a server asking for more is retried after this.
MAX_RETRY_AFTER = 3600.0
SCOPE = "dor.register dor.check"


@dataclass(frozen=True)
class RequestLimits:
    """How much the client gives one operation: total seconds and answer size."""

    request_seconds: float = DEFAULT_REQUEST_SECONDS
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES


@dataclass(frozen=True)
class Answer:
    """A whole HTTP answer, read within the deadline and the size cap."""

    status_code: int
    headers: httpx.Headers
    content: bytes


class TokenCache:
    """The current access token and when to renew it (before it expires, not after)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._token: str | None = None
        self._renew_at = 0.0

    def valid(self) -> str | None:
        if self._token is None or self._clock() >= self._renew_at:
            return None
        return self._token

    def store(self, token: str, expires_in: int) -> None:
        # Renew with a tenth of the lifetime (at most a minute) to spare, for slow requests and skew.
        margin = min(60.0, expires_in / 10)
        self._token, self._renew_at = token, self._clock() + expires_in - margin

    def forget(self, token: str) -> None:
        if self._token == token:
            self._token = None


class HttpTransport:
    """A :class:`~dor_desktop.sync.transport.DorTransport` speaking the contract's HTTP API."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        limits: RequestLimits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._credentials = credentials
        self._limits = limits or RequestLimits()
        self._client = httpx.Client(
            base_url=credentials.url.rstrip("/"),
            timeout=timeout,
            transport=DeadlineTransport(verify=True),
            follow_redirects=False,
            headers={"User-Agent": f"dor-desktop/{__version__}", "Accept": "application/json"},
        )
        self._tokens = TokenCache(clock)
        self._token_lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return self._credentials.url

    def close(self) -> None:
        self._client.close()

    # -- the contract's operations -------------------------------------------------------------

    def submit_registrations(self, registrations: Sequence[str]) -> list[RegistrationResult]:
        # The frozen texts go out byte for byte; json.dumps would re-encode what was committed.
        body = '{"registrations":[' + ",".join(registrations) + "]}"
        response = self._call(
            "POST",
            "/v1/registrations",
            content=body.encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        return wire.parse_results(self._json(response))

    def post_event(self, dor_id: str, idempotency_key: str, event: dict) -> str:
        response = self._call(
            "POST",
            f"/v1/registrations/{quote(dor_id, safe='')}/events",
            json=event,
            headers={"Idempotency-Key": idempotency_key},
        )
        return wire.parse_event_id(self._json(response))

    def fetch_notifications(self, after: str | None, limit: int = 100) -> NotificationPage:
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        return wire.parse_notifications(self._json(self._call("GET", "/v1/notifications", params=params)))

    def check_serial(self, serial: str, category: str | None = None) -> list[Hit]:
        params = {"serial": serial}
        if category:
            params["category"] = category
        return wire.parse_matches(self._json(self._call("GET", "/v1/checks", params=params)))

    def fetch_chain_head(self, counter: str) -> AcknowledgedHead:
        """(1.1) The highest chain position of ``counter`` the DOR acknowledged, for ``verify``."""
        response = self._call("GET", "/v1/chain-head", params={"counter": counter})
        return wire.parse_chain_head(self._json(response), counter)

    def status(self) -> ServerStatus:
        return wire.parse_status(self._json(self._call("GET", "/v1/status", authenticated=False)))

    # -- plumbing ------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        authenticated: bool = True,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Answer:
        """Send one request; renew the token and send once more if the server says 401.

        All of it, token renewal included, within one total deadline (and any enclosing one).
        """
        with deadline_after(self._limits.request_seconds):
            return self._call_in_time(method, path, authenticated, headers, kwargs)

    def _call_in_time(
        self, method: str, path: str, authenticated: bool, headers: dict[str, str] | None, kwargs: dict
    ) -> Answer:
        if not authenticated:
            return self._checked(self._send(method, path, headers, kwargs))
        token = self._token()
        response = self._send(method, path, {**(headers or {}), "Authorization": f"Bearer {token}"}, kwargs)
        if response.status_code == 401:
            log.info("the DOR answered 401; renewing the access token once")
            with self._token_lock:
                self._tokens.forget(token)
            token = self._token()
            response = self._send(
                method, path, {**(headers or {}), "Authorization": f"Bearer {token}"}, kwargs
            )
            if response.status_code == 401:
                raise AuthRejected("the DOR refused a fresh access token; check the client credentials")
        return self._checked(response)

    def _send(self, method: str, path: str, headers: dict[str, str] | None, kwargs: dict) -> Answer:
        try:
            with self._client.stream(method, path, headers=headers, **kwargs) as response:
                body = self._capped_body(response)
                return Answer(response.status_code, response.headers, body)
        except httpx.TimeoutException:
            raise Unreachable(f"the DOR at {self.endpoint} did not answer in time") from None
        except httpx.DecodingError:
            raise BadResponse(
                f"the DOR at {self.endpoint} sent an answer that could not be decompressed"
            ) from None
        except httpx.TransportError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                raise Unreachable(
                    f"the DOR at {self.endpoint} could not be reached: its TLS certificate is not trusted"
                ) from None
            detail = type(exc).__name__
            raise Unreachable(f"the DOR at {self.endpoint} could not be reached ({detail})") from None

    def _capped_body(self, response: httpx.Response) -> bytes:
        """The decoded body, refused as soon as it grows past the cap (a compressed bomb too)."""
        cap = self._limits.max_response_bytes
        too_large = BadResponse(f"the DOR's answer is larger than the {cap} bytes this client accepts")
        declared = response.headers.get("Content-Length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise too_large
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise too_large
        return bytes(body)

    def _token(self) -> str:
        with self._token_lock:
            token = self._tokens.valid()
            if token is None:
                token, expires_in = self._fetch_token()
                self._tokens.store(token, expires_in)
            return token

    def _fetch_token(self) -> tuple[str, int]:
        form = {
            "grant_type": "client_credentials",
            "client_id": self._credentials.client_id,
            "client_secret": self._credentials.secret,
            "scope": SCOPE,
        }
        response = self._send("POST", "/oauth/token", None, {"data": form})
        if response.status_code in (400, 401, 403):
            raise AuthRejected(
                f"the DOR refused the client credentials of {self._credentials.client_id!r} "
                f"(HTTP {response.status_code})"
            )
        return wire.parse_token(self._json(self._checked(response)))

    def _checked(self, response: Answer) -> Answer:
        """``response`` when its status is a success; otherwise the matching TransportError."""
        status = response.status_code
        if status in (200, 201):
            return response
        reason = _problem_text(response)
        if status in (429, 503):
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            raise ServerBusy(f"the DOR is busy (HTTP {status}){reason}", wait)
        if status >= 500 or status < 400:
            raise ServerFailed(f"the DOR failed (HTTP {status}){reason}")
        if status == 401:
            raise AuthRejected(f"the DOR refused our credentials (HTTP 401){reason}")
        raise RequestRefused(f"the DOR refused the request (HTTP {status}){reason}", status, f"http_{status}")

    def _json(self, response: Answer) -> Any:
        try:
            return _decode_json(response.content)
        except RecursionError:
            raise BadResponse(
                f"the DOR answered HTTP {response.status_code} with JSON nested too deeply to read"
            ) from None
        except ValueError:
            kind = response.headers.get("Content-Type", "no content type")
            raise BadResponse(
                f"the DOR answered HTTP {response.status_code} with something that is not JSON ({kind})"
            ) from None


def _decode_json(content: bytes) -> Any:
    """Strict JSON: ValueError for anything else (NaN, Infinity and undecodable bytes included),
    RecursionError when nested deeper than the parser follows. A number of more than 4300 digits
    is a ValueError by Python's own limit; a shorter one too large to mean anything is left to
    :mod:`dor_desktop.sync.wire`."""
    return json.loads(content, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _problem_text(response: Answer) -> str:
    """``": detail"`` from an RFC 9457 problem body, or nothing when there is none to read."""
    try:
        problem = _decode_json(response.content)
    except (ValueError, RecursionError):
        return ""
    if not isinstance(problem, dict):
        return ""
    text = problem.get("detail") or problem.get("title")
    return f": {str(text)[:200]}" if text else ""


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date), capped; None if absent."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)
