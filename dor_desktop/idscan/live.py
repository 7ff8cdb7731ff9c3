"""Reading from a live camera: frames in, until a confirmed read (or the clerk stops).

Qt-free on purpose: the camera backend (QtMultimedia's QVideoSink in the window) only has to
provide a ``FrameSource``; the loop here is the same for a webcam and for the generated video
the tests feed it. Each frame is read like a scanned image (``reader.read_image``); a frame
without an MRZ, or with one that cannot be read, simply makes way for the next frame.

A read counts as confirmed when ``agreeing_reads`` frames gave the same, fully confirmed result
(every field confirmed, see result.py). Two by default: a webcam gives many frames a second, and
asking two independent frames to agree costs a fraction of a second but rules out a one-frame
misread the guards missed.

Threading: ``read_until_confirmed`` blocks; run it on the OCR lane (a worker thread), and let
``should_stop`` read a flag the GUI thread sets when the clerk presses Stop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from PIL import Image

from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.reader import read_image
from dor_desktop.idscan.result import ScanResult
from dor_desktop.idscan.trust import DEFAULT_MINIMUM_AGE

#: Frames read before the loop gives up by itself (the clerk can always stop sooner).
DEFAULT_MAX_FRAMES = 200


class FrameSource(Protocol):
    """Where frames come from. A camera backend should return its most recent frame (dropping
    the ones that arrived while the previous frame was read), and None once it is closed."""

    def next_frame(self) -> Image.Image | None: ...


@dataclass
class IterableFrameSource:
    """Frames from any iterable: a generated video, a list of images, a decoded file."""

    frames: Iterable[Image.Image]
    _iterator: Iterator[Image.Image] | None = field(default=None, init=False, repr=False)

    def next_frame(self) -> Image.Image | None:
        if self._iterator is None:
            self._iterator = iter(self.frames)
        return next(self._iterator, None)


@dataclass(frozen=True)
class LiveOutcome:
    """How a live scan ended.

    ``result`` is the confirmed read, or else the read with the fewest fields to check (None
    when no frame held a readable MRZ); ``confirmed`` tells which. ``stopped`` is True when the
    clerk stopped, ``last_error`` the refusal of the last frame that was refused (for the hint).
    """

    result: ScanResult | None
    confirmed: bool
    frames_read: int
    stopped: bool
    last_error: ScanError | None = None


def read_until_confirmed(
    source: FrameSource,
    *,
    should_stop: Callable[[], bool] = lambda: False,
    agreeing_reads: int = 2,
    max_frames: int = DEFAULT_MAX_FRAMES,
    today: date | None = None,
    minimum_age: int = DEFAULT_MINIMUM_AGE,
    on_frame: Callable[[int, ScanResult | ScanError], None] | None = None,
) -> LiveOutcome:
    """Read frames from ``source`` until ``agreeing_reads`` of them give the same confirmed result,
    the clerk stops (``should_stop()`` is checked before each frame), the source ends, or
    ``max_frames`` frames were read. ``on_frame`` hears each frame's result or refusal (for a
    live hint such as "hold the document still")."""
    votes: Counter[ScanResult] = Counter()
    best: ScanResult | None = None
    last_error: ScanError | None = None
    frames_read = 0
    while frames_read < max_frames:
        if should_stop():
            return LiveOutcome(best, False, frames_read, True, last_error)
        frame = source.next_frame()
        if frame is None:
            break
        frames_read += 1
        try:
            result = read_image(frame.convert("RGB"), today=today, minimum_age=minimum_age).result
        except ScanError as error:
            last_error = error
            if on_frame is not None:
                on_frame(frames_read, error)
            continue
        if on_frame is not None:
            on_frame(frames_read, result)
        if result.ok:
            votes[result] += 1
            if votes[result] >= agreeing_reads:
                return LiveOutcome(result, True, frames_read, False, last_error)
        if best is None or _to_check(result) < _to_check(best):
            best = result
    return LiveOutcome(best, False, frames_read, False, last_error)


def _to_check(result: ScanResult) -> tuple[int, int]:
    return len(result.fields_to_check), len(result.problems)
