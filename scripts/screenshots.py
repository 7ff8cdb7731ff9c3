"""Regenerate the screenshots in ``docs/screenshots`` from a scripted session with demo data.

Run under a virtual display so the real window system is used::

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py docs/screenshots

Everything happens in a throw-away data folder with the bundled sandbox: a generated ID is
scanned, two purchases are saved and synced, one of them turns out to be stolen (a late hit), a
third is refused by the DOR. No real person's data is involved.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

SIZE = (1366, 740)
STOLEN_LATER_IMEI = "356938035643809"


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QTest.qWait(20)  # runs the event loop while it waits


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QTest.qWait(20)


def type_into(box, text: str) -> None:
    editor = box.editor
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(text))
        editor.activated.emit(editor.currentIndex())
        return
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClicks(editor, text)


def shoot(widget: QWidget, folder: Path, name: str) -> None:
    settle()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def write_id_image(folder: Path) -> Path:
    from dor_desktop.idscan import synthetic

    spec = synthetic.random_spec(random.Random(7), "TD3", today=date.today())
    path = folder / "id-scan.jpg"
    path.write_bytes(synthetic.make_scan(spec, synthetic.Distortion(dpi=300), seed=1))
    return path


def fill_address(form) -> None:
    for path, value in {
        "seller.address.street": "Oudegracht",
        "seller.address.house_number": "118",
        "seller.address.postcode": "3511 AZ",
        "seller.address.city": "Utrecht",
    }.items():
        type_into(form.boxes[path], value)


def run(out: Path, home: Path) -> None:
    os.environ["DOR_DESKTOP_HOME"] = str(home)
    (home / "settings.json").write_text(
        '{"shop_name": "Goud & Zilver Oudegracht", "shop_id": "UTR-0042", "first_run_done": true,'
        ' "keep_id_images": true}',
        encoding="utf-8",
    )
    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.ui import i18n
    from dor_desktop.ui.main import application
    from dor_desktop.ui.main_window import MainWindow, build_services
    from dor_desktop.ui.settings_dialog import SettingsDialog
    from dor_desktop.ui.sync_status import RejectionsDialog

    app = application(["screenshots"])
    context = open_app()
    i18n.install(context.settings.language)
    window = MainWindow(build_services(context))
    window.resize(*SIZE)
    window.show()
    window.start()
    wait_until(lambda: window.services.sync.service is not None)
    form = window.form

    # 1. The form after scanning an ID: read fields marked, the masked copy shown.
    form.scan(write_id_image(home))
    wait_until(lambda: not form.masked_view.isHidden())
    fill_address(form)
    type_into(form.items[0].fields["category"], "phone")
    for key, value in {"brand": "Apple", "model": "iPhone 13", "imei": STOLEN_LATER_IMEI}.items():
        type_into(form.items[0].fields[key], value)
    type_into(form.items[0].fields["description"], "blauw, 128 GB")
    type_into(form.items[0].fields["price"], "310,00")
    form.check_item(0)
    wait_until(lambda: form.items[0].check_result.property("tone") == "ok")
    form.add_item()
    for key, value in {"category": "gold", "weight_grams": "6,8", "fineness": "585"}.items():
        type_into(form.items[1].fields[key], value)
    type_into(form.items[1].fields["description"], "ring met gravure")
    type_into(form.items[1].fields["price"], "180,00")
    form.validate_now()
    shoot(window, out, "purchase-form")

    # 2. Saved: the register number, receipt buttons.
    form.accept_box.setChecked(True)
    form.save()
    wait_until(lambda: form.last_saved is not None)
    shoot(window, out, "purchase-saved")

    # 3. Problems next to their fields, all at once.
    type_into(form.boxes["seller.family_name"], "de Vries")
    type_into(form.boxes["id_document.expiry_date"], "01-01-2021")
    type_into(form.items[0].fields["category"], "phone")
    type_into(form.items[0].fields["imei"], "356938035643808")
    form.save()
    shoot(window, out, "purchase-problems")
    form.clear_form()

    # 4. A second purchase, synced; the first phone is reported stolen afterwards: a late hit.
    from dor_desktop.sandbox.admin_client import SandboxAdmin
    from dor_desktop.storage.models import Alert

    def alerts() -> int:
        with context.db.read() as session:
            return len(session.query(Alert).all())

    window.sync_now()
    wait_until(lambda: window.sync_status.last is not None and window.sync_status.last.pending == 0)
    with SandboxAdmin(window.services.sync.service.transport.endpoint) as admin:
        admin.add_stolen(imei=STOLEN_LATER_IMEI, category="phone", brand="Apple", description="iPhone 13")
    window.sync_now()
    wait_until(lambda: alerts() == 1)
    wait_until(lambda: not window.alert_badge.isHidden())
    _more_purchases(context)
    window.sync_now()
    window.tabs.setCurrentWidget(window.register_view)
    view = window.register_view
    view.refresh()
    wait_until(lambda: view.model.rowCount() > 10 and view.model.data(view.model.index(10, 0)) != "...")
    hit_row = view.model.rowCount() - 1
    view.table.selectRow(hit_row)
    view.table.scrollTo(view.model.index(hit_row, 0))
    detail = view.detail
    wait_until(lambda: detail.view is not None and detail.view.number == "K1-000001")
    window.alert_panel.hide()
    shoot(window, out, "register")
    window.show_alerts()
    wait_until(lambda: bool(window.alert_panel.alerts))
    shoot(window, out, "notices")
    window.alert_panel.hide()

    # 5. The first-run setup.
    dialog = SettingsDialog(
        context.settings, {context.rules.id: context.rules}, first_run=True, parent=window
    )
    dialog.show()
    shoot(dialog, out, "first-run")
    dialog.close()

    # 6. The worklist of entries the DOR refused (here with one made-up refusal).
    dialog = RejectionsDialog(_demo_rejection(), window)
    dialog.show()
    shoot(dialog, out, "refused")
    dialog.close()

    window.close()
    context.close()
    app.quit()


DEMO_SELLERS = (
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
)


def _more_purchases(context) -> None:
    """A dozen made-up purchases so the register looks like a shop's (straight through the register)."""
    from datetime import UTC, datetime, timedelta

    from dor_desktop.domain.enums import Category, IdDocumentType, PaymentMethod
    from dor_desktop.domain.purchase import Address, IdDocument, Item, Purchase, Seller

    now = datetime.now(UTC)
    for n, name in enumerate(DEMO_SELLERS):
        item = Item(
            line=1,
            category=Category.BICYCLE,
            brand="Gazelle",
            description="damesfiets",
            frame_number=f"GZ{2020 + n}NL{n:05d}",
            price=Decimal(60 + 5 * n),
        )
        purchase = Purchase(
            acquired_at=now - timedelta(minutes=30 - n),
            seller=Seller(name, "Jan", Address("Lange Nieuwstraat", str(n + 1), "3512 PH", "Utrecht")),
            items=(item,),
            id_document=IdDocument(IdDocumentType.ID_CARD, f"IX{n:02d}AB3C4", "NLD", date(2030, 1, 1)),
            payment_method=PaymentMethod.BANK_TRANSFER,
        )
        context.register.commit_purchase(purchase)


def _demo_rejection():
    from dor_desktop.sync.api import RejectedEntry, SyncFieldError

    errors = (SyncFieldError("id_document", "required", "an ID document is required"),)
    return [RejectedEntry(3, "K1-000003", "demo", "registration", "rejected", errors)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="dor-screens-"))
    try:
        run(args.out, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if (
        QApplication.instance() is None
        and "QT_QPA_PLATFORM" not in os.environ
        and not os.environ.get("DISPLAY")
    ):
        print("run under a display, e.g. xvfb-run -a python scripts/screenshots.py", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
