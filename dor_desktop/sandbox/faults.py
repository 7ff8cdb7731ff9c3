"""Deliberate misbehaviour, switched on through the admin API, for testing clients.

Two families, so tests can predict exactly which request is hit:

- per request (``http-500``, ``http-429``, ``http-503``, ``slow``): the next N requests whose path
  starts with the fault's ``path`` get the error answer without reaching the API (nothing is
  stored), or, for ``slow``, are handled at once but answered only ``delay`` seconds later (a
  client that gives up first has lost the acknowledgement of stored data);
- after the API (``drop-after-commit``, ``malformed-json``): the request is handled and committed,
  and of the next N such requests the API answered with 2xx, the connection is cut before any
  response byte is sent, or the body is replaced by truncated JSON. Both are the lost
  acknowledgement: the server has the data, the client cannot know it.

``count`` None means "until reset". Admin paths are never affected.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

from dor_desktop.sandbox.problems import problem_response
from dor_desktop.sandbox.protocol import ABORT_EXTENSION

PER_REQUEST_KINDS = ("http-500", "http-429", "http-503", "slow")
AFTER_COMMIT_KINDS = ("drop-after-commit", "malformed-json")
FAULT_KINDS = AFTER_COMMIT_KINDS + PER_REQUEST_KINDS
DEFAULT_FAULT_PATH = "/v1/registrations"
ADMIN_PREFIX = "/_admin"


@dataclass
class Fault:
    fault_id: int
    kind: str
    remaining: int | None
    path: str
    retry_after: int
    delay: float
    applied: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultBoard:
    """The active faults, oldest first; the first one matching a request is the one applied."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)
        self._applied: Counter[str] = Counter()

    def add(
        self,
        kind: str,
        *,
        count: int | None = 1,
        path: str = DEFAULT_FAULT_PATH,
        retry_after: int = 1,
        delay: float = 1.0,
    ) -> Fault:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
        fault = Fault(next(self._ids), kind, count, path, retry_after, delay)
        with self._lock:
            self._faults.append(fault)
        return fault

    def reset(self) -> int:
        with self._lock:
            removed = len(self._faults)
            self._faults.clear()
        return removed

    def active(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.as_dict() for fault in self._faults]

    def applied(self) -> dict[str, int]:
        with self._lock:
            return dict(self._applied)

    def take(self, path: str, kinds: tuple[str, ...]) -> Fault | None:
        """Consume one use of the first active fault of ``kinds`` matching ``path``."""
        with self._lock:
            for fault in self._faults:
                if fault.kind in kinds and path.startswith(fault.path):
                    fault.applied += 1
                    self._applied[fault.kind] += 1
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def armed(self, path: str, kinds: tuple[str, ...]) -> bool:
        with self._lock:
            return any(fault.kind in kinds and path.startswith(fault.path) for fault in self._faults)


class _CapturedResponse:
    """A response the app produced, held back so a fault can decide what the client gets."""

    def __init__(self) -> None:
        self.start: dict[str, Any] = {}
        self.body = bytearray()

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self.body.extend(message.get("body", b""))

    @property
    def status(self) -> int:
        return int(self.start.get("status", 500))

    async def replay(self, send: Any, body: bytes | None = None) -> None:
        body = bytes(self.body) if body is None else body
        headers = [(k, v) for k, v in self.start.get("headers", []) if k.lower() != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode("ascii")))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class ConnectionDropped(Exception):
    """Raised to make a server without the abort extension close the connection mid-response."""


class FaultMiddleware:
    """ASGI middleware applying the :class:`FaultBoard` to every non-admin HTTP request."""

    def __init__(self, app: Any, board: FaultBoard) -> None:
        self.app = app
        self.board = board

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"].startswith(ADMIN_PREFIX):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        per_request = self.board.take(path, PER_REQUEST_KINDS)
        if per_request is not None and per_request.kind != "slow":
            await _error_response(per_request)(scope, receive, send)
            return
        if per_request is None and not self.board.armed(path, AFTER_COMMIT_KINDS):
            await self.app(scope, receive, send)
            return
        captured = _CapturedResponse()
        await self.app(scope, receive, captured.send)
        if per_request is not None:
            await asyncio.sleep(per_request.delay)
        fault = self.board.take(path, AFTER_COMMIT_KINDS) if 200 <= captured.status < 300 else None
        if fault is None:
            await captured.replay(send)
        elif fault.kind == "malformed-json":
            await captured.replay(send, body=_truncated(bytes(captured.body)))
        else:
            await _drop_connection(scope, send, captured)


def _error_response(fault: Fault) -> Any:
    if fault.kind == "http-500":
        return problem_response(500, "injected_server_error", "the sandbox was told to fail this request")
    status = 429 if fault.kind == "http-429" else 503
    code = "rate_limited" if status == 429 else "unavailable"
    return problem_response(
        status,
        code,
        f"the sandbox was told to refuse this request; retry after {fault.retry_after} s",
        headers={"Retry-After": str(fault.retry_after)},
    )


def _truncated(body: bytes) -> bytes:
    """A strict prefix of a JSON object is never valid JSON; an empty body becomes ``{``."""
    return body[: len(body) // 2] or b"{"


async def _drop_connection(scope: Any, send: Any, captured: _CapturedResponse) -> None:
    abort = scope.get("extensions", {}).get(ABORT_EXTENSION, {}).get("abort")
    if abort is not None:
        abort()
        # Let the transport report the closed connection before the app returns, so the server
        # does not try to answer on its own.
        await asyncio.sleep(0)
        return
    headers = [(k, v) for k, v in captured.start.get("headers", []) if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(captured.body) + 1).encode("ascii")))
    await send({"type": "http.response.start", "status": captured.status, "headers": headers})
    raise ConnectionDropped("connection dropped on purpose after the request was committed")
