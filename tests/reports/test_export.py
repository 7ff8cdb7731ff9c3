"""The inspection export: complete (corrections and voids), verified, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest

from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.reports.export import export_register
from dor_desktop.reports.receipt import render_receipt
from dor_desktop.storage.queries import entry_detail
from dor_desktop.storage.register import Register
from tests.reports.conftest import purchase_data

NOW = datetime.fromisoformat("2026-11-21T12:00:00+01:00")


def _commit(app, data: dict):
    """Commit ``data`` as entered at the counter when it was bought (the register's clock set then)."""
    purchase, problems = purchase_from_json(data, NOW)
    assert problems == []
    then = Register(app.db, replace(app.register.context, clock=lambda: purchase.acquired_at))
    return then.commit_purchase(purchase)


def _csv_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_csv_holds_every_entry_with_its_corrections_and_voids(app, tmp_path):
    first = _commit(app, purchase_data("Jansen"))
    second = _commit(app, purchase_data("Bakker", imei="356938035643809"))
    corrected, _ = purchase_from_json(purchase_data("Janssen"), NOW)
    correction = app.register.correct(first.register_number, corrected, "typo in the name")
    void = app.register.void(second.register_number, "seller changed their mind")
    out = tmp_path / "register.csv"

    count = export_register(app.db, app.settings, date(2026, 11, 1), date(2026, 11, 30), "csv", out)

    rows = _csv_rows(out)
    numbers = [r[0] for r in rows[5:]]
    assert count == 4
    assert numbers == [
        first.register_number,
        second.register_number,
        correction.register_number,
        void.register_number,
    ]
    assert "in orde (4 regels)" in rows[3][0]
    by_number = {r[0]: r for r in rows[5:]}
    assert f"gecorrigeerd door {correction.register_number}" in by_number[first.register_number][9]
    assert f"vervallen door {void.register_number}" in by_number[second.register_number][9]
    assert "reden: typo in the name" in by_number[correction.register_number][9]
    assert "IMEI 490154203237518" in by_number[first.register_number][6]
    assert "585/1000" in by_number[first.register_number][6]


def test_period_is_by_shop_local_acquisition_date(app, tmp_path):
    late_evening = purchase_data() | {"acquired_at": "2026-11-20T23:30:00+01:00"}
    _commit(app, late_evening)
    out = tmp_path / "day.csv"

    assert export_register(app.db, app.settings, date(2026, 11, 20), date(2026, 11, 20), "csv", out) == 1
    assert export_register(app.db, app.settings, date(2026, 11, 21), date(2026, 11, 21), "csv", out) == 0


def test_spreadsheet_formulas_are_defused(app, tmp_path):
    _commit(app, purchase_data('=HYPERLINK("http://x")'))
    out = tmp_path / "register.csv"
    export_register(app.db, app.settings, date(2026, 11, 1), date(2026, 11, 30), "csv", out)

    seller = _csv_rows(out)[5][3]
    assert seller.startswith("'=")


def test_export_reports_a_broken_chain(app, tmp_path):
    _commit(app, purchase_data())
    with app.db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER register_entry_no_update")
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS register_entry_purge_only")
        connection.exec_driver_sql("UPDATE register_entry SET seller_name = 'Someone, Else'")
    out = tmp_path / "register.csv"
    export_register(app.db, app.settings, date(2026, 11, 1), date(2026, 11, 30), "csv", out)

    assert "CONTROLE MISLUKT" in _csv_rows(out)[3][0]


def test_pdf_export_is_readable_text(app, tmp_path):
    entry = _commit(app, purchase_data())
    app.register.void(entry.register_number, "wrong seller")
    out = tmp_path / "register.pdf"

    export_register(app.db, app.settings, date(2026, 11, 1), date(2026, 11, 30), "pdf", out)

    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Inkoopregister" in text
    assert entry.register_number in text
    assert "vervallen" in text
    assert "Pagina 1" in text
    assert not list(tmp_path.glob("*.part"))


def test_export_to_an_unwritable_place_is_a_clear_error(app, tmp_path):
    from dor_desktop.errors import UserError

    _commit(app, purchase_data())
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError, match="cannot write"):
        export_register(
            app.db, app.settings, date(2026, 11, 1), date(2026, 11, 30), "csv", blocker / "out.csv"
        )


def test_receipt_names_the_entry_and_not_the_document_number(app, tmp_path):
    entry = _commit(app, purchase_data())
    with app.db.read() as session:
        detail = entry_detail(session, entry.register_number)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt(detail, app.settings))

    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert entry.register_number in text
    assert "150.00" in text
    assert "paspoort" in text
    assert "NX1234567" not in text
