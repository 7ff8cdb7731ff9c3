"""Reading a seller's ID document and making the masked copy a shop may keep.

The OCR stack (tesserocr, passporteye, NumPy) loads on the first call, never at import, so the
window and the command line start fast.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dor_desktop.errors import UserError

if TYPE_CHECKING:
    from PIL.Image import Image

    from dor_desktop.idscan.result import ScanResult

__all__ = [
    "InboxScan",
    "ScanResult",
    "masked_image",
    "read_document",
    "read_scan_file",
    "take_inbox_scan",
    "warm_up",
    "write_masked_copy",
]

log = logging.getLogger(__name__)


def read_scan_file(path: Path) -> bytes:
    """A scan's bytes, read once (so the reading and the masked copy see the same file), bounded:
    a pipe, a device or an oversized file is refused with a ScanError, never read whole."""
    from dor_desktop.idscan.image_loading import read_source

    return read_source(path)


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


@dataclass(frozen=True)
class InboxScan:
    """A scan taken out of the watched scan folder: its bytes, and whether the file is gone."""

    image: bytes
    removed: bool


def take_inbox_scan(path: Path) -> InboxScan:
    """Read a scan from the watched scan folder into memory and delete the file.

    The file is the unmasked ID (photo, BSN): left in a folder that is often shared with the
    scanner's own software, anyone could copy it later. It is removed as soon as it has been read,
    before the reading of the document even starts, whatever that reading finds; what the shop may
    keep is the masked copy made from the bytes in memory. A file that cannot be removed (no
    rights, locked by the scanner) is still read, and ``removed`` says so, for a discreet notice.
    """
    image = read_scan_file(path)  # bounded: a pipe, a device or a huge file is refused, unread
    try:
        path.unlink()
    except FileNotFoundError:
        removed = True  # the scanner software or the clerk was first
    except OSError as error:
        log.warning(
            "a scan could not be removed from the scan folder: %s", error.strerror or type(error).__name__
        )
        removed = False
    else:
        removed = True
    return InboxScan(image, removed)
