"""The half-filled purchase form, kept on disk so that nothing typed is lost in a crash.

Written atomically (temp file, fsync, rename, fsync of the folder) on every change, so the file on
disk is always either the previous complete draft or the new one, never half of each. A BSN must
never reach a file: any value that passes the 11-test is blanked before writing (a clerk may type
one into the document-number field by mistake; validation tells them, the draft never keeps it).

At start the front end moves the draft it finds aside (``previous-*.json``) before offering it back,
so typing into the new, empty form can never overwrite what is being offered.

Before a commit the draft is stamped with the purchase time (``committing_at``); if the app dies
between the commit and removing the draft, the next start finds the committed entry by that time
and does not offer the purchase a second time.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dor_desktop.config.files import atomic_write_bytes, read_json_file
from dor_desktop.domain.checks import find_bsns

log = logging.getLogger(__name__)

DRAFT_NAME = "current.json"
PREVIOUS_GLOB = "previous-*.json"


def scrub_bsns(data: Any) -> Any:
    """``data`` with every string containing a BSN-like number replaced by an empty string."""
    if isinstance(data, str):
        return "" if find_bsns(data) else data
    if isinstance(data, dict):
        return {key: scrub_bsns(value) for key, value in data.items()}
    if isinstance(data, list):
        return [scrub_bsns(value) for value in data]
    return data


@dataclass(frozen=True)
class Draft:
    path: Path
    data: dict[str, Any]
    committing_at: str | None
    saved_at: str


class DraftStore:
    """The drafts of one data folder. Safe to call from a worker thread.

    ``generation`` numbers the forms: after a commit the form starts a new generation and
    discards the old one, and a late write of the old generation (queued before the commit) is
    ignored instead of bringing a committed purchase back as a draft.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DRAFT_NAME
        self._lock = threading.Lock()
        self._floor = 0

    def save(self, data: dict[str, Any], generation: int = 0, committing_at: str | None = None) -> bool:
        """Write the draft; False when ``generation`` was already discarded (nothing written)."""
        document = {
            "form": scrub_bsns(data),
            "committing_at": committing_at,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        payload = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        with self._lock:
            if generation < self._floor:
                return False
            atomic_write_bytes(self.path, payload)
            return True

    def clear(self, generation: int = 0) -> None:
        """The form was emptied by the clerk: no draft, but the generation may still write later."""
        with self._lock:
            if generation >= self._floor:
                _unlink(self.path)

    def discard(self, generation: int = 0) -> None:
        """Remove the current draft and refuse later writes of ``generation`` and older."""
        with self._lock:
            self._floor = max(self._floor, generation + 1)
            _unlink(self.path)

    def set_aside(self) -> list[Draft]:
        """Move the current draft aside and return every draft waiting to be offered, newest first."""
        with self._lock:
            if self.path.exists():
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
                os.replace(self.path, self.folder / f"previous-{stamp}.json")
            drafts = [d for d in (_read(p) for p in self.folder.glob(PREVIOUS_GLOB)) if d is not None]
        return sorted(drafts, key=lambda d: d.path.name, reverse=True)

    def keep_aside(self, data: dict[str, Any]) -> Draft:
        """Store a form as an offered draft (the clerk restores another one over it)."""
        saved_at = datetime.now(UTC)
        path = self.folder / f"previous-{saved_at.strftime('%Y%m%dT%H%M%S%f')}.json"
        document = {"form": scrub_bsns(data), "committing_at": None, "saved_at": saved_at.isoformat()}
        with self._lock:
            atomic_write_bytes(path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
        return Draft(path, document["form"], None, document["saved_at"])

    def forget(self, draft: Draft) -> None:
        """An offered draft was restored or discarded by the clerk."""
        with self._lock:
            _unlink(draft.path)


def _read(path: Path) -> Draft | None:
    """A saved draft; an unreadable file is set aside (``.broken``) rather than lost or crashing."""
    try:
        document = json.loads(read_json_file(path).decode("utf-8"))
        return Draft(
            path, dict(document["form"]), document.get("committing_at"), str(document.get("saved_at", ""))
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        log.warning("the draft file %s could not be read; kept as .broken", path)
        with contextlib.suppress(OSError):
            os.replace(path, path.with_suffix(".broken"))
        return None


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
