"""What can go wrong talking to the DOR, sorted by what the drainer must do about it.

Every transport (the HTTP client, or an operator's own interface) raises only these, so the
drainer decides from the class alone: retry the whole batch later (:class:`Unreachable`,
:class:`ServerBusy`, :class:`ServerFailed`, :class:`BadResponse`, :class:`AuthRejected`), or treat
one message as refused (:class:`RequestRefused`). Each message is one line a clerk can read.
"""

from __future__ import annotations

from dor_desktop.errors import UserError


class TransportError(Exception):
    """The exchange with the DOR did not produce a usable answer."""


class Unreachable(TransportError):
    """No answer: connection refused, timed out, or dropped (possibly after the server committed)."""


class ServerBusy(TransportError):
    """429 or 503: the server asks us to come back later, perhaps saying when (Retry-After)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServerFailed(TransportError):
    """A 5xx or an HTTP status the contract does not list: a server-side problem."""


class BadResponse(TransportError):
    """The server answered, but not with what the contract promises (garbage, wrong shape)."""


class AuthRejected(TransportError):
    """The client credentials are refused: nothing will work until someone fixes them."""


class RequestRefused(TransportError):
    """A 4xx about this request itself (400, 404, 409, 413, 422): re-sending it unchanged won't help."""

    def __init__(self, message: str, status: int, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class SyncBusy(UserError):
    """Another process owns the sync queue of this register."""

    exit_code = 5
