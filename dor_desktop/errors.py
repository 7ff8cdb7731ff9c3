"""Errors that reach the clerk or the command line as one clear line.

Anything raised as a :class:`UserError` is printed without a traceback and ends a command with
its ``exit_code``; every other exception is a bug and is logged in full.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on: bad input, a missing file, an unreachable server."""

    exit_code: int = 2

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
