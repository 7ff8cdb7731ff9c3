"""Benchmark the ID scanner against passporteye's plain read_mrz on the same synthetic scans.

Usage: python bench/idscan_bench.py [--scans 300] [--seed 7] [--passporteye-scans N] [--out FILE]

For each scan: "fully right" = the reader reported no problem and every field equals the truth;
"wrong but valid" = it reported no problem (passporteye: mrz.valid) but some field differs (this
must stay 0); everything else is a refusal the clerk sees. Latency is wall time per call, from
image bytes to parsed result, after a warm-up.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import warnings
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dor_desktop.idscan import ocr  # noqa: E402
from dor_desktop.idscan.errors import ScanError  # noqa: E402
from dor_desktop.idscan.mrz_parse import parse_mrz_text  # noqa: E402
from dor_desktop.idscan.reader import read_id  # noqa: E402
from dor_desktop.idscan.result import FIELD_NAMES  # noqa: E402
from dor_desktop.idscan.synthetic import IdSpec, mrz_lines, sample_scans  # noqa: E402

BENCH_TODAY = date(2026, 1, 1)  # fixed, so "expired" and date centuries do not drift between runs


def truth(spec: IdSpec) -> dict[str, str]:
    """The fields as the MRZ holds them (names truncated to the field's width)."""
    parsed = parse_mrz_text("\n".join(mrz_lines(spec)), today=BENCH_TODAY)
    return {name: getattr(parsed, name).value for name in FIELD_NAMES}


def ours(data: bytes) -> tuple[str, dict[str, str] | None]:
    try:
        result = read_id(data, today=BENCH_TODAY)
    except ScanError as error:
        return f"refused:{error.reason_code}", None
    if not result.ok:
        return "problems", None
    return "valid", {name: getattr(result, name).value for name in FIELD_NAMES}


def passporteye_fields(data: bytes) -> tuple[str, dict[str, str] | None]:
    from passporteye import read_mrz

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mrz = read_mrz(data)
    if mrz is None:
        return "refused:no_mrz", None
    if not mrz.valid:
        return "problems", None
    clean = {
        "document_number": mrz.number.replace("<", ""),
        "issuing_country": mrz.country.replace("<", ""),
        "family_name": mrz.surname.replace("<", " ").strip(),
        "given_names": " ".join(mrz.names.replace("<", " ").split()),
        "date_of_birth": mrz.date_of_birth,
        "sex": {"<": "X"}.get(mrz.sex, mrz.sex),
        "nationality": mrz.nationality.replace("<", ""),
        "expiry_date": mrz.expiration_date,
    }
    return "valid", clean


def passporteye_truth(expected: dict[str, str]) -> dict[str, str]:
    """passporteye keeps dates as YYMMDD."""
    adjusted = dict(expected)
    for name in ("date_of_birth", "expiry_date"):
        adjusted[name] = adjusted[name].replace("-", "")[2:]
    return adjusted


def score(outcomes: list[tuple[str, dict | None, dict]], times: list[float]) -> dict[str, object]:
    right = sum(1 for status, got, want in outcomes if status == "valid" and got == want)
    wrong_valid = sum(1 for status, got, want in outcomes if status == "valid" and got != want)
    ordered = sorted(times)
    return {
        "scans": len(outcomes),
        "fully_right": right,
        "fully_right_pct": 100.0 * right / len(outcomes),
        "wrong_but_valid": wrong_valid,
        "statuses": dict(Counter(status for status, _, _ in outcomes)),
        "median_s": statistics.median(ordered),
        "p90_s": ordered[int(0.9 * (len(ordered) - 1))],
    }


def run(args: argparse.Namespace) -> str:
    started = time.perf_counter()
    scans = sample_scans(args.scans, seed=args.seed)
    generated = time.perf_counter() - started
    print(f"generated {len(scans)} scans in {generated:.0f} s", file=sys.stderr, flush=True)
    warm = time.perf_counter()
    ocr.warm_up()
    warm_up_s = time.perf_counter() - warm
    our_outcomes, our_times, failures = [], [], []
    for index, (spec, how, data) in enumerate(scans):
        want = truth(spec)
        t0 = time.perf_counter()
        status, got = ours(data)
        our_times.append(time.perf_counter() - t0)
        our_outcomes.append((status, got, want))
        if got != want:
            wrong = [name for name in FIELD_NAMES if got and got[name] != want[name]]
            status = f"{status} (wrong: {', '.join(wrong)})" if wrong else status
            failures.append(
                f"  #{index} {spec.mrz_format} {how.dpi}dpi rot={how.rotation:.1f} blur={how.blur} "
                f"contrast={how.contrast} jpeg={how.jpeg_quality} upside_down={how.upside_down}: {status}"
            )
    print("our reader done; passporteye next", file=sys.stderr, flush=True)
    pe_count = min(args.passporteye_scans, len(scans))
    pe_outcomes, pe_times = [], []
    for spec, _, data in scans[:pe_count]:
        t0 = time.perf_counter()
        status, got = passporteye_fields(data)
        pe_times.append(time.perf_counter() - t0)
        pe_outcomes.append((status, got, passporteye_truth(truth(spec))))
    return report(
        args,
        score(our_outcomes, our_times),
        score(pe_outcomes, pe_times) if pe_count else None,
        generated,
        warm_up_s,
        failures,
        Counter(spec.mrz_format for spec, _, _ in scans),
    )


def report(args, mine, theirs, generated, warm_up_s, failures, formats) -> str:  # noqa: ANN001
    lines = [
        f"scans: {args.scans} (seed {args.seed}; {dict(formats)}), generated in {generated:.0f} s",
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, {_cores()} cores, "
        f"Python {platform.python_version()}",
        f"warm-up (imports + model load, once): {warm_up_s:.2f} s",
        "",
        "| reader | scans | fully right | wrong but valid | median | p90 | outcomes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, figures in (("dor_desktop.idscan.read_id", mine), ("passporteye read_mrz (stock eng)", theirs)):
        if figures is None:
            continue
        lines.append(
            f"| {name} | {figures['scans']} | {figures['fully_right']} ({figures['fully_right_pct']:.1f}%) | "
            f"{figures['wrong_but_valid']} | {figures['median_s']:.3f} s | {figures['p90_s']:.3f} s | "
            f"{figures['statuses']} |"
        )
    if failures:
        lines += ["", "our scans that were not fully right:", *failures]
    return "\n".join(lines)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--passporteye-scans", type=int, default=300, help="how many of the scans passporteye reads"
    )
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    text = run(args)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
