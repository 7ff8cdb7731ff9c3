"""In-process OCR of an MRZ crop with our OCR-B model (resources/tessdata/mrz.traineddata).

Why tesserocr and not pytesseract: one in-process call per crop instead of launching tesseract
5-7 times, and no temporary image file (which would hold the BSN). The model is loaded once,
lazily, and guarded by a lock because a tesseract handle is not thread-safe. Call ``warm_up()``
from a worker thread at start-up so the first scan at the counter is as fast as the rest.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from importlib.resources import as_file, files
from typing import Any

from PIL import Image

MODEL_NAME = "mrz"

_lock = threading.Lock()
_api: Any = None
_resources = contextlib.ExitStack()


Box = tuple[int, int, int, int]  # left, top, right, bottom in the recognised image
#: Alternatives the model scored below this (0-100) are noise, not a real second reading.
ALTERNATIVE_FLOOR = 20.0


@dataclass(frozen=True)
class OcrLine:
    """One recognised line: per character its confidence (0-100), box and the model's alternatives.

    ``alternatives[i]`` holds the other characters the model seriously considered at position i
    (score at least ALTERNATIVE_FLOOR), best first: the repair step lets check digits choose among
    them, and the glyph check needs ``char_boxes`` to find each character's cell.
    """

    text: str
    confidences: tuple[float, ...]
    box: Box
    char_boxes: tuple[Box, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()


def tessdata_dir_context() -> contextlib.AbstractContextManager:
    """The packaged tessdata folder as a real directory (tesseract needs a path)."""
    return as_file(files("dor_desktop.resources") / "tessdata")


def _load() -> Any:
    import tesserocr

    tessdata = _resources.enter_context(tessdata_dir_context())
    api = tesserocr.PyTessBaseAPI(
        path=str(tessdata), lang=MODEL_NAME, psm=tesserocr.PSM.SINGLE_BLOCK, oem=tesserocr.OEM.LSTM_ONLY
    )
    api.SetVariable("user_defined_dpi", "300")
    # Keep the LSTM's per-character alternatives (ChoiceIterator); 2 = alternatives per symbol.
    api.SetVariable("lstm_choice_mode", "2")
    return api


def warm_up() -> None:
    """Import the heavy libraries and load the model now (call it off the GUI thread)."""
    global _api
    with _lock:
        if _api is None:
            _api = _load()
    import passporteye.mrz.image  # noqa: F401  (skimage, scipy: seconds on a cold start)

    from dor_desktop.idscan.glyph_check import warm_up as render_glyphs  # imports this module

    render_glyphs()


def recognise_lines(image: Image.Image) -> list[OcrLine]:
    """The text lines tesseract reads in ``image`` (a straightened MRZ crop), with confidences."""
    import tesserocr

    global _api
    with _lock:
        if _api is None:
            _api = _load()
        _api.SetImage(image)
        _api.Recognize()
        lines = _read_lines(_api, tesserocr)
        _api.Clear()
    return [line for line in lines if line.text]


def _read_lines(api: Any, tesserocr: Any) -> list[OcrLine]:
    """Walk the result symbol by symbol: per line its text, and per character its confidence,
    box and alternatives."""
    lines: list[OcrLine] = []
    symbol_level, line_level = tesserocr.RIL.SYMBOL, tesserocr.RIL.TEXTLINE
    current: _LineBuilder | None = None
    for symbol in tesserocr.iterate_level(api.GetIterator(), symbol_level):
        if symbol.IsAtBeginningOf(line_level) or current is None:
            if current is not None:
                lines.append(current.build())
            current = _LineBuilder(symbol.BoundingBox(line_level) or (0, 0, 0, 0))
        char = text_of(symbol, symbol_level).strip()
        if char:
            current.add(char, symbol.Confidence(symbol_level), symbol.BoundingBox(symbol_level), symbol)
    if current is not None:
        lines.append(current.build())
    return lines


def text_of(element: Any, *level: Any) -> str:
    """An iterator element's text, "" when it has none.

    tesserocr raises ``RuntimeError("No text returned")`` for an element without text (an empty
    symbol of a clean, high-contrast PNG) instead of returning None: that must not end a scan.
    """
    try:
        return element.GetUTF8Text(*level) or ""
    except RuntimeError:
        return ""


@dataclass
class _LineBuilder:
    box: Box
    chars: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    alternatives: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, char: str, confidence: float, box: Box | None, symbol: Any) -> None:
        self.chars.append(char)
        self.confidences.append(confidence)
        self.boxes.append(box or (0, 0, 0, 0))
        choices = [(text_of(choice), choice.Confidence()) for choice in symbol.GetChoiceIterator()]
        self.alternatives.append(
            tuple(text for text, score in choices if text != char and score >= ALTERNATIVE_FLOOR)
        )

    def build(self) -> OcrLine:
        return OcrLine(
            "".join(self.chars),
            tuple(self.confidences),
            self.box,
            tuple(self.boxes),
            tuple(self.alternatives),
        )


def recognise_words(image: Image.Image) -> list[tuple[str, tuple[int, int, int, int]]]:
    """Scattered words of a whole page with their boxes (left, top, right, bottom).

    Used by the masked copy to find printed BSNs; sparse-text mode because ID pages are not
    paragraphs.
    """
    import tesserocr

    global _api
    with _lock:
        if _api is None:
            _api = _load()
        _api.SetPageSegMode(tesserocr.PSM.SPARSE_TEXT)
        try:
            _api.SetImage(image)
            _api.Recognize()
            words = []
            level = tesserocr.RIL.WORD
            for word in tesserocr.iterate_level(_api.GetIterator(), level):
                text = text_of(word, level).strip()
                box = word.BoundingBox(level)
                if text and box:
                    words.append((text, box))
        finally:
            _api.Clear()
            _api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    return words
