"""Request plumbing shared by the public and the admin handlers: state, bodies, JSON, auth."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from dor_desktop.sandbox.config import SandboxConfig
from dor_desktop.sandbox.database import Database
from dor_desktop.sandbox.faults import FaultBoard
from dor_desktop.sandbox.problems import Problem
from dor_desktop.sandbox.tokens import client_for_token


def db_of(request: Request) -> Database:
    return request.app.state.db


def config_of(request: Request) -> SandboxConfig:
    return request.app.state.config


def faults_of(request: Request) -> FaultBoard:
    return request.app.state.faults


async def read_body(request: Request, *, too_large_status: int = 413) -> bytes:
    """The whole body, refusing more than the configured maximum before reading it all."""
    limit = config_of(request).max_body_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Problem(too_large_status, "payload_too_large", f"the body is larger than {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise Problem(too_large_status, "payload_too_large", f"the body is larger than {limit} bytes")
    return bytes(body)


def is_json_media_type(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(body: bytes) -> Any:
    """Strict JSON (no NaN/Infinity); raises ValueError for anything else."""
    try:
        return json.loads(body, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


async def json_body(request: Request, *, status: int) -> Any:
    """The parsed JSON body, or a problem with ``status`` (400 or 422, as the contract lists)."""
    if not is_json_media_type(request):
        raise Problem(
            status, "unsupported_media_type", "the body must be JSON (Content-Type: application/json)"
        )
    body = await read_body(request)
    try:
        return parse_json(body)
    except ValueError:
        raise Problem(status, "malformed_json", "the body is not valid JSON") from None


async def authenticated_client(request: Request) -> str:
    """The client id of a valid bearer token, else a 401 problem."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise Problem(
            401,
            "unauthorized",
            "a bearer access token is required; get one from POST /oauth/token",
            headers={"WWW-Authenticate": 'Bearer realm="dor-sandbox"'},
        )
    client_id = await db_of(request).run(client_for_token, token)
    if client_id is None:
        raise Problem(
            401,
            "invalid_token",
            "the access token is unknown or has expired; request a new one",
            headers={"WWW-Authenticate": 'Bearer realm="dor-sandbox", error="invalid_token"'},
        )
    return client_id
