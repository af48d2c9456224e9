"""``kioskctl complaints ...``: customers' complaints, the same rules as the desk (``DeskComplaintsGateway``).

    kioskctl complaints add --customer 王芳 --contact 13812345678 --what "咖啡机坏了" \\
        [--when 2026-06-15T08:30] [--channel phone] [--department "Customer Service"] [--assignee li.na@example.com]
    kioskctl complaints list [--status open --status in_progress] [--overdue]
    kioskctl complaints show 12
    kioskctl complaints assign 12 [--department ID_OR_NAME] [--assignee EMAIL]
    kioskctl complaints note 12 "Called back; coming at 3 pm"
    kioskctl complaints resolve 12 --resolution "New machine; voucher sent"
    kioskctl complaints satisfaction 12 --score 4      # as the customer told the desk; closes it
    kioskctl complaints close 12                       # closed without the customer's answer

Every command takes ``--json``. Something to fix exits 1 with one ``error: ...`` line. ``--when`` without a
timezone is the site's time.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from kiosk.application.gateways.desk_complaints import (
    ComplaintChannel,
    ComplaintDetail,
    ComplaintForm,
    ComplaintRow,
    ComplaintStatus,
    DeskComplaintsGateway,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole

WHAT_SHOWN = 40  # characters of the complaint in the list


def gateway(ctx: CliContext) -> DeskComplaintsGateway:
    return DeskComplaintsGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN,
                                 due_hours=ctx.settings.records.complaint_due_hours)


def _status(text: str) -> ComplaintStatus:
    try:
        return ComplaintStatus(text.strip().lower().replace("-", "_"))
    except ValueError:
        choices = ", ".join(s.value for s in ComplaintStatus)
        raise argparse.ArgumentTypeError(f"{text!r} is not a status ({choices})") from None


def _channel(text: str) -> ComplaintChannel:
    try:
        return ComplaintChannel(text.strip().lower().replace("-", "_"))
    except ValueError:
        choices = ", ".join(c.value for c in ComplaintChannel)
        raise argparse.ArgumentTypeError(f"{text!r} is not a channel ({choices})") from None


def _when(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time; use YYYY-MM-DDTHH:MM") from None


def _score(text: str) -> int:
    if text.strip() not in {"1", "2", "3", "4", "5"}:
        raise argparse.ArgumentTypeError(f"{text!r} is not a score; use 1 to 5")
    return int(text)


# -- the parser ------------------------------------------------------------------------------------------------


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("complaints", help="customers' complaints: record, pass on, resolve, satisfaction")
    actions = parser.add_subparsers(dest="complaints_action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="record a complaint; the department and person are told")
    add.add_argument("--customer", required=True, metavar="NAME", help="who complains")
    add.add_argument("--contact", required=True, metavar="PHONE_OR_EMAIL", help="how to reach them")
    add.add_argument("--what", required=True, metavar="TEXT", help="what happened")
    add.add_argument("--when", type=_when, metavar="ISO", help="when it happened (site time unless a zone is given)")
    add.add_argument("--channel", type=_channel, default=ComplaintChannel.IN_PERSON,
                     help="how it came in: " + ", ".join(c.value for c in ComplaintChannel) + " (default in_person)")
    _routing_flags(add)
    add_json_flag(add)
    add.set_defaults(handler=cmd_add)

    listing = actions.add_parser("list", help="the complaints, newest first")
    listing.add_argument("--status", dest="statuses", action="append", type=_status, metavar="STATUS",
                         help="only these (repeatable): " + ", ".join(s.value for s in ComplaintStatus))
    listing.add_argument("--overdue", action="store_true", help="only those still unresolved after their due time")
    add_json_flag(listing)
    listing.set_defaults(handler=cmd_list)

    for name, handler, text in (("show", cmd_show, "one complaint with its notes"),
                                ("progress", cmd_progress, "the department is on it"),
                                ("close", cmd_close, "close without the customer's answer")):
        action = actions.add_parser(name, help=text)
        action.add_argument("complaint_id", type=arguments.record_id, metavar="ID")
        add_json_flag(action)
        action.set_defaults(handler=handler)

    assign = actions.add_parser("assign", help="pass it to a department and/or person (they are told)")
    assign.add_argument("complaint_id", type=arguments.record_id, metavar="ID")
    _routing_flags(assign)
    add_json_flag(assign)
    assign.set_defaults(handler=cmd_assign)

    note = actions.add_parser("note", help="a follow-up note")
    note.add_argument("complaint_id", type=arguments.record_id, metavar="ID")
    note.add_argument("text", metavar="TEXT")
    add_json_flag(note)
    note.set_defaults(handler=cmd_note)

    resolve = actions.add_parser("resolve", help="the outcome (a customer with e-mail is told and asked to rate it)")
    resolve.add_argument("complaint_id", type=arguments.record_id, metavar="ID")
    resolve.add_argument("--resolution", required=True, metavar="TEXT", help="what was done")
    add_json_flag(resolve)
    resolve.set_defaults(handler=cmd_resolve)

    satisfaction = actions.add_parser("satisfaction", help="the customer's satisfaction as they told the desk")
    satisfaction.add_argument("complaint_id", type=arguments.record_id, metavar="ID")
    satisfaction.add_argument("--score", required=True, type=_score, metavar="N", help="1 (not at all) to 5 (fully)")
    add_json_flag(satisfaction)
    satisfaction.set_defaults(handler=cmd_satisfaction)


def _routing_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--department", metavar="ID_OR_NAME", help="the department responsible")
    parser.add_argument("--assignee", metavar="EMAIL", help="the person following it (an active host)")


# -- printing --------------------------------------------------------------------------------------------------


def _status_text(row: ComplaintRow) -> str:
    return f"{row.status.value}, OVERDUE" if row.overdue else row.status.value


def _print_row(ctx: CliContext, row: ComplaintRow, headline: str) -> None:
    passed = " and ".join(part for part in (row.department, row.assignee) if part) or "nobody yet"
    print(f"{headline}: complaint {row.complaint_id} from {row.customer_name} ({row.customer_contact}), "
          f"{_status_text(row)}, due {local_time(row.due_at, ctx.zone)}; passed to {passed}"
          + (f"; satisfaction {row.satisfaction}/5" if row.satisfaction is not None else ""))


def _print_detail(ctx: CliContext, detail: ComplaintDetail) -> None:
    row = detail.complaint
    _print_row(ctx, row, "complaint")
    print(f"channel: {row.channel.value}; recorded {local_time(row.created_at, ctx.zone)} by {detail.created_by}"
          + (f"; happened {local_time(row.happened_at, ctx.zone)}" if row.happened_at else ""))
    print(f"what: {row.what}")
    if detail.resolution:
        print(f"resolution ({local_time(detail.resolved_at, ctx.zone)}, {detail.resolved_by}): {detail.resolution}")
    if detail.satisfaction_via is not None:
        print(f"satisfaction: {row.satisfaction}/5 via {detail.satisfaction_via.value}")
    print_table(("written", "by", "note"),
                [(local_time(note.written_at, ctx.zone), note.written_by, note.text) for note in detail.notes],
                empty="(no notes)")


def _done(ctx: CliContext, args: argparse.Namespace, row: ComplaintRow, headline: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        _print_row(ctx, row, headline)
    return 0


# -- the commands ----------------------------------------------------------------------------------------------


def _routing(desk: DeskComplaintsGateway, args: argparse.Namespace) -> tuple[int | None, int | None]:
    department = desk.department_for(args.department) if args.department else None
    assignee = desk.person_for(args.assignee) if args.assignee else None
    return department, assignee


def cmd_add(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    department, assignee = _routing(desk, args)
    when = args.when.replace(tzinfo=ctx.zone) if args.when is not None and args.when.tzinfo is None else args.when
    row = desk.add(ComplaintForm(customer_name=args.customer, customer_contact=args.contact, what=args.what,
                                 happened_at=when, channel=args.channel, department_id=department,
                                 assignee_host_id=assignee))
    return _done(ctx, args, row, "recorded")


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).complaints(args.statuses or (), overdue_only=args.overdue)
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(("id", "status", "recorded", "due", "customer", "contact", "department", "assignee", "what"),
                [(str(r.complaint_id), _status_text(r), local_time(r.created_at, ctx.zone),
                  local_time(r.due_at, ctx.zone), r.customer_name, r.customer_contact, r.department, r.assignee,
                  _short(r.what)) for r in rows], empty="no complaints")
    return 0


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= WHAT_SHOWN else line[:WHAT_SHOWN - 1] + "…"


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    detail = gateway(ctx).detail(args.complaint_id)
    if args.json:
        print_json(detail, ctx.zone)
    else:
        _print_detail(ctx, detail)
    return 0


def cmd_assign(ctx: CliContext, args: argparse.Namespace) -> int:
    desk = gateway(ctx)
    department, assignee = _routing(desk, args)
    return _done(ctx, args, desk.assign(args.complaint_id, department, assignee), "passed on")


def cmd_note(ctx: CliContext, args: argparse.Namespace) -> int:
    note = gateway(ctx).add_note(args.complaint_id, args.text)
    if args.json:
        print_json(note, ctx.zone)
    else:
        print(f"noted on complaint {args.complaint_id} at {local_time(note.written_at, ctx.zone)}")
    return 0


def cmd_progress(ctx: CliContext, args: argparse.Namespace) -> int:
    return _done(ctx, args, gateway(ctx).mark_in_progress(args.complaint_id), "in progress")


def cmd_resolve(ctx: CliContext, args: argparse.Namespace) -> int:
    return _done(ctx, args, gateway(ctx).resolve(args.complaint_id, args.resolution), "resolved")


def cmd_satisfaction(ctx: CliContext, args: argparse.Namespace) -> int:
    return _done(ctx, args, gateway(ctx).record_satisfaction(args.complaint_id, args.score), "closed")


def cmd_close(ctx: CliContext, args: argparse.Namespace) -> int:
    return _done(ctx, args, gateway(ctx).close(args.complaint_id), "closed")
