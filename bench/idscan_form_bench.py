"""Benchmark "scan to form" in the counter window (issue 12): an ID image arrives -> the form is filled.

Usage: python -W ignore bench/idscan_form_bench.py [--scans 20] [--seed 4] [--config development]

A real MainWindow (offscreen Qt, a fresh data folder in a temporary directory), started as at the
counter: the OCR model warms up in the background at start, and the benchmark waits for that
(``ScanPanel.warmed_up``) as a clerk's first scan would come seconds later. Then each image is
handed to the form as a drop or a camera frame would (``PurchaseForm.scan(bytes)``) and the clock
stops when the form's family-name field holds the value (or the scan status says it failed). The
scans are the issue-12 scene generator's (``synthetic_scenes``), development configuration by
default so the held-out sets stay unseen; ``--config original`` uses ``synthetic.sample_scans``
(the crisp scans of a flatbed or a good document camera). Prints a JSON result.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _scans(config: str, count: int, seed: int) -> list[bytes]:
    from dor_desktop.idscan import synthetic, synthetic_scenes

    if config == "original":
        return [data for _spec, _how, data in synthetic.sample_scans(count, seed=seed)]
    configs = {"development": synthetic_scenes.DEVELOPMENT}
    recipes = synthetic_scenes.recipes(configs[config], count, seed, date(2026, 1, 1))
    return [recipe.render() for recipe in recipes]


def _wait(app, condition, timeout: float = 60.0) -> float:  # noqa: ANN001
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        time.sleep(0.0005)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=20)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--config", choices=("development", "original"), default="development")
    args = parser.parse_args(argv or [])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scans = _scans(args.config, args.scans, args.seed)
    with tempfile.TemporaryDirectory() as home:
        Path(home, "settings.json").write_text(
            json.dumps({"first_run_done": True, "shop_name": "Bench", "shop_id": "BENCH-0001"}),
            encoding="utf-8",
        )
        os.environ["DOR_DESKTOP_HOME"] = home
        return _measure(scans, args)


def _measure(scans: list[bytes], args: argparse.Namespace) -> dict:
    from dor_desktop.bootstrap.app import open_app
    from dor_desktop.ui import i18n
    from dor_desktop.ui.main import application
    from dor_desktop.ui.main_window import MainWindow, build_services

    app = application(["bench"])
    context = open_app()
    i18n.install(context.settings.language)
    window = MainWindow(build_services(context, None))
    window.show()
    window.start()
    form = window.form
    warm_up_s = _wait(app, lambda: form.scan_panel.warmed_up, timeout=120)
    times, outcomes = [], {"filled": 0, "refused": 0}
    family = form.boxes["seller.family_name"]
    status = form.scan_panel.scan_status
    for data in scans:
        family.set_value("")
        status.setProperty("tone", "")
        begin = time.perf_counter()
        form.scan(data)
        # Filled, or "attention" with no name: a refusal.
        _wait(app, lambda: family.value() != "" or status.property("tone") == "attention")
        times.append(time.perf_counter() - begin)
        outcomes["filled" if family.value() else "refused"] += 1
    window.shutdown()
    window.close()
    context.close()
    ordered = sorted(times)
    return {
        "what": "scan to form: PurchaseForm.scan(image bytes) until the family-name field is filled",
        "scans": len(times),
        "config": args.config,
        "seed": args.seed,
        "outcomes": outcomes,
        "warm_up_at_start_s": round(warm_up_s, 3),
        "median_s": round(statistics.median(ordered), 3),
        "p90_s": round(ordered[int(0.9 * (len(ordered) - 1))], 3),
        "max_s": round(ordered[-1], 3),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average": os.getloadavg(),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:]), indent=2))
