"""Synthetic ID documents for tests and benchmarks: no real person's document is ever needed.

Renders card-sized (TD1) and passport-sized (TD3) data pages, and TD2 cards, with a face
placeholder, printed fields including a BSN, and an OCR-B MRZ built from the given fields with
correct check digits; then distorts them like a counter scanner or webcam would. The public
specimen (DE BRUIJN, WILLEKE LISELOTTE, BSN 999999990) is among them.
"""

from __future__ import annotations

import io
import random
import string
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dor_desktop.idscan.mrz_parse import check_digit

OCRB_FONT = Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf")
SPECIMEN_BSN = "999999990"
MM_PER_INCH = 25.4
#: Physical sizes (mm) and MRZ geometry per layout: (width, height, chars per line, lines).
LAYOUTS = {
    "TD1": (85.6, 54.0, 30, 3),
    "TD2": (105.0, 74.0, 36, 2),
    "TD3": (125.0, 88.0, 44, 2),
    "DL": (85.6, 54.0, 30, 1),
}


@dataclass(frozen=True)
class IdSpec:
    """The truth a synthetic document is made from (and a scan is compared with)."""

    mrz_format: str
    document_code: str
    issuing_country: str
    document_number: str
    family_name: str
    given_names: str
    date_of_birth: date
    sex: str
    nationality: str
    expiry: date
    bsn: str = ""  # printed on the document; in the MRZ too when ``bsn_in_mrz``
    bsn_in_mrz: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def _name_field(family: str, given: str, length: int) -> str:
    text = family.replace(" ", "<") + "<<" + given.replace(" ", "<")
    return text[:length].ljust(length, "<")


def _code(value: str, length: int) -> str:
    return value[:length].ljust(length, "<")


def _yymmdd(value: date) -> str:
    return value.strftime("%y%m%d")


def mrz_lines(spec: IdSpec) -> list[str]:
    """The MRZ of ``spec`` per ICAO 9303 (TD1/TD2/TD3) with every check digit computed."""
    if spec.mrz_format == "DL":
        return [driving_licence_line(spec.document_number)]
    number = _code(spec.document_number, 9)
    birth, expiry = _yymmdd(spec.date_of_birth), _yymmdd(spec.expiry)
    sex = spec.sex if spec.sex in "MF" else "<"
    head = _code(spec.document_code, 2) + _code(spec.issuing_country, 3)
    if spec.mrz_format == "TD3":
        personal = _code(spec.bsn if spec.bsn_in_mrz else "", 14)
        personal_digit = check_digit(personal) if personal.strip("<") else "<"
        line2 = f"{number}{check_digit(number)}{_code(spec.nationality, 3)}{birth}{check_digit(birth)}"
        line2 += f"{sex}{expiry}{check_digit(expiry)}{personal}{personal_digit}"
        composite = check_digit(line2[0:10] + line2[13:20] + line2[21:43])
        return [head + _name_field(spec.family_name, spec.given_names, 39), line2 + composite]
    if spec.mrz_format == "TD2":
        line2 = f"{number}{check_digit(number)}{_code(spec.nationality, 3)}{birth}{check_digit(birth)}"
        line2 += f"{sex}{expiry}{check_digit(expiry)}" + "<" * 7
        composite = check_digit(line2[0:10] + line2[13:20] + line2[21:35])
        return [head + _name_field(spec.family_name, spec.given_names, 31), line2 + composite]
    optional1 = _code(spec.bsn if spec.bsn_in_mrz else "", 15)
    line1 = head + number + check_digit(number) + optional1
    line2 = f"{birth}{check_digit(birth)}{sex}{expiry}{check_digit(expiry)}{_code(spec.nationality, 3)}"
    line2 += "<" * 11
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return [line1, line2, _name_field(spec.family_name, spec.given_names, 30)]


def driving_licence_line(licence_number: str, other: str = "SYNTHETIC0000") -> str:
    """A Dutch driving licence one-line code for a 10-digit licence number."""
    body = "D1NLD1" + licence_number + _code(other, 13)
    return body + check_digit(body)


# --- random truths ------------------------------------------------------------------------------

