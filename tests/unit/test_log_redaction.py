"""The log file never carries a BSN or an MRZ line, however the message reaches the logger."""

from __future__ import annotations

import logging

import pytest

from dor_desktop.config.logs import redact, setup_logging

SPECIMEN_BSN = "999999990"
# Line 2 of the public specimen passport's MRZ (TD3), with the BSN in the personal-number field.
MRZ_LINE = "SPECI20142NLD6503101F2403096999999990<<<<<84"


@pytest.fixture
def log_file(tmp_path):
    """setup_logging() into tmp_path; the root logger's handlers and level are restored afterwards."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = setup_logging(tmp_path / "logs")
    yield path
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_redact_replaces_bsns_in_both_spellings_and_mrz_lines():
    text = f"doc {SPECIMEN_BSN} and 9999.99.990, mrz {MRZ_LINE}, order 123456789"
    cleaned = redact(text)
    assert SPECIMEN_BSN not in cleaned and "9999.99.990" not in cleaned and "<<" not in cleaned
    assert cleaned.count("[BSN REDACTED]") == 2 and "[MRZ REDACTED]" in cleaned
    assert "123456789" in cleaned  # fails the 11-test: not a BSN, kept


def test_the_log_file_gets_redacted_messages_arguments_and_tracebacks(log_file):
    log = logging.getLogger("dor_desktop.test")
    log.info("typed number %s", SPECIMEN_BSN)
    log.warning("scanned %s", MRZ_LINE)
    log.error(f"formatted in the message: {SPECIMEN_BSN}")
    try:
        raise ValueError(f"bad document number {SPECIMEN_BSN}")
    except ValueError:
        log.exception("while saving")
    logging.getLogger().handlers[-1].flush()
    content = log_file.read_text(encoding="utf-8")
    assert SPECIMEN_BSN not in content
    assert MRZ_LINE not in content
    assert content.count("[BSN REDACTED]") >= 2 and "[MRZ REDACTED]" in content
    # The exception's own message can hold any value: only its type and frames are written.
    assert "ValueError: (message withheld" in content
    assert "in test_the_log_file_gets_redacted_messages_arguments_and_tracebacks" in content


def test_document_numbers_are_redacted_but_register_numbers_and_plain_words_are_kept():
    cleaned = redact("read NW7K3P2Q8 and SPECI2014 for K1-000001 in SQLITE_BUSY, version 3.45.1")
    assert "NW7K3P2Q8" not in cleaned and "SPECI2014" not in cleaned
    assert cleaned.count("[NUMBER REDACTED]") == 2
    assert "K1-000001" in cleaned and "SQLITE_BUSY" in cleaned and "3.45.1" in cleaned
