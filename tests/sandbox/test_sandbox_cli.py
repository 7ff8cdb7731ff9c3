"""``dor-sandbox``: serve refusals and the admin sub-commands against a running sandbox."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
from pathlib import Path

from dor_desktop.sandbox.cli import add_parser, main


def test_serve_refuses_a_non_loopback_address_without_the_flag(capsys):
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2

    assert "refusing to listen on 0.0.0.0" in capsys.readouterr().err


def test_serve_reports_a_busy_port_and_a_bad_ttl_in_one_line(capsys, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--db", str(tmp_path / "s.sqlite3")]) == 2
    assert main(["serve", "--token-ttl", "0"]) == 2

    errors = capsys.readouterr().err.strip().splitlines()
    assert errors[0].startswith(f"dor-sandbox: cannot listen on 127.0.0.1:{port}")
    assert errors[1] == "dor-sandbox: --token-ttl must be at least 1 second"


def test_stolen_commands_add_list_and_withdraw(sandbox_url, api, make_registration, make_item, capsys):
    api.results(make_registration(items=[make_item(category="phone", imei="356938035643809")]))

    assert (
        main(["stolen", "add", "--url", sandbox_url, "--imei", "356938035643809", "--stolen-id", "PV-CLI-1"])
        == 0
    )
    assert main(["stolen", "list", "--url", sandbox_url]) == 0
    assert main(["stolen", "withdraw", "--url", sandbox_url, "PV-CLI-1"]) == 0

    out = capsys.readouterr().out
    assert "added PV-CLI-1; late hits: 1" in out
    assert '"stolen_id": "PV-CLI-1"' in out
    assert "withdrew PV-CLI-1; hits withdrawn: 1" in out
    assert [n["type"] for n in api.notifications()["notifications"]] == ["hit", "hit_withdrawn"]


def test_fault_commands_set_list_and_reset(sandbox_url, capsys):
    assert main(["fault", "--url", sandbox_url, "drop-after-commit", "--count", "3"]) == 0
    assert (
        main(
            [
                "fault",
                "--url",
                sandbox_url,
                "http-503",
                "--until-reset",
                "--path",
                "/v1/",
                "--retry-after",
                "9",
            ]
        )
        == 0
    )
    assert main(["fault", "--url", sandbox_url, "list"]) == 0
    listed = capsys.readouterr().out
    assert main(["fault", "--url", sandbox_url, "reset"]) == 0

    assert "fault 1: drop-after-commit on /v1/registrations for 3 request(s)" in listed
    assert "fault 2: http-503 on /v1/ for until reset" in listed
    assert '"retry_after": 9' in listed
    assert "removed 2 fault(s)" in capsys.readouterr().out


def test_stats_registrations_and_token_commands(sandbox_url, api, make_registration, capsys):
    registration = make_registration()
    api.results(registration)

    assert main(["stats", "--url", sandbox_url]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (
        main(["registrations", "--url", sandbox_url, "--client-reference", registration["client_reference"]])
        == 0
    )
    (row,) = json.loads(capsys.readouterr().out)
    assert main(["tokens", "expire", "--url", sandbox_url]) == 0

    assert stats["registrations"] == 1
    assert row["times_stored"] == 1 and row["registration"]["register_number"] == "K1-000123"
    assert capsys.readouterr().out.strip() == "expired 1 token(s)"


def test_admin_commands_use_dor_sandbox_url_and_report_errors(sandbox_url, monkeypatch, capsys):
    monkeypatch.setenv("DOR_SANDBOX_URL", sandbox_url)
    assert main(["stolen", "withdraw", "PV-UNKNOWN"]) == 2
    monkeypatch.setenv("DOR_SANDBOX_URL", "http://127.0.0.1:9")
    assert main(["stats"]) == 2

    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith(
        "dor-sandbox: the sandbox refused POST /_admin/stolen/PV-UNKNOWN/withdraw: HTTP 404"
    )
    assert errors[1].startswith("dor-sandbox: cannot reach the sandbox at http://127.0.0.1:9")


def test_the_commands_can_hang_under_another_program(sandbox_url, capsys):
    parser = argparse.ArgumentParser(prog="dor-desktop")
    add_parser(parser.add_subparsers(dest="command"))

    args = parser.parse_args(["sandbox", "fault", "--url", sandbox_url, "reset"])

    assert args.func(args) == 0
    assert capsys.readouterr().out.strip() == "removed 0 fault(s)"


def test_the_installed_script_runs():
    script = Path(sys.executable).with_name("dor-sandbox")
    if not script.exists():
        script = Path(sys.executable).with_name("dor-sandbox.exe")

    completed = subprocess.run([str(script), "fault", "--help"], capture_output=True, text=True, timeout=30)

    assert completed.returncode == 0
    assert "drop-after-commit" in completed.stdout
