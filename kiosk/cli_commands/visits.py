"""``kioskctl invite``, ``checkin``, ``checkout``, ``visits list|search``: the day's lifecycle."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, check_writable_target, write_qr_png
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain import short_codes
from kiosk.domain.security import StaffRole
from kiosk.domain.visits import CheckInOutcome, Purpose, VisitStatus
from kiosk.services.directory import hosts
from kiosk.services.visits import checkin, denylist, invitations, roster, signout, visit_detail, visit_log, walkins
from kiosk.services.visits.visit_log import VisitSummary


def register(commands: Subcommands) -> None:
    invite = commands.add_parser("invite", help="invite a visitor and print the QR token that checks them in")
    add_invite_arguments(invite)

    move = commands.add_parser("reschedule", help="move an invitation to another day; the visitor gets a new QR")
    move.add_argument("--visit", type=arguments.record_id, required=True, metavar="ID")
    move.add_argument("--date", type=arguments.day, required=True, metavar="YYYY-MM-DD")
    move.add_argument("--start", type=arguments.time_of_day, metavar="HH:MM")
    move.add_argument("--end", type=arguments.time_of_day, metavar="HH:MM")
    move.add_argument("--qr", type=Path, metavar="FILE.png", help="also write the new QR code as a PNG")
    add_json_flag(move)
    move.set_defaults(handler=reschedule_command)

    check_in = commands.add_parser("checkin", help="check a visitor in by invitation token, as the kiosk would")
    check_in.add_argument("--token", required=True, help="the QR code's text (v1.i....) or the short code (XXXX-XXXX)")
    check_in.set_defaults(handler=checkin_command)
    check_out = commands.add_parser("checkout", help="sign a visitor out by the token on their badge")
    check_out.add_argument("--token", required=True)
    check_out.set_defaults(handler=checkout_command)

    parser = commands.add_parser("visits", help="list and find visits")
    actions = parser.add_subparsers(dest="visits_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the visits of one day")
    listing.add_argument("--date", type=arguments.day, default=None, metavar="YYYY-MM-DD|today",
                         help="the day (default: today at the site)")
    listing.add_argument("--status", choices=[s.value for s in VisitStatus])
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)
    search = actions.add_parser("search", help="a visitor's most recent visits")
    who = search.add_mutually_exclusive_group(required=True)
    who.add_argument("--name", help="the start of the visitor's name")
    who.add_argument("--phone", help="the visitor's phone number")
    add_json_flag(search)
    search.set_defaults(handler=search_command)
    show = actions.add_parser("show", help="one visit in full: badges, notices sent, history")
    show.add_argument("visit", type=arguments.record_id, metavar="ID")
    add_json_flag(show)
    show.set_defaults(handler=show_command)
    for name, text, handler in (
        ("approve", "let a waiting walk-in in", approve_command),
        ("no-show", "record that an expected visitor will not come", no_show_command),
    ):
        act = actions.add_parser(name, help=text)
        act.add_argument("visit", type=arguments.record_id, metavar="ID")
        act.set_defaults(handler=handler)
    decline = actions.add_parser("decline", help="say no to a waiting walk-in")
    decline.add_argument("visit", type=arguments.record_id, metavar="ID")
    decline.add_argument("--reason", default="", help="kept in the visit's history, never told the visitor")
    decline.set_defaults(handler=decline_command)
    release = actions.add_parser("release-hold", help="let a deny-list hit be approved or checked in (with a reason)")
    release.add_argument("visit", type=arguments.record_id, metavar="ID")
    release.add_argument("--reason", required=True)
    release.set_defaults(handler=release_hold_command)
    roster_parser = commands.add_parser("roster", help="everyone on site now: the evacuation list")
    add_json_flag(roster_parser)
    roster_parser.set_defaults(handler=roster_command)


def add_invite_arguments(invite: argparse.ArgumentParser) -> None:
    """``kioskctl invite`` and ``kioskctl invitations add`` (the same command)."""
    invite.add_argument("--host", required=True, metavar="EMAIL", help="the host's e-mail address")
    invite.add_argument("--name", required=True, help="the visitor's name")
    invite.add_argument("--phone", help="the visitor's phone (a phone or an e-mail is required)")
    invite.add_argument("--email", help="the visitor's e-mail; the invitation is sent there")
    invite.add_argument("--company")
    invite.add_argument("--date", type=arguments.day, metavar="YYYY-MM-DD", help="the visit day (default: today)")
    invite.add_argument("--start", type=arguments.time_of_day, metavar="HH:MM")
    invite.add_argument("--end", type=arguments.time_of_day, metavar="HH:MM")
    invite.add_argument("--purpose", choices=[p.value for p in Purpose], default=Purpose.MEETING.value)
    invite.add_argument("--vip", action="store_true", help="announce the arrival to reception and the supervisor")
    invite.add_argument("--booking", type=arguments.record_id, metavar="ID",
                        help="the meeting the visitor comes to (its day and times unless given): the e-mail, "
                             "the badge and the host's arrival notice say the room and floor")
    invite.add_argument("--qr", type=Path, metavar="FILE.png", help="also write the QR code as a PNG")
    add_json_flag(invite)
    invite.set_defaults(handler=invite_command)


def invite_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.qr is not None:
        check_writable_target(args.qr)
    with ctx.unit_of_work() as uow:
        host = hosts.find_host_by_email(uow, args.host)
        created = invitations.create_invitation(
            uow, site_code=ctx.site_code, host_id=host.id, visitor_name=args.name, phone=args.phone,
            email=args.email, company=args.company, visit_date=args.date, start=args.start, end=args.end,
            purpose=args.purpose, vip=args.vip, booking_id=args.booking,
        )
    if args.qr is not None:
        write_qr_png(created.token, args.qr)
    if args.json:
        print_json(created, ctx.zone)
        return 0
    print(f"invited {created.visitor_name} to see {created.host_name} on {created.visit_date.isoformat()} "
          f"(visit {created.visit_id})")
    print(f"token: {created.token}")
    print(f"short code: {short_codes.shown(created.short_code)}")
    if args.qr is not None:
        print(f"QR code: {args.qr}")
    return 0


def reschedule_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.qr is not None:
        check_writable_target(args.qr)
    with ctx.unit_of_work() as uow:
        moved = invitations.reschedule_invitation(uow, args.visit, visit_date=args.date, start=args.start,
                                                  end=args.end)
    if args.qr is not None:
        write_qr_png(moved.token, args.qr)
    if args.json:
        print_json(moved, ctx.zone)
        return 0
    print(f"moved visit {moved.visit_id} ({moved.visitor_name}) to {moved.visit_date.isoformat()}")
    print(f"token: {moved.token}")
    print(f"short code: {short_codes.shown(moved.short_code)}")
    return 0


def checkin_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        result = checkin.check_in_by_token(
            uow, args.token, site_code=ctx.site_code, grace_seconds=ctx.settings.visits.double_scan_grace_seconds
        )
    who = f"{result.visitor_name} to see {result.host_name}" + (f" ({result.department})" if result.department else "")
    if result.outcome is CheckInOutcome.HELD:
        print(f"held for the front desk: {who}")
    elif result.repeated:
        print(f"already checked in moments ago: {who}")
    else:
        print(f"checked in: {who}; badge queued (job {result.badge_job_id})")
    return 0


def checkout_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        result = signout.sign_out_by_token(
            uow, args.token, site_code=ctx.site_code, grace_seconds=ctx.settings.visits.double_scan_grace_seconds
        )
    prefix = "already signed out moments ago" if result.repeated else "signed out"
    print(f"{prefix}: {result.visitor_name} (host {result.host_name})")
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    day: date = args.date or ctx.today()
    status = VisitStatus(args.status) if args.status else None
    with ctx.unit_of_work(write=False) as uow:
        found = visit_log.list_visits(uow, ctx.site_code, day=day, status=status)
    _show(ctx, found, args.json, empty=f"no visits on {day.isoformat()}")
    return 0


def search_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        found = visit_log.search_visits(uow, name=args.name, phone=args.phone)
    _show(ctx, found, args.json, empty="no visits found")
    return 0


def show_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        detail = visit_detail.visit_detail(uow, args.visit)
    if args.json:
        # Pictures are for the desk's screen; a script gets whether there is one.
        print_json(replace(detail, photo_jpeg=None, agreements=[replace(a, signature_png=None)
                                                                 for a in detail.agreements]), ctx.zone)
        return 0
    summary = detail.summary
    print(f"visit {summary.id}: {summary.visitor_name} ({summary.status}) to see {summary.host_name}"
          + (f", {summary.department}" if summary.department else ""))
    for caption, value in (("company", summary.company), ("phone", detail.phone), ("e-mail", detail.email),
                           ("ID number", detail.id_number_masked)):
        if value:
            print(f"  {caption}: {value}")
    for line in detail.history:
        reason = f" - {line.details['reason']}" if "reason" in line.details else ""
        print(f"  {local_time(line.at, ctx.zone)}  {line.action}  {line.actor}{reason}")
    return 0


def approve_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        walkins.approve_visit(uow, args.visit)
    print(f"visit {args.visit} approved")
    return 0


def decline_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        walkins.deny_visit(uow, args.visit, args.reason)
    print(f"visit {args.visit} declined")
    return 0


def no_show_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        invitations.mark_no_show(uow, args.visit)
    print(f"visit {args.visit} recorded as a no-show")
    return 0


def release_hold_command(ctx: CliContext, args: argparse.Namespace) -> int:
    # Whoever runs kioskctl on the server holds the database itself: they act as an administrator.
    with ctx.unit_of_work() as uow:
        public_url = ctx.settings.notify.public_url.rstrip("/")
        denylist.override_hold(uow, args.visit, reason=args.reason, role=StaffRole.ADMIN,
                               host_page=f"{public_url}/host" if public_url else "")
    print(f"hold on visit {args.visit} released")
    return 0


def roster_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        entries = roster.on_site_roster(uow, site_code=ctx.site_code)
    if args.json:
        print_json(entries, ctx.zone)
        return 0
    print_table(["VISITOR", "COMPANY", "PHONE", "HOST", "DEPARTMENT", "SINCE"],
                [[e.visitor_name, e.company, e.phone, e.host_name, e.department,
                  local_time(e.checked_in_at, ctx.zone)] for e in entries], empty="nobody is on site")
    return 0


def _show(ctx: CliContext, found: list[VisitSummary], as_json: bool, *, empty: str) -> None:
    if as_json:
        print_json(found, ctx.zone)
        return
    rows = [
        [str(v.id), v.visit_date.isoformat(), _status(v), v.visitor_name, v.company, v.host_name, v.department,
         v.purpose, local_time(v.expected_start, ctx.zone, v.visit_date),
         local_time(v.checked_in_at, ctx.zone, v.visit_date), local_time(v.checked_out_at, ctx.zone, v.visit_date)]
        for v in found
    ]
    headers = ["ID", "DATE", "STATUS", "VISITOR", "COMPANY", "HOST", "DEPARTMENT", "PURPOSE", "EXPECTED", "IN", "OUT"]
    print_table(headers, rows, empty=empty)


def _status(visit: VisitSummary) -> str:
    flags = [flag for flag, on in (("held", visit.on_hold), ("escalated", visit.escalated)) if on]
    return visit.status + (f" ({', '.join(flags)})" if flags else "")
