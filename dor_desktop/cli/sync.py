"""``dor-desktop sync``, ``dor-desktop check`` and ``dor-desktop credentials``.

``sync`` keeps running until Ctrl-C (or SIGTERM); ``sync --once`` makes one pass; ``sync
--until-empty`` returns when nothing is waiting to be sent, listing what the DOR rejected instead
of retrying it forever, and gives up with a clear error when the DOR stays unreachable.

Exit codes: 0 done; 1 done, but entries were rejected or are in conflict (listed), or for
``check`` the goods are known stolen; 4 the DOR could not be reached in time or could not check;
5 another process owns this register's queue.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import TextIO

from dor_desktop.bootstrap.app import open_app
from dor_desktop.bootstrap.sync import build_sync_service, resolve_access
from dor_desktop.domain.enums import Category
from dor_desktop.errors import UserError
from dor_desktop.services import alerts
from dor_desktop.services.context import AppContext
from dor_desktop.services.sync import (
    MAX_BATCH,
    CheckOutcome,
    CheckResult,
    DorAccess,
    SyncOptions,
    SyncReport,
    SyncService,
    credentials,
)

DONE, HAS_REJECTIONS, UNREACHABLE = 0, 1, 4
SYNC_DESCRIPTION = """\
Send the register's pending entries to the DOR and fetch late hits.

Without options it keeps running until Ctrl-C (or SIGTERM). --once makes one pass. --until-empty
returns when nothing is waiting to be sent, lists what the DOR rejected instead of retrying it,
and gives up after --max-wait seconds when the DOR stays unreachable.

