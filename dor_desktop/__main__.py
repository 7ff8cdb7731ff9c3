"""``python -m dor_desktop``: the same as the ``dor-desktop`` command."""

import sys

from dor_desktop.cli import main

sys.exit(main())
