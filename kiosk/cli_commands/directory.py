"""``kioskctl hosts import|list|add|edit|deactivate|reactivate``: the host directory, usually from HR's
spreadsheet; one host at a time as at the desk's Hosts view.

The commands go through the desk's gateway (``DeskDirectoryGateway``) acting as ``cli:<user>`` with
the administrator's role: the same rules and audit events as the desk. A host is named by id or
e-mail address. The agreement texts (also the directory's) are ``kioskctl agreements``, registered here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.application.gateways.desk_directory import (
    DeskDirectoryGateway,
    HostForm,
    HostQuery,
    HostRow,
    HostsShown,
    ImportReport,
    RowProblem,
)
from kiosk.cli_commands import agreements
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import print_json, print_table
from kiosk.cli_commands.progress import progress_bar
from kiosk.domain.security import StaffRole

LANGUAGES = ("zh_CN", "en")
_FIELDS = (("name", "--name", "as visitors search for it (characters, pinyin and initials all match)"),
           ("email", "--email", "where arrival notices go; one host per address"),
           ("department", "--department", "created if new"),
           ("phone", "--phone", "a mobile or landline (+86 may be left out)"),
           ("chat_address", "--chat-address", "an apprise URL for chat notices"))


def directory(ctx: CliContext) -> DeskDirectoryGateway:
    """The desk's directory gateway for the person at the terminal (an administrator: they own the database)."""
    return DeskDirectoryGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN)


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("hosts", help="the people visitors come to see")
    actions = parser.add_subparsers(dest="hosts_action", required=True, metavar="ACTION")
    importing = actions.add_parser(
        "import", help="add or update hosts from a CSV (columns name, department, email[, phone, "
                       "chat_address, language, department_en]); UTF-8 or GBK",
        description="Add or update hosts (by e-mail) from HR's CSV file, UTF-8 or GBK; its first line names the "
                    "columns. Required: name, department, email. Optional: phone, chat_address, language (zh_CN "
                    "or en, of their notices), department_en (the department's English name, shown to visitors "
                    "reading English; an empty cell keeps the one it has). Bad lines are reported and skipped.",
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    add_json_flag(importing)
    importing.set_defaults(handler=import_command)

    listing = actions.add_parser("list", help="list hosts (by pinyin)")
    listing.add_argument("--all", action="store_true", help="include hosts who no longer receive visitors")
    listing.add_argument("--search", default="", metavar="TEXT",
                         help="a part of the name, the start of its pinyin or initials, e-mail or department")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    add = actions.add_parser("add", help="add one host (an e-mail address another host has is refused)")
    for dest, flag, text in _FIELDS:
        add.add_argument(flag, dest=dest, required=dest in ("name", "email"), default="", help=text)
    add.add_argument("--language", choices=LANGUAGES, default="zh_CN", help="of their notices (default zh_CN)")
    add_json_flag(add)
    add.set_defaults(handler=add_command)

    edit = actions.add_parser("edit", help="change a host (what is not given stays)")
    edit.add_argument("host", metavar="HOST", help="the host's id or e-mail address")
    for dest, flag, text in _FIELDS:
        edit.add_argument(flag, dest=dest, default=None, help=text + ('; "" empties it' if dest in (
            "department", "phone", "chat_address") else ""))
    edit.add_argument("--language", choices=LANGUAGES, default=None, help="of their notices")
    add_json_flag(edit)
    edit.set_defaults(handler=edit_command)

    for action, text in (("deactivate", "stop offering a host at the kiosk and for new invitations "
                                        "(visits already planned stay)"),
                         ("reactivate", "offer a deactivated host again")):
        switch = actions.add_parser(action, help=text)
        switch.add_argument("host", metavar="HOST", help="the host's id or e-mail address")
        add_json_flag(switch)
        switch.set_defaults(handler=switch_command, active=action == "reactivate")

    agreements.register(commands)


def _problem_line(problem: RowProblem) -> str:
    return f"line {problem.line}: {problem.message}"


def import_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with progress_bar("importing hosts", json_output=args.json) as progress:
        report: ImportReport = directory(ctx).import_hosts(args.file, progress=progress)
    if args.json:
        print_json(report, ctx.zone)
    else:
        named = f", {report.departments_named} department(s) given an English name" if report.departments_named else ""
        print(f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged{named}")
    for problem in report.problems:
        print(_problem_line(problem), file=sys.stderr)
    if report.problems:
        # The good rows are saved already; the exit status tells a script the file needs fixing.
        print(f"error: {len(report.problems)} row(s) not imported; fix them and import the file again",
              file=sys.stderr)
        return 1
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = directory(ctx)
    query = HostQuery(text=args.search, shown=HostsShown.ALL if args.all else HostsShown.ACTIVE)
    found = gateway.host_rows(gateway.host_ids(query))
    if args.json:
        print_json(found, ctx.zone)
        return 0
    rows = [[str(h.id), h.name, h.department, h.email, "" if h.active else "inactive"] for h in found]
    empty = "no host matches" if args.search else "no hosts; import some with 'kioskctl hosts import FILE'"
    print_table(["ID", "NAME", "DEPARTMENT", "EMAIL", ""], rows, empty=empty)
    return 0


def find_host(gateway: DeskDirectoryGateway, named: str) -> HostRow:
    """A host by id, or by e-mail address (any case)."""
    text = named.strip()
    if text.isdigit():
        return gateway.host(int(text))
    wanted = text.lower()
    for row in gateway.host_rows(gateway.host_ids(HostQuery(text=text, shown=HostsShown.ALL))):
        if row.email == wanted:
            return row
    raise CliError(f"no host with e-mail {named!r}")


def _print_host(ctx: CliContext, args: argparse.Namespace, row: HostRow, done: str) -> None:
    if args.json:
        print_json(row, ctx.zone)
    else:
        print(f"host {row.id} {done}: {row.name} <{row.email}>" + ("" if row.active else " (inactive)"))


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    form = HostForm(name=args.name, email=args.email, department=args.department, phone=args.phone,
                    chat_address=args.chat_address, language=args.language)
    _print_host(ctx, args, directory(ctx).add_host(form), "added")
    return 0


def edit_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = directory(ctx)
    host = find_host(gateway, args.host)

    def given(name: str, current: str) -> str:
        value = getattr(args, name)
        return current if value is None else value

    form = HostForm(
        name=given("name", host.name), email=given("email", host.email),
        department=given("department", host.department), phone=given("phone", host.phone),
        chat_address=given("chat_address", host.chat_address), language=given("language", host.language),
    )
    _print_host(ctx, args, gateway.edit_host(host.id, form), "saved")
    return 0


def switch_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = directory(ctx)
    host = find_host(gateway, args.host)
    row = gateway.reactivate_host(host.id) if args.active else gateway.deactivate_host(host.id)
    _print_host(ctx, args, row, "reactivated" if args.active else "deactivated")
    return 0
