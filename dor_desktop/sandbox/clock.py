"""Wall-clock helpers: the contract wants RFC 3339 times with an offset, always UTC here."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now_rfc3339() -> str:
    """Current UTC time such as ``2025-03-01T12:00:00.123+00:00``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def now_epoch() -> float:
    """Seconds since the epoch, for token expiry (a monotonic clock would not survive a restart)."""
    return time.time()
