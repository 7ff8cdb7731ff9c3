"""Reading a seller's ID document and making the masked copy a shop may keep.

The OCR stack (tesserocr, passporteye, NumPy) loads on the first call, never at import, so the
window and the command line start fast.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dor_desktop.errors import UserError

if TYPE_CHECKING:
    from PIL.Image import Image

    from dor_desktop.idscan.result import ScanResult

__all__ = ["ScanResult", "masked_image", "read_document", "warm_up", "write_masked_copy"]


def warm_up() -> None:
    """Load the OCR stack, the model and the glyphs now (seconds on a cold start), so the first
    scan at the counter fills the form as fast as the rest. Call it off the GUI thread."""
    from dor_desktop.idscan.ocr import warm_up as load_ocr

    load_ocr()


def read_document(image: Path | bytes, today: date | None = None) -> ScanResult:
    """The MRZ fields of the document in ``image`` (a file, or its bytes from a camera or a drop:
    an unmasked ID is never written to disk for this), never a BSN, with what the checks found.
    ``today`` is the shop's day, against which expiry is judged."""
    from dor_desktop.idscan.reader import read_id

    return read_id(image, today=today)


def masked_image(image: Path | bytes, shop: str, today: date) -> Image:
    """A copy with photo, BSN and the MRZ's optional data blacked out, watermarked for ``shop``."""
    from dor_desktop.idscan.masking import masked_copy

    return masked_copy(image, shop=shop, today=today)


def write_masked_copy(image: Path, out: Path, shop: str, today: date) -> None:
    """Write :func:`masked_image` to ``out``; a clear error when it cannot be written."""
    copy = masked_image(image, shop, today)
    try:
        copy.save(out)
    except (OSError, ValueError) as error:
        raise UserError(f"cannot write the masked copy to {out}: {error}") from None
