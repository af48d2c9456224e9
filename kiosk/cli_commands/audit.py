"""``kioskctl audit list``: the audit trail, newest first, filtered as the desk's audit log filters it.

The person at the terminal runs with the site's settings and its database: the operator, with an
administrator's rights (``StaffRole.ADMIN``), as the other commands are.
"""

from __future__ import annotations

import argparse

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import print_json, print_table
from kiosk.domain.security import StaffRole
from kiosk.services import audit_log
from kiosk.services.audit_log import MAX_ROWS, AuditQuery, AuditRow, details_text

OPERATOR = StaffRole.ADMIN
DEFAULT_LIMIT = 100


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("audit", help="the audit trail: who did what to which object, when")
    actions = parser.add_subparsers(dest="audit_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="events, newest first")
    listing.add_argument("--actor", default="", help="one actor exactly, e.g. staff:amy, kiosk:K1, cli:root")
    listing.add_argument("--action", default="", help="an action (visit.checked_in) or the start of some (visit.)")
    listing.add_argument("--entity", default="", help="a kind of object: visit, staff_user, host, badge_print_job ...")
    listing.add_argument("--id", dest="entity_id", type=arguments.record_id, metavar="ID",
                         help="one object of that kind")
    listing.add_argument("--from", dest="first_day", type=arguments.exact_day, metavar="YYYY-MM-DD",
                         help="from this day at the site (its timezone)")
    listing.add_argument("--to", dest="last_day", type=arguments.exact_day, metavar="YYYY-MM-DD",
                         help="to this day at the site, included")
    listing.add_argument("--limit", type=arguments.count, default=DEFAULT_LIMIT, metavar="N",
                         help=f"the newest N events (default {DEFAULT_LIMIT}; 0: every one)")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    query = AuditQuery(actor=args.actor, action=args.action, entity=args.entity, entity_id=args.entity_id,
                       first_day=args.first_day, last_day=args.last_day)
    with ctx.unit_of_work(write=False) as uow:
        ids = audit_log.audit_ids(uow, ctx.site_code, query, role=OPERATOR,
                                  limit=args.limit if args.limit > 0 else None)
        rows: list[AuditRow] = []
        for start in range(0, len(ids), MAX_ROWS):
            rows += audit_log.audit_rows(uow, ids[start:start + MAX_ROWS], role=OPERATOR)
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(
        ["id", "when", "actor", "action", "object", "details"],
        [[str(r.id), r.at.astimezone(ctx.zone).strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action,
          r.entity if r.entity_id is None else f"{r.entity} {r.entity_id}", details_text(r)] for r in rows],
        empty="no events match",
    )
    return 0
