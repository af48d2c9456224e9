"""``kioskctl supplies ...``: the office-supplies cupboard's items and stock, for scripts and the desk's
other systems (the same rules as the desk: ``DeskSuppliesGateway``).

    kioskctl supplies items add --name 签字笔 --spec "0.5mm 黑" --unit 支 --min 10 --reorder 50 --cost 1.50
    kioskctl supplies items list [--search 笔] [--low] [--all]
    kioskctl supplies items import items.xlsx      # or .csv (UTF-8 or GBK); Chinese or English headers
    kioskctl supplies receive --item 3 --qty 100 [--cost 1.20] [--reason "bought at the shop"]
    kioskctl supplies return --item 3 --qty 2 [--reason ...]
    kioskctl supplies move --item 3 --to "B柜-2"
    kioskctl supplies balance                      # every active item: on hand, minimum, to purchase, value
    kioskctl supplies history --item 3 [--limit 50]

Amounts are yuan with at most two decimals, stored as integer cents. Every command takes ``--json``.
Something to fix exits 1 with one ``error: ...`` line (issuing or counting more than on hand names the
item and what is left).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemForm, ItemRow
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.cli_commands.parcels import cents, yuan
from kiosk.domain.security import StaffRole


def _gateway(ctx: CliContext) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN)


def _quantity(text: str) -> int:
    value = arguments.count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quantity; use a whole number from 1")
    return value


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("supplies", help="office supplies: items, stock in, balances, each item's ledger")
    actions = parser.add_subparsers(dest="supplies_action", required=True, metavar="ACTION")

    items = actions.add_parser("items", help="the items kept in the cupboard")
    item_actions = items.add_subparsers(dest="items_action", required=True, metavar="ACTION")

    add = item_actions.add_parser("add", help="a new item (nothing on hand yet)")
    add.add_argument("--name", required=True)
    add.add_argument("--unit", required=True, help="支, 包, 盒, pcs, ...")
    add.add_argument("--spec", default="", help="the specification: size, colour, model")
    add.add_argument("--category", default="")
    add.add_argument("--location", default="", help="where it is stored")
    add.add_argument("--barcode", default="")
    add.add_argument("--min", dest="min_qty", type=arguments.count, default=0, metavar="N",
                     help="below this, apply for a purchase")
    add.add_argument("--reorder", dest="reorder_qty", type=arguments.count, metavar="N",
                     help="buy up to this level (default: the minimum)")
    add.add_argument("--cost", metavar="YUAN", help="unit cost in yuan (1.50)")
    add_json_flag(add)
    add.set_defaults(handler=add_command)

    listing = item_actions.add_parser("list", help="items with their balance, by category and name")
    listing.add_argument("--search", default="", metavar="TEXT", help="name, specification, category or barcode")
    listing.add_argument("--low", action="store_true", help="only items under their minimum")
    listing.add_argument("--all", action="store_true", help="inactive items too")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    imported = item_actions.add_parser(
        "import", help="add or update items from CSV/XLSX (名称/name, 规格/specification, 单位/unit, 类别/category, "
                       "存放位置/location, 条码/barcode, 最低库存/min, 补货至/reorder, 单价/unit_cost in yuan)")
    imported.add_argument("file", type=Path, metavar="FILE.csv|FILE.xlsx")
    add_json_flag(imported)
    imported.set_defaults(handler=import_command)

    receive = actions.add_parser("receive", help="stock taken in by hand (a purchase's delivery: purchases receive)")
    receive.add_argument("--item", dest="item_id", type=arguments.record_id, required=True, metavar="ID")
    receive.add_argument("--qty", type=_quantity, required=True, metavar="N")
    receive.add_argument("--cost", metavar="YUAN", help="unit cost in yuan (default: the item's last price)")
    receive.add_argument("--reason", default="")
    add_json_flag(receive)
    receive.set_defaults(handler=receive_command)

    returned = actions.add_parser("return", help="stock given back to the cupboard")
    returned.add_argument("--item", dest="item_id", type=arguments.record_id, required=True, metavar="ID")
    returned.add_argument("--qty", type=_quantity, required=True, metavar="N")
    returned.add_argument("--reason", default="")
    add_json_flag(returned)
    returned.set_defaults(handler=return_command)

    move = actions.add_parser("move", help="the item's stock now lives somewhere else")
    move.add_argument("--item", dest="item_id", type=arguments.record_id, required=True, metavar="ID")
    move.add_argument("--to", dest="location", required=True, metavar="LOCATION")
    add_json_flag(move)
    move.set_defaults(handler=move_command)

    balance = actions.add_parser("balance", help="every active item: on hand, minimum, to purchase, value")
    add_json_flag(balance)
    balance.set_defaults(handler=balance_command)

    history = actions.add_parser("history", help="one item's ledger, newest first")
    history.add_argument("--item", dest="item_id", type=arguments.record_id, required=True, metavar="ID")
    history.add_argument("--limit", type=_quantity, default=200, metavar="N")
    add_json_flag(history)
    history.set_defaults(handler=history_command)


# -- the commands ----------------------------------------------------------------------------------------------


def _label(row: ItemRow) -> str:
    return f"{row.name} {row.specification}".strip()


def _one(ctx: CliContext, args: argparse.Namespace, row: ItemRow, done: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"item {row.item_id} {_label(row)}: {done}; {row.on_hand} {row.unit} on hand"
              + (f", under the minimum of {row.min_qty}: buy {row.to_purchase}" if row.below_minimum else ""))
    return 0


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    reorder = args.min_qty if args.reorder_qty is None else args.reorder_qty
    form = ItemForm(name=args.name, unit=args.unit, specification=args.spec, category=args.category,
                    location=args.location, barcode=args.barcode, min_qty=args.min_qty, reorder_qty=reorder,
                    unit_cost_cents=cents(args.cost, "--cost") if args.cost is not None else 0)
    return _one(ctx, args, _gateway(ctx).add_item(form), "added")


def _item_table(rows: list[ItemRow], *, empty: str) -> None:
    headers = ["ID", "NAME", "SPEC", "UNIT", "CATEGORY", "LOCATION", "ON HAND", "MIN", "TO BUY", "VALUE", ""]
    table = [[str(r.item_id), r.name, r.specification, r.unit, r.category, r.location, str(r.on_hand),
              str(r.min_qty), str(r.to_purchase) if r.below_minimum else "", yuan(r.value_cents),
              ", ".join(n for n in ("LOW" if r.below_minimum else "", "" if r.active else "inactive") if n)]
             for r in rows]
    print_table(headers, table, empty=empty)


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = _gateway(ctx).items(args.search, below_minimum_only=args.low, include_inactive=args.all)
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    empty = ("no item matches" if args.search or args.low
             else "no items; add some with 'kioskctl supplies items add' or 'items import FILE'")
    _item_table(rows, empty=empty)
    return 0


def import_command(ctx: CliContext, args: argparse.Namespace) -> int:
    saved, problems = _gateway(ctx).import_items(args.file)
    if args.json:
        print_json({"saved": saved, "refused": problems}, ctx.zone)
    else:
        print(f"{saved} item(s) added or updated")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        # The good rows are saved already; the exit status tells a script the file needs fixing.
        print(f"error: {len(problems)} row(s) not imported; fix them and import the file again", file=sys.stderr)
        return 1
    return 0


def receive_command(ctx: CliContext, args: argparse.Namespace) -> int:
    cost = cents(args.cost, "--cost") if args.cost is not None else None
    row = _gateway(ctx).receive_stock(args.item_id, args.qty, cost, args.reason)
    return _one(ctx, args, row, f"{args.qty} received")


def return_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = _gateway(ctx).return_stock(args.item_id, args.qty, args.reason)
    return _one(ctx, args, row, f"{args.qty} returned")


def move_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = _gateway(ctx).move_stock(args.item_id, args.location)
    return _one(ctx, args, row, f"moved to {row.location}")


def balance_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = _gateway(ctx).items()
    total = sum(r.value_cents for r in rows)
    if args.json:
        print_json({"items": [{"item_id": r.item_id, "name": r.name, "specification": r.specification,
                               "unit": r.unit, "on_hand": r.on_hand, "min_qty": r.min_qty,
                               "to_purchase": r.to_purchase, "value_cents": r.value_cents,
                               "below_minimum": r.below_minimum} for r in rows],
                    "total_value_cents": total}, ctx.zone)
        return 0
    table = [[str(r.item_id), _label(r), r.unit, str(r.on_hand), str(r.min_qty),
              str(r.to_purchase) if r.below_minimum else "", yuan(r.value_cents), "LOW" if r.below_minimum else ""]
             for r in rows]
    print_table(["ID", "ITEM", "UNIT", "ON HAND", "MIN", "TO PURCHASE", "VALUE", ""], table,
                empty="no items; add some with 'kioskctl supplies items add' or 'items import FILE'")
    if rows:
        low = sum(1 for r in rows if r.below_minimum)
        print(f"{len(rows)} item(s), {low} under the minimum; stock value {yuan(total)} yuan (moving average)")
    return 0


def history_command(ctx: CliContext, args: argparse.Namespace) -> int:
    lines = _gateway(ctx).history(args.item_id, args.limit)
    if args.json:
        print_json(lines, ctx.zone)
        return 0
    table = [[str(m.movement_id), local_time(m.at, ctx.zone), m.kind.value, f"{m.quantity:+d}", str(m.balance_after),
              yuan(abs(m.value_cents)) if m.value_cents >= 0 else "-" + yuan(-m.value_cents), m.actor,
              f"{m.document_kind.value} {m.document_id}" if m.document_id is not None else m.document_kind.value,
              m.department, m.reason] for m in lines]
    print_table(["ID", "WHEN", "KIND", "QTY", "BALANCE", "VALUE", "WHO", "DOCUMENT", "DEPARTMENT", "WHY"], table,
                empty="no movements yet")
    return 0
