"""A client that distrusts the server (issue 10, item 6), against a real hostile server on loopback.

The deadlines here are a second or two instead of the defaults (45 s per request, 120 s per
pass), so each test is quick; the slow server's bytes come every 0.05 s, far inside any per-read
timeout, so only a total deadline can stop the exchange. Nothing asserts elapsed time: a client
without the deadline would finish the (bounded) trickle and get an answer, failing the test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dor_desktop.services.context import AppContext
from dor_desktop.sync import wire
from dor_desktop.sync.backoff import Backoff
from dor_desktop.sync.errors import BadResponse, Unreachable
from dor_desktop.sync.http_client import HttpTransport, RequestLimits
from dor_desktop.sync.service import SyncOptions, SyncService
from tests.sync.canned import TOKEN, CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import ManualClock, commit, outbox
from tests.sync.hostile import (
    declared_huge,
    endless_body,
    gzip_bomb,
    paced_answer,
    slow_body,
    slow_headers,
)

SHORT = RequestLimits(request_seconds=1.0, max_response_bytes=1024 * 1024)
#: Per read: longer than the trickle's pauses, so a read alone never times out.
PER_READ = httpx.Timeout(5.0, connect=2.0)


def _accept_all(body: bytes) -> dict[str, Any]:
    batch = json.loads(body)["registrations"]
    return {
        "results": [
            {
                "client_reference": r["client_reference"],
                "status": "accepted",
                "dor_id": f"D-{r['register_number']}",
            }
            for r in batch
        ]
    }


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with CannedServer() as canned:
        yield canned


@pytest.fixture
def transport(server: CannedServer) -> Iterator[HttpTransport]:
    client = HttpTransport(demo_credentials(server.url), timeout=PER_READ, limits=SHORT)
    yield client
    client.close()


@pytest.fixture
def hostile_service(app: AppContext, transport: HttpTransport) -> Iterator[SyncService]:
    options = SyncOptions(backoff=Backoff(random=lambda: 0.0))
    service = SyncService(app.db, transport, options=options, clock=ManualClock(), endpoint=app.dor_endpoint)
    yield service
    service.close()


# -- time ------------------------------------------------------------------------------------------


def test_a_server_trickling_its_headers_is_given_up_on(
    server: CannedServer, transport: HttpTransport
) -> None:
    server.raw("GET", "/v1/status", slow_headers())
    with pytest.raises(Unreachable, match="did not answer in time"):
        transport.status()


def test_a_server_trickling_its_body_is_given_up_on(server: CannedServer, transport: HttpTransport) -> None:
    server.raw("GET", "/v1/checks", slow_body(lambda _: {"matches": []}))
    with pytest.raises(Unreachable, match="did not answer in time"):
        transport.check_serial("ABC12345")


def test_token_renewal_and_request_share_one_deadline(server: CannedServer, transport: HttpTransport) -> None:
    server.raw("POST", "/oauth/token", slow_body(lambda _: TOKEN))
    with pytest.raises(Unreachable, match="did not answer in time"):
        transport.check_serial("ABC12345")
    assert server.requests["/v1/checks"] == 0


def test_a_slow_loris_dor_makes_a_pass_give_up_with_the_entry_still_queued(
    app: AppContext, server: CannedServer, hostile_service: SyncService
) -> None:
    """The issue's "done when", at the service level: what ``sync --once`` runs."""
    (entry,) = commit(app)
    server.raw("POST", "/v1/registrations", slow_body(_accept_all))

    report = hostile_service.run_once(poll=True)

    assert report.error is not None and "did not answer in time" in report.error
    (row,) = outbox(app)
    assert (row.state, row.attempts, row.dor_id) == ("pending", 1, None)
    assert "did not answer in time" in (row.last_error or "")
    assert hostile_service.waiting_count() == 1 and entry.register_number == "K1-000001"


def test_a_pass_ends_after_its_own_deadline_and_leaves_the_rest_queued(
    app: AppContext, server: CannedServer, hostile_service: SyncService
) -> None:
    """Each batch is answered in time (0.5 s), but a pass of 2.5 s cannot send all ten."""
    commit(app, 10)
    server.raw("POST", "/v1/registrations", paced_answer(_accept_all, 0.5))
    hostile_service.drainer.batch_size = 1
    hostile_service.drainer.pass_seconds = 2.5

    hostile_service.run_once(poll=False)

    states = [row.state for row in outbox(app)]
    assert 0 < states.count("acknowledged") < 10
    assert set(states) == {"acknowledged", "pending"}
    assert states == sorted(states)  # in commit order: the sent ones first


# -- size ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", [declared_huge, endless_body, gzip_bomb], ids=lambda w: w.__name__)
def test_an_answer_larger_than_the_cap_is_refused_while_it_streams(
    server: CannedServer, transport: HttpTransport, writer
) -> None:
    server.raw("GET", "/v1/notifications", writer())
    with pytest.raises(BadResponse, match="larger than the 1048576 bytes"):
        transport.fetch_notifications(None)


# -- shape -----------------------------------------------------------------------------------------

