"""Finding a citizen service number (BSN) in free text, however it was written.

A BSN typed as ``111 222 333``, ``111-222-333``, ``1112.22.333``, in full-width digits
(``１１１２２２３３３``) or with an invisible zero-width space between the digits is the same number
and must be refused, redacted and scrubbed just like ``111222333``. Every guard (validation, log
redaction, draft scrubbing) asks this module, so they cannot disagree.

How a text is read: each character is NFKC-normalised and every script's decimal digits
(full-width, Arabic-Indic) become 0-9; invisible format characters (zero-width spaces and joiners,
bidi marks, soft hyphens) and control characters are dropped (line breaks and tabs count as
spaces). Runs of digits joined by
spaces, dots or dashes form a group; any consecutive pieces of a group that together hold exactly
nine digits and pass the 11-test are a BSN. So ``12-03-1980 111 222 333`` still finds the BSN after
the date, while ``0612 345 678`` (ten digits) is no BSN.

Positions are mapped back to the original text, so a redaction replaces exactly what was written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

#: Characters that separate the pieces of a written number: spaces, dots and dashes (NFKC has
#: already turned no-break and other wide spaces into " "), and the other ways people group
#: digits: slashes, commas, underscores and brackets ("(111) 222 333", "111/222/333").
_SEPARATORS = frozenset(" .-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d/,_()")
#: Control characters that are layout, not content: read as a space.
_LAYOUT_CONTROLS = frozenset("\t\n\r\v\f")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def bsn_valid(value: str) -> bool:
    """True when ``value`` is exactly nine ASCII digits passing the BSN 11-test (elfproef).

    The weights are 9..2 for the first eight digits and -1 for the last; the sum must be a
    multiple of 11 and not zero.
    """
    if len(value) != 9 or not (value.isascii() and value.isdigit()):
        return False
    total = sum(int(d) * w for d, w in zip(value, _WEIGHTS, strict=True))
    return total != 0 and total % 11 == 0


def is_invisible(char: str) -> bool:
    """A control character (other than a line break or tab) or an invisible format character."""
    return unicodedata.category(char) in ("Cc", "Cf") and char not in _LAYOUT_CONTROLS


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds any control or invisible format character, line breaks included."""
    return any(unicodedata.category(char) in ("Cc", "Cf") for char in text)


def _readable(text: str) -> Iterator[tuple[str, int]]:
    """The normalised characters of ``text``, each with the index of the character it came from."""
    for index, char in enumerate(text):
        if char in _LAYOUT_CONTROLS:
            yield " ", index
        elif char.isdecimal():  # any script's digits (NFKC leaves Arabic-Indic ones as they are)
            yield str(unicodedata.decimal(char)), index
        elif not is_invisible(char):
            for normal in unicodedata.normalize("NFKC", char):
                yield normal, index


def _groups(text: str) -> Iterator[list[list[tuple[str, int]]]]:
    """Each group of digit pieces joined by separators, as pieces of (digit, original index)."""
    pieces: list[list[tuple[str, int]]] = []
    piece: list[tuple[str, int]] = []
    for char, index in _readable(text):
        if char.isascii() and char.isdigit():
            piece.append((char, index))
        elif char in _SEPARATORS and (piece or pieces):
            if piece:
                pieces.append(piece)
                piece = []
        else:
            if piece:
                pieces.append(piece)
                piece = []
            if pieces:
                yield pieces
            pieces = []
    if piece:
        pieces.append(piece)
    if pieces:
        yield pieces


def bsn_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) positions in ``text`` of every BSN, however it was written."""
    spans = []
    for pieces in _groups(text):
        for first in range(len(pieces)):
            digits: list[tuple[str, int]] = []
            for piece in pieces[first:]:
                digits += piece
                if len(digits) >= 9:
                    break
            if len(digits) == 9 and bsn_valid("".join(d for d, _ in digits)):
                spans.append((digits[0][1], digits[-1][1] + 1))
    return spans


def find_bsns(text: str) -> list[str]:
    """Every BSN in ``text``, as it was written there (for replacing it)."""
    return [text[start:end] for start, end in bsn_spans(text)]


def contains_bsn(text: str) -> bool:
    return bool(bsn_spans(text))


def redact_bsns(text: str, replacement: str) -> str:
    """``text`` with every BSN (in any spelling) replaced by ``replacement``."""
    spans = bsn_spans(text)
    for start, end in reversed(_merged(spans)):
        text = text[:start] + replacement + text[end:]
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, in order (two readings of one group can overlap)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def free_text_problem(text: str) -> str | None:
    """Why a free text (a reason, a note) cannot be stored as typed, or None when it can."""
    if contains_bsn(text):
        return "it contains a number that looks like a citizen service number (BSN); remove it"
    if has_control_characters(text):
        return "it contains an invisible or control character (a tab, line break or zero-width character)"
    return None


def printable(text: str) -> str:
    """``text`` for a terminal: each control or invisible character shown as ``?``.

    Validation refuses them in new entries; an entry an older version stored may still hold one,
    and a terminal escape sequence in a name must not act on the screen of whoever lists it.
    """
    return "".join("?" if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)
