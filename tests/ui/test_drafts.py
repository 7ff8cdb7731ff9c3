"""Nothing typed is lost: the draft file, its restore after a crash, and no double registration."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime

from dor_desktop.domain.clock import to_utc_text
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.services.drafts import DraftStore
from dor_desktop.storage.register import Register
from dor_desktop.ui.form_state import FormState
from tests.conftest import VALID_PURCHASE
from tests.ui.conftest import type_into, write_settings


def test_typing_is_kept_and_offered_back_in_the_next_window(window_factory, context_factory, qtbot):
    first = window_factory()
    type_into(first.form.boxes["seller.family_name"], "Bakker")
    type_into(first.form.items[0].fields["category"], "bicycle")
    draft = first.services.drafts.path
    qtbot.waitUntil(lambda: draft.exists() and "Bakker" in draft.read_text(encoding="utf-8"), timeout=5000)
    first.shutdown()

    second = window_factory(context=first.services.context)
    form = second.form
    qtbot.waitUntil(lambda: not form.draft_offer.bar.isHidden(), timeout=5000)
    assert "Bakker" in form.draft_offer.text.text()
    assert form.boxes["seller.family_name"].value() == ""  # nothing restored without asking
    form.restore_offered_draft()
    assert form.boxes["seller.family_name"].value() == "Bakker"
    assert form.items[0].category().value == "bicycle"
    assert not form.items[0].fields["frame_number"].isHidden()


CRASHING_WINDOW = r"""
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from dor_desktop.bootstrap.app import open_app
from dor_desktop.ui import i18n
from dor_desktop.ui.main import application
from dor_desktop.ui.main_window import MainWindow, build_services

app = application(["crash-test"])
context = open_app()
i18n.install(context.settings.language)
window = MainWindow(build_services(context, None))
window.show()
window.start()
QTimer.singleShot(0, lambda: QTest.keyClicks(window.form.boxes["seller.family_name"].editor, "Crashtest"))
app.exec()
"""


def test_draft_survives_sigkill_of_the_window(home, window_factory, qtbot):
    write_settings(home)
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CRASHING_WINDOW], env=env)
    draft = home / "practice" / "drafts" / "current.json"
    try:
        qtbot.waitUntil(
            lambda: draft.exists() and "Crashtest" in draft.read_text(encoding="utf-8"), timeout=60_000
        )
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    window = window_factory()
    qtbot.waitUntil(lambda: not window.form.draft_offer.bar.isHidden(), timeout=5000)
    window.form.restore_offered_draft()
    assert window.form.boxes["seller.family_name"].value() == "Crashtest"


def test_a_draft_whose_commit_went_through_is_not_offered_twice(window_factory, context_factory, qtbot):
    context = context_factory()
    acquired = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    purchase, problems = purchase_from_json({**VALID_PURCHASE, "acquired_at": acquired.isoformat()}, acquired)
    assert not problems
    entry = Register(context.db, replace(context.register.context, clock=lambda: acquired)).commit_purchase(
        purchase
    )  # saved at the counter in March
    # The crash came after the commit and before the draft was removed:
    DraftStore(context.paths.drafts).save(
        FormState(values={"seller.family_name": "Jansen"}).to_json(), committing_at=to_utc_text(acquired)
    )

    window = window_factory(context=context)
    qtbot.waitUntil(lambda: entry.register_number in window.message_label.text(), timeout=5000)
    assert window.form.draft_offer.bar.isHidden()
    assert list(context.paths.drafts.glob("*.json")) == []


def test_draft_file_is_plain_json_a_support_engineer_can_read(window_factory, qtbot):
    window = window_factory()
    type_into(window.form.boxes["seller.address.city"], "Zwolle")
    path = window.services.drafts.path
    qtbot.waitUntil(lambda: path.exists() and "Zwolle" in path.read_text(encoding="utf-8"), timeout=5000)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["form"]["values"]["seller.address.city"] == "Zwolle"
    assert data["committing_at"] is None


def test_restoring_over_typed_text_keeps_the_typed_text_on_offer(window_factory, qtbot):
    first = window_factory()
    type_into(first.form.boxes["seller.family_name"], "Oud")
    draft = first.services.drafts.path
    qtbot.waitUntil(lambda: draft.exists() and "Oud" in draft.read_text(encoding="utf-8"), timeout=5000)
    first.shutdown()

    form = window_factory(context=first.services.context).form
    qtbot.waitUntil(lambda: not form.draft_offer.bar.isHidden(), timeout=5000)
    type_into(form.boxes["seller.family_name"], "Nieuw")  # the clerk starts before answering
    form.restore_offered_draft()
    assert form.boxes["seller.family_name"].value() == "Oud"
    qtbot.waitUntil(lambda: "Nieuw" in form.draft_offer.text.text(), timeout=5000)  # offered in its turn
    form.restore_offered_draft()
    assert form.boxes["seller.family_name"].value() == "Nieuw"
