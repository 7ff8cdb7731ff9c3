"""``dor-desktop backup``: an encrypted copy of the register, consistent while the counter works."""

from __future__ import annotations

from pathlib import Path

from dor_desktop.errors import UserError
from dor_desktop.services.context import AppContext
from dor_desktop.storage import encryption


def backup(app: AppContext, out: Path, *, into_folder: bool = False) -> Path:
    """Copy the register to ``out`` (a folder, or ``into_folder``: a folder made when missing, gets
    a dated file name); returns the file written.

    The copy is encrypted with the register's own key, so it opens only with that key: in the OS
    keyring of this PC, or the recovery key written down at the first start.
    """
    key = app.db.key
    if key is None:  # open_app always gives a key; a plain register is not backed up in plain
        raise UserError("the register is not encrypted; start dor-desktop once to encrypt it", exit_code=3)
    target = out / encryption.backup_name("manual") if into_folder or out.is_dir() else out
    if target.resolve() == app.paths.database.resolve():
        raise UserError("the backup cannot replace the register itself; choose another file")
    try:
        return encryption.copy(app.paths.database, target, key)
    except OSError as exc:
        raise UserError(f"the backup could not be written to {target}: {exc.strerror or exc}") from None
