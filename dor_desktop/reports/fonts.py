"""The bundled DejaVu Sans, registered with reportlab for every printed report.

reportlab's built-in Helvetica covers Latin-1 only: ``Wójcik, Łukasz`` or ``Kılıç, Şükrü`` would
print with black boxes where the letters should be, on a document the police rely on. DejaVu Sans
(``resources/fonts``, Bitstream Vera licence) covers Latin, Greek, Cyrillic and basic Arabic.
Arabic and Hebrew are printed letter by letter, left to right and unshaped (reportlab does no
bidi or shaping): readable with effort, never a box.
"""

from __future__ import annotations

import threading
from importlib.resources import as_file, files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_lock = threading.Lock()


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces once; returns their names for styles and canvases."""
    with _lock:
        if REGULAR not in pdfmetrics.getRegisteredFontNames():
            folder = files("dor_desktop.resources") / "fonts"
            for name in (REGULAR, BOLD):
                with as_file(folder / f"{name}.ttf") as path:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
