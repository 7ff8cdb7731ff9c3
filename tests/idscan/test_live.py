"""The live-camera loop on generated video: frames from a FrameSource until a confirmed read."""

from __future__ import annotations

import random

import pytest
from PIL import Image

from dor_desktop.idscan import synthetic, synthetic_scenes
from dor_desktop.idscan.errors import ScanError
from dor_desktop.idscan.live import IterableFrameSource, read_until_confirmed
from dor_desktop.idscan.result import ScanResult
from tests.idscan.conftest import TODAY

pytestmark = pytest.mark.usefixtures("warm_reader")


def _video(blurred: int, sharp: int) -> list[Image.Image]:
    """The specimen passport held up to a webcam: first moving (motion blur), then still."""
    page = synthetic_scenes.render_page(synthetic.specimen_passport(), synthetic_scenes.Look())
    rng = random.Random(3)
    frames = []
    for index in range(blurred + sharp):
        scene = synthetic_scenes.Scene(
            px_per_char=14, rotation=rng.uniform(-4, 4), blur=5.0 if index < blurred else 0.0, noise=3.0
        )
        frames.append(synthetic_scenes.photograph(page, scene, rng))
    return frames


@pytest.fixture(scope="module")
def video() -> list[Image.Image]:
    return _video(blurred=2, sharp=3)


def test_frames_are_read_until_two_agree_on_a_confirmed_read(video: list[Image.Image]) -> None:
    heard: list[ScanResult | ScanError] = []
    outcome = read_until_confirmed(
        IterableFrameSource(video), today=TODAY, on_frame=lambda index, read: heard.append(read)
    )
    assert outcome.confirmed and not outcome.stopped
    assert outcome.frames_read == 4  # two blurred frames refused, then two sharp ones agree
    assert outcome.result is not None and outcome.result.ok
    assert outcome.result.document_number.value == "SPECI2014"
    assert all(isinstance(read, ScanError) for read in heard[:2])
    assert "999999990" not in repr(outcome)


def test_the_clerk_can_stop_the_loop(video: list[Image.Image]) -> None:
    frames_seen: list[int] = []
    outcome = read_until_confirmed(
        IterableFrameSource(video),
        today=TODAY,
        should_stop=lambda: len(frames_seen) >= 1,
        on_frame=lambda index, read: frames_seen.append(index),
    )
    assert outcome.stopped and not outcome.confirmed
    assert outcome.frames_read == 1 and outcome.result is None
    assert isinstance(outcome.last_error, ScanError)


def test_a_source_that_ends_without_agreement_gives_the_best_read(video: list[Image.Image]) -> None:
    outcome = read_until_confirmed(IterableFrameSource(video[2:3]), today=TODAY)
    assert not outcome.confirmed and not outcome.stopped and outcome.frames_read == 1
    assert outcome.result is not None and outcome.result.document_number.value == "SPECI2014"
