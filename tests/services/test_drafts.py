"""The draft file: the newest form wins, a committed form never comes back, a BSN never reaches disk."""

from __future__ import annotations

from dor_desktop.services.drafts import DraftStore


def family_name(data: dict) -> str:
    return data["values"]["seller.family_name"]


def test_draft_store_keeps_the_newest_and_ignores_a_discarded_generation(tmp_path):
    store = DraftStore(tmp_path)
    assert store.save({"values": {"seller.family_name": "Jansen"}}, generation=0)
    store.discard(generation=0)
    assert not store.path.exists()
    assert not store.save({"values": {"seller.family_name": "late write"}}, generation=0)
    assert not store.path.exists()
    assert store.save({"values": {"seller.family_name": "next seller"}}, generation=1)
    assert "next seller" in store.path.read_text(encoding="utf-8")


def test_draft_never_holds_a_bsn(tmp_path):
    store = DraftStore(tmp_path)
    store.save({"values": {"id_document.number": "999999990", "seller.family_name": "Jansen"}})
    text = store.path.read_text(encoding="utf-8")
    assert "999999990" not in text and "Jansen" in text


def test_set_aside_offers_old_drafts_and_a_broken_file_does_not_stop_the_start(tmp_path):
    store = DraftStore(tmp_path)
    store.save({"values": {"seller.family_name": "Eerste"}})
    (tmp_path / "previous-0.json").write_text("{not json", encoding="utf-8")
    drafts = store.set_aside()
    assert [family_name(d.data) for d in drafts] == ["Eerste"]
    assert not store.path.exists()  # typing in the new form cannot overwrite the offered draft
    assert (tmp_path / "previous-0.broken").exists()
    store.forget(drafts[0])
    assert store.set_aside() == []
