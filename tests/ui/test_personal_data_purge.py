"""The window purges sellers' personal data past the retention when it starts; the list and the
detail then say it was removed (in Dutch by default) instead of showing it."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime

from dor_desktop.ui.register_model import COLUMNS
from tests.conftest import register_connection
from tests.ui.conftest import commit_phone, make_imei


def test_the_window_purges_old_personal_data_at_start_and_shows_it_removed(
    window_factory, context_factory, qtbot
):
    context = context_factory()
    old = commit_phone(context, "Oudenaarde", make_imei(1), acquired=datetime(2020, 3, 1, 10, 0, tzinfo=UTC))
    commit_phone(context, "Nieuwland", make_imei(2))
    with closing(register_connection(context.paths.database)) as connection, connection:  # as the DOR's ack
        connection.execute(
            "UPDATE outbox SET state = 'acknowledged', acknowledged_at = '2026-01-01T00:00:00.000000Z'"
        )

    window = window_factory(context=context)

    qtbot.waitUntil(lambda: "persoonsgegevens van 1 inkopen" in window.message_label.text(), timeout=5000)
    model = window.register_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.summary(1) is not None, timeout=5000)
    seller = COLUMNS.index("seller")
    assert [model.index(row, seller).data() for row in range(2)] == ["Nieuwland, Pieter", "(verwijderd)"]

    window.show_entry(old.register_number)
    detail = window.register_view.detail
    qtbot.waitUntil(
        lambda: detail.view is not None and detail.view.number == old.register_number, timeout=5000
    )
    text = detail.text.toPlainText()
    assert "(verwijderd na de bewaartermijn)" in text and "Oudenaarde" not in text
