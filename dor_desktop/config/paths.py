"""Where the shop's data lives: the platform's user data folder, or ``DOR_DESKTOP_HOME``.

The override exists for tests and for several shops on one machine, each with its own folder.

Practice mode keeps everything it makes (its register, outbox, drafts, ID copies, the sandbox's
state) in ``<data folder>/practice/``, so nothing made while trying the app can end up in the
legal register. Settings, logs and rule packs belong to the shop and are shared by both modes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_data_dir

HOME_VARIABLE = "DOR_DESKTOP_HOME"
PRACTICE_FOLDER = "practice"


@dataclass(frozen=True)
class Paths:
    home: Path
    practice: bool = False

    @classmethod
    def from_environment(cls) -> Paths:
        override = os.environ.get(HOME_VARIABLE, "").strip()
        home = Path(override) if override else Path(user_data_dir("DOR Desktop", appauthor=False))
        return cls(home.expanduser().resolve())

    def in_mode(self, practice: bool) -> Paths:
        """The same data folder, with the register files of practice or of the legal register."""
        return replace(self, practice=practice)

    @property
    def register_home(self) -> Path:
        """The folder of the register in use: the data folder itself, or its practice folder."""
        return self.home / PRACTICE_FOLDER if self.practice else self.home

    @property
    def database(self) -> Path:
        return self.register_home / "register.sqlite3"

    @property
    def backups(self) -> Path:
        return self.register_home / "backups"

    @property
    def images(self) -> Path:
        return self.register_home / "images"

    @property
    def drafts(self) -> Path:
        return self.register_home / "drafts"

    @property
    def sandbox_database(self) -> Path:
        """The bundled sandbox's state: always practice data."""
        return self.home / PRACTICE_FOLDER / "sandbox" / "sandbox.sqlite3"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def rulepacks(self) -> Path:
        return self.home / "rulepacks"
