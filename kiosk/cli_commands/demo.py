"""``kioskctl demo seed``: a believable lobby to try the kiosk and the desk on."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError, write_qr_png
from kiosk.cli_commands.output import print_table
from kiosk.services import demo


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("demo", help="demo data for a trial")
    actions = parser.add_subparsers(dest="demo_action", required=True, metavar="ACTION")
    seed = actions.add_parser("seed", help="add demo hosts, today's visitors, a deny-list entry, a desk login and "
                                           "meeting rooms with today's bookings")
    seed.add_argument("--reset", action="store_true",
                      help="erase the demo visitors first (fresh invitation tokens) and restore the demo password")
    seed.add_argument("--qr-dir", type=Path, metavar="DIR", help="write each new invitation's QR code here as PNG")
    seed.set_defaults(handler=seed_command)


def seed_command(ctx: CliContext, args: argparse.Namespace) -> int:
    qr_dir: Path | None = args.qr_dir
    if qr_dir is not None:
        try:
            qr_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"cannot create {qr_dir}: {exc.strerror or exc}") from None
    with ctx.unit_of_work() as uow:
        summary = demo.seed_demo(uow, site_code=ctx.site_code, reset=args.reset)
    _print_summary(summary)
    if qr_dir is not None:
        for visit in summary.new_tokens:
            path = qr_dir / f"invitation-{visit.visit_id}.png"
            assert visit.token is not None
            write_qr_png(visit.token, path)
            print(f"QR for {visit.visitor_name}: {path}")
    return 0


def _print_summary(summary: demo.DemoSummary) -> None:
    print(f"Demo data at site {summary.site_code} for {summary.visit_date.isoformat()}")
    if summary.visitors_erased:
        print(f"  reset: {summary.visitors_erased} demo visitor(s) erased")
    print(f"  hosts: {summary.hosts_created} created, {summary.hosts_existing} already there "
          f"(departments {', '.join(summary.departments)})")
    kind, value, _reason = demo.DENY_ENTRY
    print(f"  deny list: {kind.value} {value} ({'added' if summary.deny_entry_created else 'already there'})")
    state = "created" if summary.user_created else "already there"
    print(f"  desk login: {summary.username} / {summary.password} ({state})")
    print(f"  meeting rooms: {summary.rooms_created} added; "
          + (f"{summary.bookings_made} booking(s) for today and tomorrow" if summary.bookings_made
             else "today's bookings already there"))
    print()
    visits = [*summary.invitations, *([summary.walk_in] if summary.walk_in else [])]
    rows = [[str(v.visit_id), v.status, v.visitor_name, v.host_name, v.department, v.token or ""] for v in visits]
    print_table(["ID", "STATUS", "VISITOR", "HOST", "DEPARTMENT", "TOKEN"], rows, empty="no demo visits")
    if any(v.token and v.status != demo.INVITED for v in visits):
        print("(a checked-in visitor's token is spent: typing it at the kiosk shows \"already used\")")
    if not summary.new_tokens:
        print()
        print("Today's demo visits already existed, so their tokens cannot be shown again "
              "(only a hash is stored); run 'kioskctl demo seed --reset' for fresh ones.")
