"""How ``kioskctl bookings`` prints a booking, a displacement and a checklist, in the site's time."""

from __future__ import annotations

from datetime import datetime

from kiosk.application.gateways.desk_rooms import BookingRow, BookingStatus, ChecklistLine, Displacement
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import local_time, print_table


def instant(ctx: CliContext, text: str, option: str) -> datetime:
    """ISO date and time; without a zone, the site's."""
    cleaned = text.strip()
    try:
        value = datetime.fromisoformat(cleaned) if len(cleaned) > len("YYYY-MM-DD") else None
    except ValueError:
        value = None
    if value is None:
        raise CliError(f"{option} {text!r} is not a date and time; use YYYY-MM-DDTHH:MM (site time)")
    return value.replace(tzinfo=ctx.zone) if value.tzinfo is None else value


def when(ctx: CliContext, row: BookingRow) -> str:
    day = row.starts_at.astimezone(ctx.zone).date()
    return f"{day.isoformat()} {local_time(row.starts_at, ctx.zone, day)}-{local_time(row.ends_at, ctx.zone, day)}"


def room_label(row: BookingRow) -> str:
    return f"{row.room_name} (floor {row.floor})" if row.floor else row.room_name


def booking_line(ctx: CliContext, row: BookingRow) -> str:
    topic = f' "{row.topic}"' if row.topic else ""
    notes = (", ad hoc" if row.ad_hoc else "") + (f", {row.status.value}" if row.status is not BookingStatus.BOOKED
                                                  else "")
    return (f"booking {row.booking_id}: {room_label(row)} {when(ctx, row)}, {row.level.value}, {row.attendee_count} "
            f"attendee(s), organiser {row.organiser_name}{topic}{notes}")


def displacement_line(ctx: CliContext, moved: Displacement) -> str:
    row = moved.booking
    who = ", ".join(p for p in (row.organiser_name, row.department) if p)
    offers = "; ".join(f"{o.name} ({f'floor {o.floor}, ' if o.floor else ''}{o.capacity} seats)" for o in moved.offers)
    return (f"displaced booking {row.booking_id}" + (f' "{row.topic}"' if row.topic else "") + f" ({who}) "
            f"{when(ctx, row)} in {row.room_name}; "
            + (f"free rooms that fit: {offers}" if offers else "no free room fits at that time"))


def checklist_table(ctx: CliContext, lines: list[ChecklistLine]) -> None:
    table = [[line.phase.value, line.key.value, "" if line.quantity is None else str(line.quantity),
              local_time(line.done_at, ctx.zone), line.done_by, line.note] for line in lines]
    print_table(["PHASE", "LINE", "QTY", "DONE", "BY", "NOTE"], table, empty="no checklist")
