"""Starting and stopping the in-process sandbox the application uses as its demo server."""

from __future__ import annotations

import socket

import httpx
import pytest

from dor_desktop.errors import UserError
from dor_desktop.sandbox.config import default_db_path
from dor_desktop.sandbox.server import InProcessSandbox, bind_socket, run_sandbox


def test_the_in_process_sandbox_starts_stops_and_starts_again_on_its_port(tmp_path):
    sandbox = InProcessSandbox(tmp_path / "demo.sqlite3")
    url = sandbox.start()
    assert httpx.get(f"{url}/v1/status").json()["status"] == "ok"

    sandbox.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/v1/status")
    assert sandbox.start() == url
    sandbox.stop()


def test_a_busy_port_is_one_clear_error(tmp_path):
    with InProcessSandbox(tmp_path / "a.sqlite3") as first:
        second = InProcessSandbox(tmp_path / "b.sqlite3", port=first.port)
        with pytest.raises(UserError, match=f"cannot listen on 127.0.0.1:{first.port}"):
            second.start()


def test_without_a_database_path_the_sandbox_still_starts_seeded():
    with run_sandbox() as url:
        state = httpx.get(f"{url}/_admin/stats").json()

    assert state["registrations"] == 0
    assert state["stolen_items"]["active"] >= 30


def test_the_listening_socket_says_it_is_tcp_so_asyncio_disables_nagle():
    """Without IPPROTO_TCP asyncio leaves Nagle on and every small answer waits for a delayed ACK."""
    sock = bind_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()


def test_the_default_database_is_the_apps_sandbox_file(monkeypatch, tmp_path):
    monkeypatch.setenv("DOR_DESKTOP_HOME", str(tmp_path))

    assert default_db_path() == tmp_path.resolve() / "practice" / "sandbox" / "sandbox.sqlite3"


def test_unknown_paths_and_methods_are_problem_documents(sandbox_url):
    missing = httpx.get(f"{sandbox_url}/v2/anything")
    wrong_method = httpx.delete(f"{sandbox_url}/v1/registrations")

    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert wrong_method.status_code == 405
    assert wrong_method.headers["allow"] == "POST"
    assert wrong_method.json()["status"] == 405
