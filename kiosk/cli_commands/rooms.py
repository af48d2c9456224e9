"""``kioskctl rooms ...``: the meeting rooms, their damage reports and the use report, for scripts and the
desk's other systems (the same rules as the desk: ``DeskRoomsGateway``; bookings are ``room_bookings.py``).

    kioskctl rooms add --name 大会议室 --capacity 20 --floor 3 --equipment projector,microphone [--needs-approval]
    kioskctl rooms list [--all]
    kioskctl rooms edit 3 --cleaning-minutes 15 --equipment projector,screen
    kioskctl rooms report --from 2026-12-01 --to 2026-12-31 [--out use.xlsx]
    kioskctl rooms damage 大会议室 --what "projector lamp broken" [--photo lamp.jpg] [--booking 12]
    kioskctl rooms repaired 4 --note "lamp replaced"
    kioskctl rooms damage-list [--all]

Every command takes ``--json``; times are the site's. Something to fix exits 1 with one ``error: ...`` line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.application.gateways.desk_rooms import (
    DamageForm,
    DamageRow,
    DeskRoomsGateway,
    Equipment,
    RoomForm,
    RoomRow,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target, read_file_bytes
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole

PHOTO_MAX_BYTES = 8 * 1024 * 1024  # as the damage report keeps it


def gateway(ctx: CliContext) -> DeskRoomsGateway:
    """The desk's rules, as an administrator (a room that needs approval is booked as approved)."""
    rooms = ctx.settings.rooms
    return DeskRoomsGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN,
                            notice_days=rooms.notice_days, prepare_alert_minutes=rooms.prepare_alert_minutes,
                            opens=rooms.opens, closes=rooms.closes)


def equipment(text: str) -> frozenset[Equipment]:
    """``projector,microphone`` (``video-conference`` or ``video_conference``); "" for none."""
    chosen: set[Equipment] = set()
    for part in (p.strip().lower().replace("-", "_") for p in text.split(",")):
        if not part:
            continue
        try:
            chosen.add(Equipment(part))
        except ValueError:
            known = ", ".join(e.value for e in Equipment)
            raise CliError(f"unknown equipment {part!r}; known: {known}") from None
    return frozenset(chosen)


def equipment_text(items: tuple[Equipment, ...] | frozenset[Equipment]) -> str:
    return ", ".join(e.value for e in Equipment if e in items)


def read_photo(path: Path) -> bytes:
    data = read_file_bytes(path)
    if len(data) > PHOTO_MAX_BYTES:
        raise CliError(f"{path}: the photo is {len(data) / 1024 / 1024:.1f} MB; at most 8 MB")
    if not data.startswith(b"\xff\xd8\xff"):
        raise CliError(f"{path}: not a JPEG photo")
    return data


# -- the parser ------------------------------------------------------------------------------------------------


