"""``routines list / add / defaults / deactivate / due / done / problems / fixed / missed / rate``: the front
desk's routine checks from a terminal.

    kioskctl routines add --name 走廊巡查 --area 走廊 --schedule daily --item 地面干燥 --item 通道畅通
    kioskctl routines due [--date 2026-06-15]
    kioskctl routines done 3 [--round 2] [--date D] [--failed 地面干燥] [--problem "wet floor" --photo floor.jpg]
    kioskctl routines fixed 7 --note "mopped"
    kioskctl routines missed --from 2026-06-01 --to 2026-06-30

The meeting rooms' after-use check is not a routine: it is ``kioskctl bookings inspect``. Days are the site's.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from kiosk.application.gateways.desk_routines import (
    AFTERNOON,
    MORNING,
    CheckForm,
    DeskRoutinesGateway,
    DueCheck,
    ProblemRow,
    RoutineResult,
    RoutineSchedule,
    TemplateForm,
    TemplateRow,
)
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.cli_commands.rooms import read_photo

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ROUNDS = {MORNING: "morning", AFTERNOON: "afternoon"}


def gateway(ctx: CliContext) -> DeskRoutinesGateway:
    return DeskRoutinesGateway(ctx.database, ctx.site_code, actor=ctx.actor, language=ctx.settings.site.language)


def weekday(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= 7:
        raise argparse.ArgumentTypeError(f"{text!r} is not a weekday; use 1 (Monday) to 7 (Sunday)")
    return value


def register(commands: Subcommands) -> None:
    group = commands.add_parser("routines", help="routine checks: corridor, restrooms, plants ... and their problems")
    actions = group.add_subparsers(dest="routines_action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="the routines in use (--all: those out of use too)")
    listing.add_argument("--all", action="store_true", help="also the routines out of use")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    add = actions.add_parser("add", help="a routine: where, how often, the lines to check")
    add.add_argument("--name", required=True)
    add.add_argument("--area", default="", help="where: corridor 2F, restrooms 3F ...")
    add.add_argument("--schedule", required=True, choices=[s.value for s in RoutineSchedule])
    add.add_argument("--weekday", type=weekday, default=None, metavar="1-7",
                     help="a weekly routine's day: 1 Monday ... 7 Sunday")
    add.add_argument("--item", dest="items", action="append", default=[], required=True, metavar="TEXT",
                     help="a line to check (repeat for each)")
    add_json_flag(add)
    add.set_defaults(handler=add_command)

    defaults = actions.add_parser("defaults", help="add the rulebook's corridor (daily), restrooms (twice a day) "
                                                   "and plants (weekly) in the site's language, if missing; the "
                                                   "meeting rooms are checked after use: kioskctl bookings inspect")
    add_json_flag(defaults)
    defaults.set_defaults(handler=defaults_command)

    deactivate = actions.add_parser("deactivate", help="take a routine out of use (its rounds recorded stay)")
    deactivate.add_argument("id", type=arguments.record_id)
    add_json_flag(deactivate)
    deactivate.set_defaults(handler=deactivate_command)

    due = actions.add_parser("due", help="a day's rounds: due, done (who, when) or missed")
    due.add_argument("--date", type=arguments.day, default=None, metavar="YYYY-MM-DD|today")
    add_json_flag(due)
    due.set_defaults(handler=due_command)

    done = actions.add_parser("done", help="record a round done (a failed line or a problem makes a follow-up item)")
    done.add_argument("id", type=arguments.record_id, metavar="TEMPLATE_ID")
    done.add_argument("--round", type=int, choices=(MORNING, AFTERNOON), default=MORNING,
                      help="twice-a-day routines: 1 morning, 2 afternoon")
    done.add_argument("--date", type=arguments.day, default=None, metavar="YYYY-MM-DD|today",
                      help="the round's day (up to a week back)")
    done.add_argument("--failed", action="append", default=[], metavar="ITEM", help="a line that failed (repeat)")
    done.add_argument("--problem", default="", help="what is wrong: a wet floor, a broken chair ...")
    done.add_argument("--photo", type=Path, metavar="FILE.jpg", help="the problem's photo (JPEG, 8 MB)")
    done.add_argument("--note", default="")
    add_json_flag(done)
    done.set_defaults(handler=done_command)

    problems = actions.add_parser("problems", help="the problems rounds found and not fixed yet")
    problems.add_argument("--all", action="store_true", help="the fixed ones too")
    add_json_flag(problems)
    problems.set_defaults(handler=problems_command)

    fixed = actions.add_parser("fixed", help="record a problem's fix")
    fixed.add_argument("id", type=arguments.record_id, metavar="PROBLEM_ID")
    fixed.add_argument("--note", required=True, help="what was done")
    add_json_flag(fixed)
    fixed.set_defaults(handler=fixed_command)

    for name, handler, text in (("missed", missed_command, "the rounds nobody recorded, day by day"),
                                ("rate", rate_command, "the rounds passed of those due (a missed one is not)")):
        period = actions.add_parser(name, help=text)
        period.add_argument("--from", dest="date_from", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
        period.add_argument("--to", dest="date_to", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
        add_json_flag(period)
        period.set_defaults(handler=handler)


def schedule_text(row: TemplateRow) -> str:
    if row.schedule is RoutineSchedule.WEEKLY:
        return f"weekly ({WEEKDAYS[row.weekday - 1]})"
    return row.schedule.value.replace("_", " ")


def _templates(ctx: CliContext, args: argparse.Namespace, rows: list[TemplateRow], empty: str) -> int:
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(["id", "name", "area", "schedule", "lines", "in use"],
                [[str(r.template_id), r.name, r.area, schedule_text(r), str(len(r.items)), "yes" if r.active else "no"]
                 for r in rows], empty=empty)
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    return _templates(ctx, args, gateway(ctx).templates(include_inactive=args.all), "no routines")


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    schedule = RoutineSchedule(args.schedule)
    if schedule is RoutineSchedule.WEEKLY and args.weekday is None:
        raise CliError("a weekly routine needs --weekday 1-7 (1 = Monday)")
    if schedule is not RoutineSchedule.WEEKLY and args.weekday is not None:
        raise CliError("--weekday is for weekly routines")
    row = gateway(ctx).add_template(TemplateForm(args.name, args.area, schedule, tuple(args.items),
                                                 weekday=args.weekday or 1))
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"routine {row.template_id} added: {row.name} ({schedule_text(row)}, {len(row.items)} lines)")
    return 0


def defaults_command(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = gateway(ctx).add_defaults()
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    _templates(ctx, args, rows, "the rulebook's routines are there already")
    print("meeting rooms: checked after each use (kioskctl bookings inspect)")
    return 0


def deactivate_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = gateway(ctx).set_active(args.id, False)
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"routine {row.template_id} ({row.name}) is out of use")
    return 0


def round_text(slot: DueCheck) -> str:
    return ROUNDS[slot.round] if slot.template.schedule is RoutineSchedule.TWICE_DAILY else ""


def _slots(ctx: CliContext, args: argparse.Namespace, slots: list[DueCheck], day: date | None, empty: str) -> int:
    if args.json:
        print_json(slots, ctx.zone)
        return 0
    rows = []
    for slot in slots:
        check = slot.check
        outcome = ""
        if check is not None:
            outcome = check.result.value + (f" (problem {check.problem_id})" if check.problem_id else "")
            outcome += " (entered late)" if check.late else ""
        rows.append([str(slot.template.template_id), slot.due_on.isoformat(), slot.template.name, slot.template.area,
                     round_text(slot), slot.state.value, check.done_by if check else "",
                     local_time(check.done_at, ctx.zone, day) if check else "", outcome])
    print_table(["id", "day", "routine", "area", "round", "state", "by", "at", "result"], rows, empty=empty)
    return 0


def due_command(ctx: CliContext, args: argparse.Namespace) -> int:
    day = args.date or ctx.today()
    return _slots(ctx, args, gateway(ctx).due_checks(day), day, f"no rounds due on {day.isoformat()}")


def done_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.photo is not None and not (args.problem or args.failed):
        raise CliError("--photo goes with --problem TEXT or --failed ITEM")
    photo = read_photo(args.photo) if args.photo is not None else None
    form = CheckForm(template_id=args.id, due_on=args.date, round=args.round, failed_items=tuple(args.failed),
                     note=args.note, problem=args.problem, photo_jpeg=photo)
    row = gateway(ctx).record_check(form)
    if args.json:
        print_json(row, ctx.zone)
        return 0
    round_part = f" ({ROUNDS[row.round]})" if row.round == AFTERNOON else ""
    outcome = "passed" if row.result is RoutineResult.PASSED else f"problem {row.problem_id} to follow up"
    print(f"{row.template_name}{round_part} of {row.due_on.isoformat()} done: {outcome}")
    return 0


def _problems(ctx: CliContext, args: argparse.Namespace, rows: list[ProblemRow]) -> int:
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(["id", "reported", "routine", "area", "what", "photo", "by", "fixed"],
                [[str(r.problem_id), local_time(r.reported_at, ctx.zone), r.template_name, r.area, r.what,
                  "yes" if r.has_photo else "", r.reported_by,
                  f"{local_time(r.fixed_at, ctx.zone)} {r.fixed_by}: {r.fix_note}" if r.fixed_at else ""]
                 for r in rows], empty="no open problems" if not args.all else "no problems")
    return 0


def problems_command(ctx: CliContext, args: argparse.Namespace) -> int:
    return _problems(ctx, args, gateway(ctx).problems(include_fixed=args.all))


def fixed_command(ctx: CliContext, args: argparse.Namespace) -> int:
    row = gateway(ctx).fix_problem(args.id, args.note)
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"problem {row.problem_id} fixed ({row.template_name}: {row.what})")
    return 0


def missed_command(ctx: CliContext, args: argparse.Namespace) -> int:
    slots = gateway(ctx).missed(args.date_from, args.date_to)
    return _slots(ctx, args, slots, None, "no rounds missed")


def rate_command(ctx: CliContext, args: argparse.Namespace) -> int:
    passed, due = gateway(ctx).checks_passed(args.date_from, args.date_to)
    share = passed / due if due else None
    if args.json:
        print_json({"passed": passed, "due": due, "share": share}, ctx.zone)
    else:
        print(f"{passed} of {due} rounds passed" + (f" ({share:.1%}; target 95%)" if share is not None else ""))
    return 0
