"""Where each MRZ layout's characters stand, and what vouches for them.

Two views of the same lines, kept side by side so they are changed together:
``UNCHECKED_SPANS`` are the characters only the reader's guards can vouch for (names, codes, sex,
and the document number, whose 7-3-1 check cannot see swaps between values ten apart such as
J/9, K/<, 0/A/K/U); ``CHECKED_SPANS`` are the characters a check digit decides (so the repair may
change them and let the check digit judge). Spans are (start, end) per layout and line.
"""

from __future__ import annotations

Spans = dict[str, tuple[tuple[tuple[int, int], ...], ...]]

LINE_LENGTHS = {"TD1": 30, "TD2": 36, "TD3": 44, "DL": 30}
UNCHECKED_SPANS: Spans = {
    "TD3": (((0, 44),), ((0, 13), (20, 21))),
    "TD2": (((0, 36),), ((0, 13), (20, 21))),
    "TD1": (((0, 15),), ((7, 8), (15, 18)), ((0, 30),)),
    "DL": (((0, 30),),),
}
#: Check digits included.
CHECKED_SPANS: Spans = {
    "TD3": ((), ((0, 10), (13, 20), (21, 44))),
    "TD2": ((), ((0, 10), (13, 20), (21, 36))),
    "TD1": (((5, 30),), ((0, 7), (8, 15), (18, 30)), ()),
    "DL": (((5, 30),),),
}
#: Layouts by their line count, so a line set can be repaired before it parses.
LAYOUTS_BY_LINES = {2: ("TD3", "TD2"), 3: ("TD1",), 1: ("DL",)}
