"""The counter window: the purchase form and the register in tabs, sync health and notices below.

The window wires the views together and owns the background machinery (lanes, sync thread, scan
folder watcher); the views do the work. Everything slow starts after the window is on screen.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.config.settings import Settings
from dor_desktop.domain.clock import local_date, utc_now
from dor_desktop.domain.rules import RulePack
from dor_desktop.services import accounts, purchase_session, register, retention, settings_change
from dor_desktop.services.access import Actor, Permission
from dor_desktop.services.context import AppContext
from dor_desktop.services.drafts import Draft, DraftStore
from dor_desktop.services.retention import IdCopyPurge, PersonalPurge
from dor_desktop.services.settings_change import SettingsChange
from dor_desktop.services.sync import SyncReport, SyncStatus
from dor_desktop.ui import i18n
from dor_desktop.ui.admin_dialogs import AccountsDialog, AuditDialog
from dor_desktop.ui.alerts_panel import AlertBadge, AlertPanel
from dor_desktop.ui.background import Lanes, Op
from dor_desktop.ui.counter_lock import IdleWatch, LockPage
from dor_desktop.ui.form_state import state_from_payload
from dor_desktop.ui.purchase_form import PurchaseForm
from dor_desktop.ui.register_view import RegisterView
from dor_desktop.ui.scan_sources import ScanFolderWatcher, camera_available, load_multimedia
from dor_desktop.ui.services import Services
from dor_desktop.ui.settings_dialog import SettingsDialog
from dor_desktop.ui.sync_status import RejectionsDialog, SyncStatusWidget
from dor_desktop.ui.sync_worker import ServiceFactory, SyncController, open_sync_service

log = logging.getLogger(__name__)


def build_services(context: AppContext, sync_factory: ServiceFactory | None = open_sync_service) -> Services:
    """The window's machinery around an opened data folder (``sync_factory=None``: no sync)."""
    services = Services(context, Lanes(), DraftStore(context.paths.drafts))
    if sync_factory is not None:
        services.sync = SyncController(context, sync_factory)
    return services


