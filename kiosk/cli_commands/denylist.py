"""``denylist add / list / edit / remove``: who is held for the front desk when they try to check in.

Through the desk's gateway as ``cli:<user>`` with the administrator's role (the deny list is the
administrator's): the same rules and audit events as the desk's Deny list view.
"""

from __future__ import annotations

import argparse

from kiosk.application.gateways.desk_directory import DenyEntryView, DeskDirectoryGateway
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import DenyKind, StaffRole


def _directory(ctx: CliContext) -> DeskDirectoryGateway:
    return DeskDirectoryGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN)


def register(commands: Subcommands) -> None:
    group = commands.add_parser("denylist", help="people, phones, companies and words held for the front desk")
    actions = group.add_subparsers(dest="denylist_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="hold matching visitors for the front desk")
    add.add_argument("--kind", required=True, choices=[k.value for k in DenyKind])
    add.add_argument("value", help="a name, a phone number, a company, or a keyword")
    add.add_argument("--reason", default="", help="shown to reception, never to the visitor")
    add_json_flag(add)
    add.set_defaults(handler=add_command)
    listing = actions.add_parser("list", help="the active entries")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)
    edit = actions.add_parser("edit", help="change an entry's reason (what it matches is not changed: "
                                           "remove it and add another)")
    edit.add_argument("id", type=arguments.record_id)
    edit.add_argument("--reason", required=True, help='the new reason; "" empties it')
    add_json_flag(edit)
    edit.set_defaults(handler=edit_command)
    remove = actions.add_parser("remove", help="stop holding visitors for this entry")
    remove.add_argument("id", type=arguments.record_id)
    remove.set_defaults(handler=remove_command)


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    gateway = _directory(ctx)
    entry_id = gateway.add_deny_entry(DenyKind(args.kind), args.value, args.reason)
    if args.json:
        print_json(next(e for e in gateway.deny_entries() if e.id == entry_id), ctx.zone)
    else:
        print(f"deny-list entry {entry_id} added")
    return 0


def _print_entries(ctx: CliContext, entries: list[DenyEntryView]) -> None:
    print_table(["id", "kind", "value", "reason", "added by", "added"],
                [[str(e.id), e.kind, e.value, e.reason, e.created_by, local_time(e.created_at, ctx.zone)]
                 for e in entries], empty="the deny list is empty")


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    entries = _directory(ctx).deny_entries()
    if args.json:
        print_json(entries, ctx.zone)
    else:
        _print_entries(ctx, entries)
    return 0


def edit_command(ctx: CliContext, args: argparse.Namespace) -> int:
    entry = _directory(ctx).edit_deny_reason(args.id, args.reason)
    if args.json:
        print_json(entry, ctx.zone)
    else:
        print(f"deny-list entry {entry.id} saved")
    return 0


def remove_command(ctx: CliContext, args: argparse.Namespace) -> int:
    _directory(ctx).remove_deny_entry(args.id)
    print(f"deny-list entry {args.id} removed")
    return 0
