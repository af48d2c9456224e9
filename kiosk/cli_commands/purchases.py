"""``kioskctl purchases ...``: purchase requests (采购申请) for the supply cupboard, the same rules as the
desk (``DeskSuppliesGateway``); kioskctl acts as an administrator, so it may approve.

    kioskctl purchases suggest                       # a draft for every item under its minimum
    kioskctl purchases create --line 6901234567890=100@1.50 --line 7=20 --purpose "Q3" [--supplier 晨光]
    kioskctl purchases list [--status ordered]
    kioskctl purchases show 4
    kioskctl purchases approve 4
    kioskctl purchases order 4 [--supplier 晨光]
    kioskctl purchases receive 4 [--line ITEM=QTY[@YUAN] ...]   # default: everything outstanding
    kioskctl purchases cancel 4

ITEM is a barcode or an id; YUAN the unit price (default: the item's last price). Every command takes
``--json``; something to fix exits 1 with one ``error: ...`` line.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from kiosk.application.gateways.desk_supplies import (
    PurchaseLineForm,
    PurchaseRow,
    PurchaseStatus,
    ReceiptLine,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.cli_commands.requisitions import gateway


def priced_line(text: str) -> tuple[str, int, int | None]:
    """``ITEM=QTY[@YUAN]`` -> (item, quantity, unit cost in cents or None)."""
    item, sep, rest = text.partition("=")
    if not sep or not item.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use ITEM=QTY or ITEM=QTY@YUAN (ITEM: barcode or id)")
    quantity_text, at, price = rest.partition("@")
    try:
        quantity = int(quantity_text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: the quantity is a whole number") from None
    cents = None
    if at:
        try:
            yuan = Decimal(price.strip())
        except InvalidOperation:
            raise argparse.ArgumentTypeError(f"{text!r}: the price is in yuan, e.g. 1.50") from None
        if yuan < 0 or yuan != yuan.quantize(Decimal("0.01")):
            raise argparse.ArgumentTypeError(f"{text!r}: the price is in yuan and fen, e.g. 1.50")
        cents = int(yuan * 100)
    return item.strip(), quantity, cents


def _status(text: str) -> PurchaseStatus:
    try:
        return PurchaseStatus(text.strip().lower().replace("-", "_"))
    except ValueError:
        choices = ", ".join(s.value for s in PurchaseStatus)
        raise argparse.ArgumentTypeError(f"{text!r} is not a status ({choices})") from None


def _yuan(cents: int) -> str:
    return f"{cents / 100:.2f}"


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("purchases", help="purchase requests for the supply cupboard")
    actions = parser.add_subparsers(dest="purchases_action", required=True, metavar="ACTION")

    suggest = actions.add_parser("suggest", help="a draft for every active item under its minimum")
    add_json_flag(suggest)
    suggest.set_defaults(handler=cmd_suggest)

    create = actions.add_parser("create", help="a draft with these lines")
    create.add_argument("--line", dest="lines", action="append", required=True, type=priced_line,
                        metavar="ITEM=QTY[@YUAN]", help="an item, how many, and its unit price; repeat for more")
    create.add_argument("--purpose", required=True, help="what for")
    create.add_argument("--supplier", default="", help="whom to buy from")
    add_json_flag(create)
    create.set_defaults(handler=cmd_create)

    listing = actions.add_parser("list", help="the purchase requests, newest first")
    listing.add_argument("--status", dest="statuses", action="append", type=_status, metavar="STATUS",
                         help="only these (repeatable): " + ", ".join(s.value for s in PurchaseStatus))
    add_json_flag(listing)
    listing.set_defaults(handler=cmd_list)

    for name, handler, text in (("show", cmd_show, "one purchase request and its lines"),
                                ("submit", cmd_submit, "send a draft for approval"),
                                ("approve", cmd_approve, "a supervisor's approval"),
                                ("cancel", cmd_cancel, "cancel it (before it is received)")):
        action = actions.add_parser(name, help=text)
        action.add_argument("purchase_id", type=arguments.record_id, metavar="ID")
        add_json_flag(action)
        action.set_defaults(handler=handler)

    order = actions.add_parser("order", help="mark an approved request ordered")
    order.add_argument("purchase_id", type=arguments.record_id, metavar="ID")
    order.add_argument("--supplier", default="", help="whom it was ordered from")
    add_json_flag(order)
    order.set_defaults(handler=cmd_order)

    receive = actions.add_parser("receive", help="a delivery into stock (partially when it is short)")
    receive.add_argument("purchase_id", type=arguments.record_id, metavar="ID")
    receive.add_argument("--line", dest="lines", action="append", type=priced_line, metavar="ITEM=QTY[@YUAN]",
                         help="what came of an item (default: everything outstanding, at the lines' prices)")
    add_json_flag(receive)
    receive.set_defaults(handler=cmd_receive)


# -- printing --------------------------------------------------------------------------------------------------


def show_purchase(ctx: CliContext, args: argparse.Namespace, row: PurchaseRow, headline: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
        return 0
    print(f"{headline}: purchase {row.purchase_id}, {row.status.value}, made {local_time(row.created_at, ctx.zone)} "
          f"by {row.created_by}" + (f", approved by {row.approved_by}" if row.approved_by else "")
          + f", total ¥{_yuan(row.total_cents)}")
    if row.purpose or row.supplier:
        print(f"purpose: {row.purpose}" + (f"; supplier: {row.supplier}" if row.supplier else ""))
    print_table(("line", "item", "name", "unit", "quantity", "received", "unit price"),
                [(str(line.line_id), str(line.item_id), line.item_name, line.unit, str(line.quantity),
                  str(line.received_qty), _yuan(line.unit_cost_cents)) for line in row.lines], empty="(no lines)")
    return 0


# -- the commands ----------------------------------------------------------------------------------------------


def cmd_suggest(ctx: CliContext, args: argparse.Namespace) -> int:
    row = gateway(ctx).suggest_purchase()
    if row is None:
        if args.json:
            print_json(None, ctx.zone)
        else:
            print("nothing is below its minimum")
        return 0
    return show_purchase(ctx, args, row, "suggested")


def cmd_create(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    lines = [PurchaseLineForm(desk.item_id_for(item), quantity, cents or 0) for item, quantity, cents in args.lines]
    return show_purchase(ctx, args, desk.create_purchase(lines, args.purpose, args.supplier), "created")


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).purchases(frozenset(args.statuses or ()))
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(("id", "status", "purpose", "supplier", "lines", "total", "made"),
                [(str(r.purchase_id), r.status.value, r.purpose, r.supplier, str(len(r.lines)),
                  f"¥{_yuan(r.total_cents)}", local_time(r.created_at, ctx.zone)) for r in rows],
                empty="no purchase requests")
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    return show_purchase(ctx, args, gateway(ctx).purchase(args.purchase_id), "purchase")


def cmd_submit(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.purchase(args.purchase_id)
    return show_purchase(ctx, args, desk.submit_purchase(row.purchase_id, row.version), "submitted")


def cmd_approve(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.purchase(args.purchase_id)
    return show_purchase(ctx, args, desk.approve_purchase(row.purchase_id, row.version), "approved")


def cmd_order(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.purchase(args.purchase_id)
    return show_purchase(ctx, args, desk.mark_ordered(row.purchase_id, row.version, args.supplier), "ordered")


def cmd_cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.purchase(args.purchase_id)
    return show_purchase(ctx, args, desk.cancel_purchase(row.purchase_id, row.version), "cancelled")


def cmd_receive(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.purchase(args.purchase_id)
    receipts = []
    for item, quantity, cents in args.lines or ():
        item_id = desk.item_id_for(item)
        line = next((line for line in row.lines if line.item_id == item_id), None)
        if line is None:
            raise CliError(f"item {item} is not on purchase {row.purchase_id}")
        receipts.append(ReceiptLine(line.line_id, quantity, cents))
    return show_purchase(ctx, args, desk.receive_purchase(row.purchase_id, receipts), "received")
