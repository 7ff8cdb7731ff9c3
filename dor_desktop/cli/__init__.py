"""``dor-desktop``: the window, and the same use cases as sub-commands (argparse handlers only).

Every failure a user can cause ends in one clear line on stderr and a non-zero exit code; only a
bug prints more, and then to the log file rather than the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from dor_desktop import __version__
from dor_desktop.cli import alerts, backup, register, scan, sync
from dor_desktop.config.logs import setup_logging
from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.services.failures import RegisterFailure, reason, register_failure

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
    for module in (register, alerts, scan, sync, backup):
        module.add_parser(commands)
    return parser


def _run_window(parser: argparse.ArgumentParser) -> int:
    try:
        from dor_desktop.ui.main import run_window
    except ModuleNotFoundError as exc:
        if exc.name != "dor_desktop.ui.main":
            raise
        parser.print_help()
        return 0
    return run_window()


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
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        failure = register_failure(exc)
        if failure is RegisterFailure.UNAVAILABLE:
            log.error("database error: %s", reason(exc))
            print(
                f"dor-desktop: error: the register could not be written or read: {reason(exc)}",
                file=sys.stderr,
            )
            return 3
        if failure is RegisterFailure.DAMAGED:
            log.error("damaged register file: %s", reason(exc))
            print(
                f"dor-desktop: error: the register file is damaged ({reason(exc)}); "
                f"'dor-desktop verify' tells more, backups are under {paths.home}",
                file=sys.stderr,
            )
            return 3
        log.exception("internal error in %s", args.command)
        print(
            f"dor-desktop: internal error: {type(exc).__name__}: {exc} (details in {paths.logs})",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
