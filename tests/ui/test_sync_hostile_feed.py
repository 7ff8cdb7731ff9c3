"""The window's sync worker against a DOR whose notification feed is slow or stalls (issue 10, item 6).

A real loopback server (tests/sync/canned.py) with short limits: the feed answers page after page,
each just inside the per-request deadline, then trickles. Each pass ends on its own deadline, the
worker reports and keeps going, and once the DOR behaves the next "sync now" is clean.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dor_desktop.sync.backoff import Backoff
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.notifications import MAX_PAGES
from dor_desktop.sync.service import SyncOptions, SyncService
from dor_desktop.ui.main_window import MainWindow, build_services
from tests.sync.canned import CannedServer
from tests.sync.conftest import demo_credentials
from tests.sync.hostile import paced_answer, slow_body
from tests.sync.test_hostile_server import PER_READ, SHORT, _accept_all
from tests.sync.test_pass_deadline import PAGE_PAUSE, POLL_SECONDS, _one_notice_page
from tests.ui.test_sync_status import save_phone

EMPTY_PAGE = {"notifications": [], "next_cursor": None}


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with CannedServer() as canned:
        canned.respond("POST", "/v1/registrations", lambda body: (200, _accept_all(body)))
        yield canned


def _window(qtbot, context, url: str) -> MainWindow:
    def hostile_dor(ctx) -> SyncService:
        transport = HttpTransport(demo_credentials(url), timeout=PER_READ, limits=SHORT)
        options = SyncOptions(backoff=Backoff(random=lambda: 0.0), poll_seconds=POLL_SECONDS)
        service = SyncService(ctx.db, transport, options=options, endpoint=ctx.dor_endpoint)
        service.poller.page_size = 1
        return service

    window = MainWindow(build_services(context, hostile_dor))
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def test_the_worker_survives_an_endless_then_stalling_feed(qtbot, context_factory, server):
    # An endless feed, one page at a time: each pass's poll ends on its deadline, not after
    # MAX_PAGES pages, and the entry is acknowledged meanwhile.
    server.raw("GET", "/v1/notifications", paced_answer(_one_notice_page, PAGE_PAUSE))
    window = _window(qtbot, context_factory(), server.url)
    status = window.sync_status
    reports: list = []
    window.services.sync.report_ready.connect(reports.append)
    try:
        save_phone(window.form, qtbot)
        qtbot.waitUntil(lambda: any(r.accepted == 1 for r in reports), timeout=60_000)
        assert server.requests["/v1/notifications"] < MAX_PAGES

        # A feed that stalls mid-answer: the pass reports the DOR too slow; the worker lives on.
        server.raw("GET", "/v1/notifications", slow_body(lambda _: EMPTY_PAGE))
        QTest.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(
            lambda: status.last is not None and "did not answer in time" in (status.last.last_error or ""),
            timeout=30_000,
        )

        # The DOR behaves again: "sync now" reads the feed and the status is clean.
        server.answer("GET", "/v1/notifications", 200, EMPTY_PAGE)
        QTest.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: status.last.last_error is None and status.last.online is True, timeout=30_000)
        assert status.last.pending == 0
    finally:
        assert window.shutdown()
