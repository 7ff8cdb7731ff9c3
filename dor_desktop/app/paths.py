"""Where the shop's data lives: the platform's user data folder, or ``DOR_DESKTOP_HOME``.

The override exists for tests and for several shops on one machine, each with its own folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

HOME_VARIABLE = "DOR_DESKTOP_HOME"


@dataclass(frozen=True)
class Paths:
    home: Path

    @classmethod
    def from_environment(cls) -> Paths:
        override = os.environ.get(HOME_VARIABLE, "").strip()
        home = Path(override) if override else Path(user_data_dir("DOR Desktop", appauthor=False))
        return cls(home.expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.home / "register.sqlite3"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def rulepacks(self) -> Path:
        return self.home / "rulepacks"

    @property
    def images(self) -> Path:
        return self.home / "images"

    @property
    def drafts(self) -> Path:
        return self.home / "drafts"

    @property
    def sandbox_database(self) -> Path:
        return self.home / "sandbox" / "sandbox.sqlite3"
