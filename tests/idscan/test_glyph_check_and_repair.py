"""The guards beyond check digits, on real tesseract output of a generated passport scan.

The OCR lines are real (boxes, confidences, alternatives from our model); a test then plays the
model's mistake by changing one character of the read text, which is exactly what a misread is.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PIL import ImageDraw

from dor_desktop.idscan import synthetic
from dor_desktop.idscan.glyph_check import doubtful_positions, o_or_zero
from dor_desktop.idscan.image_loading import load_image
from dor_desktop.idscan.mrz_locate import FINDER_WIDTHS, Crop, find_boxes, straighten
from dor_desktop.idscan.mrz_parse import check_digit
from dor_desktop.idscan.ocr import OcrLine, recognise_lines
from dor_desktop.idscan.reader import GLYPH_DOUBT, ReadContext, _repaired, evaluate, read_id
from dor_desktop.idscan.repair import single_edits
from dor_desktop.idscan.trust import MISREAD_ELSEWHERE, REASON_MISREAD_ELSEWHERE
from tests.idscan.conftest import TODAY

pytestmark = pytest.mark.usefixtures("warm_reader")
CONTEXT = ReadContext(TODAY, minimum_age=12)

SPEC = synthetic.IdSpec(
    mrz_format="TD3",
    document_code="P",
    issuing_country="POL",
    document_number="KO5W02M71",
    family_name="NOWAK",
    given_names="ANNA",
    date_of_birth=date(1980, 4, 12),
    sex="F",
    nationality="POL",
    expiry=date(2031, 9, 30),
)


@pytest.fixture(scope="module")
def read_passport() -> tuple[Crop, list[OcrLine]]:
    """A clean 300 dpi scan of SPEC: the crop the reader OCRs and the lines our model reads in it."""
    gray = load_image(synthetic.make_scan(SPEC, synthetic.Distortion(dpi=300, rotation=1.0), seed=4))
    crop = straighten(gray.convert("L"), find_boxes(gray.convert("L"), FINDER_WIDTHS[0])[0])
    lines = [line for line in recognise_lines(crop.image) if len(line.text) >= 30]
    assert [line.text for line in lines] == synthetic.mrz_lines(SPEC)
    return crop, lines


def _misread(line: OcrLine, position: int, char: str, alternatives: tuple[str, ...] = ()) -> OcrLine:
    """``line`` as if the model had read ``char`` at ``position``, with these second readings."""
    text = line.text[:position] + char + line.text[position + 1 :]
    others = line.alternatives[:position] + (alternatives,) + line.alternatives[position + 1 :]
    return replace(line, text=text, alternatives=others)


def test_ocr_lines_carry_a_box_and_alternatives_per_character(read_passport) -> None:
    _, lines = read_passport
    for line in lines:
        assert len(line.char_boxes) == len(line.alternatives) == len(line.confidences) == len(line.text)


def test_the_glyphs_confirm_a_right_reading(read_passport) -> None:
    crop, lines = read_passport
    image = crop.image
    assert doubtful_positions(image, lines[0], range(len(lines[0].text))) == []
    assert evaluate(crop, lines, CONTEXT).result.ok


@pytest.mark.parametrize(("position", "wrong"), [(5, "M"), (8, "H"), (11, "M")])  # NOWAK<<ANNA
def test_a_confident_misread_in_a_name_is_caught(read_passport, position: int, wrong: str) -> None:
    """N or W read as M with full confidence: no check digit covers a name, the glyphs do."""
    crop, lines = read_passport
    image = crop.image
    misread = _misread(lines[0], position, wrong)
    assert doubtful_positions(image, misread, range(len(misread.text))) == [position]
    reading = evaluate(crop, [misread, lines[1]], CONTEXT)
    assert reading.result.problems == (GLYPH_DOUBT, MISREAD_ELSEWHERE)
    # A read that misread a name has shown it errs: its check digits alone vouch for nothing.
    assert reading.result.date_of_birth.doubt == REASON_MISREAD_ELSEWHERE


def test_0_read_for_o_in_a_name_is_not_doubted(read_passport) -> None:
    """Names hold no digits: the parser reads 0 as O, so the glyph check has nothing to add."""
    crop, lines = read_passport
    image = crop.image
    misread = _misread(lines[0], 6, "0")  # the O of NOWAK
    assert doubtful_positions(image, misread, [6]) == []


def test_a_failed_check_digit_is_repaired_from_the_models_second_reading(read_passport) -> None:
    crop, lines = read_passport
    misread = _misread(lines[1], 1, "0", ("O",))  # KO5W02M71 read as K05W02M71, O a close second
    assert not evaluate(crop, [lines[0], misread], CONTEXT).result.ok
    repaired = _repaired(crop, [lines[0], misread], CONTEXT)
    assert repaired is not None and repaired.result.ok
    assert repaired.result.document_number.value == "KO5W02M71"


def test_the_glyphs_choose_where_the_check_digit_cannot(read_passport) -> None:
    """W (32) and M (22) differ by ten, so both pass the check digit; the glyph is a W."""
    crop, lines = read_passport
    misread = _misread(lines[1], 3, "N", ("W", "M"))  # KO5W02M71 with its W read as N
    repaired = _repaired(crop, [lines[0], misread], CONTEXT)
    assert repaired is not None and repaired.result.document_number.value == "KO5W02M71"


def test_no_repair_when_two_second_readings_both_pass(read_passport) -> None:
    """With the glyph smudged away nothing can choose between W and M: the clerk must."""
    crop, lines = read_passport
    image = crop.image
    smudged = image.copy()
    ImageDraw.Draw(smudged).rectangle(lines[1].char_boxes[3], fill=255)
    misread = _misread(lines[1], 3, "N", ("W", "M"))
    assert _repaired(replace(crop, image=smudged), [lines[0], misread], CONTEXT) is None


def test_a_glyph_read_twice_is_merged(read_passport) -> None:
    """'POL' read as 'P0OL': two neighbours that are each other's alternative are one glyph."""
    crop, lines = read_passport
    line = lines[1]
    text = line.text[:11] + "0" + line.text[11:]  # nationality POL at 10-12 becomes P0OL
    stutter = replace(
        line,
        text=text,
        confidences=line.confidences[:11] + (90.0,) + line.confidences[11:],
        char_boxes=line.char_boxes[:11] + (line.char_boxes[11],) + line.char_boxes[11:],
        alternatives=line.alternatives[:11] + (("O",), ("0",)) + line.alternatives[12:],
    )
    assert not evaluate(crop, [lines[0], stutter], CONTEXT).result.ok
    repaired = _repaired(crop, [lines[0], stutter], CONTEXT)
    assert repaired is not None and repaired.result.nationality.value == "POL"


