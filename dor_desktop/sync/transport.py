"""The adapter boundary between the sync layer and whatever carries messages to the DOR.

The drainer, the notification poller and the pre-purchase check only use this Protocol, so the
operator's own interface can replace the contract's HTTP API (:mod:`dor_desktop.sync.http_client`)
without touching them. An implementation raises only :mod:`dor_desktop.sync.errors` exceptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from dor_desktop.storage.anchor import AcknowledgedHead
from dor_desktop.sync.wire import Hit, NotificationPage, RegistrationResult, ServerStatus

#: The contract's maximum number of registrations in one submission.
MAX_BATCH = 500


class DorTransport(Protocol):
    """One connection to the DOR, used from one sync owner (its methods may block on the network)."""

    @property
    def endpoint(self) -> str:
        """Where the messages go (a URL), for status lines and error messages."""
        ...

    def submit_registrations(self, registrations: Sequence[str]) -> list[RegistrationResult]:
        """Send 1..MAX_BATCH registrations, each the frozen contract JSON text exactly as committed.

        Returns one result per registration (the server's order); raises a TransportError when
        the batch as a whole got no usable answer, in which case nothing may be assumed stored.
        """
        ...

    def post_event(self, dor_id: str, idempotency_key: str, event: dict) -> str:
        """Record an event (void, sale...) on a registration the DOR holds; returns its event_id."""
        ...

    def fetch_notifications(self, after: str | None, limit: int = 100) -> NotificationPage:
        """Late hits and withdrawn hits after the cursor ``after`` (None: from the beginning)."""
        ...

    def check_serial(self, serial: str, category: str | None = None) -> list[Hit]:
        """Stolen-goods matches for a serial, IMEI or frame number (empty: nothing known)."""
        ...

    def fetch_chain_head(self, counter: str) -> AcknowledgedHead:
        """(Contract 1.1) The highest chain position of ``counter`` the DOR acknowledged (for verify)."""
        ...

    def status(self) -> ServerStatus:
        """Liveness and the server's clock."""
        ...

    def close(self) -> None: ...
