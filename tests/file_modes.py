"""Checking that a data folder is private: every folder 0700, every file 0600 (POSIX modes)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def loose_modes(home: Path) -> list[str]:
    """Every folder under ``home`` (itself included) not 0700 and every file not 0600."""
    loose = []
    for path in [home, *home.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            loose.append(f"{path.relative_to(home)}: {oct(mode)}")
    return loose


@contextmanager
def common_umask() -> Iterator[None]:
    """Run with the usual umask (022), so only the program's own care makes files private."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)
