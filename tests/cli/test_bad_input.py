"""Bad input gets one clear line and a non-zero exit code, never a traceback, and stores nothing."""

from __future__ import annotations

import json
import re
from contextlib import closing

import pytest

from tests.conftest import register_connection


def entries(home) -> int:
    path = home / "practice" / "register.sqlite3"
    if not path.exists():
        return 0
    with closing(register_connection(path)) as connection:
        return connection.execute("SELECT count(*) FROM register_entry").fetchone()[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "cannot read .*missing.json: No such file or directory"),
        (
            "broken.json",
            b'{"seller": ',
            "broken.json is not valid JSON: Expecting value at line 1, column 12",
        ),
        (
            "latin1.json",
            '{"seller": {"family_name": "M\u00fcller"}}'.encode("latin-1"),
            "latin1.json is not UTF-8 text",
        ),
        ("empty.json", b"[]", "empty.json holds an empty list"),
        ("folder", "dir", r"folder is not a regular file \(a folder\)"),
    ],
)
def test_a_bad_file_is_one_clear_line(run_main, home, tmp_path, name, content, message):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    outcome = run_main("register", "add", "--json", str(path))
    assert outcome.code == 2 and outcome.out == ""
    assert len(outcome.err.splitlines()) == 1
    assert outcome.err.startswith("dor-desktop: error: ")
    assert re.search(message, outcome.err), outcome.err
    assert entries(home) == 0


@pytest.mark.parametrize("field", ["client_reference", "register_number", "shop_id", "corrects"])
def test_a_field_the_client_fills_itself_is_named_and_nothing_is_stored(
    run_main, home, tmp_path, make_purchase, field
):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(make_purchase(**{field: "x"})), encoding="utf-8")
    outcome = run_main("register", "add", "--json", str(path))
    assert outcome.code == 1
    assert f"error: {field}: this field is filled by the client; leave it out [client_filled]" in outcome.err
    assert entries(home) == 0


@pytest.mark.parametrize("document", ["42", '"a purchase"', "[1, null]"])
def test_json_that_is_not_a_purchase(run_main, home, tmp_path, document):
    path = tmp_path / "p.json"
    path.write_text(document, encoding="utf-8")
    outcome = run_main("register", "add", "--json", str(path))
    assert outcome.code == 1 and "a purchase must be a JSON object [invalid_type]" in outcome.err
    assert entries(home) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("register", "show", "K1-000099"), "no register entry 'K1-000099'"),
        (("register", "void", "K1-000001", "--reason", " "), "a reason is required"),
    ],
)
def test_bad_references_and_reasons(run_main, args, message):
    outcome = run_main(*args)
    assert outcome.code == 2 and outcome.err.startswith(f"dor-desktop: error: {message}")
    assert len(outcome.err.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.json", None), ("latin1.json", "M\u00fcller".encode("latin-1"))],
)
def test_the_real_process_prints_one_line_and_no_traceback(cli, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli("register", "add", "--json", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("dor-desktop: error: ")
