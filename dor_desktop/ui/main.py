"""``dor-desktop`` without a command: open the data folder and show the counter window.

Start-up does only what the first screen needs (settings, the register file, translations); OCR,
the sandbox server and the network start in the background once the window is on screen.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from dor_desktop.bootstrap.app import open_app
from dor_desktop.errors import UserError
from dor_desktop.ui import i18n
from dor_desktop.ui.main_window import MainWindow, build_services
from dor_desktop.ui.theme import apply_theme

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("DOR Desktop")
    app.setOrganizationName("DOR Desktop")
    app.setDesktopFileName("dor-desktop")
    icon = i18n.i18n_dir().parent / "desktop" / "dor-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_theme(app)
    return app


def run_window() -> int:
    app = application()
    try:
        context = open_app()
    except UserError as error:
        i18n.install(i18n.DEFAULT_LANGUAGE)
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Startup", "DOR Desktop cannot start"),
            QCoreApplication.translate("Startup", "The data folder could not be opened: %1").replace(
                "%1", str(error)
            ),
        )
        return 2
    i18n.install(context.settings.language)
    services = build_services(context)
    window = MainWindow(services)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        window.shutdown()
        context.close()
