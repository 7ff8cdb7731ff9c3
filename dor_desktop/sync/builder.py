"""Building a :class:`SyncService` from the application context: real DOR or bundled sandbox.

With a DOR URL (settings or ``DOR_DESKTOP_DOR_URL``) the service talks to it over HTTPS; without
one it starts the sandbox in this process on a free loopback port, with its state next to the
register (``<data folder>/sandbox/``), so a new install works end to end on day one.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack

from dor_desktop.app.context import AppContext
from dor_desktop.sync.credentials import resolve_access
from dor_desktop.sync.http_client import HttpTransport
from dor_desktop.sync.service import SyncOptions, SyncService


def build_sync_service(
    app: AppContext, *, environ: Mapping[str, str] | None = None, options: SyncOptions | None = None
) -> SyncService:
    """A service for ``app``'s register; close it to stop the sandbox it may have started."""
    access = resolve_access(app.settings, environ)
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
    return SyncService(app.db, transport, options=options, sandbox=access.uses_sandbox, resources=resources)
