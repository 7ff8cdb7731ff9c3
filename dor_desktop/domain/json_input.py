"""JSON text from outside (a purchase file, stdin) turned into plain data, or one clear error.

``json.loads`` alone lets three things through that later crash far from the input: nesting deep
enough to exhaust the interpreter's stack (RecursionError), ``"\\ud800"`` escapes that decode to
lone surrogates (any later UTF-8 encoding fails: the database, the log, the terminal), and
absurdly deep but legal structures. Each is refused here, naming the input.
"""

from __future__ import annotations

import json
from typing import Any

from dor_desktop.errors import UserError

#: A purchase is four levels deep; a hundred is far beyond any honest file.
MAX_DEPTH = 100


def parse_json_text(text: str, name: str) -> Any:
    """The data in ``text`` (read from ``name``), refusing bad JSON, deep nesting and lone surrogates."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise UserError(f"{name} is not valid JSON: {exc.msg} at {where}") from None
    except RecursionError:
        raise UserError(f"{name} is nested too deeply (at most {MAX_DEPTH} levels)") from None
    _check(data, name)
    return data


def _check(data: Any, name: str) -> None:
    """Walk ``data`` without recursion: depth and text that is not valid Unicode."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UserError(f"{name} is nested too deeply (at most {MAX_DEPTH} levels)")
        if isinstance(value, dict):
            stack += [(key, depth) for key in value]
            stack += [(item, depth + 1) for item in value.values()]
        elif isinstance(value, list):
            stack += [(item, depth + 1) for item in value]
        elif isinstance(value, str) and not _is_unicode(value):
            raise UserError(f"{name} holds text that is not valid Unicode (a lone surrogate such as \\ud800)")


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
