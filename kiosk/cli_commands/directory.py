"""``kioskctl hosts import|list``: the host directory, usually from HR's spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, read_file_bytes
from kiosk.cli_commands.output import print_json, print_table
from kiosk.services.directory import hosts


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("hosts", help="the people visitors come to see")
    actions = parser.add_subparsers(dest="hosts_action", required=True, metavar="ACTION")
    importing = actions.add_parser(
        "import", help="add or update hosts from a CSV (columns name, department, email[, phone, "
                       "chat_address, language]); UTF-8 or GBK",
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.set_defaults(handler=import_command)
    listing = actions.add_parser("list", help="list hosts")
    listing.add_argument("--all", action="store_true", help="include hosts who no longer receive visitors")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)


def import_command(ctx: CliContext, args: argparse.Namespace) -> int:
    data = read_file_bytes(args.file)
    with ctx.unit_of_work() as uow:
        report = hosts.import_hosts_csv(uow, data)
    print(f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged")
    for problem in report.problems:
        print(f"line {problem.line}: {problem.message}", file=sys.stderr)
    if report.problems:
        # The good rows are saved already; the exit status tells a script the file needs fixing.
        print(f"error: {len(report.problems)} row(s) not imported; fix them and import the file again",
              file=sys.stderr)
        return 1
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        found = hosts.list_hosts(uow, include_inactive=args.all)
    if args.json:
        print_json(found, ctx.zone)
        return 0
    rows = [[str(h.id), h.name, h.department, h.email, "" if h.active else "inactive"] for h in found]
    empty = "no hosts; import some with 'kioskctl hosts import FILE'"
    print_table(["ID", "NAME", "DEPARTMENT", "EMAIL", ""], rows, empty=empty)
    return 0
