"""Shared, expensive things for the ID-scan tests: the loaded model and a few generated scans."""

from __future__ import annotations

from datetime import date

import pytest

from dor_desktop.idscan import ocr, synthetic

TODAY = date(2026, 1, 1)


@pytest.fixture(scope="session")
def warm_reader() -> None:
    """Load tesseract and the MRZ model once for the whole session (as the app does at start-up)."""
    ocr.warm_up()


@pytest.fixture(scope="session")
def specimen_passport_scan() -> bytes:
    """The Dutch specimen passport (BSN 999999990 printed and in the MRZ), scanned slightly crooked."""
    return synthetic.make_scan(
        synthetic.specimen_passport(), synthetic.Distortion(dpi=300, rotation=2.5), seed=1
    )


@pytest.fixture(scope="session")
def specimen_id_card_scan() -> bytes:
    """The specimen ID card, upside down, at 200 dpi with a busy background and some blur."""
    how = synthetic.Distortion(dpi=200, rotation=-2, upside_down=True, busy_background=True, blur=0.6)
    return synthetic.make_scan(synthetic.specimen_id_card(), how, seed=2)
