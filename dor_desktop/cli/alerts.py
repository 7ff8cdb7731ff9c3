"""Command-line handlers for hits and sales: list and acknowledge hits, record the police release,
record a sale. The window calls the same use cases (:mod:`dor_desktop.services.alerts`)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date

from dor_desktop.bootstrap.app import open_app
from dor_desktop.domain.clock import local_date, utc_now
from dor_desktop.domain.money import parse_amount
from dor_desktop.errors import UserError
from dor_desktop.services import alerts


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = commands.add_parser("alerts", help="stolen-goods hits: list, acknowledge, police release")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="hits whose goods the police have not released yet")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    ack = actions.add_parser("ack", help="mark a hit as read (the badge stops counting it)")
    ack.add_argument("alert_id", type=int)
    ack.set_defaults(func=_ack)
    release = actions.add_parser("release", help="the police released the goods: end the hold")
    release.add_argument("alert_id", type=int)
    release.add_argument("--note", required=True, help="who released them and how (e.g. report number)")
    release.set_defaults(func=_release)

    sell = commands.add_parser("sell", help="record the sale of an item (sales register)")
    sell.add_argument("reference", help="register number or client reference")
    sell.add_argument("--line", type=int, required=True, help="the item line sold")
    sell.add_argument("--price", required=True, help="the sale price in EUR, e.g. 125.00")
    sell.add_argument("--buyer", default="", help="the buyer's name")
    sell.set_defaults(func=_sell)


def _list(args: argparse.Namespace) -> int:
    with open_app() as app:
        found = alerts.open_alerts(app)
    if args.json:
        print(json.dumps([asdict(a) for a in found], indent=2, ensure_ascii=False))
        return 0
    for alert in found:
        read = "read" if alert.acknowledged else "NEW"
        print(
            f"{alert.alert_id:>5} {read:<4} {alert.register_number} line {alert.item_line}: "
            f"{alert.matched_field} {alert.matched_value} ({alert.match_type}) {alert.item_text}"
        )
    if not found:
        print("no open hits")
    return 0


def _ack(args: argparse.Namespace) -> int:
    with open_app() as app:
        alerts.acknowledge(app, args.alert_id)
    print(f"alert {args.alert_id} marked as read")
    return 0


def _release(args: argparse.Namespace) -> int:
    with open_app() as app:
        alerts.release(app, args.alert_id, args.note)
    print(f"alert {args.alert_id}: goods released")
    return 0


def _sell(args: argparse.Namespace) -> int:
    try:
        price = parse_amount(args.price)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    with open_app() as app:
        today: date = local_date(utc_now())
        sale = alerts.record_sale(app, args.reference, args.line, args.buyer, price, today)
    print(f"sold: {sale.register_number} line {sale.item_line}")
    return 0
