"""The register tab: lazy paging, search, the detail, void and correction with a reason, sales."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dor_desktop.storage.models import Alert, EntryPersonal, RegisterEntry, Sale
from dor_desktop.ui import register_model
from dor_desktop.ui.entry_detail import ReasonDialog, SaleDialog
from tests.ui.conftest import commit_phone, make_imei, type_into

NUMBER = Qt.ItemDataRole.UserRole


def numbers(model) -> list[str]:
    return [model.data(model.index(row, 0), NUMBER) for row in range(model.rowCount())]


def test_whole_register_is_paged_lazily_newest_first(window_factory, context_factory, qtbot, monkeypatch):
    monkeypatch.setattr(register_model, "PAGE", 4)
    context = context_factory()
    for n in range(10):
        commit_phone(context, f"Verkoper{n:02d}", make_imei(n))
    window = window_factory(context=context)
    model = window.register_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 10, timeout=5000)
    assert model.windowed
    assert model.data(model.index(9, 0)) == "..."  # not read yet: asked for, shown when it comes
    qtbot.waitUntil(lambda: model.data(model.index(9, 0)) == "K1-000001", timeout=5000)
    qtbot.waitUntil(lambda: model.data(model.index(0, 0)) == "K1-000010", timeout=5000)
    assert len(model._pages) <= 3  # only the pages that were looked at


def test_search_by_imei_name_and_kind(window_factory, context_factory, qtbot):
    context = context_factory()
    commit_phone(context, "Jansen", make_imei(1))
    commit_phone(context, "Janssen", make_imei(2))
    commit_phone(context, "Bakker", make_imei(3))
    context.register.void("K1-000003", "dubbel")
    window = window_factory(context=context)
    view = window.register_view
    model = view.model

    def search(text: str) -> list[str]:
        view.search.setText(text)
        with qtbot.waitSignal(model.loaded, timeout=5000):
            view.search_now()
        return numbers(model)

    assert search(make_imei(2)) == ["K1-000002"]
    assert search("jans") == ["K1-000002", "K1-000001"]
    assert search("k1-000001") == ["K1-000001"]
    view.search.clear()
    view.kind.setCurrentIndex(view.kind.findData("void"))
    with qtbot.waitSignal(model.loaded, timeout=5000):
        view.search_now()
    assert numbers(model) == ["K1-000004"]
    view.date_from.setText("31-02-2026")
    view.search_now()
    assert not view.filter_problem.isHidden()


def _open_detail(window, qtbot, number: str):
    window.show_entry(number)
    detail = window.register_view.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.number == number, timeout=5000)
    return detail


def test_void_needs_a_reason_and_adds_an_entry(window_factory, context_factory, qtbot):
    context = context_factory()
    commit_phone(context, "Jansen", make_imei(1))
    window = window_factory(context=context)
    detail = _open_detail(window, qtbot, "K1-000001")
    assert "Jansen" in detail.text.toPlainText()
    detail.void()
    dialog = detail.findChild(ReasonDialog)
    assert not dialog.ok.isEnabled()  # no reason, no void
    QTest.keyClicks(dialog.edit, "twee keer ingevoerd")
    assert dialog.ok.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: detail.view.detail.referred_by == [("void", "K1-000002")], timeout=5000)
    assert not detail.void_button.isEnabled() and not detail.correct_button.isEnabled()
    with context.db.read() as session:
        void = session.scalar(select(RegisterEntry).where(RegisterEntry.kind == "void"))
    assert void.reason == "twee keer ingevoerd"


def test_correction_opens_in_the_form_and_commits_a_new_entry(window_factory, context_factory, qtbot):
    context = context_factory()
    commit_phone(context, "Jansen", make_imei(1))
    window = window_factory(context=context)
    detail = _open_detail(window, qtbot, "K1-000001")
    detail.correct_button.setFocus()
    QTest.keyClick(detail.correct_button, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert window.tabs.currentWidget() is form
    assert form.boxes["seller.family_name"].value() == "Jansen"
    assert QApplication.focusWidget() is form.reason_box.editor
    type_into(form.boxes["seller.address.city"], "Amersfoort")
    form.save()
    assert form.last_saved is None and form.reason_box.problem_text  # a reason is required
    type_into(form.reason_box, "verkeerde plaats")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    assert saved.args[0].register_number == "K1-000002"
    with context.db.read() as session:
        correction = session.scalar(select(RegisterEntry).where(RegisterEntry.kind == "correction"))
        personal = session.get(EntryPersonal, correction.id)  # the seller's data, kept apart
        assert correction.refers_to.register_number == "K1-000001" and "Amersfoort" in personal.data
        assert correction.acquired_at == correction.refers_to.acquired_at  # the same purchase moment


def test_sale_is_blocked_during_hold_and_police_hold_then_recorded(window_factory, context_factory, qtbot):
    context = context_factory()
    commit_phone(context, "Jansen", make_imei(1))
    commit_phone(context, "Bakker", make_imei(2))
    with context.db.write() as session:
        session.add(
            Alert(
                entry_id=2,
                item_line=1,
                hit_id="h-2",
                match_type="exact",
                matched_field="imei",
                matched_value=make_imei(2),
                origin="submission",
                received_at="2026-03-03T10:00:00.000000Z",
            )
        )
    window = window_factory(context=context)
    detail = _open_detail(window, qtbot, "K1-000001")
    assert not detail.sale_button.isEnabled() and not detail.sale_note.isHidden()  # hold period runs

    later = datetime.now(UTC) + timedelta(days=30)
    window.services.clock = lambda: later
    detail = _open_detail(window, qtbot, "K1-000002")
    assert not detail.sale_button.isEnabled() and not detail.void_button.isEnabled()  # police hold
    assert detail.view.police_hold

    detail = _open_detail(window, qtbot, "K1-000001")
    assert detail.sale_button.isEnabled()
    detail.record_sale()
    dialog = detail.findChild(SaleDialog)
    QTest.keyClicks(dialog.buyer, "Koper BV")
    QTest.keyClicks(dialog.price, "150,00")
    dialog._check()
    qtbot.waitUntil(lambda: bool(detail.view.detail.sales), timeout=5000)
    with context.db.read() as session:
        assert session.scalar(select(Sale.buyer_name)) == "Koper BV"
    assert not detail.correct_button.isEnabled()  # sold goods are not corrected any more


def test_row_with_an_active_hit_is_marked(window_factory, context_factory, qtbot):
    context = context_factory()
    commit_phone(context, "Jansen", make_imei(1))
    commit_phone(context, "Bakker", make_imei(2))
    with context.db.write() as session:
        session.add(
            Alert(
                entry_id=1,
                item_line=1,
                hit_id="h-1",
                match_type="exact",
                matched_field="imei",
                matched_value=make_imei(1),
                origin="notification",
                received_at="2026-03-03T10:00:00.000000Z",
            )
        )
    window = window_factory(context=context)
    model = window.register_view.model
    qtbot.waitUntil(lambda: model.data(model.index(1, 0), NUMBER) == "K1-000001", timeout=5000)
    assert model.data(model.index(1, 1)) != ""
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    # ... and the quiet badge counts it, also without any sync having run in this session.
    qtbot.waitUntil(lambda: not window.alert_badge.isHidden(), timeout=5000)
    assert "1" in window.alert_badge.text()
