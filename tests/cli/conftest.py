"""CLI fixtures: the command line in this process (for the many small variants) and a ready register.

The subprocess form (``cli`` in tests/conftest.py) is used wherever the real process matters: exit
codes, what reaches the terminal, start-up; ``run_main`` calls the same ``main()`` in-process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest

from dor_desktop.bootstrap.app import open_app
from dor_desktop.cli import main
from dor_desktop.domain.clock import utc_now
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.storage.register import Register


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def run_main(home, capsys) -> Iterator[Callable[..., Outcome]]:
    """``main(args)`` in this process, with its exit code and captured output."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level

    def run(*args: str) -> Outcome:
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's own errors
            code = exit_.code if isinstance(exit_.code, int) else 2
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    yield run
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture
def commit(home, make_purchase) -> Callable[..., str]:
    """Commit a purchase through the application (not the CLI); returns its register number.

    With ``acquired_at`` the purchase is registered at that moment too (the register's clock set
    back), as one entered at the counter back then: not a late entry, its hold running from then.
    """

    def run(**changes) -> str:
        purchase, problems = purchase_from_json(make_purchase(**changes), utc_now())
        assert not problems, problems
        app = open_app()
        try:
            register = app.register
            if "acquired_at" in changes:
                register = Register(app.db, replace(register.context, clock=lambda: purchase.acquired_at))
            return register.commit_purchase(purchase).register_number
        finally:
            app.close()

    return run
