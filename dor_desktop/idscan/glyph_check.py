"""A second opinion on MRZ characters no check digit protects: compare each with the OCR-B glyphs.

Why: the OCR model sometimes reads N or W as M with 99% confidence. In a name, a nationality or
the sex nothing else would notice, and the clerk would get a wrong value that looks valid. The MRZ
is printed in one standard font (OCR-B, ICAO 9303 / ISO 1073-2), so each character's cell can be
compared with the font's own glyphs. When another glyph fits the cell clearly better than the one
the model read, that character is doubtful and the clerk is asked to check it.

The glyphs come from ``resources/fonts/OCRB.otf`` (public domain, see resources/fonts/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from PIL import Image, ImageDraw, ImageFont

from dor_desktop.idscan.mrz_parse import MRZ_ALPHABET, as_letters
from dor_desktop.idscan.ocr import OcrLine

#: Size every character cell is compared at: one pitch wide, cap height plus PAD above and below.
CELL_WIDTH = 24
PAD = 0.25
#: A glyph must beat the character read by more than this (normalised correlation, 0-1) to cast
#: doubt. It was 0.07 (no right character of the development scans was beaten by more than
#: 0.04); issue 12's first held-out run printed bold, condensed OCR-B, where every glyph fits
#: more alike: the model read E as B and W as M, and the right glyph won by only 0.05, so 8 wrong
#: fields were vouched for. Now the model and the glyphs must agree on the best glyph: any
#: better-fitting glyph casts doubt (on 150 development scenes: 83 instead of 86 fully right).
MARGIN = 0.0
#: How much better the O glyph must fit than the 0 glyph to call a character O (and at most, to
#: call it 0); see o_or_zero.
O_ABOVE, ZERO_BELOW = 0.125, 0.105
#: How far (cell pixels) a cell may be shifted to line up with a glyph: tesseract's boxes are rough.
SHIFT_X, SHIFT_Y = 3, 3
#: Characters on each side whose boxes place a cell (see _smoothed_centres).
NEIGHBOURS = 4
#: The glyphs' order: the columns of the template matrix and of every score row.
ALPHABET = tuple(sorted(MRZ_ALPHABET))


def doubtful_positions(image: Image.Image, line: OcrLine, positions: Iterable[int]) -> list[int]:
    """The positions (of ``positions``) where a different OCR-B glyph fits clearly better.

    Only a glyph that would change the reading counts: 0 for O in a name is read as O anyway.
    A line without per-character boxes, or too short to measure its pitch, is all doubtful.
    """
    return LineScores(image).doubtful(line, positions)


def glyph_margins(image: Image.Image, line: OcrLine, positions: Iterable[int]) -> list[float]:
    """For each of ``positions``, how much better the glyph read fits its cell than the best
    glyph that would change the reading (negative: another fits better). Empty when the line
    cannot be measured."""
    return LineScores(image).margins(line, positions)


def preferred_glyph(image: Image.Image, line: OcrLine, position: int) -> str | None:
    """The glyph that fits character ``position`` clearly better than the one read, if any."""
    scores = _position_scores(image, line, position)
    return None if scores is None else _better_glyph(line, position, scores)


def o_or_zero(image: Image.Image, line: OcrLine, position: int) -> str | None:
    """Whether character ``position`` looks like the letter O or the digit 0, or None if unclear.

    In OCR-B they differ only in width; the check digit cannot always tell (two O/0 swaps at
    positions of equal weight change the sum alike), the glyphs can. Thresholds from 250 O and 0
    cells of 600 development scans: the O template beat the 0 template by at least 0.136 on every
    true O, and by at most 0.097 on every true 0.
    """
    scores = _position_scores(image, line, position)
    return None if scores is None else _o_or_zero(scores)


def _o_or_zero(scores: np.ndarray) -> str | None:
    difference = scores[ALPHABET.index("O")] - scores[ALPHABET.index("0")]
    if difference >= O_ABOVE:
        return "O"
    return "0" if difference <= ZERO_BELOW else None


def _position_scores(image: Image.Image, line: OcrLine, position: int) -> np.ndarray | None:
    """One character's glyph scores, or None when the line cannot be measured."""
    geometry = _LineGeometry.measure(line)
    if geometry is None or position >= len(line.text):
        return None
    return _cell_scores(_gray(image), geometry, [position])[0]


