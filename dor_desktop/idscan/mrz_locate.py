"""Find the machine-readable zone in a scan and cut it out straight and enlarged.

Uses passporteye's box finder (Hans Boone's black-hat/Sobel/Otsu method and its contour merging,
MIT) on a small copy of the image; the crop itself is one affine transform of the original (crop,
deskew and upscale at once), which is much faster than rotating the whole page. Nothing is written
to disk: passporteye's own OCR step, which writes the crop (and so the BSN) to a temporary file,
is not used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter, ImageOps

#: Widths (pixels) of the small copy the box finder works on: fast first, finer when that fails.
#: One scale cannot serve every scan: at 250 pixels a busy table cloth merges with the MRZ into
#: one band, at 1000 the lines of a small card fall apart into characters.
FINDER_WIDTHS = (250, 500, 1000)
#: Contours kept before nearby parallel ones are merged into MRZ bands: with a textured
#: background, the few largest contours are the background's, and the MRZ lines come later.
MAX_BOXES = 12
#: Bands returned per finder width, largest first (each costs an OCR call or two).
MAX_BANDS = 4
#: Width of the straightened MRZ crop handed to tesseract (~25-35 pixels per character).
CROP_WIDTH = 1100
#: Extra width on each side of a found band, as a share of its width.
SIDE_SLACK = 0.0


@dataclass(frozen=True)
class MrzBox:
    """A candidate MRZ band in full-image pixels; ``direction`` is the unit vector along the text."""

    center: tuple[float, float]
    width: float
    height: float
    direction: tuple[float, float]
    margin: float

    def corners(self, grow: float = 0.0) -> list[tuple[float, float]]:
        """The four corners (x, y), grown by ``grow`` pixels on every side, clockwise from top-left."""
        ux, uy = self.direction
        vx, vy = -uy, ux
        half_w, half_h = self.width / 2 + grow, self.height / 2 + grow
        cx, cy = self.center
        return [
            (cx - half_w * ux - half_h * vx, cy - half_w * uy - half_h * vy),
            (cx + half_w * ux - half_h * vx, cy + half_w * uy - half_h * vy),
            (cx + half_w * ux + half_h * vx, cy + half_w * uy + half_h * vy),
            (cx - half_w * ux + half_h * vx, cy - half_w * uy + half_h * vy),
        ]


def find_boxes(gray: Image.Image, finder_width: int) -> list[MrzBox]:
    """Candidate MRZ bands, largest first, found on a copy ``finder_width`` pixels wide."""
    from passporteye.mrz.image import MRZBoxLocator

    scale = min(1.0, finder_width / gray.width)
    small = gray.resize(
        (max(1, round(gray.width * scale)), max(1, round(gray.height * scale))), Image.Resampling.BOX
    )
    pixels = np.asarray(small, dtype=np.float64) / 255.0
    binary = text_band_mask(pixels)
    boxes = []
    found = sorted(MRZBoxLocator(max_boxes=MAX_BOXES)(binary), key=lambda box: -box.area)
    for rotated in found[:MAX_BANDS]:
        row, col = rotated.center
        # passporteye's boxes live in (row, col) space with the angle measured from the row axis.
        ux, uy = math.sin(rotated.angle), math.cos(rotated.angle)
        if ux < 0 or (ux == 0 and uy < 0):
            ux, uy = -ux, -uy
        boxes.append(
            MrzBox(
                center=(col / scale, row / scale),
                width=rotated.width / scale,
                height=rotated.height / scale,
                direction=(ux, uy),
                margin=5 / scale,
            )
        )
    return boxes


def text_band_mask(pixels: np.ndarray) -> np.ndarray:
    """Dark, vertically-edged strokes merged into bands: where lines of printed characters are.

    Black top-hat keeps dark details smaller than the 5x5 square, the vertical Sobel keeps the
    strokes of characters, closing joins them into bands and Otsu separates bands from the rest.
    """
    from skimage import filters, morphology

    square = morphology.footprint_rectangle((5, 5))
    strokes = np.abs(filters.sobel_v(morphology.black_tophat(pixels, square)))
    bands = morphology.closing(strokes, square)
    return bands > filters.threshold_otsu(bands)


@dataclass(frozen=True)
class Crop:
    """A straightened MRZ crop and the affine map from its pixels back to the original image."""

    image: Image.Image
    coefficients: tuple[float, float, float, float, float, float]
    zoom: float
    direction: tuple[float, float]

    def to_image(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.coefficients
        return a * x + b * y + c, d * x + e * y + f

    def box_for(self, left: float, top: float, right: float, bottom: float) -> MrzBox:
        """The MrzBox (in image pixels, text direction upright) of a rectangle found in the crop."""
        center = self.to_image((left + right) / 2, (top + bottom) / 2)
        return MrzBox(
            center=center,
            width=(right - left) / self.zoom,
            height=(bottom - top) / self.zoom,
            direction=self.direction,
            margin=(bottom - top) / self.zoom * 0.15,
        )


def straighten(gray: Image.Image, box: MrzBox, upside_down: bool = False, width: int = CROP_WIDTH) -> Crop:
    """Cut ``box`` out of ``gray`` horizontally, ``width`` pixels wide, contrast stretched."""
    ux, uy = box.direction
    if upside_down:
        ux, uy = -ux, -uy
    vx, vy = -uy, ux
    # The band finder sometimes stops short of the first or last character: widen generously.
    full_w, full_h = box.width * (1 + 2 * SIDE_SLACK) + 2 * box.margin, box.height + 2 * box.margin
    zoom = width / full_w
    out_w, out_h = width, max(8, round(full_h * zoom))
    cx, cy = box.center
    half_w, half_h = out_w / 2 / zoom, out_h / 2 / zoom
    coefficients = (
        ux / zoom,
        vx / zoom,
        cx - half_w * ux - half_h * vx,
        uy / zoom,
        vy / zoom,
        cy - half_w * uy - half_h * vy,
    )
    crop = gray.transform(
        (out_w, out_h), Image.Transform.AFFINE, coefficients, resample=Image.Resampling.BICUBIC, fillcolor=255
    )
    return Crop(flatten_light(crop), coefficients, zoom, (ux, uy))


def flatten_light(crop: Image.Image) -> Image.Image:
    """Divide out uneven lighting, then stretch contrast.

    Tesseract finds lines on a globally thresholded copy: a shadow across one end of the band
    turns that end black and the first characters vanish from the line. (Stretching the ink's
    local contrast as well, against glare, was tried for issue 12: on 100 development scenes it
    read 56 instead of 58 fully right and refused 15 instead of 11, so it is not done.)
    """
    # Estimated on an 8x smaller copy: a max filter wider than a stroke removes the ink, a blur
    # smooths what is left; scaled back up it is the paper's brightness under the lighting.
    small = crop.reduce(8) if min(crop.size) >= 40 else crop
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(3))
    background = background.resize(crop.size, Image.Resampling.BILINEAR)
    pixels = np.asarray(crop, dtype=np.float32) / np.maximum(np.asarray(background, dtype=np.float32), 1.0)
    flat = Image.fromarray(np.clip(pixels * 255.0, 0, 255).astype(np.uint8))
    return ImageOps.autocontrast(flat, cutoff=1)


def same_band(a: MrzBox, b: MrzBox) -> bool:
    """True when two candidate bands cover the same text (found again at another finder width)."""
    distance = math.dist(a.center, b.center)
    parallel = abs(a.direction[0] * b.direction[0] + a.direction[1] * b.direction[1]) > 0.995
    similar = 0.85 < a.width / max(b.width, 1e-6) < 1.18 and 0.7 < a.height / max(b.height, 1e-6) < 1.4
    return parallel and similar and distance < 0.25 * min(a.height, b.height) + 0.02 * a.width


def likely_upside_down(gray: Image.Image, box: MrzBox) -> bool:
    """Whether the band probably reads upside down, from where its ink is.

    MRZ lines end in fillers ('<' has a fraction of a letter's ink), so an upright band is darker
    on its left than on its right. Only an order for trying both ways, never a decision: the
    check digits decide.
    """
    crop = straighten(gray, box, False, width=220).image
    ink = 255.0 - np.asarray(crop, dtype=np.float32)
    columns = ink.sum(axis=0)
    third = len(columns) // 3
    return float(columns[-third:].sum()) > float(columns[:third].sum())
