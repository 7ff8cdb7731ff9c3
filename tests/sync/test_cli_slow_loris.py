"""The issue's "done when": a slow-loris DOR makes ``dor-desktop sync --once`` give up, with the
entry still queued, as a real process with its default limits against a real loopback server.

The server sends its answer one byte every 0.05 s: no read ever waits long enough to time out,
and the answer would be complete after two minutes (tests/sync/hostile.py). Only the total
deadline per request (45 s by default, so a pass gives up within the minute) stops the exchange;
a client without it would receive the acknowledgement and this test would fail on the state.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dor_desktop.sync.credentials import ENV_CLIENT_ID, ENV_SECRET, ENV_URL
from dor_desktop.sync.http_client import DEFAULT_REQUEST_SECONDS
from tests.sync.canned import CannedServer
from tests.sync.hostile import slow_body
from tests.sync.test_hostile_server import _accept_all


@pytest.mark.slow
def test_sync_once_gives_up_on_a_slow_loris_dor_with_the_entry_still_queued(home, make_purchase, tmp_path):
    assert DEFAULT_REQUEST_SECONDS < 60  # what "gives up within a minute" rests on
    purchase = tmp_path / "purchase.json"
    purchase.write_text(json.dumps(make_purchase()), encoding="utf-8")
    with CannedServer() as server:
        server.raw("POST", "/v1/registrations", slow_body(_accept_all))
        env = {**os.environ, "DOR_DESKTOP_HOME": str(home), ENV_URL: server.url, ENV_CLIENT_ID: "shop-1",
               ENV_SECRET: "secret"}  # fmt: skip

        def cli(*args: str) -> subprocess.CompletedProcess:
            command = [sys.executable, "-m", "dor_desktop", *args]
            return subprocess.run(command, env=env, capture_output=True, text=True, timeout=200)

        added = cli("register", "add", "--json", str(purchase))
        synced = cli("sync", "--once")
        listed = cli("register", "list", "--json")

    assert added.returncode == 0, added.stderr
    assert synced.returncode == 4, synced.stderr
    assert "did not answer in time" in synced.stderr and "Traceback" not in synced.stderr
    assert [row["sync_state"] for row in json.loads(listed.stdout)] == ["pending"]
    assert server.requests["/v1/registrations"] == 1
