"""Command-line handlers for the register: add, list, show, correct, void, verify, export, config,
purge-id-copies, purge-personal-data."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from dor_desktop.bootstrap.app import open_app
from dor_desktop.bootstrap.sync import build_sync_service
from dor_desktop.config.files import MAX_JSON_BYTES, UnreadableFile, read_json_file
from dor_desktop.config.paths import Paths
from dor_desktop.config.settings import configured_dor_url
from dor_desktop.domain.bsn_text import printable
from dor_desktop.domain.clock import local_date, utc_now
from dor_desktop.domain.json_input import parse_json_text
from dor_desktop.domain.purchase import Purchase
from dor_desktop.domain.registration import purchase_from_json
from dor_desktop.domain.validation import FieldError
from dor_desktop.errors import UserError
from dor_desktop.services import inspection, register, retention, settings_change
from dor_desktop.services.context import AppContext
from dor_desktop.services.register import EntryFilter, EntrySummary, ValidationFailed
from dor_desktop.services.register_reads import seller_label

REJECTED = 1
VERIFY_DESCRIPTION = """\
Check the register: the hash chain, the gap-free numbering, the alerts' own chain and the file.
Then ask the DOR (the sandbox in practice mode) for the newest entry it acknowledged per counter:
a register that ends before it, or holds another entry there, lost or rewrote acknowledged entries.

Exit codes: 0 intact (a warning line says so when the DOR could not be asked); 1 a problem was
found, locally or against the DOR.
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    register = commands.add_parser("register", help="add, list, show, correct or void register entries")
    actions = register.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="validate and commit purchases from a JSON file (- for stdin)")
    add.add_argument("--json", dest="json_file", required=True, metavar="FILE")
    add.set_defaults(func=_add)

    listing = actions.add_parser("list", help="list entries, newest first")
    listing.add_argument("--search", default="", help="register number, IMEI, serial, frame number or name")
    listing.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=_list)

    show = actions.add_parser("show", help="show one entry by register number or client reference")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)

    correct = actions.add_parser("correct", help="commit a correction of an entry (a new entry)")
    correct.add_argument("reference")
    correct.add_argument("--json", dest="json_file", required=True, metavar="FILE")
    correct.add_argument("--reason", required=True)
    correct.set_defaults(func=_correct)

    void = actions.add_parser("void", help="void an entry (a new entry); refused on police hold")
    void.add_argument("reference")
    void.add_argument("--reason", required=True)
    void.set_defaults(func=_void)

    check = commands.add_parser(
        "verify",
        help="check the hash chain and the numbering of the register, and ask the DOR what it acknowledged",
        description=VERIFY_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "--local", action="store_true", help="check the local register only; do not ask the DOR"
    )
    check.set_defaults(func=_verify, read_only=True)

    purge = commands.add_parser(
        "purge-id-copies", help="remove kept ID copies whose retention (retention_years) has passed"
    )
    purge.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    purge.set_defaults(func=_purge_id_copies)

    personal = commands.add_parser(
        "purge-personal-data",
        help="remove the seller's personal data from entries older than retention_years (the entries stay)",
    )
    personal.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    personal.add_argument(
        "--as-of",
        dest="as_of",
        type=_date,
        metavar="YYYY-MM-DD",
        help="act as if today were this day (audits)",
    )
    personal.set_defaults(func=_purge_personal_data)

    export = commands.add_parser("export", help="export the register for inspection (art. 552 Sv)")
    export.add_argument("--from", dest="date_from", type=_date, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", type=_date, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--format", choices=("csv", "pdf"), required=True)
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument(
        "--by",
        choices=inspection.EXPORT_BY,
        default="acquired",
        help="select the period by purchase date (acquired, the default) or by registration date",
    )
    export.set_defaults(func=_export, read_only=True)

    config = commands.add_parser("config", help="show or change the shop's settings")
    config_actions = config.add_subparsers(dest="action", metavar="ACTION", required=True)
    config_actions.add_parser("show", help="print the settings and the available rule packs").set_defaults(
        func=_config_show
    )
    setter = config_actions.add_parser("set", help="set one setting")
    setter.add_argument("key")
    setter.add_argument("value")
    setter.set_defaults(func=_config_set)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _read_json(name: str) -> Any:
    """A purchase file (``-`` for stdin): a regular file of at most MAX_JSON_BYTES, UTF-8 JSON."""
    try:
        raw = _read_stdin() if name == "-" else read_json_file(Path(name))
        # utf-8-sig: Windows editors (Notepad) start UTF-8 files with a byte-order mark.
        return parse_json_text(raw.decode("utf-8-sig"), name)
    except OSError as exc:
        message = str(exc) if isinstance(exc, UnreadableFile) else f"cannot read {name}: {exc}"
        raise UserError(message) from None
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text") from None


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise UnreadableFile(f"the input is too large (more than {MAX_JSON_BYTES // (1024 * 1024)} MB)")
    return data


