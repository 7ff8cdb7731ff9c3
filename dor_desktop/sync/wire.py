"""The contract's answers as frozen dataclasses, parsed strictly from whatever the server sent.

Why strict: the drainer turns these answers into acknowledged entries and police holds. An answer
of the wrong shape must stop at this boundary as one :class:`BadResponse` (the batch then stays
pending and is re-sent) instead of half-recording it or crashing the sync worker. Unknown extra
fields are ignored, so a newer server does not break an older client.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dor_desktop.domain.registration import ChainPosition
from dor_desktop.storage.anchor import AcknowledgedHead
from dor_desktop.storage.chain import canonical_json
from dor_desktop.sync.errors import BadResponse

_SHA256 = re.compile(r"[0-9a-f]{64}")
#: The largest whole number taken from an answer: SQLite's, so any of them can be stored.
MAX_INTEGER = 2**63 - 1
#: A token lifetime beyond a year is not meant; the token is renewed on a 401 anyway.
MAX_TOKEN_SECONDS = 366 * 24 * 3600
#: (1.1) The conflict code for a register number or chain position the shop already used.
REGISTER_NUMBER_REUSED = "register_number_reused"
RESULT_STATUSES = ("accepted", "duplicate", "rejected", "conflict")
MATCH_TYPES = ("exact", "partial")


@dataclass(frozen=True)
class Hit:
    """A stolen-goods match on a registered (or checked) item."""

    hit_id: str
    match_type: str
    matched_field: str
    matched_value: str
    item_line: int | None = None
    source: str = ""
    reported_stolen_on: str | None = None
    instructions: str = ""

    def to_json(self) -> dict:
        data: dict[str, Any] = {
            "hit_id": self.hit_id,
            "match_type": self.match_type,
            "matched_field": self.matched_field,
            "matched_value": self.matched_value,
        }
        optional = {
            "item_line": self.item_line,
            "source": self.source,
            "reported_stolen_on": self.reported_stolen_on,
            "instructions": self.instructions,
        }
        data.update({k: v for k, v in optional.items() if v not in (None, "")})
        return data


@dataclass(frozen=True)
class WireFieldError:
    """The DOR's own complaint about one field of a registration (``items[0].imei``)."""

    field: str
    code: str
    message: str = ""

    def to_json(self) -> dict:
        return {"field": self.field, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class RegistrationResult:
    client_reference: str
    status: str
    dor_id: str | None = None
    hits: tuple[Hit, ...] = ()
    errors: tuple[WireFieldError, ...] = ()
    #: (1.1) The entry hash the DOR now holds for the registration's chain position.
    chain_acknowledged: str | None = None

    @property
    def is_acknowledged(self) -> bool:
        """Accepted now or earlier: either way the DOR holds it under ``dor_id``."""
        return self.status in ("accepted", "duplicate")

    def to_json(self) -> dict:
        """The form stored in ``outbox.result`` (``register show`` reads ``errors`` from it)."""
        data: dict[str, Any] = {"status": self.status}
        if self.dor_id:
            data["dor_id"] = self.dor_id
        if self.hits:
            data["hits"] = [hit.to_json() for hit in self.hits]
        if self.errors:
            data["errors"] = [error.to_json() for error in self.errors]
        if self.chain_acknowledged:
            data["chain_acknowledged"] = self.chain_acknowledged
        return data


@dataclass(frozen=True)
class Notification:
    notification_id: str
    cursor: str
    type: str
    dor_id: str
    client_reference: str
    created_at: str
    hit: Hit | None = None


@dataclass(frozen=True)
class NotificationPage:
    notifications: tuple[Notification, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class ServerStatus:
    status: str
    server_time: datetime


class _Reader:
    """Typed access into decoded JSON; every wrong type becomes a BadResponse naming the path."""

    def __init__(self, what: str) -> None:
        self.what = what

    def fail(self, path: str, problem: str) -> BadResponse:
        # Cut short: the problem may quote the server's value, and the message is stored per entry.
        return BadResponse(f"the DOR server sent a malformed {self.what}: {path[:100]} {problem[:200]}")

    def obj(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "is not an object")
        return value

    def array(self, data: Mapping[str, Any], key: str, path: str) -> list:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(f"{path}{key}", "is not a list")
        return value

    def optional_array(self, data: Mapping[str, Any], key: str, path: str) -> list:
        """A list that may be left out (or null): then empty."""
        if data.get(key) is None:
            return []
        return self.array(data, key, path)

    def text(self, data: Mapping[str, Any], key: str, path: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or (required and not value):
            raise self.fail(f"{path}{key}", "is missing or not text")
        if not _encodable(value):
            # JSON may escape a lone surrogate; such a text cannot be stored, logged or shown.
            raise self.fail(f"{path}{key}", "is not valid Unicode text")
        return value

    def choice(self, data: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...]) -> str:
        value = self.text(data, key, path)
        if value not in allowed:
            raise self.fail(f"{path}{key}", f"is {value!r}, not one of {', '.join(allowed)}")
        return value

    def sha256(self, data: Mapping[str, Any], key: str, path: str, required: bool) -> str | None:
        value = self.text(data, key, path, required)
        if value is not None and not _SHA256.fullmatch(value):
            raise self.fail(f"{path}{key}", "is not a SHA-256 hash in lower-case hex")
        return value

    def integer(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{path}{key}", "is not a whole number")
        if not -MAX_INTEGER <= value <= MAX_INTEGER:
            raise self.fail(f"{path}{key}", "is a number too large to be meant")
        return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_hit(reader: _Reader, value: Any, path: str) -> Hit:
    data = reader.obj(value, path)
    prefix = f"{path}."
    return Hit(
        hit_id=reader.text(data, "hit_id", prefix) or "",
        match_type=reader.choice(data, "match_type", prefix, MATCH_TYPES),
        matched_field=reader.text(data, "matched_field", prefix) or "",
        matched_value=reader.text(data, "matched_value", prefix) or "",
        item_line=reader.integer(data, "item_line", prefix),
        source=reader.text(data, "source", prefix, required=False) or "",
        reported_stolen_on=reader.text(data, "reported_stolen_on", prefix, required=False),
        instructions=reader.text(data, "instructions", prefix, required=False) or "",
    )


def _parse_field_error(reader: _Reader, value: Any, path: str) -> WireFieldError:
    data = reader.obj(value, path)
    prefix = f"{path}."
    return WireFieldError(
        field=reader.text(data, "field", prefix, required=False) or "",
        code=reader.text(data, "code", prefix) or "",
        message=reader.text(data, "message", prefix, required=False) or "",
    )


def _parse_result(reader: _Reader, value: Any, path: str) -> RegistrationResult:
    data = reader.obj(value, path)
    prefix = f"{path}."
    status = reader.choice(data, "status", prefix, RESULT_STATUSES)
    dor_id = reader.text(data, "dor_id", prefix, required=status in ("accepted", "duplicate"))
    hits = tuple(
        parse_hit(reader, h, f"{prefix}hits[{i}]")
        for i, h in enumerate(reader.optional_array(data, "hits", prefix))
    )
    errors = tuple(
        _parse_field_error(reader, e, f"{prefix}errors[{i}]")
        for i, e in enumerate(reader.optional_array(data, "errors", prefix))
    )
    return RegistrationResult(
        client_reference=reader.text(data, "client_reference", prefix) or "",
        status=status,
        dor_id=dor_id,
        hits=hits,
        errors=errors,
        chain_acknowledged=reader.sha256(data, "chain_acknowledged", prefix, required=False),
    )


def parse_results(body: Any) -> list[RegistrationResult]:
    """The ``results`` of a batch submission, in the order the server gave them."""
    reader = _Reader("batch result")
    data = reader.obj(body, "the answer")
    return [
        _parse_result(reader, r, f"results[{i}]") for i, r in enumerate(reader.array(data, "results", ""))
    ]


def parse_notifications(body: Any) -> NotificationPage:
    """A feed page. A notice of a type we do not know, or without a hit, is kept for the poller to
    skip: one odd notice must not stall the feed, while a page of the wrong shape stops it."""
    reader = _Reader("notifications page")
    data = reader.obj(body, "the answer")
    items = []
    for index, raw in enumerate(reader.array(data, "notifications", "")):
        path = f"notifications[{index}]."
        entry = reader.obj(raw, path[:-1])
        hit_data = entry.get("hit")
        items.append(
            Notification(
                notification_id=reader.text(entry, "notification_id", path) or "",
                cursor=reader.text(entry, "cursor", path) or "",
                type=reader.text(entry, "type", path) or "",
                dor_id=reader.text(entry, "dor_id", path) or "",
                client_reference=reader.text(entry, "client_reference", path) or "",
                created_at=reader.text(entry, "created_at", path) or "",
                hit=None if hit_data is None else parse_hit(reader, hit_data, f"{path}hit"),
            )
        )
    if "next_cursor" not in data:
        raise reader.fail("next_cursor", "is missing")
    next_cursor = reader.text(data, "next_cursor", "", required=False)
    return NotificationPage(tuple(items), next_cursor)


def parse_matches(body: Any) -> list[Hit]:
    reader = _Reader("check answer")
    data = reader.obj(body, "the answer")
    return [parse_hit(reader, m, f"matches[{i}]") for i, m in enumerate(reader.array(data, "matches", ""))]


def parse_event_id(body: Any) -> str:
    reader = _Reader("event answer")
    return reader.text(reader.obj(body, "the answer"), "event_id", "") or ""


def parse_status(body: Any) -> ServerStatus:
    reader = _Reader("status answer")
    data = reader.obj(body, "the answer")
    status = reader.text(data, "status", "") or ""
    moment = reader.text(data, "server_time", "") or ""
    try:
        server_time = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        raise reader.fail("server_time", f"is {moment!r}, not an RFC 3339 time") from None
    if server_time.tzinfo is None:
        raise reader.fail("server_time", f"is {moment!r}, without the offset RFC 3339 requires")
    return ServerStatus(status, server_time)


def parse_token(body: Any) -> tuple[str, int]:
    """``(access_token, expires_in seconds)`` from a token answer."""
    reader = _Reader("token answer")
    data = reader.obj(body, "the answer")
    token = reader.text(data, "access_token", "") or ""
    token_type = reader.text(data, "token_type", "") or ""
    if token_type.lower() != "bearer":
        raise reader.fail("token_type", f"is {token_type!r}, not Bearer")
    expires_in = reader.integer(data, "expires_in", "")
    if expires_in is None or not 0 < expires_in <= MAX_TOKEN_SECONDS:
        raise reader.fail(
            "expires_in", f"is missing or not a number of seconds from 1 to {MAX_TOKEN_SECONDS}"
        )
    return token, expires_in


def parse_chain_head(body: Any, counter: str) -> AcknowledgedHead:
    """(1.1) The chain head the DOR acknowledged for ``counter`` (sequence 0: nothing yet)."""
    reader = _Reader("chain head")
    data = reader.obj(body, "the answer")
    answered = reader.text(data, "counter", "") or ""
    if answered != counter:
        raise reader.fail("counter", f"is {answered!r} where {counter!r} was asked for")
    sequence = reader.integer(data, "sequence", "")
    if sequence is None or sequence < 0:
        raise reader.fail("sequence", "is missing or negative")
    return AcknowledgedHead(
        counter=counter,
        sequence=sequence,
        entry_hash=reader.sha256(data, "entry_hash", "", required=False),
        register_number=reader.text(data, "register_number", "", required=False),
    )


def registration_text(frozen: str, position: ChainPosition | None) -> str:
    """The registration as sent: the frozen text byte for byte, with its ``chain`` member added.

    The frozen message is a JSON object without ``chain`` (the entry's position is not known to the
    message when it is written, and a message frozen before contract 1.1 has none); the position
    comes from the entry row, which the hash chain protects.
    """
    if position is None:
        return frozen
    body = frozen.rstrip()
    if not body.endswith("}") or body.lstrip() == "{}":
        raise ValueError("a frozen registration is a non-empty JSON object")
    return f'{body[:-1]},"chain":{canonical_json(position.to_json())}}}'
