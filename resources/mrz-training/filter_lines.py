"""Drop stage-2 line images whose crop lost characters (a cut-off first or last character).

make_domain_lines.py pairs each tesseract line with its true text by order; when the crop cut a
character off, the label would teach the model to invent it. A line is kept only when a model
(the stage-1 model) reads it with the right length and at most MAX_EDITS character errors.

Usage: python filter_lines.py MODEL_DIR IN_DIR OUT_DIR   (MODEL_DIR holds mrz.traineddata)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageSequence

MAX_EDITS = 3


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def read_labels(box_path: Path) -> list[str]:
    return [line.split("#", 1)[1].rstrip("\n") for line in box_path.open(encoding="ascii") if "#" in line]


def main() -> None:
    import tesserocr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("in_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    kept = dropped = 0
    with tesserocr.PyTessBaseAPI(path=str(args.model_dir), lang="mrz", psm=tesserocr.PSM.SINGLE_LINE) as api:
        for tif in sorted(args.in_dir.glob("*.tif")):
            labels = read_labels(tif.with_suffix(".box"))
            good: list[tuple[str, Image.Image]] = []
            for label, page in zip(labels, ImageSequence.Iterator(Image.open(tif)), strict=True):
                image = page.convert("L")
                api.SetImage(image)
                text = api.GetUTF8Text().strip().replace(" ", "")
                if len(text) == len(label) and edit_distance(text, label) <= MAX_EDITS:
                    good.append((label, image))
                else:
                    dropped += 1
            kept += len(good)
            if good:
                write(args.out_dir / tif.name, good)
    print(f"kept {kept} lines, dropped {dropped}")


def write(tif: Path, items: list[tuple[str, Image.Image]]) -> None:
    images = [image for _, image in items]
    images[0].save(tif, save_all=True, append_images=images[1:], compression="tiff_lzw")
    with tif.with_suffix(".box").open("w", encoding="ascii") as box:
        for page, (text, image) in enumerate(items):
            box.write(f"WordStr 0 0 {image.width} {image.height} {page} #{text}\n")
            box.write(f"\t {image.width} 0 {image.width + 1} {image.height} {page}\n")


if __name__ == "__main__":
    main()
