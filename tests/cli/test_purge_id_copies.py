"""``dor-desktop purge-id-copies``: the retention of kept ID copies, from the command line."""

from __future__ import annotations

from pathlib import Path

from dor_desktop.storage.id_copies import id_copy_path

PNG = b"\x89PNG\r\n\x1a\n masked copy"


def keep_copy(home: Path, number: str) -> Path:
    path = id_copy_path(home / "practice" / "images", number)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)
    return path


def test_dry_run_lists_then_the_purge_removes_copies_past_the_retention(run_main, commit, home: Path):
    old = keep_copy(home, commit(acquired_at="2020-03-01T10:00:00+01:00"))
    recent = keep_copy(home, commit())

    listed = run_main("purge-id-copies", "--dry-run")
    assert listed.code == 0 and old.exists()
    assert listed.out.splitlines()[0] == f"would remove {old.name}"
    assert (
        "would remove 1 ID copies of purchases before" in listed.out and "(retention 4 years)" in listed.out
    )

    done = run_main("purge-id-copies")
    assert done.code == 0 and f"removed {old.name}" in done.out
    assert not old.exists() and recent.read_bytes() == PNG


def test_a_copy_that_cannot_be_removed_is_an_error_with_its_name(run_main, commit, home: Path):
    stuck = keep_copy(home, commit(acquired_at="2020-03-01T10:00:00+01:00"))
    stuck.unlink()
    stuck.mkdir()
    outcome = run_main("purge-id-copies")
    assert outcome.code == 1
    assert outcome.err.startswith(f"dor-desktop: error: could not remove {stuck}: ")
