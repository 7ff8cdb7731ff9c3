"""The reader's guards for what check digits cannot see, reported per field.

Every guard runs on every read, whatever else failed (issue 12: a card whose nationality was
rightly doubted had its names vouched for because the glyph check was skipped). Each guard names
the character positions it doubts; ``field_doubts`` turns positions into the fields they belong
to, so the clerk is asked to check exactly those fields.

Guards: OCR confidence on characters no check digit fully protects; line lengths; the lines'
alignment (a lost first character); the OCR-B glyph check; and the print resolution, below which
the glyph check itself is not reliable enough to vouch for a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from PIL import Image

from dor_desktop.idscan.glyph_check import LineScores
from dor_desktop.idscan.layout import DATE_SPANS, FIELD_SPANS, LINE_LENGTHS, UNCHECKED_SPANS
from dor_desktop.idscan.ocr import OcrLine

#: Below this OCR confidence (0-100) on a character no check digit protects, the clerk is asked to
#: check the field. The model's confidence is a weak guard (it reads N as M at 99%), so the glyph
#: check is the main one; this floor only catches what the model itself found hard. 80 lies below
#: every right character's confidence in 600 development scans (seeds 11 and 13).
CONFIDENCE_FLOOR = 80.0
#: Below this many pixels per character in the original image, a name is never confirmed: the
#: glyph check's margin between a right and a wrong letter shrinks with the resolution (TWENTY
#: read as TWENIY at ~6 px per character passed it). Measured on 300 development scans with this
#: rule off (bench/RESULTS_idscan.md, bench/idscan_resolution_sweep.py): of the names the other
#: guards confirmed, 7 of 66 were wrong at 6 px, 1 of 127 at 7 px, 0 of 126 at 8 px and 0 of
#: 205 at 9-12 px, without glare. With glare and blur one wrong name passed at 8.4 px (JGNA read
#: as JGMA), so the line is drawn at 10 px, above every wrong name seen.
RELIABLE_NAME_PITCH_PX = 10.0
#: The glyph check vouches for letters only on a print where it is measured to tell glyphs apart:
#: on the digits a passing check digit proves right, the right glyph must beat the best other one
#: by this much (median normalised correlation). Regular OCR-B prints score 0.11-0.25; bold,
#: condensed prints, where the glyph check let O-as-D and 6-as-G through (issue 12), mostly
#: 0.0-0.10 (up to 0.11). Measured on development scenes (bench/RESULTS_idscan.md).
PROVEN_GLYPH_MARGIN = 0.10
#: Fewest proven digits the measurement needs (one date and its check digit).
MIN_PROVEN_DIGITS = 7

WRONG_LINE_LENGTH = "an MRZ line was read with characters missing or extra; check the fields"
MISALIGNED_LINES = "the MRZ lines do not line up: characters may be missing at a line's start or end"
LOW_CONFIDENCE = "some characters (names, codes or document number) were read with low confidence; check them"
GLYPH_DOUBT = "a character in the names, codes or document number looks like another letter; check them"
LOW_RESOLUTION = "the MRZ is printed too small in this image to vouch for the names; check them"
GLYPH_UNMEASURED = (
    "the print differs too much from the OCR-B glyphs (or no date proved them) to vouch for the "
    "names, codes and document number; check them"
)

#: Per-field reasons (ScanField.doubt).
REASON_LENGTH = "a line was read with characters missing or extra"
REASON_ALIGNMENT = "the lines do not line up"
REASON_CONFIDENCE = "read with low confidence"
REASON_GLYPH = "a character looks like another letter"
REASON_RESOLUTION = "too few pixels per character to vouch for it"
REASON_GLYPH_UNMEASURED = "the letter check is not reliable on this print"
#: Pseudo-field for every field at once (the lines do not map onto the layout).
ALL_FIELDS = "*"
NAMES = "names"


@dataclass
class GuardFindings:
    """What the guards found on one read: problems for the whole scan, reasons per field.

    Field keys are ScanResult field names plus "document_code" and ALL_FIELDS; "names" is
    already split into "family_name" and "given_names".
    """

    problems: list[str] = field(default_factory=list)
    doubts: dict[str, list[str]] = field(default_factory=dict)

    def add(self, problem: str, reason: str, fields: Iterable[str]) -> None:
        names = list(fields)
        if not names:
            return
        if problem not in self.problems:
            self.problems.append(problem)
        for name in names:
            reasons = self.doubts.setdefault(name, [])
            if reason not in reasons:
                reasons.append(reason)


def run_guards(
    image: Image.Image,
    zoom: float,
    mrz_format: str,
    lines: list[OcrLine],
    proven: list[tuple[int, int]] | None = None,
) -> GuardFindings:
    """Run every guard on ``lines`` read from ``image`` (a crop ``zoom`` times the original).

    ``proven``: (line, position) of characters a passing check digit proved right (the dates);
    with it, the glyph check vouches for letters only where it measurably tells these apart.
    """
    findings = GuardFindings()
    glyphs = LineScores(image)  # each line's cells scored once, for every guard below
    spans = UNCHECKED_SPANS[mrz_format]
    mapped = len(lines) == len(spans)
    if any(len(line.text) != LINE_LENGTHS[mrz_format] for line in lines):
        findings.add(WRONG_LINE_LENGTH, REASON_LENGTH, [ALL_FIELDS])
    if not lines_aligned(lines):
        findings.add(MISALIGNED_LINES, REASON_ALIGNMENT, [ALL_FIELDS])
    for index, line in enumerate(lines):
        wanted = (
            [p for start, end in spans[index] for p in range(start, end)] if mapped else range(len(line.text))
        )
        wanted = [p for p in wanted if p < len(line.text)]
        weak = [p for p in wanted if line.confidences[p] < CONFIDENCE_FLOOR]
        findings.add(LOW_CONFIDENCE, REASON_CONFIDENCE, field_doubts(mrz_format, lines, index, weak, mapped))
        doubtful = glyphs.doubtful(line, wanted)
        findings.add(GLYPH_DOUBT, REASON_GLYPH, field_doubts(mrz_format, lines, index, doubtful, mapped))
    if proven is not None and mrz_format in DATE_SPANS and not glyph_check_measured(glyphs, lines, proven):
        letter_fields = [name for name in FIELD_SPANS[mrz_format] if name != "document_code"]
        findings.add(GLYPH_UNMEASURED, REASON_GLYPH_UNMEASURED, _split_names(letter_fields))
    pitch = pixels_per_character(lines, zoom)
    if mrz_format in FIELD_SPANS and NAMES in FIELD_SPANS[mrz_format] and pitch < RELIABLE_NAME_PITCH_PX:
        findings.add(LOW_RESOLUTION, REASON_RESOLUTION, ["family_name", "given_names"])
    return findings


def glyph_check_measured(glyphs: LineScores, lines: list[OcrLine], proven: list[tuple[int, int]]) -> bool:
    """Whether the glyph check tells glyphs apart on this print, judged on characters known to be
    right: the median margin of their glyph over the best other one (see PROVEN_GLYPH_MARGIN)."""
    margins = []
    for index, line in enumerate(lines):
        positions = [p for i, p in proven if i == index and p < len(line.text)]
        margins += glyphs.margins(line, positions)
    return len(margins) >= MIN_PROVEN_DIGITS and median(margins) >= PROVEN_GLYPH_MARGIN


def _split_names(fields: list[str]) -> list[str]:
    return [
        part for name in fields for part in (("family_name", "given_names") if name == NAMES else (name,))
    ]


def field_doubts(
    mrz_format: str, lines: list[OcrLine], index: int, positions: list[int], mapped: bool
) -> set[str]:
    """The fields the doubted ``positions`` of line ``index`` belong to (every field when the lines
    do not map onto the layout's lines)."""
    if not positions:
        return set()
    if not mapped:
        return {ALL_FIELDS}
    fields: set[str] = set()
    text = lines[index].text
    for name, (line_index, start, end) in FIELD_SPANS[mrz_format].items():
        inside = [p for p in positions if line_index == index and start <= p < end]
        if not inside:
            continue
        if name != NAMES:
            fields.add(name)
            continue
        split = text.find("<<", start, end)
        for position in inside:
            if split < 0 or position >= split:
                fields.add("given_names")
            if split < 0 or position < split + 2:
                fields.add("family_name")
    return fields


def pixels_per_character(lines: list[OcrLine], zoom: float) -> float:
    """The character pitch in the original image's pixels (the crop is ``zoom`` times larger)."""
    pitches = [(line.box[2] - line.box[0]) / len(line.text) for line in lines if line.text]
    return median(pitches) / zoom if pitches and zoom > 0 else 0.0


def lines_aligned(lines: list[OcrLine]) -> bool:
    """MRZ lines start and end at the same place; a line that does not has lost characters
    (a name missing its first letter would otherwise pass every check)."""
    if len(lines) < 2:
        return True
    pitch = min((line.box[2] - line.box[0]) / max(1, len(line.text)) for line in lines)
    lefts = [line.box[0] for line in lines]
    rights = [line.box[2] for line in lines]
    return max(lefts) - min(lefts) < 0.6 * pitch and max(rights) - min(rights) < 0.6 * pitch
