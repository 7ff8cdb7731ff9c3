"""Benchmarks of the counter window: start-up, and the register with a million entries.

    python bench/ui_bench.py all --entries 1000000          # build (once), then measure everything
    python bench/ui_bench.py build --entries 1000000        # only the data folder (kept in bench/out)
    python bench/ui_bench.py launch | register              # one part, on the data folder built before

The register is filled by a bulk insert (this script only): real rows in the real schema, every
entry chained properly (prev_hash / entry_hash as the register computes them, so ``verify``
passes) but written with executemany in large transactions instead of one commit per purchase.
Each measurement runs in its own child process, so its peak memory is its own.
Results are printed as Markdown; copy them into bench/RESULTS_ui.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HOME = OUT / "ui-home"

FAMILY = (
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Jong",
    "Yilmaz",
    "El Amrani",
    "Nguyen",
    "Kowalski",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
)
GIVEN = (
    "Jan",
    "Sanne",
    "Pieter",
    "Fatima",
    "Noah",
    "Emma",
    "Daan",
    "Julia",
    "Mohamed",
    "Anna",
    "Lucas",
    "Sophie",
    "Kees",
    "Mila",
    "Thijs",
    "Eva",
)


def luhn_digit(body: str) -> str:
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char)
        if position % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return str((10 - total % 10) % 10)


def imei_for(n: int) -> str:
    body = f"35{n:012d}"
    return body + luhn_digit(body)


# --- building the data folder -------------------------------------------------------------------


def _register_file(path: Path):
    """The encrypted register opened with its key (``DOR_DESKTOP_DB_KEY`` or the OS keyring)."""
    from dor_desktop.storage import encryption
    from dor_desktop.storage.keys import environment_key, load_key

    connection = encryption.connect(path, environment_key() or load_key(path))
    connection.isolation_level = ""  # ``with db:`` groups a chunk into one transaction
    return connection


def build(entries: int, home: Path) -> None:
    """A data folder with ``entries`` chained purchases (bulk insert), outbox rows and some hits."""
    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.config.paths import Paths
    from dor_desktop.storage.chain import GENESIS_HASH, ChainFields, canonical_json, entry_hash

    if home.exists():
        import shutil

        shutil.rmtree(home)
    home.mkdir(parents=True)
    (home / "settings.json").write_text(json.dumps({"first_run_done": True}), encoding="utf-8")
    open_app(Paths(home)).close()  # create and migrate the schema
    started = time.perf_counter()
    rng = random.Random(42)
    db = _register_file(home / "practice" / "register.sqlite3")  # practice mode: no DOR configured
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA journal_mode=WAL")
    start = datetime(2022, 1, 3, 9, 0, tzinfo=UTC)
    prev = GENESIS_HASH
    chunk = 50_000
    for base in range(0, entries, chunk):
        rows, items, outbox = [], [], []
        for n in range(base, min(base + chunk, entries)):
            moment = start + timedelta(minutes=n)
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            family, given = rng.choice(FAMILY), rng.choice(GIVEN)
            imei = imei_for(n)
            serial = f"SN{n:09d}"
            payload = {
                "acquired_at": moment.isoformat(),
                "acquisition_type": "purchase",
                "payment_method": "bank_transfer",
                "seller": {
                    "family_name": family,
                    "given_names": given,
                    "address": {
                        "street": "Dorpsstraat",
                        "house_number": str(n % 200 + 1),
                        "postcode": "3511 AB",
                        "city": "Utrecht",
                        "country": "NL",
                    },
                },
                "id_document": {"type": "id_card", "number": f"IX{n:07d}", "issuing_country": "NLD"},
                "items": [
                    {
                        "line": 1,
                        "category": "phone",
                        "brand": "Fairphone",
                        "model": "5",
                        "imei": imei,
                        "serial_number": serial,
                        "description": "smartphone",
                        "price": {"value": "120.00", "currency": "EUR"},
                    }
                ],
                "total_amount": {"value": "120.00", "currency": "EUR"},
            }
            reference = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            fields = ChainFields(
                register_number=f"K1-{n + 1:06d}" if n < 999_999 else f"K1-{n + 1}",
                counter_prefix="K1",
                sequence=n + 1,
                client_reference=reference,
                kind="purchase",
                refers_to_id=None,
                reason="",
                committed_at=stamp,
                acquired_at=stamp,
                hold_until=(moment.date() + timedelta(days=8)).isoformat(),
                seller_name=f"{family}, {given}",
                total_amount="120.00",
                payload=canonical_json(payload),
            )
            digest = entry_hash(fields, prev)
            rows.append((n + 1, *vars(fields).values(), prev, digest))
            prev = digest
            items.append((n + 1, 1, "phone", "smartphone", "Fairphone", "5", serial, imei, ""))
            state = "pending" if n >= entries - 100 else "acknowledged"
            outbox.append(
                (
                    n + 1,
                    "registration",
                    reference,
                    "{}",
                    state,
                    1,
                    stamp,
                    None if state == "pending" else stamp,
                )
            )
        with db:
            db.executemany(
                "INSERT INTO register_entry (id, register_number, counter_prefix, sequence, client_reference,"
                " kind, refers_to_id, reason, committed_at, acquired_at, hold_until, seller_name,"
                " total_amount, payload, prev_hash, entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            db.executemany(
                "INSERT INTO entry_item (entry_id, line, category, description, brand, model, serial_number,"
                " imei, frame_number) VALUES (?,?,?,?,?,?,?,?,?)",
                items,
            )
            db.executemany(
                "INSERT INTO outbox (entry_id, kind, idempotency_key, payload, state, attempts, created_at,"
                " acknowledged_at) VALUES (?,?,?,?,?,?,?,?)",
                outbox,
            )
        print(f"  {min(base + chunk, entries):>9,} entries", file=sys.stderr, flush=True)
    with db:
        for k, entry_id in enumerate(rng.sample(range(1, entries + 1), min(50, entries))):
            db.execute(
                "INSERT INTO alert (entry_id, item_line, hit_id, match_type, matched_field, matched_value,"
                " source, instructions, origin, status, received_at, release_note)"
                " VALUES (?, 1, ?, 'exact', 'imei', ?, 'POLITIE', '', 'notification', 'active', ?, '')",
                (entry_id, f"HIT-{k}", imei_for(entry_id - 1), "2026-01-01T00:00:00.000000Z"),
            )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size = (home / "practice" / "register.sqlite3").stat().st_size / 1e6
    print(
        f"built {entries:,} entries in {time.perf_counter() - started:.0f} s ({size:.0f} MB)", file=sys.stderr
    )


# --- measurements (each in a child process) ----------------------------------------------------


def _child(kind: str, home: Path) -> dict:
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    if not os.environ.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, __file__, f"_{kind}"], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_launch() -> dict:
    """From interpreter start to a window that takes keystrokes (shown, painted, event loop idle)."""
    started = time.time()
    from PySide6.QtCore import QTimer

    from dor_desktop.ui.main import Launcher, application

    imported = time.time()
    app = application(["bench"])
    launcher = Launcher()  # the real start: the register opens off the GUI thread, sync starts after
    launcher.open()
    result: dict = {}
    poll = QTimer()

    def usable() -> None:
        # Usable: the window system shows the window and the first field holds the focus in it.
        window = launcher.window
        if window is None:
            return
        first_field = window.form.boxes["seller.family_name"].editor
        if not (window.windowHandle().isExposed() and window.focusWidget() is first_field):
            return
        poll.stop()
        print("USABLE", flush=True)  # the parent times the launch from its own clock
        result["imports_s"] = imported - started
        result["ocr_loaded"] = any(m in sys.modules for m in ("tesserocr", "passporteye", "pytesseract"))
        result["platform"] = app.platformName()
        app.quit()

    poll.timeout.connect(usable)
    poll.start(0)
    app.exec()
    launcher.close()
    result["peak_mb"] = _peak_mb()
    return result


def _wait(app, condition, timeout: float = 60.0) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        time.sleep(0.0005)
    return time.perf_counter() - started


def child_register() -> dict:
    """Search and scrolling on the big register, through the real model and view."""

    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.services.register_reads import EntryFilter, search_page
    from dor_desktop.ui import i18n
    from dor_desktop.ui.main import application
    from dor_desktop.ui.main_window import MainWindow, build_services

    app = application(["bench"])
    context = open_app()
    i18n.install(context.settings.language)
    window = MainWindow(build_services(context, None))
    window.resize(1366, 740)
    window.show()
    window.start()
    window.tabs.setCurrentWidget(window.register_view)
    view, model = window.register_view, window.register_view.model
    result: dict = {"open_s": _wait(app, lambda: model.rowCount() > 0)}
    result["rows"] = model.rowCount()
    rows = model.rowCount()
    rng = random.Random(1)
    searches = {
        "IMEI": [imei_for(rng.randrange(rows)) for _ in range(20)],
        "serial": [f"SN{rng.randrange(rows):09d}" for _ in range(20)],
        "register number": [f"K1-{rng.randrange(1, min(rows, 999_999)):06d}" for _ in range(20)],
        "name (common prefix)": [rng.choice(FAMILY)[:4] for _ in range(20)],
        "name (no such name)": ["Zwartjes", "Qbert", "Xu", "Oosterhuis"] * 5,
    }
    loads = []
    model.loaded.connect(lambda: loads.append(1))
    for label, texts in searches.items():
        query_ms, round_ms = [], []
        for text in texts:
            started = time.perf_counter()
            found = search_page(context, EntryFilter(text=text), 0)
            query_ms.append((time.perf_counter() - started) * 1000)
            assert found or "no such" in label, text
            view.search.setText(text)
            before = len(loads)
            started = time.perf_counter()
            view.search_now()
            _wait(app, lambda before=before: len(loads) > before)
            app.processEvents()
            round_ms.append((time.perf_counter() - started) * 1000)
        result[f"search {label}"] = {
            "query_median_ms": statistics.median(query_ms),
            "query_max_ms": max(query_ms),
            "ui_median_ms": statistics.median(round_ms),
            "ui_max_ms": max(round_ms),
        }
    view.search.clear()
    view.search_now()
    _wait(app, lambda: model.windowed and model.rowCount() == rows)
    table = view.table
    bar = table.verticalScrollBar()
    jumps = []
    for _ in range(30):  # drag the scroll bar anywhere: the rows there are read and painted
        target = rng.randrange(bar.maximum() + 1)
        started = time.perf_counter()
        bar.setValue(target)
        top = table.rowAt(0)
        _wait(app, lambda top=top: model.data(model.index(max(top, 0), 0)) != "...")
        table.viewport().repaint()
        jumps.append((time.perf_counter() - started) * 1000)
    steps = []
    for _ in range(200):  # page-down scrolling: most pages are cached already
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        top = table.rowAt(0)
        _wait(app, lambda top=top: model.data(model.index(max(top, 0), 0)) != "...")
        table.viewport().repaint()
        steps.append((time.perf_counter() - started) * 1000)
    result["scroll jump"] = {"median_ms": statistics.median(jumps), "max_ms": max(jumps)}
    result["scroll page-down"] = {"median_ms": statistics.median(steps), "max_ms": max(steps)}
    result["pages_cached"] = len(model._pages)
    window.shutdown()
    context.close()
    result["peak_mb"] = _peak_mb()
    return result


# --- reporting ----------------------------------------------------------------------------------


def machine() -> str:
    import platform

    import psutil

    cpu = platform.processor() or platform.machine()
    return (
        f"{psutil.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.1f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )


def _timed_launch(home: Path) -> dict:
    """Start the window as a new process; the clock runs from spawning it to its USABLE line."""
    env = {**os.environ, "DOR_DESKTOP_HOME": str(home)}
    if not os.environ.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "_launch"], env=env, stdout=subprocess.PIPE, text=True
    )
    usable = None
    lines = []
    for line in child.stdout:
        if line.startswith("USABLE") and usable is None:
            usable = time.perf_counter() - started
        lines.append(line)
    if child.wait() != 0 or usable is None:
        raise SystemExit("launch failed")
    return {**json.loads(lines[-1]), "usable_s": usable}


def report_launch(home: Path, runs: int) -> None:
    results = [_timed_launch(home) for _ in range(runs)]
    usable = [r["usable_s"] for r in results]
    print(
        f"| launch to usable window (median of {runs}) | {statistics.median(usable):.2f} s "
        f"(min {min(usable):.2f}, max {max(usable):.2f}) | < 1.5 s |"
    )
    imports = statistics.median(r["imports_s"] for r in results)
    print(f"| of which importing Qt, SQLAlchemy, alembic and the UI | {imports:.2f} s | |")
    print(f"| OCR modules loaded at that point | {results[0]['ocr_loaded']} | False |")
    print(f"| Qt platform | {results[0]['platform']} | |")
    print(f"| launch peak memory | {max(r['peak_mb'] for r in results):.0f} MB | |")


def report_register(home: Path) -> None:
    result = _child("register", home)
    print(
        f"| register rows shown | {result['rows']:,} (first rows after {result['open_s'] * 1000:.0f} ms) | |"
    )
    for key, value in result.items():
        if key.startswith("search"):
            query = f"{value['query_median_ms']:.1f} / {value['query_max_ms']:.1f} ms"
            print(f"| {key}: query median / max | {query} | < 50 ms |")
            print(
                f"| {key}: typed to rows shown, median / max | {value['ui_median_ms']:.1f} / "
                f"{value['ui_max_ms']:.1f} ms | |"
            )
    for key in ("scroll jump", "scroll page-down"):
        print(f"| {key}: median / max | {result[key]['median_ms']:.1f} / {result[key]['max_ms']:.1f} ms | |")
    print(f"| pages kept in memory | {result['pages_cached']} | <= 50 |")
    print(f"| register peak memory (RSS) | {result['peak_mb']:.0f} MB | < 400 MB |")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("_launch", "_register"):
        result = child_launch() if sys.argv[1] == "_launch" else child_register()
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("all", "build", "launch", "register"))
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--home", type=Path, default=HOME)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.what in ("all", "build"):
        build(args.entries, args.home)
    if args.what == "build":
        return 0
    print(f"machine: {machine()}\n")
    print("| measure | result | target |\n| --- | --- | --- |")
    if args.what in ("all", "launch"):
        report_launch(args.home, args.runs)
    if args.what in ("all", "register"):
        report_register(args.home)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
