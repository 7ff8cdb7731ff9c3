"""Fixtures for the use cases: a real data folder with a real SQLite register, no Qt."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.config.paths import Paths
from dor_desktop.services.context import AppContext


@pytest.fixture
def app(home: Path) -> Iterator[AppContext]:
    """The practice register of a fresh data folder (settings of a test shop)."""
    settings = {"first_run_done": True, "shop_name": "Testwinkel", "shop_id": "TEST-0001"}
    (home / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    context = open_app(Paths(home))
    yield context
    context.close()
