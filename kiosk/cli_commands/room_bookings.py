"""``kioskctl bookings ...``: meeting-room bookings, their preparation checklist and the after-use check, for
scripts and the desk's other systems (the same rules as the desk: ``DeskRoomsGateway``).

    kioskctl bookings add --room 大会议室 --organiser zhang.wei@example.com --start 2026-12-03T10:00 \\
        --end 2026-12-03T11:00 --attendees 8 [--level company] [--topic ...] [--ad-hoc] [--weekly-until 2027-01-28]
    kioskctl bookings list [--date 2026-12-03|today] [--room 大会议室]
    kioskctl bookings show 12 | cancel 12 [--reason ...] | confirm 12
    kioskctl bookings checklist 12 [--tick water copies ...] [--untick water]
    kioskctl bookings inspect 12 [--ok all | --ok tidy ...] [--damage "chair broken" --photo chair.jpg] [--note ...]

Times without a zone are the site's. A refused booking exits 1 with one line naming the reason (the booking in
the way, the seats, the notice period); with ``--json`` it prints {"error", "reason", "message",
"conflicting_booking_id", "limit"} instead.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kiosk.application.gateways.desk_rooms import (
    BookingForm,
    BookingLevel,
    BookingRefused,
    DeskRoomsGateway,
)
from kiosk.cli_commands import arguments, room_preparation
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.cli_commands.room_text import booking_line, checklist_table, displacement_line, instant, room_label, when
from kiosk.cli_commands.rooms import equipment, equipment_text, gateway


def _day_or_today(text: str) -> date | str:
    """``bookings list --date``: a date, or ``today`` (the site's; asked once the database is open)."""
    return arguments.day(text) or arguments.TODAY


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("bookings", help="meeting-room bookings: book, list, cancel, prepare, inspect")
    actions = parser.add_subparsers(dest="bookings_action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="book a room (refused with one line naming the reason)")
    add.add_argument("--room", required=True, metavar="ID_OR_NAME",
                     help="the room's id or name; #ID when a room is named by a number")
    add.add_argument("--organiser", required=True, metavar="EMAIL", help="the host who organises it")
    add.add_argument("--start", required=True, metavar="YYYY-MM-DDTHH:MM", help="site time unless a zone is given")
    add.add_argument("--end", required=True, metavar="YYYY-MM-DDTHH:MM")
    add.add_argument("--attendees", type=arguments.count, required=True, metavar="N")
    add.add_argument("--level", choices=[level.value for level in BookingLevel], default=BookingLevel.DEPARTMENT.value,
                     help="a company meeting displaces department meetings in its slot")
    add.add_argument("--topic", default="")
    add.add_argument("--ad-hoc", action="store_true", help="registered by the desk inside the notice period")
    add.add_argument("--equipment", default="", metavar="LIST", help="needed: projector,microphone,...")
    add.add_argument("--catering", default="", metavar="TEXT")
    add.add_argument("--print", dest="print_material", default="", metavar="TEXT", help="material to print")
    add.add_argument("--department", type=arguments.record_id, metavar="ID", help="default: the organiser's")
    add.add_argument("--weekly-until", type=arguments.exact_day, metavar="YYYY-MM-DD",
                     help="the same slot every week up to this date; the dates that conflict are listed")
    add_json_flag(add)
    add.set_defaults(handler=add_command)

    listing = actions.add_parser("list", help="bookings by start (default: from today on)")
    listing.add_argument("--date", type=_day_or_today, metavar="YYYY-MM-DD|today",
                         help="the bookings of this day (default: from today on)")
    listing.add_argument("--room", metavar="ID_OR_NAME")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    for name, text, handler in (("show", "one booking in full: attendees, checklist, damage", show_command),
                                ("confirm", "the organiser is there: the booking is not released", confirm_command)):
        action = actions.add_parser(name, help=text)
        action.add_argument("booking", type=arguments.record_id, metavar="ID")
        add_json_flag(action)
        action.set_defaults(handler=handler)

    cancel = actions.add_parser("cancel", help="cancel a booking; the organiser and attendees are told")
    cancel.add_argument("booking", type=arguments.record_id, metavar="ID")
    cancel.add_argument("--reason", default="", metavar="TEXT")
    add_json_flag(cancel)
    cancel.set_defaults(handler=cancel_command)

    room_preparation.register(actions)


def refused(ctx: CliContext, args: argparse.Namespace, exc: BookingRefused) -> int:
    if args.json:
        print_json({"error": exc.code, "reason": exc.reason.value, "message": exc.message,
                    "conflicting_booking_id": exc.conflicting.booking_id if exc.conflicting else None,
                    "limit": exc.limit}, ctx.zone)
    else:
        print(f"error: {exc.message}", file=sys.stderr)
    return 1


# -- booking ---------------------------------------------------------------------------------------------------


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rooms = gateway(ctx)
    form = BookingForm(
        room_id=rooms.room_id_for(args.room), organiser_host_id=rooms.organiser_id_for(args.organiser),
        starts_at=instant(ctx, args.start, "--start"), ends_at=instant(ctx, args.end, "--end"),
        attendee_count=args.attendees, level=BookingLevel(args.level), topic=args.topic,
        department_id=args.department, equipment_needed=equipment(args.equipment), catering=args.catering,
        print_material=args.print_material, ad_hoc=args.ad_hoc,
    )
    try:
        if args.weekly_until is not None:
            return _add_weekly(ctx, args, rooms, form, args.weekly_until)
        made = rooms.book(form)
    except BookingRefused as exc:
        return refused(ctx, args, exc)
    if args.json:
        print_json(made, ctx.zone)
        return 0
    print(booking_line(ctx, made.booking))
    for moved in made.displaced:
        print(displacement_line(ctx, moved))
    return 0


def _add_weekly(ctx: CliContext, args: argparse.Namespace, rooms: DeskRoomsGateway, form: BookingForm,
                until: date) -> int:
    made = rooms.book_weekly(form, until)
    if args.json:
        print_json(made, ctx.zone)
    else:
        days = ", ".join(row.starts_at.astimezone(ctx.zone).date().isoformat() for row in made.made)
        print(f"series {made.series_id}: booked {len(made.made)} date(s)" + (f": {days}" if days else ""))
        for conflict in made.conflicts:
            print(f"not booked {conflict.day.isoformat()}: {conflict.message}")
        for moved in made.displaced:
            print(displacement_line(ctx, moved))
    if not made.made:
        print("error: no date of the series could be booked", file=sys.stderr)
        return 1
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rooms = gateway(ctx)
    day = ctx.today() if args.date == arguments.TODAY else args.date
    room_id = rooms.room_id_for(args.room) if args.room else None
    rows = rooms.bookings(day=day, room_id=room_id)
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    table = [[str(r.booking_id), when(ctx, r), r.room_name, r.floor, r.level.value, r.status.value, r.organiser_name,
              r.department, r.topic, str(r.attendee_count), f"{r.prepared}/{r.to_prepare}",
              ", ".join(n for n in ("ad hoc" if r.ad_hoc else "", "weekly" if r.series_id else "") if n)]
             for r in rows]
    print_table(["ID", "WHEN", "ROOM", "FLOOR", "LEVEL", "STATUS", "ORGANISER", "DEPARTMENT", "TOPIC", "PEOPLE",
                 "PREPARED", ""], table, empty="no bookings")
    return 0


def show_command(ctx: CliContext, args: argparse.Namespace) -> int:
    detail = gateway(ctx).booking(args.booking)
    if args.json:
        print_json(detail, ctx.zone)
        return 0
    row = detail.row
    busy = local_time(row.busy_until, ctx.zone, row.ends_at.astimezone(ctx.zone).date())
    fields = [
        ("booking", f"{row.booking_id} ({row.status.value}, {row.level.value}" + (", ad hoc)" if row.ad_hoc else ")")),
        ("room", room_label(row)), ("when", f"{when(ctx, row)}, busy until {busy}"),
        ("organiser", f"{row.organiser_name} <{row.organiser_email}>"), ("department", row.department),
        ("topic", row.topic), ("attendees", str(row.attendee_count)),
        ("who", ", ".join(a.name for a in detail.attendees)), ("equipment", equipment_text(detail.equipment_needed)),
        ("catering", detail.catering), ("print", detail.print_material), ("series", row.series_id),
        ("confirmed", local_time(row.confirmed_at, ctx.zone)),
        ("displaced by", f"booking {detail.displaced_by_booking_id}" if detail.displaced_by_booking_id else ""),
        ("calendar", f"{detail.ical_uid} (sequence {detail.ical_sequence})"),
        ("booked", f"{local_time(detail.created_at, ctx.zone)} by {detail.created_by}"),
    ]
    for label, value in fields:
        if value:
            print(f"{label + ':':<14}{value}")
    checklist_table(ctx, list(detail.checklist))
    for damage in detail.damage:
        print(f"damage report {damage.report_id}: {damage.what}"
              + (f" (repaired {local_time(damage.repaired_at, ctx.zone)})" if damage.repaired_at else " (open)"))
    return 0


def cancel_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = gateway(ctx).cancel(args.booking, args.reason)
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"{booking_line(ctx, row)}; the organiser and attendees are told")
    return 0


def confirm_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = gateway(ctx).confirm(args.booking)
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(booking_line(ctx, row))
    return 0


