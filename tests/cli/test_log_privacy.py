"""A database error never puts the seller's data in the log: no parameters, no exception payloads.

A trigger added by hand makes the register refuse the commit with a real SQLite error, on the
path the command line reports as an internal error (exit 70), where the whole exception used to
be logged with the failing statement's parameters.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from dor_desktop.config.logs import describe_exception, setup_logging
from tests.conftest import register_connection

NAME, GIVEN, BIRTH, NUMBER = "Zwartjeswaard", "Hendrikje", "1957-04-29", "NW7K3P2Q8"
SPECIMEN_BSN = "999999990"


def seller_purchase(make_purchase) -> dict:
    purchase = make_purchase()
    purchase["seller"].update(family_name=NAME, given_names=GIVEN, date_of_birth=BIRTH)
    purchase["id_document"]["number"] = NUMBER
    return purchase


def assert_no_personal_data(content: str) -> None:
    for value in (NAME, GIVEN, BIRTH, NUMBER, SPECIMEN_BSN, "9999 99 990"):
        assert value not in content, value
    assert "[parameters" not in content


def test_a_database_error_during_a_commit_logs_no_personal_data(cli, home, tmp_path, make_purchase):
    first = tmp_path / "first.json"
    first.write_text(json.dumps(make_purchase()), encoding="utf-8")
    assert cli("register", "add", "--json", str(first)).returncode == 0
    register = register_connection(home / "practice" / "register.sqlite3")
    register.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON register_entry BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    register.commit()
    register.close()

    purchase = tmp_path / "purchase.json"
    purchase.write_text(json.dumps(seller_purchase(make_purchase)), encoding="utf-8")
    failed = cli("register", "add", "--json", str(purchase))

    assert failed.returncode == 70 and "Traceback" not in failed.stderr
    content = (home / "logs" / "dor-desktop.log").read_text(encoding="utf-8")
    assert "internal error in register" in content and "IntegrityError" in content
    assert "refused" in content  # the driver's own words are kept
    assert_no_personal_data(content)


def test_an_exception_is_described_by_type_and_frames_without_values(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite3'}")  # parameters not hidden
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE seller (name TEXT UNIQUE, born TEXT)"))
        connection.execute(text("INSERT INTO seller VALUES (:n, :b)"), {"n": NAME, "b": BIRTH})
    try:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO seller VALUES (:n, :b)"), {"n": NAME, "b": BIRTH})
    except IntegrityError as exc:
        assert NAME in str(exc)  # what used to reach the log
        described = describe_exception(exc)
    engine.dispose()
    assert "IntegrityError" in described and "UNIQUE constraint failed" in described
    assert "test_an_exception_is_described_by_type_and_frames_without_values" in described
    assert_no_personal_data(described)


def test_the_window_s_failed_operations_log_no_payload_either(tmp_path):
    """The window logs failures with ``exc_info`` (background lanes, opening the register): the
    log filter writes those as type and frames too."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = setup_logging(tmp_path / "logs")
    try:
        try:
            raise ValueError(f"cannot save {NAME}, born {BIRTH}, document {NUMBER}")
        except ValueError as error:
            logging.getLogger("dor_desktop.ui.background").error(
                "background operation failed", exc_info=error
            )
        root.handlers[-1].flush()
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    content = path.read_text(encoding="utf-8")
    assert "background operation failed" in content and "ValueError" in content
    assert_no_personal_data(content)
