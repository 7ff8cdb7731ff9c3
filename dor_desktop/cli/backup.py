"""Command-line handlers for ``backup`` and ``restore`` (the encrypted register's copies)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from dor_desktop.bootstrap.app import open_app
from dor_desktop.bootstrap.restore import restore_register
from dor_desktop.errors import UserError
from dor_desktop.services import backup, inspection


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    save = commands.add_parser(
        "backup", help="write an encrypted copy of the register (consistent while the window runs)"
    )
    save.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="a file, or a folder for a dated one (an existing folder, or a path ending in /)",
    )
    save.set_defaults(func=_backup)

    restore = commands.add_parser(
        "restore", help="restore the register from a backup with the recovery key (a new PC or data folder)"
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE")
    restore.add_argument(
        "--recovery-key", metavar="KEY", help="as written down at the first start (asked for when left out)"
    )
    restore.set_defaults(func=_restore)


def _backup(args: argparse.Namespace) -> int:
    with open_app() as app:
        folder = args.out.endswith(("/", os.sep))  # Path() would drop the slash that says "a folder"
        written = backup.backup(app, Path(args.out), into_folder=folder)
    print(f"backup written: {written} (encrypted; it opens with this PC's key or the recovery key)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    recovery = args.recovery_key or _ask_recovery_key()
    with restore_register(args.backup_file, recovery) as app:
        report = inspection.verify(app)
        where = app.paths.database
    if not report.ok:
        print(f"dor-desktop: restored to {where}, but verify FAILED: {report.problem}", file=sys.stderr)
        return 1
    print(f"register restored to {where}: {report.entries} entries, hash chain and numbering intact")
    return 0


def _ask_recovery_key() -> str:
    """Asked on a terminal (not echoed); read as one line from a pipe."""
    text = getpass.getpass("Recovery key: ") if sys.stdin.isatty() else sys.stdin.readline()
    if not text.strip():
        raise UserError("a recovery key is needed: --recovery-key KEY, or type it when asked")
    return text
