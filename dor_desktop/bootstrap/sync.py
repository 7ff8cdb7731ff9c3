"""Building a :class:`SyncService` for an opened register: the real DOR, or the bundled sandbox.

Practice mode (no DOR configured) starts the sandbox in this process on a free loopback port, with
its state in the practice data folder, so a new install works end to end on day one without a
single practice entry reaching the legal register. This is the only place that knows the sandbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack

from dor_desktop.sandbox.config import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET
from dor_desktop.services.context import AppContext
from dor_desktop.sync import credentials
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncOptions, SyncService

#: The sandbox's published demo login, used in practice mode.
PRACTICE_LOGIN = (DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET)


def resolve_access(app: AppContext, environ: Mapping[str, str] | None = None) -> credentials.DorAccess:
    """Where ``app`` sends its queue and how it logs in (the sandbox's login in practice mode)."""
    return credentials.resolve_access(app.settings, PRACTICE_LOGIN, environ)


def build_sync_service(
    app: AppContext, *, environ: Mapping[str, str] | None = None, options: SyncOptions | None = None
) -> SyncService:
    """A service for ``app``'s register; close it to stop the sandbox it may have started."""
    access = resolve_access(app, environ)
    if access.uses_sandbox != app.practice:
        raise RuntimeError("the DOR configuration changed after the register was opened; restart")
    resources = ExitStack()
    try:
        url = access.url
        if url is None:
            from dor_desktop.sandbox.server import run_sandbox

            url = resources.enter_context(run_sandbox(app.paths.sandbox_database))
        transport = HttpTransport(access.at(url))
    except BaseException:
        resources.close()
        raise
    return SyncService(
        app.db,
        transport,
        options=options,
        sandbox=access.uses_sandbox,
        resources=resources,
        endpoint=app.dor_endpoint,
    )
