"""Backoff, the retry gate, Retry-After parsing and token renewal timing: pure logic, no network."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from dor_desktop.sync.backoff import Backoff, RetryGate
from dor_desktop.sync.http_client import MAX_RETRY_AFTER, TokenCache, retry_after_seconds
from tests.sync.helpers import ManualClock


def test_delays_double_up_to_the_cap_within_their_upper_half() -> None:
    low = Backoff(base=1, cap=60, random=lambda: 0.0)
    high = Backoff(base=1, cap=60, random=lambda: 0.999999)
    assert [low.delay(n) for n in range(1, 9)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert [round(high.delay(n)) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]


def test_jitter_spreads_clients_that_failed_together() -> None:
    import random

    source = random.Random(437)
    backoff = Backoff(random=source.random)
    delays = {backoff.delay(5) for _ in range(50)}
    assert len(delays) == 50
    assert all(8 <= d <= 16 for d in delays)


def test_retry_after_is_honoured_with_at_most_a_little_extra() -> None:
    assert Backoff(random=lambda: 0.0).delay(9, retry_after=7) == 7
    assert Backoff(random=lambda: 0.999999).delay(1, retry_after=7) == pytest.approx(7.7, abs=1e-4)
    assert Backoff(random=lambda: 0.999999).delay(1, retry_after=120) == pytest.approx(121, abs=1e-4)


def test_the_gate_closes_after_a_failure_and_opens_on_time() -> None:
    clock = ManualClock()
    gate = RetryGate(Backoff(random=lambda: 0.0), clock)
    assert gate.ready()

    retry_at = gate.failed()
    assert retry_at == clock.now + timedelta(seconds=0.5)
    assert not gate.ready()
    clock.advance(0.5)
    assert gate.ready()

    gate.failed()
    assert gate.retry_at == clock.now + timedelta(seconds=1)
    gate.succeeded()
    assert gate.ready() and gate.failures == 0


def test_skip_wait_ends_our_backoff_but_not_the_servers_retry_after() -> None:
    clock = ManualClock()
    gate = RetryGate(Backoff(random=lambda: 0.0), clock)
    gate.failed(retry_after=30)
    gate.skip_wait()
    assert not gate.ready()

    gate.failed()
    gate.skip_wait()
    assert gate.ready()


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(None, None), ("", None), ("12", 12.0), ("0", 0.0), ("-5", 0.0), ("soon", None), ("nan", None)],
)
def test_retry_after_seconds(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


def test_retry_after_as_an_http_date_and_capped() -> None:
    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90
    assert retry_after_seconds(str(10**9)) == MAX_RETRY_AFTER


def test_a_token_is_renewed_a_tenth_of_its_life_before_expiry_at_most_a_minute() -> None:
    now = [0.0]
    cache = TokenCache(lambda: now[0])
    cache.store("short", 100)
    now[0] = 89.9
    assert cache.valid() == "short"
    now[0] = 90.0
    assert cache.valid() is None

    cache.store("long", 3600)
    now[0] += 3600 - 60.1
    assert cache.valid() == "long"
    now[0] += 0.1
    assert cache.valid() is None


def test_forgetting_a_refused_token_keeps_a_newer_one() -> None:
    cache = TokenCache(lambda: 0.0)
    cache.store("new", 3600)
    cache.forget("old")
    assert cache.valid() == "new"
    cache.forget("new")
    assert cache.valid() is None
