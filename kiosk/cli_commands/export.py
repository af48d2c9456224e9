"""``kioskctl export visits``: the visit log as a CSV that Excel opens with Chinese intact, or as XLSX.

The rules ask for a daily export kept at least three months; a cron line such as
``kioskctl export visits --from 2026-06-15 --to 2026-06-15 visits-2026-06-15.xlsx`` writes it.
Rows are read and written a thousand at a time, so a year's export needs no more memory than a day's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, check_writable_target
from kiosk.cli_commands.progress import progress_bar
from kiosk.services.reports import visit_export
from kiosk.services.reports.visit_export import REPORT_COLUMNS, ExportFormat


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("export", help="export records to a file")
    actions = parser.add_subparsers(dest="export_action", required=True, metavar="WHAT")
    visits = actions.add_parser("visits", help="visits between two days (both included) as CSV or XLSX")
    visits.add_argument("--from", dest="first_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    visits.add_argument("--to", dest="last_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    visits.add_argument("--format", dest="export_format", choices=[f.value for f in ExportFormat], default=None,
                        help="csv (UTF-8 with BOM) or xlsx; by default from FILE's extension, else csv")
    visits.add_argument("file", type=Path, metavar="FILE")
    visits.set_defaults(handler=visits_command)


def visits_command(ctx: CliContext, args: argparse.Namespace) -> int:
    check_writable_target(args.file)
    chosen = (ExportFormat(args.export_format) if args.export_format
              else ExportFormat.for_file(args.file.name, default=ExportFormat.CSV))
    with ctx.unit_of_work(write=False) as uow:
        ids = visit_export.report_ids(uow, ctx.site_code, args.first_day, args.last_day)
        with progress_bar("exporting") as report:
            count = visit_export.write_atomically(args.file, lambda file: visit_export.write_visits(
                uow, ctx.site_code, ids, file, chosen, columns=REPORT_COLUMNS, progress=report))
    print(f"exported {count} visit(s) from {args.first_day.isoformat()} "
          f"to {args.last_day.isoformat()} into {args.file}")
    return 0
