"""What an opened data folder gives every use case: paths, settings, rules, the register.

Built only by :func:`dor_desktop.bootstrap.app.open_app`; the services and the front ends receive
it finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import Settings
from dor_desktop.domain.rules import RulePack
from dor_desktop.services.access import Actor
from dor_desktop.storage.db import Database
from dor_desktop.storage.register import Register, RegisterContext

#: The outbox's names for the two DORs a message can be for. The practice sandbox moves to a new
#: port every start; the real DOR is one register whatever its address (a corrected or moved
#: address must not strand the messages made before), so neither is named by its URL.
PRACTICE_ENDPOINT = "practice-sandbox"
REAL_ENDPOINT = "dor"


def endpoint_for(practice: bool) -> str:
    return PRACTICE_ENDPOINT if practice else REAL_ENDPOINT


@dataclass
class AppContext:
    """One opened register: the practice one when ``paths`` are in practice mode.

    A context manager, so a command opens and closes it in one ``with`` statement.
    """

    paths: Paths
    settings: Settings
    rules: RulePack
    db: Database
    register: Register
    #: Who acts (services.access): the command line's OS owner, or the clerk logged in at the
    #: window; None while the window is locked or nobody has logged in yet.
    actor: Actor | None = None

    @property
    def practice(self) -> bool:
        return self.paths.practice

    @property
    def dor_endpoint(self) -> str:
        """The DOR this register's messages are for (recorded on every outbox row)."""
        return endpoint_for(self.practice)

    def use_settings(self, settings: Settings, rules: RulePack) -> None:
        """Apply changed settings that need no restart (shop name, prefix, rule pack ...)."""
        self.settings, self.rules = settings, rules
        self.register = Register(self.db, register_context(settings, rules, self.dor_endpoint))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> AppContext:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def register_context(settings: Settings, rules: RulePack, dor_endpoint: str) -> RegisterContext:
    return RegisterContext(settings.shop_id, settings.counter_prefix, rules, dor_endpoint)
