"""A writer killed with SIGKILL loses nothing it reported: the file opens, verifies, and has every entry.

The writer is the real ``dor-desktop register add`` process; the test reads its output as it comes
and kills it after a chosen number of printed entries, so the kill lands mid-stream of commits.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import select

from dor_desktop.bootstrap.app import open_app
from dor_desktop.storage.models import RegisterEntry
from dor_desktop.storage.verify import verify

BATCH = 400


def start_writer(home, batch_file) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dor_desktop", "register", "add", "--json", str(batch_file)],
        env={**os.environ, "DOR_DESKTOP_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def kill_after(writer: subprocess.Popen, lines_wanted: int) -> list[str]:
    """Read ``lines_wanted`` lines, SIGKILL the writer, and return every line it printed."""
    lines = []
    while len(lines) < lines_wanted:
        line = writer.stdout.readline()
        if not line:
            break
        lines.append(line)
    writer.send_signal(signal.SIGKILL)
    lines += writer.stdout.readlines()  # whatever it had printed before it died
    writer.stdout.close()
    writer.stderr.close()
    assert writer.wait(timeout=30) == -signal.SIGKILL, "the writer finished before it could be killed"
    return [line.strip() for line in lines]


def stored_entries() -> dict[str, str]:
    app = open_app()  # the real start-up path: open, migrate if needed
    try:
        report = verify(app.db)
        assert report.ok, report.problem
        with app.db.read() as session:
            rows = session.execute(select(RegisterEntry.register_number, RegisterEntry.client_reference))
            return dict(rows.all())
    finally:
        app.close()


@pytest.mark.slow
def test_a_writer_killed_at_several_points_loses_nothing_it_printed(home, cli, make_purchase, tmp_path):
    batch_file = tmp_path / "big.json"
    batch_file.write_text(json.dumps([make_purchase() for _ in range(BATCH)]), encoding="utf-8")
    printed: list[str] = []
    for lines_wanted in (1, 30, 150):
        printed += kill_after(start_writer(home, batch_file), lines_wanted)
        stored = stored_entries()
        assert len(printed) >= lines_wanted
        for line in printed:
            number, reference = line.split()
            assert stored[number] == reference
        assert len(stored) >= len(printed)

    last_number, last_reference = printed[-1].split()
    shown = cli("register", "show", last_number, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["summary"]["client_reference"] == last_reference
