"""Logging to a rotating file in the data folder, with a filter that redacts BSNs and MRZ lines.

A log file is read by support staff and often mailed around; it must never carry a citizen
service number, so every record passes through :class:`RedactingFilter` before it is written.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from dor_desktop.domain.checks import find_bsns

# An MRZ line: 30, 36 or 44 characters of A-Z, 0-9 and '<' with at least one filler.
_MRZ_LINE = re.compile(r"[A-Z0-9<]{30,44}")


def redact(text: str) -> str:
    """``text`` with every 11-test-valid nine-digit number and every MRZ-like run replaced.

    MRZ lines go first: replacing a BSN inside one would break the run and leave the rest of the
    line (document number, birth date) in the log.
    """
    text = _MRZ_LINE.sub(lambda m: "[MRZ REDACTED]" if "<" in m.group(0) else m.group(0), text)
    for bsn in find_bsns(text):
        text = text.replace(bsn, "[BSN REDACTED]")
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that cannot be written (a full disk) is skipped silently.

    logging's default prints the failed record with a traceback to stderr, dozens of lines on
    the clerk's terminal for every record; the failure that matters (the register could not be
    written) reaches the clerk through its own one-line error.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the application's log to ``log_dir/dor-desktop.log`` (rotated, 5 x 2 MB)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "dor-desktop.log"
    handler = _QuietFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
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
