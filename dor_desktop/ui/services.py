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

    # Transitional: the start-up purge in ui/main_window.py and tests/ui/test_settings.py still
    # reach the register file through these. Views call the services with ``context`` instead;
    # remove both once those two callers do. (Untyped on purpose: naming their types would import
    # storage into ui/.)
    @property
    def db(self):
        return self.context.db

    @property
    def register(self):
        return self.context.register
