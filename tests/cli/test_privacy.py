"""No BSN reaches the register file, the log or the terminal when a clerk types one as document number."""

from __future__ import annotations

import json
import logging

SPECIMEN_BSN = "999999990"  # the public specimen; the only BSN tests may use


def assert_nowhere_under(home, spelling: str) -> None:
    files = [p for p in home.rglob("*") if p.is_file()]
    assert home / "practice" / "register.sqlite3" in files and any(p.suffix == ".log" for p in files)
    for path in files:
        assert spelling.encode() not in path.read_bytes(), path


def batch_with_bsn(tmp_path, make_purchase, spelling: str) -> str:
    with_bsn = make_purchase()
    with_bsn["id_document"]["number"] = spelling
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([make_purchase(), with_bsn]), encoding="utf-8")
    return str(path)


def test_a_bsn_as_document_number_is_refused_and_leaves_no_trace(cli, home, tmp_path, make_purchase):
    result = cli("register", "add", "--json", batch_with_bsn(tmp_path, make_purchase, SPECIMEN_BSN))
    assert result.returncode == 1
    assert "id_document.number: this is a citizen service number (BSN)" in result.stderr
    shown = cli("register", "show", "K1-000002")
    assert shown.returncode == 2  # the second purchase was not stored
    for output in (result.stdout, result.stderr, shown.stdout, shown.stderr):
        assert SPECIMEN_BSN not in output
    assert_nowhere_under(home, SPECIMEN_BSN)


def test_a_bsn_written_with_dots_is_refused_too(run_main, home, tmp_path, make_purchase):
    # Regression: only spaces were removed before the 11-test, so 9999.99.990 was stored.
    outcome = run_main("register", "add", "--json", batch_with_bsn(tmp_path, make_purchase, "9999.99.990"))
    assert outcome.code == 1 and "[personal_number]" in outcome.err
    assert "9999.99.990" not in outcome.out + outcome.err
    assert_nowhere_under(home, "9999.99.990")


def test_a_log_message_with_a_bsn_is_redacted_in_the_apps_log_file(run_main, home):
    run_main("config", "show")  # sets up the application's log file in the data folder
    logging.getLogger("dor_desktop.anything").warning("clerk typed %s in the document field", SPECIMEN_BSN)
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = (home / "logs" / "dor-desktop.log").read_text(encoding="utf-8")
    assert "clerk typed [BSN REDACTED] in the document field" in content
    assert SPECIMEN_BSN not in content
