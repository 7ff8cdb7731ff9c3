"""Changing the shop's settings: one path for ``config set`` and the window's settings dialog.

Both validate the same way (known keys, types, a rule pack that exists), store a new DOR secret in
the OS keyring *before* the settings name the client id it belongs to, and write the file
atomically. Whether the change moves the program between practice and the legal register is
reported, because that needs the register reopened (the window restarts its sync for it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from dor_desktop.config import settings as store
from dor_desktop.config.files import read_json_file
from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import Settings, configured_dor_url
from dor_desktop.domain.rules import RulePack, available_packs, load_pack
from dor_desktop.errors import UserError
from dor_desktop.services.access import Permission, require
from dor_desktop.services.audit import Action, record
from dor_desktop.services.context import AppContext
from dor_desktop.sync.credentials import store_secret


@dataclass(frozen=True)
class SettingsChange:
    """The outcome: the saved settings, their rule pack, and what else must follow."""

    old: Settings
    new: Settings
    rules: RulePack
    mode_changed: bool
    dor_changed: bool


def current(paths: Paths) -> Settings:
    return store.load(paths.settings)


def rule_packs(paths: Paths) -> dict[str, RulePack]:
    """The bundled packs and the shop's own, by id."""
    return available_packs(paths.rulepacks, read_json_file)


def set_value(paths: Paths, key: str, text: str, environ: Mapping[str, str] | None = None) -> SettingsChange:
    """``dor-desktop config set KEY VALUE``: one setting from text."""
    old = current(paths)
    return save(paths, old, store.with_value(old, key, text), environ=environ)


def save(
    paths: Paths,
    old: Settings,
    new: Settings,
    *,
    secret: str = "",
    environ: Mapping[str, str] | None = None,
) -> SettingsChange:
    """Validate and store ``new`` (and ``secret`` for its client id, when given)."""
    store.validated(new)
    rules = _rule_pack(paths, new.rule_pack)
    if secret:
        store_secret(new.dor_client_id, secret)
    store.save(paths.settings, new)
    was_practice = not configured_dor_url(old, environ)
    is_practice = not configured_dor_url(new, environ)
    dor_changed = (old.dor_url, old.dor_client_id) != (new.dor_url, new.dor_client_id) or bool(secret)
    return SettingsChange(old, new, rules, was_practice != is_practice, dor_changed)


def _rule_pack(paths: Paths, pack_id: str) -> RulePack:
    packs = rule_packs(paths)
    if pack_id not in packs:
        raise UserError(f"unknown rule pack {pack_id!r}; available: {', '.join(sorted(packs))}")
    return load_pack(pack_id, paths.rulepacks, read_json_file)


def change(
    app: AppContext, new: Settings, *, secret: str = "", environ: Mapping[str, str] | None = None
) -> SettingsChange:
    """:func:`save` by the context's actor (a manager or owner), recorded in the audit log.

    The log names the keys that changed, not their values.
    """
    require(app.actor, Permission.SETTINGS)
    old = current(app.paths)
    done = save(app.paths, old, new, secret=secret, environ=environ)
    changed = [f.name for f in fields(Settings) if getattr(old, f.name) != getattr(new, f.name)]
    record(app, Action.SETTINGS_CHANGE, "settings", ", ".join(changed + (["secret"] if secret else [])))
    return done


def change_value(app: AppContext, key: str, text: str) -> SettingsChange:
    """``dor-desktop config set KEY VALUE`` by the context's actor."""
    return change(app, store.with_value(current(app.paths), key, text))
