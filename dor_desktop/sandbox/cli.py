"""``dor-sandbox``: run the sandbox DOR server, and steer a running one through its admin API.

    dor-sandbox serve [--host 127.0.0.1] [--port 8765] [--db FILE] [--token-ttl S]
    dor-sandbox stats --url URL
    dor-sandbox registrations --url URL [--client-reference UUID]
    dor-sandbox stolen add --url URL (--imei N | --frame-number N | --serial N) [--category C] ...
    dor-sandbox stolen withdraw --url URL STOLEN_ID
    dor-sandbox stolen list --url URL
    dor-sandbox tokens expire --url URL
    dor-sandbox fault --url URL KIND [--count N | --until-reset] [--path P] [--retry-after S] [--delay S]
    dor-sandbox fault --url URL reset|list

``--url`` defaults to $DOR_SANDBOX_URL, else http://127.0.0.1:8765.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dor_desktop.errors import UserError
from dor_desktop.sandbox.config import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_TOKEN_TTL,
    SandboxConfig,
    default_db_path,
)
from dor_desktop.sandbox.faults import DEFAULT_FAULT_PATH, FAULT_KINDS
from dor_desktop.sandbox.seed import IDENTIFIER_FIELDS
from dor_desktop.sandbox.validation import CATEGORIES

DEFAULT_URL = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="dor-sandbox", description="The sandbox DOR server for DOR Desktop."
    )
    add_commands(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"dor-sandbox: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        return 0


def add_parser(subparsers: Any) -> None:
    """``dor-desktop sandbox ...``: the same commands under the main program."""
    sandbox = subparsers.add_parser("sandbox", help="run or steer the sandbox DOR server")
    add_commands(sandbox.add_subparsers(dest="sandbox_command", required=True, metavar="COMMAND"))


def add_commands(commands: Any) -> None:
    _add_serve(commands)
    stats = commands.add_parser("stats", help="counts of a running sandbox (JSON)")
    _add_url(stats)
    stats.set_defaults(func=_stats)
    registrations = commands.add_parser(
        "registrations", help="stored registrations and how often each was stored"
    )
    _add_url(registrations)
    registrations.add_argument("--client-reference", help="only this registration, with its content")
    registrations.set_defaults(func=_registrations)
    _add_stolen(commands)
    tokens = commands.add_parser("tokens", help="token administration")
    token_commands = tokens.add_subparsers(dest="tokens_command", required=True, metavar="ACTION")
    expire = token_commands.add_parser("expire", help="expire every access token now")
    _add_url(expire)
    expire.set_defaults(func=_expire_tokens)
    _add_fault(commands)


def _add_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url",
        default=os.environ.get("DOR_SANDBOX_URL", DEFAULT_URL),
        help="base URL of the running sandbox (default: $DOR_SANDBOX_URL or %(default)s)",
    )


def _add_serve(commands: Any) -> None:
    serve = commands.add_parser("serve", help="run the sandbox server until interrupted")
    serve.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default %(default)s)")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help="port; 0 picks a free one (default %(default)s)"
    )
    serve.add_argument(
        "--db", help="SQLite file holding the sandbox state (default: in the user data folder)"
    )
    serve.add_argument("--token-ttl", type=int, default=DEFAULT_TOKEN_TTL, help="token lifetime in seconds")
    serve.add_argument(
        "--client-id", default=DEFAULT_CLIENT_ID, help="accepted client_id (default %(default)s)"
    )
    serve.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET, help="accepted client_secret")
    serve.add_argument(
        "--allow-non-loopback",
        action="store_true",
        help="allow listening on a non-loopback address (no TLS; the admin API still answers loopback only)",
    )
    serve.add_argument(
        "--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.set_defaults(func=_serve)


def _add_stolen(commands: Any) -> None:
    stolen = commands.add_parser("stolen", help="the stolen-goods table")
    actions = stolen.add_subparsers(dest="stolen_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="report an item stolen now (late hits for goods already registered)")
    _add_url(add)
    number = add.add_mutually_exclusive_group(required=True)
    number.add_argument("--imei")
    number.add_argument("--frame-number")
    number.add_argument("--serial", dest="serial_number")
    add.add_argument("--category", choices=sorted(CATEGORIES))
    add.add_argument("--brand")
    add.add_argument("--description")
    add.add_argument("--reported-on", dest="reported_stolen_on", help="date reported stolen, YYYY-MM-DD")
    add.add_argument("--source", help="reporting body (default POLITIE)")
    add.add_argument("--stolen-id", help="report number (default: generated)")
    add.set_defaults(func=_stolen_add)
    withdraw = actions.add_parser("withdraw", help="withdraw a report (hit_withdrawn notifications)")
    _add_url(withdraw)
    withdraw.add_argument("stolen_id")
    withdraw.set_defaults(func=_stolen_withdraw)
    listing = actions.add_parser("list", help="every stolen-table row")
    _add_url(listing)
    listing.set_defaults(func=_stolen_list)


def _add_fault(commands: Any) -> None:
    fault = commands.add_parser(
        "fault",
        help="make the sandbox misbehave on purpose",
        description="Kinds: drop-after-commit and malformed-json hit the next N requests answered with 2xx "
        "(after the data is committed); http-500, http-429 and http-503 answer the next N requests "
        "without handling them; slow handles them and answers --delay seconds later. "
        "'reset' removes all faults, 'list' shows them.",
    )
    _add_url(fault)
    fault.add_argument("kind", choices=[*FAULT_KINDS, "reset", "list"])
    how_many = fault.add_mutually_exclusive_group()
    how_many.add_argument("--count", type=int, default=1, help="requests affected (default 1)")
    how_many.add_argument("--until-reset", action="store_true", help="affect every matching request")
    fault.add_argument(
        "--path", default=DEFAULT_FAULT_PATH, help="path prefix affected (default %(default)s)"
    )
    fault.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds for 429/503")
    fault.add_argument("--delay", type=float, default=1.0, help="seconds of delay for 'slow'")
    fault.set_defaults(func=_fault)


def _serve(args: argparse.Namespace) -> int:
    from dor_desktop.domain.urls import is_loopback_host
    from dor_desktop.sandbox.database import connect
    from dor_desktop.sandbox.server import LISTENING_PREFIX, base_url, bind_socket, make_server

    if not args.allow_non_loopback and not is_loopback_host(args.host):
        raise UserError(
            f"refusing to listen on {args.host}: the sandbox is for this computer only "
            "(use --allow-non-loopback if you really mean it)"
        )
    if args.token_ttl < 1:
        raise UserError("--token-ttl must be at least 1 second")
    db_path = Path(args.db) if args.db else default_db_path()
    try:
        connect(db_path).close()
    except (OSError, sqlite3.Error, RuntimeError) as exc:
        raise UserError(f"cannot use {db_path} as the sandbox database: {exc}") from None
    config = SandboxConfig(
        db_path=db_path, token_ttl=args.token_ttl, clients={args.client_id: args.client_secret}
    )
    sock = bind_socket(args.host, args.port)
    url = base_url(args.host, sock.getsockname()[1])

    def announce() -> None:
        print(f"{LISTENING_PREFIX}{url}", flush=True)

    server = make_server(
        config,
        on_started=announce,
        log_level=args.log_level,
        configure_logging=True,
        access_log=args.access_log,
    )
    previous = signal.signal(signal.SIGTERM, _stop_requested)
    try:
        server.run(sockets=[sock])
    except _StopRequested:
        pass  # uvicorn shut down cleanly, then re-raised SIGTERM for us: a normal exit.
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


class _StopRequested(Exception):
    """SIGTERM after uvicorn's graceful shutdown."""


