"""The register compared with the head the DOR acknowledged: what verify alone cannot see.

The acknowledged head is taken from the register itself before the attack (as the DOR would have
acknowledged it); the sync tests show the same against the real sandbox.
"""

from __future__ import annotations

from contextlib import closing

import pytest

from dor_desktop.storage.anchor import (
    AcknowledgedHead,
    AnchorProblem,
    LocalPosition,
    check_against_head,
    compare_with_head,
    local_counters,
    read_local_position,
)
from dor_desktop.storage.chain import ChainFields, entry_hash
from dor_desktop.storage.verify import verify

from .conftest import make_register, raw
from .test_verify import tamper

HASH = "ab" * 32


@pytest.fixture
def four(db, register, purchase):
    """Four purchases on K1, all as if acknowledged by the DOR."""
    for _ in range(4):
        register.commit_purchase(purchase())
    return db


def _head_of(db, counter: str = "K1") -> AcknowledgedHead:
    last = read_local_position(db, counter, 0).last_sequence
    position = read_local_position(db, counter, last)
    return AcknowledgedHead(counter, last, position.hash_at_head, f"{counter}-{last:06d}")


def _delete_newest(db_path, count: int) -> None:
    newest = f"(SELECT id FROM register_entry ORDER BY id DESC LIMIT {count})"
    tamper(
        db_path,
        f"DELETE FROM entry_item WHERE entry_id IN {newest}",
        f"DELETE FROM outbox WHERE entry_id IN {newest}",
        f"DELETE FROM register_entry WHERE id IN {newest}",
    )


def _rewrite_whole_chain(db_path) -> None:
    """Change the first entry's time and recompute every hash after it: consistent, so verify passes."""
    columns = ", ".join(ChainFields.__dataclass_fields__)
    with closing(raw(db_path)) as connection:
        rows = connection.execute(f"SELECT id, {columns} FROM register_entry ORDER BY id").fetchall()
    previous = "0" * 64
    statements = []
    for entry_id, *values in rows:
        fields = ChainFields(*values)
        if entry_id == rows[0][0]:
            fields = ChainFields(**{**vars(fields), "committed_at": "2026-11-23T09:00:00Z"})
        new_hash = entry_hash(fields, previous)
        statements.append(
            f"UPDATE register_entry SET committed_at = '{fields.committed_at}', prev_hash = '{previous}', "
            f"entry_hash = '{new_hash}' WHERE id = {entry_id}"
        )
        previous = new_hash
    tamper(db_path, *statements)


def test_a_register_that_agrees_with_the_head_has_no_findings(four):
    assert check_against_head(four, _head_of(four)) == []
    assert (
        check_against_head(four, AcknowledgedHead("K1", 2, read_local_position(four, "K1", 2).hash_at_head))
        == []
    )


def test_nothing_acknowledged_yet_is_no_finding(db):
    assert check_against_head(db, AcknowledgedHead("K1", 0)) == []


def test_deleted_newest_entries_pass_verify_but_not_the_anchor(four, db_path):
    head = _head_of(four)
    _delete_newest(db_path, 2)
    assert verify(four).ok  # the hole the DOR's anchor closes

    (finding,) = check_against_head(four, head)

    assert finding.problem == AnchorProblem.ENTRIES_MISSING
    assert finding.register_number == "K1-000004"
    assert "up to K1-000004" in finding.message and "ends at K1-000002" in finding.message
    assert "2 acknowledged entries are missing" in finding.message


def test_deleted_entries_whose_numbers_were_used_again_are_a_rewritten_chain(
    four, db_path, register, purchase
):
    head = _head_of(four)
    _delete_newest(db_path, 2)
    register.commit_purchase(purchase())
    register.commit_purchase(purchase())
    assert verify(four).ok

    (finding,) = check_against_head(four, head)

    assert finding.problem == AnchorProblem.CHAIN_REWRITTEN
    assert "K1-000004 is not the entry the DOR acknowledged" in finding.message


def test_a_consistently_rewritten_chain_passes_verify_but_not_the_anchor(four, db_path):
    head = _head_of(four)
    _rewrite_whole_chain(db_path)
    assert verify(four).ok

    assert [f.problem for f in check_against_head(four, head)] == [AnchorProblem.CHAIN_REWRITTEN]


def test_every_entry_of_a_counter_deleted_is_found(four, db_path):
    head = _head_of(four)
    _delete_newest(db_path, 4)

    (finding,) = check_against_head(four, head)

    assert "ends at nothing" in finding.message and "4 acknowledged entries" in finding.message


def test_counters_are_compared_separately(four, purchase):
    make_register(four, "K2").commit_purchase(purchase())

    assert local_counters(four) == ["K1", "K2"]
    assert check_against_head(four, _head_of(four, "K2")) == []
    assert (
        check_against_head(four, AcknowledgedHead("K2", 2, HASH))[0].problem == AnchorProblem.ENTRIES_MISSING
    )


@pytest.mark.parametrize(
    ("local", "head", "expected"),
    [
        (LocalPosition("K1", 5, HASH), AcknowledgedHead("K1", 5, HASH), []),
        (LocalPosition("K1", 7, HASH), AcknowledgedHead("K1", 5, HASH), []),
        (LocalPosition("K1", 4, None), AcknowledgedHead("K1", 5, HASH), [AnchorProblem.ENTRIES_MISSING]),
        (LocalPosition("K1", 5, "cd" * 32), AcknowledgedHead("K1", 5, HASH), [AnchorProblem.CHAIN_REWRITTEN]),
        # A head without a hash (a server that keeps only the number) can only show missing entries.
        (LocalPosition("K1", 5, "cd" * 32), AcknowledgedHead("K1", 5, None), []),
        (LocalPosition("K1", 0, None), AcknowledgedHead("K1", 0), []),
    ],
)
def test_compare_with_head(local, head, expected):
    assert [f.problem for f in compare_with_head(local, head)] == expected


def test_one_missing_entry_is_named_in_the_singular():
    (finding,) = compare_with_head(LocalPosition("K1", 4, None), AcknowledgedHead("K1", 5, HASH, "K1-000005"))
    assert "1 acknowledged entry is missing" in finding.message
