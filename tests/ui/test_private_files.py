"""The window's day at the counter leaves only private files: register, WAL, drafts, the kept ID
copy, the sandbox's state, an item photo and a receipt, all 0600 in 0700 folders.

Run under the common umask 022 (the window's own process would narrow it; this test does not rely
on that), with the window connected to the real sandbox.
"""

from __future__ import annotations

import os

import pytest

from dor_desktop.services.purchase_session import store_photo
from dor_desktop.services.receipts import save_receipt_pdf
from tests.file_modes import common_umask, loose_modes
from tests.ui.conftest import CLEAN_IMEI, fill_item, type_into
from tests.ui.test_flow import id_image, sync_until

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows uses an access list (README)")


def test_a_window_session_leaves_only_private_files(window_factory, qtbot, tmp_path, home):
    with common_umask():
        window = window_factory(sync=True, keep_id_images=True)
        form = window.form
        _spec, image = id_image(tmp_path)
        form.scan(image.read_bytes())
        qtbot.waitUntil(lambda: not form.masked_view.isHidden(), timeout=60_000)
        for key, value in {
            "seller.address.street": "Dorpsstraat",
            "seller.address.house_number": "1",
            "seller.address.postcode": "3511 AB",
            "seller.address.city": "Utrecht",
        }.items():
            type_into(form.boxes[key], value)
        fill_item(form, 0, category="phone", imei=CLEAN_IMEI, description="zwart", price="80")
        drafts = window.services.paths.drafts
        qtbot.waitUntil(lambda: (drafts / "current.json").exists(), timeout=5000)
        with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
            form.save()
        number = saved.args[0].register_number
        kept = window.services.paths.images / "id" / f"{number}.png"
        qtbot.waitUntil(kept.exists, timeout=5000)
        sync_until(window, qtbot, alerts=0)
        context = window.services.context
        store_photo(context, image)
        save_receipt_pdf(context, number, context.paths.register_home / "receipts" / f"{number}.pdf")
        type_into(form.boxes["seller.address.city"], "Zwolle")  # a new draft after the save
        draft = drafts / "current.json"
        qtbot.waitUntil(
            lambda: draft.exists() and "Zwolle" in draft.read_text(encoding="utf-8"), timeout=5000
        )

    written = {p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file()}
    assert {
        "practice/register.sqlite3",
        "practice/register.sqlite3-wal",
        "practice/drafts/current.json",
        f"practice/images/id/{number}.png",
        "practice/sandbox/sandbox.sqlite3",
        f"practice/receipts/{number}.pdf",
    } <= written, written
    assert loose_modes(home / "practice") == []
