"""``denylist add / list / remove``: who is held for the front desk when they try to check in."""

from __future__ import annotations

import argparse

from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import DenyKind
from kiosk.services.visits import denylist


def register(commands: Subcommands) -> None:
    group = commands.add_parser("denylist", help="people, phones, companies and words held for the front desk")
    actions = group.add_subparsers(dest="denylist_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="hold matching visitors for the front desk")
    add.add_argument("--kind", required=True, choices=[k.value for k in DenyKind])
    add.add_argument("value", help="a name, a phone number, a company, or a keyword")
    add.add_argument("--reason", default="", help="shown to reception, never to the visitor")
    add.set_defaults(handler=add_command)
    listing = actions.add_parser("list", help="the active entries")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)
    remove = actions.add_parser("remove", help="stop holding visitors for this entry")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=remove_command)


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        entry_id = denylist.add_entry(uow, args.kind, args.value, args.reason)
    print(f"deny-list entry {entry_id} added")
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        entries = denylist.list_entries(uow)
    if args.json:
        print_json(entries, ctx.zone)
        return 0
    print_table(["id", "kind", "value", "reason", "added by", "added"],
                [[str(e.id), e.kind, e.value, e.reason, e.created_by, local_time(e.created_at, ctx.zone)]
                 for e in entries], empty="the deny list is empty")
    return 0


def remove_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        denylist.remove_entry(uow, args.id)
    print(f"deny-list entry {args.id} removed")
    return 0