def _room_options(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    parser.add_argument("--name", required=not editing)
    parser.add_argument("--capacity", type=arguments.count, required=not editing, metavar="SEATS")
    parser.add_argument("--floor", metavar="FLOOR", help="as people say it: 3, 3F, B1")
    parser.add_argument("--equipment", metavar="LIST",
                        help=f"comma-separated: {', '.join(e.value for e in Equipment)} ('' for none)")
    approval = "lent only with a supervisor's approval (a training room)"
    if editing:
        parser.add_argument("--needs-approval", action=argparse.BooleanOptionalAction, help=approval)
        parser.add_argument("--active", action=argparse.BooleanOptionalAction,
                            help="--no-active: the room is no longer booked (its bookings stay)")
    else:
        parser.add_argument("--needs-approval", action="store_true", help=approval)
    parser.add_argument("--cleaning-minutes", type=arguments.count, metavar="M",
                        help="the room stays busy this long after each meeting (default 10)")
    parser.add_argument("--confirm-within", type=arguments.count, metavar="M",
                        help="an unconfirmed booking is released this long after its start (default 10)")
    add_json_flag(parser)


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("rooms", help="meeting rooms: add, list, edit, damage and repairs, the use report")
    actions = parser.add_subparsers(dest="rooms_action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="a new meeting room")
    _room_options(add, editing=False)
    add.set_defaults(handler=add_command)

    listing = actions.add_parser("list", help="the rooms by floor and name, out-of-order ones marked")
    listing.add_argument("--all", action="store_true", help="rooms no longer in use too")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    edit = actions.add_parser("edit", help="change a room (only the options given)")
    edit.add_argument("room", metavar="ID_OR_NAME")
    _room_options(edit, editing=True)
    edit.set_defaults(handler=edit_command)

    report = actions.add_parser("report", help="use per room (booked hours / opening hours), no-shows, displacements")
    report.add_argument("--from", dest="first_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="last_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    report.add_argument("--out", type=Path, metavar="FILE.csv|FILE.xlsx", help="write it to a file")
    add_json_flag(report)
    report.set_defaults(handler=report_command)

    damage = actions.add_parser("damage", help="report damage: the room is out of order until the repair")
    damage.add_argument("room", metavar="ID_OR_NAME")
    damage.add_argument("--what", required=True, metavar="TEXT")
    damage.add_argument("--photo", type=Path, metavar="FILE.jpg", help="a JPEG, at most 8 MB")
    damage.add_argument("--booking", type=arguments.record_id, metavar="ID", help="the meeting it was found after")
    add_json_flag(damage)
    damage.set_defaults(handler=damage_command)

    repaired = actions.add_parser("repaired", help="record a repair: the room takes bookings again")
    repaired.add_argument("report", type=arguments.record_id, metavar="REPORT_ID")
    repaired.add_argument("--note", required=True, metavar="TEXT", help="what was done")
    add_json_flag(repaired)
    repaired.set_defaults(handler=repaired_command)

    damage_list = actions.add_parser("damage-list", help="damage reports waiting for their repair")
    damage_list.add_argument("--all", action="store_true", help="repaired ones too")
    add_json_flag(damage_list)
    damage_list.set_defaults(handler=damage_list_command)


# -- rooms -----------------------------------------------------------------------------------------------------


def _describe(row: RoomRow) -> str:
    floor = f"floor {row.floor}, " if row.floor else ""
    kit = equipment_text(row.equipment) or "no equipment"
    notes = "".join(n for n in ("; needs approval" if row.needs_approval else "",
                                "; OUT OF ORDER" if row.out_of_order else "",
                                "; no longer in use" if not row.active else ""))
    return (f"room {row.room_id} {row.name}: {floor}{row.capacity} seats, {kit}; cleaning {row.cleaning_minutes} min,"
            f" confirm within {row.confirm_within_minutes} min{notes}")


def _one(ctx: CliContext, args: argparse.Namespace, row: RoomRow, done: str) -> int:
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"{_describe(row)} ({done})")
    return 0


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    form = RoomForm(name=args.name, capacity=args.capacity, floor=args.floor or "",
                    equipment=equipment(args.equipment or ""), needs_approval=args.needs_approval,
                    cleaning_minutes=10 if args.cleaning_minutes is None else args.cleaning_minutes,
                    confirm_within_minutes=10 if args.confirm_within is None else args.confirm_within)
    return _one(ctx, args, gateway(ctx).add_room(form), "added")


def edit_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rooms = gateway(ctx)
    current = rooms.room(rooms.room_id_for(args.room))

    form = RoomForm(
        name=current.name if args.name is None else args.name,
        capacity=current.capacity if args.capacity is None else args.capacity,
        floor=current.floor if args.floor is None else args.floor,
        equipment=frozenset(current.equipment) if args.equipment is None else equipment(args.equipment),
        needs_approval=current.needs_approval if args.needs_approval is None else args.needs_approval,
        cleaning_minutes=current.cleaning_minutes if args.cleaning_minutes is None else args.cleaning_minutes,
        confirm_within_minutes=(current.confirm_within_minutes if args.confirm_within is None
                                else args.confirm_within),
        active=current.active if args.active is None else args.active,
    )
    return _one(ctx, args, rooms.edit_room(current.room_id, form), "changed")


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).rooms(include_inactive=args.all)
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    table = [[str(r.room_id), r.name, r.floor, str(r.capacity), equipment_text(r.equipment),
              f"{r.cleaning_minutes} min", "yes" if r.needs_approval else "",
              ", ".join(n for n in ("OUT OF ORDER" if r.out_of_order else "", "" if r.active else "inactive") if n)]
             for r in rows]
    print_table(["ID", "ROOM", "FLOOR", "SEATS", "EQUIPMENT", "CLEANING", "APPROVAL", ""], table,
                empty="no rooms; add one with 'kioskctl rooms add --name NAME --capacity SEATS'")
    return 0


def report_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.last_day < args.first_day:
        raise CliError("--to is before --from")
    rooms = gateway(ctx)
    if args.out is not None:
        check_writable_target(args.out)
        written = rooms.export_report(args.first_day, args.last_day, args.out, language=ctx.settings.site.language)
        if args.json:
            print_json({"file": str(args.out), "rooms": written}, ctx.zone)
        else:
            print(f"wrote the use of {written} room(s) from {args.first_day} to {args.last_day} into {args.out}")
        return 0
    report = rooms.report(args.first_day, args.last_day)
    if args.json:
        print_json(report, ctx.zone)
        return 0
    rows = [[line.room_name or "total", line.floor, f"{line.booked_hours:.1f}", f"{line.opening_hours:.1f}",
             f"{line.use_ratio:.0%}", str(line.bookings), str(line.released), str(line.displaced), str(line.cancelled)]
            for line in (*report.lines, report.total)]
    print_table(["ROOM", "FLOOR", "BOOKED H", "OPEN H", "USE", "MEETINGS", "RELEASED", "DISPLACED", "CANCELLED"],
                rows, empty="no rooms")
    print(f"{report.damage_reports} damage report(s); {report.prepare_alerts} meeting(s) not prepared in time")
    return 0


# -- damage ----------------------------------------------------------------------------------------------------


def damage_command(ctx: CliContext, args: argparse.Namespace) -> int:
    photo = read_photo(args.photo) if args.photo is not None else None
    rooms = gateway(ctx)
    row = rooms.report_damage(DamageForm(room_id=rooms.room_id_for(args.room), what=args.what,
                                         booking_id=args.booking, photo_jpeg=photo))
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"damage report {row.report_id}: room {row.room_name} is out of order until the repair is recorded "
              f"('kioskctl rooms repaired {row.report_id} --note ...')")
    return 0


def repaired_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rooms = gateway(ctx)
    row = rooms.record_repair(args.report, args.note)
    if args.json:
        print_json(row, ctx.zone)
        return 0
    still = rooms.room(row.room_id).out_of_order
    print(f"damage report {row.report_id} ({row.room_name}): repaired; "
          + (f"room {row.room_name} has other damage still to repair" if still
             else f"room {row.room_name} takes bookings again"))
    return 0


def _damage_table(ctx: CliContext, rows: list[DamageRow]) -> None:
    table = [[str(r.report_id), r.room_name, local_time(r.reported_at, ctx.zone), r.reported_by, r.what,
              str(r.booking_id or ""), "yes" if r.has_photo else "",
              f"{local_time(r.repaired_at, ctx.zone)} {r.repaired_by}: {r.repair_note}" if r.repaired_at else ""]
             for r in rows]
    print_table(["ID", "ROOM", "REPORTED", "BY", "WHAT", "BOOKING", "PHOTO", "REPAIRED"], table,
                empty="no damage reports")


def damage_list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).damage_reports(open_only=not args.all)
    if args.json:
        print_json(rows, ctx.zone)
    else:
        _damage_table(ctx, rows)
    return 0
