"""Raw answers of a hostile DOR, for :meth:`CannedServer.raw`: slow, endless, or enormous.

Each writer is a bounded loop: if the client under test does not give up, the answer still ends
(after far longer than any deadline in the tests), so a broken client fails its test instead of
hanging the suite. Pacing waits on the server's stop event, so shutting the server down ends
every trickle at once.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable
from functools import cache
from io import BufferedIOBase
from typing import Any

from tests.sync.canned import RawWriter

#: Between two bytes of a trickle; with the tests' per-read timeouts of a second or more, a read
#: never times out on its own: only a total deadline stops the exchange.
TRICKLE_INTERVAL = 0.05
#: A trickle ends after this many bytes (two minutes at the interval above).
TRICKLE_BYTES = 2400
#: An endless answer stops after this much (far beyond the tests' caps, far below a real problem).
ENDLESS_BYTES = 64 * 1024 * 1024


def _head(status: int = 200, **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} OK", "Content-Type: application/json", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _trickle(out: BufferedIOBase, stopping: threading.Event, data: bytes) -> None:
    for index in range(len(data)):
        if stopping.wait(TRICKLE_INTERVAL):
            return
        out.write(data[index : index + 1])
        out.flush()


def slow_headers() -> RawWriter:
    """A status line, then a header one byte at a time: the answer never gets to its body."""

    def write(out: BufferedIOBase, stopping: threading.Event, _body: bytes) -> None:
        out.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        out.flush()
        _trickle(out, stopping, b"a" * TRICKLE_BYTES)

    return write


def slow_body(answer: Callable[[bytes], Any]) -> RawWriter:
    """A valid JSON answer (``answer(request body)``), padded and sent one byte at a time."""

    def write(out: BufferedIOBase, stopping: threading.Event, body: bytes) -> None:
        document = json.dumps(answer(body)).encode()
        padded = b" " * max(TRICKLE_BYTES - len(document), 0) + document
        out.write(_head(Content_Length=str(len(padded))))
        out.flush()
        _trickle(out, stopping, padded)

    return write


def paced_answer(answer: Callable[[bytes], Any], pause: float) -> RawWriter:
    """A valid JSON answer after ``pause`` seconds: a DOR that is slow, but not too slow per request."""

    def write(out: BufferedIOBase, stopping: threading.Event, body: bytes) -> None:
        if stopping.wait(pause):
            return
        document = json.dumps(answer(body)).encode()
        out.write(_head(Content_Length=str(len(document))) + document)

    return write


def declared_huge() -> RawWriter:
    """Announces 1.5 GB, then waits: the client should refuse from the header alone."""

    def write(out: BufferedIOBase, stopping: threading.Event, _body: bytes) -> None:
        out.write(_head(Content_Length=str(1536 * 1024 * 1024)) + b"{")
        out.flush()
        stopping.wait(TRICKLE_INTERVAL * TRICKLE_BYTES)

    return write


def endless_body() -> RawWriter:
    """Chunked JSON whitespace without end (up to ENDLESS_BYTES): no length to refuse up front."""

    def write(out: BufferedIOBase, stopping: threading.Event, _body: bytes) -> None:
        out.write(_head(Transfer_Encoding="chunked"))
        chunk = b" " * 65536
        for _ in range(ENDLESS_BYTES // len(chunk)):
            if stopping.is_set():
                return
            out.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    return write


@cache
def _bomb() -> bytes:
    return gzip.compress(b" " * ENDLESS_BYTES, compresslevel=9)


def gzip_bomb() -> RawWriter:
    """A small compressed answer that inflates to ENDLESS_BYTES of whitespace."""

    def write(out: BufferedIOBase, _stopping: threading.Event, _body: bytes) -> None:
        packed = _bomb()
        out.write(_head(Content_Encoding="gzip", Content_Length=str(len(packed))) + packed)

    return write