def _print_problems(label: str, problems: list[FieldError]) -> None:
    print(f"{label} rejected, nothing stored:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem.severity}: {problem}", file=sys.stderr)


def _parse(data: Any, label: str) -> Purchase | None:
    purchase, problems = purchase_from_json(data, utc_now())
    if problems or purchase is None:
        _print_problems(label, problems)
        return None
    return purchase


def _add(args: argparse.Namespace) -> int:
    data = _read_json(args.json_file)
    batch = data if isinstance(data, list) else [data]
    if not batch:
        raise UserError(f"{args.json_file} holds an empty list")
    rejected = 0
    with open_app() as app:
        for index, item in enumerate(batch, start=1):
            label = f"purchase {index}" if len(batch) > 1 else "the purchase"
            purchase = _parse(item, label)
            if purchase is None:
                rejected += 1
                continue
            try:
                entry = register.commit_purchase(app, purchase)
            except ValidationFailed as failed:
                _print_problems(label, failed.problems)
                rejected += 1
                continue
            print(f"{entry.register_number} {entry.client_reference}", flush=True)
    return REJECTED if rejected else 0


def _correct(args: argparse.Namespace) -> int:
    purchase = _parse(_read_json(args.json_file), "the correction")
    if purchase is None:
        return REJECTED
    with open_app() as app:
        try:
            entry = register.correct(app, args.reference, purchase, args.reason)
        except ValidationFailed as failed:
            _print_problems("the correction", failed.problems)
            return REJECTED
    print(f"{entry.register_number} {entry.client_reference}")
    return 0


def _void(args: argparse.Namespace) -> int:
    with open_app() as app:
        entry = register.void(app, args.reference, args.reason)
    print(f"{entry.register_number} {entry.client_reference}")
    return 0


def _summary_json(summary: EntrySummary) -> dict[str, Any]:
    return asdict(summary)


