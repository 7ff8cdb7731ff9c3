"""The reader's guards and per-field trust for what check digits cannot see (no OCR)."""

from __future__ import annotations

from datetime import date

from PIL import Image

from dor_desktop.idscan.guards import (
    GLYPH_DOUBT,
    GLYPH_UNMEASURED,
    LOW_RESOLUTION,
    REASON_GLYPH,
    REASON_GLYPH_UNMEASURED,
    REASON_RESOLUTION,
    RELIABLE_NAME_PITCH_PX,
    GuardFindings,
    field_doubts,
    lines_aligned,
    run_guards,
)
from dor_desktop.idscan.mrz_parse import parse_mrz_text
from dor_desktop.idscan.ocr import OcrLine
from dor_desktop.idscan.result import CHECK, CONFIRMED, FIELD_NAMES
from dor_desktop.idscan.trust import (
    IMPLAUSIBLE_BIRTH,
    MISREAD_ELSEWHERE,
    MOSTLY_FAILED,
    REASON_MISREAD_ELSEWHERE,
    assess,
    century_doubt,
)

LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
TODAY = date(2026, 1, 1)


def _line(text: str, left: int, confidences: list[float] | None = None) -> OcrLine:
    return OcrLine(text, tuple(confidences or [99.0] * len(text)), (left, 0, left + 20 * len(text), 30))


def test_left_aligned_lines_pass() -> None:
    assert lines_aligned([_line(LINE1, 10), _line(LINE2, 12)])


def test_a_line_missing_its_first_character_is_caught() -> None:
    # TD1 name line read as "UBOIS<<..." instead of "DUBOIS<<...": it starts a pitch later.
    assert not lines_aligned([_line(LINE1, 10), _line(LINE2[1:], 30)])


def test_a_doubt_in_the_family_name_marks_only_the_family_name() -> None:
    lines = [_line(LINE1, 0), _line(LINE2, 0)]
    assert field_doubts("TD3", lines, 0, [7], mapped=True) == {"family_name"}
    assert field_doubts("TD3", lines, 0, [17], mapped=True) == {"given_names"}
    assert field_doubts("TD3", lines, 1, [11], mapped=True) == {"nationality"}
    assert field_doubts("TD3", lines, 1, [15], mapped=True) == set()  # a date: its check digit decides


def test_unmapped_lines_doubt_every_field() -> None:
    lines = [_line(LINE1, 0), _line(LINE2, 0), _line(LINE2, 0)]
    assert field_doubts("TD3", lines, 0, [7], mapped=False) == {"*"}


def test_guards_run_on_every_read_and_low_confidence_marks_the_name() -> None:
    """A read whose nationality the text already doubts still gets its names judged."""
    confidences = [99.0] * len(LINE1)
    confidences[7] = 60.0  # a letter of the family name
    lines = [_line(LINE1, 0, confidences), _line(LINE2.replace("6UTO7", "6QQQ7"), 0)]
    parsed = parse_mrz_text("\n".join(line.text for line in lines), today=TODAY)
    assert parsed.nationality.status == CHECK
    findings = run_guards(Image.new("L", (900, 80), 255), 2.0, "TD3", lines)
    result = assess(parsed, findings, today=TODAY, minimum_age=12)
    assert result.family_name.status == CHECK and "low confidence" in result.family_name.doubt
    assert "family_name" in result.fields_to_check and not result.ok


def test_names_below_the_reliable_resolution_are_never_confirmed() -> None:
    lines = [_line(LINE1, 0), _line(LINE2, 0)]  # 20 px per character in the crop
    zoom = 20 / (RELIABLE_NAME_PITCH_PX - 1)
    findings = run_guards(Image.new("L", (900, 80), 255), zoom, "TD3", lines)
    assert LOW_RESOLUTION in findings.problems
    assert set(findings.doubts) >= {"family_name", "given_names"}
    sharp = run_guards(Image.new("L", (900, 80), 255), 20 / (RELIABLE_NAME_PITCH_PX + 1), "TD3", lines)
    assert LOW_RESOLUTION not in sharp.problems


def test_a_birth_making_a_child_of_the_holder_offers_the_other_century() -> None:
    # The case: birth 110101 on a passport that expired in 2012; the holder was born in 1911.
    reason, alternatives = century_doubt(date(2011, 1, 1), date(2012, 4, 15), TODAY, minimum_age=12)
    assert reason == "the holder would be 1 when the document expires" and alternatives == ("1911-01-01",)
    reason, alternatives = century_doubt(date(2017, 1, 1), date(2030, 4, 15), TODAY, minimum_age=12)
    assert reason == "the holder would be 9 years old (minimum 12)" and alternatives == ("1917-01-01",)
    assert century_doubt(date(1974, 8, 12), date(2012, 4, 15), TODAY, minimum_age=12) is None