REFERENCE = "{reference}"
MALFORMED = [
    pytest.param(
        "/v1/registrations",
        {"results": [{"client_reference": REFERENCE, "status": "accepted", "dor_id": "D-1", "hits": 5}]},
        "hits is not a list",
        id="hits-5",
    ),
    pytest.param(
        "/v1/registrations",
        {"results": [{"client_reference": REFERENCE, "status": "rejected", "errors": {"a": 1}}]},
        "errors is not a list",
        id="errors-object",
    ),
    pytest.param(
        "/v1/registrations", b"[" * 200_000 + b"]" * 200_000, "nested too deeply", id="deep-nesting"
    ),
    pytest.param(
        "/oauth/token",
        b'{"access_token": "t", "token_type": "Bearer", "expires_in": ' + b"9" * 400 + b"}",
        "expires_in",
        id="expires-in-400-digits",
    ),
    pytest.param(
        "/oauth/token",
        b'{"access_token": "t", "token_type": "Bearer", "expires_in": ' + b"9" * 5000 + b"}",
        "not JSON",
        id="expires-in-5000-digits",
    ),
    pytest.param(
        "/v1/registrations",
        {
            "results": [
                {
                    "client_reference": REFERENCE,
                    "status": "accepted",
                    "dor_id": "D-1",
                    "hits": [
                        {
                            "hit_id": "h",
                            "match_type": "exact",
                            "matched_field": "imei",
                            "matched_value": "1",
                            "item_line": 10**30,
                        }
                    ],
                }
            ]
        },
        "too large",
        id="item-line-10e30",
    ),
    pytest.param(
        "/v1/registrations",
        b'{"results": [{"client_reference": "{reference}", "status": "accepted", "dor_id": "\\ud800"}]}',
        "not valid Unicode",
        id="lone-surrogate",
    ),
    pytest.param("/v1/registrations", b'{"results": NaN}', "not JSON", id="nan"),
    pytest.param("/v1/registrations", b"\xff\xfe{}", "not JSON", id="not-utf8"),
    pytest.param(
        "/v1/registrations", {"results": [{"client_reference": 5, "status": 5}]}, "status", id="numbers"
    ),
    pytest.param(
        "/v1/registrations",
        {
            "results": [
                {"client_reference": REFERENCE, "status": "accepted", "dor_id": "D", "chain_acknowledged": 7}
            ]
        },
        "chain_acknowledged",
        id="chain-acknowledged-number",
    ),
]


def _body(template: Any, reference: str) -> bytes:
    raw = template if isinstance(template, bytes) else json.dumps(template).encode()
    return raw.replace(REFERENCE.encode(), reference.encode())


@pytest.mark.parametrize(("path", "answer", "message"), MALFORMED)
def test_a_malformed_answer_is_a_bad_response_and_the_entry_stays_queued(
    app: AppContext, server: CannedServer, hostile_service: SyncService, path: str, answer: Any, message: str
) -> None:
    (entry,) = commit(app)
    server.answer("POST", path, 200, _body(answer, entry.client_reference))

    report = hostile_service.run_once(poll=False)

    assert report.error is not None and message in report.error
    assert "malformed" in report.error or "not JSON" in report.error or "nested" in report.error
    (row,) = outbox(app)
    assert (row.state, row.attempts, row.dor_id) == ("pending", 1, None)


def test_the_worker_survives_every_hostile_answer_and_then_sends(
    app: AppContext, server: CannedServer, hostile_service: SyncService
) -> None:
    """One service, as the window's sync thread keeps it: hostile answers in turn, then a sane DOR."""
    (entry,) = commit(app)
    wrong_hits = {
        "results": [
            {"client_reference": entry.client_reference, "status": "accepted", "dor_id": "D-1", "hits": 5}
        ]
    }
    hostile = [
        (lambda: server.raw("POST", "/v1/registrations", slow_body(_accept_all)), "did not answer in time"),
        (lambda: server.raw("POST", "/v1/registrations", endless_body()), "larger than"),
        (lambda: server.answer("POST", "/v1/registrations", 200, b"[" * 200_000), "nested too deeply"),
        (lambda: server.answer("POST", "/v1/registrations", 200, wrong_hits), "hits is not a list"),
    ]
    for turn, complaint in hostile:
        turn()
        error = hostile_service.run_once(poll=False).error
        assert error is not None and complaint in error
        hostile_service.retry_now()

    server.respond("POST", "/v1/registrations", lambda body: (200, _accept_all(body)))
    report = hostile_service.run_once(poll=False)

    assert (report.accepted, report.error) == (1, None)
    (row,) = outbox(app)
    assert (row.state, row.attempts) == ("acknowledged", 5)


# -- every parser is total: any JSON is either parsed or a BadResponse -----------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=20,
)
_fields = st.sampled_from(
    [
        "results", "client_reference", "status", "dor_id", "hits", "errors", "hit_id", "match_type",
        "matched_field", "matched_value", "item_line", "notifications", "next_cursor", "matches",
        "access_token", "token_type", "expires_in", "event_id", "server_time", "counter", "sequence",
        "entry_hash", "chain_acknowledged", "accepted", "exact", "Bearer", "ok", "K1",
    ]
)  # fmt: skip
_shaped = st.recursive(
    _json_values,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_fields, inner, max_size=6),
    max_leaves=25,
)
PARSERS = [
    wire.parse_results,
    wire.parse_notifications,
    wire.parse_matches,
    wire.parse_event_id,
    wire.parse_status,
    wire.parse_token,
    lambda body: wire.parse_chain_head(body, "K1"),
]


@given(document=_shaped)
def test_every_parser_turns_any_json_into_an_answer_or_a_bad_response(document: Any) -> None:
    for parse in PARSERS:
        try:
            parse(document)
        except BadResponse as bad:
            assert str(bad).startswith("the DOR server sent a malformed ")
