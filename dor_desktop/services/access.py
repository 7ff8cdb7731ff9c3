"""Who is acting, and what each role may do: the one place both front ends are refused.

Three roles, each with everything of the one before:

- **clerk**: register purchases, scan documents, check goods, look up the register;
- **manager**: corrections, voids, sales, the police release, exports, settings;
- **owner**: accounts, keys, retention (the purge of personal data) and the audit log.

The window's actor is the clerk who logged in; the command line acts as the owner of the OS
account that runs it (:func:`os_owner`): whoever holds that account holds the register's file and
key anyway, and the audit log records it as ``cli:<os user>``. A refusal is one line, the same
from the window and the command line.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum

from dor_desktop.errors import UserError

#: The exit code of a refused action (like rejected input).
REFUSED = 1


class Role(StrEnum):
    CLERK = "clerk"
    MANAGER = "manager"
    OWNER = "owner"


class Permission(StrEnum):
    REGISTER = "register"
    SCAN = "scan"
    CHECK = "check"
    VIEW = "view"  # the register and an entry's detail (every view of personal data is audited)
    CORRECT = "correct"
    VOID = "void"
    SELL = "sell"
    RELEASE = "release"
    EXPORT = "export"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    KEYS = "keys"
    RETENTION = "retention"
    AUDIT = "audit"


_CLERK = {Permission.REGISTER, Permission.SCAN, Permission.CHECK, Permission.VIEW}
_MANAGER = _CLERK | {
    Permission.CORRECT, Permission.VOID, Permission.SELL, Permission.RELEASE, Permission.EXPORT,
    Permission.SETTINGS,
}  # fmt: skip
_OWNER = _MANAGER | {Permission.ACCOUNTS, Permission.KEYS, Permission.RETENTION, Permission.AUDIT}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(_CLERK),
    Role.MANAGER: frozenset(_MANAGER),
    Role.OWNER: frozenset(_OWNER),
}
#: What each permission allows, for a refusal's one line.
_DOING = {
    Permission.REGISTER: "register purchases",
    Permission.SCAN: "scan documents",
    Permission.CHECK: "check goods",
    Permission.VIEW: "look up the register",
    Permission.CORRECT: "correct entries",
    Permission.VOID: "void entries",
    Permission.SELL: "record sales",
    Permission.RELEASE: "record a police release",
    Permission.EXPORT: "export the register",
    Permission.SETTINGS: "change the settings",
    Permission.ACCOUNTS: "manage accounts",
    Permission.KEYS: "manage the keys",
    Permission.RETENTION: "purge personal data",
    Permission.AUDIT: "read the audit log",
}
#: The lowest role that holds each permission (for the refusal's wording).
_LOWEST = {p: next(r for r in Role if p in PERMISSIONS[r]) for p in Permission}


@dataclass(frozen=True)
class Actor:
    """Who acts: an account (``account_id`` set) or the command line (``cli:<os user>``)."""

    name: str
    role: Role
    account_id: int | None = None

    def may(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]


class NotPermitted(UserError):
    """The actor's role does not allow the action (or nobody is logged in)."""

    exit_code = REFUSED


def require(actor: Actor | None, permission: Permission) -> Actor:
    """The actor, when it may do ``permission``; otherwise one clear line (NotPermitted)."""
    if actor is None:
        raise NotPermitted("nobody is logged in: log in first")
    if not actor.may(permission):
        doing, needed = _DOING.get(permission, permission), _LOWEST[permission]
        raise NotPermitted(f"{actor.name} ({actor.role}) may not {doing}: that needs the {needed} role")
    return actor


def os_owner() -> Actor:
    """The command line's actor: the owner of the OS account that runs it."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        user = "unknown"
    return Actor(f"cli:{user}"[:64], Role.OWNER)  # the contract's clerk field takes 64 characters
