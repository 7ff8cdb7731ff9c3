"""The sync worker: a QThread that owns the :class:`SyncService` and reports back with signals.

Why its own thread: sending to the DOR and reading its notification feed can take as long as the
network wants (a dead server, a slow one); none of that may reach the counter. The worker drains
the outbox when something is due (checked every couple of seconds), after each new entry (a
nudge) and on "sync now"; after every pass it emits the status for the status bar and the
pass's report (new hits among it). All database work happens in this thread with the service's
own sessions. The service itself (and, in practice mode, the bundled sandbox server) is created in
the thread and closed in it too (queue lock, sandbox, HTTP client), so neither starting nor
stopping it ever waits on the GUI thread: a restart after a settings change starts the new worker
only once the old one has released the queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from dor_desktop.services.context import AppContext
from dor_desktop.services.sync import SyncReport, SyncService, SyncStatus

log = logging.getLogger(__name__)

#: How often the worker looks whether a pass is due; the service decides whether one is.
TICK_MS = 2000
#: How long closing the window waits for a pass in flight before leaving it to the next start.
SHUTDOWN_DEADLINE_MS = 15_000

ServiceFactory = Callable[[AppContext], SyncService]


def open_sync_service(context: AppContext) -> SyncService:
    """The shop's sync service: the configured DOR, or the bundled sandbox when none is set.

    The same builder as the command line's ``dor-desktop sync``; imported here, in the sync
    thread, so httpx and the sandbox server never slow the window's start.
    """
    from dor_desktop.bootstrap.sync import build_sync_service  # noqa: PLC0415 (kept off the start-up path)

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
        if self.service is None:
            return
        try:
            report = self.service.run_once(poll=poll)
        except Exception as exc:  # a bug in a pass is logged and shown, the worker keeps going
            log.exception("sync pass failed")
            report = SyncReport(error=str(exc))
        self.report_ready.emit(report)
        self._emit_status()

    def _emit_status(self) -> None:
        if self.service is None:
            return
        try:
            status = self.service.status()
        except Exception:
            log.exception("sync status could not be read")
            return
        self.status_changed.emit(status)

    @Slot()
    def stop(self) -> None:
        """Runs in the sync thread: drop the timer and close the service here, where they live.

        Closing releases the queue lock and stops the practice sandbox; then the thread ends.
        """
        if self._timer is not None:
            self._timer.stop()
            self._timer.setParent(None)
            self._timer = None
        service, self.service = self.service, None
        if service is not None:
            try:
                service.close()
            except Exception:
                log.exception("closing the sync service failed")
        QThread.currentThread().quit()


class SyncController(QObject):
    """The GUI side: starts the thread, forwards requests, re-emits results on the GUI thread."""

    status_changed = Signal(object)
    report_ready = Signal(object)
    failed = Signal(str)
    #: The worker has closed its service (queue lock released) and its thread has ended.
    stopped = Signal()
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
        self._stop.connect(self._worker.stop)
        self._thread.finished.connect(self._finished)
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

    def stop(self) -> None:
        """Ask the worker to finish the batch in flight, close its service and end its thread.

        Returns at once; :attr:`stopped` tells when it is done. The GUI thread never waits here.
        """
        if not self._thread.isRunning():
            self._finished()
            return
        service = self._worker.service
        if service is not None:
            service.request_stop()  # thread-safe: ends the pass between two batches
        self._stop.emit()

    def shutdown(self, deadline_ms: int = SHUTDOWN_DEADLINE_MS) -> bool:
        """At exit (the window is already hidden): stop, and wait at most ``deadline_ms``.

        Returns False when the worker is still busy after the deadline (a request hanging on a
        slow server); the entry stays queued and is sent at the next start.
        """
        self.stop()
        done = self._thread.wait(deadline_ms)
        if not done:
            log.warning("the sync worker did not stop within %d ms", deadline_ms)
        return done

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot()
    def _finished(self) -> None:
        self.service = None
        self.stopped.emit()
