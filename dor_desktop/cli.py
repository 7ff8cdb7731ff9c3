"""``dor-desktop``: the window, and the same operations as sub-commands for scripts and support.

Every failure a user can cause ends in one clear line on stderr and a non-zero exit code; only a
bug prints more, and then to the log file rather than the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError

from dor_desktop import __version__
from dor_desktop.app import alert_commands, register_commands
from dor_desktop.app.log_setup import setup_logging
from dor_desktop.app.paths import Paths
from dor_desktop.errors import UserError

log = logging.getLogger(__name__)
INTERNAL_ERROR = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dor-desktop",
        description="Purchase register (art. 437 Sr) and DOR client for second-hand buyers.",
        epilog="Without a command the counter window opens. Data folder: $DOR_DESKTOP_HOME or the "
        "platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"dor-desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    register_commands.add_parser(commands)
    alert_commands.add_parser(commands)
    for module in _optional_command_modules():
        module.add_parser(commands)
    return parser


def _optional_command_modules() -> list:
    """Command groups that live with their layer (scanning, sync), imported lazily when present."""
    from importlib import import_module

    modules = []
    for name in ("dor_desktop.idscan.cli", "dor_desktop.sync.cli"):
        try:
            modules.append(import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return modules


def _run_window(parser: argparse.ArgumentParser) -> int:
    try:
        from dor_desktop.ui.main import run_window
    except ModuleNotFoundError as exc:
        if exc.name != "dor_desktop.ui.main":
            raise
        parser.print_help()
        return 0
    return run_window()


def _damaged_file(exc: BaseException) -> bool:
    """SQLite reports a corrupt file as a plain DatabaseError; its subclasses mean other things."""
    return type(getattr(exc, "orig", exc)) is sqlite3.DatabaseError


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = Paths.from_environment()
    try:
        setup_logging(paths.logs)
    except OSError as exc:
        print(f"dor-desktop: error: cannot write to the data folder {paths.home}: {exc}", file=sys.stderr)
        return 2
    if args.command is None:
        return _run_window(parser)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"dor-desktop: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (OperationalError, sqlite3.OperationalError) as exc:
        log.exception("database error")
        reason = getattr(exc, "orig", exc)
        print(f"dor-desktop: error: the register could not be written or read: {reason}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if _damaged_file(exc):
            log.exception("damaged register file")
            print(
                f"dor-desktop: error: the register file is damaged ({getattr(exc, 'orig', exc)}); "
                f"'dor-desktop verify' tells more, backups are in {paths.backups}",
                file=sys.stderr,
            )
            return 3
        log.exception("internal error in %s", args.command)
        print(
            f"dor-desktop: internal error: {type(exc).__name__}: {exc} (details in {paths.logs})",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
