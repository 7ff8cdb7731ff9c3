"""pyproject.toml lists its packages by hand: every package folder must be in that list."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listed() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def _package_folders() -> set[str]:
    """Every folder under dor_desktop/ holding Python code (a package or a would-be namespace package)."""
    found = set()
    for source in (ROOT / "dor_desktop").rglob("*.py"):
        folder = source.parent.relative_to(ROOT)
        if "__pycache__" not in folder.parts:
            found.add(".".join(folder.parts))
    return found


def test_every_package_folder_is_listed_in_pyproject():
    missing = _package_folders() - _listed()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_listed_package_exists():
    for name in _listed() - {"dor_desktop.resources"}:
        assert (ROOT / Path(*name.split(".")) / "__init__.py").is_file(), name
    assert (ROOT / "resources" / "__init__.py").is_file()


def test_the_rule_packs_ship_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["setuptools"]["package-dir"]["dor_desktop.resources"] == "resources"
    assert "**/*" in config["tool"]["setuptools"]["package-data"]["dor_desktop.resources"]
    assert (ROOT / "resources" / "rulepacks" / "default.json").is_file()
