"""A uvicorn HTTP protocol that lets the app cut its own connection (the "lost acknowledgement").

ASGI has no way to close a connection without answering: an app that returns without a response
gets a 500 from the server. The fault "drop after commit" must instead look to the client exactly
like a network failure after the server did the work. This protocol puts an ``abort`` callable in
the request scope's extensions; calling it closes the socket at once, so the client sees the
connection end without any response bytes (httpx: ``RemoteProtocolError``).
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

#: ``scope["extensions"][ABORT_EXTENSION]["abort"]()`` closes the connection without a response.
ABORT_EXTENSION = "dor_sandbox.abort"


class AbortableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol plus the abort extension; everything else is unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        inner_app = self.app

        async def app_with_abort(scope: Any, receive: Any, send: Any) -> None:
            scope.setdefault("extensions", {})[ABORT_EXTENSION] = {"abort": self._abort_connection}
            await inner_app(scope, receive, send)

        self.app = app_with_abort

    def _abort_connection(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.abort()
