"""Load a scan safely: bounded bytes and pixels, no decompression bombs, EXIF rotation applied,
and the first page of a scanner's PDF (rendered by QtPdf: no GPL tools).

Why so defensive: the image comes from a scanner folder, a webcam or a file dialog, and a hostile
or broken file must end in one clear ScanError, never in a hang, a memory blow-up or a traceback.
Everything happens in memory: no temporary file may ever hold an unmasked ID.
"""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

from PIL import Image, ImageOps

from dor_desktop.config.files import UnreadableFile, read_bounded
from dor_desktop.idscan.errors import ScanError

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 600 dpi A4 page is ~35 megapixels
MAX_SIDE = 12_000
MIN_SIDE = 32  # a tight crop of a small TD1 MRZ is ~35 pixels high
_PDF_MAGIC = b"%PDF"
PDF_DPI = 300


def read_source(source: bytes | str | Path) -> bytes:
    """The raw bytes of a path or a bytes object, refusing empty and oversized input."""
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        try:  # a regular file only: a pipe or /dev/zero would hang or fill the memory
            data = read_bounded(Path(source), MAX_FILE_BYTES)
        except UnreadableFile as error:
            refused = ScanError("bad_image", str(error))
            refused.exit_code = 2  # the input itself, as for any other unusable file argument
            raise refused from None
    if not data:
        raise ScanError("bad_image", "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise ScanError("bad_image", f"the file is too large ({len(data) // 1_000_000} MB)")
    return data


def first_pdf_page(data: bytes) -> Image.Image:
    """Render page one of a scanner's PDF at 300 dpi with QtPdf (in memory, LGPL Qt we ship anyway)."""
    from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    if QCoreApplication.instance() is None:
        QCoreApplication([])  # QtPdf needs an application object; the GUI already has one
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise ScanError("bad_image", "not a readable PDF")
    points = document.pagePointSize(0)
    size = (round(points.width() * PDF_DPI / 72), round(points.height() * PDF_DPI / 72))
    check_dimensions(size)
    rendered = document.render(0, QSize(*size)).convertToFormat(QImage.Format.Format_RGBA8888)
    document.close()
    if rendered.isNull():
        raise ScanError("bad_image", "the PDF's first page could not be rendered")
    stride = rendered.bytesPerLine()
    pixels = bytes(rendered.constBits())
    page = Image.frombuffer("RGBA", size, pixels, "raw", "RGBA", stride, 1)
    white = Image.new("RGBA", size, (255, 255, 255, 255))
    return Image.alpha_composite(white, page).convert("RGB")  # PDF pages render transparent


def load_image(source: bytes | str | Path) -> Image.Image:
    """Decode a scan to an upright RGB image, or raise ScanError("bad_image", ...)."""
    data = read_source(source)
    if data.startswith(_PDF_MAGIC):
        return first_pdf_page(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
            check_dimensions(image.size)
            image.load()
            image = ImageOps.exif_transpose(image)
            return on_white(image)
    except ScanError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ScanError("bad_image", "the image is too large (too many pixels)") from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, MemoryError) as error:
        # Pillow's decoders raise a range of errors on broken files; each is a refusal.
        raise ScanError("bad_image", f"not a readable image ({type(error).__name__})") from None


def on_white(image: Image.Image) -> Image.Image:
    """RGB with transparent parts on white paper.

    A plain convert("RGB") keeps whatever colour hides under transparent pixels, often black: a
    clean PNG of an MRZ (an illustration, a screenshot) would become black text on black.
    """
    if image.mode.startswith(("I", "F")):  # 16-bit or float scans: scale to 8 bits, do not clip
        import numpy as np

        pixels = np.asarray(image, dtype=np.float64)
        low, high = float(pixels.min()), float(pixels.max())
        scaled = (pixels - low) * (255.0 / (high - low)) if high > low else np.zeros_like(pixels)
        image = Image.fromarray(scaled.astype(np.uint8))
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return image.convert("RGB")


def check_dimensions(size: tuple[int, int]) -> None:
    """Refuse sizes no ID scan has, before a single pixel is decoded."""
    width, height = size
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ScanError("bad_image", f"the image is too small ({width}x{height})")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ScanError("bad_image", f"the image is too large ({width}x{height} pixels)")