def _stop_requested(_signum: int, _frame: Any) -> None:
    raise _StopRequested


def _admin(args: argparse.Namespace) -> Any:
    from dor_desktop.sandbox.admin_client import SandboxAdmin

    return SandboxAdmin(args.url)


def _print_json(document: Any) -> None:
    print(json.dumps(document, indent=2, ensure_ascii=False))


def _stats(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        _print_json(admin.stats())
    return 0


def _registrations(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        _print_json(admin.registrations(args.client_reference))
    return 0


def _stolen_add(args: argparse.Namespace) -> int:
    options = {name: getattr(args, name) for name in IDENTIFIER_FIELDS}
    with _admin(args) as admin:
        created = admin.add_stolen(
            **options,
            category=args.category,
            brand=args.brand,
            description=args.description,
            reported_stolen_on=args.reported_stolen_on,
            source=args.source,
            stolen_id=args.stolen_id,
        )
    print(f"added {created['stolen_id']}; late hits: {created['late_hits']}")
    return 0


def _stolen_withdraw(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        result = admin.withdraw_stolen(args.stolen_id)
    print(f"withdrew {result['stolen_id']}; hits withdrawn: {result['withdrawn_hits']}")
    return 0


def _stolen_list(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        _print_json(admin.stolen_items())
    return 0


def _expire_tokens(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        print(f"expired {admin.expire_tokens()} token(s)")
    return 0


def _fault(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        if args.kind == "reset":
            print(f"removed {admin.reset_faults()} fault(s)")
        elif args.kind == "list":
            _print_json(admin.faults())
        else:
            if not args.until_reset and args.count < 1:
                raise UserError("--count must be at least 1")
            fault = admin.set_fault(
                args.kind,
                count=None if args.until_reset else args.count,
                path=args.path,
                retry_after=args.retry_after,
                delay=args.delay,
            )
            times = "until reset" if fault["remaining"] is None else f"{fault['remaining']} request(s)"
            print(f"fault {fault['fault_id']}: {fault['kind']} on {fault['path']} for {times}")
    return 0
