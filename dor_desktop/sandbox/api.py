"""The contract's paths (resources/openapi.yaml), as Starlette routes."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from dor_desktop.sandbox.chain_heads import chain_head
from dor_desktop.sandbox.clock import now_rfc3339
from dor_desktop.sandbox.events import record_event
from dor_desktop.sandbox.feeds import check_serial, notifications_page
from dor_desktop.sandbox.fieldcheck import is_uuid
from dor_desktop.sandbox.http_helpers import (
    authenticated_client,
    config_of,
    db_of,
    faults_of,
    json_body,
    read_body,
)
from dor_desktop.sandbox.problems import Problem
from dor_desktop.sandbox.registrations import MAX_BATCH, submit_batch
from dor_desktop.sandbox.tokens import credentials_valid, issue_token
from dor_desktop.sandbox.validation import CATEGORIES

TOKEN_SCOPE = "dor.register dor.check"
DEFAULT_PAGE = 100
MAX_PAGE = 500
MAX_COUNTER = 16


async def issue_access_token(request: Request) -> JSONResponse:
    """OAuth2 client credentials. Every failure is a 401, the only error the contract lists here."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/x-www-form-urlencoded":
        raise _token_problem("invalid_request", "send the credentials form-encoded")
    form = dict(parse_qsl((await read_body(request, too_large_status=401)).decode("utf-8", errors="replace")))
    if form.get("grant_type") != "client_credentials":
        raise _token_problem("unsupported_grant_type", "grant_type must be client_credentials")
    client_id = form.get("client_id", "")
    if not credentials_valid(config_of(request).clients, client_id, form.get("client_secret", "")):
        raise _token_problem("invalid_client", "unknown client_id or wrong client_secret")
    ttl = config_of(request).token_ttl
    token = await db_of(request).run(issue_token, client_id, ttl)
    return JSONResponse(
        {"access_token": token, "token_type": "Bearer", "expires_in": ttl, "scope": TOKEN_SCOPE},
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def _token_problem(code: str, detail: str) -> Problem:
    return Problem(401, code, detail, headers={"WWW-Authenticate": 'Basic realm="dor-sandbox"'})


async def status(request: Request) -> JSONResponse:
    """``degraded`` while a fault is switched on, so a demo shows why requests fail."""
    state = "degraded" if faults_of(request).active() else "ok"
    return JSONResponse({"status": state, "server_time": now_rfc3339()})


async def submit_registrations(request: Request) -> JSONResponse:
    client_id = await authenticated_client(request)
    document = await json_body(request, status=400)
    if not isinstance(document, dict) or not isinstance(document.get("registrations"), list):
        raise Problem(400, "malformed_batch", 'the body must be an object with a "registrations" array')
    registrations = document["registrations"]
    if not registrations:
        raise Problem(400, "empty_batch", "a batch holds at least one registration")
    if len(registrations) > MAX_BATCH:
        raise Problem(413, "batch_too_large", f"a batch holds at most {MAX_BATCH} registrations")
    results = await db_of(request).run(submit_batch, client_id, registrations)
    return JSONResponse({"results": results})


async def submit_event(request: Request) -> JSONResponse:
    client_id = await authenticated_client(request)
    key = request.headers.get("idempotency-key")
    if not is_uuid(key):
        raise Problem(422, "idempotency_key", "an Idempotency-Key header with a UUID is required")
    event = await json_body(request, status=422)
    outcome = await db_of(request).run(record_event, client_id, request.path_params["dor_id"], key, event)
    if outcome.status == 404:
        raise Problem(404, "unknown_registration", "no registration of yours has this dor_id")
    if outcome.status == 422:
        raise Problem(422, "invalid_event", "the event is not valid", extra={"errors": list(outcome.errors)})
    if outcome.status == 409:
        raise Problem(409, "idempotency_conflict", "this Idempotency-Key was used before for another request")
    return JSONResponse({"event_id": outcome.event_id}, status_code=201)


async def list_notifications(request: Request) -> JSONResponse:
    client_id = await authenticated_client(request)
    limit = _page_size(request.query_params.get("limit"))
    after = request.query_params.get("after") or None
    page = await db_of(request).run(notifications_page, client_id, after, limit)
    return JSONResponse(page)


def _page_size(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_PAGE
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise Problem(400, "invalid_limit", f"limit must be a whole number from 1 to {MAX_PAGE}")
    return int(raw)


async def check_goods(request: Request) -> JSONResponse:
    await authenticated_client(request)
    serial = request.query_params.get("serial")
    if serial is None or not 3 <= len(serial) <= 64:
        raise Problem(400, "invalid_serial", "serial is required, 3 to 64 characters")
    category = request.query_params.get("category")
    if category is not None and category not in CATEGORIES:
        raise Problem(400, "invalid_category", "category is not one of the contract's categories")
    brand = request.query_params.get("brand")
    matches = await db_of(request).run(check_serial, serial, category, brand)
    return JSONResponse({"matches": matches})


async def get_chain_head(request: Request) -> JSONResponse:
    """(1.1) The highest acknowledged chain position of this shop (the token's client) and counter."""
    client_id = await authenticated_client(request)
    counter = request.query_params.get("counter")
    if counter is None or len(counter) > MAX_COUNTER:
        raise Problem(400, "invalid_counter", f"counter is required, at most {MAX_COUNTER} characters")
    return JSONResponse(await db_of(request).run(chain_head, client_id, counter))


ROUTES = [
    Route("/oauth/token", issue_access_token, methods=["POST"]),
    Route("/v1/status", status, methods=["GET"]),
    Route("/v1/registrations", submit_registrations, methods=["POST"]),
    Route("/v1/registrations/{dor_id}/events", submit_event, methods=["POST"]),
    Route("/v1/notifications", list_notifications, methods=["GET"]),
    Route("/v1/checks", check_goods, methods=["GET"]),
    Route("/v1/chain-head", get_chain_head, methods=["GET"]),
]
