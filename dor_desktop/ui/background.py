"""Background work for the window: named single-thread lanes and a small operation builder.

Why: the GUI thread must never wait on disk, OCR or the network (a frozen window at the counter
loses the clerk's trust and, worse, keystrokes). Every view starts its work the same way::

    Op(lanes.db, register.commit_purchase, purchase).on_success(show).on_failure(explain).start(self)

The function runs on the lane's one thread; the callbacks run later on the GUI thread, and only
while ``owner`` (the widget that asked) still exists. One thread per lane keeps the order of
writes the order of clicks, and a slow lane (OCR, network) never holds up another (the register).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a lane thread is queued to it."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run)

    @Slot(object)
    def _run(self, thunk: Callable[[], None]) -> None:
        try:
            thunk()
        except Exception:
            log.exception("a background callback failed")


_relay: _Relay | None = None


def _gui_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
    return _relay


class Lane:
    """One named worker thread. Jobs run one after another, in the order they were started."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"dor-{name}")
        self._busy = 0
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future:
        """Queue ``fn``; raises RuntimeError once the lane was shut down (the window is closing)."""
        with self._lock:
            self._busy += 1
        try:
            future = self._pool.submit(fn, *args, **kwargs)
        except RuntimeError:
            with self._lock:
                self._busy -= 1
            raise
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _future: Future) -> None:
        with self._lock:
            self._busy -= 1

    @property
    def idle(self) -> bool:
        with self._lock:
            return self._busy == 0

    def shutdown(self) -> None:
        """Finish every started job (a commit in flight must complete), then stop the thread."""
        self._pool.shutdown(wait=True)


class Lanes:
    """The window's lanes: the register database, files (drafts, images), OCR and serial checks."""

    def __init__(self) -> None:
        self.db = Lane("db")
        self.files = Lane("files")
        self.ocr = Lane("ocr")
        self.network = Lane("network")

    @property
    def all(self) -> tuple[Lane, ...]:
        return (self.db, self.files, self.ocr, self.network)

    @property
    def idle(self) -> bool:
        return all(lane.idle for lane in self.all)

    def shutdown(self) -> None:
        for lane in self.all:
            lane.shutdown()


class Op:
    """A background operation: what to run, and what to do with its result on the GUI thread."""

    def __init__(self, lane: Lane, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._lane = lane
        self._call = (fn, args, kwargs)
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def on_success(self, callback: Callable[[Any], None]) -> Op:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def start(self, owner: QObject | None = None) -> Future | None:
        """Run on the lane; callbacks are dropped when ``owner`` has been deleted meanwhile.

        Returns None (and runs nothing) when the lane has already shut down: the window is closing.
        """
        relay = _gui_relay()
        fn, args, kwargs = self._call
        try:
            future = self._lane.submit(fn, *args, **kwargs)
        except RuntimeError:
            log.warning("%s lane closed; %s not started", self._lane.name, getattr(fn, "__name__", fn))
            return None

        def done(finished: Future) -> None:
            relay.deliver.emit(lambda: self._deliver(finished, owner))

        future.add_done_callback(done)
        return future

    def _deliver(self, future: Future, owner: QObject | None) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        error = future.exception()
        if error is None:
            if self._success is not None:
                self._success(future.result())
            return
        if self._failure is not None:
            self._failure(error)
        else:
            log.error("background operation failed", exc_info=error)
