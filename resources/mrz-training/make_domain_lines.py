"""Second-stage training lines: MRZ lines cut from synthetic document scans by the reader's own pipeline.

Why: the first stage (render_lines.py) teaches OCR-B shapes; this stage shows the model the exact
kind of line image it gets at run time (located, deskewed, upscaled by dor_desktop.idscan), with
the generator's scan distortions. Seeds are disjoint from the benchmark's (bench uses seed 7 via
sample_scans; here every document has its own seed from 100000 on).

Usage (repository root, venv active):
    python resources/mrz-training/make_domain_lines.py OUT_DIR --documents 800 --start 0
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dor_desktop.idscan import synthetic  # noqa: E402
from dor_desktop.idscan.image_loading import load_image  # noqa: E402
from dor_desktop.idscan.mrz_locate import FINDER_WIDTHS, find_boxes, straighten  # noqa: E402
from dor_desktop.idscan.ocr import recognise_lines  # noqa: E402

SEED_BASE = 100_000
PAD = 6


def document_lines(seed: int) -> list[tuple[str, Image.Image]]:
    """(true text, line image) for each MRZ line of one synthetic scan, or [] if lines don't match."""
    rng = random.Random(SEED_BASE + seed)
    spec = synthetic.random_spec(rng)
    how = synthetic.random_distortion(rng)
    how = synthetic.Distortion(**{**how.__dict__, "dpi": rng.choice([150, 200, 300, 400])})
    truth = synthetic.mrz_lines(spec)
    gray = load_image(synthetic.make_scan(spec, how, seed=rng.randint(0, 2**31))).convert("L")
    for box in find_boxes(gray, FINDER_WIDTHS[0])[:2]:
        crop = straighten(gray, box, how.upside_down).image
        lines = [line for line in recognise_lines(crop) if len(line.text) >= 20]
        if len(lines) != len(truth):
            continue
        cut = []
        for text, line in zip(truth, lines, strict=True):
            left, top, right, bottom = line.box
            cut.append((text, crop.crop((max(0, left - PAD), max(0, top - PAD), right + PAD, bottom + PAD))))
        return cut
    return []


def write_batch(out_dir: Path, index: int, items: list[tuple[str, Image.Image]]) -> None:
    base = out_dir / f"domain_{index:04d}"
    images = [image for _, image in items]
    images[0].save(f"{base}.tif", save_all=True, append_images=images[1:], compression="tiff_lzw")
    with open(f"{base}.box", "w", encoding="ascii") as box:
        for page, (text, image) in enumerate(items):
            box.write(f"WordStr 0 0 {image.width} {image.height} {page} #{text}\n")
            box.write(f"\t {image.width} 0 {image.width + 1} {image.height} {page}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--documents", type=int, default=800)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--per-file", type=int, default=100)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    batch: list[tuple[str, Image.Image]] = []
    written = 0
    for seed in range(args.start, args.start + args.documents):
        batch += document_lines(seed)
        if len(batch) >= args.per_file:
            write_batch(args.out_dir, args.start + written, batch)
            written, batch = written + 1, []
    if batch:
        write_batch(args.out_dir, args.start + written, batch)


if __name__ == "__main__":
    main()
