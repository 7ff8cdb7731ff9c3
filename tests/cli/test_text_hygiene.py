"""Control characters and BSNs in any spelling never get into the register or onto the terminal."""

from __future__ import annotations

import json
import unicodedata

import pytest

from dor_desktop.storage import register as storage_register

ESCAPE_NAME = "Jansen\x1b[2J\x1b[31m"
SPACED_BSN = "999 999 990"  # the public specimen, written with spaces


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in ("Cc", "Cf") and c != "\n"]


def test_a_name_with_control_characters_is_refused_with_a_field_error(run_main, tmp_path, make_purchase):
    purchase = make_purchase()
    purchase["seller"]["family_name"] = ESCAPE_NAME
    path = tmp_path / "p.json"
    path.write_text(json.dumps(purchase), encoding="utf-8")
    added = run_main("register", "add", "--json", str(path))
    assert added.code == 1
    assert "seller.family_name: this contains an invisible or control character" in added.err
    assert "[control_character]" in added.err and not _controls(added.err)


def test_register_list_and_show_never_print_a_control_character(
    run_main, tmp_path, make_purchase, monkeypatch
):
    """An entry an older version stored (before the check) is listed with the characters shown as '?'."""
    monkeypatch.setattr(storage_register, "validate", lambda *_args: [])
    purchase = make_purchase()
    purchase["seller"]["family_name"] = ESCAPE_NAME
    purchase["items"][0]["description"] = "ring\x07\u202e"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(purchase), encoding="utf-8")
    assert run_main("register", "add", "--json", str(path)).code == 0

    listed = run_main("register", "list")
    assert "Jansen?[2J?[31m" in listed.out and not _controls(listed.out)
    shown = run_main("register", "show", "K1-000001")
    assert "ring??" in shown.out and not _controls(shown.out)


@pytest.mark.parametrize(
    "spelling", [SPACED_BSN, "999-999-990", "\uff19" * 8 + "\uff10", "999\u200b999\u200b990"]
)
def test_a_bsn_in_any_spelling_is_refused_in_names_notes_and_reasons(
    run_main, commit, tmp_path, make_purchase, spelling
):
    commit()
    purchase = make_purchase()
    purchase["seller"]["address"]["street"] = f"Dorpsstraat {spelling}"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(purchase), encoding="utf-8")
    added = run_main("register", "add", "--json", str(path))
    assert added.code == 1 and "seller.address.street" in added.err and "[possible_bsn]" in added.err

    voided = run_main("register", "void", "K1-000001", "--reason", f"seller {spelling}")
    assert voided.code != 0 and "citizen service number" in voided.err
    listed = run_main("register", "list")
    assert listed.out.count("K1-") == 1  # nothing was stored
