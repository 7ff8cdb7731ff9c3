"""Who is at the counter: the first owner, logging in, switching clerks, locking when idle, and the
owner's accounts and audit log, in the real window (offscreen) on a real register."""

from __future__ import annotations

import json
from contextlib import closing

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dor_desktop.services import accounts
from dor_desktop.services.access import os_owner
from dor_desktop.ui.admin_dialogs import AccountsDialog, AuditDialog
from dor_desktop.ui.settings_dialog import SettingsDialog
from tests.conftest import register_connection
from tests.ui.conftest import CLEAN_IMEI, commit_phone, fill_item, fill_seller, make_imei

PIN = "1357"


def audit_rows(window) -> list[tuple[str, str, str]]:
    with closing(register_connection(window.services.context.db.path)) as connection:
        return connection.execute("SELECT actor, action, reference FROM audit_log ORDER BY id").fetchall()


def locked_window(window_factory, context_factory, clerks: dict[str, str] | None = None, purchases: int = 0):
    """A window on a register whose accounts are ``clerks`` (name: role), opened as the counter does."""
    context = context_factory()
    for name, role in (clerks or {}).items():
        accounts.add(context, name, role, PIN)
    for number in range(purchases):
        commit_phone(context, "Jansen", make_imei(number))
    context.actor = None  # as ui.main.Launcher opens it: nobody is logged in
    return window_factory(context=context)


def log_in(window, qtbot, name: str, pin: str = PIN) -> None:
    page = window.lock_page
    qtbot.waitUntil(lambda: page.button.text() in ("Inloggen", "Maken en inloggen"), timeout=5000)
    page.name.clear()
    QTest.keyClicks(page.name, name)
    QTest.keyClicks(page.pin, pin)
    if page.first_owner:
        QTest.keyClicks(page.pin_again, pin)
    QTest.keyClick(page.pin, Qt.Key.Key_Return)


def test_the_first_start_of_a_register_without_accounts_makes_the_owner(
    window_factory, context_factory, qtbot
):
    window = locked_window(window_factory, context_factory)
    assert window.locked and not window.tabs.isVisible()
    qtbot.waitUntil(lambda: window.lock_page.first_owner, timeout=5000)
    assert window.lock_page.title.text() == "Maak het account van de eigenaar"
    log_in(window, qtbot, "Olga")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.clerk_label.text() == "Medewerker: Olga"
    assert window.manage_menu.menuAction().isVisible()
    assert audit_rows(window) == [("Olga", "account_add", "Olga")]


def test_a_wrong_pin_keeps_the_window_locked_and_is_recorded(window_factory, context_factory, qtbot):
    window = locked_window(window_factory, context_factory, {"Olga": "owner"})
    log_in(window, qtbot, "Olga", "0000")
    qtbot.waitUntil(lambda: window.lock_page.error.text() == "Onjuiste naam of pincode.", timeout=5000)
    assert window.locked and window.services.context.actor is None
    log_in(window, qtbot, "Olga")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert [row[:2] for row in audit_rows(window)[1:]] == [("-", "login_failed"), ("Olga", "login")]


