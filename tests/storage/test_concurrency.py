"""Two processes writing one register at once: distinct, gap-free numbers and an intact chain."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.storage.verify import verify

EACH = 30


def writer(home, batch_file) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dor_desktop", "register", "add", "--json", str(batch_file)],
        env={**os.environ, "DOR_DESKTOP_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_writers_on_a_new_register_get_distinct_gap_free_numbers(tmp_path, make_purchase, monkeypatch):
    # Each round starts on a new data folder, so both processes also race to create the schema
    # (regression: the loser failed with "database is locked" in its migration).
    batch_file = tmp_path / "batch.json"
    batch_file.write_text(json.dumps([make_purchase() for _ in range(EACH)]), encoding="utf-8")
    for round_number in range(2):
        home = tmp_path / f"home-{round_number}"
        processes = [writer(home, batch_file) for _ in range(2)]
        outputs = [p.communicate(timeout=120) for p in processes]
        for process, (_stdout, stderr) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, stderr
        per_writer = [[line.split()[0] for line in stdout.splitlines()] for stdout, _ in outputs]
        assert all(numbers == sorted(numbers) for numbers in per_writer)
        assert sorted(per_writer[0] + per_writer[1]) == [f"K1-{n:06d}" for n in range(1, 2 * EACH + 1)]

        monkeypatch.setenv("DOR_DESKTOP_HOME", str(home))
        app = open_app()
        try:
            assert verify(app.db).entries == 2 * EACH
        finally:
            app.close()
        assert not (home / "practice" / "backups").exists() or not any(
            (home / "practice" / "backups").iterdir()
        )
