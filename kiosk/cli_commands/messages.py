"""``messages add / transfer / list / show / ack / called-back / close / resolved``: the desk's phone messages
and transfers from a terminal.

``--for`` / ``--to`` name a colleague by e-mail or a department by its exact name. ``--callback`` is an ISO
date and time (``2026-06-15T14:30``; without a zone, the site's) or ``HH:MM`` today at the site. Times are
shown at the site, to the minute.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime, time

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.services.desk import messages
from kiosk.services.desk.message_records import (
    OPEN,
    CallKind,
    MessageForm,
    MessageQuery,
    MessageRow,
    MessageStatus,
    MessageTarget,
    TransferForm,
    Urgency,
)

OPEN_CHOICE = "open"
MESSAGE_SHOWN = 40  # the table's message column, shortened


def callback_at(text: str) -> datetime | time:
    """An ISO date and time, or ``HH:MM`` (today at the site): a usage error otherwise."""
    value = text.strip()
    try:
        return datetime.strptime(value, "%H:%M").time() if len(value) <= 5 else datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time; use YYYY-MM-DDTHH:MM (the site's time unless a zone is given) or HH:MM"
        ) from None


def _caller_arguments(parser: argparse.ArgumentParser, *, phone_required: bool) -> None:
    parser.add_argument("--caller", required=True, help="the caller's name")
    parser.add_argument("--company", default="", help="the caller's company")
    parser.add_argument("--phone", required=phone_required, default="",
                        help="the number to call back" + ("" if phone_required else " (optional)"))
    parser.add_argument("--urgent", action="store_true", help="mark it urgent")
    parser.add_argument("--answered-late", action="store_true",
                        help="the desk did not pick the call up in time (the calls-answered figure)")
    add_json_flag(parser)


def register(commands: Subcommands) -> None:
    group = commands.add_parser("messages", help="phone messages and transfers taken at the front desk")
    actions = group.add_subparsers(dest="messages_action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="take a message for a colleague (told at once with a 'got it' link)")
    _caller_arguments(add, phone_required=True)
    add.add_argument("--for", dest="for_whom", required=True, metavar="EMAIL_OR_DEPT",
                     help="the colleague's e-mail, or a department's name")
    add.add_argument("--callback", type=callback_at, default=None, metavar="ISO|HH:MM",
                     help="the call back promised to the caller")
    add.add_argument("--message", required=True, help="the matter, as the caller put it")
    add.set_defaults(handler=add_command)

    transfer = actions.add_parser("transfer", help="log a call put through to a colleague")
    _caller_arguments(transfer, phone_required=False)
    transfer.add_argument("--to", dest="for_whom", required=True, metavar="EMAIL_OR_DEPT",
                          help="the colleague's e-mail, or a department's name")
    transfer.add_argument("--message", default="", help="the matter (optional)")
    transfer.set_defaults(handler=transfer_command)

    listing = actions.add_parser("list", help="messages and transfers, newest first")
    listing.add_argument("--status", action="append", default=[],
                         choices=[*(s.value for s in MessageStatus), OPEN_CHOICE],
                         help="only these (repeatable; 'open' = new or acknowledged)")
    listing.add_argument("--date", type=arguments.day, default=False, metavar="YYYY-MM-DD|today",
                         help="only those received on this day at the site")
    listing.add_argument("--kind", choices=[k.value for k in CallKind], default=None)
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    show = actions.add_parser("show", help="one message in full: its steps and the notices it sent")
    show.add_argument("id", type=arguments.record_id)
    add_json_flag(show)
    show.set_defaults(handler=show_command)

    for name, handler, text in (("ack", ack_command, "the colleague has the message"),
                                ("called-back", called_back_command, "the caller has been called back"),
                                ("close", close_command, "nothing more to do")):
        step = actions.add_parser(name, help=text)
        step.add_argument("id", type=arguments.record_id)
        if name == "close":
            step.add_argument("--note", default="", help="why (optional)")
        add_json_flag(step)
        step.set_defaults(handler=handler)

    resolved = actions.add_parser("resolved", help="was a transferred call resolved? (closes the transfer)")
    resolved.add_argument("id", type=arguments.record_id)
    answer = resolved.add_mutually_exclusive_group(required=True)
    answer.add_argument("--yes", dest="resolved", action="store_true", default=None)
    answer.add_argument("--no", dest="resolved", action="store_false")
    add_json_flag(resolved)
    resolved.set_defaults(handler=resolved_command)


def _target(ctx: CliContext, text: str) -> MessageTarget:
    with ctx.unit_of_work(write=False) as uow:
        return messages.target_for(uow, text)


def _callback(ctx: CliContext, value: datetime | time | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, time):
        return datetime.combine(ctx.today(), value, tzinfo=ctx.zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=ctx.zone)


def _done(ctx: CliContext, args: argparse.Namespace, row: MessageRow, what: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"{row.kind.value} {row.message_id} {what} ({row.status.value})")
    return 0


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    target = _target(ctx, args.for_whom)
    form = MessageForm(
        caller_name=args.caller, caller_company=args.company, phone=args.phone, message=args.message,
        for_host_id=target.host_id, for_department_id=target.department_id,
        urgency=Urgency.URGENT if args.urgent else Urgency.NORMAL, callback_promised_at=_callback(ctx, args.callback),
        answered_in_time=not args.answered_late)
    with ctx.unit_of_work() as uow:
        row = messages.add_message(uow, ctx.site_code, form)
    return _done(ctx, args, row, f"taken for {row.for_name or row.department}")


def transfer_command(ctx: CliContext, args: argparse.Namespace) -> int:
    target = _target(ctx, args.for_whom)
    form = TransferForm(
        caller_name=args.caller, caller_company=args.company, phone=args.phone, message=args.message,
        for_host_id=target.host_id, for_department_id=target.department_id,
        urgency=Urgency.URGENT if args.urgent else Urgency.NORMAL, answered_in_time=not args.answered_late)
    with ctx.unit_of_work() as uow:
        row = messages.add_transfer(uow, ctx.site_code, form)
    return _done(ctx, args, row, f"logged to {row.for_name or row.department}")


def _remind_minutes(ctx: CliContext) -> int:
    return ctx.settings.records.message_remind_minutes


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    statuses = {MessageStatus(s) for s in args.status if s != OPEN_CHOICE}
    if OPEN_CHOICE in args.status:
        statuses |= OPEN
    day: date | None = None if args.date is False else (args.date or ctx.today())
    query = MessageQuery(statuses=frozenset(statuses), day=day, kind=CallKind(args.kind) if args.kind else None,
                         limit=5000)
    with ctx.unit_of_work(write=False) as uow:
        rows = messages.list_messages(uow, ctx.site_code, query, remind_minutes=_remind_minutes(ctx))
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(
        ["id", "received", "kind", "status", "urgent", "caller", "company", "phone", "for", "message"],
        [[str(r.message_id), local_time(r.received_at, ctx.zone), r.kind.value,
          r.status.value + (" (overdue)" if r.overdue else "") + _resolved_text(r),
          "urgent" if r.urgency is Urgency.URGENT else "", r.caller_name, r.caller_company, r.caller_phone,
          r.for_name or r.department, _short(r.message)] for r in rows],
        empty="no phone messages")
    return 0


def _resolved_text(row: MessageRow) -> str:
    return "" if row.resolved is None else (", resolved" if row.resolved else ", not resolved")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MESSAGE_SHOWN else flat[:MESSAGE_SHOWN - 1] + "…"


def show_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        detail = messages.message_detail(uow, args.id, remind_minutes=_remind_minutes(ctx))
    if args.json:
        print_json(detail, ctx.zone)
        return 0
    row = detail.row
    for label, value in (
        ("id", f"{row.message_id} ({row.kind.value}, {row.status.value}{_resolved_text(row)})"),
        ("urgency", row.urgency.value), ("caller", row.caller_name), ("company", row.caller_company),
        ("phone", row.caller_phone), ("for", " · ".join(p for p in (row.for_name, row.department) if p)),
        ("message", row.message), ("call back by", local_time(row.callback_promised_at, ctx.zone)),
        ("note", detail.note),
    ):
        if value:
            print(f"{label}: {value}")
    for step in detail.timeline:
        print(f"  {local_time(step.at, ctx.zone)}  {step.event.value}  {step.by}".rstrip())
    for notice in detail.notices:
        print(f"  notice {notice.event} by {notice.channel} to {notice.recipient}: {notice.status}")
    return 0


def ack_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        row = messages.acknowledge(uow, args.id)
    return _done(ctx, args, row, "acknowledged")


def called_back_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        row = messages.called_back(uow, args.id)
    return _done(ctx, args, row, "called back")


def close_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        row = messages.close(uow, args.id, note=args.note)
    return _done(ctx, args, row, "closed")


def resolved_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        row = messages.transfer_resolved(uow, args.id, bool(args.resolved))
    return _done(ctx, args, row, "resolved" if row.resolved else "not resolved")
