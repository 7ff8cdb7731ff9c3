"""Let the check digits choose among the OCR model's own second readings.

When a read fails a check digit, the model often had the right character as a close second
(an O read as 0, with O scored just below), or it read one glyph twice (``P0OL`` for ``POL``).
This module proposes every single edit the model itself suggests:

- where a check digit covers the position: one character replaced by one of its alternatives, or
  O and 0 swapped when the glyph says so (in OCR-B they differ only in width, the model often has
  no second reading, and the check digit cannot tell which of two O/0 characters was wrong);
- where nothing but the glyphs can vouch (names, country codes, sex): one character replaced by
  the alternative that the OCR-B glyph check clearly prefers, so two independent opinions agree;
- one of two neighbouring characters dropped when each is the other's alternative (one glyph
  read twice).

The reader keeps a candidate only when it passes every check and guard, and only when exactly one
candidate does: the 7-3-1 check digit cannot tell apart characters whose values differ by a
multiple of ten (W and M, 0 and U), so two passing candidates mean "ask the clerk". At most one
edit per scan: more edits give the check digits too many chances to be fooled.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Protocol

from dor_desktop.idscan.layout import CHECKED_SPANS, LAYOUTS_BY_LINES
from dor_desktop.idscan.mrz_parse import as_letters
from dor_desktop.idscan.ocr import OcrLine


class GlyphJudge(Protocol):
    """The glyph check's opinions on one image (see glyph_check.py)."""

    def preferred(self, line: OcrLine, position: int) -> str | None:
        """The glyph that fits clearly better than the one read, or None."""

    def o_or_zero(self, line: OcrLine, position: int) -> str | None:
        """The letter O or the digit 0, by the glyph's width; None when unclear."""


def single_edits(lines: list[OcrLine], judge: GlyphJudge | None = None) -> Iterator[list[OcrLine]]:
    """Every line set that differs from ``lines`` by one suggested edit (see the module docstring).

    Without ``preferred_glyph``, positions no check digit covers are never changed.
    """
    for index, line in enumerate(lines):
        checked = _substitutable(line, index, len(lines))
        for edited in _line_edits(line, checked, judge):
            yield [*lines[:index], edited, *lines[index + 1 :]]


def _substitutable(line: OcrLine, index: int, line_count: int) -> set[int]:
    """Positions of ``line`` a check digit covers in any layout this line set could be."""
    positions: set[int] = set()
    for layout in LAYOUTS_BY_LINES.get(line_count, ()):
        for start, end in CHECKED_SPANS[layout][index]:
            positions.update(range(start, min(end, len(line.text))))
    return positions


def _line_edits(line: OcrLine, checked: set[int], judge: GlyphJudge | None) -> Iterator[OcrLine]:
    for position, alternatives in enumerate(line.alternatives):
        for alternative in _replacements(line, position, alternatives, checked, judge):
            yield _substitute(line, position, alternative)
        following = position + 1
        if following < len(line.text) and _same_glyph(line, position, following):
            yield _drop(line, position)
            yield _drop(line, following)


def _replacements(
    line: OcrLine,
    position: int,
    alternatives: tuple[str, ...],
    checked: set[int],
    judge: GlyphJudge | None,
) -> list[str]:
    read = line.text[position]
    if position in checked:
        if read in "O0" and judge is not None:
            glyph = judge.o_or_zero(line, position)
            if glyph is not None and glyph != read:
                return [glyph, *(alt for alt in alternatives if alt != glyph)]
        return list(alternatives)
    if not alternatives or judge is None:
        return []
    glyph = judge.preferred(line, position)
    if glyph is None:
        return []
    return [alt for alt in alternatives if as_letters(alt) == as_letters(glyph)][:1]


def _same_glyph(line: OcrLine, first: int, second: int) -> bool:
    """Two neighbours that are each other's alternative: one glyph the model emitted twice."""
    a, b = line.text[first], line.text[second]
    return a != b and b in line.alternatives[first] and a in line.alternatives[second]


def _substitute(line: OcrLine, position: int, char: str) -> OcrLine:
    text = line.text[:position] + char + line.text[position + 1 :]
    return replace(line, text=text)


def _drop(line: OcrLine, position: int) -> OcrLine:
    def without(values: tuple) -> tuple:
        return values[:position] + values[position + 1 :]

    return replace(
        line,
        text=line.text[:position] + line.text[position + 1 :],
        confidences=without(line.confidences),
        char_boxes=without(line.char_boxes),
        alternatives=without(line.alternatives),
    )
