"""Total deadlines for talking to the DOR: one per request, one per sync pass.

httpx's timeouts limit each wait on the socket, not the exchange: a server that sends one byte
every few seconds never trips a 30-second read timeout and can hold a request (and the sync
worker, and ``sync --once``) forever. Here a deadline is set for a block of code
(:func:`deadline_after`) and every socket operation inside it waits at most until that moment;
when it has passed the next read, write or connect fails as a timeout. Nested blocks keep the
sooner deadline, so a request inside a sync pass ends with whichever runs out first.

The deadline is kept in a context variable, so it belongs to the thread (the sync worker, or the
window's check of a serial number) that set it. :class:`DeadlineBackend` is the httpcore network
backend that applies it; :class:`DeadlineTransport` is the httpx transport built on that backend.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

_deadline: ContextVar[float | None] = ContextVar("dor_deadline", default=None)


@contextmanager
def deadline_after(seconds: float | None) -> Iterator[None]:
    """Within the block, network waits end ``seconds`` from now (or sooner, if an outer block says so).

    ``None`` sets no deadline of its own (an outer one still applies).
    """
    outer = _deadline.get()
    mine = None if seconds is None else time.monotonic() + seconds
    if mine is None or (outer is not None and outer < mine):
        mine = outer
    token = _deadline.set(mine)
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the current deadline (negative once it passed); None without one."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def expired() -> bool:
    left = remaining()
    return left is not None and left <= 0


def _bounded(timeout: float | None, error: type[Exception]) -> float | None:
    """The socket timeout for one operation: the caller's, shortened to what the deadline leaves."""
    left = remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the total time allowed for this exchange with the DOR has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends at the deadline current when it is called."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None):
        secured = self._inner.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(secured)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own blocking sockets, with the deadline applied to every wait."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport with :class:`DeadlineBackend` under its connection pool.

    httpx takes no network backend, so the pool it builds is replaced by an equal one that uses
    ours; the check below fails loudly if a new httpx stops keeping its pool where we look.
    A proxy from the environment gets httpx's own transport, without the total deadline (the
    per-read timeouts still apply there).
    """

    def __init__(self, *, verify: bool = True) -> None:
        super().__init__(verify=verify)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError(
                "this httpx version keeps its connection pool elsewhere; update DeadlineTransport"
            )
        limits = httpx.Limits()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=DeadlineBackend(),
        )
