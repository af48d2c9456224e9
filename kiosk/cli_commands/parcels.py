"""``kioskctl parcels ...`` and ``kioskctl mail ...``: the front desk's parcel log and outgoing mail, for
scripts and the desk's other systems (the same rules as the desk: ``DeskParcelsGateway``).

    kioskctl parcels receive --recipient EMAIL --carrier SF --tracking SF1234567890 [--cod 12.50]
    kioskctl parcels pickup --code 1234-5678 --by 张伟
    kioskctl mail send --from zhang.wei@example.com --to 王芳 --address "..." --carrier EMS --fee 22
    kioskctl mail statement --month 2026-06 --out mail-2026-06.xlsx

Amounts are yuan with at most two decimals (``12.50``), stored as integer cents. Every command takes
``--json``. Something to fix exits 1 with one ``error: ...`` line.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kiosk.application.gateways.desk_parcels import (
    DeskParcelsGateway,
    MailForm,
    MailQuery,
    MailRow,
    ParcelCondition,
    ParcelDetail,
    ParcelForm,
    ParcelQuery,
    ParcelRow,
    ParcelStatus,
    PickupRequest,
    RecipientChoice,
    RecipientKind,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target, read_file_bytes
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole

PHOTO_MAX_BYTES = 5 * 1024 * 1024
AMOUNT_MAX_CENTS = 10_000_000  # ¥100,000: the most the desk records for a fee or a COD payment
WEIGHT_MAX_GRAMS = 100_000
RECEPTION = "reception"
_AMOUNT = re.compile(r"\d+(\.\d{1,2})?|\.\d{1,2}")


# -- typed values, checked in the command (one line, exit 1) -----------------------------------------------------


def cents(text: str, option: str) -> int:
    """Yuan typed with up to two decimals (``12.50``, ``12``, ``0.5``) as integer cents."""
    cleaned = text.strip().replace(",", "")
    if not _AMOUNT.fullmatch(cleaned):
        raise CliError(f"{option} {text!r} is not an amount; use yuan with up to 2 decimals, e.g. 12.50")
    try:
        value = int(Decimal(cleaned) * 100)
    except InvalidOperation:  # the pattern keeps this out; kept as a guard
        raise CliError(f"{option} {text!r} is not an amount") from None
    if value > AMOUNT_MAX_CENTS:
        raise CliError(f"{option} {text!r} is too large; at most {AMOUNT_MAX_CENTS // 100:,} yuan")
    return value


def grams(text: str) -> int:
    cleaned = text.strip()
    if not cleaned.isascii() or not cleaned.isdigit():
        raise CliError(f"--weight {text!r} is not a weight; use whole grams, e.g. 350")
    value = int(cleaned)
    if value > WEIGHT_MAX_GRAMS:
        raise CliError(f"--weight {text!r} is too heavy; at most {WEIGHT_MAX_GRAMS:,} g")
    return value


def month(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise CliError(f"--month {text!r} is not a month; use YYYY-MM") from None


def read_jpeg(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from None
    if size > PHOTO_MAX_BYTES:
        raise CliError(f"{path}: the photo is {size / 1024 / 1024:.1f} MB; at most 5 MB")
    data = read_file_bytes(path)
    if not data.startswith(b"\xff\xd8\xff"):
        raise CliError(f"{path}: not a JPEG photo")
    return data


def yuan(cents_: int) -> str:
    return f"{cents_ // 100}.{cents_ % 100:02d}"


def _gateway(ctx: CliContext) -> DeskParcelsGateway:
    return DeskParcelsGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN,
                              reminder_days=ctx.settings.parcels.reminder_days,
                              return_days=ctx.settings.parcels.return_days)


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    _register_parcels(commands)
    _register_mail(commands)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", action="append", choices=[s.value for s in ParcelStatus],
                        help="only parcels in this status (repeat for several)")
    parser.add_argument("--recipient", metavar="EMAIL", help="only this host's parcels")
    parser.add_argument("--search", default="", metavar="TEXT",
                        help="a tracking number (its start), a recipient or a sender")
    parser.add_argument("--overdue", action="store_true", help="only parcels waiting past the reminder rule")
    parser.add_argument("--damaged", action="store_true", help="only damaged or wet parcels")
    parser.add_argument("--cod-unpaid", action="store_true",
                        help="only cash on delivery reception paid and was not yet reimbursed for")
    parser.add_argument("--from", dest="first_day", type=arguments.exact_day, metavar="YYYY-MM-DD",
                        help="received on or after this day")
    parser.add_argument("--to", dest="last_day", type=arguments.exact_day, metavar="YYYY-MM-DD",
                        help="received on or before this day")


def _register_parcels(commands: Subcommands) -> None:
    parser = commands.add_parser("parcels", help="parcels received at the front desk")
    actions = parser.add_subparsers(dest="parcels_action", required=True, metavar="ACTION")

    receive = actions.add_parser("receive", help="log a parcel; prints its id and the recipient's pickup code")
    receive.add_argument("--recipient", required=True, metavar="EMAIL|reception",
                         help="the host's e-mail address, or 'reception'")
    receive.add_argument("--carrier", required=True, metavar="NAME", help="a carrier's code or name (SF, 顺丰, ...)")
    receive.add_argument("--tracking", required=True, metavar="NO")
    receive.add_argument("--sender", default="", metavar="NAME")
    receive.add_argument("--sender-company", default="", metavar="NAME")
    receive.add_argument("--pieces", type=arguments.count, default=1, metavar="N")
    receive.add_argument("--cod", metavar="AMOUNT", help="cash on delivery paid by reception, in yuan (12.50)")
    receive.add_argument("--cod-paid-by", default="", metavar="NAME", help="who at reception paid it")
    receive.add_argument("--condition", choices=[c.value for c in ParcelCondition],
                         default=ParcelCondition.INTACT.value)
    receive.add_argument("--photo", type=Path, metavar="FILE.jpg", help="a damaged or wet parcel's photo (JPEG, 5 MB)")
    receive.add_argument("--note", default="", help="what is wrong with a damaged or wet parcel")
    receive.add_argument("--shelf", default="", metavar="PLACE")
    add_json_flag(receive)
    receive.set_defaults(handler=receive_command)

    listing = actions.add_parser("list", help="the parcel log, newest first")
    _add_filters(listing)
    listing.add_argument("--limit", type=arguments.count, default=0, metavar="N", help="at most N (0: all)")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    show = actions.add_parser("show", help="one parcel in full, with its history")
    show.add_argument("id", type=arguments.record_id, metavar="ID")
    add_json_flag(show)
    show.set_defaults(handler=show_command)

    pickup = actions.add_parser("pickup", help="hand over a parcel (by id), or everything a pickup code is for")
    which = pickup.add_mutually_exclusive_group(required=True)
    which.add_argument("--code", metavar="CODE", help="the recipient's pickup code")
    which.add_argument("--id", dest="parcel_id", type=arguments.record_id, metavar="ID")
    pickup.add_argument("--by", required=True, metavar="NAME", help="the person taking it")
    pickup.add_argument("--on-behalf-of", default="", metavar="NAME", help="the recipient, when someone else takes it")
    pickup.add_argument("--phone", default="", help="the phone of the person collecting on someone's behalf")
    pickup.add_argument("--identity", default="", metavar="TEXT", help="what was checked, e.g. 'staff card'; required")
    pickup.add_argument("--signature", type=Path, metavar="FILE.png",
                        help="the taker's signature (PNG, e.g. from the desk's pad or a scanned slip); required")
    add_json_flag(pickup)
    pickup.set_defaults(handler=pickup_command)

    returned = actions.add_parser("return", help="the parcel went back to the carrier (unclaimed or refused)")
    returned.add_argument("--id", dest="parcel_id", type=arguments.record_id, required=True, metavar="ID")
    returned.add_argument("--receipt", required=True, metavar="NO", help="the carrier's return receipt number")
    add_json_flag(returned)
    returned.set_defaults(handler=return_command)

    remind = actions.add_parser("remind", help="run the unclaimed rules now: remind once, list what is due back")
    add_json_flag(remind)
    remind.set_defaults(handler=remind_command)

    export = actions.add_parser("export", help="the parcel log (with the filters given) as CSV or XLSX")
    export.add_argument("file", type=Path, metavar="FILE.csv|FILE.xlsx")
    _add_filters(export)
    add_json_flag(export)
    export.set_defaults(handler=export_command)


def _register_mail(commands: Subcommands) -> None:
    parser = commands.add_parser("mail", help="outgoing mail handed to the front desk")
    actions = parser.add_subparsers(dest="mail_action", required=True, metavar="ACTION")

    send = actions.add_parser("send", help="log mail to send (sent at once when --tracking and --receipt are given)")
    send.add_argument("--from", dest="sender", metavar="EMAIL", help="the host sending it (none: reception's own)")
    send.add_argument("--to", dest="recipient", required=True, metavar="NAME")
    send.add_argument("--company", default="", metavar="NAME", help="the recipient's company")
    send.add_argument("--address", required=True)
    send.add_argument("--phone", default="", help="the recipient's phone")
    send.add_argument("--carrier", default="", metavar="NAME", help="a carrier's code or name")
    send.add_argument("--weight", metavar="GRAMS")
    send.add_argument("--fee", metavar="AMOUNT", help="postage in yuan (12.50)")
    send.add_argument("--tracking", default="", metavar="NO")
    send.add_argument("--receipt", default="", metavar="NO", help="the postage receipt number")
    send.add_argument("--department", metavar="NAME", help="the department charged (default: the sender's)")
    send.add_argument("--note", default="")
    add_json_flag(send)
    send.set_defaults(handler=mail_send_command)

    sent = actions.add_parser("sent", help="the carrier took it: tracking and postage receipt numbers")
    sent.add_argument("--id", dest="mail_id", type=arguments.record_id, required=True, metavar="ID")
    sent.add_argument("--tracking", required=True, metavar="NO")
    sent.add_argument("--receipt", required=True, metavar="NO")
    sent.add_argument("--fee", metavar="AMOUNT", help="postage in yuan (default: as logged)")
    add_json_flag(sent)
    sent.set_defaults(handler=mail_sent_command)

    cancel = actions.add_parser("cancel", help="withdraw mail not yet sent")
    cancel.add_argument("--id", dest="mail_id", type=arguments.record_id, required=True, metavar="ID")
    add_json_flag(cancel)
    cancel.set_defaults(handler=mail_cancel_command)

    listing = actions.add_parser("list", help="outgoing mail, newest first")
    listing.add_argument("--month", metavar="YYYY-MM", help="logged in this month (the site's)")
    listing.add_argument("--department", metavar="NAME")
    listing.add_argument("--carrier", default="", metavar="CODE")
    listing.add_argument("--search", default="", metavar="TEXT",
                         help="a recipient, company, address, tracking or receipt number, or a sender")
    add_json_flag(listing)
    listing.set_defaults(handler=mail_list_command)

    statement = actions.add_parser("statement", help="a month's mail per department and carrier")
    statement.add_argument("--month", required=True, metavar="YYYY-MM")
    statement.add_argument("--out", type=Path, metavar="FILE.csv|FILE.xlsx", help="write it to a file")
    add_json_flag(statement)
    statement.set_defaults(handler=mail_statement_command)


# -- parcels ---------------------------------------------------------------------------------------------------


def _carrier_code(gateway: DeskParcelsGateway, text: str) -> str:
    wanted = text.strip().casefold()
    if not wanted:
        return ""
    known = gateway.carriers()
    for carrier in known:
        if wanted in (carrier.code.casefold(), carrier.name_zh.casefold(), carrier.name_en.casefold()):
            return carrier.code
    # The start of a name is enough when only one carrier's name starts so (顺丰 for 顺丰速运, "SF Ex").
    starting = {c.code for c in known if c.name_zh.casefold().startswith(wanted)
                or c.name_en.casefold().startswith(wanted)}
    if len(starting) == 1:
        return starting.pop()
    codes = ", ".join(c.code for c in known if c.active)
    raise CliError(f"unknown carrier {text!r}; known: {codes}")


def _recipient(gateway: DeskParcelsGateway, text: str) -> RecipientChoice:
    if text.strip().casefold() == RECEPTION:
        return RecipientChoice(kind=RecipientKind.RECEPTION)
    return gateway.host_by_email(text)


def receive_command(ctx: CliContext, args: argparse.Namespace) -> int:
    condition = ParcelCondition(args.condition)
    cod = cents(args.cod, "--cod") if args.cod is not None else 0
    if cod and not args.cod_paid_by.strip():
        raise CliError("--cod needs --cod-paid-by NAME (who at reception paid the courier)")
    if condition is not ParcelCondition.INTACT and args.photo is None:
        raise CliError(f"a {condition.value} parcel needs --photo FILE.jpg and --note TEXT (for the carrier claim)")
    photo = read_jpeg(args.photo) if args.photo is not None else None
    gateway = _gateway(ctx)
    form = ParcelForm(
        tracking_no=args.tracking, carrier_code=_carrier_code(gateway, args.carrier),
        recipient=_recipient(gateway, args.recipient), sender_name=args.sender, sender_company=args.sender_company,
        pieces=args.pieces, cod_cents=cod, cod_paid_by=args.cod_paid_by, condition=condition,
        condition_note=args.note, photo_jpeg=photo, shelf=args.shelf,
    )
    received = gateway.receive(form)
    if args.json:
        print_json(received, ctx.zone)
    else:
        print(f"parcel {received.parcel_id} received ({received.carrier_code}); pickup code {received.pickup_code}")
    return 0


def _query(ctx: CliContext, gateway: DeskParcelsGateway, args: argparse.Namespace) -> ParcelQuery:
    if args.first_day and args.last_day and args.last_day < args.first_day:
        raise CliError("--to is before --from")
    host_id = gateway.host_by_email(args.recipient).host_id if args.recipient else None
    return ParcelQuery(
        text=args.search, statuses=frozenset(ParcelStatus(s) for s in args.status or ()), overdue_only=args.overdue,
        damaged_only=args.damaged, cod_unpaid_only=args.cod_unpaid, received_from=args.first_day,
        received_to=args.last_day, host_id=host_id,
    )


def _parcel_table(ctx: CliContext, rows: list[ParcelRow], *, empty: str = "no parcels") -> None:
    headers = ["ID", "STATUS", "TRACKING", "CARRIER", "RECIPIENT", "DEPARTMENT", "SHELF", "RECEIVED", "DAYS", "NOTE"]
    table = []
    for row in rows:
        notes = [n for n in (
            "overdue" if row.overdue else "",
            row.condition.value if row.condition is not ParcelCondition.INTACT else "",
            f"COD {yuan(row.cod_cents)}" + ("" if row.cod_reimbursed else " unpaid") if row.cod_cents else "",
            f"by {row.picked_up_by}" if row.picked_up_by else "",
        ) if n]
        table.append([str(row.parcel_id), row.status.value, row.tracking_no, row.carrier_code, row.recipient_name,
                      row.department, row.shelf, local_time(row.received_at, ctx.zone), str(row.days_waiting),
                      ", ".join(notes)])
    print_table(headers, table, empty=empty)


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = _gateway(ctx)
    ids = gateway.parcel_ids(_query(ctx, gateway, args), limit=args.limit or None)
    rows: list[ParcelRow] = []
    for start in range(0, len(ids), 1000):
        rows += gateway.parcel_rows(ids[start:start + 1000])
    if args.json:
        print_json(rows, ctx.zone)
    else:
        _parcel_table(ctx, rows)
    return 0


def _detail_json(detail: ParcelDetail) -> dict[str, Any]:
    """Images as their sizes: a script reads the record, not the pictures."""
    fields = {name: getattr(detail, name) for name in detail.__dataclass_fields__}
    fields["photo_jpeg"] = None
    fields["photo_bytes"] = len(detail.photo_jpeg) if detail.photo_jpeg else 0
    fields["signatures"] = [{"signer": name, "png_bytes": len(png)} for name, png in detail.signatures]
    fields["history"] = [{"at": at, "by": who, "what": what} for at, who, what in detail.history]
    del fields["photo_jpeg"]
    return fields


def show_command(ctx: CliContext, args: argparse.Namespace) -> int:
    detail = _gateway(ctx).parcel(args.id)
    if args.json:
        print_json(_detail_json(detail), ctx.zone)
        return 0
    row = detail.row
    lines = [
        ("parcel", f"{row.parcel_id} ({row.status.value})"),
        ("tracking", f"{row.tracking_no} ({row.carrier_code})"),
        ("recipient", row.recipient_name + (f" ({row.department})" if row.department else "")),
        ("sender", ", ".join(s for s in (detail.sender_name, detail.sender_company) if s)),
        ("shelf", row.shelf), ("pieces", str(row.pieces)),
        ("condition", row.condition.value + (f": {detail.condition_note}" if detail.condition_note else "")),
        ("photo", f"{len(detail.photo_jpeg):,} bytes" if detail.photo_jpeg else ""),
        ("COD", f"{yuan(row.cod_cents)} paid by {detail.cod_paid_by or '?'}"
                + (", reimbursed" if row.cod_reimbursed else ", not reimbursed") if row.cod_cents else ""),
        ("received", local_time(row.received_at, ctx.zone) + (f", {row.days_waiting} day(s) ago" if row.days_waiting
                                                              else "") + (" (overdue)" if row.overdue else "")),
        ("reminded", local_time(detail.reminded_at, ctx.zone)),
        ("picked up", (f"{local_time(row.picked_up_at, ctx.zone)} by {row.picked_up_by}"
                       + (f" on behalf of {detail.on_behalf_of}" if detail.on_behalf_of else "")
                       + (f", {detail.identity_checked} checked" if detail.identity_checked else ""))
         if row.picked_up_at else ""),
        ("signed by", ", ".join(name for name, _png in detail.signatures)),
        ("returned", f"{local_time(detail.returned_at, ctx.zone)}, receipt {detail.return_receipt}"
         if detail.returned_at else ""),
    ]
    for label, value in lines:
        if value:
            print(f"{label + ':':<11}{value}")
    for at, who, what in detail.history:
        print(f"  {local_time(at, ctx.zone)}  {who}  {what}")
    return 0


def pickup_command(ctx: CliContext, args: argparse.Namespace) -> int:
    missing = [option for option, given in (("--identity TEXT (what was checked)", args.identity.strip()),
                                            ("--signature FILE.png", args.signature)) if not given]
    if missing:
        raise CliError(f"a pickup needs {' and '.join(missing)}")
    signature = read_file_bytes(args.signature)
    if not signature.startswith(b"\x89PNG\r\n\x1a\n"):
        raise CliError(f"{args.signature}: not a PNG image")
    gateway = _gateway(ctx)
    if args.code is not None:
        waiting = gateway.waiting_for_code(args.code)
        if not waiting:
            raise CliError("no parcel is waiting for that pickup code")
    else:
        row = gateway.parcel(args.parcel_id).row
        if row.status is not ParcelStatus.WAITING:
            taken = f" by {row.picked_up_by} at {local_time(row.picked_up_at, ctx.zone)}" if row.picked_up_at else ""
            raise CliError(f"parcel {row.parcel_id} is {row.status.value}{taken}, not waiting")
        waiting = [row]
    request = PickupRequest(
        parcel_ids=[r.parcel_id for r in waiting], versions={r.parcel_id: r.version for r in waiting},
        picked_up_by=args.by, identity_checked=args.identity, signature_png=signature,
        on_behalf_of=args.on_behalf_of, proxy_phone=args.phone,
    )
    handed = gateway.hand_over(request)
    if args.json:
        print_json(handed, ctx.zone)
    else:
        for row in handed:
            print(f"parcel {row.parcel_id} ({row.tracking_no}) picked up by {row.picked_up_by}")
    return 0


def return_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = _gateway(ctx).mark_returned(args.parcel_id, args.receipt)
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"parcel {row.parcel_id} ({row.tracking_no}) returned to {row.carrier_code}; receipt {args.receipt}")
    return 0


def remind_command(ctx: CliContext, args: argparse.Namespace) -> int:
    run = _gateway(ctx).run_unclaimed_rules()
    if args.json:
        print_json(run, ctx.zone)
        return 0
    print(f"reminded {len(run.reminded)} recipient(s) of parcel(s) "
          f"{', '.join(map(str, run.reminded)) or '-'}")
    print(f"due back to the carrier: {', '.join(map(str, run.to_return)) or 'none'}")
    return 0


def export_command(ctx: CliContext, args: argparse.Namespace) -> int:
    check_writable_target(args.file)
    gateway = _gateway(ctx)
    count = gateway.export_parcels(_query(ctx, gateway, args), args.file)
    if args.json:
        print_json({"file": str(args.file), "parcels": count}, ctx.zone)
    else:
        print(f"exported {count} parcel(s) into {args.file}")
    return 0


# -- mail ------------------------------------------------------------------------------------------------------


def _mail_json_or_line(ctx: CliContext, args: argparse.Namespace, row: MailRow, line: str) -> None:
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(line)


def mail_send_command(ctx: CliContext, args: argparse.Namespace) -> int:
    fee = cents(args.fee, "--fee") if args.fee is not None else 0
    weight = grams(args.weight) if args.weight is not None else 0
    gateway = _gateway(ctx)
    sender = gateway.host_by_email(args.sender).host_id if args.sender else None
    department = gateway.department_id(args.department) if args.department else None
    form = MailForm(
        sender_host_id=sender, recipient_name=args.recipient, address=args.address, phone=args.phone,
        recipient_company=args.company, carrier_code=_carrier_code(gateway, args.carrier), weight_grams=weight,
        fee_cents=fee, tracking_no=args.tracking, postage_receipt_no=args.receipt, department_id=department,
        note=args.note,
    )
    row = gateway.log_mail(form)
    _mail_json_or_line(ctx, args, row, f"mail {row.mail_id} {row.status.value}"
                       + (f", charged to {row.department}" if row.department else ""))
    return 0


def mail_sent_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = _gateway(ctx)
    fee = cents(args.fee, "--fee") if args.fee is not None else gateway.mail_item(args.mail_id).fee_cents
    row = gateway.mark_mail_sent(args.mail_id, args.tracking, args.receipt, fee)
    _mail_json_or_line(ctx, args, row, f"mail {row.mail_id} sent: tracking {row.tracking_no}, "
                                       f"receipt {row.postage_receipt_no}, fee {yuan(row.fee_cents)}")
    return 0


def mail_cancel_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = _gateway(ctx).cancel_mail(args.mail_id)
    _mail_json_or_line(ctx, args, row, f"mail {row.mail_id} cancelled")
    return 0


def mail_list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    chosen = month(args.month) if args.month else None
    gateway = _gateway(ctx)
    department = gateway.department_id(args.department) if args.department else None
    rows = gateway.mail(MailQuery(text=args.search, month=chosen, department_id=department,
                                  carrier_code=args.carrier))
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    headers = ["ID", "STATUS", "LOGGED", "SENDER", "DEPARTMENT", "TO", "CARRIER", "GRAMS", "FEE", "TRACKING", "RECEIPT"]
    print_table(headers, [[str(r.mail_id), r.status.value, local_time(r.logged_at, ctx.zone), r.sender_name,
                           r.department, r.recipient_name, r.carrier_code, str(r.weight_grams), yuan(r.fee_cents),
                           r.tracking_no, r.postage_receipt_no] for r in rows], empty="no mail")
    return 0


def mail_statement_command(ctx: CliContext, args: argparse.Namespace) -> int:
    chosen = month(args.month)
    gateway = _gateway(ctx)
    if args.out is not None:
        check_writable_target(args.out)
        count = gateway.export_statement(chosen, args.out)
        if args.json:
            print_json({"month": args.month.strip(), "file": str(args.out), "lines": count}, ctx.zone)
        else:
            print(f"wrote the {chosen:%Y-%m} statement ({count} line(s)) into {args.out}")
        return 0
    lines = gateway.statement(chosen)
    if args.json:
        print_json({"month": f"{chosen:%Y-%m}", "lines": lines, "items": sum(line.items for line in lines),
                    "fee_cents": sum(line.fee_cents for line in lines)}, ctx.zone)
        return 0
    rows = [[line.department or "-", line.carrier_code or "-", str(line.items), yuan(line.fee_cents)] for line in lines]
    if rows:
        rows.append(["total", "", str(sum(line.items for line in lines)), yuan(sum(line.fee_cents for line in lines))])
    print_table(["DEPARTMENT", "CARRIER", "ITEMS", "FEE"], rows, empty=f"no mail in {chosen:%Y-%m}")
    return 0
