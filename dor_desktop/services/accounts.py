"""The clerks' accounts: the first owner, logging in, and the owner's management of accounts.

A PIN or password is kept only as an argon2id hash. A one-person shop runs with its owner
account alone: the window asks for it at the first start of a register without accounts, and the
command line needs none (it acts as the OS account's owner, :func:`services.access.os_owner`).
Accounts are never deleted, only deactivated, because the audit log names them.
"""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dor_desktop.errors import UserError
from dor_desktop.services.access import Actor, NotPermitted, Permission, Role, require
from dor_desktop.services.audit import Action, record
from dor_desktop.services.context import AppContext
from dor_desktop.storage import accounts as _accounts
from dor_desktop.storage.accounts import AccountView

__all__ = [
    "MIN_SECRET",
    "AccountView",
    "add",
    "create_first_owner",
    "deactivate",
    "list_accounts",
    "login",
    "needs_first_owner",
    "reset_pin",
    "set_role",
]

#: The shortest PIN or password accepted.
MIN_SECRET = 4
_HASHER = PasswordHasher()


def _clean_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).strip()
    if not name or len(name) > 64:
        raise UserError(
            "an account name is required (at most 64 characters, the contract's limit for the clerk)"
        )
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise UserError("an account name cannot hold control characters")
    if name.lower().startswith("cli:") or name == "-":
        raise UserError(f"{name!r} is reserved")
    return name


def _hash(secret: str) -> str:
    if len(secret) < MIN_SECRET:
        raise UserError(f"a PIN or password needs at least {MIN_SECRET} characters")
    return _HASHER.hash(secret)


def _role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise UserError(f"unknown role {text!r}; roles: {', '.join(Role)}") from None


def needs_first_owner(app: AppContext) -> bool:
    """True while the register has no active account: the window then asks for the owner's."""
    return _accounts.count_active(app.db) == 0


def create_first_owner(app: AppContext, name: str, secret: str) -> Actor:
    """The owner account of a register without accounts; it is logged in at once."""
    if not needs_first_owner(app):
        raise NotPermitted("the register already has accounts: the owner adds new ones")
    view = _accounts.add(app.db, _clean_name(name), Role.OWNER, _hash(secret))
    app.actor = Actor(view.name, Role.OWNER, view.id)
    record(app, Action.ACCOUNT_ADD, view.name, "owner (first start)")
    return app.actor


def login(app: AppContext, name: str, secret: str) -> Actor:
    """Check the name and PIN; the account becomes the context's actor. Failures are recorded too."""
    app.actor = None  # a login starts from nobody: a failed one leaves the window locked
    name = unicodedata.normalize("NFKC", name).strip()  # as the name was stored
    found = _accounts.credentials(app.db, name)
    if found is None or not found[0].active or not _matches(found[1], secret):
        record(app, Action.LOGIN_FAILED, name[:64], "")
        raise NotPermitted("wrong name or PIN")
    view = found[0]
    app.actor = Actor(view.name, Role(view.role), view.id)
    record(app, Action.LOGIN, view.name, "")
    return app.actor


def _matches(secret_hash: str, secret: str) -> bool:
    try:
        return _HASHER.verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def list_accounts(app: AppContext) -> list[AccountView]:
    require(app.actor, Permission.ACCOUNTS)
    return _accounts.list_accounts(app.db)


def add(app: AppContext, name: str, role: str, secret: str) -> AccountView:
    require(app.actor, Permission.ACCOUNTS)
    view = _accounts.add(app.db, _clean_name(name), _role(role), _hash(secret))
    record(app, Action.ACCOUNT_ADD, view.name, view.role)
    return view


def set_role(app: AppContext, name: str, role: str) -> AccountView:
    require(app.actor, Permission.ACCOUNTS)
    view = _accounts.change(app.db, name, role=_role(role))
    record(app, Action.ACCOUNT_ROLE, view.name, view.role)
    return view


def reset_pin(app: AppContext, name: str, secret: str) -> AccountView:
    require(app.actor, Permission.ACCOUNTS)
    view = _accounts.change(app.db, name, secret_hash=_hash(secret))
    record(app, Action.ACCOUNT_PIN, view.name, "")
    return view


def deactivate(app: AppContext, name: str) -> AccountView:
    """The account can no longer log in; it stays, because the audit log names it."""
    require(app.actor, Permission.ACCOUNTS)
    view = _accounts.change(app.db, name, active=False)
    record(app, Action.ACCOUNT_DEACTIVATE, view.name, "")
    return view
