"""Logging to a rotating file in the data folder, with a filter that keeps personal data out.

A log file is read by support staff and often mailed around; it must never carry a citizen
service number, a document number, or a seller's name. The program never puts personal values in
its log messages; as a second line, every record passes :class:`RedactingFilter`, which

- redacts BSNs (in any spelling, see :mod:`dor_desktop.domain.bsn_text`), MRZ lines and
  document-number-like codes from the message;
- writes an exception as its type and its frames (file, line, function) only: an exception's
  message can carry the values it was raised about (a name, a date of birth), so it is kept only
  for the database driver's and the operating system's own errors, and a statement's parameters
  are cut from those too.

The log files are private to the shop's account (0600), including the rotated ones.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path

from dor_desktop.config.files import PRIVATE_FILE, narrow, private_folder
from dor_desktop.domain.bsn_text import redact_bsns

# An MRZ line: 30, 36 or 44 characters of A-Z, 0-9 and '<' with at least one filler.
_MRZ_LINE = re.compile(r"[A-Z0-9<]{30,44}")
#: A document number: 8 or 9 capitals and digits, starting with a letter, ending with a digit,
#: with at least three digits (Dutch passports: NX1234567). Errs towards redacting.
_DOCUMENT_NUMBER = re.compile(r"\b(?=[A-Z0-9]{8,9}\b)(?=(?:[A-Z]*[0-9]){3})[A-Z][A-Z0-9]{6,7}[0-9]\b")
#: What SQLAlchemy appends to a failed statement when parameters are not hidden.
_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\(Background|$))", re.DOTALL)
#: Exceptions whose message is the driver's or the OS's own words, not the program's values.
_DRIVER_MODULES = ("sqlite3", "sqlalchemy", "sqlcipher3")


def redact(text: str) -> str:
    """``text`` with every BSN, MRZ-like run and document-number-like code replaced.

    MRZ lines go first: replacing a BSN inside one would break the run and leave the rest of the
    line (document number, birth date) in the log.
    """
    text = _MRZ_LINE.sub(lambda m: "[MRZ REDACTED]" if "<" in m.group(0) else m.group(0), text)
    text = redact_bsns(text, "[BSN REDACTED]")
    return _DOCUMENT_NUMBER.sub("[NUMBER REDACTED]", text)


def _safe_message(exc: BaseException) -> str:
    """The message of a driver or OS error, without parameters; nothing for any other exception."""
    module = type(exc).__module__.split(".")[0]
    if module in _DRIVER_MODULES:
        return redact(_SQL_PARAMETERS.sub("(parameters withheld)", str(exc)))
    if isinstance(exc, OSError):
        return redact(f"[Errno {exc.errno}] {exc.strerror}")
    return "(message withheld: it may hold personal data)"


def describe_exception(exc: BaseException) -> str:
    """An exception for the log: types, frames and safe messages only, causes included.

    Frames say where it happened (file, line, function, the source line), which is what support
    needs; the values involved stay out.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.format_tb(current.__traceback__)
        parts.insert(0, "".join(frames) + f"{type(current).__qualname__}: {_safe_message(current)}")
        current = current.__cause__ or current.__context__
    return redact("Traceback (most recent call last):\n" + "\n\nwhich led to:\n".join(parts))


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = describe_exception(record.exc_info[1])
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file, new or rotated, is 0600 whatever the umask.

    Rotation renames files, which keeps their mode, so it is enough that each file is created
    private; a file left by an older version is made private when it is opened.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log file that cannot be written (a full disk) is skipped silently: logging's default
        prints the failed record with a traceback to stderr, dozens of lines on the clerk's
        terminal for every record; the failure that matters (the register could not be written)
        reaches the clerk through its own one-line error."""
        return

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def _make_private(log_dir: Path) -> None:
    """Old log files (an earlier version wrote them 0644) become private too."""
    for path in log_dir.glob("dor-desktop.log*"):
        with contextlib.suppress(OSError):
            narrow(path, PRIVATE_FILE)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the application's log to ``log_dir/dor-desktop.log`` (rotated, 5 x 2 MB)."""
    private_folder(log_dir)
    _make_private(log_dir)
    path = log_dir / "dor-desktop.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_dor_desktop", False)]:
        root.removeHandler(old)
        old.close()
    handler._dor_desktop = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
