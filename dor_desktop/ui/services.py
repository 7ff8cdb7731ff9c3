"""What every view of the window needs, in one object handed down from the main window.

Keeps the views free of globals: a test builds the same object around a temporary data folder
and a sandbox, and the views cannot tell the difference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import Settings
from dor_desktop.domain.clock import utc_now
from dor_desktop.services.context import AppContext
from dor_desktop.services.drafts import DraftStore
from dor_desktop.ui.background import Lanes
from dor_desktop.ui.sync_worker import SyncController


@dataclass
class Services:
    context: AppContext
    lanes: Lanes
    drafts: DraftStore
    sync: SyncController | None = None
    clock: Callable[[], datetime] = field(default=utc_now)

    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def paths(self) -> Paths:
        return self.context.paths
