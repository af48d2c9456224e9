"""``kioskctl export visits``: the visit log as a CSV that Excel opens with Chinese intact."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, check_writable_target, write_file_bytes
from kiosk.services.reports import visit_report


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("export", help="export records to a file")
    actions = parser.add_subparsers(dest="export_action", required=True, metavar="WHAT")
    visits = actions.add_parser("visits", help="visits between two days (both included) as CSV")
    visits.add_argument("--from", dest="first_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    visits.add_argument("--to", dest="last_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    visits.add_argument("file", type=Path, metavar="FILE.csv")
    visits.set_defaults(handler=visits_command)


def visits_command(ctx: CliContext, args: argparse.Namespace) -> int:
    check_writable_target(args.file)
    with ctx.unit_of_work(write=False) as uow:
        report = visit_report.visits_between(
            uow, site_code=ctx.site_code, first_day=args.first_day, last_day=args.last_day
        )
    write_file_bytes(args.file, visit_report.visits_csv(report))
    print(f"exported {len(report.visits)} visit(s) from {report.first_day.isoformat()} "
          f"to {report.last_day.isoformat()} into {args.file}")
    return 0
