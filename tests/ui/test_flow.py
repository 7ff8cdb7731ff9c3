"""The whole counter flow against the real sandbox: scan, fill, save, register, sync, hit, late hit.

Real parts throughout: tesseract reads a generated ID image, the register is a SQLite file, the
sync thread talks HTTP to the bundled sandbox on 127.0.0.1, and the late hit is made through the
sandbox's admin API exactly as the police side would make it.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from dor_desktop.idscan import synthetic
from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.storage.models import Alert, OutboxMessage
from tests.ui.conftest import CLEAN_IMEI, commit_phone, fill_item, type_into

#: In the sandbox's stolen-goods seed (resources/sandbox/stolen_goods.csv).
STOLEN_IMEI = "358410209477958"
NUMBER = Qt.ItemDataRole.UserRole


def id_image(tmp_path):
    """A generated passport that the scanner reads cleanly (no real person's document)."""
    spec = synthetic.random_spec(random.Random(7), "TD3", today=date.today())
    path = tmp_path / "paspoort.jpg"
    path.write_bytes(synthetic.make_scan(spec, synthetic.Distortion(dpi=300), seed=1))
    return spec, path


def wait_for_sync_service(window, qtbot):
    qtbot.waitUntil(lambda: window.services.sync.service is not None, timeout=30_000)
    return window.services.sync.service


def alert_count(window) -> int:
    with window.services.context.db.read() as session:
        return len(session.scalars(select(Alert)).all())


def acknowledged_count(window) -> int:
    with window.services.context.db.read() as session:
        return len(session.scalars(select(OutboxMessage).where(OutboxMessage.state == "acknowledged")).all())


def sync_until(window, qtbot, alerts: int) -> None:
    """ "Sync now" (F5), then wait until the register holds ``alerts`` hits and nothing waits.

    A pass may also start on its own (the worker's timer, the nudge after a save), so the test
    waits for the outcome rather than for one particular pass.
    """
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: alert_count(window) == alerts, timeout=30_000)
    qtbot.waitUntil(
        lambda: window.sync_status.last is not None and window.sync_status.last.pending == 0, timeout=30_000
    )


@pytest.mark.slow
def test_scan_buy_phone_and_gold_sync_hit_and_late_hit(window_factory, qtbot, tmp_path):
    window = window_factory(sync=True)
    form = window.form
    service = wait_for_sync_service(window, qtbot)

    # 1. Scan the seller's ID: the fields fill and are marked as read from the document.
    spec, image = id_image(tmp_path)
    form.scan(image)
    family = form.boxes["seller.family_name"]
    qtbot.waitUntil(lambda: family.value() != "", timeout=30_000)
    assert family.value() == spec.family_name.title()
    # (Only the shape of the number is asserted: reading it right is the scanner's own tests' job.)
    assert len(form.boxes["id_document.number"].value()) == len(spec.document_number)
    assert form.state.from_document["id_document.number"] == "document"
    assert not family.marker.isHidden()
    for path, value in {
        "seller.address.street": "Dorpsstraat",
        "seller.address.house_number": "12",
        "seller.address.postcode": "3511 AB",
        "seller.address.city": "Utrecht",
    }.items():
        type_into(form.boxes[path], value)

    # 2. A phone by IMEI (checked before buying) and a gold ring by weight.
    fill_item(form, 0, category="phone", brand="Fairphone", imei=CLEAN_IMEI, description="zwart", price="120")
    form.items[0].fields["imei"].editor.setFocus()
    QTest.keyClick(form.items[0].fields["imei"].editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.items[0].check_result.property("tone") == "ok", timeout=15_000)
    form.add_item()
    fill_item(
        form,
        1,
        category="gold",
        weight_grams="4,2",
        fineness="585",
        hallmark="585",
        description="ring",
        price="95",
    )

    # 3. Save: the entry gets its number; it is in the register.
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    number = saved.args[0].register_number
    model = window.register_view.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.data(model.index(0, 0), NUMBER) == number, timeout=10_000
    )
    with window.services.context.db.read() as session:
        from dor_desktop.storage.models import EntryPersonal, RegisterEntry

        payload = session.scalar(select(RegisterEntry.payload))
        personal = session.scalar(select(EntryPersonal.data))  # the seller's data, kept apart
    assert '"read_from":"mrz"' in personal and '"weight_grams":"4.2"' in payload

    # 4. A second seller brings a phone that is known stolen: the hit comes with the submission.
    hit_entry = commit_phone(window.services.context, "Smit", STOLEN_IMEI)
    sync_until(window, qtbot, alerts=1)
    assert window.sync_status.last.online
    qtbot.waitUntil(lambda: not window.alert_badge.isHidden(), timeout=10_000)
    assert "1" in window.alert_badge.text()

    # 5. Later the first phone is reported stolen: a late hit arrives through the notifications.
    with SandboxAdmin(service.transport.endpoint) as admin:
        admin.add_stolen(imei=CLEAN_IMEI, category="phone", description="gemeld na aankoop")
    sync_until(window, qtbot, alerts=2)
    qtbot.waitUntil(lambda: "2" in window.alert_badge.text(), timeout=10_000)

    # 6. The rows are marked, quietly; the panel says what to do; reading it empties the badge.
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.data(model.index(1, 1)) != "", timeout=10_000)
    assert model.data(model.index(0, 1)) != ""  # the stolen phone's entry, newest first
    window.show_alerts()
    panel = window.alert_panel
    qtbot.waitUntil(lambda: len(panel.alerts) == 2, timeout=10_000)
    origins = {a.register_number: a.origin for a in panel.alerts}
    assert origins == {number: "notification", hit_entry.register_number: "submission"}
    assert "politie" in panel.text.toPlainText().lower()
    for _ in range(2):
        panel.acknowledge_current()
        qtbot.waitSignal(panel.loaded, timeout=5000).wait()
        panel.list.setCurrentRow(1 if panel.list.currentRow() == 0 else 0)
    qtbot.waitUntil(lambda: all(a.acknowledged for a in panel.alerts), timeout=10_000)
    qtbot.waitUntil(lambda: "Goederen apart" in window.alert_badge.text(), timeout=10_000)
    with window.services.context.db.read() as session:
        assert session.scalar(select(Alert).where(Alert.acknowledged_at.is_(None))) is None

    # 7. The police release one item: it leaves the panel and the hold ends; the note is kept.
    panel.list.setCurrentRow(0)
    released = panel.alerts[0]
    panel.release_current("PV 2026-42, agent 4411")
    qtbot.waitUntil(lambda: len(panel.alerts) == 1, timeout=10_000)
    assert released.alert_id not in [a.alert_id for a in panel.alerts]
    with window.services.context.db.read() as session:
        row = session.get(Alert, released.alert_id)
        assert row.released_at is not None and row.release_note == "PV 2026-42, agent 4411"


@pytest.mark.slow
def test_a_late_hit_received_while_closed_is_shown_at_the_next_start(window_factory, qtbot, context_factory):
    first = window_factory(sync=True)
    service = wait_for_sync_service(first, qtbot)
    commit_phone(first.services.context, "Jansen", CLEAN_IMEI)
    QTest.keyClick(first, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: acknowledged_count(first) == 1, timeout=30_000)
    with SandboxAdmin(service.transport.endpoint) as admin:
        admin.add_stolen(imei=CLEAN_IMEI)
    sync_until(first, qtbot, alerts=1)
    first.shutdown()

    second = window_factory(context=first.services.context)  # no sync at all in this session
    qtbot.waitUntil(lambda: not second.alert_badge.isHidden(), timeout=10_000)
    assert "1" in second.alert_badge.text()
