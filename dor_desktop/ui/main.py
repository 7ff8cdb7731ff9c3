"""``dor-desktop`` without a command: open the data folder and show the counter window.

The register is opened (and, after an upgrade, backed up and migrated) in a background thread,
with a progress window when that takes more than a moment, so a large register never looks hung.
OCR, the sandbox server and the network start in the background once the window is on screen.
When the settings move the program between practice and the legal register, the launcher closes
the window and opens the other register the same way.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.services.context import AppContext
from dor_desktop.ui import i18n
from dor_desktop.ui.main_window import MainWindow, build_services
from dor_desktop.ui.recovery_key import RecoveryKeyDialog
from dor_desktop.ui.sync_worker import ServiceFactory, open_sync_service
from dor_desktop.ui.theme import apply_theme

log = logging.getLogger(__name__)
#: The progress window shows only when opening takes longer than this (a migration, a backup).
PROGRESS_AFTER_MS = 400


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("DOR Desktop")
    app.setOrganizationName("DOR Desktop")
    app.setDesktopFileName("dor-desktop")
    icon = i18n.i18n_dir().parent / "desktop" / "dor-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_theme(app)
    return app


class Launcher(QObject):
    """Opens the register off the GUI thread, then shows the window; reopens it on a mode change."""

    progress = Signal(str, int, int)
    language = Signal(str)  # the shop's language, known before a long migration starts
    opened = Signal(object)  # AppContext
    failed = Signal(object)  # the exception
    finished = Signal(int)  # the exit code, when there is no window to run
    recovery_key = Signal(str)  # a new register key was made: its recovery key, shown once

    def __init__(self, paths: Paths | None = None, sync_factory: ServiceFactory = open_sync_service) -> None:
        super().__init__()
        self.paths = paths
        self.sync_factory = sync_factory
        self.window: MainWindow | None = None
        self.context: AppContext | None = None
        #: Windows of a register being switched away from, until their sync workers have stopped.
        self._retiring: list[tuple[MainWindow, AppContext]] = []
        self.dialog: QProgressDialog | None = None
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self._new_recovery_key: str | None = None
        self.recovery_key.connect(self._remember_recovery_key)
        self.opened.connect(self._opened)
        self.failed.connect(self._failed)
        self.progress.connect(self._progress)
        self.language.connect(self._language)

    def open(self) -> None:
        """Start opening the register; the window follows when it is ready."""
        self.dialog = _progress_dialog()
        threading.Thread(target=self._open_in_background, name="open-register", daemon=True).start()

    def _open_in_background(self) -> None:
        try:
            context = open_app(
                self.paths,
                progress=self.progress.emit,
                on_settings=lambda s: self.language.emit(s.language),
                at_counter=True,
                on_recovery_key=self.recovery_key.emit,
            )
        except Exception as exc:  # shown to the clerk by _failed, on the GUI thread
            self.failed.emit(exc)
            return
        self.opened.emit(context)

    @Slot(str)
    def _language(self, language: str) -> None:
        i18n.install(language)
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Startup", "Opening the register..."))

    @Slot(str, int, int)
    def _progress(self, step: str, done: int, total: int) -> None:
        if self.dialog is None:
            return
        label = (
            QCoreApplication.translate("Startup", "Making a backup of the register before the upgrade...")
            if step == "backup"
            else QCoreApplication.translate("Startup", "Upgrading the register...")
        )
        self.dialog.setLabelText(label)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)

    @Slot(object)
    def _opened(self, context: AppContext) -> None:
        self._close_dialog()
        self.context = context
        i18n.install(context.settings.language)
        window = MainWindow(build_services(context, self.sync_factory))
        window.reopen_requested.connect(self._reopen, Qt.ConnectionType.QueuedConnection)
        self.window = window
        window.show()
        window.start()
        self._show_recovery_key(window)

    @Slot(str)
    def _remember_recovery_key(self, recovery_key: str) -> None:
        self._new_recovery_key = recovery_key  # arrives before `opened`: both come from one thread

    def _show_recovery_key(self, window: MainWindow) -> None:
        """Once, over the new window: the program keeps no copy of the recovery key."""
        recovery_key, self._new_recovery_key = self._new_recovery_key, None
        if recovery_key is None:
            return
        dialog = RecoveryKeyDialog(recovery_key, window)
        dialog.finished.connect(lambda _result: self._recovery_key_written_down(dialog))
        self.recovery_dialog = dialog
        dialog.open()

    def _recovery_key_written_down(self, dialog: RecoveryKeyDialog) -> None:
        if self.recovery_dialog is dialog:
            self.recovery_dialog = None
        dialog.deleteLater()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._close_dialog()
        i18n.install(i18n.DEFAULT_LANGUAGE)
        if not isinstance(error, UserError):
            log.error("the register could not be opened", exc_info=error)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Startup", "DOR Desktop cannot start"),
            QCoreApplication.translate("Startup", "The data folder could not be opened: %1").replace(
                "%1", str(error)
            ),
        )
        self.finished.emit(2)

    @Slot()
    def _reopen(self) -> None:
        """The other register (practice or legal) is in use from now on.

        The new register opens at once; the old window's sync worker finishes its pass in the
        background (a slow DOR must not freeze the switch), and the old register is closed when
        it has.
        """
        window, context = self.window, self.context
        self.window, self.context = None, None
        if window is not None and context is not None:
            pair = (window, context)
            self._retiring.append(pair)
            window.background_stopped.connect(lambda: self._retired(pair))
            window.stop_background()
        self.open()

    def _retired(self, pair: tuple[MainWindow, AppContext]) -> None:
        if pair in self._retiring:
            self._retiring.remove(pair)
            pair[0].deleteLater()
            pair[1].close()

    def close(self) -> bool:
        """At exit: stop every window and close every register; False when a sync worker is stuck."""
        stopped = True
        pairs = list(self._retiring)
        if self.window is not None and self.context is not None:
            pairs.append((self.window, self.context))
        self._retiring, self.window, self.context = [], None, None
        for window, context in pairs:
            if window.shutdown():
                context.close()
            else:
                stopped = False  # its thread still uses the register: leave both to the process exit
        return stopped

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None


def _progress_dialog() -> QProgressDialog:
    dialog = QProgressDialog(QCoreApplication.translate("Startup", "Opening the register..."), "", 0, 0)
    dialog.setWindowTitle(QCoreApplication.applicationName())
    dialog.setCancelButton(None)  # Qt takes None: no cancel button
    dialog.setMinimumDuration(PROGRESS_AFTER_MS)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    return dialog


def run_window() -> int:
    app = application()
    app.setQuitOnLastWindowClosed(False)  # the window may be replaced (practice -> legal register)
    launcher = Launcher()
    exit_code = [0]

    def finish(code: int) -> None:
        exit_code[0] = code
        app.quit()

    launcher.finished.connect(finish)
    app.lastWindowClosed.connect(lambda: None if launcher.window is None else app.quit())
    launcher.open()
    try:
        app.exec()
    finally:
        stopped = launcher.close()
    if not stopped:
        # A sync pass still waits on the DOR after the deadline. Its entry stays queued and is sent
        # at the next start; ending here avoids Qt aborting on a thread that is still running.
        log.warning("a sync pass was still running at exit; it is resent at the next start")
        logging.shutdown()
        os._exit(exit_code[0])
    return exit_code[0]
