"""Benchmark the sandbox DOR server: how fast it stores batches, so the client's drain is not
limited by its counterpart.

Usage: python bench/sandbox_bench.py [--entries 10000] [--single 1000] [--out FILE]

Three figures, each on a fresh database:
- server only: ``submit_batch`` on the SQLite connection, batches of 500, no HTTP;
- HTTP batches: ``--entries`` registrations in batches of 500 through httpx against the in-process
  server on 127.0.0.1 (one client, sequential, as the outbox drainer sends);
- HTTP one per request: ``--single`` registrations sent one per request, for comparison.
Each registration has two items (a serial and a frame number) and runs the full validation,
idempotency look-up and stolen-table matching.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dor_desktop.sandbox.database import connect  # noqa: E402
from dor_desktop.sandbox.registrations import MAX_BATCH, submit_batch  # noqa: E402
from dor_desktop.sandbox.server import run_sandbox  # noqa: E402


def registration(number: int) -> dict[str, Any]:
    money = {"value": "125.00", "currency": "EUR"}
    address = {"street": "Kerkstraat", "house_number": "1", "postcode": "3511 AB", "city": "Utrecht"}
    laptop = {"line": 1, "category": "laptop", "description": "Laptop", "quantity": 1, "price": money}
    bicycle = {"line": 2, "category": "bicycle", "description": "Fiets", "quantity": 1, "price": money}
    return {
        "client_reference": str(uuid.uuid4()),
        "shop_id": "SHOP-0042",
        "register_number": f"K1-{number:06d}",
        "acquired_at": "2025-03-01T14:30:00+01:00",
        "acquisition_type": "purchase",
        "payment_method": "cash",
        "total_amount": {"value": "250.00", "currency": "EUR"},
        "seller": {"family_name": "De Vries", "given_names": "Anna", "address": {**address, "country": "NL"}},
        "id_document": {"type": "id_card", "number": "IX12AB345", "issuing_country": "NLD"},
        "items": [
            {**laptop, "serial_number": f"BENCH-{uuid.uuid4().hex[:12]}"},
            {**bicycle, "frame_number": f"FR{uuid.uuid4().hex[:11]}"},
        ],
    }


def batches(count: int) -> list[list[dict[str, Any]]]:
    entries = [registration(n) for n in range(count)]
    return [entries[i : i + MAX_BATCH] for i in range(0, count, MAX_BATCH)]


def bench_server_only(count: int, folder: Path) -> list[float]:
    conn = connect(folder / "direct.sqlite3")
    timings = []
    for batch in batches(count):
        started = time.perf_counter()
        submit_batch(conn, "sandbox-shop", batch)
        timings.append(time.perf_counter() - started)
    conn.close()
    return timings


def _token(http: httpx.Client) -> dict[str, str]:
    form = {
        "grant_type": "client_credentials",
        "client_id": "sandbox-shop",
        "client_secret": "sandbox-secret",
    }
    return {"Authorization": f"Bearer {http.post('/oauth/token', data=form).json()['access_token']}"}


def bench_http(groups: list[list[dict[str, Any]]], db: Path) -> tuple[float, list[float]]:
    with run_sandbox(db) as url, httpx.Client(base_url=url, timeout=60) as http:
        headers = _token(http)
        timings = []
        started = time.perf_counter()
        for group in groups:
            sent = time.perf_counter()
            response = http.post("/v1/registrations", json={"registrations": group}, headers=headers)
            response.raise_for_status()
            timings.append(time.perf_counter() - sent)
        return time.perf_counter() - started, timings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--single", type=int, default=1_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        direct = bench_server_only(args.entries, folder)
        total, per_batch = bench_http(batches(args.entries), folder / "http.sqlite3")
        single_groups = [[entry] for group in batches(args.single) for entry in group]
        single_total, _ = bench_http(single_groups, folder / "single.sqlite3")
    lines = [
        "# Sandbox DOR server benchmark",
        "",
        f"Machine: {platform.machine()}, {_cores()} cores, Python {platform.python_version()}, "
        f"load average during the run {_load()}",
        f"Command: `python bench/sandbox_bench.py --entries {args.entries} --single {args.single}`",
        "",
        "| measurement | result |",
        "|---|---|",
        f"| server only, batch of 500 (median / max) | {statistics.median(direct) * 1000:.0f} ms / "
        f"{max(direct) * 1000:.0f} ms |",
        f"| HTTP, {args.entries} entries in batches of 500 | {total:.2f} s "
        f"({args.entries / total:.0f} entries/s) |",
        f"| HTTP, batch of 500 round trip (median / max) | {statistics.median(per_batch) * 1000:.0f} ms / "
        f"{max(per_batch) * 1000:.0f} ms |",
        f"| HTTP, {args.single} entries one per request | {single_total:.2f} s "
        f"({args.single / single_total:.0f} entries/s) |",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _load() -> str:
    """Other work on the machine skews the figures; the 1-minute load average says how much."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
