"""End to end with real tesseract and our trained model on generated scans."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dor_desktop.domain.enums import IdDocumentType
from dor_desktop.idscan import errors, reader, synthetic
from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.masking import masked_copy
from dor_desktop.idscan.ocr import text_of
from dor_desktop.idscan.reader import read_id
from dor_desktop.idscan.result import FIELD_NAMES
from tests.idscan.conftest import TODAY

pytestmark = pytest.mark.usefixtures("warm_reader")


def test_specimen_passport_is_read_without_its_bsn(specimen_passport_scan: bytes) -> None:
    result = read_id(specimen_passport_scan, today=TODAY)
    assert result.ok, result.problems
    assert result.document_type == IdDocumentType.PASSPORT
    assert result.document_number.value == "SPECI2014" and result.document_number.trusted
    assert (result.family_name.value, result.given_names.value) == ("DE BRUIJN", "WILLEKE LISELOTTE")
    assert (result.date_of_birth.value, result.sex.value) == ("1965-03-10", "F")
    assert result.issuing_country.value == result.nationality.value == "NLD"
    assert result.expired is True
    assert "999999990" not in repr(result)


@pytest.mark.slow
def test_upside_down_id_card_on_a_busy_background_is_read(specimen_id_card_scan: bytes) -> None:
    result = read_id(specimen_id_card_scan, today=TODAY)
    assert result.ok, result.problems
    assert (result.mrz_format, result.document_number.value) == ("TD1", "SPECI2021")
    assert result.expired is False
    assert "999999990" not in repr(result)


def test_td2_card_from_a_file_path(tmp_path: Path) -> None:
    spec = synthetic.random_spec(random.Random(5), "TD2")
    path = tmp_path / "td2.jpg"
    path.write_bytes(synthetic.make_scan(spec, synthetic.Distortion(dpi=300, rotation=-1.5), seed=3))
    result = read_id(str(path), today=TODAY)
    assert result.ok, result.problems
    assert result.mrz_format == "TD2"
    assert result.document_number.value == spec.document_number
    assert result.date_of_birth.value == spec.date_of_birth.isoformat()


def test_dutch_driving_licence_code_is_read() -> None:
    scan = synthetic.make_scan(synthetic.driving_licence("5012345678"), synthetic.Distortion(dpi=300), seed=4)
    result = read_id(scan, today=TODAY)
    assert result.ok, result.problems
    assert result.document_type == IdDocumentType.DRIVING_LICENCE
    assert result.document_number.value == "5012345678"


def test_image_without_an_mrz_is_refused_with_no_mrz() -> None:
    image = Image.new("RGB", (1200, 800), (230, 230, 220))
    draw = ImageDraw.Draw(image)
    rng = random.Random(1)
    for _ in range(30):
        x, y = rng.randint(0, 1100), rng.randint(0, 700)
        draw.ellipse(
            (x, y, x + rng.randint(20, 200), y + rng.randint(20, 200)), fill=(rng.randint(0, 255), 90, 90)
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with pytest.raises(ScanError) as caught:
        read_id(buffer.getvalue(), today=TODAY)
    assert caught.value.reason_code == errors.NO_MRZ
    assert "no machine-readable zone" in str(caught.value)


def test_mrz_shaped_text_of_no_known_layout_is_refused_as_unreadable() -> None:
    image = Image.new("RGB", (900, 200), (200, 200, 195))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(synthetic.OCRB_FONT), 28)
    for row in range(2):  # 40 characters per line: neither TD1, TD2 nor TD3
        draw.text((40, 60 + row * 50), "ABCDEF<<GHIJKL<<<<MNOPQR<<STUV<<<<<<<<<<", font=font, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with pytest.raises(ScanError) as caught:
        read_id(buffer.getvalue(), today=TODAY)
    assert caught.value.reason_code == errors.UNREADABLE


def test_no_temporary_file_survives_a_scan_or_a_masked_copy(
    specimen_passport_scan: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    scan_path = tmp_path / "scan.jpg"
    scan_path.write_bytes(specimen_passport_scan)
    read_id(scan_path, today=TODAY)
    masked_copy(scan_path, shop="Test", today=TODAY)
    assert list(private_tmp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scan.jpg", "tmp"]


def test_importing_the_package_stays_light() -> None:
    code = (
        "import sys, dor_desktop.idscan, dor_desktop.idscan.result, dor_desktop.idscan.bsn_guard;"
        "heavy = [m for m in ('tesserocr', 'passporteye', 'skimage', 'sklearn') if m in sys.modules];"
        "print(heavy)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


ICAO_TD3_LINES = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


def _clean_mrz_png(lines: tuple[str, ...], font_px: int = 34, transparent: bool = True) -> bytes:
    """Crisp black OCR-B on a transparent (black underneath) or white background, as a PNG."""
    width = round(font_px * 0.72 * len(lines[0])) + 60
    image = Image.new("RGBA", (width, font_px * (len(lines) + 3)), (0, 0, 0, 0) if transparent else "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(synthetic.OCRB_FONT), font_px)
    for row, line in enumerate(lines):
        draw.text((30, font_px * (1.3 + 1.5 * row)), line, font=font, fill=(0, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_clean_icao_td3_png_is_read_with_every_field_confirmed() -> None:
    result = read_id(_clean_mrz_png(ICAO_TD3_LINES), today=TODAY)
    assert result.ok, (result.problems, result.fields_to_check)
    assert (result.family_name.value, result.given_names.value) == ("ERIKSSON", "ANNA MARIA")
    assert all(getattr(result, name).confirmed for name in FIELD_NAMES)


def test_an_empty_symbol_reads_as_no_text_instead_of_ending_the_scan() -> None:
    """tesserocr raises RuntimeError("No text returned") for an element without text."""

    class EmptySymbol:  # tesserocr's behaviour, which a real image triggers only rarely
        def GetUTF8Text(self, *level: object) -> str:  # noqa: N802 (tesserocr's name)
            raise RuntimeError("No text returned")

    assert text_of(EmptySymbol(), 2) == ""


def test_any_failure_inside_the_ocr_is_a_refusal_not_a_crash(
    specimen_passport_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_ocr(image: Image.Image) -> list:
        raise RuntimeError("No text returned")

    monkeypatch.setattr(reader, "recognise_lines", failing_ocr)
    with pytest.raises(ScanError) as caught:
        read_id(specimen_passport_scan, today=TODAY)
    assert caught.value.reason_code == errors.UNREADABLE
    assert "could not be read" in caught.value.message
