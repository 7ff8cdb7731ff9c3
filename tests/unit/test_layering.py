"""The domain layer stays plain Python: no Qt, no database, no network, no OCR (ARCHITECTURE.md, 1)."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = (
    "PySide6",
    "shiboken6",
    "sqlalchemy",
    "alembic",
    "httpx",
    "tesserocr",
    "pytesseract",
    "passporteye",
    "PIL",
)

_PROBE = """
import importlib, json, pkgutil, sys
import dor_desktop.domain as domain
names = [m.name for m in pkgutil.iter_modules(domain.__path__, "dor_desktop.domain.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "loaded": sorted(sys.modules)}))
"""


def test_importing_every_domain_module_loads_no_framework():
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    assert "dor_desktop.domain.validation" in report["modules"]
    loaded_roots = {name.split(".")[0] for name in report["loaded"]}
    assert loaded_roots.isdisjoint(FORBIDDEN), loaded_roots & set(FORBIDDEN)
    outside = {
        n for n in report["loaded"] if n.startswith("dor_desktop.") and not n.startswith("dor_desktop.domain")
    }
    assert outside <= {"dor_desktop.errors"}, outside


_LAYER_PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for info in pkgutil.iter_modules(package.__path__, sys.argv[1] + "."):
    importlib.import_module(info.name)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _roots_loaded_by(package: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", _LAYER_PROBE, package], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_storage_sync_and_reports_never_load_qt_or_ocr():
    """Only the window may load Qt, and only the ID scanner the OCR stack: the command line and the
    sync worker stay light, and the window can defer OCR imports off its start-up path."""
    for package in ("dor_desktop.storage", "dor_desktop.sync", "dor_desktop.reports", "dor_desktop.app"):
        loaded = _roots_loaded_by(package)
        assert loaded.isdisjoint({"PySide6", "shiboken6", "tesserocr", "passporteye", "skimage"}), (
            package,
            loaded,
        )
