"""The sync use cases' vocabulary for the front ends: the service, its options and its reports.

The service itself (:class:`~dor_desktop.sync.service.SyncService`) is built by the composition root
(:mod:`dor_desktop.bootstrap.sync`); the command line and the window drive it through the names
collected here, so neither needs to know the sync package's inner layout.
"""

from __future__ import annotations

from dor_desktop.sync import credentials
from dor_desktop.sync.api import (
    CheckMatch,
    CheckOutcome,
    CheckResult,
    RejectedEntry,
    SyncFieldError,
    SyncReport,
    SyncStatus,
)
from dor_desktop.sync.credentials import DorAccess
from dor_desktop.sync.service import SyncOptions, SyncService
from dor_desktop.sync.transport import MAX_BATCH

__all__ = [
    "MAX_BATCH",
    "CheckMatch",
    "CheckOutcome",
    "CheckResult",
    "DorAccess",
    "RejectedEntry",
    "SyncFieldError",
    "SyncOptions",
    "SyncReport",
    "SyncService",
    "SyncStatus",
    "credentials",
]
