"""Log redaction: nothing MRZ-like and no BSN reaches a log line."""

from __future__ import annotations

from dor_desktop.idscan.bsn_guard import OPTIONAL_SPANS, REDACTED_BSN, REDACTED_MRZ, redact_mrz

PASSPORT_LINE2 = "SPECI20142NLD6503101F2403096999999990<<<<<84"


def test_mrz_line_is_redacted() -> None:
    message = f"OCR gave {PASSPORT_LINE2} for box 1"
    redacted = redact_mrz(message)
    assert "999999990" not in redacted
    assert "SPECI2014" not in redacted
    assert redacted == f"OCR gave {REDACTED_MRZ} for box 1"


def test_driving_licence_code_without_fillers_is_redacted() -> None:
    assert redact_mrz("read D1NLD15012345678SYNTHETIC00003") == f"read {REDACTED_MRZ}"


def test_mrz_fragment_with_fillers_is_redacted() -> None:
    assert "999999990" not in redact_mrz("partial: 999999990<<<<<84 seen")


def test_bare_bsn_is_redacted_in_both_spellings() -> None:
    redacted = redact_mrz("BSN 999999990 and 9999.99.990 on the page")
    assert redacted == f"BSN {REDACTED_BSN} and {REDACTED_BSN} on the page"


def test_ordinary_log_text_is_untouched() -> None:
    message = "scan took 0.21 s, TD3, 2 candidate boxes, exit code 0, receipt 123456"
    assert redact_mrz(message) == message


def test_optional_spans_cover_the_bsn_positions_of_the_dutch_specimens() -> None:
    line1_td1 = "I<NLDSPECI20212999999990<<<<<<"
    (line, start, end), _ = OPTIONAL_SPANS["TD1"]
    assert "999999990" in line1_td1[start:end] and line == 0
    ((line, start, end),) = OPTIONAL_SPANS["TD3"]
    assert line == 1 and "999999990" in PASSPORT_LINE2[start:end]
