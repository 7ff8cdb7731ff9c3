"""Benchmark the ID scanner on a held-out synthetic configuration, against passporteye twice.

Usage: python -W ignore bench/idscan_bench.py [--scans 300] [--seed 1] [--config held-out-3]
                                              [--passporteye-scans N] [--out FILE]

The scans come from ``dor_desktop.idscan.synthetic_scenes`` with a held-out configuration
(name styles, font variants, stroke weights, condensing and inks no tuning run used; any
rotation, perspective, backgrounds, glare, 6-30 px per character): HELD_OUT_3 by default
(the freshest), HELD_OUT_2 and HELD_OUT (earlier ones, each of which exposed a problem that was
then fixed) with --config.
The truth of each scan is the generator's input (bench/idscan_truth.py), never the reader's
parser.

Per scan: "fully right" = every field confirmed and equal to the truth; "wrong but vouched" =
some field confirmed although it differs from the truth (must stay 0); "doubted" = the reader
asked the clerk to check at least one field; "refused" = no result (ScanError).
Per field: confirmed right / confirmed WRONG / doubted (right or wrong value) / not read.

passporteye's ``read_mrz`` runs twice on the same scans: with Debian's stock ``eng`` model, and
with this project's model (``--tessdata-dir resources/tessdata -l mrz`` as extra tesseract
parameters), so the table separates the model's advantage from the pipeline's. For passporteye
"vouched" means ``mrz.valid`` (all its check digits passed). Our latency is wall time per
``read_id`` call (image bytes to result, in-process, after warm-up, nothing else running);
passporteye's two runs go side by side on the two cores afterwards.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from idscan_truth import expected_fields  # noqa: E402

from dor_desktop.idscan import ocr, synthetic_scenes  # noqa: E402
from dor_desktop.idscan.errors import ScanError  # noqa: E402
from dor_desktop.idscan.reader import read_id  # noqa: E402
from dor_desktop.idscan.result import FIELD_NAMES  # noqa: E402

BENCH_TODAY = date(2026, 1, 1)  # fixed, so "expired" and date centuries do not drift between runs
TESSDATA = Path(__file__).resolve().parents[1] / "resources" / "tessdata"
CONFIGS = {
    "held-out": synthetic_scenes.HELD_OUT,
    "held-out-2": synthetic_scenes.HELD_OUT_2,
    "held-out-3": synthetic_scenes.HELD_OUT_3,
    "development": synthetic_scenes.DEVELOPMENT,
}
FIELD_OUTCOMES = ("confirmed right", "confirmed WRONG", "doubted right", "doubted wrong", "not read")


def ours(data: bytes) -> tuple[str, dict[str, tuple[bool, str]]]:
    """Status and, per field, (confirmed, value)."""
    try:
        result = read_id(data, today=BENCH_TODAY)
    except ScanError as error:
        return f"refused:{error.reason_code}", {}
    fields = {name: (getattr(result, name).confirmed, getattr(result, name).value) for name in FIELD_NAMES}
    return ("ok" if result.ok else "doubted"), fields


def passporteye_fields(data: bytes, extra: str) -> tuple[str, dict[str, tuple[bool, str]]]:
    """passporteye's read as (status, per field (vouched, value)); dates turned into ISO."""
    from passporteye import read_mrz

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            mrz = read_mrz(data, extra_cmdline_params=extra)
        except Exception as error:  # noqa: BLE001 - a crash is an outcome to count
            return f"crashed:{type(error).__name__}", {}
    if mrz is None:
        return "refused:no_mrz", {}
    values = {
        "document_number": mrz.number.replace("<", ""),
        "issuing_country": mrz.country.replace("<", ""),
        "family_name": " ".join(mrz.surname.replace("<", " ").split()),
        "given_names": " ".join(mrz.names.replace("<", " ").split()),
        "date_of_birth": _iso(mrz.date_of_birth, birth=True),
        "sex": {"<": "X"}.get(mrz.sex, mrz.sex),
        "nationality": mrz.nationality.replace("<", ""),
        "expiry_date": _iso(mrz.expiration_date, birth=False),
    }
    return ("ok" if mrz.valid else "doubted"), {
        name: (bool(mrz.valid), value) for name, value in values.items()
    }


