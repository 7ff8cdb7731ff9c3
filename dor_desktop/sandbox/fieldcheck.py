"""Small JSON-Schema-like field checks that report errors as the contract's FieldError.

The sandbox validates by hand rather than with a JSON Schema library because the contract wants one
error per field with a stable ``code`` and a ``field`` path such as ``items[0].imei``, and because
the server must not depend on test-only packages. Messages never repeat the submitted value: a
value can be a citizen service number, which must not travel back or be logged.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime, timedelta, timezone
from typing import Any

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATE_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
MONEY_PATTERN = re.compile(r"[0-9]{1,9}\.[0-9]{2}")


def child(path: str, key: str) -> str:
    """``seller`` + ``address`` -> ``seller.address``; the root has an empty path."""
    return f"{path}.{key}" if path else key


def is_integer(value: Any) -> bool:
    """JSON Schema's integer: a number without a fraction (``2.0`` counts), never a boolean."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def is_date(value: str) -> bool:
    match = _DATE.fullmatch(value)
    if not match:
        return False
    try:
        date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def is_date_time(value: str) -> bool:
    """RFC 3339 date-time with a ``Z`` or numeric offset."""
    match = _DATE_TIME.fullmatch(value)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    offset = match.group(8)
    try:
        datetime(year, month, day, hour, minute, min(second, 59))
        if offset not in ("Z", "z"):
            hours, minutes = int(offset[1:3]), int(offset[4:6])
            timezone(timedelta(hours=hours, minutes=minutes))
            if minutes > 59:
                return False
    except ValueError:
        return False
    # RFC 3339 allows a leap second only as the last second of a day.
    return second <= 59 or (second == 60 and hour == 23 and minute == 59)


_FORMATS = {"uuid": is_uuid, "date": is_date, "date-time": is_date_time}


class FieldErrors:
    """Collects ``{"field", "code", "message"}`` errors while one document is checked."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.items.append({"field": field, "code": code, "message": message})

    def __bool__(self) -> bool:
        return bool(self.items)

    def object(self, parent: Any, key: str, path: str, *, required: bool) -> dict[str, Any] | None:
        """The nested object at ``parent[key]``, or None (with an error when it is wrong)."""
        value = self._present(parent, key, path, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(child(path, key), "type", "must be an object")
            return None
        return value

    def array(
        self,
        parent: Any,
        key: str,
        path: str,
        *,
        required: bool,
        min_items: int = 0,
        max_items: int | None = None,
    ) -> list[Any] | None:
        value = self._present(parent, key, path, required)
        if value is None:
            return None
        field = child(path, key)
        if not isinstance(value, list):
            self.add(field, "type", "must be an array")
            return None
        if len(value) < min_items:
            self.add(field, "min_items", f"needs at least {min_items} element(s)")
            return None
        if max_items is not None and len(value) > max_items:
            self.add(field, "max_items", f"takes at most {max_items} elements")
            return None
        return value

    def string(
        self,
        parent: Any,
        key: str,
        path: str,
        *,
        required: bool,
        max_length: int | None = None,
        min_length: int = 0,
        pattern: re.Pattern[str] | None = None,
        enum: Collection[str] | None = None,
        fmt: str | None = None,
    ) -> str | None:
        """The string at ``parent[key]`` when it passes every given rule, else None."""
        value = self._present(parent, key, path, required)
        if value is None:
            return None
        return self.string_value(
            value,
            child(path, key),
            max_length=max_length,
            min_length=min_length,
            pattern=pattern,
            enum=enum,
            fmt=fmt,
        )

    def string_value(
        self,
        value: Any,
        field: str,
        *,
        max_length: int | None = None,
        min_length: int = 0,
        pattern: re.Pattern[str] | None = None,
        enum: Collection[str] | None = None,
        fmt: str | None = None,
    ) -> str | None:
        if not isinstance(value, str):
            self.add(field, "type", "must be a string")
            return None
        if enum is not None and value not in enum:
            self.add(field, "enum", "must be one of: " + ", ".join(sorted(enum)))
            return None
        if len(value) < min_length:
            self.add(field, "min_length", f"must be at least {min_length} character(s)")
            return None
        if max_length is not None and len(value) > max_length:
            self.add(field, "max_length", f"must be at most {max_length} characters")
            return None
        if pattern is not None and pattern.fullmatch(value) is None:
            self.add(field, "pattern", f"must match {pattern.pattern}")
            return None
        if fmt is not None and not _FORMATS[fmt](value):
            self.add(field, "format", f"must be a valid {fmt}")
            return None
        return value

    def integer(
        self,
        parent: Any,
        key: str,
        path: str,
        *,
        required: bool,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        value = self._present(parent, key, path, required)
        if value is None:
            return None
        field = child(path, key)
        if not is_integer(value):
            self.add(field, "type", "must be an integer")
            return None
        if minimum is not None and value < minimum:
            self.add(field, "minimum", f"must be at least {minimum}")
            return None
        if maximum is not None and value > maximum:
            self.add(field, "maximum", f"must be at most {maximum}")
            return None
        return int(value)

    def money(self, parent: Any, key: str, path: str, *, required: bool) -> None:
        """The contract's Money: a two-decimal string value, currency EUR."""
        amount = self.object(parent, key, path, required=required)
        if amount is None:
            return
        field = child(path, key)
        self.string(amount, "value", field, required=True, pattern=MONEY_PATTERN)
        self.string(amount, "currency", field, required=True, enum=("EUR",))

    def _present(self, parent: Any, key: str, path: str, required: bool) -> Any:
        """``parent[key]`` or None; a missing required key is reported, an explicit null too."""
        if key not in parent:
            if required:
                self.add(child(path, key), "required", "is required")
            return None
        value = parent[key]
        if value is None:
            self.add(child(path, key), "type", "must not be null")
        return value