def _list(args: argparse.Namespace) -> int:
    with open_app() as app:
        flt = EntryFilter(text=args.search, date_from=args.date_from, date_to=args.date_to, limit=args.limit)
        rows = register.list_entries(app, flt)
    if args.json:
        print(json.dumps([_summary_json(r) for r in rows], indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        hits = f"  HITS:{row.active_hits}" if row.active_hits else ""
        late = "  LATE ENTRY" if row.late_entry else ""
        print(
            f"{row.register_number:<12} {row.kind:<10} {row.acquired_at[:16]:<16} "
            f"{printable(seller_label(row))[:30]:<30} {row.total_amount:>10}  "
            f"{row.sync_state or '-'}{hits}{late}"
        )
    if not rows:
        print("no entries", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_app() as app:
        detail = register.entry_detail(app, args.reference)
    data = asdict(detail)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    _print_detail(data, seller_label(detail.summary))
    return 0


def _print_detail(data: dict[str, Any], seller: str) -> None:
    summary, payload = data["summary"], data["payload"]
    print(f"{summary['register_number']}  ({summary['kind']})  reference {summary['client_reference']}")
    print(f"  acquired {summary['acquired_at']}   committed {summary['committed_at']}")
    if payload.get("late_entry_reason"):
        print(f"  LATE ENTRY: registered after the fact; reason: {payload['late_entry_reason']}")
    if data["refers_to"]:
        print(f"  refers to {data['refers_to']}: {printable(data['reason'] or '')}")
    for kind, number in data["referred_by"]:
        print(f"  {kind} by {number}")
    print(f"  seller: {printable(seller)}   total: EUR {summary['total_amount']}")
    for item in payload.get("items", []):
        ident = item.get("imei") or item.get("serial_number") or item.get("frame_number") or ""
        line = f"  - {item.get('line')}. {item.get('category')}: {item.get('description')} {ident}"
        print(printable(line.rstrip()))
    print(f"  hold until: {data['hold_until']}")
    print(f"  sync: {summary['sync_state'] or '-'}  dor_id: {summary['dor_id'] or '-'}")
    for error in data["sync_errors"]:
        print(f"  DOR error {error.get('field')}: {error.get('message') or error.get('code')}")
    for hit in data["hits"]:
        print(f"  HIT ({hit['status']}): {hit['matched_field']} {hit['matched_value']} ({hit['match_type']})")


def _verify(args: argparse.Namespace) -> int:
    with open_app(read_only=True) as app:  # evidence is read; a read-only copy works too
        report = inspection.verify(app)
        if args.local:
            anchor = None
        elif app.db.read_only:  # a copy kept as evidence: its DOR (the sandbox) cannot even start here
            anchor = inspection.dor_not_asked("this is a read-only copy of the data folder")
        else:
            anchor = _ask_dor(app)
    if not report.ok:
        print(
            f"dor-desktop: verify FAILED after {report.entries} good entries: {report.problem}",
            file=sys.stderr,
        )
    else:
        print(f"register OK: {report.entries} entries, hash chain and numbering intact")
        if report.link_only:
            print(
                f"{report.link_only} entries from before chain format 2 had their personal data purged: "
                "their content can no longer be recomputed, they were checked by their links only"
            )
    if anchor is None:
        return 0 if report.ok else 1
    for finding in anchor.findings:
        print(f"dor-desktop: verify FAILED against the DOR: {finding.message}", file=sys.stderr)
    if anchor.unreachable:
        print(f"dor-desktop: warning: {anchor.unreachable}", file=sys.stderr)
    elif not anchor.findings:
        counters = ", ".join(anchor.checked)
        print(f"DOR anchor OK: the register holds what the DOR acknowledged (counters {counters})")
    return 0 if report.ok and not anchor.findings else 1


def _ask_dor(app: AppContext) -> inspection.AnchorCheck:
    """The anchor check against the DOR this register syncs with (the sandbox in practice mode)."""
    try:
        service = build_sync_service(app)
    except UserError as exc:
        return inspection.dor_not_asked(str(exc))
    with service:
        return inspection.check_anchor(app, service.transport)


def _purge_id_copies(args: argparse.Namespace) -> int:
    with open_app() as app:
        purge = retention.purge_id_copies(app, date.today(), dry_run=args.dry_run)
    verb = "would remove" if purge.dry_run else "removed"
    for path in purge.removed:
        print(f"{verb} {path.name}")
    print(
        f"{verb} {len(purge.removed)} ID copies of purchases before {purge.cutoff} "
        f"(retention {purge.years} years)"
    )
    for path, reason in purge.failed:
        print(f"dor-desktop: error: could not remove {path}: {reason}", file=sys.stderr)
    return 1 if purge.failed else 0


def _purge_personal_data(args: argparse.Namespace) -> int:
    with open_app() as app:
        today = args.as_of or local_date(utc_now())  # the shop's day
        purge = retention.purge_personal_data(app, today, dry_run=args.dry_run)
    verb = "would purge" if purge.dry_run else "purged"
    print(
        f"{verb} the personal data of {len(purge.purged)} entries bought before {purge.cutoff} "
        f"(retention {purge.years} years)"
    )
    for number in purge.held:
        print(f"kept {number}: on police hold until the police release the goods")
    for number in purge.unacknowledged:
        print(f"kept {number}: the DOR has not acknowledged its registration yet")
    if not purge.wal_truncated:
        print("dor-desktop: warning: another program held the register; old pages stay in its WAL until "
              "the next purge", file=sys.stderr)  # fmt: skip
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.date_to < args.date_from:
        raise UserError("--to is before --from")
    with open_app(read_only=True) as app:
        count = inspection.export(app, args.date_from, args.date_to, args.format, args.out, args.by)
    print(f"exported {count} entries to {args.out}")
    return 0


def _config_show(_args: argparse.Namespace) -> int:
    paths = Paths.from_environment()
    current = settings_change.current(paths)
    print(f"data folder: {paths.home}")
    practice = not configured_dor_url(current)
    in_use = "the practice register (no DOR configured)" if practice else "the legal register"
    print(f"register in use: {in_use}, {paths.in_mode(practice).database}")
    for key, value in asdict(current).items():
        print(f"{key} = {value}")
    packs = settings_change.rule_packs(paths)
    print(
        "rule packs: " + ", ".join(f"{p.id} ({p.hold_days} {p.hold_day_kind} days)" for p in packs.values())
    )
    return 0


def _config_set(args: argparse.Namespace) -> int:
    with open_app() as app:  # the change is recorded in the audit log of the register in use
        change = settings_change.change_value(app, args.key, args.value)
    print(f"{args.key} = {getattr(change.new, args.key)}")
    if change.mode_changed:
        register_in_use = "practice register" if change.new.uses_sandbox else "legal register"
        print(f"from now on the {register_in_use} is in use (practice data stays apart)")
    return 0
