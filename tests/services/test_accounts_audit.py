"""Accounts, roles and the audit log through the use cases: refusals, records, the chain, no personal data."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlcipher3

from dor_desktop.errors import UserError
from dor_desktop.services import (
    accounts,
    alerts,
    audit,
    inspection,
    register,
    register_reads,
    settings_change,
)
from dor_desktop.services.access import NotPermitted, Role, os_owner
from dor_desktop.services.audit import AuditFilter
from dor_desktop.services.context import AppContext
from dor_desktop.storage.queries import EntryFilter
from tests.conftest import register_connection
from tests.services.helpers import commit_phone, make_imei, phone_purchase

PIN = "4321"


def login_as(app: AppContext, name: str, role: str) -> None:
    """Add the account (as the owner) and log it in."""
    app.actor = os_owner()
    accounts.add(app, name, role, PIN)
    accounts.login(app, name, PIN)


def actions(app: AppContext) -> list[tuple[str, str, str]]:
    """(actor, action, reference) of every audit row, oldest first, straight from the table."""
    with closing(register_connection(app.db.path)) as connection:
        return connection.execute("SELECT actor, action, reference FROM audit_log ORDER BY id").fetchall()


def test_a_clerk_registers_but_is_refused_what_needs_a_manager_or_the_owner(app: AppContext, tmp_path: Path):
    number = commit_phone(app, "Jansen", make_imei(1)).register_number
    login_as(app, "Anna", "clerk")
    assert commit_phone(app, "Pietersen", make_imei(2)).register_number == "K1-000002"
    refused = [
        lambda: register.void(app, number, "withdrawn"),
        lambda: register.correct(app, number, phone_purchase("Jansen", make_imei(1)), "typo"),
        lambda: inspection.export(app, date.today(), date.today(), "csv", tmp_path / "out.csv"),
        lambda: alerts.record_sale(app, number, 1, "", Decimal("10.00"), date.today() + timedelta(days=30)),
        lambda: alerts.release(app, 1, "police"),
        lambda: settings_change.change_value(app, "language", "en"),
        lambda: accounts.add(app, "Bert", "clerk", PIN),
        lambda: audit.listing(app, AuditFilter()),
    ]
    for action in refused:
        with pytest.raises(
            NotPermitted, match=r"^Anna \(clerk\) may not [a-z ]+: that needs the (manager|owner) role$"
        ):
            action()
    assert not (tmp_path / "out.csv").exists()


def test_a_manager_corrects_and_exports_but_manages_no_accounts(app: AppContext, tmp_path: Path):
    number = commit_phone(app, "Jansen", make_imei(1)).register_number
    login_as(app, "Mira", "manager")
    register.correct(app, number, phone_purchase("Janssen", make_imei(1)), "typo")
    assert inspection.export(app, date.today(), date.today(), "csv", tmp_path / "out.csv") == 2
    with pytest.raises(
        NotPermitted, match="Mira \\(manager\\) may not manage accounts: that needs the owner role"
    ):
        accounts.deactivate(app, "Mira")


def test_nobody_logged_in_is_refused_everything(app: AppContext):
    app.actor = None
    with pytest.raises(NotPermitted, match="^nobody is logged in: log in first$"):
        commit_phone(app, "Jansen", make_imei(1))


def test_each_entry_records_the_actor_as_clerk_not_what_the_form_said(app: AppContext):
    login_as(app, "Anna", "clerk")
    purchase = phone_purchase("Jansen", make_imei(1))
    committed = register.commit_purchase(app, replace(purchase, clerk="Typed in the form"))
    app.actor = os_owner()
    detail = register.entry_detail(app, committed.register_number)
    assert detail.payload["clerk"] == "Anna"
    assert inspection.verify(app).ok  # the clerk is in the hashed payload
    correction = register.correct(app, committed.register_number, purchase, "typo")
    assert register.entry_detail(app, correction.register_number).payload["clerk"] == os_owner().name


def test_a_login_needs_the_right_pin_and_an_active_account_and_both_outcomes_are_recorded(app: AppContext):
    accounts.add(app, "Anna", "clerk", PIN)
    with pytest.raises(NotPermitted, match="^wrong name or PIN$"):
        accounts.login(app, "Anna", "0000")
    assert app.actor is None  # a failed login leaves nobody logged in
    assert accounts.login(app, "anna", PIN).name == "Anna"  # the name in any case
    app.actor = os_owner()
    accounts.deactivate(app, "Anna")
    with pytest.raises(NotPermitted, match="wrong name or PIN"):
        accounts.login(app, "Anna", PIN)
    rows = actions(app)
    assert [r[1] for r in rows] == [
        "account_add",
        "login_failed",
        "login",
        "account_deactivate",
        "login_failed",
    ]
    assert rows[1][0] == "-" and rows[2][0] == "Anna"


def test_pins_are_hashed_with_argon2_and_short_ones_refused(app: AppContext):
    with pytest.raises(UserError, match="at least 4 characters"):
        accounts.add(app, "Anna", "clerk", "12")
    accounts.add(app, "Anna", "clerk", PIN)
    with closing(register_connection(app.db.path)) as connection:
        (stored,) = connection.execute("SELECT secret_hash FROM account").fetchone()
    assert stored.startswith("$argon2id$") and PIN not in stored


def test_the_last_owner_cannot_be_deactivated_or_demoted_and_accounts_are_never_deleted(app: AppContext):
    accounts.add(app, "Olga", "owner", PIN)
    accounts.add(app, "Anna", "clerk", PIN)
    for change in (
        lambda: accounts.deactivate(app, "Olga"),
        lambda: accounts.set_role(app, "Olga", "manager"),
    ):
        with pytest.raises(UserError, match="at least one active owner"):
            change()
    accounts.deactivate(app, "Anna")  # a clerk can go, owner or not
    accounts.add(app, "Piet", "owner", PIN)
    accounts.set_role(app, "Olga", "manager")
    with (
        closing(register_connection(app.db.path)) as connection,
        pytest.raises(sqlcipher3.IntegrityError, match="never deleted"),
    ):
        connection.execute("DELETE FROM account WHERE name = 'Anna'")
    assert {(a.name, a.role, a.active) for a in accounts.list_accounts(app)} == {
        ("Anna", "clerk", False),
        ("Olga", "manager", True),
        ("Piet", "owner", True),
    }


def test_the_first_owner_is_made_only_for_a_register_without_accounts(app: AppContext):
    app.actor = None
    assert accounts.needs_first_owner(app)
    owner = accounts.create_first_owner(app, "Olga", PIN)
    assert owner.role is Role.OWNER and app.actor == owner
    assert not accounts.needs_first_owner(app)
    with pytest.raises(NotPermitted, match="already has accounts"):
        accounts.create_first_owner(app, "Mallory", PIN)


def test_every_audited_action_is_recorded_with_who_and_what(app: AppContext, tmp_path: Path):
    first = commit_phone(app, "Jansen", make_imei(1)).register_number
    second = commit_phone(app, "Pietersen", make_imei(2)).register_number
    register.entry_detail(app, first)
    register_reads.detail_view(app, second, date.today())
    inspection.export(app, date.today(), date.today(), "csv", tmp_path / "out.csv")
    correction = register.correct(app, first, phone_purchase("Janssen", make_imei(1)), "typo")
    register.void(app, second, "withdrawn")
    settings_change.change_value(app, "language", "en")
    accounts.add(app, "Anna", "clerk", PIN)
    accounts.set_role(app, "Anna", "manager")
    accounts.reset_pin(app, "Anna", "9999")
    audit.record(app, audit.Action.PURGE_PERSONAL_DATA, "before 2022-12-02", "1 entry")
    me = os_owner().name
    assert actions(app) == [
        (me, "view_entry", first),
        (me, "view_entry", second),
        (me, "export", f"{date.today()}..{date.today()}"),
        (me, "correct", first),
        (me, "void", second),
        (me, "settings_change", "settings"),
        (me, "account_add", "Anna"),
        (me, "account_role", "Anna"),
        (me, "account_pin", "Anna"),
        (me, "purge_personal_data", "before 2022-12-02"),
    ]
    rows = audit.listing(app, AuditFilter(references=(first,)))
    assert [(r.action, r.detail) for r in rows] == [
        ("correct", f"corrected by {correction.register_number}"),
        ("view_entry", ""),
    ]
    assert audit.listing(app, AuditFilter(action="export"))[0].detail == "csv, 2 entries"
    assert audit.listing(app, AuditFilter(action="settings_change"))[0].detail == "language"


def test_who_looked_at_a_seller_is_found_through_the_sellers_entries(app: AppContext):
    jansen = commit_phone(app, "Jansen", make_imei(1)).register_number
    other = commit_phone(app, "Pietersen", make_imei(2)).register_number
    login_as(app, "Anna", "clerk")
    register.entry_detail(app, jansen)
    register.entry_detail(app, other)
    app.actor = os_owner()
    references = audit.seller_references(app, "jans")
    assert references == (jansen,)
    rows = audit.listing(app, AuditFilter(references=references))
    assert [(r.actor, r.action, r.reference) for r in rows] == [("Anna", "view_entry", jansen)]


def test_a_list_or_search_that_shows_a_sellers_name_is_found_too(app: AppContext):
    """A list shows names as surely as a detail does; the search text (a name) is never logged."""
    jansen = commit_phone(app, "Jansen", make_imei(1)).register_number
    commit_phone(app, "Pietersen", make_imei(2))
    login_as(app, "Anna", "clerk")
    assert [s.register_number for s in register.list_entries(app, EntryFilter(text="Jansen"))] == [jansen]
    app.actor = os_owner()
    rows = audit.listing(app, AuditFilter(references=audit.seller_references(app, "jans")))
    assert [(r.actor, r.action, r.reference, r.detail) for r in rows] == [("Anna", "list_entry", jansen, "search")]
    with closing(register_connection(app.db.path)) as connection:
        logged = repr(connection.execute("SELECT * FROM audit_log").fetchall())
    assert "Jansen" not in logged


def test_the_audit_period_filter_uses_the_shops_days(app: AppContext):
    audit.record(app, audit.Action.EXPORT, "x")
    today = date.today()
    assert len(audit.listing(app, AuditFilter(today, today))) == 1
    assert audit.listing(app, AuditFilter(today + timedelta(days=1), None)) == []
    assert audit.listing(app, AuditFilter(None, today - timedelta(days=1))) == []


def test_the_audit_log_is_append_only(app: AppContext):
    audit.record(app, audit.Action.EXPORT, "x")
    with closing(register_connection(app.db.path)) as connection:
        for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
            with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
                connection.execute(statement)


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        ("UPDATE audit_log SET actor = 'someone else' WHERE id = 2", "audit row 2: its content was changed"),
        ("DELETE FROM audit_log WHERE id = 2", "audit row 3: the link to the previous row is broken"),
    ],
)
def test_verify_finds_an_edited_or_removed_audit_row(app: AppContext, tamper: str, problem: str):
    commit_phone(app, "Jansen", make_imei(1))
    for _ in range(3):
        register.entry_detail(app, "K1-000001")
    assert inspection.verify(app).ok
    with closing(register_connection(app.db.path)) as connection, connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute(tamper)
    report = inspection.verify(app)
    assert not report.ok and report.problem is not None and report.problem.startswith(problem)


def test_no_personal_data_reaches_the_audit_log(app: AppContext, tmp_path: Path):
    number = commit_phone(app, "Jansen", make_imei(1)).register_number
    accounts.add(app, "Anna", "clerk", PIN)
    with pytest.raises(NotPermitted):
        accounts.login(app, "Anna", "0000")
    accounts.login(app, "Anna", PIN)
    register.entry_detail(app, number)
    register_reads.detail_view(app, number, date.today())
    app.actor = os_owner()
    inspection.export(app, date.today(), date.today(), "csv", tmp_path / "out.csv")
    register.correct(app, number, phone_purchase("Jansen", make_imei(1)), "wrong street")
    audit.listing(app, AuditFilter(references=audit.seller_references(app, "Jansen")))
    with closing(register_connection(app.db.path)) as connection:
        dump = repr(connection.execute("SELECT data FROM entry_personal").fetchall())
        rows = connection.execute("SELECT * FROM audit_log").fetchall()
    assert "Jansen" in dump  # the register itself holds it: the grep below is meaningful
    text = repr(rows)
    assert len(rows) >= 8
    for personal in ("Jansen", "Pieter", "NX12AB3C4", "Dorpsstraat", "3511", "1980-04-01", "Utrecht"):
        assert personal not in text


def test_a_sale_is_recorded_with_its_entry(app: AppContext):
    number = commit_phone(app, "Jansen", make_imei(1)).register_number
    alerts.record_sale(app, number, 1, "", Decimal("150.00"), date.today() + timedelta(days=30))
    assert actions(app) == [(os_owner().name, "sale", number)]


def test_a_name_is_stored_and_matched_in_one_unicode_form(app: AppContext):
    accounts.add(app, "Ａnna", "clerk", PIN)  # a full-width A, as some keyboards type it
    assert accounts.login(app, "Anna", PIN).name == "Anna"
    app.actor = os_owner()
    with pytest.raises(UserError, match="control characters"):
        accounts.add(app, "Bert\x1b[2J", "clerk", PIN)
    with pytest.raises(UserError, match="reserved"):
        accounts.add(app, "cli:root", "owner", PIN)
