"""How long to wait before trying the DOR again: exponential, jittered, and never before Retry-After.

Jitter matters because every shop's client loses the connection at the same moment when the DOR
goes down; without it they would all come back in the same second and knock it over again. The
random source is injectable so tests get exact delays without sleeping.
"""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass
class Backoff:
    """Delays after consecutive failures: ``base * 2**(n-1)`` capped, drawn in its upper half.

    Equal jitter (half fixed, half random) keeps a minimum pause while still spreading clients.
    A server's Retry-After wins (it knows its load): we wait that long plus at most a tenth more
    (one second at most), so clients told the same moment do not all return on the same tick.
    """

    base: float = 1.0
    cap: float = 300.0
    random: Callable[[], float] = field(default=_random.random)

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (``failures >= 1``)."""
        if retry_after is not None:
            return retry_after + self.random() * min(1.0, retry_after / 10)
        ceiling = min(self.cap, self.base * 2 ** max(failures - 1, 0))
        return ceiling / 2 + self.random() * ceiling / 2


class RetryGate:
    """Whether the DOR may be tried now, after how many failures in a row, and from when again.

    Shared by the drainer and the notification poller: when the server is down it is down for
    both, and one Retry-After holds for every request. Kept in memory: a restarted process tries
    at once, which is what a clerk restarting the app expects.
    """

    def __init__(self, backoff: Backoff, clock: Callable[[], datetime]) -> None:
        self.backoff = backoff
        self.clock = clock
        self.failures = 0
        self.retry_at: datetime | None = None
        self._server_asked = False

    def ready(self) -> bool:
        return self.retry_at is None or self.clock() >= self.retry_at

    def failed(self, retry_after: float | None = None) -> datetime:
        """Note one more failure; returns when to try again."""
        self.failures += 1
        self._server_asked = retry_after is not None
        self.retry_at = self.clock() + timedelta(seconds=self.backoff.delay(self.failures, retry_after))
        return self.retry_at

    def succeeded(self) -> None:
        self.failures, self.retry_at, self._server_asked = 0, None, False

    def skip_wait(self) -> None:
        """ "Sync now": try at once, unless the server itself asked us to wait (Retry-After)."""
        if not self._server_asked:
            self.retry_at = None
