"""The admin API under ``/_admin/``: only the sandbox serves it, only to loopback clients.

It lets a test or a trainer change the world behind the client's back: report goods stolen later
(late hits), withdraw a report, expire tokens, switch faults on and off, and read the statistics
that prove every registration was stored exactly once.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from dor_desktop.sandbox.admin_store import (
    AdminConflict,
    NewStolenItem,
    add_stolen,
    list_stolen,
    registrations_overview,
    stats,
    withdraw_stolen,
)
from dor_desktop.sandbox.faults import DEFAULT_FAULT_PATH, FAULT_KINDS
from dor_desktop.sandbox.fieldcheck import FieldErrors
from dor_desktop.sandbox.http_helpers import config_of, db_of, faults_of, json_body
from dor_desktop.sandbox.matching import MIN_EXACT_LENGTH, normalise_identifier
from dor_desktop.sandbox.problems import Problem
from dor_desktop.sandbox.seed import IDENTIFIER_FIELDS
from dor_desktop.sandbox.tokens import expire_all_tokens
from dor_desktop.sandbox.validation import CATEGORIES


def _require_loopback(request: Request) -> None:
    host = request.client.host if request.client else ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise Problem(403, "admin_loopback_only", "the admin API answers only on the loopback interface")


async def _admin_json(request: Request) -> dict[str, Any]:
    _require_loopback(request)
    document = await json_body(request, status=400)
    if not isinstance(document, dict):
        raise Problem(400, "malformed_body", "the body must be a JSON object")
    return document


def _invalid(errors: FieldErrors) -> Problem:
    return Problem(422, "invalid_request", "the request is not valid", extra={"errors": errors.items})


async def get_stats(request: Request) -> JSONResponse:
    _require_loopback(request)
    counts = await db_of(request).run(stats)
    board = faults_of(request)
    counts["faults"] = {"active": board.active(), "applied": board.applied()}
    counts["token_ttl"] = config_of(request).token_ttl
    return JSONResponse(counts)


async def get_registrations(request: Request) -> JSONResponse:
    _require_loopback(request)
    reference = request.query_params.get("client_reference")
    rows = await db_of(request).run(registrations_overview, reference)
    return JSONResponse({"registrations": rows})


async def get_stolen(request: Request) -> JSONResponse:
    _require_loopback(request)
    return JSONResponse({"stolen_items": await db_of(request).run(list_stolen)})


async def post_stolen(request: Request) -> JSONResponse:
    """Body: field (imei|frame_number|serial_number), value, and optional category, brand,
    description, source, reported_stolen_on (date), stolen_id."""
    document = await _admin_json(request)
    errors = FieldErrors()
    field = errors.string(document, "field", "", required=True, enum=IDENTIFIER_FIELDS)
    value = errors.string(document, "value", "", required=True, max_length=64)
    if value is not None and len(normalise_identifier(value)) < MIN_EXACT_LENGTH:
        errors.add("value", "min_length", f"needs at least {MIN_EXACT_LENGTH} letters or digits")
    category = errors.string(document, "category", "", required=False, enum=CATEGORIES)
    optional = {
        key: errors.string(document, key, "", required=False, max_length=500)
        for key in ("brand", "description", "source", "stolen_id")
    }
    reported = errors.string(document, "reported_stolen_on", "", required=False, fmt="date")
    if errors or field is None or value is None:
        raise _invalid(errors)
    new = NewStolenItem(
        field=field,
        value=value,
        category=category,
        brand=optional["brand"],
        description=optional["description"],
        source=optional["source"] or "POLITIE",
        reported_stolen_on=reported,
        stolen_id=optional["stolen_id"],
    )
    try:
        created = await db_of(request).run(add_stolen, new)
    except AdminConflict as exc:
        raise Problem(409, "conflict", str(exc)) from None
    return JSONResponse(created, status_code=201)


async def post_withdraw(request: Request) -> JSONResponse:
    _require_loopback(request)
    stolen_id = request.path_params["stolen_id"]
    try:
        withdrawn = await db_of(request).run(withdraw_stolen, stolen_id)
    except AdminConflict as exc:
        raise Problem(409, "conflict", str(exc)) from None
    if withdrawn is None:
        raise Problem(404, "unknown_stolen_item", f"no stolen item {stolen_id}")
    return JSONResponse({"stolen_id": stolen_id, "withdrawn_hits": withdrawn})


async def post_expire_tokens(request: Request) -> JSONResponse:
    _require_loopback(request)
    return JSONResponse({"expired": await db_of(request).run(expire_all_tokens)})


async def get_faults(request: Request) -> JSONResponse:
    _require_loopback(request)
    board = faults_of(request)
    return JSONResponse({"faults": board.active(), "applied": board.applied()})


async def post_fault(request: Request) -> JSONResponse:
    """Body: kind, and optional count (>= 1, or null for "until reset"; default 1), path (prefix,
    default /v1/registrations), retry_after (seconds, default 1), delay (seconds, default 1.0)."""
    document = await _admin_json(request)
    errors = FieldErrors()
    kind = errors.string(document, "kind", "", required=True, enum=FAULT_KINDS)
    count: int | None = 1
    if "count" in document and document["count"] is None:
        count = None
    else:
        count = errors.integer(document, "count", "", required=False, minimum=1) or 1
    path = errors.string(document, "path", "", required=False, max_length=200) or DEFAULT_FAULT_PATH
    if not path.startswith("/") or path.startswith("/_admin"):
        errors.add("path", "pattern", "must start with / and must not be an admin path")
    retry_after = errors.integer(document, "retry_after", "", required=False, minimum=0, maximum=86400)
    delay = document.get("delay", 1.0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 600:
        errors.add("delay", "range", "must be a number of seconds from 0 to 600")
    if errors or kind is None:
        raise _invalid(errors)
    fault = faults_of(request).add(
        kind,
        count=count,
        path=path,
        retry_after=1 if retry_after is None else retry_after,
        delay=float(delay),
    )
    return JSONResponse({"fault": fault.as_dict()}, status_code=201)


async def delete_faults(request: Request) -> JSONResponse:
    _require_loopback(request)
    return JSONResponse({"removed": faults_of(request).reset()})


ADMIN_ROUTES = [
    Route("/_admin/stats", get_stats, methods=["GET"]),
    Route("/_admin/registrations", get_registrations, methods=["GET"]),
    Route("/_admin/stolen", get_stolen, methods=["GET"]),
    Route("/_admin/stolen", post_stolen, methods=["POST"]),
    Route("/_admin/stolen/{stolen_id}/withdraw", post_withdraw, methods=["POST"]),
    Route("/_admin/tokens/expire", post_expire_tokens, methods=["POST"]),
    Route("/_admin/faults", get_faults, methods=["GET"]),
    Route("/_admin/faults", post_fault, methods=["POST"]),
    Route("/_admin/faults", delete_faults, methods=["DELETE"]),
]
