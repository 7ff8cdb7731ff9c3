"""The inspection export for any shop: long entries, names in any script, sold goods, English."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.reports.export import export_register
from dor_desktop.reports.receipt import render_receipt
from dor_desktop.storage.models import OutboxMessage
from dor_desktop.storage.queries import entry_detail
from dor_desktop.storage.register import Register
from dor_desktop.storage.sales import record_sale
from tests.reports.conftest import purchase_data

NOW = datetime.fromisoformat("2026-11-21T12:00:00+01:00")
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
#: Names in the scripts a Dutch shop meets; Helvetica printed all but the first as black boxes.
NAMES = ("Wójcik, Łukasz", "Kılıç, Şükrü", "Dvořák, Jiří", "Иванов, Сергей", "حداد, سمير")


def _commit(app, data: dict):
    """Entered at the counter when it was bought (the register's clock set then, not a late entry)."""
    purchase, problems = purchase_from_json(data, NOW)
    assert problems == []
    then = Register(app.db, replace(app.register.context, clock=lambda: purchase.acquired_at))
    return then.commit_purchase(purchase)


def _named(family: str, given: str, imei: str = "490154203237518") -> dict:
    data = purchase_data(family, imei)
    data["seller"]["given_names"] = given
    return data


def _pdf_text(path: Path, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))[5:]


def test_an_entry_of_thirty_items_prints_every_item_across_pages(app, tmp_path):
    data = purchase_data()
    data["items"] = [
        {"category": "gold", "description": f"ring number {n:02d} with a long description " * 2,
         "weight_grams": "3.2", "fineness": 585, "hallmark": "585", "price": "10.00"}
        for n in range(1, 31)
    ]  # fmt: skip
    entry = _commit(app, data)
    out = tmp_path / "register.pdf"

    assert export_register(app.db, app.settings, *NOVEMBER, "pdf", out) == 1

    text = _pdf_text(out, layout=False)
    assert entry.register_number in text
    for n in range(1, 31):
        assert f"ring number {n:02d}" in text
    assert "Pagina 2" in text


def test_names_in_any_script_print_as_written_in_the_export(app, tmp_path):
    for index, name in enumerate(NAMES):
        family, given = name.split(", ")
        _commit(app, _named(family, given, imei=("490154203237518", "356938035643809")[index % 2]))
    out = tmp_path / "register.pdf"

    export_register(app.db, app.settings, *NOVEMBER, "pdf", out)

    text = _pdf_text(out, layout=False)
    for name in NAMES[:4]:
        assert name in text
    # Arabic is printed unshaped (README): every letter is there, in some order, and no box.
    assert set("حداد سمير") - set(" ") <= set(text)
    assert "■" not in text


def test_the_receipt_prints_the_sellers_name_as_written(app, tmp_path):
    entry = _commit(app, _named("Kılıç", "Şükrü"))
    with app.db.read() as session:
        detail = entry_detail(session, entry.register_number)
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(render_receipt(detail, app.settings))

    text = _pdf_text(pdf)
    assert "Kılıç, Şükrü" in text
    assert "■" not in text


@pytest.mark.parametrize("fmt", ["csv", "pdf"])
def test_an_entry_with_a_sold_item_is_exported_once(app, tmp_path, fmt):
    entry = _commit(app, purchase_data("Verkocht"))
    record_sale(app.db, entry.register_number, 1, "K. Koper", Decimal("125.00"), date(2027, 6, 1))
    record_sale(app.db, entry.register_number, 2, "K. Koper", Decimal("60.00"), date(2027, 6, 1))
    out = tmp_path / f"register.{fmt}"

    assert export_register(app.db, app.settings, *NOVEMBER, fmt, out) == 1

    if fmt == "csv":
        assert [row[0] for row in _csv_rows(out)] == [entry.register_number]
    else:
        assert _pdf_text(out, layout=False).count(entry.register_number) == 1


def _acknowledge(app, dor_id: str) -> None:
    with app.db.write() as session:
        session.execute(update(OutboxMessage).values(state="acknowledged", dor_id=dor_id))


@pytest.mark.parametrize(("language", "word"), [("nl", "ontvangen"), ("en", "received")])
def test_the_dor_column_is_in_the_shops_language_and_never_split_mid_word(app, tmp_path, language, word):
    _commit(app, purchase_data())
    _acknowledge(app, "DOR-0000000001")
    settings = replace(app.settings, language=language)
    csv_out, pdf_out = tmp_path / "register.csv", tmp_path / "register.pdf"

    export_register(app.db, settings, *NOVEMBER, "csv", csv_out)
    export_register(app.db, settings, *NOVEMBER, "pdf", pdf_out)

    assert _csv_rows(csv_out)[0][10] == f"{word} DOR-0000000001"
    words = _pdf_text(pdf_out).split()
    whole = {"nl": ["Datum/tijd", "Voorwaarden", "Legitimatie", "2026-11-20", "paspoort"],
             "en": ["Date/time", "ID", "document", "2026-11-20", "passport"]}[language]  # fmt: skip
    for expected in [word, "DOR-0000000001", "K1-000001", *whole]:
        assert expected in words
    assert "acknowledged" not in words


def test_an_entry_with_a_sold_item_is_listed_once_in_the_register(app):
    from dor_desktop.services.register import EntryFilter, list_entries

    entry = _commit(app, purchase_data("Verkocht"))
    record_sale(app.db, entry.register_number, 1, "K. Koper", Decimal("125.00"), date(2027, 6, 1))

    rows = list_entries(app, EntryFilter())

    assert [row.register_number for row in rows] == [entry.register_number]
    assert rows[0].sync_state == "pending"
