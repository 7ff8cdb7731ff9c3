"""Bad input is refused with one clear ScanError("bad_image", ...), before any heavy work."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from reportlab.pdfgen import canvas

from dor_desktop.idscan import errors
from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.image_loading import load_image
from dor_desktop.idscan.reader import read_id


def _jpeg(size: tuple[int, int] = (400, 300), colour: tuple[int, int, int] = (200, 10, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _huge_png(width: int, height: int) -> bytes:
    """A valid, tiny 1-bit PNG that decodes to width x height pixels: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    squeezer = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    body = b"".join(squeezer.compress(row) for _ in range(height)) + squeezer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", body)
        + _png_chunk(b"IEND", b"")
    )


def _refused(source: bytes | Path) -> ScanError:
    with pytest.raises(ScanError) as caught:
        load_image(source)
    assert caught.value.reason_code == errors.BAD_IMAGE
    return caught.value


def test_zero_bytes_are_refused() -> None:
    assert "empty" in str(_refused(b""))


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    path.write_bytes(b"")
    assert "empty" in str(_refused(path))


def test_missing_file_is_refused(tmp_path: Path) -> None:
    assert "cannot read" in str(_refused(tmp_path / "nope.jpg"))


def test_not_an_image_is_refused() -> None:
    assert "not a readable image" in str(_refused(b"this is a text file, not a scan\n" * 20))


def test_truncated_jpeg_is_refused() -> None:
    data = _jpeg()
    assert "not a readable image" in str(_refused(data[: len(data) // 2]))


def test_20000_by_20000_pixels_is_refused_before_decoding() -> None:
    assert "too large" in str(_refused(_huge_png(20000, 20000)))


def test_large_but_not_bomb_sized_image_is_refused_by_dimensions() -> None:
    assert "too large (13000x2000 pixels)" in str(_refused(_huge_png(13000, 2000)))


def test_read_id_refuses_bad_input_with_the_same_error() -> None:
    with pytest.raises(ScanError) as caught:
        read_id(b"\x00\x01garbage")
    assert caught.value.reason_code == errors.BAD_IMAGE
    assert caught.value.exit_code != 0


def test_exif_orientation_is_applied() -> None:
    image = Image.new("RGB", (400, 200), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to view"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    assert load_image(buffer.getvalue()).size == (200, 400)


def test_first_scanned_page_of_a_pdf_is_loaded(tmp_path: Path) -> None:
    jpeg_path = tmp_path / "page.jpg"
    jpeg_path.write_bytes(_jpeg((640, 480), (10, 10, 200)))
    pdf_path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(pdf_path))
    pdf.drawImage(str(jpeg_path), 0, 0, width=320, height=240)
    pdf.showPage()
    pdf.save()
    image = load_image(pdf_path)
    assert image.size == (2480, 3508)  # A4 at 300 dpi
    red, green, blue = image.getpixel((300, 3400))  # inside the image at the page's bottom-left
    assert blue > 150 and red < 60
    assert image.getpixel((2000, 500)) == (255, 255, 255)


def test_broken_pdf_is_refused() -> None:
    assert "PDF" in str(_refused(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage"))


def test_transparent_png_is_put_on_white_paper() -> None:
    """Transparent pixels often hide black: converted naively the MRZ would be black on black."""
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((20, 20, 60, 60), fill=(10, 10, 10, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    loaded = load_image(buffer.getvalue())
    assert loaded.mode == "RGB"
    assert loaded.getpixel((150, 80)) == (255, 255, 255)
    assert loaded.getpixel((40, 40)) == (10, 10, 10)


def test_sixteen_bit_scan_is_scaled_not_clipped() -> None:
    image = Image.new("I;16", (200, 100), 60000)
    ImageDraw.Draw(image).rectangle((20, 20, 60, 60), fill=1000)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    loaded = load_image(buffer.getvalue())
    assert loaded.getpixel((150, 80)) == (255, 255, 255)
    assert loaded.getpixel((40, 40)) == (0, 0, 0)