class LineScores:
    """Every character's glyph scores per line of one crop, computed once per line.

    The repair step asks about one position at a time, hundreds of times for the same few lines;
    scoring a whole line in one matrix product and keeping it is several times faster.
    """

    def __init__(self, image: Image.Image) -> None:
        self.image = _gray(image)
        self._scores: dict[OcrLine, np.ndarray | None] = {}

    def of(self, line: OcrLine, position: int) -> np.ndarray | None:
        if line not in self._scores:
            geometry = _LineGeometry.measure(line)
            self._scores[line] = (
                None if geometry is None else _cell_scores(self.image, geometry, list(range(len(line.text))))
            )
        scores = self._scores[line]
        return None if scores is None or position >= len(scores) else scores[position]

    def doubtful(self, line: OcrLine, positions: Iterable[int]) -> list[int]:
        """As doubtful_positions."""
        wanted = [p for p in positions if p < len(line.text)]
        if not wanted or self.of(line, 0) is None:
            return wanted
        return [p for p in wanted if _better_glyph(line, p, self.of(line, p))]  # type: ignore[arg-type]

    def margins(self, line: OcrLine, positions: Iterable[int]) -> list[float]:
        """As glyph_margins."""
        margins = []
        for position in positions:
            row = self.of(line, position)
            if row is None or line.text[position] not in ALPHABET:
                continue
            reading = as_letters(line.text[position])
            same = np.array([as_letters(char) == reading for char in ALPHABET])
            margins.append(float(row[same].max() - row[~same].max()))
        return margins

    def preferred(self, line: OcrLine, position: int) -> str | None:
        """As preferred_glyph."""
        scores = self.of(line, position)
        return None if scores is None else _better_glyph(line, position, scores)

    def o_or_zero(self, line: OcrLine, position: int) -> str | None:
        """As o_or_zero."""
        scores = self.of(line, position)
        return None if scores is None else _o_or_zero(scores)


