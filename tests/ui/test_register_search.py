"""Index-driven search: identifiers by exact lookup, names by prefix (rare and common), with filters."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dor_desktop.storage import queries
from dor_desktop.storage.queries import EntryFilter, list_entries
from tests.ui.conftest import commit_phone, make_imei


def numbers(rows) -> list[str]:
    return [row.register_number for row in rows]


def test_identifiers_names_filters_and_pages(context_factory, monkeypatch):
    context = context_factory()
    for n in range(6):
        name = "Jansen" if n % 2 == 0 else "Bakker"
        commit_phone(context, name, make_imei(n), acquired=datetime(2026, 3, 1 + n, 12, tzinfo=UTC))
    context.register.void("K1-000006", "dubbel")
    with context.db.read() as session:

        def find(text: str, limit: int = 10, offset: int = 0, **filters) -> list[str]:
            return numbers(
                list_entries(session, EntryFilter(text=text, limit=limit, offset=offset, **filters))
            )

        assert find(make_imei(3)) == ["K1-000004"]
        assert find("k1-000002") == ["K1-000002"]
        assert find("SN-NOT-THERE") == []
        for sparse_limit in (2000, 2):  # the name index, and the walk through the register
            monkeypatch.setattr(queries, "SPARSE_NAME_LIMIT", sparse_limit)
            assert find("jans") == ["K1-000005", "K1-000003", "K1-000001"]
            assert find("Bakker", limit=2) == ["K1-000007", "K1-000006"]  # the void carries the name
            assert find("Bakker", limit=2, offset=2) == ["K1-000004", "K1-000002"]
            assert find("bak", kind="purchase", date_from=date(2026, 3, 3)) == ["K1-000006", "K1-000004"]
            assert find("Jansen", sync_state="pending", date_to=date(2026, 3, 2)) == ["K1-000001"]
