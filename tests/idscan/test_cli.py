"""`dor-desktop scan`: prints fields, never a BSN; non-zero exit with a clear reason on failure."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dor_desktop.cli import scan as cli
from dor_desktop.cli.scan import EXIT_CHECKS_FAILED
from dor_desktop.errors import UserError
from dor_desktop.idscan.synthetic import OCRB_FONT

pytestmark = pytest.mark.usefixtures("warm_reader")


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dor-desktop")
    cli.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return args.func(args)


@pytest.fixture(scope="module")
def passport_file(specimen_passport_scan: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "passport.jpg"
    path.write_bytes(specimen_passport_scan)
    return path


def test_scan_prints_the_fields_and_no_bsn(passport_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("scan", str(passport_file)) == 0
    out = capsys.readouterr().out
    assert "SPECI2014" in out and "DE BRUIJN" in out and "WILLEKE LISELOTTE" in out
    assert "SPECI2014  [confirmed]" in out and "EXPIRED" in out
    assert "999999990" not in out


def test_scan_json(passport_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("scan", str(passport_file), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document_type"] == "passport"
    assert data["fields"]["document_number"] == {
        "value": "SPECI2014",
        "check_digit": True,
        "check_ok": True,
        "status": "confirmed",
        "doubt": "",
        "alternatives": [],
    }
    assert data["fields"]["family_name"]["check_digit"] is False
    assert data["fields"]["family_name"]["status"] == "confirmed"
    assert data["fields_to_check"] == [] and data["ok"] is True
    assert "999999990" not in json.dumps(data)


def test_scan_writes_a_masked_copy(
    passport_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "masked.png"
    assert _run("scan", str(passport_file), "--masked-out", str(out), "--shop", "Goud & Zilver") == 0
    with Image.open(out) as masked, Image.open(passport_file) as original:
        assert masked.size == original.size
    assert "masked copy written" in capsys.readouterr().out


def test_masked_copy_is_made_for_the_shop_in_the_settings(
    passport_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOR_DESKTOP_HOME", str(tmp_path / "home"))
    out = tmp_path / "m.png"
    assert _run("scan", str(passport_file), "--masked-out", str(out)) == 0
    assert out.is_file()


def test_masked_copy_needs_a_shop_name(passport_file: Path, tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text('{"shop_name": ""}', encoding="utf-8")
    monkeypatch.setenv("DOR_DESKTOP_HOME", str(home))
    with pytest.raises(UserError, match="--shop"):
        _run("scan", str(passport_file), "--masked-out", str(tmp_path / "m.png"))


def test_no_mrz_exits_non_zero_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("RGB", (800, 500), (250, 250, 250)).save(path)
    with pytest.raises(UserError) as caught:
        _run("scan", str(path))
    assert caught.value.exit_code != 0
    assert "no machine-readable zone" in str(caught.value)


def test_missing_file_exits_non_zero(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="cannot read .*missing.jpg: No such file"):
        _run("scan", str(tmp_path / "missing.jpg"))


def test_failed_check_digits_exit_with_their_own_code(tmp_path: Path) -> None:
    # The ICAO specimen with its birth-date check digit changed from 2 to 3, printed in OCR-B.
    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408123F1204159ZE184226B<<<<<10"]
    image = Image.new("RGB", (1400, 400), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(OCRB_FONT), 40)
    for row, line in enumerate(lines):
        draw.text((50, 200 + row * 68), line, font=font, fill=(10, 10, 10))
    path = tmp_path / "tampered.png"
    image.save(path)
    with pytest.raises(UserError) as caught:
        _run("scan", str(path))
    assert caught.value.exit_code == EXIT_CHECKS_FAILED
    assert "date of birth: check digit failed" in str(caught.value)


def test_a_field_doubted_despite_its_check_digit_is_marked_check_with_the_other_reading(passport_file: Path):
    """A birth date's check digit can pass while the date makes the seller a one-year-old."""
    from dataclasses import replace

    from dor_desktop.cli.scan import format_result
    from dor_desktop.services.scanning import read_document

    result = read_document(passport_file)
    doubted = replace(
        result.date_of_birth, status="check", doubt="the holder would be 1", alternatives=("1911-01-01",)
    )
    out = format_result(replace(result, date_of_birth=doubted))
    line = next(line for line in out.splitlines() if line.startswith("Date of birth"))
    assert doubted.trusted and "[CHECK: the holder would be 1] (or: 1911-01-01)" in line
