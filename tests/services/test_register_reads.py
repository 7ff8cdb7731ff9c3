"""The register's read model: pages by id range and by search, and one entry's detail, without Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dor_desktop.services import register
from dor_desktop.services.register_reads import (
    EntryFilter,
    Span,
    detail_view,
    is_whole_register,
    register_span,
    search_page,
    window_page,
)
from tests.services.helpers import commit_phone, make_imei


def numbers(rows) -> list[str]:
    return [row.register_number for row in rows]


def test_an_empty_register_has_no_rows(app):
    span = register_span(app)
    assert span == Span(0, 0) and span.rows == 0
    assert search_page(app, EntryFilter(text="Jansen"), 0) == []


def test_the_whole_register_is_paged_newest_first_by_id_range(app):
    for n in range(7):
        commit_phone(app, f"Verkoper{n}", make_imei(n))
    span = register_span(app)
    assert span.rows == 7
    assert numbers(window_page(app, span, 0, size=3)) == ["K1-000007", "K1-000006", "K1-000005"]
    assert numbers(window_page(app, span, 2, size=3)) == ["K1-000001"]  # the last page is short
    assert window_page(app, span, 3, size=3) == []


def test_a_search_is_paged_by_offset_whatever_limit_the_filter_carries(app):
    for n in range(5):
        commit_phone(app, "Jansen" if n % 2 == 0 else "Bakker", make_imei(n))
    wanted = EntryFilter(text="jans", limit=1, offset=99)
    assert numbers(search_page(app, wanted, 0, size=2)) == ["K1-000005", "K1-000003"]
    assert numbers(search_page(app, wanted, 1, size=2)) == ["K1-000001"]
    assert not is_whole_register(wanted)
    assert is_whole_register(EntryFilter(text="  "))
    assert not is_whole_register(EntryFilter(date_from=date(2026, 1, 1)))


def test_the_detail_says_per_item_why_it_cannot_be_sold_yet(app):
    entry = commit_phone(app, "Jansen", make_imei(1), acquired=datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    during_hold = detail_view(app, entry.register_number, date(2026, 3, 3))
    assert during_hold.number == entry.register_number and during_hold.is_current_purchase
    assert during_hold.hold_running and not during_hold.police_hold
    assert {line: b.code for line, b in during_hold.sale_blockers.items() if b} == {1: "hold_period"}

    after_hold = detail_view(app, entry.register_number, date(2099, 1, 1))
    assert not after_hold.hold_running and after_hold.sale_blockers == {1: None}


def test_a_voided_entry_can_no_longer_be_changed_and_its_void_sells_nothing(app):
    entry = commit_phone(app, "Jansen", make_imei(1))
    void = register.void(app, entry.register_number, "dubbel ingevoerd")
    assert not detail_view(app, entry.register_number, date(2099, 1, 1)).is_current_purchase
    voided = detail_view(app, void.register_number, date(2099, 1, 1))
    assert not voided.is_current_purchase and voided.sale_blockers == {}
