"""``dor-desktop``: the window, and the same use cases as sub-commands (argparse handlers only).

Every failure a user can cause ends in one clear line on stderr and a non-zero exit code; only a
bug prints more, and then to the log file rather than the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sys
from collections.abc import Sequence

from dor_desktop import __version__
from dor_desktop.bootstrap.app import act_as
from dor_desktop.cli import accounts, alerts, backup, register, scan, sync
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
    for module in (register, alerts, scan, sync, accounts, backup):
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


#: The exit code of a command whose output pipe was closed early (``| head``): 128 + SIGPIPE.
BROKEN_PIPE = 141
#: errno values that mean "no room to write": a full disk, a quota, a file-size limit.
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


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
        if not getattr(args, "read_only", False):  # inspection works on a read-only data folder
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
        _refuse_undecodable(args)
        act_as(args.as_account, read_pin(confirm=False) if args.as_account else "")
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at exit
        return code
    except UserError as exc:
        print(f"dor-desktop: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _broken_pipe()
    except Exception as exc:
        return _failure(exc, args, paths)


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """An argument that was not valid text in the terminal's encoding reaches Python as lone
    surrogates (``\udcff``); stored or printed, it would fail far from here. Refused up front."""
    for name, value in vars(args).items():
        if not isinstance(value, str):
            continue  # paths (type=Path) may hold any bytes the file system allows
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            option = name.replace("_", "-")
            message = f"the value of {option} is not valid text (check the terminal's encoding)"
            raise UserError(message) from None


def _broken_pipe() -> int:
    """The reader of our output went away (``| head -c 10``): stop quietly, as other tools do."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
    return BROKEN_PIPE


def _failure(exc: Exception, args: argparse.Namespace, paths: Paths) -> int:
    """One line for any other failure; a traceback only in the log, and only for a bug (70)."""
    failure = register_failure(exc)
    if failure is RegisterFailure.UNAVAILABLE:
        log.error("database error: %s", reason(exc))
        print(
            f"dor-desktop: error: the register could not be written or read: {reason(exc)}", file=sys.stderr
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
    if isinstance(exc, OSError) and exc.errno in _NO_ROOM:
        log.error("no room to write: %s", exc)
        print(f"dor-desktop: error: the disk is full, nothing was changed: {exc.strerror}", file=sys.stderr)
        return 3
    # The type and the frames, never the exception's message: it may quote the seller's data.
    log.error("internal error in %s:\n%s", args.command, describe_exception(exc))
    print(
        f"dor-desktop: internal error: {type(exc).__name__}: {exc} (details in {paths.logs})", file=sys.stderr
    )
    return INTERNAL_ERROR
