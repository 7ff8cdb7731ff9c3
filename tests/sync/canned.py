"""A real HTTP server on loopback that answers whatever a test tells it to: garbage on purpose.

The sandbox misbehaves in the ways a real DOR might (errors, drops, truncated JSON); this one
answers in ways only a broken or foreign server would (HTML, wrong shapes, wrong references),
which the client must turn into clear transport errors.
"""

from __future__ import annotations

import contextlib
import json
import ssl
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BufferedIOBase
from typing import Any
from urllib.parse import urlsplit

#: A route computed from the request body: ``body -> (status, JSON answer)``.
Responder = Callable[[bytes], tuple[int, Any]]
#: A route that writes the raw answer itself, status line included (see tests/sync/hostile.py);
#: it gets the connection's writer, an event set when the server shuts down, and the request body.
RawWriter = Callable[[BufferedIOBase, threading.Event, bytes], None]

TOKEN = {"access_token": "canned-token", "token_type": "Bearer", "expires_in": 3600}


class CannedServer:
    """``answer("POST", "/v1/registrations", 200, body)``; every request is counted by path."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[tuple[str, str], tuple[int, dict[str, str], bytes] | Responder] = {}
        self.raw_routes: dict[tuple[str, str], RawWriter] = {}
        self.stopping = threading.Event()
        self.requests: Counter[str] = Counter()
        self.answer("POST", "/oauth/token", 200, TOKEN)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        scheme = "https" if isinstance(self._server.socket, ssl.SSLSocket) else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}"

    def answer(
        self, method: str, path: str, status: int, body: Any = b"", headers: dict[str, str] | None = None
    ) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.raw_routes.pop((method, path), None)
        self.routes[(method, path)] = (status, headers or {"Content-Type": "application/json"}, raw)

    def respond(self, method: str, path: str, responder: Responder) -> None:
        self.raw_routes.pop((method, path), None)
        self.routes[(method, path)] = responder

    def raw(self, method: str, path: str, writer: RawWriter) -> None:
        """Answer ``method path`` with ``writer`` (until answer() or respond() replace it)."""
        self.raw_routes[(method, path)] = writer

    def __enter__(self) -> CannedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _handler_for(canned: CannedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received = self.rfile.read(length) if length else b""
            path = urlsplit(self.path).path
            canned.requests[path] += 1
            writer = canned.raw_routes.get((self.command, path))
            if writer is not None:
                # OSError: the client gave up and closed the connection, which is what it should do.
                with contextlib.suppress(OSError):
                    writer(self.wfile, canned.stopping, received)
                return
            route = canned.routes.get((self.command, path), (404, {"Content-Type": "text/plain"}, b"nothing"))
            if callable(route):
                status, answer = route(received)
                headers, body = {"Content-Type": "application/json"}, json.dumps(answer).encode()
            else:
                status, headers, body = route
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _reply

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

    return Handler
