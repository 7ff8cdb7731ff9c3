"""Files the window reads for the clerk (item photos, drafts) are regular files of sensible size."""

from __future__ import annotations

import os

import pytest

from dor_desktop.config.files import MAX_IMAGE_BYTES
from dor_desktop.errors import UserError
from dor_desktop.services import purchase_session


def test_an_item_photo_that_is_a_pipe_or_a_device_is_refused(app, tmp_path):
    pipe = tmp_path / "photo.jpg"
    os.mkfifo(pipe)
    device = tmp_path / "photo.png"
    device.symlink_to("/dev/zero")

    with pytest.raises(UserError, match=r"not a regular file \(a pipe\)"):
        purchase_session.store_photo(app, pipe)
    with pytest.raises(UserError, match=r"not a regular file \(a device\)"):
        purchase_session.store_photo(app, device)
    assert not (app.paths.images / "photos").exists()


def test_an_item_photo_over_the_cap_is_refused(app, tmp_path):
    huge = tmp_path / "huge.jpg"
    with open(huge, "wb") as handle:
        handle.truncate(MAX_IMAGE_BYTES + 1)

    with pytest.raises(UserError, match="too large"):
        purchase_session.store_photo(app, huge)
