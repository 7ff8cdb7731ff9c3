"""Languages: Dutch (the default) and English, from Qt Linguist sources in ``resources/i18n``.

Source strings in the code are English and always go through ``tr()`` or ``translate()``; the
Dutch and English ``.ts`` files hold the translations. The compiled ``.qm`` files are build output
(not committed): ``python -m dor_desktop.ui.i18n --compile`` makes them with PySide6's lrelease, run
by ``scripts/setup`` (install time) and by ``installers/build`` (build time). The running program
never writes into its own folder. ``--update`` re-extracts the strings from the code into the
``.ts`` files (developers).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_installed: list[QTranslator] = []

log = logging.getLogger(__name__)


def i18n_dir() -> Path:
    return Path(str(resources.files("dor_desktop.resources"))) / "i18n"


def ts_path(language: str) -> Path:
    return i18n_dir() / f"dor_desktop_{language}.ts"


def qm_path(language: str) -> Path:
    return i18n_dir() / f"dor_desktop_{language}.qm"


def _tool(name: str) -> str:
    """The PySide6 wrapper script next to this Python (the venv), else one on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise RuntimeError(f"pyside6-{name} is not installed (it comes with PySide6)")
    return found


def compile_language(language: str) -> Path:
    """Compile one ``.ts`` to its ``.qm``; returns the ``.qm`` path."""
    source, target = ts_path(language), qm_path(language)
    subprocess.run(
        [_tool("lrelease"), "-silent", str(source), "-qm", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def compile_all() -> list[Path]:
    return [compile_language(language) for language in LANGUAGES]


def update_sources() -> None:
    """Re-extract every tr()/translate() string of the UI code into both ``.ts`` files."""
    sources = sorted(str(p) for p in Path(__file__).parent.glob("*.py"))
    for language in LANGUAGES:
        subprocess.run(
            [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts_path(language))],
            check=True,
        )


def install(language: str) -> bool:
    """Install the translators for ``language`` on the running application (replacing others).

    Returns False when the language's catalogue cannot be loaded (the UI then shows the English
    source strings rather than failing to start). The catalogues are compiled when the program is
    installed or built (``--compile``), never here: an installed program's folder may be read-only
    and is never written at run time.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English))
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        log.warning(
            "no compiled translations at %s (python -m dor_desktop.ui.i18n --compile)", qm_path(language)
        )
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's standard dialogs (file chooser, print dialog) in the same language
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dor_desktop.ui.i18n", description=__doc__)
    parser.add_argument("--compile", action="store_true", help="build the .qm files from the .ts sources")
    parser.add_argument("--update", action="store_true", help="re-extract UI strings into the .ts sources")
    args = parser.parse_args(argv)
    if not (args.compile or args.update):
        parser.print_help()
        return 2
    if args.update:
        update_sources()
    if args.compile:
        for path in compile_all():
            print(f"compiled {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
