"""The cost of encrypting the register (SQLCipher) against the plain register, in the same run.

Run: ``python bench/encryption_bench.py [--commits 1000] [--verify-entries 100000]
[--search-entries 1000000]`` or ``python bench/run.py encryption -- ...``.

* commit latency: ``Register.commit_purchase`` end to end (validation, BEGIN IMMEDIATE, COMMIT with
  its WAL fsync), on a fresh plain and a fresh encrypted register, alternating blocks of 50 commits
  so both see the same load on a shared machine;
* verify: ``storage.verify.verify`` over the same entries in both files (built encrypted through
  the commit code, 5,000 per transaction, then exported to a plain copy with ``sqlcipher_export``:
  the same pages' content);
* search: ``storage.queries.list_entries`` (what the window's register search runs) for an IMEI, a
  serial, a register number and a name prefix, 20 of each, on a register of ``--search-entries``
  built in bulk by ``bench/ui_bench.py build``, again as the encrypted file and its plain copy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import register_bench  # noqa: E402
import ui_bench  # noqa: E402

from dor_desktop.domain.enums import EntryKind  # noqa: E402
from dor_desktop.domain.rules import load_pack  # noqa: E402
from dor_desktop.services.register_reads import PAGE  # noqa: E402
from dor_desktop.storage import encryption, migrate  # noqa: E402
from dor_desktop.storage.db import Database  # noqa: E402
from dor_desktop.storage.keys import ENV_DB_KEY, DbKey  # noqa: E402
from dor_desktop.storage.queries import EntryFilter, list_entries  # noqa: E402
from dor_desktop.storage.register import Register, RegisterContext  # noqa: E402
from dor_desktop.storage.verify import verify  # noqa: E402

KEY = DbKey(bytes(range(32)))
BLOCK = 50


def _register(path: Path, key: DbKey | None) -> tuple[Database, Register]:
    db = Database(path, key)
    migrate.upgrade(db, path.parent / "backups")
    return db, Register(db, RegisterContext("BENCH-1", "K1", load_pack("default"), "practice-sandbox"))


def commit_latency(folder: Path, commits: int) -> dict:
    """Milliseconds per commit, plain and encrypted, alternating blocks after 20 warm-up commits each."""
    purchase = register_bench._purchase()
    opened = {"plain": _register(folder / "plain" / "r.sqlite3", None)}
    opened["encrypted"] = _register(folder / "encrypted" / "r.sqlite3", KEY)
    timings: dict[str, list[float]] = {name: [] for name in opened}
    try:
        for _db, register in opened.values():
            for _ in range(20):
                register.commit_purchase(purchase)
        for _ in range(0, commits, BLOCK):
            for name, (_db, register) in opened.items():
                for _ in range(BLOCK):
                    start = time.perf_counter()
                    register.commit_purchase(purchase)
                    timings[name].append((time.perf_counter() - start) * 1000)
    finally:
        for db, _unused in opened.values():
            db.close()
    return {name: register_bench._summary(values) for name, values in timings.items()}


def plain_copy(encrypted: Path, plain: Path) -> Path:
    """The same register, decrypted into ``plain`` (``sqlcipher_export`` to a database keyed '')."""
    connection = encryption.connect(encrypted, KEY)
    try:
        connection.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    return plain


def verify_time(folder: Path, entries: int) -> dict:
    purchase = register_bench._purchase()
    path = folder / "encrypted.sqlite3"
    db, register = _register(path, KEY)
    try:
        for done in range(0, entries, register_bench.SETUP_BATCH):
            with db.write() as session:
                for _ in range(min(register_bench.SETUP_BATCH, entries - done)):
                    register._append_purchase(session, purchase, EntryKind.PURCHASE, None, "")
    finally:
        db.close()
    files = {"encrypted": (path, KEY), "plain": (plain_copy(path, folder / "plain.sqlite3"), None)}
    result: dict = {"entries": entries}
    for _round in range(2):  # alternate, twice: the second round is the one quoted (warm cache)
        for name, (file, key) in files.items():
            db = Database(file, key)
            try:
                start = time.perf_counter()
                report = verify(db)
                seconds = time.perf_counter() - start
            finally:
                db.close()
            assert report.ok and report.entries == entries, report
            result[f"{name}_verify_s"] = round(seconds, 2)
            result[f"{name}_file_mb"] = round(file.stat().st_size / 1e6, 1)
    return result


def search_time(folder: Path, entries: int) -> dict:
    home = folder / "home"
    os.environ[ENV_DB_KEY] = KEY.raw.hex()  # ui_bench builds through open_app: the headless key
    ui_bench.build(entries, home)
    path = home / "practice" / "register.sqlite3"
    files = {"encrypted": (path, KEY), "plain": (plain_copy(path, folder / "plain.sqlite3"), None)}
    rng = random.Random(1)
    queries = {
        "IMEI": [ui_bench.imei_for(rng.randrange(entries)) for _ in range(20)],
        "serial": [f"SN{rng.randrange(entries):09d}" for _ in range(20)],
        "register number": [f"K1-{rng.randrange(1, min(entries, 999_999)):06d}" for _ in range(20)],
        "name prefix": [rng.choice(ui_bench.FAMILY)[:4] for _ in range(20)],
    }
    result: dict = {"entries": entries}
    for name, (file, key) in files.items():
        db = Database(file, key)
        try:
            with db.read() as session:  # warm up: the first query reads the schema and the indexes
                list_entries(session, EntryFilter(text="warm", limit=PAGE))
            for label, texts in queries.items():
                timings = []
                for text in texts:
                    with db.read() as session:
                        start = time.perf_counter()
                        found = list_entries(session, EntryFilter(text=text, limit=PAGE))
                        timings.append((time.perf_counter() - start) * 1000)
                    assert found, text
                result[f"{name} {label}"] = {
                    "median_ms": round(statistics.median(timings), 2),
                    "max_ms": round(max(timings), 2),
                }
        finally:
            db.close()
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--verify-entries", type=int, default=100_000, help="0 skips verify")
    parser.add_argument("--search-entries", type=int, default=1_000_000, help="0 skips search")
    parser.add_argument(
        "--dir", type=Path, default=None, help="folder on the disk to measure (default: /tmp)"
    )
    args = parser.parse_args(argv or [])
    results: dict = {"machine": register_bench.machine()}
    with tempfile.TemporaryDirectory(prefix="encryption-bench-", dir=args.dir) as scratch:
        if args.commits:
            results["commit_latency"] = commit_latency(Path(scratch) / "commits", args.commits)
        if args.verify_entries:
            results["verify"] = verify_time(Path(scratch) / "verify", args.verify_entries)
        if args.search_entries:
            results["search"] = search_time(Path(scratch) / "search", args.search_entries)
    results["machine"]["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2)
    return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
