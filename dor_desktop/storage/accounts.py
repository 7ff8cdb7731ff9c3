"""The clerks' accounts in the register file: name, role, the hash of the PIN, active or not.

Storage only: hashing and the rules about roles live in :mod:`dor_desktop.services.accounts`.
Accounts are never deleted (a trigger refuses it): the audit log names them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from dor_desktop.domain.clock import to_utc_text, utc_now
from dor_desktop.errors import UserError
from dor_desktop.storage.db import Database
from dor_desktop.storage.models import Account


@dataclass(frozen=True)
class AccountView:
    id: int
    name: str
    role: str
    active: bool
    created_at: str
    changed_at: str


def _view(account: Account) -> AccountView:
    return AccountView(
        account.id, account.name, account.role, account.active, account.created_at, account.changed_at
    )


def list_accounts(db: Database) -> list[AccountView]:
    with db.read() as session:
        return [_view(a) for a in session.scalars(select(Account).order_by(Account.name))]


def count_active(db: Database, role: str | None = None) -> int:
    query = select(func.count()).select_from(Account).where(Account.active.is_(True))
    if role:
        query = query.where(Account.role == role)
    with db.read() as session:
        return int(session.scalar(query) or 0)


def credentials(db: Database, name: str) -> tuple[AccountView, str] | None:
    """The account ``name`` (any case) and its secret's hash, or None when there is none."""
    with db.read() as session:
        account = session.scalar(select(Account).where(Account.name == name.strip()))
        return (_view(account), account.secret_hash) if account else None


def add(db: Database, name: str, role: str, secret_hash: str) -> AccountView:
    now = to_utc_text(utc_now())
    account = Account(
        name=name, role=role, secret_hash=secret_hash, active=True, created_at=now, changed_at=now
    )
    try:
        with db.write() as session:
            session.add(account)
            session.flush()
            return _view(account)
    except IntegrityError:
        raise UserError(f"there is already an account named {name!r}") from None


def change(
    db: Database,
    name: str,
    *,
    role: str | None = None,
    secret_hash: str | None = None,
    active: bool | None = None,
    keep_an_owner: bool = True,
) -> AccountView:
    """Change one account; with ``keep_an_owner`` refuse to take away the last active owner.

    The check and the change share one write transaction, so two changes at once cannot both
    remove the last owner.
    """
    with db.write() as session:
        account = session.scalar(select(Account).where(Account.name == name.strip()))
        if account is None:
            raise UserError(f"no account named {name!r}")
        was_owner = account.active and account.role == "owner"
        if role is not None:
            account.role = role
        if secret_hash is not None:
            account.secret_hash = secret_hash
        if active is not None:
            account.active = active
        account.changed_at = to_utc_text(utc_now())
        session.flush()
        owners = session.scalar(
            select(func.count()).select_from(Account).where(Account.active.is_(True), Account.role == "owner")
        )
        if keep_an_owner and was_owner and not owners:
            raise UserError("the shop must keep at least one active owner account")
        return _view(account)
