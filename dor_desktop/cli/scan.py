"""`dor-desktop scan IMAGE [--json] [--masked-out FILE] [--shop NAME]`: read an ID from the command line.

Prints the fields (never a BSN: the result has none) and exits non-zero with one clear line when
no MRZ is found or a check fails, so scripts and the clerk both see why.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dor_desktop.config.paths import Paths
from dor_desktop.errors import UserError
from dor_desktop.services import scanning, settings_change

if TYPE_CHECKING:
    from dor_desktop.services.scanning import ScanResult

#: Exit code when an MRZ was read but a check digit or another check failed.
EXIT_CHECKS_FAILED = 4

_LABELS = (
    ("document_number", "Document number"),
    ("issuing_country", "Issuing country"),
    ("family_name", "Family name"),
    ("given_names", "Given names"),
    ("date_of_birth", "Date of birth"),
    ("sex", "Sex"),
    ("nationality", "Nationality"),
    ("expiry_date", "Expiry date"),
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``scan`` sub-command."""
    parser = subparsers.add_parser("scan", help="read the MRZ of an ID document image (never prints a BSN)")
    parser.add_argument("image", type=Path, help="image (JPEG, PNG, TIFF...) or a scanner's PDF")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--masked-out", type=Path, metavar="FILE", help="write a masked, watermarked copy")
    parser.add_argument(
        "--shop",
        default="",
        help="shop name for the masked copy's watermark (default: the settings' shop name)",
    )
    parser.set_defaults(func=run_scan)


def run_scan(args: argparse.Namespace) -> int:
    shop = args.shop.strip() or _settings_shop_name()
    if args.masked_out is not None and not shop:
        raise UserError("--masked-out needs --shop NAME for the watermark (recipient of the copy)")
    result = scanning.read_document(args.image)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_result(result))
    if args.masked_out is not None:
        scanning.write_masked_copy(args.image, args.masked_out, shop, date.today())
        print(f"masked copy written to {args.masked_out}")
    if not result.ok:
        to_check = ", ".join(result.fields_to_check)
        reasons = "; ".join(result.problems)
        raise UserError(f"compare with the document: {to_check} ({reasons})", EXIT_CHECKS_FAILED)
    return 0


def _settings_shop_name() -> str:
    """The shop named in the settings: the recipient a masked copy is made for."""
    return settings_change.current(Paths.from_environment()).shop_name.strip()


def format_result(result: ScanResult) -> str:
    """Aligned 'label: value' lines, each marked confirmed or CHECK with the reason.

    The mark follows the field's trust, not its check digit alone: a birth date whose check digit
    passes can still make the seller a one-year-old, and a name has no check digit at all.
    """
    lines = [f"{'Document type':<16} {result.document_type} ({result.mrz_format})"]
    for name, label in _LABELS:
        field = getattr(result, name)
        if not field.value and not field.covered:
            continue
        if field.confirmed:
            mark = "  [confirmed]"
        elif field.to_check:
            mark = f"  [CHECK: {field.doubt}]" if field.doubt else "  [CHECK]"
            if field.alternatives:
                mark += f" (or: {', '.join(field.alternatives)})"
        else:
            mark = ""
        lines.append(f"{label:<16} {field.value}{mark}")
    if result.expired:
        lines.append("EXPIRED document")
    lines.extend(f"problem: {problem}" for problem in result.problems)
    return "\n".join(lines)
