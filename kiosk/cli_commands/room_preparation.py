"""``kioskctl bookings checklist`` and ``kioskctl bookings inspect``: a meeting's preparation lines (water =
attendees, copies = attendees + 2, ...) ticked with who and when, and the after-use check with any damage (the
room out of order until the repair is recorded)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kiosk.application.gateways.desk_rooms import (
    BookingDetail,
    ChecklistKey,
    ChecklistLine,
    ChecklistPhase,
    DamageForm,
    InspectionForm,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import print_json
from kiosk.cli_commands.room_text import booking_line, checklist_table
from kiosk.cli_commands.rooms import gateway, read_photo


def register(actions: Subcommands) -> None:
    checklist = actions.add_parser("checklist", help="the preparation and after-use lines, ticked with who and when")
    checklist.add_argument("booking", type=arguments.record_id, metavar="ID")
    checklist.add_argument("--tick", action="extend", nargs="+", default=[], metavar="KEY")
    checklist.add_argument("--untick", action="extend", nargs="+", default=[], metavar="KEY")
    checklist.add_argument("--note", default="", metavar="TEXT", help="kept on the lines ticked")
    add_json_flag(checklist)
    checklist.set_defaults(handler=checklist_command)

    inspect = actions.add_parser("inspect", help="the after-use check: the booking done, damage reported")
    inspect.add_argument("booking", type=arguments.record_id, metavar="ID")
    inspect.add_argument("--ok", action="extend", nargs="+", default=[], metavar="KEY",
                         help="after-use lines found in order (tidy, equipment_back, supplies_checked, "
                              "room_restored), or all")
    inspect.add_argument("--damage", metavar="TEXT", help="damage found: the room is out of order until repaired")
    inspect.add_argument("--photo", type=Path, metavar="FILE.jpg", help="the damage's photo (JPEG, 8 MB)")
    inspect.add_argument("--note", default="", metavar="TEXT", help="for the organiser's summary")
    inspect.add_argument("--used", action="append", default=[], metavar="ITEM:QTY",
                         help="a supply item issued to the meeting (water, paper), from the supplies ledger")
    add_json_flag(inspect)
    inspect.set_defaults(handler=inspect_command)


def _by_key(lines: list[ChecklistLine], keys: list[str], booking_id: int) -> list[ChecklistLine]:
    known = {line.key.value: line for line in lines}
    wanted = []
    for key in keys:
        line = known.get(key.strip().lower().replace("-", "_"))
        if line is None:
            raise CliError(f"booking {booking_id} has no checklist line {key!r}; its lines: {', '.join(known)}")
        wanted.append(line)
    return wanted


def checklist_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rooms = gateway(ctx)
    lines = rooms.checklist(args.booking)
    for line in _by_key(lines, args.tick, args.booking):
        rooms.tick(line.item_id, done=True, note=args.note)
    for line in _by_key(lines, args.untick, args.booking):
        rooms.tick(line.item_id, done=False)
    row = rooms.booking(args.booking).row
    lines = rooms.checklist(args.booking)
    if args.json:
        print_json({"booking": row, "lines": lines}, ctx.zone)
        return 0
    print(f"{booking_line(ctx, row)}; prepared {row.prepared} of {row.to_prepare}")
    checklist_table(ctx, lines)
    return 0


def _inspect_keys(texts: list[str]) -> frozenset[ChecklistKey]:
    after_use = [key for key in ChecklistKey if key.value in ("tidy", "equipment_back", "supplies_checked",
                                                              "room_restored")]
    if any(t.strip().lower() == "all" for t in texts):
        return frozenset(after_use)
    keys = set()
    for text in texts:
        try:
            keys.add(ChecklistKey(text.strip().lower().replace("-", "_")))
        except ValueError:
            raise CliError(f"--ok {text!r} is not an after-use line; use {', '.join(k.value for k in after_use)} "
                           "or all") from None
    return frozenset(keys)


def _used(texts: list[str]) -> tuple[tuple[int, int], ...]:
    used = []
    for text in texts:
        item, _, quantity = text.partition(":")
        if not (item.strip().isdigit() and quantity.strip().isdigit()):
            raise CliError(f"--used {text!r} is not ITEM:QTY (a supply item's id and a whole number)")
        used.append((int(item), int(quantity)))
    return tuple(used)


def inspect_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.photo is not None and args.damage is None:
        raise CliError("--photo goes with --damage TEXT")
    rooms = gateway(ctx)
    booking = rooms.booking(args.booking)
    damage = None if args.damage is None else DamageForm(
        room_id=booking.row.room_id, what=args.damage, booking_id=args.booking,
        photo_jpeg=read_photo(args.photo) if args.photo is not None else None)
    row = rooms.inspect(InspectionForm(booking_id=args.booking, ticked=_inspect_keys(args.ok), note=args.note,
                                       damage=damage, consumables=_used(args.used)))
    after = rooms.booking(args.booking)
    if args.json:
        print_json(_inspected(after), ctx.zone)
        return 0
    done = [line for line in after.checklist if line.phase is ChecklistPhase.INSPECT and line.done_at]
    print(f"{booking_line(ctx, row)}; {len(done)} after-use line(s) in order; the organiser gets the summary")
    for report in after.damage:
        if report.repaired_at is None:
            print(f"damage report {report.report_id}: room {report.room_name} is out of order until the repair is "
                  f"recorded ('kioskctl rooms repaired {report.report_id} --note ...')")
    return 0


def _inspected(detail: BookingDetail) -> dict[str, Any]:
    return {"booking": detail.row, "checklist": detail.checklist, "damage": detail.damage}
