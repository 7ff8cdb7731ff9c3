"""``python -m dor_desktop.sandbox`` is ``dor-sandbox`` (used by SandboxProcess)."""

import sys

from dor_desktop.sandbox.cli import main

sys.exit(main())
