"""``dor-desktop accounts`` (the clerks' accounts) and ``dor-desktop audit list`` (the audit log).

The command line acts as the owner of the OS account that runs it, so both are open to it; the
window offers the same to an owner who logged in. A PIN is read from ``DOR_DESKTOP_PIN`` (used as
given, never written down) or asked for without echo.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict
from datetime import date

from dor_desktop.bootstrap.app import open_app
from dor_desktop.errors import UserError
from dor_desktop.services import accounts, audit
from dor_desktop.services.audit import AuditFilter

ENV_PIN = "DOR_DESKTOP_PIN"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = commands.add_parser(
        "accounts", help="the clerks' accounts (owner): list, add, set-role, reset-pin, deactivate"
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every account, with its role and whether it is active")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    add = actions.add_parser("add", help=f"add an account; the PIN is asked for (or ${ENV_PIN})")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("clerk", "manager", "owner"))
    add.set_defaults(func=_add)
    role = actions.add_parser("set-role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=("clerk", "manager", "owner"))
    role.set_defaults(func=_set_role)
    pin = actions.add_parser("reset-pin", help=f"give an account a new PIN (asked for, or ${ENV_PIN})")
    pin.add_argument("name")
    pin.set_defaults(func=_reset_pin)
    off = actions.add_parser("deactivate", help="the account can no longer log in (it is never deleted)")
    off.add_argument("name")
    off.set_defaults(func=_deactivate)

    log = commands.add_parser("audit", help="the audit log (owner): who saw or changed what, and when")
    log_actions = log.add_subparsers(dest="action", metavar="ACTION", required=True)
    audit_list = log_actions.add_parser("list", help="audit rows, newest first")
    audit_list.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    audit_list.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    audit_list.add_argument("--entry", action="append", default=[], metavar="K1-000001",
                            help="only rows about this register number (repeatable)")  # fmt: skip
    audit_list.add_argument("--seller", default="", metavar="NAME",
                            help="only rows about the entries of sellers named NAME...")  # fmt: skip
    audit_list.add_argument("--action", default="", help="only this action (e.g. export, view_entry)")
    audit_list.add_argument("--json", action="store_true")
    audit_list.set_defaults(func=_audit_list)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def read_pin(confirm: bool = True) -> str:
    """The PIN from ``DOR_DESKTOP_PIN``, or asked for without echo (twice when ``confirm``)."""
    given = os.environ.get(ENV_PIN)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError(f"no PIN: set {ENV_PIN} or run the command in a terminal")
    first = getpass.getpass("PIN: ")
    if confirm and getpass.getpass("PIN again: ") != first:
        raise UserError("the two PINs differ; nothing was changed")
    return first


def _list(args: argparse.Namespace) -> int:
    with open_app() as app:
        found = accounts.list_accounts(app)
    if args.json:
        print(json.dumps([asdict(a) for a in found], indent=2, ensure_ascii=False))
        return 0
    for account in found:
        state = "active" if account.active else "deactivated"
        print(f"{account.name:<30} {account.role:<8} {state}")
    if not found:
        print("no accounts (the command line acts as the owner of this OS account)", file=sys.stderr)
    return 0


def _add(args: argparse.Namespace) -> int:
    pin = read_pin()
    with open_app() as app:
        view = accounts.add(app, args.name, args.role, pin)
    print(f"added {view.name} ({view.role})")
    return 0


def _set_role(args: argparse.Namespace) -> int:
    with open_app() as app:
        view = accounts.set_role(app, args.name, args.role)
    print(f"{view.name} is now {view.role}")
    return 0


def _reset_pin(args: argparse.Namespace) -> int:
    pin = read_pin()
    with open_app() as app:
        view = accounts.reset_pin(app, args.name, pin)
    print(f"{view.name} has a new PIN")
    return 0


def _deactivate(args: argparse.Namespace) -> int:
    with open_app() as app:
        view = accounts.deactivate(app, args.name)
    print(f"{view.name} is deactivated")
    return 0


def _audit_list(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_to < args.date_from:
        raise UserError("--to is before --from")
    with open_app() as app:
        references = tuple(e.strip().upper() for e in args.entry)
        if args.seller:
            found = audit.seller_references(app, args.seller)
            if not found:
                raise UserError(f"no entries of a seller whose name starts with {args.seller!r}")
            references += found
        wanted = AuditFilter(args.date_from, args.date_to, references, args.action)
        rows = audit.listing(app, wanted)
    if args.json:
        print(json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        who = f"{row.actor:<20} {row.actor_role:<8}"
        print(f"{row.at[:19]}Z  {who} {row.action:<20} {row.reference}  {row.detail}".rstrip())
    if not rows:
        print("no audit rows", file=sys.stderr)
    return 0
