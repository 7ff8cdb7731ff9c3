"""Assembles the sandbox ASGI application from its routes, fault switches and database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response

from dor_desktop.sandbox.admin import ADMIN_ROUTES
from dor_desktop.sandbox.api import ROUTES
from dor_desktop.sandbox.config import SandboxConfig
from dor_desktop.sandbox.database import Database
from dor_desktop.sandbox.faults import FaultBoard, FaultMiddleware
from dor_desktop.sandbox.problems import Problem, problem_response


def create_app(config: SandboxConfig) -> Starlette:
    """A fresh app; the database opens at ASGI start-up and closes at shutdown."""
    database = Database(config.db_path)
    board = FaultBoard()

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await database.open()
        try:
            yield
        finally:
            await database.close()

    app = Starlette(
        routes=[*ROUTES, *ADMIN_ROUTES],
        middleware=[Middleware(FaultMiddleware, board=board)],
        exception_handlers={Problem: _on_problem, HTTPException: _on_http_exception, Exception: _on_error},
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.db = database
    app.state.faults = board
    return app


async def _on_problem(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return exc.response()


async def _on_http_exception(_request: Request, exc: Exception) -> Response:
    """Routing errors (404, 405) as problem documents too, keeping headers such as Allow."""
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return problem_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


async def _on_error(_request: Request, _exc: Exception) -> Response:
    """A bug: answer with a problem document; uvicorn still logs the traceback."""
    return problem_response(500, "internal_error", "the sandbox failed unexpectedly; see its log")