def test_the_shops_minimum_age_is_applied() -> None:
    assert century_doubt(date(2010, 6, 1), date(2030, 1, 1), TODAY, minimum_age=18) is not None
    assert century_doubt(date(2010, 6, 1), date(2030, 1, 1), TODAY, minimum_age=12) is None


def test_an_implausible_birth_is_a_field_to_check_with_the_alternative() -> None:
    line2 = "L898902C36UTO1101018F1204159ZE184226B<<<<<18"
    parsed = parse_mrz_text(LINE1 + "\n" + line2, today=TODAY)
    assert parsed.date_of_birth.value == "2011-01-01" and parsed.date_of_birth.status == CONFIRMED
    lines = [_line(LINE1, 0), _line(line2, 0)]
    result = assess(
        parsed, run_guards(Image.new("L", (900, 80), 255), 1.0, "TD3", lines), today=TODAY, minimum_age=12
    )
    assert result.date_of_birth.status == CHECK
    assert result.date_of_birth.alternatives == ("1911-01-01",)
    assert IMPLAUSIBLE_BIRTH in result.problems and not result.ok


def test_a_mostly_failed_read_vouches_for_no_field() -> None:
    """A check digit passes by chance one time in ten: in a garbage read that is not evidence."""
    garbled = LINE1.replace("P<UTO", "P<UTQ") + "\n" + LINE2.replace("6UTO7408122", "6QQQ7408123")
    parsed = parse_mrz_text(garbled, today=TODAY)
    result = assess(parsed, GuardFindings(), today=TODAY, minimum_age=12)
    assert MOSTLY_FAILED in result.problems
    assert result.family_name.to_check and result.family_name.doubt == MOSTLY_FAILED
    assert not any(getattr(result, name).confirmed for name in FIELD_NAMES)


def _clean_read():
    return parse_mrz_text(LINE1 + "\n" + LINE2, today=TODAY)


def test_a_misread_elsewhere_takes_away_the_check_digits_vouching() -> None:
    """Two digit errors can cancel in a check digit (860306 read as 800304 passed): in a read that
    misread a name, the dates and the document number are no longer confirmed by their digit alone."""
    findings = GuardFindings()
    findings.add(GLYPH_DOUBT, REASON_GLYPH, ["nationality"])
    result = assess(_clean_read(), findings, today=TODAY, minimum_age=12)
    for name in ("date_of_birth", "expiry_date", "document_number"):
        assert getattr(result, name).doubt == REASON_MISREAD_ELSEWHERE, name
    assert MISREAD_ELSEWHERE in result.problems
    # A print merely too small for names is no misread: the dates keep their check digit's word.
    small = GuardFindings()
    small.add(LOW_RESOLUTION, REASON_RESOLUTION, ["family_name", "given_names"])
    assert assess(_clean_read(), small, today=TODAY, minimum_age=12).date_of_birth.confirmed


def test_a_print_the_glyph_check_cannot_measure_doubts_letters_but_is_no_garbage() -> None:
    findings = GuardFindings()
    letters = ["issuing_country", "document_number", "family_name", "given_names", "sex", "nationality"]
    findings.add(GLYPH_UNMEASURED, REASON_GLYPH_UNMEASURED, letters)
    result = assess(_clean_read(), findings, today=TODAY, minimum_age=12)
    assert all(getattr(result, name).to_check for name in letters)
    # Six of eight fields doubted, but none misread: the dates stay confirmed, no "mostly failed".
    assert MOSTLY_FAILED not in result.problems and MISREAD_ELSEWHERE not in result.problems
    assert result.date_of_birth.confirmed and result.expiry_date.confirmed


def test_the_glyph_check_is_measured_on_the_proven_digits_of_the_image() -> None:
    """A blank image fits every glyph alike (margin 0): the letters cannot be vouched for."""
    lines = [_line(LINE1, 0), _line(LINE2, 0)]
    proven = [(1, position) for position in range(13, 28)]
    findings = run_guards(Image.new("L", (900, 80), 255), 2.0, "TD3", lines, proven)
    assert GLYPH_UNMEASURED in findings.problems
    assert REASON_GLYPH_UNMEASURED in findings.doubts["family_name"]
    # Without proven digits passed in (the driving licence, old callers), nothing is measured.
    assert GLYPH_UNMEASURED not in run_guards(Image.new("L", (900, 80), 255), 2.0, "TD3", lines).problems
