"""The sync worker: a QThread that owns the :class:`SyncService` and reports back with signals.

Why its own thread: sending to the DOR and reading its notification feed can take as long as the
network wants (a dead server, a slow one); none of that may reach the counter. The worker drains
the outbox when something is due (checked every couple of seconds), after each new entry (a
nudge) and on "sync now"; after every pass it emits the status for the status bar and the
pass's report (new hits among it). All database work happens in this thread with the service's
own sessions. The service itself (and, in demo mode, the bundled sandbox server) is created in
the thread too, so even starting the sandbox never delays the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from dor_desktop.services.context import AppContext
from dor_desktop.sync.api import SyncReport, SyncStatus
from dor_desktop.sync.service import SyncService

log = logging.getLogger(__name__)

#: How often the worker looks whether a pass is due; the service decides whether one is.
TICK_MS = 2000

ServiceFactory = Callable[[AppContext], SyncService]


def open_sync_service(context: AppContext) -> SyncService:
    """The shop's sync service: the configured DOR, or the bundled sandbox when none is set.

    The same builder as the command line's ``dor-desktop sync``; imported here, in the sync
    thread, so httpx and the sandbox server never slow the window's start.
    """
    from dor_desktop.bootstrap.sync import build_sync_service

    return build_sync_service(context)


class SyncWorker(QObject):
    """Lives in the sync thread. Talk to it only through its slots (queued from the GUI thread)."""

    status_changed = Signal(object)  # SyncStatus
    report_ready = Signal(object)  # SyncReport
    service_ready = Signal(object)  # SyncService, once started
    failed = Signal(str)  # the service could not be started (bad configuration, keyring ...)

    def __init__(self, context: AppContext, factory: ServiceFactory) -> None:
        super().__init__()
        self._context = context
        self._factory = factory
        self.service: SyncService | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        try:
            self.service = self._factory(self._context)
        except Exception as exc:  # a configuration problem must not take the window down
            log.warning("sync could not start: %s", exc)
            self.failed.emit(str(exc))
            return
        self.service_ready.emit(self.service)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)
        self._tick()

    @Slot()
    def _tick(self) -> None:
        if self.service is None:
            return
        if self.service.seconds_until_due() <= 0:
            self._run(poll=None)
        else:
            self._emit_status()

    @Slot()
    def nudge(self) -> None:
        """A new entry was committed: send it now rather than at the next tick."""
        if self.service is not None:
            self._run(poll=None)

    @Slot()
    def sync_now(self) -> None:
        """The clerk asked: skip any backoff wait and also read the notification feed."""
        if self.service is not None:
            self.service.retry_now()
            self._run(poll=True)

    @Slot()
    def refresh_status(self) -> None:
        self._emit_status()

    def _run(self, poll: bool | None) -> None:
        try:
            report = self.service.run_once(poll=poll)
        except Exception as exc:  # a bug in a pass is logged and shown, the worker keeps going
            log.exception("sync pass failed")
            report = SyncReport(error=str(exc))
        self.report_ready.emit(report)
        self._emit_status()

    def _emit_status(self) -> None:
        try:
            status = self.service.status()
        except Exception:
            log.exception("sync status could not be read")
            return
        self.status_changed.emit(status)

    @Slot()
    def stop(self) -> None:
        """Runs in the sync thread: drop the timer here (Qt timers die in their own thread)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer.setParent(None)
            self._timer = None
        self.moveToThread(QCoreApplication.instance().thread())


class SyncController(QObject):
    """The GUI side: starts the thread, forwards requests, re-emits results on the GUI thread."""

    status_changed = Signal(object)
    report_ready = Signal(object)
    failed = Signal(str)
    _start = Signal()
    _nudge = Signal()
    _sync_now = Signal()
    _refresh = Signal()
    _stop = Signal()

    def __init__(self, context: AppContext, factory: ServiceFactory = open_sync_service, parent=None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.service: SyncService | None = None
        self.last_status: SyncStatus | None = None
        self._thread = QThread()
        self._thread.setObjectName("dor-sync")
        self._worker = SyncWorker(context, factory)
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.start)
        self._nudge.connect(self._worker.nudge)
        self._sync_now.connect(self._worker.sync_now)
        self._refresh.connect(self._worker.refresh_status)
        self._stop.connect(self._worker.stop, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.status_changed.connect(self._on_status)
        self._worker.report_ready.connect(self.report_ready)
        self._worker.service_ready.connect(self._on_ready)
        self._worker.failed.connect(self.failed)

    def start(self) -> None:
        self._thread.start()
        self._start.emit()

    @Slot(object)
    def _on_ready(self, service: SyncService) -> None:
        self.service = service

    @Slot(object)
    def _on_status(self, status: SyncStatus) -> None:
        self.last_status = status
        self.status_changed.emit(status)

    def nudge(self) -> None:
        self._nudge.emit()

    def sync_now(self) -> None:
        self._sync_now.emit()

    def refresh_status(self) -> None:
        self._refresh.emit()

    def shutdown(self) -> None:
        """Stop after the batch in flight, end the thread, then release the queue and sandbox.

        A request hanging on a slow server is waited for (up to the HTTP timeout): cutting it off
        would gain nothing, the message is resent anyway. The window hides itself first, so the
        clerk never sees that wait.
        """
        if not self._thread.isRunning():
            return
        service = self._worker.service
        if service is not None:
            service.request_stop()
        self._stop.emit()
        self._thread.quit()
        self._thread.wait()
        if service is not None:
            try:
                service.close()
            except Exception:
                log.exception("closing the sync service failed")