class MainWindow(QMainWindow):
    #: The settings moved the program between practice and the legal register: the launcher
    #: closes this window and opens the other register (ui.main.Launcher).
    reopen_requested = Signal()
    #: After stop_background(): the sync workers have closed their services.
    background_stopped = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.packs: dict[str, RulePack] = {}
        self._closed = False
        self._sync_asked = False
        self.setObjectName("mainWindow")
        self._retiring: list[SyncController] = []
        self._stopping: set[SyncController] = set()
        self._lanes_stopped = False
        self.form = PurchaseForm(services)
        self.register_view = RegisterView(services)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(self.form, self.tr("New purchase (Ctrl+N)"))
        self.tabs.addTab(self.register_view, self.tr("Register (Ctrl+R)"))
        self.lock_page = LockPage(services)
        self.pages = QStackedWidget()  # the tabs, or the login page while nobody is logged in
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self.lock_page)
        self.setCentralWidget(self._central(self.pages))
        self.idle = IdleWatch(services.settings.lock_after_minutes, self)
        self.alert_panel = AlertPanel(services, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.alert_panel)
        self.alert_panel.hide()
        self._status_bar()
        self._menus()
        self.scan_folder = ScanFolderWatcher(services.lanes, self)
        self._connect()
        self.resize(1280, 720)

    # -- building --------------------------------------------------------------------------------

    def _central(self, tabs: QWidget) -> QWidget:
        """The tabs, under a banner that says so whenever this is the practice register."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.mode_banner = QLabel()
        self.mode_banner.setObjectName("practiceBanner")
        self.mode_banner.setWordWrap(True)
        self.mode_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mode_banner.setStyleSheet(
            "QLabel#practiceBanner { background: #b45309; color: white; font-weight: bold; padding: 6px; }"
        )
        self._show_mode()
        layout.addWidget(self.mode_banner)
        layout.addWidget(tabs, 1)
        return central

    def _show_mode(self) -> None:
        practice = self.services.context.practice
        self.mode_banner.setVisible(practice)
        self.mode_banner.setText(
            self.tr(
                "PRACTICE - not the legal register: entries go to a practice DOR, never to the police. "
                "To start the real register: Settings (Ctrl+,)"
            )
        )
        title = self.tr("DOR Desktop - %1").replace("%1", self.services.settings.shop_name)
        mode = self.tr("%1 (PRACTICE)") if practice else self.tr("%1 - legal register")
        self.setWindowTitle(mode.replace("%1", title))

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.message_label = QLabel()
        self.message_label.setObjectName("statusMessage")
        bar.addWidget(self.message_label, 1)
        self.alert_badge = AlertBadge()
        self.alert_badge.clicked.connect(self.show_alerts)
        self.sync_status = SyncStatusWidget()
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerkLabel")
        self.switch_button = QPushButton(self.tr("Switch clerk (Ctrl+L)"))
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self.lock)
        bar.addPermanentWidget(self.clerk_label)
        bar.addPermanentWidget(self.switch_button)
        bar.addPermanentWidget(self.alert_badge)
        bar.addPermanentWidget(self.sync_status)

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("New purchase"), "Ctrl+N", self.show_form))
        file_menu.addAction(self._action(self.tr("Scan ID from file..."), "", self.form.scan_from_file))
        self.settings_action = self._action(self.tr("Settings..."), "Ctrl+,", self.open_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self._action(self.tr("Switch clerk"), "Ctrl+L", self.lock))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Quit"), "Ctrl+Q", self.close))
        register_menu = menu.addMenu(self.tr("&Register"))
        register_menu.addAction(self._action(self.tr("Show register"), "Ctrl+R", self.show_register))
        dor_menu = menu.addMenu(self.tr("&DOR"))
        dor_menu.addAction(self._action(self.tr("Sync now"), "F5", self.sync_now))
        dor_menu.addAction(self._action(self.tr("Refused entries..."), "Ctrl+Shift+F", self.show_rejections))
        dor_menu.addAction(self._action(self.tr("Notices"), "Ctrl+Shift+H", self.show_alerts))
        self.manage_menu = menu.addMenu(self.tr("&Manage"))
        self.manage_menu.addAction(self._action(self.tr("Accounts..."), "", self.open_accounts))
        self.manage_menu.addAction(self._action(self.tr("Audit log..."), "", self.open_audit))

    def _connect(self) -> None:
        self.form.message.connect(self.show_message)
        self.form.committed.connect(lambda _entry: self.register_view.refresh())
        self.register_view.message.connect(self.show_message)
        self.register_view.correct_requested.connect(self.start_correction)
        self.register_view.open_alerts.connect(self.show_alerts)
        self.alert_panel.open_entry.connect(self.show_entry)
        self.alert_panel.changed.connect(self._alerts_changed)
        self.alert_panel.loaded.connect(self._update_badge)
        self.sync_status.sync_now.connect(self.sync_now)
        self.sync_status.show_rejections.connect(self.show_rejections)
        self.lock_page.unlocked.connect(self._unlocked)
        self.idle.idle.connect(self.lock)
        self.scan_folder.scan_taken.connect(self._scan_folder_file)
        self.scan_folder.notice.connect(self.show_message)
        sync = self.services.sync
        if sync is not None:
            sync.status_changed.connect(self._sync_status)
            sync.report_ready.connect(self._sync_report)
            sync.failed.connect(self.sync_status.show_failure)

    # -- start and stop --------------------------------------------------------------------------

    def start(self) -> None:
        """Begin the background work: drafts, notices, the register, rule packs, sync, scan folder."""
        services = self.services
        Op(services.lanes.db, purchase_session.sort_out_drafts, services.context, services.drafts).on_success(
            self._drafts_found
        ).on_failure(lambda e: self.show_message(str(e))).start(self)
        self._purge_id_copies()
        self._purge_personal_data()
        self.alert_panel.reload()
        self.register_view.model.refresh()
        Op(services.lanes.files, settings_change.rule_packs, services.paths).on_success(
            self._packs_loaded
        ).start(self)
        if services.sync is not None:
            services.sync.start()
        if services.settings.scan_folder:
            self.scan_folder.watch(services.settings.scan_folder)
        Op(services.lanes.files, load_multimedia).on_success(self._multimedia_loaded).start(self)
        actor = services.context.actor
        if actor is None:
            self.lock()
        else:
            self._unlocked(actor)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> bool:
        """At exit: finish what was started (a commit, a draft write) and stop the sync threads.

        The window hides first, so the clerk never sees the wait; a sync pass in flight is waited
        for up to its deadline. Returns False when a sync thread is still busy after it (the caller
        then ends the process without waiting more; the entry stays queued for the next start).
        """
        self._closed = True
        self.hide()
        self.idle.stop()
        stopped = all(c.shutdown() for c in self._controllers())
        if stopped and not self._lanes_stopped:
            self._lanes_stopped = True
            self.services.lanes.shutdown()
        return stopped

    def stop_background(self) -> None:
        """Hide and stop everything started without waiting on the GUI thread.

        :attr:`background_stopped` follows once every sync worker has closed its service: only
        then may the register be closed (a mode switch, ``ui.main.Launcher``).
        """
        if self._closed:
            return
        self._closed = True
        self.hide()
        self.idle.stop()
        self._stopping = {c for c in self._controllers() if c.running}
        for controller in list(self._stopping):
            controller.stopped.connect(lambda c=controller: self._one_stopped(c))
            controller.stop()
        if not self._stopping:
            self._all_stopped()

    def _controllers(self) -> list[SyncController]:
        return [c for c in (self.services.sync, *self._retiring) if c is not None]

    def _one_stopped(self, controller: SyncController) -> None:
        self._stopping.discard(controller)
        if not self._stopping:
            self._all_stopped()

    def _all_stopped(self) -> None:
        if not self._lanes_stopped:
            self._lanes_stopped = True
            self.services.lanes.shutdown()
        self.background_stopped.emit()

    # -- who is at the counter ------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def lock(self) -> None:
        """Nobody is logged in: hide everything that shows personal data until a clerk logs in.

        The half-filled form stays (and its draft on disk); open dialogs close.
        """
        self.services.context.actor = None
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.alert_panel.hide()
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self.switch_button.setEnabled(False)
        self.pages.setCurrentWidget(self.lock_page)
        self.idle.disarm()
        self.clerk_label.setText(self.tr("Locked"))
        Op(self.services.lanes.db, accounts.needs_first_owner, self.services.context).on_success(
            self.lock_page.show_for
        ).start(self)

    def _unlocked(self, actor: Actor) -> None:
        self.pages.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        self.switch_button.setEnabled(True)
        self.manage_menu.menuAction().setVisible(actor.may(Permission.ACCOUNTS))
        self.settings_action.setVisible(actor.may(Permission.SETTINGS))
        self.clerk_label.setText(self.tr("Clerk: %1").replace("%1", actor.name))
        self.idle.arm()
        self.form.focus_first_field()
        if not self.services.settings.first_run_done:
            QTimer.singleShot(0, self.first_run)

    def open_accounts(self) -> None:
        AccountsDialog(self.services, self).open()

    def open_audit(self) -> None:
        AuditDialog(self.services, self).open()

    # -- navigation ------------------------------------------------------------------------------

    def show_form(self) -> None:
        self.tabs.setCurrentWidget(self.form)
        self.form.focus_first_field()

    def show_register(self) -> None:
        self.tabs.setCurrentWidget(self.register_view)
        self.register_view.focus_search()

    def show_entry(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.register_view)
        self.register_view.show_entry(number)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def show_alerts(self) -> None:
        if self.locked:
            return
        self.alert_panel.show()
        self.alert_panel.raise_()
        self.alert_panel.list.setFocus()
        self.alert_panel.reload()

    # -- drafts ----------------------------------------------------------------------------------

    def _drafts_found(self, found: tuple[list[Draft], list[str]]) -> None:
        offers, saved = found
        if saved:
            text = self.tr("The purchase being saved when the program stopped is in the register as %1.")
            self.show_message(text.replace("%1", ", ".join(saved)))
        self.form.offer_drafts(offers)

    # -- kept ID copies --------------------------------------------------------------------------

    def _purge_id_copies(self) -> None:
        """Remove kept ID copies past the retention, at every start (also when the shop stopped keeping)."""
        Op(self.services.lanes.db, retention.purge_id_copies, self.services.context, date.today()).on_success(
            self._id_copies_purged
        ).on_failure(lambda e: log.warning("the purge of expired ID copies failed: %s", e)).start(self)

    def _id_copies_purged(self, purge: IdCopyPurge) -> None:
        if purge.failed:
            text = self.tr("%1 ID copies past their retention could not be removed; the log says why.")
            self.show_message(text.replace("%1", str(len(purge.failed))))
        elif purge.removed and not self.message_label.text():  # a draft notice matters more
            text = self.tr("%1 ID copies past their retention were removed.")
            self.show_message(text.replace("%1", str(len(purge.removed))))

    # -- personal data past the retention --------------------------------------------------------

    def _purge_personal_data(self) -> None:
        """Remove sellers' personal data from entries past the retention, at every start (the
        entries stay; held and not yet acknowledged ones keep it). Queued before the register's
        first page on the same lane, so the list never shows a name about to go."""
        Op(
            self.services.lanes.db,
            functools.partial(retention.purge_personal_data, at_start=True),
            self.services.context,
            local_date(utc_now()),
        ).on_success(self._personal_data_purged).on_failure(
            lambda e: log.warning("the purge of personal data past the retention failed: %s", e)
        ).start(self)

    def _personal_data_purged(self, purge: PersonalPurge) -> None:
        if purge.purged and not self.message_label.text():  # a draft notice matters more
            text = self.tr("The personal data of %1 entries past their retention was removed.")
            self.show_message(text.replace("%1", str(len(purge.purged))))

    # -- corrections -----------------------------------------------------------------------------

    def start_correction(
        self, number: str, payload: dict, remote: list[tuple[str, str]] | None = None
    ) -> None:
        self.form.start_correction(number, state_from_payload(payload), remote)
        self.tabs.setCurrentWidget(self.form)
        self.form.reason_box.editor.setFocus()

    def _fix_rejected(self, number: str, remote: list) -> None:
        def load() -> dict:
            return register.entry_detail(self.services.context, number).payload

        Op(self.services.lanes.db, load).on_success(
            lambda payload: self.start_correction(number, payload, remote)
        ).start(self)

    # -- sync ------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.services.sync is not None:
            self._sync_asked = True
            self.services.sync.sync_now()
            self.show_message(self.tr("Syncing with the DOR..."))

    def _sync_status(self, status: SyncStatus) -> None:
        self.sync_status.show_status(status)
        shown = (self.alert_badge.property("active"), self.alert_badge.property("unreadCount"))
        if shown != (status.active_alerts, status.unacknowledged_alerts):
            self.alert_panel.reload()

    def _sync_report(self, report: SyncReport) -> None:
        if self._sync_asked:
            self._sync_asked = False
            if report.error:
                self.show_message(
                    self.tr("The DOR could not be reached; the entries wait and are sent later")
                )
            else:
                self.show_message(self.tr("Sync done: %1 sent").replace("%1", str(report.sent)))
        if report.sent or report.new_alert_ids or report.withdrawn_alert_ids:
            self.register_view.refresh()
        if report.new_alert_ids or report.withdrawn_alert_ids:
            self.alert_panel.reload()

    def show_rejections(self) -> None:
        service = self.services.sync.service if self.services.sync is not None else None
        if service is None:
            self.show_message(self.tr("Not connected to the DOR yet"))
            return
        Op(self.services.lanes.db, service.rejections).on_success(self._rejections_loaded).start(self)

    def _rejections_loaded(self, rejections: list) -> None:
        dialog = RejectionsDialog(rejections, self)
        dialog.fix_requested.connect(self._fix_rejected)
        dialog.open_requested.connect(self.show_entry)
        dialog.open()

    # -- notices ---------------------------------------------------------------------------------

    def _alerts_changed(self) -> None:
        self.register_view.refresh()
        if self.services.sync is not None:
            self.services.sync.refresh_status()

    def _update_badge(self) -> None:
        alerts = self.alert_panel.alerts
        unread = sum(1 for a in alerts if not a.acknowledged)
        self.alert_badge.setProperty("active", len(alerts))
        self.alert_badge.setProperty("unreadCount", unread)
        self.alert_badge.show_count(unread, len(alerts))

    # -- scanning from the watched folder ---------------------------------------------------------

    def _scan_folder_file(self, image: bytes) -> None:
        """A scan from the watched folder, already deleted there: read from memory."""
        self.tabs.setCurrentWidget(self.form)
        self.form.scan(image)

    # -- settings --------------------------------------------------------------------------------

    def _multimedia_loaded(self, loaded: bool) -> None:
        """Offer the camera only where Qt Multimedia finds one."""
        self.form.camera_button.setVisible(loaded and camera_available())

    def _packs_loaded(self, packs: dict[str, RulePack]) -> None:
        self.packs = packs

    def first_run(self) -> None:
        self._settings_dialog(first_run=True)

    def open_settings(self) -> None:
        self._settings_dialog(first_run=False)

    def _settings_dialog(self, first_run: bool) -> None:
        packs = self.packs or {self.services.context.rules.id: self.services.context.rules}
        dialog = SettingsDialog(self.services.settings, packs, first_run, self)
        dialog.accepted.connect(lambda: self._save_settings(dialog.result_settings, dialog.result_secret))
        if first_run:
            dialog.rejected.connect(
                lambda: self._save_settings(replace(self.services.settings, first_run_done=True), "")
            )
        dialog.open()

    def _save_settings(self, new: Settings | None, secret: str) -> None:
        if new is None or self._closed:
            return
        Op(
            self.services.lanes.files, settings_change.change, self.services.context, new, secret=secret
        ).on_success(self._settings_saved).on_failure(
            lambda e: self.show_message(self.tr("Settings not saved: %1").replace("%1", str(e)))
        ).start(self)

    def _settings_saved(self, change: SettingsChange) -> None:
        old, new = change.old, change.new
        if change.mode_changed:
            self.reopen_requested.emit()
            return
        self.services.context.use_settings(new, change.rules)
        self.idle.set_minutes(new.lock_after_minutes)
        self._show_mode()
        if new.scan_folder != old.scan_folder:
            self.scan_folder.watch(new.scan_folder)
        if change.dor_changed and self.services.sync is not None:
            self._restart_sync()
        if new.language != old.language:
            i18n.install(new.language)
            QMessageBox.information(
                self, self.tr("Language"), self.tr("The new language is used everywhere after a restart.")
            )
        self.form.validate_now()
        self.show_message(self.tr("Settings saved"))

    def _restart_sync(self) -> None:
        """Start a new sync worker once the old one has closed its service (off the GUI thread)."""
        old = self.services.sync
        if old is None:
            return
        new = SyncController(self.services.context, old.factory)
        new.status_changed.connect(self._sync_status)
        new.report_ready.connect(self._sync_report)
        new.failed.connect(self.sync_status.show_failure)
        self.services.sync = new
        self._retiring.append(old)

        def old_stopped() -> None:
            self._retiring.remove(old)
            if not self._closed:
                new.start()

        old.stopped.connect(old_stopped)
        old.stop()
