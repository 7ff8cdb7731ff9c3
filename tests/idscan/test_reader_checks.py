"""The reader's own guards for what check digits cannot see (pure functions, no OCR)."""

from __future__ import annotations

from dor_desktop.idscan.ocr import OcrLine
from dor_desktop.idscan.reader import lines_aligned, weakest_unchecked_confidence

LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def _line(text: str, left: int, confidences: list[float] | None = None) -> OcrLine:
    return OcrLine(text, tuple(confidences or [99.0] * len(text)), (left, 0, left + 20 * len(text), 30))


def test_left_aligned_lines_pass() -> None:
    assert lines_aligned([_line(LINE1, 10), _line(LINE2, 12)])


def test_a_line_missing_its_first_character_is_caught() -> None:
    # TD1 name line read as "UBOIS<<..." instead of "DUBOIS<<...": it starts a pitch later.
    assert not lines_aligned([_line(LINE1, 10), _line(LINE2[1:], 30)])


def test_low_confidence_in_a_name_counts() -> None:
    confidences = [99.0] * len(LINE1)
    confidences[7] = 60.0  # a letter of the family name
    assert weakest_unchecked_confidence("TD3", [_line(LINE1, 0, confidences), _line(LINE2, 0)]) == 60.0


def test_low_confidence_in_a_date_does_not_count() -> None:
    confidences = [99.0] * len(LINE2)
    confidences[15] = 60.0  # inside the birth date, which its check digit protects
    assert weakest_unchecked_confidence("TD3", [_line(LINE1, 0), _line(LINE2, 0, confidences)]) == 99.0
