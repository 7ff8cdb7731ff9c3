"""Harder synthetic scans: broad names, several MRZ print looks, and counter-camera scenes.

Why a second generator (issue 12): ``synthetic.py`` draws names from 26 family and 21 given
names and prints one crisp OCR-B; its scans flatter the reader exactly where no check digit
helps. Here every scan is made from a ``GeneratorConfig``:

- names are any A-Z strings of realistic lengths (syllables or plain letters), Dutch prefixes,
  hyphenated and long double names (truncated by the MRZ like real ones), several given names;
- the MRZ look varies: OCR-B regular or "sharp", stroke weight (thin to bold), slight horizontal
  condensing, and a printing process (offset: crisp; inkjet: dot gain and speckle; laser
  engraving on a card: grey, soft-edged);
- the scene varies: any rotation, phone-held perspective, wood/fabric/noise backgrounds, glare,
  blur, noise, JPEG, and resolutions down to 6 pixels per MRZ character.

Two configurations exist: DEVELOPMENT (for tuning) and HELD_OUT (for the benchmark only: other
name styles, a look and ink the tuning never saw). The truth of a scan is its ``IdSpec`` (the
generator's input) and the MRZ text built from it, never the reader's own parser.
"""

from __future__ import annotations

import io
import math
import random
import string
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dor_desktop.idscan import synthetic
from dor_desktop.idscan.mrz_parse import check_digit
from dor_desktop.idscan.synthetic import LAYOUTS, MM_PER_INCH, IdSpec

#: Visas print like the card or passport layout of the same width.
VISA_BASE = {"MRVA": "TD3", "MRVB": "TD2"}

FONT_DIR = "/usr/share/fonts/opentype/ocr-b/"
PAPER = (236, 240, 232)  # synthetic.render_document's page colour
#: Resolution the page is drawn at before the scene scales it to the scan's resolution.
DRAW_PX_PER_CHAR = 30

_VOWELS = "AEIOUY"
_CLUSTERS = ("SZ", "CZ", "RZ", "PRZ", "KR", "STR", "SCH", "W", "BR", "DZ", "ZH", "KH", "TS", "GR", "SK", "NG")
_CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"
_DUTCH_PREFIXES = ("VAN", "VAN DER", "VAN DEN", "DE", "TEN", "TER", "VAN 'T", "DER", "DEN", "OP DEN")
_COUNTRY_CODES = (
    "NLD NLD NLD BEL D FRA POL ESP ITA TUR GBR UTO MAR SYR UKR ROU BGR PRT GRC SWE NOR DNK FIN AUT CHE "
    "IRL USA CAN AUS NZL BRA ARG CHN JPN KOR IND IDN VNM PHL THA EGY NGA ZAF KEN ETH ERI AFG IRQ IRN PAK"
)
_COUNTRIES = tuple(_COUNTRY_CODES.split())


@dataclass(frozen=True)
class Look:
    """How the MRZ is printed."""

    font: str = "OCRB.otf"
    stroke: int = 0  # -1 thin, 0 regular, 1-2 bold (pixels at DRAW_PX_PER_CHAR)
    condense: float = 1.0  # horizontal scale of the glyphs (pitch stays 10 characters per inch)
    ink: str = "offset"  # "offset", "inkjet", "laser" or "thermal"


@dataclass(frozen=True)
class Scene:
    """How the document is photographed or scanned."""

    px_per_char: float = 20.0
    margin: float = 0.2  # background around the page, as a share of the page width on each side
    rotation: float = 0.0  # degrees, any value
    perspective: float = 0.0  # corner displacement as a share of the page size
    background: str = "plain"  # "plain", "wood", "fabric" or "noise"
    glare: float = 0.0  # 0-1: strength of a bright spot (not on the MRZ's centre line)
    blur: float = 0.0  # Gaussian radius in pixels of the final image
    noise: float = 0.0
    jpeg_quality: int = 90


@dataclass(frozen=True)
class GeneratorConfig:
    """What a set of scans is drawn from (see DEVELOPMENT and HELD_OUT)."""

    name: str
    name_styles: tuple[str, ...]  # "syllables", "letters", "dutch", "double"
    looks: tuple[Look, ...]
    formats: tuple[str, ...] = ("TD3", "TD1", "TD3", "TD1", "TD2", "TD3", "TD1", "TD3", "TD1", "MRVA", "MRVB")
    px_per_char: tuple[float, float] = (6.0, 30.0)
    max_perspective: float = 0.08
    backgrounds: tuple[str, ...] = ("plain", "wood", "fabric", "noise")


