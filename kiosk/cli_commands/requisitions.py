"""``kioskctl requisitions ...``: office supply requisitions (领用单), the same rules as the desk
(``DeskSuppliesGateway``); kioskctl acts as an administrator, so it may approve.

    kioskctl requisitions create --requester zhang.wei@example.com --line 6901234567890=10 --line 7=2 \\
        --purpose "Q3 kick-off"                      # ITEM: barcode or id; the head is asked
    kioskctl requisitions list [--status approved]
    kioskctl requisitions show 12
    kioskctl requisitions approve 12                 # at the desk, for the department head
    kioskctl requisitions decline 12 --note "over budget"
    kioskctl requisitions issue 12 [--line ITEM=QTY ...] --received-by 王芳 --signature sig.png [--quality ITEM=NOTE]
    kioskctl requisitions cancel-rest 12
    kioskctl requisitions purchase 12                # the open quantities become a draft purchase

Every command takes ``--json``. Something to fix exits 1 with one ``error: ...`` line; an issue short of
stock issues what is there and says on stderr what stays open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    IssueLine,
    RequisitionLineForm,
    RequisitionRow,
    RequisitionStatus,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, read_file_bytes
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole


def gateway(ctx: CliContext) -> DeskSuppliesGateway:
    return DeskSuppliesGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN,
                               public_url=ctx.settings.notify.public_url)


def item_quantity(text: str) -> tuple[str, int]:
    """``ITEM=QTY`` (ITEM a barcode or an id)."""
    item, sep, quantity = text.partition("=")
    if not sep or not item.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use ITEM=QTY (ITEM: barcode or id)")
    try:
        number = int(quantity.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: the quantity is a whole number") from None
    return item.strip(), number


def _item_note(text: str) -> tuple[str, str]:
    item, sep, note = text.partition("=")
    if not sep or not item.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: use ITEM=NOTE")
    return item.strip(), note.strip()


def _status(text: str) -> RequisitionStatus:
    try:
        return RequisitionStatus(text.strip().lower().replace("-", "_"))
    except ValueError:
        choices = ", ".join(s.value for s in RequisitionStatus)
        raise argparse.ArgumentTypeError(f"{text!r} is not a status ({choices})") from None


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("requisitions", help="office supply requisitions: create, approve, issue")
    actions = parser.add_subparsers(dest="requisitions_action", required=True, metavar="ACTION")

    create = actions.add_parser("create", help="a requisition for a host's department; its head is asked")
    create.add_argument("--requester", required=True, metavar="EMAIL", help="the host asking")
    create.add_argument("--line", dest="lines", action="append", required=True, type=item_quantity,
                        metavar="ITEM=QTY", help="an item (barcode or id) and how many; repeat for more")
    create.add_argument("--purpose", default="", help="what the supplies are for")
    add_json_flag(create)
    create.set_defaults(handler=cmd_create)

    listing = actions.add_parser("list", help="the requisitions, newest first")
    listing.add_argument("--status", dest="statuses", action="append", type=_status, metavar="STATUS",
                         help="only these (repeatable): " + ", ".join(s.value for s in RequisitionStatus))
    add_json_flag(listing)
    listing.set_defaults(handler=cmd_list)

    for name, handler, text in (("show", cmd_show, "one requisition and its lines"),
                                ("approve", cmd_approve, "approve for the department head"),
                                ("cancel-rest", cmd_cancel_rest, "cancel what is still open"),
                                ("purchase", cmd_purchase, "the open quantities become a draft purchase")):
        action = actions.add_parser(name, help=text)
        action.add_argument("requisition_id", type=arguments.record_id, metavar="ID")
        add_json_flag(action)
        action.set_defaults(handler=handler)

    decline = actions.add_parser("decline", help="decline, saying why")
    decline.add_argument("requisition_id", type=arguments.record_id, metavar="ID")
    decline.add_argument("--note", required=True, help="why (the requester reads it)")
    add_json_flag(decline)
    decline.set_defaults(handler=cmd_decline)

    issue = actions.add_parser("issue", help="hand out against it (what stock allows; the rest stays open)")
    issue.add_argument("requisition_id", type=arguments.record_id, metavar="ID")
    issue.add_argument("--line", dest="lines", action="append", type=item_quantity, metavar="ITEM=QTY",
                       help="how many of an item now (default: everything open); repeat for more")
    issue.add_argument("--received-by", required=True, metavar="NAME", help="who collects")
    issue.add_argument("--signature", required=True, type=Path, metavar="FILE.png", help="their signature")
    issue.add_argument("--quality", dest="quality", action="append", type=_item_note, metavar="ITEM=NOTE",
                       help="a quality note for an item's line (pens write, notebooks intact)")
    add_json_flag(issue)
    issue.set_defaults(handler=cmd_issue)


# -- printing --------------------------------------------------------------------------------------------------


def _print(ctx: CliContext, row: RequisitionRow, headline: str) -> None:
    print(f"{headline}: requisition {row.requisition_id} by {row.requester}"
          f"{' (' + row.department + ')' if row.department else ''}, {row.status.value}, "
          f"made {local_time(row.created_at, ctx.zone)}"
          + (f", decided by {row.decided_by}" if row.decided_by else ""))
    if row.purpose:
        print(f"purpose: {row.purpose}")
    print_table(
        ("line", "item", "name", "unit", "asked", "issued", "cancelled", "open", "on hand", "quality"),
        [(str(line.line_id), str(line.item_id), f"{line.item_name} {line.specification}".strip(), line.unit,
          str(line.quantity), str(line.issued_qty), str(line.cancelled_qty), str(line.open_qty), str(line.on_hand),
          line.quality_note) for line in row.lines],
        empty="(no lines)",
    )


def _show(ctx: CliContext, args: argparse.Namespace, row: RequisitionRow, headline: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        _print(ctx, row, headline)
    return 0


# -- the commands ----------------------------------------------------------------------------------------------


def cmd_create(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    requester = desk.requester_id(args.requester)
    lines = [RequisitionLineForm(desk.item_id_for(item), quantity) for item, quantity in args.lines]
    return _show(ctx, args, desk.create_requisition(requester, lines, args.purpose), "created")


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).requisitions(frozenset(args.statuses or ()))
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(("id", "status", "requester", "department", "lines", "open", "made", "age"),
                [(str(r.requisition_id), r.status.value, r.requester, r.department, str(len(r.lines)),
                  str(sum(line.open_qty for line in r.lines)), local_time(r.created_at, ctx.zone), f"{r.age_days} d")
                 for r in rows], empty="no requisitions")
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    return _show(ctx, args, gateway(ctx).requisition(args.requisition_id), "requisition")


def cmd_approve(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.requisition(args.requisition_id)
    return _show(ctx, args, desk.approve_requisition(row.requisition_id, row.version), "approved")


def cmd_decline(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    row = desk.requisition(args.requisition_id)
    return _show(ctx, args, desk.decline_requisition(row.requisition_id, row.version, args.note), "declined")


def cmd_cancel_rest(ctx: CliContext, args: argparse.Namespace) -> int:
    return _show(ctx, args, gateway(ctx).cancel_rest(args.requisition_id), "rest cancelled")


def cmd_purchase(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.cli_commands.purchases import show_purchase

    return show_purchase(ctx, args, gateway(ctx).purchase_for_shortfall(args.requisition_id), "drafted")


def _line_of(desk: DeskSuppliesGateway, row: RequisitionRow, item: str) -> int:
    item_id = desk.item_id_for(item)
    for line in row.lines:
        if line.item_id == item_id:
            return line.line_id
    raise CliError(f"item {item} is not on requisition {row.requisition_id}")


def cmd_issue(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    signature = read_file_bytes(args.signature)
    row = desk.requisition(args.requisition_id)
    notes = {_line_of(desk, row, item): note for item, note in args.quality or ()}
    if args.lines:
        quantities = {_line_of(desk, row, item): quantity for item, quantity in args.lines}
    else:
        quantities = {line.line_id: line.open_qty for line in row.lines if line.open_qty}
    unknown_notes = set(notes) - set(quantities)
    if unknown_notes:
        raise CliError("--quality is for a line issued now")
    issued, shorts = desk.issue(row.requisition_id, [IssueLine(line_id, quantity, notes.get(line_id, ""))
                                                     for line_id, quantity in quantities.items()],
                                args.received_by, signature)
    for short in shorts:
        print(f"short: only {short.on_hand} of {short.item_name} on hand; {short.asked} asked "
              "(the rest stays open)", file=sys.stderr)
    if args.json:
        print_json({"requisition": issued, "short": shorts}, ctx.zone)
        return 0
    _print(ctx, issued, "issued")
    return 0
