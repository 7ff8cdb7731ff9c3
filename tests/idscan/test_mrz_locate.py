"""Band geometry without OCR: which way up a band probably reads, bands found twice, a quarter turn."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from dor_desktop.idscan import synthetic
from dor_desktop.idscan.mrz_locate import MrzBox, likely_upside_down, same_band
from dor_desktop.idscan.reader import LocatedScan, _unturned
from dor_desktop.idscan.result import ScanField, ScanResult

LINES = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def _mrz_page() -> tuple[Image.Image, MrzBox]:
    page = Image.new("L", (1000, 200), 255)
    font = ImageFont.truetype(str(synthetic.OCRB_FONT), 30)
    for row, line in enumerate(LINES):
        ImageDraw.Draw(page).text((40, 60 + 45 * row), line, font=font, fill=0)
    return page, MrzBox(center=(500, 100), width=940, height=100, direction=(1.0, 0.0), margin=5)


def test_an_upright_band_is_tried_upright_first_and_a_turned_one_upside_down() -> None:
    page, box = _mrz_page()
    assert likely_upside_down(page, box) is False
    assert likely_upside_down(page.rotate(180), box) is True


def test_a_band_found_again_at_another_finder_width_is_the_same_band() -> None:
    band = MrzBox(center=(500, 300), width=900, height=80, direction=(1.0, 0.0), margin=5)
    again = MrzBox(center=(505, 302), width=880, height=76, direction=(0.9999, 0.0141), margin=3)
    other_line = MrzBox(center=(500, 400), width=900, height=80, direction=(1.0, 0.0), margin=5)
    assert same_band(band, again)
    assert not same_band(band, other_line)


def test_a_band_found_on_the_page_turned_a_quarter_is_placed_on_the_page() -> None:
    """The masked copy aims with the box, so it must be in the page's own pixels."""
    width = 800  # of the page; turned a quarter counter-clockwise, (x, y) goes to (y, width - 1 - x)
    x, y = 600.0, 150.0
    found = MrzBox(center=(y, width - 1 - x), width=300, height=60, direction=(0.0, -1.0), margin=4)
    empty = ScanField("")
    result = ScanResult("TD3", "P", "passport", *[empty] * 8, None, False, None)  # type: ignore[arg-type]
    placed = _unturned(LocatedScan(result, found, 2), width).box
    assert placed.center == (x, y)
    assert placed.direction == (1.0, 0.0)
