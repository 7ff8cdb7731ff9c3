"""The scanner's entry point: image in, BSN-free ScanResult out.

Flow: load safely -> find candidate MRZ bands -> straighten each (upright, then upside down) ->
one in-process OCR call -> parse and validate -> every guard for what check digits cannot see
(guards.py: line lengths and alignment, confidence, the OCR-B glyph check, resolution) -> each
field confirmed or "check this" (trust.py) -> if not all confirmed, one model-suggested edit
judged by the check digits (repair.py), then a second look at another crop size. The first
candidate with every field confirmed wins, and the search also stops at the first band read whole
(every check digit passing: the other way up and other bands cannot do better); otherwise the one
with the fewest fields to check is returned so the clerk sees what to check. Any failure inside
OCR or parsing is a ScanError.
Raw MRZ text (an old Dutch passport's holds the BSN) exists only in this module's local values
(OCR lines, ``Reading``) and is never logged or returned: callers get a ScanResult without it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from PIL import Image, ImageFilter

from dor_desktop.idscan import errors
from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.glyph_check import LineScores
from dor_desktop.idscan.guards import (  # noqa: F401  (GLYPH_DOUBT, LOW_CONFIDENCE: re-exported)
    GLYPH_DOUBT,
    GLYPH_UNMEASURED,
    LOW_CONFIDENCE,
    LOW_RESOLUTION,
    MISALIGNED_LINES,
    WRONG_LINE_LENGTH,
    run_guards,
)
from dor_desktop.idscan.image_loading import load_image
from dor_desktop.idscan.layout import DATE_SPANS, UNCHECKED_SPANS
from dor_desktop.idscan.mrz_locate import (
    FINDER_WIDTHS,
    Crop,
    MrzBox,
    find_boxes,
    likely_upside_down,
    same_band,
    straighten,
)
from dor_desktop.idscan.mrz_parse import MrzFormatError, normalise_lines, parse_mrz_text
from dor_desktop.idscan.ocr import OcrLine, recognise_lines
from dor_desktop.idscan.repair import single_edits
from dor_desktop.idscan.result import FIELD_NAMES, ScanResult
from dor_desktop.idscan.trust import DEFAULT_MINIMUM_AGE, MOSTLY_FAILED, assess

_log = logging.getLogger(__name__)

#: Width of the second look at a band whose first read failed a check (see _read_band).
SECOND_CROP_WIDTH = 1400
#: Size of the minimum filter that thickens the strokes for the third look (see _bolder).
BOLDER_FILTER = 3
#: At most this many single edits are tried on a failed read (a garbage band can suggest many).
MAX_REPAIRS = 200


@dataclass(frozen=True)
class LocatedScan:
    """A result plus where its MRZ sits in the image (what the masked copy needs)."""

    result: ScanResult
    box: MrzBox  # the MRZ text's extent; its direction runs along the text, upright
    line_count: int


def read_id(
    source: bytes | str | Path, *, today: date | None = None, minimum_age: int = DEFAULT_MINIMUM_AGE
) -> ScanResult:
    """Read an ID document's MRZ from an image file path or its bytes.

    Raises ScanError with reason_code "bad_image", "no_mrz" or "unreadable", and nothing else:
    an OCR or parsing failure on a strange image is a refusal, never a crash. A returned result
    may still ask the clerk to check fields (``.fields_to_check``, ``.problems``): check ``.ok``.
    ``minimum_age`` is the shop's minimum seller age: a birth date making the holder younger is
    doubted, with the other century offered.
    """
    return read_image(load_image(source), today=today, minimum_age=minimum_age).result


def read_image(
    image: Image.Image, *, today: date | None = None, minimum_age: int = DEFAULT_MINIMUM_AGE
) -> LocatedScan:
    """Locate and read the MRZ of an already loaded, upright RGB image (never raises but ScanError)."""
    context = ReadContext(today or date.today(), minimum_age)
    try:
        return _read_gray(image.convert("L"), context)
    except ScanError:
        raise
    except Exception as error:  # noqa: BLE001 - the promise is: a refusal, never a traceback
        # Only the exception's type is kept: its message could quote OCR text (a BSN).
        _log.warning("scan failed inside the OCR pipeline: %s", type(error).__name__)
        raise ScanError(
            errors.UNREADABLE, "the machine-readable zone could not be read (the OCR failed on this image)"
        ) from None


@dataclass(frozen=True)
class ReadContext:
    """What judging a read needs besides the image: the day, and the youngest plausible holder."""

    today: date
    minimum_age: int


def _read_gray(gray: Image.Image, context: ReadContext) -> LocatedScan:
    """Try candidate bands from a coarse to a fine finder until one read is fully confirmed.

    When no band is found at all, the page is tried once more turned a quarter: the band finder
    copes with most angles, but a page on its side is where a counter scanner fails it most.
    """
    search = _BandSearch(context)
    for finder_width in FINDER_WIDTHS:
        if search.try_boxes(gray, find_boxes(gray, finder_width)):
            break
    if search.best is None and not search.saw_mrz_text:
        turned = gray.transpose(Image.Transpose.ROTATE_90)
        for finder_width in FINDER_WIDTHS[1:]:
            if search.try_boxes(turned, find_boxes(turned, finder_width)):
                break
        if search.best is not None:
            return _unturned(search.best, gray.width)
    if search.best is None:
        if search.saw_mrz_text:
            raise ScanError(errors.UNREADABLE, "a machine-readable zone was found but could not be read")
        raise ScanError(errors.NO_MRZ, "no machine-readable zone (MRZ) found in the image")
    return search.best


def _unturned(located: LocatedScan, width: int) -> LocatedScan:
    """``located`` found on the page turned a quarter counter-clockwise, in the page's pixels."""
    box = located.box
    u, v = box.center
    du, dv = box.direction
    original = replace(box, center=(width - 1 - v, u), direction=(-dv, du))
    return replace(located, box=original)


