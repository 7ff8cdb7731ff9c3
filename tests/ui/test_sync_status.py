"""Sync health in the status bar, offline and slow servers, and the refused-entries worklist."""

from __future__ import annotations

import os
import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sync.credentials import ENV_SECRET
from dor_desktop.ui.sync_status import RejectionsDialog
from tests.ui.conftest import CLEAN_IMEI, fill_item, fill_seller, type_into


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def save_phone(form, qtbot, **seller) -> str:
    fill_seller(form, **seller)
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI, description="zwart", price="75")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    return saved.args[0].register_number


def test_unreachable_dor_shows_offline_and_the_counter_keeps_working(window_factory, qtbot, monkeypatch):
    monkeypatch.setenv(ENV_SECRET, "geheim")
    window = window_factory(sync=True, dor_url=f"http://127.0.0.1:{closed_port()}", dor_client_id="winkel")
    save_phone(window.form, qtbot)  # the register does not wait for the DOR
    QTest.keyClick(window, Qt.Key.Key_F5)
    status = window.sync_status
    qtbot.waitUntil(lambda: status.last is not None and status.last.online is False, timeout=30_000)
    qtbot.waitUntil(lambda: status.last.pending == 1, timeout=10_000)
    assert status.state.property("tone") == "attention"
    assert "1" in status.details.text() and status.details.toolTip()  # what failed, on hover
    # Issue 13, finding 3: the entry's detail says it waits to be sent, never that it was refused.
    window.register_view.show_entry("K1-000001")
    detail = window.register_view.detail
    qtbot.waitUntil(lambda: detail.view is not None and bool(detail.view.detail.last_error), timeout=10_000)
    shown = detail.text.toPlainText()
    assert "Nog niet verstuurd" in shown and "geweigerd" not in shown
    # The pre-purchase check says it could not check, never "not known".
    form = window.form
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI)
    form.check_item(0)
    qtbot.waitUntil(
        lambda: (
            form.items[0].check_result.property("tone") == "unknown"
            and "offline" in form.items[0].check_result.text()
        ),
        timeout=30_000,
    )


@pytest.mark.slow
def test_a_slow_dor_does_not_hold_up_the_counter(window_factory, qtbot):
    window = window_factory(sync=True)
    qtbot.waitUntil(lambda: window.services.sync.service is not None, timeout=30_000)
    service = window.services.sync.service
    with SandboxAdmin(service.transport.endpoint) as admin:
        admin.set_fault("slow", count=None, path="/v1/registrations", delay=4.0)
        first = save_phone(window.form, qtbot)  # the nudge starts a pass that hangs on the server
        qtbot.waitUntil(lambda: admin.faults()["applied"].get("slow", 0) >= 1, timeout=15_000)
        # While the sync thread waits for the server, the clerk saves the next purchase.
        second = save_phone(window.form, qtbot)
        model = window.register_view.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
        assert (first, second) == ("K1-000001", "K1-000002")
        admin.reset_faults()


@pytest.mark.slow
def test_a_refused_entry_is_fixed_as_a_correction_and_resent(window_factory, qtbot):
    # Under this pack a missing ID is only a warning locally; the DOR refuses it.
    window = window_factory(sync=True, rule_pack="metal-cash-only")
    form = window.form
    fill_seller(form, document=False)
    type_into(form.boxes["payment_method"], "bank_transfer")
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI, description="zwart", price="75")
    form.save()
    form.accept_box.setChecked(True)
    with qtbot.waitSignal(form.committed, timeout=10_000):
        form.save()
    status = window.sync_status
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: status.last is not None and status.last.rejected == 1, timeout=30_000)
    assert not status.rejected_button.isHidden()

    status.rejected_button.click()
    qtbot.waitUntil(lambda: window.findChild(RejectionsDialog) is not None, timeout=10_000)
    window.findChild(RejectionsDialog).fix_button.click()
    qtbot.waitUntil(lambda: form.state.correction_of == "K1-000001", timeout=10_000)
    assert form.boxes["id_document.number"].problem_text  # the DOR's complaint, at its field
    for path, value in {
        "id_document.type": "passport",
        "id_document.number": "NX12AB3C4",
        "id_document.issuing_country": "NLD",
    }.items():
        type_into(form.boxes[path], value)
    type_into(form.reason_box, "identiteitsbewijs aangevuld")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    assert saved.args[0].register_number == "K1-000002"
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: status.last.rejected == 0 and status.last.pending == 0, timeout=30_000)
    assert status.rejected_button.isHidden()
    assert os.environ.get(ENV_SECRET) is None