def test_switching_clerks_hides_the_form_keeps_it_and_the_next_clerk_saves_under_their_name(
    window_factory, context_factory, qtbot
):
    window = locked_window(window_factory, context_factory, {"Olga": "owner", "Anna": "clerk"})
    log_in(window, qtbot, "Olga")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    form = window.form
    fill_seller(form)
    fill_item(form, 0, category="phone", brand="Fairphone", imei=CLEAN_IMEI, description="zwart", price="120")

    QTest.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)
    assert window.locked and not form.isVisible() and window.services.context.actor is None
    assert not window.menuBar().isEnabled()
    log_in(window, qtbot, "Anna")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.clerk_label.text() == "Medewerker: Anna"
    assert not window.manage_menu.menuAction().isVisible() and not window.settings_action.isVisible()
    assert form.boxes["seller.family_name"].editor.text() == "Jansen"  # the half-filled form stayed
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        QTest.keyClick(form.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with closing(register_connection(window.services.context.db.path)) as connection:
        (payload,) = connection.execute("SELECT payload FROM register_entry").fetchone()
    assert saved.args[0].register_number == "K1-000001" and json.loads(payload)["clerk"] == "Anna"


def test_the_window_locks_after_the_idle_time_and_any_activity_postpones_it(
    window_factory, context_factory, qtbot
):
    window = locked_window(window_factory, context_factory, {"Olga": "owner"})
    assert window.idle.timer.interval() == 5 * 60_000  # the default setting: five minutes
    log_in(window, qtbot, "Olga")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    window.idle.timer.setInterval(60_000)
    window.idle.arm()
    qtbot.waitUntil(lambda: window.idle.timer.remainingTime() < 59_950, timeout=5000)
    QTest.keyClick(window.form.boxes["seller.family_name"].editor, Qt.Key.Key_A)
    assert window.idle.timer.remainingTime() > 59_950  # the key press started the count again
    assert not window.locked
    window.idle.timer.setInterval(50)  # injected: a short count instead of minutes, no sleeping
    window.idle.arm()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.clerk_label.text() == "Vergrendeld" and not window.register_view.isVisible()


def test_the_entry_detail_is_a_recorded_view_and_a_lock_closes_it(window_factory, context_factory, qtbot):
    window = locked_window(window_factory, context_factory, {"Anna": "clerk"}, purchases=1)
    number = "K1-000001"
    log_in(window, qtbot, "Anna")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    window.show_entry(number)
    detail = window.register_view.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.number == number, timeout=5000)
    assert ("Anna", "view_entry", number) in audit_rows(window)
    window.lock()
    assert not detail.isVisible()


def test_the_owner_adds_an_account_and_reads_the_audit_log(window_factory, context_factory, qtbot):
    window = locked_window(window_factory, context_factory, {"Olga": "owner"})
    log_in(window, qtbot, "Olga")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    dialog = AccountsDialog(window.services, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    type_into_line(dialog.name, "Bert")
    dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
    type_into_line(dialog.pin, PIN)
    QTest.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    assert dialog.status.text() == "Account toegevoegd."
    QTest.mouseClick(dialog.buttons["deactivate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Account uitgeschakeld.", timeout=5000)

    audit = AuditDialog(window.services, window)
    qtbot.addWidget(audit)
    qtbot.waitUntil(lambda: audit.table.rowCount() == 4, timeout=5000)
    shown = [tuple(audit.table.item(r, c).text() for c in (1, 3, 4)) for r in range(4)]
    me = os_owner().name
    assert shown == [
        ("Olga", "account_deactivate", "Bert"),
        ("Olga", "account_add", "Bert"),
        ("Olga", "login", "Olga"),
        (me, "account_add", "Olga"),
    ]
    type_into_line(audit.about, "Jansen")  # a seller with no entries: no rows
    QTest.keyClick(audit.about, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: audit.table.rowCount() == 0, timeout=5000)


def type_into_line(edit, text: str) -> None:
    edit.clear()
    QTest.keyClicks(edit, text)


def test_the_idle_time_is_a_setting_of_the_settings_dialog_and_its_change_is_recorded(
    window_factory, context_factory, qtbot
):
    window = locked_window(window_factory, context_factory, {"Mira": "manager"})
    log_in(window, qtbot, "Mira")
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    window.open_settings()
    dialog = next(d for d in window.findChildren(SettingsDialog) if d.isVisible())
    dialog.lock_minutes.setValue(1)
    dialog._accept()
    qtbot.waitUntil(lambda: window.idle.timer.interval() == 60_000, timeout=5000)
    assert ("Mira", "settings_change", "settings") in audit_rows(window)
    assert json.loads((window.services.paths.settings).read_text(encoding="utf-8"))["lock_after_minutes"] == 1
