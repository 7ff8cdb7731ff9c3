"""The window removes kept ID copies past their retention when it starts, and says so discreetly."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from dor_desktop.storage.id_copies import Purge, id_copy_path
from tests.ui.conftest import commit_phone, make_imei

PNG = b"\x89PNG\r\n\x1a\n masked copy"


def test_the_window_removes_copies_past_their_retention_at_start(window_factory, context_factory, qtbot):
    context = context_factory(keep_id_images=True)
    old = commit_phone(context, "Oud", make_imei(1), acquired=datetime(2020, 3, 1, 10, 0, tzinfo=UTC))
    new = commit_phone(context, "Nieuw", make_imei(2))
    copies = [id_copy_path(context.paths.images, entry.register_number) for entry in (old, new)]
    for path in copies:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PNG)

    window = window_factory(context=context)

    qtbot.waitUntil(lambda: "1 ID-kopieën" in window.message_label.text(), timeout=5000)
    assert "verwijderd" in window.message_label.text()
    assert not copies[0].exists() and copies[1].read_bytes() == PNG


def test_a_notice_already_shown_is_not_covered_by_the_purge_but_a_failure_is_said(window_factory):
    window = window_factory()
    notice = "De inkoop die werd opgeslagen toen het programma stopte, staat in het register als K1-000001."
    window.show_message(notice)

    window._id_copies_purged(Purge(removed=[Path("K1-000002.png")]))
    assert window.message_label.text() == notice

    window._id_copies_purged(Purge(failed=[(Path("K1-000003.png"), "Permission denied")]))
    assert window.message_label.text().startswith("1 ID-kopieën")
    assert "konden niet worden verwijderd" in window.message_label.text()
