"""How small may an MRZ be printed before the guards stop being reliable for names?

Usage: python -W ignore bench/idscan_resolution_sweep.py [--scans 160] [--seed 5] [--low 5.5] [--high 13]

Reads DEVELOPMENT-configuration scans (no glare) at random resolutions between --low and --high
pixels per MRZ character with the resolution rule switched off (guards.RELIABLE_NAME_PITCH_PX =
0), and counts per whole pixel how the two name fields ended: confirmed right, confirmed WRONG
(what the rule must prevent), doubted right, doubted wrong; and scans refused. The rule's value
is the lowest resolution above every confirmed-wrong name seen (bench/RESULTS_idscan.md).
Runs on two processes; it prints one table.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from dataclasses import replace
from datetime import date
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from idscan_truth import expected_fields  # noqa: E402

from dor_desktop.idscan import guards, synthetic_scenes  # noqa: E402
from dor_desktop.idscan.errors import ScanError  # noqa: E402
from dor_desktop.idscan.reader import read_id  # noqa: E402

TODAY = date(2026, 1, 1)
COLUMNS = ("confirmed right", "confirmed WRONG", "doubted right", "doubted wrong", "scans refused")


def read_names(recipe: synthetic_scenes.Recipe) -> tuple[float, list[tuple[bool, bool]] | None]:
    """(pixels per character, per name field (confirmed, right)), None when refused."""
    guards.RELIABLE_NAME_PITCH_PX = 0.0  # measure the other guards alone
    want = expected_fields(recipe.spec)
    try:
        result = read_id(recipe.render(), today=TODAY)
    except ScanError:
        return recipe.scene.px_per_char, None
    names = [
        (getattr(result, n).confirmed, getattr(result, n).value == want[n])
        for n in ("family_name", "given_names")
    ]
    return recipe.scene.px_per_char, names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=160)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--low", type=float, default=5.5)
    parser.add_argument("--high", type=float, default=13.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    recipes = [
        replace(r, scene=replace(r.scene, px_per_char=rng.uniform(args.low, args.high), glare=0.0))
        for r in synthetic_scenes.recipes(synthetic_scenes.DEVELOPMENT, args.scans, args.seed, TODAY)
    ]
    with Pool(2) as pool:
        results = pool.map(read_names, recipes, chunksize=1)
    table: dict[int, list[int]] = defaultdict(lambda: [0] * len(COLUMNS))
    for px, names in results:
        row = table[int(px)]
        if names is None:
            row[4] += 1
            continue
        for confirmed, right in names:
            row[(0 if right else 1) if confirmed else (2 if right else 3)] += 1
    print("| px per character | " + " | ".join(COLUMNS) + " |")
    print("| --- " * (len(COLUMNS) + 1) + "|")
    for px in sorted(table):
        print(f"| {px} | " + " | ".join(str(v) for v in table[px]) + " |")


if __name__ == "__main__":
    main()