def _gray(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def _better_glyph(line: OcrLine, position: int, scores: np.ndarray) -> str | None:
    """The best glyph when it beats every reading equivalent to the one read by MARGIN."""
    reading = as_letters(line.text[position])
    same = [as_letters(char) == reading for char in ALPHABET]
    read_score = max(score for score, match in zip(scores, same, strict=True) if match)
    best_other = max((i for i, match in enumerate(same) if not match), key=lambda i: scores[i])
    return ALPHABET[best_other] if scores[best_other] - read_score > MARGIN else None


@dataclass(frozen=True)
class _LineGeometry:
    """Where each character cell of a line sits in the image, and how big a cell is."""

    xs: np.ndarray  # centre x per position
    ys: np.ndarray  # centre y (middle of the capitals) per position
    pitch: float
    cap: float

    @classmethod
    def measure(cls, line: OcrLine) -> _LineGeometry | None:
        letters = [box for char, box in zip(line.text, line.char_boxes, strict=False) if char != "<"]
        if len(line.char_boxes) != len(line.text) or len(letters) < 2:
            return None
        xs = _smoothed_centres(line.char_boxes)
        pitch = float(np.median(np.diff(xs)))
        cap = float(np.median([box[3] - box[1] for box in letters]))
        if pitch < 4 or cap < 4:
            return None
        # The capitals' middle along the line (a straight fit: what deskewing left of a tilt);
        # '<' is not a capital, so only letters and digits place it.
        letter_x = [(box[0] + box[2]) / 2 for box in letters]
        letter_y = [(box[1] + box[3]) / 2 for box in letters]
        slope, intercept = np.polyfit(letter_x, letter_y, 1) if len(set(letter_x)) > 1 else (0.0, letter_y[0])
        return cls(xs, slope * xs + intercept, pitch, cap)


def _cell_scores(gray: Image.Image, geometry: _LineGeometry, positions: list[int]) -> np.ndarray:
    """For each position, the best normalised correlation of its cell with each glyph (columns in
    ALPHABET order) over small shifts. All cells go through one matrix product."""
    templates, cell_height = _templates()
    scale_x = CELL_WIDTH / geometry.pitch
    scale_y = cell_height / (geometry.cap * (1 + 2 * PAD))
    half_w, half_h = (CELL_WIDTH / 2 + SHIFT_X) / scale_x, (cell_height / 2 + SHIFT_Y) / scale_y
    size = (CELL_WIDTH + 2 * SHIFT_X, cell_height + 2 * SHIFT_Y)
    shifted = []
    for position in positions:
        cx, cy = geometry.xs[position], geometry.ys[position]
        extent = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        window = np.asarray(
            gray.transform(size, Image.Transform.EXTENT, extent, Image.Resampling.BILINEAR, fillcolor=255),
            dtype=np.float32,
        )
        shifted.append(
            sliding_window_view(window, (cell_height, CELL_WIDTH)).reshape(-1, cell_height * CELL_WIDTH)
        )
    if not shifted:
        return np.empty((0, len(ALPHABET)))
    cells = np.concatenate(shifted)
    cells = cells - cells.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(cells, axis=1, keepdims=True)
    cells = cells / np.where(norms > 0, norms, 1.0)
    return (cells @ templates).reshape(len(positions), -1, len(ALPHABET)).max(axis=1)


def _smoothed_centres(boxes: tuple[tuple[int, int, int, int], ...]) -> np.ndarray:
    """Each character's centre from a straight fit through its neighbours' boxes.

    The font is monospaced, so neighbours say where a cell is better than its own rough LSTM box;
    fitting locally (not over the whole line) follows the pitch as perspective stretches it.
    """
    centres = np.array([(box[0] + box[2]) / 2 for box in boxes], dtype=np.float64)
    smoothed = np.empty_like(centres)
    for index in range(len(centres)):
        lo, hi = max(0, index - NEIGHBOURS), min(len(centres), index + NEIGHBOURS + 1)
        xs = np.arange(lo, hi, dtype=np.float64)
        ys = centres[lo:hi]
        x_mean, y_mean = xs.mean(), ys.mean()
        spread = float(((xs - x_mean) ** 2).sum())
        slope = float(((xs - x_mean) * (ys - y_mean)).sum()) / spread if spread else 0.0
        smoothed[index] = y_mean + slope * (index - x_mean)  # the least-squares line, as polyfit
    return smoothed


def _normalise(cell: np.ndarray) -> np.ndarray:
    vector = cell.ravel() - cell.mean()
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def warm_up() -> None:
    """Render the glyphs now (ocr.warm_up calls this off the GUI thread)."""
    _templates()


@lru_cache(maxsize=1)
def _templates() -> tuple[np.ndarray, int]:
    """Each MRZ character rendered in OCR-B, cut to a cell like the image's and normalised: the
    columns of one matrix (ALPHABET order), and the cell height."""
    size = 120
    with as_file(files("dor_desktop.resources") / "fonts" / "OCRB.otf") as path:
        font = ImageFont.truetype(str(path), size)
    pitch = font.getlength("H")
    cap_top, cap_bottom = font.getbbox("H")[1], font.getbbox("H")[3]
    cap = cap_bottom - cap_top
    cell_height = round(CELL_WIDTH * cap * (1 + 2 * PAD) / pitch)
    columns = []
    for char in ALPHABET:
        canvas = Image.new("L", (size * 2, size * 2), 255)
        ImageDraw.Draw(canvas).text((size // 2, size // 2), char, font=font, fill=0)
        ink_left, _, ink_right, _ = canvas.point(lambda v: 255 - v).getbbox() or (0, 0, 1, 1)
        centre = (ink_left + ink_right) / 2
        top = size // 2 + cap_top - PAD * cap
        cell = canvas.crop(
            (
                round(centre - pitch / 2),
                round(top),
                round(centre + pitch / 2),
                round(top + cap * (1 + 2 * PAD)),
            )
        )
        cell = cell.resize((CELL_WIDTH, cell_height), Image.Resampling.BILINEAR)
        columns.append(_normalise(np.asarray(cell, dtype=np.float64)))
    return np.stack(columns, axis=1).astype(np.float32), cell_height