Exit codes: 0 done; 1 done, but entries were rejected or are in conflict (listed); 4 the DOR
could not be reached in time; 5 another process is already syncing this register.
"""
DEFAULT_MAX_WAIT = 120.0
#: While idle, look for entries committed by another process (the window) this often.
IDLE_CHECK = 2.0
#: After a pass that sent nothing, never loop faster than this (no busy loop whatever happens).
MIN_PAUSE = 0.05


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = commands.add_parser(
        "sync",
        help="send the register to the DOR and fetch late hits (keeps running until Ctrl-C)",
        description=SYNC_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one pass, then stop")
    mode.add_argument("--until-empty", action="store_true", help="stop when no entry is waiting to be sent")
    sync.add_argument(
        "--max-wait",
        type=_seconds,
        default=DEFAULT_MAX_WAIT,
        metavar="SECONDS",
        help=f"with --until-empty: give up after this long (default {DEFAULT_MAX_WAIT:.0f})",
    )
    sync.add_argument(
        "--batch-size",
        type=_batch_size,
        default=MAX_BATCH,
        metavar="N",
        help=f"registrations per request, 1-{MAX_BATCH} (default {MAX_BATCH}; smaller for a slow line)",
    )
    sync.set_defaults(func=_sync)

    check = commands.add_parser(
        "check",
        help="check a serial, IMEI or frame number against the DOR",
        description="Exit codes: 0 not known as stolen; 1 known stolen; 4 could not check (offline).",
    )
    check.add_argument("serial")
    check.add_argument("--category", choices=[c.value for c in Category], metavar="CATEGORY")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(func=_check)

    creds = commands.add_parser("credentials", help="the DOR client secret in the OS keyring")
    actions = creds.add_subparsers(dest="action", metavar="ACTION", required=True)
    setter = actions.add_parser("set", help="store the client secret (asked for, or read from stdin)")
    setter.add_argument("--client-id", help="default: the dor_client_id setting")
    setter.set_defaults(func=_credentials_set)
    actions.add_parser("show", help="which DOR is used and where its credentials come from").set_defaults(
        func=_credentials_show
    )
    remover = actions.add_parser("delete", help="remove the stored client secret")
    remover.add_argument("--client-id", help="default: the dor_client_id setting")
    remover.set_defaults(func=_credentials_delete)


def _batch_size(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_BATCH:
        raise argparse.ArgumentTypeError(f"give a whole number from 1 to {MAX_BATCH}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 86_400:
        raise argparse.ArgumentTypeError("give between 0 and 86400 seconds")
    return value


@contextmanager
def _service(options: SyncOptions | None = None) -> Iterator[tuple[AppContext, SyncService]]:
    with open_app() as app:
        service = build_sync_service(app, options=options)
        try:
            yield app, service
        finally:
            service.close()


# -- sync -----------------------------------------------------------------------------------------


def _sync(args: argparse.Namespace) -> int:
    with _service(SyncOptions(batch_size=args.batch_size)) as (app, service):
        service.claim_queue()
        print(f"syncing {app.paths.database} with {_endpoint(service)}", flush=True)
        if args.once:
            report = service.run_once(poll=True)
            _print_report(app, report)
            if report.error:
                raise UserError(f"the pass did not finish: {report.error}", exit_code=UNREACHABLE)
            return _finish(service)
        if args.until_empty:
            return _until_empty(app, service, args.max_wait)
        return _keep_running(app, service)


def _until_empty(app: AppContext, service: SyncService, max_wait: float) -> int:
    deadline = time.monotonic() + max_wait
    stop = threading.Event()
    while True:
        report = service.run_once()
        _print_report(app, report)
        waiting = service.waiting_count()
        if not waiting:
            return _finish(service)
        pause = max(service.seconds_until_due(), 0.0 if report.sent else MIN_PAUSE)
        if time.monotonic() + pause > deadline:
            reason = report.error or service.status().last_error or "no progress"
            raise UserError(
                f"{waiting} entries still waiting after {max_wait:.0f} s; last problem: {reason}",
                exit_code=UNREACHABLE,
            )
        stop.wait(pause)


def _keep_running(app: AppContext, service: SyncService) -> int:
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("running; Ctrl-C stops", flush=True)
    last_error = None
    try:
        while not stop.is_set():
            report = service.run_once()
            if report.error != last_error:
                if report.error:
                    _warn(f"{report.error} (will retry)")
                last_error = report.error
            _print_report(app, report, errors=False)
            pause = min(service.seconds_until_due(), IDLE_CHECK)
            stop.wait(max(pause, 0.0 if report.sent else MIN_PAUSE))
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    print("sync stopped", flush=True)
    return DONE


def _finish(service: SyncService) -> int:
    problems = service.rejections()
    status = service.status()
    for problem in problems:
        details = "; ".join(f"{e.field or 'registration'}: {e.message or e.code}" for e in problem.errors)
        reason = details or problem.last_error or ""
        print(f"{problem.state.upper()}: {problem.register_number} {reason}".rstrip())
    if problems:
        print(
            f"{len(problems)} entries need attention: correct a rejected entry "
            "(dor-desktop register correct) and sync again",
            flush=True,
        )
        return HAS_REJECTIONS
    if status.for_other_dor:
        print(
            f"{status.for_other_dor} messages in this register are for another DOR and are never sent "
            "from here (a practice register copied over the legal one?); call support",
            flush=True,
        )
        return HAS_REJECTIONS
    waiting = f"{status.pending} entries still waiting" if status.pending else "nothing waiting"
    print(f"{waiting}; {status.active_alerts} active alert(s)", flush=True)
    return DONE


def _print_report(app: AppContext, report: SyncReport, errors: bool = True) -> None:
    if report.sent:
        parts = [f"{report.accepted} acknowledged"]
        if report.rejected:
            parts.append(f"{report.rejected} rejected")
        if report.conflicts:
            parts.append(f"{report.conflicts} in conflict")
        print(f"sent {report.sent}: " + ", ".join(parts), flush=True)
    for line in _alert_lines(app, report.new_alert_ids, "HIT"):
        print(line, flush=True)
    for line in _alert_lines(app, report.withdrawn_alert_ids, "hit withdrawn"):
        print(line, flush=True)
    if errors and report.error:
        _warn(report.error)


def _alert_lines(app: AppContext, ids: tuple[int, ...], label: str) -> list[str]:
    rows = alerts.alert_lines(app, ids)
    suffix = ": police hold, do not sell or alter" if label == "HIT" else ""
    return [f"{label}: {number} {field} {value} ({kind}){suffix}" for number, field, value, kind in rows]


def _endpoint(service: SyncService) -> str:
    return (
        f"the bundled sandbox ({service.transport.endpoint})"
        if service.sandbox
        else service.transport.endpoint
    )


def _warn(message: str, stream: TextIO = sys.stderr) -> None:
    print(f"dor-desktop: {message}", file=stream, flush=True)


# -- check ----------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    serial = args.serial.strip()
    if not 3 <= len(serial) <= 64:
        raise UserError("a serial, IMEI or frame number has 3 to 64 characters")
    with _service() as (_app, service):
        result = service.check_serial(serial, args.category)
    if args.json:
        print(json.dumps(asdict(result), indent=2, ensure_ascii=False))
    else:
        _print_check(serial, result)
    return {CheckOutcome.NOT_KNOWN: DONE, CheckOutcome.KNOWN_STOLEN: 1}.get(result.outcome, UNREACHABLE)


def _print_check(serial: str, result: CheckResult) -> None:
    if result.outcome == CheckOutcome.COULD_NOT_CHECK:
        print(f"COULD NOT CHECK {serial}: {result.reason}")
        return
    if result.outcome == CheckOutcome.NOT_KNOWN:
        print(f"not known as stolen: {serial}")
        return
    print(f"KNOWN STOLEN: {serial}")
    for match in result.matches:
        reported = f", reported {match.reported_stolen_on}" if match.reported_stolen_on else ""
        source = f" ({match.source}{reported})" if match.source else ""
        print(f"  {match.match_type} match on {match.matched_field} {match.matched_value}{source}")


# -- credentials ----------------------------------------------------------------------------------


def _configured_client_id(given: str | None) -> str:
    if given and given.strip():
        return given.strip()
    with open_app() as app:
        client_id = app.settings.dor_client_id.strip()
    if not client_id:
        raise UserError("no client id: pass --client-id or set dor_client_id first")
    return client_id


def _credentials_set(args: argparse.Namespace) -> int:
    client_id = _configured_client_id(args.client_id)
    if sys.stdin.isatty():
        secret = getpass.getpass(f"client secret for {client_id}: ")
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    credentials.store_secret(client_id, secret)
    print(f"client secret for {client_id} stored in the OS keyring ({credentials.SERVICE_NAME})")
    return DONE


def _credentials_delete(args: argparse.Namespace) -> int:
    client_id = _configured_client_id(args.client_id)
    removed = credentials.delete_secret(client_id)
    print(f"client secret for {client_id} {'removed' if removed else 'was not stored'}")
    return DONE


def _credentials_show(_args: argparse.Namespace) -> int:
    with open_app() as app:
        access = resolve_access(app)
    where = "the bundled sandbox (no DOR URL configured)" if access.uses_sandbox else access.url
    print(f"DOR: {where}  [from {access.source}]")
    print(f"client id: {access.client_id}")
    print(f"client secret: {_secret_source(access)}")
    return DONE


def _secret_source(access: DorAccess) -> str:
    if os.environ.get(credentials.ENV_SECRET):
        return f"from {credentials.ENV_SECRET}"
    if access.uses_sandbox:
        return "the sandbox's demo secret"
    return f"in the OS keyring ({credentials.SERVICE_NAME})"
