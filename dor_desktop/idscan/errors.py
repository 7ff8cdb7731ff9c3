"""The one exception the scanner raises for anything the clerk can act on."""

from __future__ import annotations

from dor_desktop.errors import UserError

#: Reason codes: the UI picks its hint from these, the CLI prints the message.
BAD_IMAGE = "bad_image"  # not an image, empty, truncated, too large, decompression bomb
NO_MRZ = "no_mrz"  # an image, but no machine-readable zone was found in it
UNREADABLE = "unreadable"  # a zone was found but its text did not form a valid MRZ


class ScanError(UserError):
    """A scan that cannot give a result; ``reason_code`` is one of the constants above."""

    exit_code = 3

    def __init__(self, reason_code: str, message: str) -> None:
        super().__init__(message)
        self.reason_code = reason_code
        self.message = message
