"""Who is at the counter: the login page, the first owner at a new register, locking when idle.

The window shows :class:`LockPage` instead of its content whenever nobody is logged in: at the
start, after "Switch clerk", and after ``lock_after_minutes`` without a key press or mouse
movement (:class:`IdleWatch`). The half-filled form stays as it is (and on disk as a draft); it is
only hidden, with every other screen that shows personal data.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dor_desktop.errors import UserError
from dor_desktop.services import accounts
from dor_desktop.services.access import Actor, NotPermitted
from dor_desktop.ui.background import Op
from dor_desktop.ui.services import Services

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleWatch(QObject):
    """Emits :attr:`idle` after ``minutes`` without keyboard or mouse activity in the application.

    ``timer`` is public so a test can shorten its interval instead of waiting minutes.
    """

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may report (and fire) early
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.setInterval(max(minutes, 0) * 60_000)

    def arm(self) -> None:
        """Start counting (after a login); 0 minutes means never lock."""
        if self.minutes > 0:
            self.timer.start()

    def disarm(self) -> None:
        self.timer.stop()

    def stop(self) -> None:
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # any activity starts the count again
        return False


class LockPage(QWidget):
    """Name and PIN; at a register without accounts, the owner's account is made here first."""

    unlocked = Signal(object)  # the Actor

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.first_owner = False
        self.setObjectName("lockPage")
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("QLabel#lockTitle { font-size: 18pt; font-weight: bold; }")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("lockName")
        self.pin = QLineEdit()
        self.pin.setObjectName("lockPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setStyleSheet("QLabel#lockError { color: #b91c1c; }")
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        for edit in (self.name, self.pin, self.pin_again):
            edit.returnPressed.connect(self.submit)
        self._layout()

    def _layout(self) -> None:
        box = QWidget()
        box.setMaximumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        self.again_label = QLabel(self.tr("PIN again"))
        form.addRow(self.again_label, self.pin_again)
        inner = QVBoxLayout(box)
        for widget in (self.title, self.hint):
            inner.addWidget(widget)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def show_for(self, first_owner: bool) -> None:
        """Ask for a login, or (``first_owner``) for the owner account of a register without one."""
        self.first_owner = first_owner
        self.pin.clear()
        self.pin_again.clear()
        self.error.clear()
        self.again_label.setVisible(first_owner)
        self.pin_again.setVisible(first_owner)
        if first_owner:
            self.title.setText(self.tr("Create the owner account"))
            self.hint.setText(
                self.tr(
                    "This register has no accounts yet. The owner manages the clerks' accounts and sees "
                    "the audit log. Choose a name and a PIN of at least 4 characters."
                )
            )
            self.button.setText(self.tr("Create and log in"))
        else:
            self.title.setText(self.tr("Locked"))
            self.hint.setText(self.tr("Log in with your name and PIN."))
            self.button.setText(self.tr("Log in"))
        (self.pin if self.name.text() and not first_owner else self.name).setFocus()

    def submit(self) -> None:
        name, pin = self.name.text().strip(), self.pin.text()
        if not name or not pin:
            self.error.setText(self.tr("Enter your name and PIN."))
            return
        if self.first_owner and pin != self.pin_again.text():
            self.error.setText(self.tr("The two PINs differ."))
            return
        action = accounts.create_first_owner if self.first_owner else accounts.login
        self.button.setEnabled(False)
        Op(self.services.lanes.db, action, self.services.context, name, pin).on_success(
            self._done
        ).on_failure(self._failed).start(self)

    def _done(self, actor: Actor) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.pin_again.clear()
        self.unlocked.emit(actor)

    def _failed(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        if isinstance(error, NotPermitted) and not self.first_owner:
            self.error.setText(self.tr("Wrong name or PIN."))
        elif isinstance(error, UserError):
            self.error.setText(str(error))
        else:
            self.error.setText(self.tr("Logging in failed; the log says why."))