DEVELOPMENT = GeneratorConfig(
    name="development",
    name_styles=("syllables", "dutch", "letters"),
    looks=(
        Look(),
        Look(stroke=1),
        Look(ink="inkjet"),
        Look(font="OCRBS.otf", stroke=-1),
        Look(condense=0.95, ink="laser"),
    ),
)
#: For the benchmark only: name styles, a font variant, a stroke weight, a condensing and an ink
#: combination that no tuning run used.
HELD_OUT = GeneratorConfig(
    name="held-out",
    name_styles=("double", "letters"),
    looks=(
        Look(font="OCRBS.otf", stroke=2, condense=0.92, ink="laser"),
        Look(stroke=-1, condense=0.97, ink="inkjet"),
        Look(font="OCRBS.otf", stroke=1, ink="offset"),
    ),
)
#: A second held-out configuration, defined after the first one had exposed (and a change had
#: fixed) vouched-for misreads in bold condensed print: looks and a name style that neither the
#: tuning nor the fix ever saw, so the fix is measured on fresh scans.
HELD_OUT_2 = GeneratorConfig(
    name="held-out-2",
    name_styles=("long", "letters"),
    looks=(
        Look(stroke=2, condense=0.9, ink="offset"),
        Look(font="OCRBS.otf", condense=0.96, ink="inkjet"),
        Look(stroke=1, condense=0.93, ink="laser"),
    ),
)

#: A third held-out configuration (issue 12, after the glyph-reliability and check-digit changes
#: that HELD_OUT_2's three vouched-for errors prompted): a printing process no earlier set used
#: (thermal transfer: strokes with dropouts), stroke/condensing combinations not used before,
#: and two new name styles (consonant clusters, very short names). Fixed before its first run.
HELD_OUT_3 = GeneratorConfig(
    name="held-out-3",
    name_styles=("clusters", "short"),
    looks=(
        Look(stroke=1, condense=1.03, ink="thermal"),
        Look(font="OCRBS.otf", condense=0.98, ink="thermal"),
        Look(stroke=-1, condense=0.94, ink="laser"),
        Look(stroke=2, ink="inkjet"),
    ),
)


# --- names --------------------------------------------------------------------------------------


def random_word(rng: random.Random, style: str, low: int, high: int) -> str:
    """One name-like A-Z word of ``low`` to ``high`` letters."""
    length = rng.randint(low, high)
    if style == "letters":
        return "".join(rng.choice(string.ascii_uppercase) for _ in range(length))
    if style == "clusters":  # consonant clusters: SZCZEPANSKI, KRZYSZTOF, ZHUKOV
        word = ""
        while len(word) < length:
            word += rng.choice(_CLUSTERS) + rng.choice(_VOWELS) + rng.choice(("", "", "N", "K", "W"))
        return word[:length]
    word = ""
    while len(word) < length:
        word += rng.choice(_CONSONANTS) * (rng.random() < 0.8) + rng.choice(_VOWELS)
        if rng.random() < 0.3:
            word += rng.choice(_CONSONANTS)
    return word[:length]


def random_family_name(rng: random.Random, style: str) -> str:
    core = "syllables" if style in ("dutch", "double", "long", "short") else style
    if style == "short":  # NG, LI, OU, HO
        return random_word(rng, core, 2, 4)
    if style == "long":  # long names that overflow the MRZ's name field
        return f"{random_word(rng, core, 9, 18)} {random_word(rng, core, 6, 14)}"
    name = random_word(rng, core, 2, 14)
    if style == "dutch" and rng.random() < 0.6:
        name = f"{rng.choice(_DUTCH_PREFIXES).replace(chr(39), '')} {name}"
    if style == "double" or rng.random() < 0.15:
        name = f"{name} {random_word(rng, core, 3, 14)}"  # a hyphen is a filler in the MRZ
    return " ".join(name.split())


def random_given_names(rng: random.Random, style: str) -> str:
    core = "syllables" if style in ("dutch", "double", "long", "short") else style
    if style == "short":
        return " ".join(random_word(rng, core, 2, 5) for _ in range(rng.randint(1, 3)))
    count = rng.choice((0, 1, 1, 1, 2, 2, 3, 4)) if style not in ("double", "long") else rng.randint(1, 4)
    return " ".join(random_word(rng, core, 2, 11) for _ in range(count))


