"""Jobs for cron and requests from people: ``purge``, ``erase``, ``end-of-day``, ``escalate``."""

from __future__ import annotations

import argparse
import sys
from datetime import time

from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.progress import progress_bar
from kiosk.services import retention
from kiosk.services.notifications.host_links import forget_spent_links
from kiosk.services.parcels import unclaimed
from kiosk.services.visits import escalation, signout


def register(commands: Subcommands) -> None:
    commands.add_parser(
        "purge", help="delete visits and visitors older than [retention] days"
    ).set_defaults(handler=purge_command)
    erase = commands.add_parser("erase", help="erase one person and all their visits, on their request")
    erase.add_argument("--phone", required=True, help="the visitor's phone number")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(handler=erase_command)
    commands.add_parser(
        "end-of-day", help="remind hosts of visitors still in (after [visits] still_on_site_reminder_time); "
        "sign everyone out after auto_signout_time; mark no-shows; remind recipients of parcels waiting "
        "[parcels] reminder_days and list those to return to the carrier",
    ).set_defaults(handler=end_of_day_command)
    commands.add_parser(
        "escalate", help="alert reception about hosts who have not answered within [visits] escalation_minutes",
    ).set_defaults(handler=escalate_command)


def purge_command(ctx: CliContext, args: argparse.Namespace) -> int:
    days = ctx.settings.retention.days
    with ctx.unit_of_work() as uow, progress_bar("purging"):  # one transaction: the bar only says work is going on
        report = retention.purge(uow, days=days)
    with ctx.unit_of_work() as uow:
        links = forget_spent_links(uow)
    print(f"purged records older than {days} days: {report.visits} visit(s), {report.visitors} visitor(s), "
          f"{report.notifications} notification(s); {links} spent reply link(s) forgotten")
    return 0


def erase_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        visitor_ids = retention.find_visitor_ids_by_phone(uow, args.phone)
    if not args.yes:
        _confirm(f"Erase {len(visitor_ids)} visitor record(s) with phone {args.phone}, all their visits and any "
                 "contact details, phone messages or complaints left with that number? This cannot be undone. [y/N] ")
    with ctx.unit_of_work() as uow:
        erased = retention.erase_by_phone(uow, args.phone)
    if not (erased.visitors or erased.notices or erased.messages or erased.complaints):
        raise CliError(f"nothing found with phone {args.phone}: no visitor, caller or complaining customer")
    left = f" and {erased.notices} notice(s) with contact details" if erased.notices else ""
    calls = f"; the caller blanked in {erased.messages} phone message(s)" if erased.messages else ""
    customers = f"; the customer blanked in {erased.complaints} complaint(s)" if erased.complaints else ""
    print(f"erased {erased.visitors} visitor record(s) and {erased.visits} visit(s){left}{calls}{customers}")
    return 0


def _confirm(question: str) -> None:
    # Without a terminal nobody can answer, and erasing is not something to do by default.
    if not sys.stdin.isatty():
        raise CliError("erasing needs confirmation; run in a terminal or pass --yes")
    if input(question).strip().lower() not in ("y", "yes"):
        raise CliError("nothing erased")


def end_of_day_command(ctx: CliContext, args: argparse.Namespace) -> int:
    visits = ctx.settings.visits
    with ctx.unit_of_work() as uow:
        reminded = signout.remind_hosts_of_visitors_still_in(
            uow, site_code=ctx.site_code, remind_at=time.fromisoformat(visits.still_on_site_reminder_time))
    with ctx.unit_of_work() as uow:
        signed_out, no_shows = signout.end_of_day(
            uow, site_code=ctx.site_code, signout_time=time.fromisoformat(visits.auto_signout_time))
    with ctx.unit_of_work() as uow:
        parcels = unclaimed.run(uow, ctx.site_code, reminder_days=ctx.settings.parcels.reminder_days,
                                return_days=ctx.settings.parcels.return_days)
    print(f"reminded hosts of {len(reminded)} visitor(s) still signed in; signed out {len(signed_out)} "
          f"visitor(s); {len(no_shows)} invitation(s) marked no-show; {len(parcels.reminded)} parcel "
          f"reminder(s) queued; {len(parcels.to_return)} parcel(s) to return to the carrier")
    return 0


def escalate_command(ctx: CliContext, args: argparse.Namespace) -> int:
    minutes = ctx.settings.visits.escalation_minutes
    with ctx.unit_of_work() as uow:
        escalated = escalation.escalate_unacknowledged(uow, minutes=minutes)
    print(f"escalated {len(escalated)} visit(s) whose host has not answered in {minutes} minutes")
    return 0
