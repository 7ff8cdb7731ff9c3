"""Keep the BSN (citizen service number) out of everything the scanner hands on.

Dutch passports and ID cards issued before August 2021 carry the BSN in the MRZ: the TD3 personal
number (line 2, positions 29-42) and the TD1 optional-data fields. The parser only uses those
fields to verify check digits; this module says where they are (so the masked copy can black them
out) and scrubs MRZ-like text and BSNs from log messages.
"""

from __future__ import annotations

import re

from dor_desktop.domain.bsn_text import redact_bsns

#: Character spans (line index, start, end) of the optional data / personal number per layout.
OPTIONAL_SPANS: dict[str, tuple[tuple[int, int, int], ...]] = {
    "TD1": ((0, 15, 30), (1, 18, 29)),
    "TD2": ((1, 28, 35),),
    "TD3": ((1, 28, 42),),
    "DL": ((0, 16, 29),),
    "MRVA": ((1, 28, 44),),  # visas: optional data after the expiry date, no check digit
    "MRVB": ((1, 28, 36),),
}

# A run of MRZ characters long enough to be an MRZ line, or a fragment of one with fillers.
_MRZ_LIKE = re.compile(r"[A-Z0-9<]{25,}|[A-Z0-9]*<[A-Z0-9<]{8,}")
REDACTED_MRZ = "[MRZ redacted]"
REDACTED_BSN = "[BSN redacted]"


def redact_mrz(text: str) -> str:
    """Replace anything that looks like MRZ text or a BSN in ``text`` (for log messages).

    Errs on the side of redacting: a long upper-case code is cheaper to lose from a log than a BSN.
    """
    text = _MRZ_LIKE.sub(REDACTED_MRZ, text)
    return redact_bsns(text, REDACTED_BSN)