def random_document_number(rng: random.Random, country: str) -> str:
    if country == "NLD":
        return synthetic.random_document_number(rng, country)
    length = rng.choice((8, 9, 9, 9))
    alphabet = string.ascii_uppercase + string.digits * 2
    return "".join(rng.choice(alphabet) for _ in range(length))


def random_spec(rng: random.Random, config: GeneratorConfig, today: date) -> IdSpec:
    """A random holder and document (no BSN: this generator is about reading, not masking)."""
    mrz_format = rng.choice(config.formats)
    style = rng.choice(config.name_styles)
    country = rng.choice(_COUNTRIES)
    code = {
        "TD3": "P<",
        "TD2": "I<",
        "TD1": rng.choice(["I<", "ID", "IR", "AC", "C<"]),
        "MRVA": "V<",
        "MRVB": "VI",
    }[mrz_format]
    birth = today - timedelta(days=rng.randint(18 * 365, 95 * 365))
    return IdSpec(
        mrz_format=mrz_format,
        document_code=code,
        issuing_country=country,
        document_number=random_document_number(rng, country),
        family_name=random_family_name(rng, style),
        given_names=random_given_names(rng, style),
        date_of_birth=birth,
        sex=rng.choice("MFF<" if rng.random() < 0.05 else "MF"),
        nationality=country if rng.random() < 0.85 else rng.choice(_COUNTRIES),
        expiry=today + timedelta(days=rng.randint(-900, 3650)),
    )


def random_scene(rng: random.Random, config: GeneratorConfig) -> Scene:
    low, high = config.px_per_char
    rotation = rng.choice((0.0, 90.0, 180.0, 270.0)) + rng.uniform(-8, 8)
    if rng.random() < 0.25:
        rotation = rng.uniform(0, 360)
    return Scene(
        px_per_char=math.exp(rng.uniform(math.log(low), math.log(high))),
        margin=rng.choice((0.05, 0.2, 0.2, 0.5, 1.0)),
        rotation=rotation,
        perspective=rng.uniform(0, config.max_perspective),
        background=rng.choice(config.backgrounds),
        glare=rng.choice((0.0, 0.0, 0.0, 0.5, 0.9)),
        blur=rng.choice((0.0, 0.0, 0.5, 0.8)),
        noise=rng.choice((0.0, 3.0, 6.0, 10.0)),
        jpeg_quality=rng.choice((95, 85, 70, 55)),
    )


# --- rendering ----------------------------------------------------------------------------------


def mrz_lines(spec: IdSpec) -> list[str]:
    """The MRZ of ``spec``: ICAO layouts from synthetic.mrz_lines, plus MRV-A and MRV-B visas
    (no personal number, no composite check digit; optional data after the expiry date)."""
    if spec.mrz_format not in VISA_BASE:
        return synthetic.mrz_lines(spec)
    width = 44 if spec.mrz_format == "MRVA" else 36
    number = spec.document_number[:9].ljust(9, "<")
    birth, expiry = spec.date_of_birth.strftime("%y%m%d"), spec.expiry.strftime("%y%m%d")
    sex = spec.sex if spec.sex in "MF" else "<"
    names = (spec.family_name.replace(" ", "<") + "<<" + spec.given_names.replace(" ", "<"))[: width - 5]
    line1 = (spec.document_code[:2].ljust(2, "<") + spec.issuing_country.ljust(3, "<") + names).ljust(
        width, "<"
    )
    line2 = f"{number}{check_digit(number)}{spec.nationality.ljust(3, '<')}{birth}{check_digit(birth)}"
    line2 += f"{sex}{expiry}{check_digit(expiry)}"
    return [line1, line2.ljust(width, "<")]


