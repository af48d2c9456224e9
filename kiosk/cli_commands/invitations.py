"""``kioskctl invitations add|list|edit|cancel|resend`` and ``kioskctl invite-group``: the desk's invitation
work from a terminal or a script (``add`` is ``invite``; it and ``reschedule`` are in ``visits.py``).

Exit status 1 with one ``error: ...`` line when something needs fixing; a group file's problems are
printed one per line (``line 4: phone: ...``) and nothing of the file is saved.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target, read_file_bytes, write_qr_png
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.cli_commands.progress import progress_bar
from kiosk.cli_commands.visits import add_invite_arguments
from kiosk.domain import short_codes
from kiosk.domain.visits import Purpose
from kiosk.services.directory import hosts
from kiosk.services.visits import invitations
from kiosk.services.visits.invitations import GroupImportReport, InvitationQuery, InvitationRow, InvitationSort


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("invitations", help="list, change, cancel and resend invitations")
    actions = parser.add_subparsers(dest="invitations_action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="invite a visitor (as 'kioskctl invite'); --booking ID names the meeting")
    add_invite_arguments(add)

    listing = actions.add_parser("list", help="upcoming invitations, soonest first")
    listing.add_argument("--from", dest="first_day", type=arguments.day, metavar="YYYY-MM-DD|today",
                         help="the first day (default: today at the site)")
    listing.add_argument("--to", dest="last_day", type=arguments.exact_day, metavar="YYYY-MM-DD",
                         help="the last day (default: no end)")
    listing.add_argument("--host", metavar="EMAIL", help="only this host's visitors")
    listing.add_argument("--search", default="", metavar="TEXT",
                         help="a visitor's name, company, e-mail or phone digits, or a host's name or pinyin")
    listing.add_argument("--cancelled", action="store_true", help="show cancelled invitations too")
    listing.add_argument("--sort", choices=[s.value for s in InvitationSort], default=InvitationSort.WHEN.value)
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    edit = actions.add_parser("edit", help="change an invitation's details or time (another day: reschedule)")
    edit.add_argument("--visit", type=arguments.record_id, required=True, metavar="ID")
    edit.add_argument("--name", help="the visitor's name")
    edit.add_argument("--phone", help="the visitor's phone ('' to remove it)")
    edit.add_argument("--email", help="the visitor's e-mail ('' to remove it); a new address gets the invitation")
    edit.add_argument("--company", help="'' to remove it")
    edit.add_argument("--purpose", choices=[p.value for p in Purpose])
    edit.add_argument("--note", help="the purpose in the visitor's words ('' to remove it)")
    edit.add_argument("--start", type=arguments.time_of_day, metavar="HH:MM")
    edit.add_argument("--end", type=arguments.time_of_day, metavar="HH:MM")
    edit.add_argument("--no-time", action="store_true", help="the visitor may come any time that day")
    edit.add_argument("--qr", type=Path, metavar="FILE.png", help="write the new QR code, if one was made, as a PNG")
    add_json_flag(edit)
    edit.set_defaults(handler=edit_command)

    cancel = actions.add_parser("cancel", help="cancel an invitation; its QR stops working, the visitor is told")
    cancel.add_argument("--visit", type=arguments.record_id, required=True, metavar="ID")
    add_json_flag(cancel)
    cancel.set_defaults(handler=cancel_command)

    resend = actions.add_parser("resend", help="e-mail the invitation again with a new QR; the old one stops working")
    resend.add_argument("--visit", type=arguments.record_id, required=True, metavar="ID")
    resend.add_argument("--qr", type=Path, metavar="FILE.png", help="also write the new QR code as a PNG")
    add_json_flag(resend)
    resend.set_defaults(handler=resend_command)

    group = commands.add_parser(
        "invite-group", help="invite a group from a CSV (columns name, phone and/or email, company; UTF-8 or GBK); "
                             "one bad row and nothing is saved")
    group.add_argument("file", type=Path, metavar="FILE.csv")
    group.add_argument("--host", required=True, metavar="EMAIL", help="the host's e-mail address")
    group.add_argument("--date", required=True, type=arguments.day, metavar="YYYY-MM-DD|today")
    group.add_argument("--start", type=arguments.time_of_day, metavar="HH:MM")
    group.add_argument("--end", type=arguments.time_of_day, metavar="HH:MM")
    group.add_argument("--purpose", choices=[p.value for p in Purpose], default=Purpose.MEETING.value)
    group.add_argument("--note", default="", help="the purpose, for every visitor of the group")
    group.add_argument("--dry-run", action="store_true", help="check every row and save nothing")
    add_json_flag(group)
    group.set_defaults(handler=group_command)


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        host_id = hosts.find_host_by_email(uow, args.host).id if args.host else None
        query = InvitationQuery(text=args.search, first_day=args.first_day, last_day=args.last_day, host_id=host_id,
                                include_cancelled=args.cancelled, sort=InvitationSort(args.sort))
        found = invitations.invitation_rows(uow, invitations.invitation_ids(uow, ctx.site_code, query))
    if args.json:
        print_json(found, ctx.zone)
        return 0
    rows = [[str(r.id), r.visit_date.isoformat(), _window(ctx, r), r.visitor_name, r.company, r.phone, r.email,
             r.host_name, r.status.value + (" (VIP)" if r.vip else ""), r.email_status.value if r.email_status else ""]
            for r in found]
    headers = ["ID", "DATE", "TIME", "VISITOR", "COMPANY", "PHONE", "EMAIL", "HOST", "STATUS", "E-MAIL"]
    print_table(headers, rows, empty="no invitations")
    return 0


def _window(ctx: CliContext, row: InvitationRow) -> str:
    start = local_time(row.expected_start, ctx.zone, row.visit_date)
    end = local_time(row.expected_end, ctx.zone, row.visit_date)
    return f"{start}-{end}" if start and end else start


def edit_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.no_time and (args.start or args.end):
        raise CliError("--no-time and --start/--end cannot go together")
    if args.qr is not None:
        check_writable_target(args.qr)
    with ctx.unit_of_work() as uow:
        current = invitations.invitation_detail(uow, args.visit)
        start, end = (None, None) if args.no_time else (
            args.start or _local(ctx, current.expected_start), args.end or _local(ctx, current.expected_end))
        edited = invitations.edit_invitation(
            uow, args.visit, visitor_name=_given(args.name, current.visitor_name),
            phone=_given(args.phone, current.phone), email=_given(args.email, current.email),
            company=_given(args.company, current.company), purpose=args.purpose or current.purpose,
            purpose_note=_given(args.note, current.purpose_note), start=start, end=end,
        )
    if args.qr is not None and edited.token:
        write_qr_png(edited.token, args.qr)
    if args.json:
        print_json(edited, ctx.zone)
        return 0
    if not edited.changed:
        print(f"visit {edited.visit_id}: nothing changed")
        return 0
    print(f"visit {edited.visit_id}: changed {', '.join(edited.changed)}")
    if edited.token:
        print(f"the visitor was sent a new QR code (the earlier one no longer works); token: {edited.token}")
        print(f"short code: {short_codes.shown(edited.short_code or '')}")
    return 0


def _given(value: str | None, current: str) -> str:
    return current if value is None else value


def _local(ctx: CliContext, instant: datetime | None) -> time | None:
    return instant.astimezone(ctx.zone).time() if instant is not None else None


def cancel_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        invitations.cancel_invitation(uow, args.visit)
    if args.json:
        print_json({"visit_id": args.visit, "status": "cancelled"}, ctx.zone)
    else:
        print(f"visit {args.visit}: cancelled")
    return 0


def resend_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.qr is not None:
        check_writable_target(args.qr)
    with ctx.unit_of_work() as uow:
        sent = invitations.resend_invitation(uow, args.visit)
    if args.qr is not None:
        write_qr_png(sent.token, args.qr)
    if args.json:
        print_json(sent, ctx.zone)
        return 0
    print(f"visit {sent.visit_id}: the invitation will be e-mailed to {sent.visitor_name} again "
          "with a new QR code; the earlier one no longer works")
    print(f"token: {sent.token}")
    print(f"short code: {short_codes.shown(sent.short_code)}")
    return 0


def group_command(ctx: CliContext, args: argparse.Namespace) -> int:
    data = read_file_bytes(args.file)
    day: date = args.date or ctx.today()
    with (progress_bar("inviting", json_output=args.json) as progress,
          ctx.unit_of_work(write=not args.dry_run) as uow):
        host = hosts.find_host_by_email(uow, args.host)
        report = invitations.import_group_csv(
            uow, data, site_code=ctx.site_code, host_id=host.id, visit_date=day, start=args.start, end=args.end,
            purpose=args.purpose, purpose_note=args.note, dry_run=args.dry_run, progress=progress,
        )
        host_name = host.name
    if args.json:
        print_json(report, ctx.zone)
    else:
        _print_group(report, host_name, day)
    if report.problems:
        print(f"error: {len(report.problems)} problem(s) in {args.file}; nothing was saved", file=sys.stderr)
        return 1
    return 0


def _print_group(report: GroupImportReport, host_name: str, day: date) -> None:
    for problem in report.problems:
        where = "" if problem.field == "file" else f"{problem.field}: "
        print(f"line {problem.line}: {where}{problem.message}", file=sys.stderr)
    if report.problems:
        return
    if report.dry_run:
        print(f"{len(report.rows)} visitor(s) to see {host_name} on {day.isoformat()}: every row is fine "
              "(dry run: nothing saved)")
        return
    print(f"invited {len(report.invited)} visitor(s) to see {host_name} on {day.isoformat()}")
    for created in report.invited:
        print(f"visit {created.visit_id}: {created.visitor_name}")
