"""Deadlines nest: the sooner one wins, and leaving a block restores the one around it."""

from __future__ import annotations

import threading

import httpcore
import pytest

from dor_desktop.sync import deadline
from dor_desktop.sync.deadline import DeadlineBackend, deadline_after


def test_no_deadline_outside_a_block() -> None:
    assert deadline.remaining() is None and not deadline.expired()


def test_an_inner_block_cannot_outlast_the_outer_one() -> None:
    with deadline_after(100):
        with deadline_after(1000):
            left = deadline.remaining()
            assert left is not None and left <= 100
        with deadline_after(None):
            left = deadline.remaining()
            assert left is not None and left <= 100
        with deadline_after(0):
            assert deadline.expired()
        assert not deadline.expired()
    assert deadline.remaining() is None


def test_a_deadline_belongs_to_the_thread_that_set_it() -> None:
    seen: list[float | None] = []
    with deadline_after(0):
        worker = threading.Thread(target=lambda: seen.append(deadline.remaining()))
        worker.start()
        worker.join()
    assert seen == [None]


def test_a_connect_after_the_deadline_fails_as_a_timeout_without_touching_the_network() -> None:
    with deadline_after(0), pytest.raises(httpcore.ConnectTimeout, match="total time allowed"):
        DeadlineBackend().connect_tcp("192.0.2.1", 9)  # TEST-NET-1: never reachable
