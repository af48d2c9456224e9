"""``kioskctl stocktake ...`` and ``kioskctl supplies-report ...``: counting the supply cupboard and its
reports, for scripts and cron (the same rules as the desk: ``DeskSuppliesGateway``).

    kioskctl stocktake start --location A-1            # prints the id and the count sheet
    kioskctl stocktake start --fast-movers             # the daily list: [supplies] fast_movers
    kioskctl stocktake start --items 3,4,9
    kioskctl stocktake count 12 --item 6901234567890 --qty 47 --reason "3 broken"   # ITEM: id or barcode
    kioskctl stocktake show 12
    kioskctl stocktake sheet 12 --pdf count-sheet.pdf  # printable, to count on paper
    kioskctl stocktake post 12                         # variances become adjustments; book equals count
    kioskctl stocktake cancel 12
    kioskctl supplies-report consumption --from 2026-01 --to 2026-06 --out consumption.xlsx
    kioskctl supplies-report value|slow|open --out FILE.csv

Every stocktake command takes ``--json``. Something to fix exits 1 with one ``error: ...`` line.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime
from pathlib import Path

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, StocktakeRow, SupplyReport
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.config import PRIVATE_FILE_MODE
from kiosk.domain.security import StaffRole

REPORTS = {"consumption": SupplyReport.CONSUMPTION, "value": SupplyReport.STOCK_VALUE,
           "slow": SupplyReport.SLOW_MOVERS, "open": SupplyReport.OPEN_REQUISITIONS}


def _gateway(ctx: CliContext) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN,
                               fast_movers=ctx.settings.supplies.fast_movers)


def _month(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month; use YYYY-MM") from None


def _item_ids(text: str) -> list[int]:
    return [arguments.record_id(part) for part in text.split(",") if part.strip()]


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("stocktake", help="count the supply cupboard: book and count must agree")
    actions = parser.add_subparsers(dest="stocktake_action", required=True, metavar="ACTION")

    start = actions.add_parser("start", help="a count sheet; prints its id and the sheet")
    scope = start.add_mutually_exclusive_group()
    scope.add_argument("--location", metavar="L", help="the items stored at this location")
    scope.add_argument("--items", type=_item_ids, metavar="ID,ID", help="these items")
    scope.add_argument("--fast-movers", action="store_true", help="the daily list: [supplies] fast_movers")
    add_json_flag(start)
    start.set_defaults(handler=cmd_start)

    count = actions.add_parser("count", help="what is on the shelf for one item (a recount overwrites)")
    count.add_argument("stocktake_id", type=arguments.record_id, metavar="ID")
    count.add_argument("--item", required=True, metavar="ITEM", help="the item's id or barcode")
    count.add_argument("--qty", required=True, type=arguments.count, metavar="N", help="the count (0 or more)")
    count.add_argument("--reason", default="", help="why count and book differ (盘盈 / 盘亏)")
    add_json_flag(count)
    count.set_defaults(handler=cmd_count)

    for name, handler, text in (("show", cmd_show, "the stocktake and its sheet"),
                                ("post", cmd_post, "variances become adjustments; afterwards book equals count"),
                                ("cancel", cmd_cancel, "drop a count still going on")):
        action = actions.add_parser(name, help=text)
        action.add_argument("stocktake_id", type=arguments.record_id, metavar="ID")
        add_json_flag(action)
        action.set_defaults(handler=handler)

    sheet = actions.add_parser("sheet", help="the printable count sheet as a PDF (A4)")
    sheet.add_argument("stocktake_id", type=arguments.record_id, metavar="ID")
    sheet.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="save the PDF here")
    sheet.set_defaults(handler=cmd_sheet)

    listing = actions.add_parser("list", help="the stocktakes, newest first")
    add_json_flag(listing)
    listing.set_defaults(handler=cmd_list)

    report = commands.add_parser("supplies-report", help="supply reports to CSV or XLSX (by the file's suffix)")
    report.add_argument("report", choices=list(REPORTS),
                        help="consumption per department and month | stock value | slow movers | open requisitions")
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="a .csv or .xlsx file")
    report.add_argument("--from", dest="month_from", type=_month, metavar="YYYY-MM",
                        help="consumption: the first month (default: this month)")
    report.add_argument("--to", dest="month_to", type=_month, metavar="YYYY-MM",
                        help="consumption: the last month (default: the first)")
    report.add_argument("--days", type=arguments.count, default=90, metavar="N",
                        help="slow movers: nothing issued for this many days (default 90)")
    report.set_defaults(handler=cmd_report)


# -- printing --------------------------------------------------------------------------------------------------


def _print_sheet(ctx: CliContext, row: StocktakeRow, headline: str) -> None:
    print(f"{headline}: stocktake {row.stocktake_id} of {row.scope}, {row.status.value}, "
          f"made {local_time(row.created_at, ctx.zone)} by {row.created_by}")
    print_table(
        ("item", "name", "unit", "location", "book", "counted", "variance", "reason"),
        [(str(line.item_id), f"{line.item_name} {line.specification}".strip(), line.unit, line.location,
          str(line.book_qty), "" if line.counted_qty is None else str(line.counted_qty),
          "" if line.variance is None else f"{line.variance:+d}" if line.variance else "0", line.reason)
         for line in row.lines],
        empty="(no lines)",
    )


def _show(ctx: CliContext, args: argparse.Namespace, row: StocktakeRow, headline: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        _print_sheet(ctx, row, headline)
    return 0


# -- the commands ----------------------------------------------------------------------------------------------


def cmd_start(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = _gateway(ctx)
    if args.fast_movers:
        row = gateway.start_fast_movers()
    else:
        row = gateway.start_stocktake(location=args.location or "", item_ids=args.items)
    return _show(ctx, args, row, "started")


def cmd_count(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = _gateway(ctx)
    item = args.item.strip()
    if not item:
        raise CliError("--item is empty; give the item's id or barcode")
    # A number naming an item on this sheet is its id; anything else is a barcode (EAN-13 is 13 digits).
    on_sheet = {line.item_id for line in gateway.stocktake(args.stocktake_id).lines}
    if item.isascii() and item.isdigit() and int(item) in on_sheet:
        row = gateway.count(args.stocktake_id, int(item), args.qty, args.reason)
    else:
        row = gateway.count_scanned(args.stocktake_id, item, args.qty, args.reason)
    return _show(ctx, args, row, "counted")


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    return _show(ctx, args, _gateway(ctx).stocktake(args.stocktake_id), "sheet")


def cmd_post(ctx: CliContext, args: argparse.Namespace) -> int:
    return _show(ctx, args, _gateway(ctx).post_stocktake(args.stocktake_id), "posted")


def cmd_cancel(ctx: CliContext, args: argparse.Namespace) -> int:
    return _show(ctx, args, _gateway(ctx).cancel_stocktake(args.stocktake_id), "cancelled")


def cmd_sheet(ctx: CliContext, args: argparse.Namespace) -> int:
    """The count sheet to write on: book shown, counted and reason blank while counting (filled once posted)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtGui import QGuiApplication

    from kiosk.devices.printer.painter import write_table_pdf

    row = _gateway(ctx).count_sheet(args.stocktake_id)
    path: Path = args.pdf.expanduser()
    check_writable_target(path)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs an application)
    rows = [(str(line.item_id), f"{line.item_name} {line.specification}".strip(), line.unit, line.location,
             str(line.book_qty), "" if line.counted_qty is None else str(line.counted_qty), line.reason)
            for line in row.lines]
    try:
        write_table_pdf(path, title=f"盘点表 Count sheet — stocktake {row.stocktake_id}",
                        subtitle=f"{row.scope} · {local_time(row.created_at, ctx.zone)} · {row.created_by} · "
                                 f"{row.status.value}",
                        headers=("id", "item", "unit", "location", "book", "counted", "reason"), rows=rows,
                        widths=(0.07, 0.33, 0.07, 0.12, 0.08, 0.1, 0.23))
    except OSError as exc:
        raise CliError(f"cannot write {args.pdf}: {exc}") from None
    os.chmod(path, PRIVATE_FILE_MODE)
    print(f"count sheet of stocktake {row.stocktake_id} ({len(rows)} lines) written to {path}")
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = _gateway(ctx).stocktakes()
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(("id", "scope", "status", "made", "by", "posted"),
                [(str(r.stocktake_id), r.scope, r.status.value, local_time(r.created_at, ctx.zone), r.created_by,
                  local_time(r.posted_at, ctx.zone)) for r in rows], empty="no stocktakes")
    return 0


def cmd_report(ctx: CliContext, args: argparse.Namespace) -> int:
    report = REPORTS[args.report]
    if report is not SupplyReport.CONSUMPTION and (args.month_from or args.month_to):
        raise CliError("--from and --to are for the consumption report only")
    if args.month_from and args.month_to and args.month_to < args.month_from:
        raise CliError("--to is before --from")
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CliError(f"{args.out}: not a .csv or .xlsx file name")
    check_writable_target(args.out)
    written = _gateway(ctx).export_report(report.value, args.out, args.month_from, args.month_to,
                                          slow_days=args.days)
    print(f"{written} lines written to {args.out}")
    return 0
