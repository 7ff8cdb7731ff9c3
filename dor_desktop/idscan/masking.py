"""The masked copy a shop may keep: photo, printed BSN and MRZ optional data blacked out, watermarked.

What is masked follows from the document type and where the MRZ sits (it fixes the document's
position, scale and orientation in the image), plus an OCR search of the visible text for 9-digit
numbers that pass the BSN 11-test. Where the layout does not say enough we mask more, not less:
Dutch documents lose the whole printed-data area unless the printed BSN itself was found, and the
whole MRZ band is blacked out when its lines could not be told apart. The watermark follows the
government's KopieID app: recipient, purpose and date, repeated across the image.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from dor_desktop.domain.checks import bsn_valid
from dor_desktop.idscan.bsn_guard import OPTIONAL_SPANS
from dor_desktop.idscan.image_loading import load_image
from dor_desktop.idscan.mrz_locate import MrzBox
from dor_desktop.idscan.reader import LocatedScan, read_image

#: Document size (mm) and MRZ shape per layout: width, height, characters per line, lines.
LAYOUTS = {
    "TD1": (85.6, 54.0, 30, 3),
    "TD2": (105.0, 74.0, 36, 2),
    "TD3": (125.0, 88.0, 44, 2),
    "DL": (85.6, 54.0, 30, 1),
    "MRVA": (120.0, 80.0, 44, 2),  # visas (ICAO 9303 part 7)
    "MRVB": (105.0, 74.0, 36, 2),
}
PITCH_MM = 2.54  # OCR-B MRZ characters: 10 per inch
TEXT_SHORTFALL = 0.4  # the inked extent of a line is about 0.4 pitch shorter than chars x pitch
PHOTO_SHARE = 0.38  # the photo sits in the left part of the data page, above the MRZ
BLACK = (0, 0, 0)
PAGE_MARGIN_MM = 3.0  # OCR and masks reach this far past the expected page edge

Point = tuple[float, float]


class DocumentFrame:
    """Maps millimetres on the upright document (x right, y down from its top-left) to image pixels."""

    def __init__(self, box: MrzBox, mrz_format: str) -> None:
        width_mm, height_mm, chars, lines = LAYOUTS[mrz_format]
        self.width_mm, self.height_mm, self.lines = width_mm, height_mm, lines
        ux, uy = box.direction
        self.u, self.v = (ux, uy), (-uy, ux)
        self.scale = box.width / ((chars - TEXT_SHORTFALL) * PITCH_MM)  # pixels per millimetre
        self.mrz_center_mm = (width_mm / 2, height_mm - 4.5 - lines * 4.23 / 2)
        self.mrz_top_mm = self.mrz_center_mm[1] - lines * 4.23 / 2 - 1.5
        self.center = box.center

    def to_pixels(self, x_mm: float, y_mm: float) -> Point:
        dx = (x_mm - self.mrz_center_mm[0]) * self.scale
        dy = (y_mm - self.mrz_center_mm[1]) * self.scale
        return (
            self.center[0] + dx * self.u[0] + dy * self.v[0],
            self.center[1] + dx * self.u[1] + dy * self.v[1],
        )

    def rectangle(self, left: float, top: float, right: float, bottom: float) -> list[Point]:
        return [self.to_pixels(x, y) for x, y in ((left, top), (right, top), (right, bottom), (left, bottom))]


def photo_region(frame: DocumentFrame) -> list[Point]:
    """The left part of the page above the MRZ, 3 mm beyond the edges to absorb location error."""
    return frame.rectangle(-3, -3, frame.width_mm * PHOTO_SHARE, frame.mrz_top_mm)


def data_region(frame: DocumentFrame) -> list[Point]:
    """Everything above the MRZ: Dutch ID cards print the BSN and its QR code on this side."""
    return frame.rectangle(-3, -3, frame.width_mm + 3, frame.mrz_top_mm)


def optional_data_regions(located: LocatedScan) -> list[list[Point]]:
    """The MRZ's optional-data characters, or the whole band when its lines are uncertain."""
    box, result = located.box, located.result
    chars, lines = LAYOUTS[result.mrz_format][2:]
    whole_band = [box.corners(grow=box.margin)]
    if located.line_count != lines or not result.ok:
        return whole_band
    ux, uy = box.direction
    vx, vy = -uy, ux
    pitch = box.width / (chars - TEXT_SHORTFALL)
    regions = []
    for line_index, start, end in OPTIONAL_SPANS[result.mrz_format]:
        along = [(pos * pitch) - box.width / 2 for pos in (start - 0.5, end + 0.3)]
        line_h = box.height / lines
        across = [(line_index + edge) * line_h - box.height / 2 for edge in (-0.25, 1.25)]
        cx, cy = box.center
        regions.append(
            [
                (cx + a * ux + b * vx, cy + a * uy + b * vy)
                for a, b in (
                    (along[0], across[0]),
                    (along[1], across[0]),
                    (along[1], across[1]),
                    (along[0], across[1]),
                )
            ]
        )
    return regions


