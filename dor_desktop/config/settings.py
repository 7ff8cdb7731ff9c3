"""The shop's settings: a small typed JSON file in the data folder.

Plain JSON (not QSettings) because the command line, the sync worker and the window all read the
same file, and a support engineer can read it. The DOR client secret is never here: it lives in
the OS keyring (see ``dor_desktop.sync``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from dor_desktop.config.files import MAX_SETTINGS_BYTES, UnreadableFile, atomic_write_text, read_bounded
from dor_desktop.domain.json_input import parse_json_text
from dor_desktop.domain.urls import dor_url_problem
from dor_desktop.errors import UserError

SETTINGS_VERSION = 1
#: Headless override of ``dor_url`` (a server, CI); it decides the mode like the setting does.
ENV_DOR_URL = "DOR_DESKTOP_DOR_URL"
_PREFIX = re.compile(r"^[A-Z0-9]{1,8}$")


@dataclass(frozen=True)
class Settings:
    shop_name: str = "Demowinkel"
    shop_id: str = "DEMO-0001"
    counter_prefix: str = "K1"
    rule_pack: str = "default"
    dor_url: str = ""
    dor_client_id: str = ""
    scan_folder: str = ""
    language: str = "nl"
    keep_id_images: bool = False
    retention_years: int = 4
    first_run_done: bool = False
    #: The window locks after this many idle minutes (0: never); locking hides personal data.
    lock_after_minutes: int = 5

    @property
    def uses_sandbox(self) -> bool:
        """Until a real DOR is set, the app is in practice mode against its bundled sandbox."""
        return not self.dor_url.strip()


def configured_dor_url(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The real DOR's URL from the environment or the settings; empty means practice mode."""
    env = os.environ if environ is None else environ
    return env.get(ENV_DOR_URL, "").strip() or settings.dor_url.strip()


def _problems(settings: Settings) -> list[str]:
    problems = []
    if not _PREFIX.match(settings.counter_prefix):
        problems.append("counter_prefix must be 1-8 capital letters or digits (e.g. K1)")
    if not settings.shop_id.strip() or len(settings.shop_id) > 32:
        problems.append("shop_id is required (at most 32 characters)")
    if settings.language not in ("nl", "en"):
        problems.append("language must be nl or en")
    if not 1 <= settings.retention_years <= 20:
        problems.append("retention_years must be between 1 and 20")
    if not 0 <= settings.lock_after_minutes <= 240:
        problems.append("lock_after_minutes must be between 0 (never) and 240")
    url_problem = dor_url_problem(settings.dor_url.strip()) if settings.dor_url.strip() else None
    if url_problem:
        problems.append(url_problem)
    return problems


def validated(settings: Settings) -> Settings:
    problems = _problems(settings)
    if problems:
        raise UserError("invalid settings: " + "; ".join(problems))
    return settings


def load(path: Path) -> Settings:
    """The settings in ``path``; defaults when the file does not exist yet."""
    if not path.exists():
        return Settings()
    try:
        data = parse_json_text(read_bounded(path, MAX_SETTINGS_BYTES).decode("utf-8"), "the file")
    except UnreadableFile as exc:  # its message names the file already
        raise UserError(f"cannot read settings: {exc}") from None
    except UnicodeDecodeError:
        raise UserError(f"cannot read settings {path}: the file is not UTF-8 text") from None
    except UserError as exc:  # not JSON, nested too deeply, lone surrogates
        raise UserError(f"cannot read settings {path}: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"settings {path} is not a JSON object")
    kinds = {f.name: f.type for f in fields(Settings)}
    values = {k: v for k, v in data.items() if k in kinds}
    for key, value in values.items():
        problem = _type_problem(key, kinds[key], value)
        if problem:
            raise UserError(f"settings {path}: {problem}")
    return validated(Settings(**values))


#: What each annotated type takes in settings.json, for the error message.
_EXPECTED = {"str": "text in quotes", "bool": "true or false (without quotes)", "int": "a whole number"}


def _type_problem(key: str, kind: object, value: object) -> str | None:
    """Why ``value`` cannot be setting ``key`` (JSON's ``"false"`` is text, and text is true)."""
    fits = {
        "str": isinstance(value, str),
        "bool": isinstance(value, bool),
        "int": isinstance(value, int) and not isinstance(value, bool),
    }.get(str(kind), True)
    if fits:
        return None
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{key} must be {_EXPECTED[str(kind)]}, not {shown}"


def save(path: Path, settings: Settings) -> None:
    """Write atomically (a crash never leaves half a settings file), readable by this account only."""
    validated(settings)
    data = {"version": SETTINGS_VERSION, **asdict(settings)}
    atomic_write_text(path, json.dumps(data, indent=2, ensure_ascii=False))


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """``settings`` with one field set from command-line text (``true``/``false`` for switches)."""
    kinds = {f.name: f.type for f in fields(Settings)}
    if key not in kinds:
        raise UserError(f"unknown setting {key!r}; known: {', '.join(sorted(kinds))}")
    kind = kinds[key]
    value: object = text
    if kind == "bool":
        if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise UserError(f"{key} takes true or false")
        value = text.lower() in ("true", "yes", "1")
    elif kind == "int":
        try:
            value = int(text)
        except ValueError:
            raise UserError(f"{key} takes a whole number") from None
    return validated(replace(settings, **{key: value}))  # type: ignore[arg-type]  # checked above