@dataclass
class _BandSearch:
    """The best read so far over every candidate band tried (each band read once)."""

    context: ReadContext
    best: LocatedScan | None = None
    saw_mrz_text: bool = False
    tried: list[MrzBox] = field(default_factory=list)

    def try_boxes(self, gray: Image.Image, boxes: list[MrzBox]) -> bool:
        """Read each new band both ways up; True as soon as one read is fully confirmed."""
        for box in boxes:
            if any(same_band(box, earlier) for earlier in self.tried):
                continue
            self.tried.append(box)
            first = likely_upside_down(gray, box)
            for upside_down in (first, not first):
                located, mrz_like = _read_band(gray, box, upside_down, self.context)
                self.saw_mrz_text = self.saw_mrz_text or mrz_like
                if located is None:
                    continue
                if self.best is None or _doubt(located.result) < _doubt(self.best.result):
                    self.best = located
                if located.result.ok or _settled(located.result):
                    return True
        return False


def _settled(result: ScanResult) -> bool:
    """The whole MRZ was read in this band: right line lengths, aligned, every check digit passed.

    Then this band is the MRZ and upright, so neither the other way up nor another band (other
    text, or the same lines cut a little differently: what this band's other looks already try)
    can do better; escalating further only cost time (issue 12: 0.47 s median).
    """
    if result.composite_check_ok is False or {WRONG_LINE_LENGTH, MISALIGNED_LINES, MOSTLY_FAILED} & set(
        result.problems
    ):
        return False
    checked = [getattr(result, name) for name in FIELD_NAMES]
    return all(field.check_ok is not False for field in checked) and any(field.trusted for field in checked)


def _repairable(result: ScanResult) -> bool:
    """A read one edit could turn into a confirmed one: not ok, but not garbage or too small."""
    return not result.ok and not _only_the_print(result) and MOSTLY_FAILED not in result.problems


def _improvable(result: ScanResult) -> bool:
    return not result.ok and not _only_the_print(result)


def _only_the_print(result: ScanResult) -> bool:
    """All that is wrong is the print itself (too small, or unlike the OCR-B glyphs): no other band,
    crop or single edit of this image can do better."""
    return bool(result.problems) and set(result.problems) <= {LOW_RESOLUTION, GLYPH_UNMEASURED}


def _doubt(result: ScanResult) -> tuple[int, int]:
    """How much of a read the clerk must check (smaller is better)."""
    return len(result.fields_to_check), len(result.problems)