def test_without_the_glyphs_names_are_never_substituted(read_passport) -> None:
    """A name has no check digit: without the glyph check's word nothing there is changed."""
    _, lines = read_passport
    misread = _misread(lines[0], 5, "M", ("N",))
    edits = list(single_edits([misread, lines[1]]))
    assert all(candidate[0].text == misread.text for candidate in edits)


def test_a_name_takes_the_models_second_reading_when_the_glyph_agrees(read_passport) -> None:
    crop, lines = read_passport
    misread = _misread(lines[0], 5, "M", ("N",))  # NOWAK read as MOWAK, N a second reading
    repaired = _repaired(crop, [misread, lines[1]], CONTEXT)
    assert repaired is not None and repaired.result.family_name.value == "NOWAK"


def test_a_name_is_not_changed_to_a_reading_the_glyph_does_not_back(read_passport) -> None:
    crop, lines = read_passport
    misread = _misread(lines[0], 5, "M", ("W",))  # the glyph says N, the model offers only W
    assert _repaired(crop, [misread, lines[1]], CONTEXT) is None


def test_the_glyph_tells_o_from_0(read_passport) -> None:
    crop, lines = read_passport
    image = crop.image
    assert o_or_zero(image, lines[1], 1) == "O"  # KO5W02M71
    assert o_or_zero(image, lines[1], 4) == "0"


def test_an_o_read_as_0_is_repaired_where_the_check_digit_alone_cannot_say_which(read_passport) -> None:
    """KO5W02M71 read as K05W02M71: turning either 0 back into O (both weight 3) passes the
    check digit, so only the glyphs can say which 0 was the O."""
    crop, lines = read_passport
    assert check_digit("KO5W02M71") == check_digit("K05WO2M71")
    misread = _misread(lines[1], 1, "0")  # no second reading from the model at all
    assert not evaluate(crop, [lines[0], misread], CONTEXT).result.ok
    assert all(c[1].text[1] == "0" for c in single_edits([lines[0], misread]))  # without the glyphs
    repaired = _repaired(crop, [lines[0], misread], CONTEXT)
    assert repaired is not None and repaired.result.document_number.value == "KO5W02M71"


def test_a_failed_read_gets_a_second_look_at_another_size() -> None:
    """Development scan 256 of seed 11 (200 dpi, noise, uneven light): at the first crop size the
    model reads its document number wrong; the larger second crop reads it right."""
    spec, how, scan_seed = synthetic.scan_recipes(257, seed=11)[256]
    result = read_id(synthetic.make_scan(spec, how, seed=scan_seed), today=TODAY)
    assert result.ok, result.problems
    assert result.document_number.value == spec.document_number
