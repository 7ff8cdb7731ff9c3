"""The window and issue 10: a correction of goods put on police hold is refused and says why; an
entry on hold offers no correction or void; a late entry is marked in the register and the detail."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dor_desktop.storage import alerts
from dor_desktop.storage.register import Register
from tests.services.helpers import phone_purchase
from tests.ui.conftest import commit_phone, make_imei, type_into


def _hit(context, entry_id: int) -> None:
    facts = {
        "entry_id": entry_id,
        "item_line": 1,
        "hit_id": f"h-{entry_id}",
        "match_type": "exact",
        "matched_field": "imei",
        "matched_value": make_imei(1),
        "source": "POLITIE",
        "reported_stolen_on": None,
        "instructions": "",
        "origin": "notification",
        "received_at": "2026-03-03T10:00:00.000000Z",
    }
    with context.db.write() as session:
        alerts.add_alert(session, facts)


def _open_detail(window, qtbot, number: str):
    window.show_entry(number)
    detail = window.register_view.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.number == number, timeout=5000)
    return detail


def test_a_correction_of_goods_put_on_hold_meanwhile_is_refused_and_the_form_says_why(
    window_factory, context_factory, qtbot
):
    context = context_factory(language="en")
    entry = commit_phone(context, "Jansen", make_imei(1))
    window = window_factory(context=context, language="en")
    detail = _open_detail(window, qtbot, "K1-000001")
    QTest.keyClick(detail.correct_button, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    type_into(form.reason_box, "IMEI verkeerd")
    _hit(context, entry.entry_id)  # the late hit arrives while the correction is open

    form.save()

    qtbot.waitUntil(lambda: "police hold" in form.summary.text(), timeout=10_000)
    assert form.summary.text() == (
        "Not saved: K1-000001 is on police hold and cannot be corrected until the police release the goods"
    )
    assert form.last_saved is None
    window.show_entry("K1-000001")  # read again: the hit is there now
    qtbot.waitUntil(lambda: detail.view.police_hold, timeout=5000)
    assert not detail.correct_button.isEnabled() and not detail.void_button.isEnabled()
    assert detail.sale_note.text() == "No sale, no changes: the goods are on police hold."


def test_a_late_entry_is_marked_in_the_register_and_the_detail(window_factory, context_factory, qtbot):
    context = context_factory()
    now = datetime.now(UTC)
    late = replace(
        phone_purchase("Jansen", make_imei(1), now - timedelta(days=3)), late_entry_reason="stroomstoring"
    )
    Register(context.db, context.register.context).commit_purchase(late)
    commit_phone(context, "Bakker", make_imei(2))
    window = window_factory(context=context)
    model = window.register_view.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 2 and model.data(model.index(1, 0)) == "K1-000001", timeout=5000
    )
    kind = model.data(model.index(1, 5))
    assert kind == "Inkoop, late invoer" and model.data(model.index(0, 5)) == "Inkoop"
    detail = _open_detail(window, qtbot, "K1-000001")
    text = detail.text.toPlainText()
    assert "Late invoer" in text and "reden: stroomstoring" in text