def render_page(spec: IdSpec, look: Look) -> Image.Image:
    """The data page at DRAW_PX_PER_CHAR with the MRZ printed in ``look``."""
    dpi = DRAW_PX_PER_CHAR * 10  # OCR-B in the MRZ: 10 characters per inch
    layout = VISA_BASE.get(spec.mrz_format, spec.mrz_format)
    page = synthetic.render_document(replace(spec, mrz_format=layout, bsn="", bsn_in_mrz=False), dpi)
    width_mm, height_mm, chars, line_count = LAYOUTS[layout]
    px = dpi / MM_PER_INCH
    top = round(page.height - 4 * px - line_count * 4.23 * px - 1.2 * px)
    ImageDraw.Draw(page).rectangle((0, top, page.width, page.height), fill=PAPER)  # no plain MRZ
    ink = _mrz_ink(spec, look, (page.width, page.height - top), px, chars)
    page.paste(_ink_colour(look), (0, top), ink)
    return page


def _mrz_ink(spec: IdSpec, look: Look, size: tuple[int, int], px: float, chars: int) -> Image.Image:
    """A mask (255 = ink) of the MRZ lines in ``look``, glyph by glyph at the 10 cpi pitch."""
    pitch = 2.54 * px
    font = ImageFont.truetype(FONT_DIR + look.font, round(pitch / 0.723))
    mask = Image.new("L", size, 0)
    lines = mrz_lines(spec)
    left = (size[0] - chars * pitch) / 2
    bottom = size[1] - 4 * px
    for index, line in enumerate(reversed(lines)):
        y = bottom - (index + 1) * 4.23 * px
        for position, char in enumerate(line):
            glyph = _glyph(char, font, look.stroke, look.condense)
            x = left + position * pitch + (pitch - glyph.width) / 2
            mask.paste(255, (round(x), round(y)), glyph)
    if look.stroke < 0:
        mask = mask.filter(ImageFilter.MinFilter(3))
    if look.ink == "inkjet":
        mask = mask.filter(ImageFilter.GaussianBlur(1.2)).point(lambda v: 255 if v > 90 else v * 2)
    elif look.ink == "laser":
        mask = mask.filter(ImageFilter.GaussianBlur(1.6))
    elif look.ink == "thermal":
        mask = _thermal(mask, random.Random(spec.document_number))
    return mask