def _iso(yymmdd: str, *, birth: bool) -> str:
    """passporteye keeps YYMMDD; the same century rule as ours so only the digits are compared."""
    if len(yymmdd) != 6 or not yymmdd.isdigit():
        return yymmdd
    year = 2000 + int(yymmdd[:2])
    if (birth and year > BENCH_TODAY.year) or (not birth and year > BENCH_TODAY.year + 50):
        year -= 100
    return f"{year}-{yymmdd[2:4]}-{yymmdd[4:]}"


def score(outcomes: list[tuple[str, dict, dict]], times: list[float]) -> dict[str, object]:
    scans = Counter()
    fields = Counter()
    for status, got, want in outcomes:
        wrong_vouched = any(got[n][0] and got[n][1] != want[n] for n in got)
        if status == "ok" and all(got[n][1] == want[n] for n in FIELD_NAMES):
            scans["fully right"] += 1
        elif wrong_vouched:
            scans["wrong but vouched"] += 1
        elif status in ("ok", "doubted"):
            scans["doubted"] += 1
        else:
            scans["refused"] += 1
        for name in FIELD_NAMES:
            if name not in got:
                fields["not read"] += 1
                continue
            vouched, value = got[name]
            right = value == want[name]
            fields[
                ("confirmed " if vouched else "doubted ")
                + ("right" if right else ("WRONG" if vouched else "wrong"))
            ] += 1
    ordered = sorted(times)
    total_fields = sum(fields.values())
    return {
        "scans": len(outcomes),
        "scan_outcomes": dict(scans),
        "field_outcomes": {key: fields[key] for key in FIELD_OUTCOMES},
        "fields_right_or_doubted_pct": 100.0
        * (total_fields - fields["confirmed WRONG"])
        / max(1, total_fields),
        "fields_confirmed_right_pct": 100.0 * fields["confirmed right"] / max(1, total_fields),
        "statuses": dict(Counter(status for status, _, _ in outcomes)),
        "median_s": statistics.median(ordered) if ordered else 0.0,
        "p90_s": ordered[int(0.9 * (len(ordered) - 1))] if ordered else 0.0,
    }


def _passporteye_run(job: tuple[list[bytes], str]) -> tuple[list[tuple[str, dict]], list[float]]:
    scans, extra = job
    results, times = [], []
    for data in scans:
        started = time.perf_counter()
        results.append(passporteye_fields(data, extra))
        times.append(time.perf_counter() - started)
    return results, times


