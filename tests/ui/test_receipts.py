"""The seller's receipt after Save: saved as a PDF, and printed through Qt's printing."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from dor_desktop.services.receipts import receipt_pdf
from dor_desktop.ui.receipts import print_pdf
from tests.ui.conftest import CLEAN_IMEI, fill_item, fill_seller


def test_receipt_is_saved_as_pdf_and_printed(window_factory, qtbot, tmp_path):
    window = window_factory()
    form = window.form
    fill_seller(form)
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI, description="zwart", price="120")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    number = saved.args[0].register_number

    target = tmp_path / "bon.pdf"
    with qtbot.waitSignal(form.receipts.done, timeout=15_000) as done:
        form.receipts.save_pdf(number, target)
    assert str(target) in done.args[0]
    assert target.read_bytes().startswith(b"%PDF")

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(receipt_pdf(window.services.context, number), printer) == 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
