"""Opening the shop's data folder: settings, practice or legal register, schema, rules.

The command line, the window and the sync worker all start here, so they agree on where the data
is, which register is in use, which schema it has (migrated after a backup) and which rules apply.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from dor_desktop.config.files import private_folder, read_json_file
from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import Settings, configured_dor_url, load
from dor_desktop.domain.rules import load_pack
from dor_desktop.domain.urls import dor_url_problem
from dor_desktop.errors import UserError
from dor_desktop.services import accounts
from dor_desktop.services.access import os_owner
from dor_desktop.services.context import AppContext, endpoint_for, register_context
from dor_desktop.storage import encryption, migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.keys import (
    ENV_DB_KEY,
    DbKey,
    FileState,
    environment_key,
    file_state,
    load_key,
    store_key,
)
from dor_desktop.storage.migrate import Progress
from dor_desktop.storage.register import Register

log = logging.getLogger(__name__)
#: ``dor-desktop --as NAME``: the account (name, PIN) the command line acts as instead of the OS
#: account's owner; set once per process by the command line, before any command opens the register.
_acting_as: tuple[str, str] | None = None


def act_as(name: str | None, pin: str = "") -> None:
    """Make every later :func:`open_app` (not at the counter) log in as the account ``name``
    (None: act as the OS account's owner again)."""
    global _acting_as
    _acting_as = (name, pin) if name else None


def open_app(
    paths: Paths | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    on_settings: Callable[[Settings], None] | None = None,
    at_counter: bool = False,
    read_only: bool = False,
    on_recovery_key: Callable[[str], None] | None = None,
) -> AppContext:
    """Open (and if needed create and migrate) the register the settings call for.

    With no real DOR configured (settings or ``DOR_DESKTOP_DOR_URL``) that is the practice
    register; otherwise the legal one. ``progress`` hears about a backup or migration, which on a
    large register takes a while; ``on_settings`` hears the settings before that (the window
    shows its progress in the shop's language). The context acts as the owner of the OS account
    (the command line, ``cli:<user>``), or, ``at_counter`` (the window), as nobody until a clerk
    logs in.

    ``read_only`` (inspection: verify, export) opens the register without ever writing to the data
    folder when that folder cannot be written (a copy on read-only media), so inspection works
    there; a register that still needs a migration is then refused. In the shop's own, writable
    folder the register opens as usual, so an export is recorded in the audit log.

    ``on_recovery_key`` is told the recovery key
    when this start made the register's key (a new register, or an old plain one encrypted now):
    the one time it is shown. Without it the key is printed on stderr (the command line).
    """
    paths = paths or Paths.from_environment()
    settings = load(paths.settings)
    if on_settings is not None:
        on_settings(settings)
    paths = register_paths(paths, settings, environ, adopt_0_1=not read_only)
    rules = load_pack(settings.rule_pack, paths.rulepacks, read_json_file)
    db = _inspection_copy(paths, environ) if read_only else None
    if db is None:
        key = register_key(paths, environ, on_recovery_key or print_recovery_key)
        db = Database(paths.database, key)
    try:
        if not db.read_only:
            migrate.upgrade(db, paths.backups, progress)
    except Exception:
        db.close()
        raise
    register = Register(db, register_context(settings, rules, endpoint_for(paths.practice)))
    app = AppContext(paths, settings, rules, db, register, None if at_counter else os_owner())
    if _acting_as is not None and not at_counter:
        try:
            accounts.login(app, *_acting_as)
        except Exception:
            app.close()
            raise
    return app


def register_paths(
    paths: Paths, settings: Settings, environ: Mapping[str, str] | None, *, adopt_0_1: bool = True
) -> Paths:
    """``paths`` in the mode the settings call for: practice without a DOR, else the legal register."""
    url = configured_dor_url(settings, environ)
    problem = dor_url_problem(url) if url else None
    if problem:  # the environment's URL is not checked by the settings file's validation
        raise UserError(f"the configured DOR address cannot be used: {problem}")
    practice = not url
    if practice and adopt_0_1:
        _adopt_practice_data_from_0_1(paths)
    return paths.in_mode(practice)


def register_key(
    paths: Paths, environ: Mapping[str, str] | None, on_recovery_key: Callable[[str], None]
) -> DbKey:
    """The key of the register in ``paths``: made for a new register, or to encrypt a plain one.

    ``DOR_DESKTOP_DB_KEY`` wins and is never stored; otherwise the OS keyring holds the key. An
    encrypted register without its key is refused, never replaced: a new key would orphan it.
    """
    database = paths.database
    given = environment_key(environ)
    with encryption.key_lock(database):
        state = file_state(database)
        if state is FileState.UNREADABLE:
            encryption.probe(database)  # raises the driver's own words: "unable to open database file"
        key = given or load_key(database)  # kept for a removed register: its backups still open
        if state is FileState.ENCRYPTED:
            if key is None:
                raise UserError(
                    f"the register {database} is encrypted and its key is not in this PC's keyring: "
                    f"restore it with 'dor-desktop restore BACKUP --recovery-key KEY', or set {ENV_DB_KEY}",
                    exit_code=3,
                )
            _check_key(database, key, given is not None)
            return key
        made = key is None
        key = key or DbKey.generate()
        if state is FileState.PLAIN:
            log.info("encrypting the plain register %s", database)
            encryption.encrypt_plain(database, key)
        else:
            encryption.create(database, key)
        encryption.encrypt_plain_backups(paths.backups, key)
        if given is None:
            store_key(database, key)
    if made and given is None:
        on_recovery_key(key.recovery_text())
    return key


def _check_key(database: Path, key: DbKey, from_environment: bool) -> None:
    if encryption.opens_with(database, key):
        return
    source = ENV_DB_KEY if from_environment else "the key in this PC's keyring"
    raise UserError(
        f"the register {database} cannot be opened with {source} (a wrong key, or a damaged file "
        "or not a register); it was left unchanged: restore a backup with "
        "'dor-desktop restore BACKUP --recovery-key KEY'",
        exit_code=3,
    )


def print_recovery_key(recovery: str) -> None:
    """The command line's way of showing the recovery key, the one time it exists on screen."""
    print(
        "dor-desktop: the register is encrypted with a new key, kept in this PC's keyring.\n"
        "RECOVERY KEY (write it down or print it, and keep it away from this PC; it is shown only now):\n\n"
        f"    {recovery}\n\n"
        "With a backup ('dor-desktop backup --out FILE') and this key, "
        "'dor-desktop restore FILE' brings the register back on another PC.",
        file=sys.stderr,
    )


def _inspection_copy(paths: Paths, environ: Mapping[str, str] | None) -> Database | None:
    """The register opened read-only when its folder cannot be written, else ``None``.

    ``None`` (open it as usual, creating or migrating it) wherever the program may write. On a
    read-only folder a missing register, or one of an older schema, is a clear error instead.
    """
    existing = next(f for f in (paths.register_home, *paths.register_home.parents) if f.exists())
    if os.access(existing, os.W_OK):
        return None
    if not paths.database.exists():
        raise UserError(f"there is no register at {paths.database}", exit_code=3)
    key = environment_key(environ) or load_key(paths.database)
    if key is None and file_state(paths.database) is FileState.ENCRYPTED:
        raise UserError(
            f"the register {paths.database} is encrypted and its key is not in this PC's keyring; "
            f"set {ENV_DB_KEY} to read this copy",
            exit_code=3,
        )
    db = Database(paths.database, key, read_only=True)
    try:
        if migrate.at_head(db):
            return db
    except BaseException:
        db.close()
        raise
    db.close()
    raise UserError(
        f"the register {paths.database} has an older schema and this folder is read-only; "
        "copy the folder somewhere writable and run the command there",
        exit_code=3,
    )


def _adopt_practice_data_from_0_1(paths: Paths) -> None:
    """Version 0.1 kept the register it synced to the sandbox in the data folder itself.

    A 0.1 data folder that is still in practice mode and holds 0.1's sandbox state has sent its
    register to that sandbox: the register is practice data. It moves, untouched, to the practice
    folder, and the legal register starts empty when the shop connects to the DOR. Without the
    sandbox state (a register that only ever talked to a DOR configured in the environment, say)
    nothing is moved.
    """
    legacy, practice = paths.in_mode(False), paths.in_mode(True)
    old_sandbox = paths.home / "sandbox"
    if not (legacy.database.exists() and old_sandbox.is_dir()) or practice.register_home.exists():
        return
    private_folder(practice.register_home)
    moves = [
        legacy.database,
        *(legacy.database.with_name(legacy.database.name + s) for s in ("-wal", "-shm")),
    ]
    moves += [legacy.drafts, legacy.images, legacy.backups]
    for source in moves:
        if source.exists():
            shutil.move(str(source), str(practice.register_home / source.name))
    if old_sandbox.exists():
        shutil.move(str(old_sandbox), str(paths.sandbox_database.parent))
    log.info("moved the 0.1 practice register to %s", practice.register_home)