def run(args: argparse.Namespace) -> str:
    config = CONFIGS[args.config]
    started = time.perf_counter()
    recipes = synthetic_scenes.recipes(config, args.scans, args.seed, BENCH_TODAY)
    scans = [recipe.render() for recipe in recipes]
    wants = [expected_fields(recipe.spec) for recipe in recipes]
    generated = time.perf_counter() - started
    print(f"generated {len(scans)} scans in {generated:.0f} s", file=sys.stderr, flush=True)
    warm = time.perf_counter()
    ocr.warm_up()
    warm_up_s = time.perf_counter() - warm
    our_outcomes, our_times, failures = [], [], []
    for index, (recipe, data, want) in enumerate(zip(recipes, scans, wants, strict=True)):
        t0 = time.perf_counter()
        status, got = ours(data)
        our_times.append(time.perf_counter() - t0)
        our_outcomes.append((status, got, want))
        bad = {
            n: ("confirmed WRONG" if got[n][0] else "doubted")
            for n in got
            if got[n][1] != want[n] or not got[n][0]
        }
        if status != "ok" or bad:
            failures.append(f"  #{index} {_describe(recipe)}: {status} {bad if bad else ''}")
    ours_row = ("dor_desktop.idscan.read_id", score(our_outcomes, our_times))
    formats = Counter(r.spec.mrz_format for r in recipes)
    partial = report(args, [ours_row], generated, warm_up_s, failures, formats)
    print(partial, file=sys.stderr, flush=True)  # kept even if the passporteye runs are cut short
    if args.out:
        args.out.write_text(partial + "\n", encoding="utf-8")
    print("our reader done; passporteye next (two runs side by side)", file=sys.stderr, flush=True)
    pe_scans = scans[: args.passporteye_scans]
    jobs = [(pe_scans, ""), (pe_scans, f"--tessdata-dir {TESSDATA} -l mrz")]
    with ProcessPoolExecutor(max_workers=2) as pool:
        (stock, stock_t), (mrz, mrz_t) = list(pool.map(_passporteye_run, jobs))
    pe_wants = wants[: len(pe_scans)]
    rows = [
        ours_row,
        ("passporteye read_mrz, stock eng model", score(_zip(stock, pe_wants), stock_t)),
        ("passporteye read_mrz, this project's mrz model", score(_zip(mrz, pe_wants), mrz_t)),
    ]
    return report(args, rows, generated, warm_up_s, failures, formats)


def _zip(results: list[tuple[str, dict]], wants: list[dict]) -> list[tuple[str, dict, dict]]:
    return [(status, got, want) for (status, got), want in zip(results, wants, strict=True)]


def _describe(recipe: synthetic_scenes.Recipe) -> str:
    look, scene = recipe.look, recipe.scene
    return (
        f"{recipe.spec.mrz_format} {scene.px_per_char:.1f}px/char rot={scene.rotation:.0f} "
        f"persp={scene.perspective:.2f} bg={scene.background} glare={scene.glare} blur={scene.blur} "
        f"look={look.font}/{look.stroke}/{look.condense}/{look.ink}"
    )


def report(args, rows, generated, warm_up_s, failures, formats) -> str:  # noqa: ANN001
    lines = [
        f"scans: {args.scans} ({args.config} configuration, seed {args.seed}; {dict(formats)}), "
        f"generated in {generated:.0f} s; passporteye on the first {min(args.passporteye_scans, args.scans)}",
        f"machine: {platform.machine()}, {_cores()} cores, Python {platform.python_version()}",
        f"warm-up (imports + model load, once): {warm_up_s:.2f} s",
        "",
        "| reader | scans | fully right | wrong but vouched | doubted | refused | fields: confirmed right "
        "| confirmed WRONG | doubted | not read | right or doubted | median | p90 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, figures in rows:
        scans, fields = figures["scan_outcomes"], figures["field_outcomes"]
        lines.append(
            f"| {name} | {figures['scans']} | {scans.get('fully right', 0)} | "
            f"{scans.get('wrong but vouched', 0)} | {scans.get('doubted', 0)} | {scans.get('refused', 0)} | "
            f"{fields['confirmed right']} ({figures['fields_confirmed_right_pct']:.1f}%) | "
            f"{fields['confirmed WRONG']} | {fields['doubted right'] + fields['doubted wrong']} | "
            f"{fields['not read']} | {figures['fields_right_or_doubted_pct']:.2f}% | "
            f"{figures['median_s']:.3f} s | {figures['p90_s']:.3f} s |"
        )
    lines += ["", "outcomes: " + "; ".join(f"{name}: {figures['statuses']}" for name, figures in rows)]
    if failures:
        lines += ["", "our scans that were not fully confirmed:", *failures]
    return "\n".join(lines)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--config", choices=tuple(CONFIGS), default="held-out-3")
    parser.add_argument("--passporteye-scans", type=int, default=300, help="how many scans passporteye reads")
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    text = run(args)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