def upright_page(image: Image.Image, frame: DocumentFrame, px_per_mm: float = 12.0) -> Image.Image:
    """The part of the page above the MRZ, straightened, at about 300 dpi (for OCR)."""
    ux, uy = frame.u
    vx, vy = frame.v
    s, k, m = frame.scale, px_per_mm, PAGE_MARGIN_MM
    mx, my = frame.mrz_center_mm
    cx, cy = frame.center
    size = (round((frame.width_mm + 2 * m) * k), round((frame.mrz_top_mm + m) * k))
    coefficients = (
        s * ux / k,
        s * vx / k,
        cx + (-m - mx) * s * ux + (-m - my) * s * vx,
        s * uy / k,
        s * vy / k,
        cy + (-m - mx) * s * uy + (-m - my) * s * vy,
    )
    return image.convert("L").transform(
        size, Image.Transform.AFFINE, coefficients, resample=Image.Resampling.BICUBIC, fillcolor=255
    )


def printed_bsn_regions(
    image: Image.Image, frame: DocumentFrame, px_per_mm: float = 12.0
) -> list[list[Point]]:
    """Where printed numbers passing the BSN 11-test are, found by OCR of the straightened page."""
    from dor_desktop.idscan.ocr import recognise_words

    words = recognise_words(upright_page(image, frame, px_per_mm))
    regions = []
    for end in range(1, len(words) + 1):
        # "9999.99.990" may come out as up to three words: take the shortest run ending here.
        for start in range(end - 1, max(-1, end - 5), -1):
            run = words[start:end]
            if _holds_bsn("".join(c for text, _ in run for c in text if c.isdigit())):
                regions.append(_words_region(frame, [bbox for _, bbox in run], px_per_mm))
                break
    return regions


def _holds_bsn(digits: str) -> bool:
    return any(bsn_valid(digits[i : i + 9]) for i in range(max(0, len(digits) - 8)))


def _words_region(frame: DocumentFrame, boxes: list[tuple[int, int, int, int]], k: float) -> list[Point]:
    """The union of OCR word boxes (upright page pixels) as a polygon in image pixels, padded."""
    left, top = min(b[0] for b in boxes) / k, min(b[1] for b in boxes) / k
    right, bottom = max(b[2] for b in boxes) / k, max(b[3] for b in boxes) / k
    pad = (bottom - top) * 0.5
    m = PAGE_MARGIN_MM
    return frame.rectangle(left - m - pad, top - m - pad, right - m + pad, bottom - m + pad)


def watermark(image: Image.Image, shop: str, when: date) -> Image.Image:
    """KopieID-style text across the whole image: recipient, purpose and date."""
    text = f"Kopie voor {shop} - inkoopregister art. 437 Sr - {when.isoformat()}"
    size = max(14, image.width // 28)
    font = ImageFont.load_default(size=size)
    diagonal = int(math.hypot(image.width, image.height))
    layer = Image.new("RGBA", (diagonal, diagonal), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    step = int(size * 2.6)
    for row, y in enumerate(range(0, diagonal, step)):
        offset = (row % 2) * size * 4
        draw.text((-offset, y), (text + "     ") * 6, font=font, fill=(200, 0, 0, 110))
    layer = layer.rotate(30, resample=Image.Resampling.BICUBIC)
    left, top = (diagonal - image.width) // 2, (diagonal - image.height) // 2
    layer = layer.crop((left, top, left + image.width, top + image.height))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


def mask_regions(image: Image.Image, located: LocatedScan) -> list[list[Point]]:
    """Every region to black out for this document."""
    result = located.result
    frame = DocumentFrame(located.box, result.mrz_format)
    regions = [photo_region(frame), *optional_data_regions(located)]
    printed = printed_bsn_regions(image, frame)
    regions += printed
    dutch = result.issuing_country.value == "NLD" or result.nationality.value == "NLD"
    if dutch and (result.mrz_format in {"TD1", "TD2"} or not printed):
        regions.append(data_region(frame))
    return regions


def masked_copy(
    source: bytes | str | Path | Image.Image, *, shop: str, today: date | None = None
) -> Image.Image:
    """The image with photo, BSN and MRZ optional data blacked out and a watermark across it.

    Raises ScanError when no MRZ can be found: without it the layout is unknown and nothing
    would be kept safely.
    """
    today = today or date.today()
    image = source.convert("RGB") if isinstance(source, Image.Image) else load_image(source)
    located = read_image(image, today=today)
    masked = image.copy()
    draw = ImageDraw.Draw(masked)
    for region in mask_regions(image, located):
        draw.polygon(region, fill=BLACK)
    return watermark(masked, shop, today)
