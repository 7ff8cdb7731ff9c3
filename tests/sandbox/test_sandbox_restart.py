"""The sandbox as a child process: state survives a SIGKILL, the port is kept across restarts."""

from __future__ import annotations

import httpx
import pytest

from dor_desktop.sandbox.admin_client import SandboxAdmin
from dor_desktop.sandbox.server import SandboxProcess


@pytest.fixture
def sandbox_process(tmp_path):
    process = SandboxProcess(tmp_path / "sandbox.sqlite3")
    yield process
    process.kill()


def test_a_killed_sandbox_comes_back_with_all_its_state_on_the_same_port(
    sandbox_process, open_session, make_registration, make_item, seed_rows
):
    url = sandbox_process.start()
    api = open_session(url)
    phone = seed_rows["imei"]
    registration = make_registration(
        items=[make_item(line=1, serial_number="RESTART-LATE-4711"), make_item(line=2, imei=phone.value)]
    )
    first = api.results(registration)[0]
    with SandboxAdmin(url) as admin:
        admin.add_stolen(serial_number="RESTARTLATE4711")
        admin.withdraw_stolen(seed_rows["frame_number"].stolen_id)
        before = admin.stats()
    feed = api.notifications()

    sandbox_process.kill()
    with pytest.raises(httpx.TransportError):
        api.http.get("/v1/status")
    assert sandbox_process.restart() == url

    again = api.results(registration)[0]  # the token issued before the crash is still valid
    assert again == {**first, "status": "duplicate"}
    assert api.notifications() == feed
    assert api.get("/v1/checks", serial=seed_rows["frame_number"].value).json()["matches"] == []
    with SandboxAdmin(url) as admin:
        after = admin.stats()
    assert after["registrations"] == before["registrations"] == 1
    assert after["notifications"] == before["notifications"] == 1
    assert after["stolen_items"] == before["stolen_items"]


def test_data_behind_a_lost_acknowledgement_survives_a_crash(
    sandbox_process, open_session, make_registration
):
    url = sandbox_process.start()
    api = open_session(url)
    registration = make_registration()
    api.fetch_token()
    with SandboxAdmin(url) as admin:
        admin.set_fault("drop-after-commit")
    with pytest.raises(httpx.RemoteProtocolError):
        api.submit(registration)

    sandbox_process.kill()
    sandbox_process.start()

    assert api.results(registration)[0]["status"] == "duplicate"


def test_a_clean_stop_exits_with_0(sandbox_process):
    sandbox_process.start()

    assert sandbox_process.stop() == 0
    assert not sandbox_process.running


def test_a_start_that_fails_reports_the_child_output(sandbox_process, tmp_path):
    url = sandbox_process.start()
    second = SandboxProcess(tmp_path / "other.sqlite3", port=sandbox_process.port)

    with pytest.raises(RuntimeError, match="cannot listen on 127.0.0.1"):
        second.start()
    assert not second.running
    assert url.endswith(f":{sandbox_process.port}")
