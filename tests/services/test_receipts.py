"""The receipt of a committed entry, made from the register (reportlab, no Qt)."""

from __future__ import annotations

import pytest

from dor_desktop.errors import UserError
from dor_desktop.services.receipts import receipt_pdf, save_receipt_pdf
from tests.services.helpers import commit_phone, make_imei


def test_the_receipt_is_a_pdf_written_whole(app, tmp_path):
    entry = commit_phone(app, "Jansen", make_imei(1))
    assert receipt_pdf(app, entry.register_number).startswith(b"%PDF")
    target = tmp_path / "bonnen" / f"{entry.register_number}.pdf"
    assert save_receipt_pdf(app, entry.register_number, target) == target
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left


def test_no_receipt_for_an_entry_that_is_not_in_the_register(app, tmp_path):
    with pytest.raises(UserError):
        save_receipt_pdf(app, "K1-999999", tmp_path / "bon.pdf")
    assert not (tmp_path / "bon.pdf").exists()
