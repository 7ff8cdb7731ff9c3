"""Benchmark of the register on disk: commit latency with synchronous=FULL, and verify over 100,000 entries.

Run: ``python bench/register_bench.py [--commits 1000] [--entries 100000] [--dir PATH]`` or through
``python bench/run.py register``. The files go to a temporary folder on the same disk as /tmp unless
``--dir`` names another (the disk is what is measured: keep it the shop's real kind of disk).

Commit latency is ``Register.commit_purchase`` end to end: validation, BEGIN IMMEDIATE, number,
hash, entry + items + outbox row, COMMIT with its fsync. The 100,000 entries for ``verify`` are
built through the same code that commits (numbering, hash chain, item rows, outbox message), but
5,000 per transaction: only the setup is batched, the entries are real and chained.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from dor_desktop.domain.clock import utc_now
from dor_desktop.domain.enums import EntryKind
from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.domain.rules import load_pack
from dor_desktop.storage import migrate
from dor_desktop.storage.db import Database
from dor_desktop.storage.keys import ENV_DB_KEY, DbKey
from dor_desktop.storage.register import Register, RegisterContext
from dor_desktop.storage.verify import verify

SAMPLE = {
    "acquisition_type": "purchase",
    "payment_method": "cash",
    "clerk": "Anna",
    "seller": {
        "family_name": "Jansen",
        "given_names": "Pieter",
        "date_of_birth": "1980-04-01",
        "address": {
            "street": "Dorpsstraat",
            "house_number": "12a",
            "postcode": "3511 AB",
            "city": "Utrecht",
            "country": "NL",
        },
    },
    "id_document": {
        "type": "passport",
        "number": "NX12AB3C4",
        "issuing_country": "NLD",
        "expiry_date": "2099-01-01",
    },
    "items": [
        {
            "category": "phone",
            "description": "smartphone, black",
            "brand": "Fairphone",
            "model": "5",
            "imei": "490154203237518",
            "price": {"value": "120.00", "currency": "EUR"},
        },
        {
            "category": "gold",
            "description": "ring",
            "weight_grams": "3.2",
            "fineness": 585,
            "hallmark": "585",
            "price": {"value": "95.00", "currency": "EUR"},
        },
    ],
}
SETUP_BATCH = 5000
#: The register is encrypted (SQLCipher) as the program makes it; bench/encryption_bench.py
#: compares it with a plain one.
KEY = DbKey(bytes(range(32)))


def _purchase() -> Purchase:
    purchase, problems = purchase_from_json(SAMPLE, utc_now())
    assert purchase is not None and not problems, problems
    return purchase


def _open(folder: Path) -> tuple[Database, Register]:
    db = Database(folder / "register.sqlite3", KEY)
    migrate.upgrade(db, folder / "backups")
    return db, Register(db, RegisterContext("BENCH-1", "K1", load_pack("default"), "practice-sandbox"))


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def commit_latency(folder: Path, commits: int) -> dict:
    """Milliseconds per ``commit_purchase`` over ``commits`` commits, after 20 warm-up commits."""
    db, register = _open(folder)
    try:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2, "synchronous is not FULL"
        purchase = _purchase()
        for _ in range(20):
            register.commit_purchase(purchase)
        timings = []
        for _ in range(commits):
            start = time.perf_counter()
            register.commit_purchase(purchase)
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        db.close()
    return _summary(timings)


def raw_sqlite_baseline(folder: Path, commits: int) -> dict:
    """The floor on this disk: one 2 kB row per transaction in plain sqlite3, WAL + synchronous=FULL."""
    folder.mkdir(parents=True)
    connection = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT)")
        timings = []
        for _ in range(commits):
            start = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO t (payload) VALUES (?)", ("x" * 2000,))
            connection.execute("COMMIT")
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        connection.close()
    return _summary(timings)


def _summary(timings: list[float]) -> dict:
    timings = sorted(timings)
    return {
        "commits": len(timings),
        "p50_ms": round(_percentile(timings, 0.50), 2),
        "p90_ms": round(_percentile(timings, 0.90), 2),
        "p99_ms": round(_percentile(timings, 0.99), 2),
        "max_ms": round(timings[-1], 2),
        "mean_ms": round(statistics.fmean(timings), 2),
    }


def build_register(folder: Path, entries: int) -> float:
    """``entries`` real, chained entries committed ``SETUP_BATCH`` per transaction; returns seconds."""
    db, register = _open(folder)
    purchase = _purchase()
    start = time.perf_counter()
    try:
        done = 0
        while done < entries:
            batch = min(SETUP_BATCH, entries - done)
            with db.write() as session:
                for _ in range(batch):
                    register._append_purchase(session, purchase, EntryKind.PURCHASE, None, "")
            done += batch
    finally:
        db.close()
    return time.perf_counter() - start


def _timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def verify_time(folder: Path, entries: int) -> dict:
    setup_s = build_register(folder, entries)
    db = Database(folder / "register.sqlite3", KEY)
    try:
        with db.engine.connect() as connection:
            quick_s, _ = _timed(lambda: connection.execute(text("PRAGMA quick_check")).scalar())
            full_s, _ = _timed(lambda: connection.execute(text("PRAGMA integrity_check")).scalar())
        verify_s, report = _timed(lambda: verify(db))
    finally:
        db.close()
    assert report.ok and report.entries == entries, report
    # A DOR configured: the legal register in ``folder`` (not the practice one) is verified.
    env = {
        **os.environ,
        "DOR_DESKTOP_HOME": str(folder),
        "DOR_DESKTOP_DOR_URL": "https://dor.example.invalid",
        ENV_DB_KEY: KEY.raw.hex(),
    }
    command = [sys.executable, "-m", "dor_desktop", "verify", "--local"]  # the local chain only
    cli_s, result = _timed(
        lambda: subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    )
    return {
        "entries": entries,
        "file_mb": round((folder / "register.sqlite3").stat().st_size / 1e6, 1),
        "setup_s": round(setup_s, 1),
        "verify_s": round(verify_s, 2),
        "of_which_integrity_check_s": round(full_s, 2),
        "quick_check_s": round(quick_s, 2),
        "cli_verify_s": round(cli_s, 2),
        "cli_output": result.stdout.strip(),
        "cli_checked_all": f"{entries} entries" in result.stdout,
    }


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "unknown",
    )
    return {"nproc": os.cpu_count(), "cpu": model, "load_avg_1m_at_start": round(os.getloadavg()[0], 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=100_000, help="0 skips the verify benchmark")
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder on the disk to measure (default: /tmp)"
    )
    args = parser.parse_args(argv or [])
    results = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="register-bench-", dir=args.dir) as scratch:
        results["commit_latency"] = commit_latency(Path(scratch) / "commits", args.commits)
        results["raw_sqlite_baseline"] = raw_sqlite_baseline(Path(scratch) / "raw", args.commits)
        if args.entries:
            results["verify"] = verify_time(Path(scratch) / "verify", args.entries)
    results["machine"]["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2)
    return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
