"""The composition root: opens the shop's data folder and wires settings, rules and storage.

The command line, the window and the sync worker all start here, so they agree on where the data
is, which schema it has (migrated after a backup) and which rules apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from dor_desktop.app.paths import Paths
from dor_desktop.app.settings import Settings, load
from dor_desktop.domain.rules import RulePack, load_pack
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.register import Register, RegisterContext


@dataclass
class AppContext:
    paths: Paths
    settings: Settings
    rules: RulePack
    db: Database
    register: Register

    def close(self) -> None:
        self.db.close()


def open_app(paths: Paths | None = None) -> AppContext:
    """Open (and if needed create and migrate) the register in the data folder."""
    paths = paths or Paths.from_environment()
    settings = load(paths.settings)
    rules = load_pack(settings.rule_pack, paths.rulepacks)
    db = Database(paths.database)
    try:
        migrate.upgrade(db, paths.backups)
    except Exception:
        db.close()
        raise
    context = RegisterContext(settings.shop_id, settings.counter_prefix, rules)
    return AppContext(paths, settings, rules, db, Register(db, context))
