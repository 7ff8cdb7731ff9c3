"""The scanner's entry point: image in, BSN-free ScanResult out.

Flow: load safely -> find candidate MRZ bands -> straighten each (upright, then upside down) ->
one in-process OCR call -> parse and validate -> guards for what check digits cannot see (line
lengths and alignment, confidence, the OCR-B glyph check) -> if that fails, one model-suggested
edit judged by the check digits (repair.py), then a second look at another crop size. The first
candidate without a problem wins; otherwise the one with the fewest problems is returned so the
clerk sees what to check.
Raw MRZ text (an old Dutch passport's holds the BSN) exists only in this module's local values
(OCR lines, ``Reading``) and is never logged or returned: callers get a ScanResult without it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PIL import Image

from dor_desktop.idscan import errors
from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.glyph_check import doubtful_positions, o_or_zero, preferred_glyph
from dor_desktop.idscan.image_loading import load_image
from dor_desktop.idscan.layout import LINE_LENGTHS, UNCHECKED_SPANS
from dor_desktop.idscan.mrz_locate import FINDER_WIDTHS, Crop, MrzBox, find_boxes, looks_blank, straighten
from dor_desktop.idscan.mrz_parse import MrzFormatError, normalise_lines, parse_mrz_text
from dor_desktop.idscan.ocr import OcrLine, recognise_lines
from dor_desktop.idscan.repair import single_edits
from dor_desktop.idscan.result import ScanResult

#: Below this OCR confidence (0-100) on a character no check digit protects, the clerk is asked to
#: check the fields. The model's confidence is a weak guard (it reads N as M at 99%), so the glyph
#: check is the main one; this floor only catches what the model itself found hard. It was 92
#: before the glyph check existed; 80 lies below every right character's confidence in 600
#: development scans (seeds 11 and 13, not the benchmark's).
CONFIDENCE_FLOOR = 80.0
WRONG_LINE_LENGTH = "an MRZ line was read with characters missing or extra; check the fields"
MISALIGNED_LINES = "the MRZ lines do not line up: characters may be missing at a line's start or end"
LOW_CONFIDENCE = "some characters (names, codes or document number) were read with low confidence; check them"
GLYPH_DOUBT = "a character in the names, codes or document number looks like another letter; check them"
#: Width of the second look at a band whose first read failed a check (see _read_band).
SECOND_CROP_WIDTH = 1400
#: At most this many single edits are tried on a failed read (a garbage band can suggest many).
MAX_REPAIRS = 200


@dataclass(frozen=True)
class LocatedScan:
    """A result plus where its MRZ sits in the image (what the masked copy needs)."""

    result: ScanResult
    box: MrzBox  # the MRZ text's extent; its direction runs along the text, upright
    line_count: int


def read_id(source: bytes | str | Path, *, today: date | None = None) -> ScanResult:
    """Read an ID document's MRZ from an image file path or its bytes.

    Raises ScanError with reason_code "bad_image", "no_mrz" or "unreadable". A returned result
    may still carry problems (a failed check digit, an unknown country code): check ``.ok``.
    """
    return read_image(load_image(source), today=today).result


def read_image(image: Image.Image, *, today: date | None = None) -> LocatedScan:
    """Locate and read the MRZ of an already loaded, upright RGB image."""
    gray = image.convert("L")
    best: LocatedScan | None = None
    saw_mrz_text = False
    for finder_width in FINDER_WIDTHS:
        if finder_width != FINDER_WIDTHS[0] and best is not None and not looks_blank(gray):
            break
        for box in find_boxes(gray, finder_width):
            for upside_down in (False, True):
                located, mrz_like = _read_band(gray, box, upside_down, today)
                saw_mrz_text = saw_mrz_text or mrz_like
                if located is None:
                    continue
                if best is None or len(located.result.problems) < len(best.result.problems):
                    best = located
                if located.result.ok:
                    return located
    if best is None:
        if saw_mrz_text:
            raise ScanError(errors.UNREADABLE, "a machine-readable zone was found but could not be read")
        raise ScanError(errors.NO_MRZ, "no machine-readable zone (MRZ) found in the image")
    return best


def _read_band(
    gray: Image.Image, box: MrzBox, upside_down: bool, today: date | None
) -> tuple[LocatedScan | None, bool]:
    """OCR and parse one candidate band; also tell whether the text looked like MRZ at all.

    A read that fails its checks gets two more chances: the model's own second readings, one edit
    at a time, with the check digits and glyphs as judges (see repair.py); and a second crop at
    another size, since the model's mistakes depend on scale.
    """
    crop = straighten(gray, box, upside_down)
    reading, mrz_like = _read_crop(crop, today)
    if reading is not None and not reading.result.ok:
        # Only a read that parsed (an upside-down band's garbage does not) but failed a check.
        second = straighten(gray, box, upside_down, SECOND_CROP_WIDTH)
        retry, _ = _read_crop(second, today)
        if retry is not None and len(retry.result.problems) < len(reading.result.problems):
            crop, reading = second, retry
    if reading is None:
        return None, mrz_like
    return LocatedScan(reading.result, _text_box(crop, reading.lines), len(reading.lines)), True


def _read_crop(crop: Crop, today: date | None) -> tuple[Reading | None, bool]:
    """OCR one straightened crop, then evaluate (and if needed repair) what was read."""
    lines = [line for line in recognise_lines(crop.image) if normalise_lines(line.text)]
    text = "\n".join(line.text for line in lines)
    mrz_like = "<<" in text or any(line.text.startswith("D1NLD") for line in lines)
    reading = evaluate(crop.image, lines, today)
    if mrz_like and (reading is None or not reading.result.ok):
        reading = _repaired(crop.image, lines, today) or reading
    return reading, mrz_like


@dataclass(frozen=True)
class Reading:
    """A parsed result and the OCR lines it was parsed from."""

    result: ScanResult
    lines: list[OcrLine]


def evaluate(image: Image.Image, lines: list[OcrLine], today: date | None) -> Reading | None:
    """Parse ``lines`` and apply every guard for what check digits cannot see.

    The glyph check runs last and only on an otherwise clean read: it is the slowest guard.
    """
    try:
        result = parse_mrz_text("\n".join(line.text for line in lines), today=today)
    except MrzFormatError:
        return None
    problems = list(result.problems)
    if weakest_unchecked_confidence(result.mrz_format, lines) < CONFIDENCE_FLOOR:
        problems.append(LOW_CONFIDENCE)
    if any(len(line.text) != LINE_LENGTHS[result.mrz_format] for line in lines):
        problems.append(WRONG_LINE_LENGTH)
    if not lines_aligned(lines):
        problems.append(MISALIGNED_LINES)
    if not problems and glyphs_disagree(image, result.mrz_format, lines):
        problems.append(GLYPH_DOUBT)
    return Reading(replace(result, problems=tuple(problems)), lines)


def _repaired(image: Image.Image, lines: list[OcrLine], today: date | None) -> Reading | None:
    """The one model-suggested single edit that makes the read pass everything, if exactly one does."""
    passing: dict[ScanResult, Reading] = {}
    for tried, candidate in enumerate(single_edits(lines, ImageGlyphs(image))):
        if tried >= MAX_REPAIRS:
            break
        reading = evaluate(image, candidate, today)
        if reading is not None and reading.result.ok:
            passing[reading.result] = reading
            if len(passing) > 1:
                return None
    return next(iter(passing.values()), None)


@dataclass(frozen=True)
class ImageGlyphs:
    """The glyph check's opinions on one crop, for repair.single_edits."""

    image: Image.Image

    def preferred(self, line: OcrLine, position: int) -> str | None:
        return preferred_glyph(self.image, line, position)

    def o_or_zero(self, line: OcrLine, position: int) -> str | None:
        return o_or_zero(self.image, line, position)


