"""Per-municipality rule packs: hold period and which checks are errors or warnings.

Municipalities differ (3 to 14 days of hold, how strict the ID rules are), so these are data, not
code. The packs ship in ``resources/rulepacks/``; a shop can drop its own JSON file in the data
folder's ``rulepacks/`` folder. A pack is plain JSON so a support engineer can read and write it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Literal

from dor_desktop.domain.json_input import parse_json_text
from dor_desktop.errors import UserError

Severity = Literal["error", "warning"]

#: Checks whose severity a pack may change; every other check is always an error.
CONFIGURABLE_CHECKS: dict[str, Severity] = {
    "id_expired": "error",
    "photo_or_number_missing": "warning",
    "id_document_missing": "error",
}


@dataclass(frozen=True)
class RulePack:
    id: str
    name: str
    hold_days: int = 7
    hold_day_kind: Literal["calendar", "working"] = "calendar"
    id_document_required: Literal["all_sellers", "metal_cash"] = "all_sellers"
    severity: dict[str, Severity] = field(default_factory=lambda: dict(CONFIGURABLE_CHECKS))
    description: str = ""
    #: A purchase dated more than this many hours before its registration is a late entry: it
    #: needs a reason and is marked as such in the register and the export.
    late_entry_hours: int = 24

    def severity_of(self, code: str) -> Severity:
        return self.severity.get(code, CONFIGURABLE_CHECKS.get(code, "error"))

    def hold_ends(self, acquired_on: date) -> date:
        """The first day on which the goods may be sold or altered.

        The hold covers ``hold_days`` (calendar or working) days after the day of purchase, so the
        goods are free on the day after the last of them, in both kinds of count.
        """
        if self.hold_day_kind == "calendar":
            return acquired_on + timedelta(days=self.hold_days + 1)
        day, left = acquired_on, self.hold_days
        while left > 0:
            day += timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
        return day + timedelta(days=1)


def _from_dict(data: dict, source: str) -> RulePack:
    try:
        fixed = [code for code in data.get("severity", {}) if code not in CONFIGURABLE_CHECKS]
        if fixed:
            raise UserError(f"rule pack {source}: the severity of {', '.join(fixed)} cannot be changed")
        severity = {**CONFIGURABLE_CHECKS, **data.get("severity", {})}
        pack = RulePack(
            id=str(data["id"]),
            name=str(data["name"]),
            hold_days=int(data["hold_days"]),
            hold_day_kind=data.get("hold_day_kind", "calendar"),
            id_document_required=data.get("id_document_required", "all_sellers"),
            severity=severity,
            description=str(data.get("description", "")),
            late_entry_hours=int(data.get("late_entry_hours", 24)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError(f"rule pack {source} is incomplete or malformed: {exc}") from None
    bad = [v for v in severity.values() if v not in ("error", "warning")]
    if not 1 <= pack.late_entry_hours <= 24 * 31:
        raise UserError(f"rule pack {source}: late_entry_hours must be from 1 to {24 * 31}")
    if bad or pack.hold_day_kind not in ("calendar", "working") or not 0 <= pack.hold_days <= 60:
        raise UserError(f"rule pack {source} has an invalid value")
    if pack.id_document_required not in ("all_sellers", "metal_cash"):
        raise UserError(f"rule pack {source} has an invalid id_document_required")
    return pack


#: Reads a shop's own pack file; the caller passes a bounded reader (``config.files``), which the
#: domain cannot import: a pipe or a huge file in the shop's folder is refused, not read whole.
PackReader = Callable[[Path], bytes]


def _read(path_like, source: str, read: PackReader | None = None) -> RulePack:
    try:
        raw = read(path_like) if read is not None else path_like.read_bytes()
        data = parse_json_text(raw.decode("utf-8"), "the file")  # also: nesting, lone surrogates
    except (OSError, ValueError, UserError) as exc:
        raise UserError(f"cannot read rule pack {source}: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"rule pack {source} is not a JSON object")
    return _from_dict(data, source)


def available_packs(extra_dir: Path | None = None, read: PackReader | None = None) -> dict[str, RulePack]:
    """The shipped packs plus any in ``extra_dir``, by id (a shop's own file wins)."""
    packs: dict[str, RulePack] = {}
    shipped = resources.files("dor_desktop.resources") / "rulepacks"
    for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            pack = _read(entry, entry.name)
            packs[pack.id] = pack
    if extra_dir is not None and extra_dir.is_dir():
        for path in sorted(extra_dir.glob("*.json")):
            pack = _read(path, str(path), read)
            packs[pack.id] = pack
    return packs


def load_pack(pack_id: str, extra_dir: Path | None = None, read: PackReader | None = None) -> RulePack:
    packs = available_packs(extra_dir, read)
    if pack_id not in packs:
        raise UserError(f"unknown rule pack {pack_id!r}; available: {', '.join(sorted(packs))}")
    return packs[pack_id]


DEFAULT_PACK_ID = "default"
