"""The masked copy: OCR'd again, neither the BSN nor the MRZ optional data can be read back."""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pytest
from PIL import Image

from dor_desktop.idscan import synthetic, synthetic_scenes
from dor_desktop.idscan.masking import masked_copy
from dor_desktop.idscan.mrz_locate import FINDER_WIDTHS, find_boxes, straighten
from dor_desktop.idscan.ocr import recognise_lines, recognise_words
from tests.idscan.conftest import TODAY

pytestmark = pytest.mark.usefixtures("warm_reader")
SPECIMEN_BSN = "999999990"


def _all_digits_read(image: Image.Image) -> str:
    """Everything OCR can still read: the page as sparse words, and every MRZ-like band upright
    and upside down, reduced to digits (a BSN hides among digits, whatever the separators)."""
    gray = image.convert("L")
    texts = [text for text, _ in recognise_words(gray)]
    for box in find_boxes(gray, FINDER_WIDTHS[0]):
        for upside_down in (False, True):
            texts += [line.text for line in recognise_lines(straighten(gray, box, upside_down).image)]
    return "\n".join("".join(c for c in text if c.isdigit()) for text in texts)


@pytest.fixture(scope="module")
def masked_passport(specimen_passport_scan: bytes) -> Image.Image:
    return masked_copy(specimen_passport_scan, shop="Goud & Zilver Centrum", today=TODAY)


@pytest.fixture(scope="module")
def masked_id_card(specimen_id_card_scan: bytes) -> Image.Image:
    return masked_copy(specimen_id_card_scan, shop="Pandjeshuis De Zwaan", today=TODAY)


def test_the_unmasked_scan_does_show_the_bsn(specimen_passport_scan: bytes) -> None:
    """Guards the tests below: OCR can find the BSN when nothing is masked."""
    from dor_desktop.idscan.image_loading import load_image

    assert SPECIMEN_BSN in _all_digits_read(load_image(specimen_passport_scan)).replace("\n", "")


def test_masked_passport_shows_no_bsn(masked_passport: Image.Image) -> None:
    assert SPECIMEN_BSN not in _all_digits_read(masked_passport).replace("\n", "")


@pytest.mark.slow
def test_masked_id_card_shows_no_bsn(masked_id_card: Image.Image) -> None:
    assert SPECIMEN_BSN not in _all_digits_read(masked_id_card).replace("\n", "")


def test_masked_copy_blacks_out_the_photo(masked_passport: Image.Image) -> None:
    pixels = np.asarray(masked_passport.convert("L"))
    black_share = float((pixels < 20).mean())
    assert black_share > 0.1  # photo, printed data and MRZ optional data: a large black area


def test_watermark_names_recipient_purpose_and_date_in_red(masked_passport: Image.Image) -> None:
    pixels = np.asarray(masked_passport).astype(int)
    reddish = (pixels[..., 0] - pixels[..., 1] > 60) & (pixels[..., 0] - pixels[..., 2] > 60)
    assert reddish.mean() > 0.02  # the watermark runs across the whole image
    rows_with_mark = reddish.any(axis=1).mean()
    assert rows_with_mark > 0.8


@pytest.mark.parametrize("layout", ["MRVA", "MRVB"])
def test_a_visa_gets_a_masked_copy_without_its_optional_data(layout: str) -> None:
    """Visas are their own layouts now: the masked copy must know their size and optional data."""
    spec = synthetic.IdSpec(
        mrz_format=layout,
        document_code="V<",
        issuing_country="NLD",
        document_number="XB1234567",
        family_name="JANSEN",
        given_names="ANNA",
        date_of_birth=date(1980, 1, 2),
        sex="F",
        nationality="NLD",
        expiry=date(2030, 1, 2),
    )
    scan = synthetic_scenes.make_scene_scan(
        spec, synthetic_scenes.Look(), synthetic_scenes.Scene(px_per_char=20), seed=1
    )
    masked = masked_copy(scan, shop="Test", today=TODAY)
    assert masked.size == Image.open(io.BytesIO(scan)).size
    assert "1234567" in _all_digits_read(masked)  # the document number stays readable
