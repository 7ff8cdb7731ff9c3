"""``dor-desktop``: the window, and the same use cases as sub-commands (argparse handlers only).

Every failure a user can cause ends in one clear line on stderr and a non-zero exit code; only a
bug prints more, and then to the log file rather than the terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from dor_desktop import __version__
from dor_desktop.bootstrap.app import act_as
from dor_desktop.cli import accounts, alerts, register, scan, sync
from dor_desktop.cli.accounts import read_pin
from dor_desktop.config.files import secure_data_folder
from dor_desktop.config.logs import describe_exception, setup_logging
from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.services.failures import RegisterFailure, reason, register_failure

log = logging.getLogger(__name__)
INTERNAL_ERROR = 70
#: Files and folders created while the program runs are for this account only.
PRIVATE_UMASK = 0o077


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dor-desktop",
        description="Purchase register (art. 437 Sr) and DOR client for second-hand buyers.",
        epilog="Without a command the counter window opens. Data folder: $DOR_DESKTOP_HOME or the "
        "platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"dor-desktop {__version__}")
    parser.add_argument(
        "--as",
        dest="as_account",
        metavar="NAME",
        help="act as this clerk's account (PIN from $DOR_DESKTOP_PIN or asked) instead of as the owner "
        "of this OS account",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (register, alerts, scan, sync, accounts):
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
    # Belt and braces: whatever a library creates while the program runs is private too. Each
    # file the program makes is private by itself; the old umask is back when main() returns.
    previous_umask = os.umask(PRIVATE_UMASK)
    try:
        return _main(parser, args)
    finally:
        os.umask(previous_umask)


def _main(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    paths = Paths.from_environment()
    try:
        secure_data_folder(paths.home)
        setup_logging(paths.logs)
    except OSError as exc:
        print(f"dor-desktop: error: cannot write to the data folder {paths.home}: {exc}", file=sys.stderr)
        return 2
    if args.command is None:
        return _run_window(parser)
    try:
        return _run(args)
    finally:
        act_as(None)


def _run(args: argparse.Namespace) -> int:
    """Run the command; every failure becomes one line on stderr and an exit code."""
    paths = Paths.from_environment()
    try:
        act_as(args.as_account, read_pin(confirm=False) if args.as_account else "")
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
        # The type and the frames, never the exception's message: it may quote the seller's data.
        log.error("internal error in %s:\n%s", args.command, describe_exception(exc))
        print(
            f"dor-desktop: internal error: {type(exc).__name__}: {exc} (details in {paths.logs})",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
