"""The purchase session without a window: draft stamp, commit or correct, ID copy, discard, restart."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from dor_desktop.domain.clock import to_utc_text
from dor_desktop.services import purchase_session, register, retention
from dor_desktop.services.drafts import DraftStore
from dor_desktop.services.register import ValidationFailed
from tests.services.helpers import commit_phone, make_imei, phone_purchase

ACQUIRED = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
FORM = {"values": {"seller.family_name": "Jansen"}}
PNG = b"\x89PNG\r\n\x1a\n masked copy"


@pytest.fixture
def drafts(app) -> DraftStore:
    return DraftStore(app.paths.drafts)


def keeping_id_copies(app) -> None:
    app.use_settings(dataclasses.replace(app.settings, keep_id_images=True), app.rules)


def test_a_commit_registers_the_purchase_and_only_then_drops_the_draft(app, drafts):
    entry = purchase_session.commit(app, drafts, phone_purchase("Jansen", make_imei(1)), FORM, 3)
    assert register.entry_detail(app, entry.register_number).summary.seller_name.startswith("Jansen")
    assert not drafts.path.exists()
    assert not drafts.save(FORM, 3)  # a write queued before the commit cannot bring the form back


def test_a_refused_purchase_keeps_the_stamped_draft_and_it_is_offered_again(app, drafts):
    bad = dataclasses.replace(phone_purchase("Jansen", make_imei(1), ACQUIRED), items=())
    with pytest.raises(ValidationFailed):
        purchase_session.commit(app, drafts, bad, FORM, 0)
    assert register.list_entries(app, register.EntryFilter()) == []
    offers, saved = purchase_session.sort_out_drafts(app, DraftStore(app.paths.drafts))
    assert saved == [] and [d.committing_at for d in offers] == [to_utc_text(ACQUIRED)]


def test_a_correction_points_at_the_entry_it_corrects(app, drafts):
    old = commit_phone(app, "Jansen", make_imei(1), ACQUIRED)
    new = purchase_session.commit(
        app,
        drafts,
        phone_purchase("Janssen", make_imei(1), ACQUIRED),
        {**FORM, "correction_of": old.register_number},
        0,
        correction_of=old.register_number,
        reason="naam verkeerd gespeld",
    )
    detail = register.entry_detail(app, new.register_number)
    assert detail.refers_to == old.register_number and detail.reason == "naam verkeerd gespeld"


def test_the_masked_id_copy_is_kept_only_when_the_shop_keeps_them(app, drafts):
    first = purchase_session.commit(
        app, drafts, phone_purchase("Jansen", make_imei(1)), FORM, 0, masked_png=PNG
    )
    assert not retention.id_copy_path(app, first.register_number).exists()
    keeping_id_copies(app)
    second = purchase_session.commit(
        app, drafts, phone_purchase("Bakker", make_imei(2)), FORM, 1, masked_png=PNG
    )
    assert retention.id_copy_path(app, second.register_number).read_bytes() == PNG


def test_at_start_a_draft_whose_commit_went_through_is_not_offered_but_named(app, drafts):
    entry = commit_phone(app, "Jansen", make_imei(1), ACQUIRED)
    corrected = commit_phone(app, "Bakker", make_imei(2), ACQUIRED.replace(hour=11))
    correction = register.correct(
        app, corrected.register_number, phone_purchase("Bakkers", make_imei(2), ACQUIRED), "typfout"
    )
    # The program stopped after each commit and before its draft was removed:
    drafts.save(FORM, committing_at=to_utc_text(ACQUIRED))
    drafts.set_aside()
    drafts.save({"correction_of": corrected.register_number}, committing_at=to_utc_text(ACQUIRED))
    drafts.set_aside()
    drafts.save({"values": {"seller.family_name": "Nog niet opgeslagen"}})

    offers, saved = purchase_session.sort_out_drafts(app, drafts)

    assert sorted(saved) == sorted([entry.register_number, correction.register_number])
    assert [d.data["values"]["seller.family_name"] for d in offers] == ["Nog niet opgeslagen"]
    assert len(list(app.paths.drafts.glob("*.json"))) == 1


def test_a_photo_is_stored_once_under_its_hash(app, tmp_path):
    photo = tmp_path / "Fiets.JPG"
    photo.write_bytes(b"not really a jpeg, but bytes all the same")
    digest = purchase_session.store_photo(app, photo)
    assert purchase_session.store_photo(app, photo) == digest
    stored = list((app.paths.images / "photos").iterdir())
    assert [p.name for p in stored] == [f"{digest}.jpg"]
    assert stored[0].read_bytes() == photo.read_bytes()


def test_the_form_is_checked_as_typed_without_storing_anything(app):
    assert register.check(app, phone_purchase("Jansen", make_imei(1))) == []
    problems = register.check(app, dataclasses.replace(phone_purchase("Jansen", make_imei(1)), items=()))
    assert [p.path for p in problems if p.severity == "error"] == ["items"]
    assert register.list_entries(app, register.EntryFilter()) == []