def _read_band(
    gray: Image.Image, box: MrzBox, upside_down: bool, context: ReadContext
) -> tuple[LocatedScan | None, bool]:
    """OCR and parse one candidate band; also tell whether the text looked like MRZ at all.

    A read that fails its checks gets more chances: the model's own second readings, one edit
    at a time, with the check digits and glyphs as judges (see repair.py); a second crop at
    another size, since the model's mistakes depend on scale; and one with bolder strokes.
    """
    crop = straighten(gray, box, upside_down)
    reading, mrz_like = _read_crop(crop, context)
    for another_look in (_larger, _bolder):
        if (reading is None and not mrz_like) or (reading is not None and not _improvable(reading.result)):
            break  # only MRZ-like text (an upside-down band's garbage is not) that failed a check
        second = another_look(gray, box, upside_down)
        retry, _ = _read_crop(second, context)
        if retry is not None and (reading is None or _doubt(retry.result) < _doubt(reading.result)):
            crop, reading = second, retry
    if reading is None:
        return None, mrz_like
    return LocatedScan(reading.result, _text_box(crop, reading.lines), len(reading.lines)), True


def _larger(gray: Image.Image, box: MrzBox, upside_down: bool) -> Crop:
    """The band cut larger: the model's mistakes depend on scale."""
    return straighten(gray, box, upside_down, SECOND_CROP_WIDTH)


def _bolder(gray: Image.Image, box: MrzBox, upside_down: bool) -> Crop:
    """The band with its strokes thickened: thin, sharp print (a light laser or "sharp" OCR-B)
    makes the model read fillers at a line's end as digits."""
    crop = straighten(gray, box, upside_down)
    return replace(crop, image=crop.image.filter(ImageFilter.MinFilter(BOLDER_FILTER)))


def _read_crop(crop: Crop, context: ReadContext) -> tuple[Reading | None, bool]:
    """OCR one straightened crop, then evaluate (and if needed repair) what was read."""
    lines = [line for line in recognise_lines(crop.image) if normalise_lines(line.text)]
    text = "\n".join(line.text for line in lines)
    mrz_like = "<<" in text or any(line.text.startswith("D1NLD") for line in lines)
    reading = evaluate(crop, lines, context)
    if mrz_like and (reading is None or _repairable(reading.result)):
        reading = _repaired(crop, lines, context) or reading
    return reading, mrz_like


@dataclass(frozen=True)
class Reading:
    """A parsed result and the OCR lines it was parsed from."""

    result: ScanResult
    lines: list[OcrLine]


def evaluate(crop: Crop, lines: list[OcrLine], context: ReadContext) -> Reading | None:
    """Parse ``lines`` and run every guard for what check digits cannot see, whatever else failed;
    then mark each field confirmed or to be checked (trust.py)."""
    try:
        result = parse_mrz_text("\n".join(line.text for line in lines), today=context.today)
    except MrzFormatError:
        return None
    findings = run_guards(crop.image, crop.zoom, result.mrz_format, lines, proven_positions(result, lines))
    return Reading(assess(result, findings, today=context.today, minimum_age=context.minimum_age), lines)


def proven_positions(result: ScanResult, lines: list[OcrLine]) -> list[tuple[int, int]]:
    """(line, position) of the date characters a passing check digit proved right."""
    spans = DATE_SPANS.get(result.mrz_format, {})
    if not spans or len(lines) != len(UNCHECKED_SPANS[result.mrz_format]):
        return []
    return [
        (line, position)
        for name, (line, start, end) in spans.items()
        if getattr(result, name).trusted
        for position in range(start, end)
    ]


def _repaired(crop: Crop, lines: list[OcrLine], context: ReadContext) -> Reading | None:
    """The one model-suggested single edit that makes the read pass everything, if exactly one does.

    The guards (the slow part) run only on a candidate whose text already passes every check.
    """
    passing: dict[ScanResult, Reading] = {}
    for tried, candidate in enumerate(single_edits(lines, LineScores(crop.image))):
        if tried >= MAX_REPAIRS:
            break
        try:
            parsed = parse_mrz_text("\n".join(line.text for line in candidate), today=context.today)
        except MrzFormatError:
            continue
        if parsed.problems:
            continue
        reading = evaluate(crop, candidate, context)
        if reading is not None and reading.result.ok:
            passing[reading.result] = reading
            if len(passing) > 1:
                return None
    return next(iter(passing.values()), None)


def _text_box(crop: Crop, lines: list[OcrLine]) -> MrzBox:
    """The MRZ's exact extent from tesseract's line boxes: the masked copy aims with it."""
    left = min(line.box[0] for line in lines)
    top = min(line.box[1] for line in lines)
    right = max(line.box[2] for line in lines)
    bottom = max(line.box[3] for line in lines)
    return crop.box_for(left, top, right, bottom)