_FAMILY = [
    "JANSEN",
    "DE VRIES",
    "VAN DEN BERG",
    "BAKKER",
    "VISSER",
    "SMIT",
    "MEIJER",
    "DE BOER",
    "MULDER",
    "DE GROOT",
    "BOS",
    "VOS",
    "PETERS",
    "HENDRIKS",
    "VAN LEEUWEN",
    "DEKKER",
    "BRUIJN",
    "YILMAZ",
    "EL AMRANI",
    "KOWALSKI",
    "NGUYEN",
    "OZTURK",
    "SCHMIDT",
    "MUELLER",
    "DUBOIS",
    "ROSSI",
]
_GIVEN = [
    "ANNA",
    "MARIA",
    "JAN",
    "PIETER",
    "SANNE",
    "EMMA",
    "DAAN",
    "LUCAS",
    "SOPHIE",
    "MOHAMED",
    "FATIMA",
    "KEES",
    "WILLEM",
    "JOHANNA",
    "THOMAS",
    "NOAH",
    "LOTTE",
    "FLEUR",
    "AHMED",
    "ZOFIA",
    "QUINTEN",
]
_COUNTRIES = ["NLD", "NLD", "NLD", "BEL", "D", "FRA", "POL", "ESP", "ITA", "TUR", "GBR", "UTO"]