def _thermal(mask: Image.Image, rng: random.Random) -> Image.Image:
    """A thermal-transfer print: small dropouts in the strokes, slightly ragged edges."""
    generator = np.random.default_rng(rng.randint(0, 2**31))
    w, h = mask.size
    holes = generator.uniform(0, 1, (h // 3 + 1, w // 3 + 1)) < 0.12
    holes_image = Image.fromarray((holes * 255).astype(np.uint8)).resize((w, h), Image.Resampling.NEAREST)
    ink = np.asarray(mask, dtype=np.float32) * (1 - np.asarray(holes_image, dtype=np.float32) / 255 * 0.85)
    return Image.fromarray(ink.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def _glyph(char: str, font: ImageFont.FreeTypeFont, stroke: int, condense: float) -> Image.Image:
    left, top, right, bottom = font.getbbox(char, stroke_width=max(0, stroke))
    canvas = Image.new("L", (int(right) + 4, int(bottom) + 4), 0)
    ImageDraw.Draw(canvas).text(
        (2, 2), char, font=font, fill=255, stroke_width=max(0, stroke), stroke_fill=255
    )
    if condense != 1.0:
        canvas = canvas.resize(
            (max(1, round(canvas.width * condense)), canvas.height), Image.Resampling.LANCZOS
        )
    return canvas


def _ink_colour(look: Look) -> tuple[int, int, int]:
    return {"laser": (70, 66, 60), "inkjet": (25, 25, 35)}.get(look.ink, (12, 12, 18))


def photograph(page: Image.Image, scene: Scene, rng: random.Random) -> Image.Image:
    """Put the page in a scene and take its picture at ``scene.px_per_char``."""
    scale = scene.px_per_char / DRAW_PX_PER_CHAR
    margin = round(page.width * scene.margin)
    canvas = _background((page.width + 2 * margin, page.height + 2 * margin), scene.background, rng)
    canvas.paste(page, (margin, margin))
    canvas = canvas.rotate(
        scene.rotation, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(120, 110, 100)
    )
    if scene.perspective:
        canvas = _perspective(canvas, scene.perspective, rng)
    size = (max(60, round(canvas.width * scale)), max(60, round(canvas.height * scale)))
    canvas = canvas.resize(size, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BICUBIC)
    if scene.glare:
        canvas = _glare(canvas, scene.glare, rng)
    if scene.blur:
        canvas = canvas.filter(ImageFilter.GaussianBlur(scene.blur))
    if scene.noise:
        pixels = np.asarray(canvas, dtype=np.float32)
        pixels += np.random.default_rng(rng.randint(0, 2**31)).normal(0, scene.noise, pixels.shape)
        canvas = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return canvas


def _background(size: tuple[int, int], kind: str, rng: random.Random) -> Image.Image:
    width, height = size
    if kind == "plain":
        return Image.new("RGB", size, tuple(rng.randint(40, 220) for _ in range(3)))
    generator = np.random.default_rng(rng.randint(0, 2**31))
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    if kind == "wood":  # wavy grain lines in browns
        grain = np.sin(x / rng.uniform(6, 14) + 3 * np.sin(y / rng.uniform(60, 140)))
        shade = 0.5 + 0.25 * grain + 0.1 * generator.standard_normal((height, width))
        base = np.array([150, 100, 60], dtype=np.float32)
        pixels = base[None, None, :] * (0.6 + 0.6 * shade[..., None])
    elif kind == "fabric":  # a woven check
        weave = np.sin(x / 2.5) * np.sin(y / 2.5) + 0.5 * np.sin(x / 17)
        base = np.array([rng.randint(40, 200) for _ in range(3)], dtype=np.float32)
        pixels = base[None, None, :] * (0.8 + 0.2 * weave[..., None])
    else:  # coarse noise: a speckled counter top
        coarse = generator.uniform(0, 255, (height // 8 + 1, width // 8 + 1, 3)).astype(np.uint8)
        return (
            Image.fromarray(coarse).resize(size, Image.Resampling.NEAREST).filter(ImageFilter.GaussianBlur(1))
        )
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _perspective(image: Image.Image, amount: float, rng: random.Random) -> Image.Image:
    """A phone held at an angle: one side of the page nearer than the other."""
    w, h = image.size
    near = rng.choice(("left", "right", "top", "bottom"))
    shrink = amount * (w if near in ("left", "right") else h)
    corners = [[0.0, 0.0], [0.0, float(h)], [float(w), float(h)], [float(w), 0.0]]  # TL, BL, BR, TR
    far = {"left": (2, 3), "right": (0, 1), "top": (1, 2), "bottom": (0, 3)}[near]
    for index in far:
        x, y = corners[index]
        if near in ("left", "right"):
            corners[index][1] = y + shrink if y == 0 else y - shrink
        else:
            corners[index][0] = x + shrink if x == 0 else x - shrink
    for corner in corners:
        corner[0] += rng.uniform(-0.01, 0.01) * w
        corner[1] += rng.uniform(-0.01, 0.01) * h
    quad = [value for corner in corners for value in corner]
    return image.transform(
        (w, h), Image.Transform.QUAD, quad, resample=Image.Resampling.BICUBIC, fillcolor=(120, 110, 100)
    )


def _glare(image: Image.Image, strength: float, rng: random.Random) -> Image.Image:
    """A bright, soft reflection somewhere on the picture."""
    w, h = image.size
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    radius = rng.uniform(0.08, 0.2) * max(w, h)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    spot = np.exp(-(((x - cx) ** 2 + (y - cy) ** 2) / (2 * radius**2)))
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + (255 - pixels) * (strength * spot)[..., None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def make_scene_scan(spec: IdSpec, look: Look, scene: Scene, seed: int) -> bytes:
    """A JPEG of ``spec`` printed in ``look`` and photographed in ``scene``."""
    rng = random.Random(seed)
    image = photograph(render_page(spec, look), scene, rng)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=scene.jpeg_quality)
    return buffer.getvalue()


@dataclass(frozen=True)
class Recipe:
    """Everything one scan is made from: its truth, its look, its scene and its seed."""

    spec: IdSpec
    look: Look
    scene: Scene
    seed: int

    def render(self) -> bytes:
        return make_scene_scan(self.spec, self.look, self.scene, self.seed)


def recipes(config: GeneratorConfig, count: int, seed: int, today: date) -> list[Recipe]:
    """``count`` reproducible scan recipes drawn from ``config``."""
    rng = random.Random(f"{config.name}:{seed}")
    return [
        Recipe(
            random_spec(rng, config, today),
            rng.choice(config.looks),
            random_scene(rng, config),
            rng.randint(0, 2**31),
        )
        for _ in range(count)
    ]
