"""Kept ID copies go once their entry's retention has passed, and nothing else goes with them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dor_desktop.storage.id_copies import (
    expired_id_copies,
    id_copy_path,
    purge_expired_id_copies,
    retention_cutoff,
)

PNG = b"\x89PNG\r\n\x1a\n masked copy"


@pytest.mark.parametrize(
    ("today", "years", "cutoff"),
    [
        (date(2026, 11, 23), 4, date(2022, 11, 23)),
        (date(2028, 2, 29), 4, date(2024, 2, 29)),
        (date(2028, 2, 29), 1, date(2027, 3, 1)),  # 28 Feb 2027 had its anniversary yesterday
    ],
)
def test_the_retention_cutoff(today, years, cutoff):
    assert retention_cutoff(today, years) == cutoff


@pytest.fixture
def kept(db, register, purchase, tmp_path) -> tuple[Path, dict[str, Path]]:
    """Three entries bought on different days, each with its kept copy, in a fresh images folder."""
    images = tmp_path / "images"
    days = {
        "old": "2019-06-30T23:30:00+02:00",
        "edge": "2022-11-23T00:30:00+01:00",
        "new": "2026-11-20T10:00:00+01:00",
    }
    copies = {}
    for label, moment in days.items():
        entry = register.commit_purchase(purchase(acquired_at=moment, late_entry_reason="paper notes"))
        copies[label] = id_copy_path(images, entry.register_number)
        copies[label].parent.mkdir(parents=True, exist_ok=True)
        copies[label].write_bytes(PNG)
    return images, copies


def test_copies_are_kept_through_the_anniversary_and_expire_the_day_after(db, kept):
    images, copies = kept
    assert expired_id_copies(images, db, 4, date(2026, 11, 23)) == [copies["old"]]
    # The edge entry was bought on 23 November 2022 shop time (23:30 UTC the day before).
    assert expired_id_copies(images, db, 4, date(2026, 11, 24)) == [copies["old"], copies["edge"]]
    assert expired_id_copies(images, db, 10, date(2026, 11, 24)) == []


def test_a_purge_removes_only_expired_copies_of_this_register(db, kept):
    images, copies = kept
    stranger = images / "id" / "K9-000001.png"  # no such entry: not ours to date
    notes = images / "id" / "readme.txt"
    stranger.write_bytes(PNG)
    notes.write_text("kept by the owner", encoding="utf-8")

    purge = purge_expired_id_copies(images, db, 4, date(2026, 11, 24))

    assert purge.removed == [copies["old"], copies["edge"]] and purge.failed == []
    assert not copies["old"].exists() and not copies["edge"].exists()
    assert copies["new"].read_bytes() == PNG and stranger.exists() and notes.exists()
    assert purge_expired_id_copies(images, db, 4, date(2026, 11, 24)).removed == []


def test_a_copy_that_cannot_be_removed_is_reported_and_the_rest_still_go(db, kept):
    images, copies = kept
    copies["old"].unlink()
    copies["old"].mkdir()  # unlink() refuses a folder, whoever runs the test

    purge = purge_expired_id_copies(images, db, 4, date(2026, 11, 24))

    assert purge.removed == [copies["edge"]] and not copies["edge"].exists()
    assert [path for path, _reason in purge.failed] == [copies["old"]]
    assert purge.failed[0][1]  # the reason, for the clerk and the log


def test_no_images_folder_is_nothing_to_purge(db, tmp_path):
    purge = purge_expired_id_copies(tmp_path / "never-kept", db, 4, date(2026, 11, 24))
    assert purge.removed == [] and purge.failed == []