def random_bsn(rng: random.Random) -> str:
    """A random number passing the BSN 11-test (used only on synthetic images, never stored)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and (total - last) != 0:
            return "".join(map(str, digits)) + str(last)


def random_document_number(rng: random.Random, country: str) -> str:
    """Dutch pattern for NLD (2 letters, 6 letters/digits, a digit, no O); free form elsewhere."""
    letters = string.ascii_uppercase.replace("O", "")
    if country == "NLD":
        middle = "".join(rng.choice(letters + string.digits) for _ in range(6))
        return rng.choice(letters) + rng.choice(letters) + middle + rng.choice(string.digits)
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(9))


def random_spec(rng: random.Random, mrz_format: str | None = None, today: date | None = None) -> IdSpec:
    today = today or date(2026, 1, 1)
    mrz_format = mrz_format or rng.choice(["TD1", "TD3", "TD1", "TD3", "TD2"])
    country = rng.choice(_COUNTRIES)
    code = {"TD3": "P<", "TD2": "I<", "TD1": rng.choice(["I<", "ID", "IR"])}[mrz_format]
    given = " ".join(rng.sample(_GIVEN, rng.randint(1, 3)))
    birth = date(1940, 1, 1) + timedelta(days=rng.randint(0, 365 * 66))
    expiry = today + timedelta(days=rng.randint(-800, 3650))
    bsn = random_bsn(rng) if country == "NLD" else ""
    return IdSpec(
        mrz_format=mrz_format,
        document_code=code,
        issuing_country=country,
        document_number=random_document_number(rng, country),
        family_name=rng.choice(_FAMILY),
        given_names=given,
        date_of_birth=birth,
        sex=rng.choice("MF"),
        nationality=country if rng.random() < 0.8 else rng.choice(_COUNTRIES),
        expiry=expiry,
        bsn=bsn,
        bsn_in_mrz=bool(bsn) and mrz_format != "TD2" and rng.random() < 0.6,
    )


def specimen_passport() -> IdSpec:
    """The public Dutch specimen passport holder, with the specimen BSN in the MRZ (pre-2021 style)."""
    return IdSpec(
        mrz_format="TD3",
        document_code="P<",
        issuing_country="NLD",
        document_number="SPECI2014",
        family_name="DE BRUIJN",
        given_names="WILLEKE LISELOTTE",
        date_of_birth=date(1965, 3, 10),
        sex="F",
        nationality="NLD",
        expiry=date(2024, 3, 9),
        bsn=SPECIMEN_BSN,
        bsn_in_mrz=True,
    )


def driving_licence(licence_number: str = "5012345678") -> IdSpec:
    """A Dutch driving licence of the specimen holder: its MRZ is one line with the licence number."""
    return replace(
        specimen_passport(),
        mrz_format="DL",
        document_code="D1",
        document_number=licence_number,
        expiry=date(2030, 5, 1),
        bsn="",
        bsn_in_mrz=False,
    )


def specimen_id_card() -> IdSpec:
    """The same specimen holder on a TD1 identity card with the BSN in optional data 1."""
    return replace(
        specimen_passport(),
        mrz_format="TD1",
        document_code="I<",
        document_number="SPECI2021",
        expiry=date(2031, 8, 2),
    )


# --- drawing ------------------------------------------------------------------------------------


def _label_font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=max(8, px))


def render_document(spec: IdSpec, dpi: int = 300) -> Image.Image:
    """A clean, upright data page: face placeholder, printed fields (BSN included), OCR-B MRZ."""
    width_mm, height_mm, chars, _ = LAYOUTS[spec.mrz_format]
    px = dpi / MM_PER_INCH
    page = Image.new("RGB", (round(width_mm * px), round(height_mm * px)), (236, 240, 232))
    draw = ImageDraw.Draw(page)
    for offset in range(0, page.width + page.height, max(4, int(3 * px))):  # faint guilloche lines
        draw.line([(offset, 0), (offset - page.height, page.height)], fill=(222, 228, 220), width=1)
    photo = (round(4 * px), round(8 * px), round(width_mm * 0.32 * px), round((height_mm - 22) * px))
    page.paste(_face_placeholder(photo[2] - photo[0], photo[3] - photo[1]), photo[:2])
    _draw_fields(draw, spec, x=photo[2] + round(3 * px), top=photo[1], px=px)
    _draw_mrz(draw, spec, page.size, px, chars)
    return page


def _face_placeholder(width: int, height: int) -> Image.Image:
    """A grey box with a head and shoulders: something photo-like for the masking to find."""
    photo = Image.new("RGB", (width, height), (200, 200, 205))
    draw = ImageDraw.Draw(photo)
    head = width * 0.5
    cx = width / 2
    draw.ellipse(
        (cx - head / 2, height * 0.12, cx + head / 2, height * 0.12 + head * 1.3), fill=(120, 100, 90)
    )
    draw.ellipse((cx - head, height - head * 0.7, cx + head, height + head), fill=(60, 60, 80))
    return photo


def _draw_fields(draw: ImageDraw.ImageDraw, spec: IdSpec, x: int, top: int, px: float) -> None:
    mrz_lines_count = LAYOUTS[spec.mrz_format][3]
    room_mm = LAYOUTS[spec.mrz_format][1] - 6 - mrz_lines_count * 4.23 - top / px
    step_mm = min(5.2, room_mm / 6)
    label, value = _label_font(round(step_mm * 0.3 * px)), _label_font(round(step_mm * 0.5 * px))
    rows = [
        ("Naam / Surname", spec.family_name),
        ("Voornamen / Given names", spec.given_names),
        ("Geboortedatum / Date of birth", spec.date_of_birth.strftime("%d %m %Y")),
        ("Documentnummer / Document no.", spec.document_number),
        ("Geldig tot / Date of expiry", spec.expiry.strftime("%d %m %Y")),
    ]
    if spec.bsn:
        rows.append(("Persoonsnummer / Personal no.", f"{spec.bsn[:4]}.{spec.bsn[4:6]}.{spec.bsn[6:]}"))
    y = top
    for caption, text in rows:
        draw.text((x, y), caption, font=label, fill=(90, 90, 110))
        draw.text((x, y + round(step_mm * 0.36 * px)), text, font=value, fill=(20, 20, 30))
        y += round(step_mm * px)


def _draw_mrz(draw: ImageDraw.ImageDraw, spec: IdSpec, size: tuple[int, int], px: float, chars: int) -> None:
    """OCR-B at 10 characters per inch, lines 4.2 mm apart, the last one ~4 mm above the edge."""
    pitch = 2.54 * px
    font = ImageFont.truetype(str(OCRB_FONT), round(pitch / 0.723))
    lines = mrz_lines(spec)
    left = (size[0] - chars * pitch) / 2
    bottom = size[1] - 4 * px
    for index, line in enumerate(reversed(lines)):
        y = bottom - (index + 1) * 4.23 * px
        draw.text((left, y), line, font=font, fill=(15, 15, 20))


@dataclass(frozen=True)
class Distortion:
    """How a synthetic scan is degraded; ``random_distortion`` picks one per scan."""

    dpi: int = 300
    rotation: float = 0.0
    perspective: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    contrast: float = 1.0
    uneven_light: float = 0.0
    jpeg_quality: int = 90
    busy_background: bool = False
    upside_down: bool = False


def random_distortion(rng: random.Random) -> Distortion:
    return Distortion(
        dpi=rng.choice([150, 200, 300, 400, 600]),
        rotation=rng.uniform(-5, 5),
        perspective=rng.uniform(0, 0.03),
        blur=rng.choice([0, 0, 0.6, 1.0, 1.5]),
        noise=rng.choice([0, 4, 8, 12]),
        contrast=rng.choice([1.0, 1.0, 0.7, 0.5]),
        uneven_light=rng.choice([0, 0, 0.2, 0.35]),
        jpeg_quality=rng.choice([95, 85, 70, 50]),
        busy_background=rng.random() < 0.4,
        upside_down=rng.random() < 0.1,
    )


def distort(page: Image.Image, how: Distortion, rng: random.Random) -> Image.Image:
    """Place the page on a background and degrade it like a scan or webcam photo."""
    margin = page.width // 8
    canvas = _background(page.width + 2 * margin, page.height + 2 * margin, how.busy_background, rng)
    canvas.paste(page, (margin, margin))
    if how.upside_down:
        canvas = canvas.rotate(180)
    canvas = canvas.rotate(
        how.rotation, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(128, 128, 128)
    )
    if how.perspective:
        canvas = _perspective(canvas, how.perspective, rng)
    if how.blur:
        canvas = canvas.filter(ImageFilter.GaussianBlur(how.blur * how.dpi / 300))
    return _photometric(canvas, how, rng)


def _background(width: int, height: int, busy: bool, rng: random.Random) -> Image.Image:
    base = tuple(rng.randint(60, 200) for _ in range(3))
    image = Image.new("RGB", (width, height), base)
    if busy:
        draw = ImageDraw.Draw(image)
        for _ in range(60):
            x, y = rng.randint(0, width), rng.randint(0, height)
            colour = tuple(rng.randint(0, 255) for _ in range(3))
            draw.rectangle(
                (x, y, x + rng.randint(10, width // 3), y + rng.randint(10, height // 3)), fill=colour
            )
        image = image.filter(ImageFilter.GaussianBlur(2))
    return image


def _perspective(image: Image.Image, amount: float, rng: random.Random) -> Image.Image:
    w, h = image.size

    def jitter(x: float, y: float) -> tuple[float, float]:
        return x + rng.uniform(-amount, amount) * w, y + rng.uniform(-amount, amount) * h

    corners = [jitter(0, 0), jitter(0, h), jitter(w, h), jitter(w, 0)]
    quad = [c for corner in corners for c in corner]
    return image.transform(
        (w, h), Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC, fillcolor=(128, 128, 128)
    )


def _photometric(image: Image.Image, how: Distortion, rng: random.Random) -> Image.Image:
    import numpy as np

    pixels = np.asarray(image, dtype=np.float32)
    pixels = 128 + (pixels - 128) * how.contrast
    if how.uneven_light:
        ramp = np.linspace(1 - how.uneven_light, 1 + how.uneven_light / 2, image.width, dtype=np.float32)
        pixels *= ramp[None, :, None]
    if how.noise:
        noise_rng = np.random.default_rng(rng.randint(0, 2**31))
        pixels += noise_rng.normal(0, how.noise, pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def make_scan(spec: IdSpec, how: Distortion, seed: int = 0) -> bytes:
    """A distorted JPEG scan of ``spec`` rendered at ``how.dpi``."""
    rng = random.Random(seed)
    return encode_jpeg(distort(render_document(spec, how.dpi), how, rng), how.jpeg_quality)


def sample_scans(count: int, seed: int = 7) -> list[tuple[IdSpec, Distortion, bytes]]:
    """``count`` varied scans, the specimen passport first (reproducible from ``seed``)."""
    return [
        (spec, how, make_scan(spec, how, seed=scan_seed))
        for spec, how, scan_seed in scan_recipes(count, seed)
    ]


def scan_recipes(count: int, seed: int = 7) -> list[tuple[IdSpec, Distortion, int]]:
    """What ``sample_scans`` renders, without rendering: a test can pick one scan of a set."""
    rng = random.Random(seed)
    recipes = []
    for index in range(count):
        spec = specimen_passport() if index == 0 else random_spec(rng)
        how = random_distortion(rng)
        recipes.append((spec, how, rng.randint(0, 2**31)))
    return recipes
