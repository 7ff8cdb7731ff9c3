"""A total deadline for the notification poll too, so a whole sync pass is bounded (issue 10, item 6).

The feed is read page after page (up to MAX_PAGES). A DOR that answers each page just inside the
per-request deadline held the worker, and ``sync --once``, for MAX_PAGES requests: the pass
deadline covered the sending only. Nothing here measures time: without the poll's deadline the
poll reads all MAX_PAGES pages, with it far fewer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from dor_desktop.services.context import AppContext
from dor_desktop.sync.backoff import Backoff
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.notifications import MAX_PAGES
from dor_desktop.sync.service import SyncOptions, SyncService
from tests.sync.canned import CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.helpers import ManualClock, commit, outbox
from tests.sync.hostile import paced_answer
from tests.sync.test_hostile_server import PER_READ, SHORT, _accept_all

#: Each page comes after this pause: inside the 1 s per-request deadline, so only the poll's
#: own deadline can end it early.
PAGE_PAUSE = 0.3
POLL_SECONDS = 1.5


def _one_notice_page(_body: bytes) -> dict[str, Any]:
    """A full page (page size 1) about a reference this register does not hold: skipped, and the
    poller asks for the next page."""
    notice = {
        "notification_id": "n", "cursor": "c", "type": "hit", "dor_id": "D-x",
        "client_reference": "00000000-0000-4000-8000-000000000000", "created_at": "2026-11-23T10:00:00Z",
    }  # fmt: skip
    return {"notifications": [notice], "next_cursor": "c"}


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with CannedServer() as canned:
        yield canned


@pytest.fixture
def service(app: AppContext, server: CannedServer) -> Iterator[SyncService]:
    transport = HttpTransport(demo_credentials(server.url), timeout=PER_READ, limits=SHORT)
    options = SyncOptions(backoff=Backoff(random=lambda: 0.0), poll_seconds=POLL_SECONDS)
    sync = SyncService(app.db, transport, options=options, clock=ManualClock(), endpoint=app.dor_endpoint)
    sync.poller.page_size = 1
    yield sync
    sync.close()


def test_a_slow_notification_feed_cannot_hold_a_pass_past_its_deadline(
    app: AppContext, server: CannedServer, service: SyncService
) -> None:
    commit(app)
    server.respond("POST", "/v1/registrations", lambda body: (200, _accept_all(body)))
    server.raw("GET", "/v1/notifications", paced_answer(_one_notice_page, PAGE_PAUSE))

    report = service.run_once(poll=True)

    assert report.accepted == 1
    assert 1 <= server.requests["/v1/notifications"] < MAX_PAGES
    (row,) = outbox(app)
    assert row.state == "acknowledged"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            b'{"notifications": ' + b"[" * 200_000 + b"]" * 200_000 + b', "next_cursor": null}',
            "nested too deeply",
        ),
        (
            {"notifications": [{**_one_notice_page(b"")["notifications"][0], "hit": 5}], "next_cursor": "c"},
            "hit",
        ),
        ({"notifications": 5, "next_cursor": "c"}, "notifications"),
    ],
    ids=["deep-nesting", "hit-5", "notifications-5"],
)
def test_a_malformed_feed_is_a_bad_response_and_the_next_pass_reads_it_again(
    app: AppContext, server: CannedServer, service: SyncService, answer: Any, message: str
) -> None:
    server.respond("POST", "/v1/registrations", lambda body: (200, _accept_all(body)))
    raw = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
    server.answer("GET", "/v1/notifications", 200, raw)

    report = service.run_once(poll=True)

    assert report.error is not None and message in report.error
    service.retry_now()
    server.answer("GET", "/v1/notifications", 200, {"notifications": [], "next_cursor": None})
    assert service.run_once(poll=True).error is None
