"""Render synthetic OCR-B MRZ text lines (multi-page TIFF + WordStr box files) for lstmtraining.

Why our own renderer instead of text2image: the lines must look like what the reader hands to
tesseract at run time (a deskewed, upscaled crop of a photographed or scanned MRZ band), so we
degrade them the same way real scans are degraded: low resolution, blur, noise, low contrast,
uneven light, JPEG, a faint printed background and a slight tilt.

Everything is driven by one seed, so the same command gives the same files.

Usage: python render_lines.py OUT_DIR --lines 8000 --per-file 200 --seed 1
"""

from __future__ import annotations

import argparse
import io
import string
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ALPHABET = string.ascii_uppercase + string.digits + "<"
FONT_DIR = Path("/usr/share/fonts/opentype/ocr-b")
FONTS = (("OCRB.otf", 0.8), ("OCRBS.otf", 0.2))
LINE_LENGTHS = (30, 36, 44)
COUNTRIES = ("NLD", "D<<", "BEL", "FRA", "UTO", "POL", "GBR", "ESP", "ITA", "TUR", "MAR", "SYR", "UKR")


def random_word(rng: np.random.Generator, low: int = 2, high: int = 12) -> str:
    return "".join(rng.choice(list(string.ascii_uppercase), size=int(rng.integers(low, high))))


def random_digits(rng: np.random.Generator, count: int) -> str:
    return "".join(rng.choice(list(string.digits), size=count))


def name_line(rng: np.random.Generator, length: int) -> str:
    """A line shaped like an MRZ name line: code, country, surname << given names, fillers."""
    prefix = str(rng.choice(["P<", "I<", "ID", "IR", "V<", "AC", "P", "I"]))[:2].ljust(2, "<")
    prefix += str(rng.choice(COUNTRIES))
    names = "<".join(random_word(rng) for _ in range(int(rng.integers(1, 3))))
    names += "<<" + "<".join(random_word(rng) for _ in range(int(rng.integers(1, 4))))
    if length == 30:  # TD1 third line holds the name only
        prefix = ""
    return (prefix + names)[:length].ljust(length, "<")


def number_line(rng: np.random.Generator, length: int) -> str:
    """A line shaped like an MRZ data line: letters and digits mixed, fillers inside and at the end."""
    parts = []
    while sum(len(p) for p in parts) < length:
        kind = rng.integers(0, 4)
        if kind == 0:
            parts.append(random_digits(rng, int(rng.integers(1, 10))))
        elif kind == 1:
            parts.append(random_word(rng, 1, 4))
        elif kind == 2:
            parts.append("<" * int(rng.integers(1, 15)))
        else:
            parts.append(str(rng.choice(COUNTRIES)) + str(rng.choice(["M", "F", "<"])))
    return "".join(parts)[:length]


def uniform_line(rng: np.random.Generator, length: int) -> str:
    """Uniformly random characters: teaches shapes without a sequence prior (no guessing)."""
    return "".join(rng.choice(list(ALPHABET), size=length))


def line_text(rng: np.random.Generator) -> str:
    length = int(rng.choice(LINE_LENGTHS))
    kind = rng.random()
    if kind < 0.3:
        return name_line(rng, length)
    if kind < 0.65:
        return number_line(rng, length)
    return uniform_line(rng, length)


def faint_background(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    """A light guilloche-like pattern, as printed under the MRZ of many cards."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    period = rng.uniform(8, 40)
    angle = rng.uniform(0, np.pi)
    wave = np.sin((xs * np.cos(angle) + ys * np.sin(angle)) / period * 2 * np.pi)
    return wave * rng.uniform(5, 30)


def render_line(text: str, rng: np.random.Generator) -> Image.Image:
    """Draw ``text`` in OCR-B and degrade it like a scanned or photographed MRZ."""
    names, weights = zip(*FONTS, strict=True)
    font = ImageFont.truetype(str(FONT_DIR / str(rng.choice(names, p=weights))), int(rng.integers(24, 64)))
    left, top, right, bottom = font.getbbox(text)
    pad_x, pad_y = int(rng.integers(2, 30)), int(rng.integers(4, 14))
    width, height = right - left + 2 * pad_x, bottom - top + 2 * pad_y
    bg, fg = int(rng.integers(150, 256)), int(rng.integers(0, 110))
    canvas = Image.new("L", (width, height), 255)
    ImageDraw.Draw(canvas).text((pad_x - left, pad_y - top), text, font=font, fill=0)
    if rng.random() < 0.25:  # ink spread or thin print
        canvas = canvas.filter(ImageFilter.MinFilter(3) if rng.random() < 0.5 else ImageFilter.MaxFilter(3))
    canvas = canvas.rotate(float(rng.uniform(-0.3, 0.3)), resample=Image.BILINEAR, fillcolor=255)
    ink = 1.0 - np.asarray(canvas, dtype=np.float32) / 255.0
    pixels = bg + (fg - bg) * ink
    if rng.random() < 0.3:
        pixels += faint_background(rng, width, height)
    if rng.random() < 0.5:  # uneven light across the line
        pixels *= np.linspace(rng.uniform(0.7, 1.0), rng.uniform(0.7, 1.0), width)[None, :]
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    image = degrade_resolution(image, rng)
    blur = rng.uniform(0, 1.4)
    if blur > 0.3:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    noisy = np.asarray(image, dtype=np.float32) + rng.normal(
        0, rng.uniform(0, 14), (image.height, image.width)
    )
    image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    if rng.random() < 0.6:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=int(rng.integers(30, 95)))
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return image


def degrade_resolution(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Shrink (a 150 dpi scan or a far webcam) and sometimes scale back up, as the reader does."""
    factor = rng.uniform(0.3, 1.0)
    small = image.resize(
        (max(8, int(image.width * factor)), max(8, int(image.height * factor))), Image.BILINEAR
    )
    if rng.random() < 0.6:
        up = rng.uniform(1.0, 1.0 / factor)
        return small.resize((int(small.width * up), int(small.height * up)), Image.BICUBIC)
    return small


def write_file(out_dir: Path, index: int, texts: list[str], rng: np.random.Generator) -> None:
    """One multi-page TIFF (a line per page) and its WordStr box file, page-numbered."""
    images = [render_line(text, rng) for text in texts]
    base = out_dir / f"mrz_{index:04d}"
    images[0].save(f"{base}.tif", save_all=True, append_images=images[1:], compression="tiff_lzw")
    with open(f"{base}.box", "w", encoding="ascii") as box:
        for page, (text, image) in enumerate(zip(texts, images, strict=True)):
            box.write(f"WordStr 0 0 {image.width} {image.height} {page} #{text}\n")
            box.write(f"\t {image.width} 0 {image.width + 1} {image.height} {page}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--lines", type=int, default=8000)
    parser.add_argument("--per-file", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    for index in range(args.lines // args.per_file):
        texts = [line_text(rng) for _ in range(args.per_file)]
        write_file(args.out_dir, index, texts, rng)


if __name__ == "__main__":
    main()