def glyphs_disagree(image: Image.Image, mrz_format: str, lines: list[OcrLine]) -> bool:
    """True when a character no check digit fully protects looks more like another OCR-B glyph.

    When the OCR lines do not map one-to-one onto the layout's lines, every character counts.
    """
    spans = UNCHECKED_SPANS[mrz_format]
    if len(lines) != len(spans):
        return any(doubtful_positions(image, line, range(len(line.text))) for line in lines)
    for line, line_spans in zip(lines, spans, strict=True):
        positions = [p for start, end in line_spans for p in range(start, end)]
        if doubtful_positions(image, line, positions):
            return True
    return False


def lines_aligned(lines: list[OcrLine]) -> bool:
    """MRZ lines start and end at the same place; a line that does not has lost characters
    (a name missing its first letter would otherwise pass every check)."""
    if len(lines) < 2:
        return True
    pitch = min((line.box[2] - line.box[0]) / max(1, len(line.text)) for line in lines)
    lefts = [line.box[0] for line in lines]
    rights = [line.box[2] for line in lines]
    return max(lefts) - min(lefts) < 0.6 * pitch and max(rights) - min(rights) < 0.6 * pitch


def weakest_unchecked_confidence(mrz_format: str, lines: list[OcrLine]) -> float:
    """The lowest OCR confidence among characters no check digit fully protects.

    When the OCR lines do not map one-to-one onto the layout's lines, every character counts.
    """
    spans = UNCHECKED_SPANS[mrz_format]
    if len(lines) != len(spans):
        return min((min(line.confidences) for line in lines if line.confidences), default=0.0)
    weakest = 100.0
    for line, line_spans in zip(lines, spans, strict=True):
        for start, end in line_spans:
            weakest = min([weakest, *line.confidences[start:end]])
    return weakest


def _text_box(crop: Crop, lines: list[OcrLine]) -> MrzBox:
    """The MRZ's exact extent from tesseract's line boxes: the masked copy aims with it."""
    left = min(line.box[0] for line in lines)
    top = min(line.box[1] for line in lines)
    right = max(line.box[2] for line in lines)
    bottom = max(line.box[3] for line in lines)
    return crop.box_for(left, top, right, bottom)
