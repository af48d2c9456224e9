"""``notify-worker`` (the dispatcher as its own process), ``serve`` (the host-reply endpoint),
and ``notifications list / retry`` for the notices reception needs to see."""

from __future__ import annotations

import argparse

from kiosk.application.secrets import load_link_secret
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.services.notifications import sending


def register(commands: Subcommands) -> None:
    commands.add_parser(
        "notify-worker", help="send queued notices until stopped (for [notify] dispatcher = \"external\")"
    ).set_defaults(handler=worker_command)
    commands.add_parser(
        "serve", help="the web app (/visit, /host, the reply links) on [notify] listen_host:listen_port"
    ).set_defaults(handler=serve_command)
    group = commands.add_parser("notifications", help="queued, sent and failed notices")
    actions = group.add_subparsers(dest="notifications_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="the most recent notices")
    listing.add_argument("--failed", action="store_true", help="only those that gave up")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_command)
    retry = actions.add_parser("retry", help="send a failed notice again")
    retry.add_argument("id", type=arguments.record_id)
    retry.set_defaults(handler=retry_command)
    ack = actions.add_parser("ack", help="mark one of reception's alerts as seen to (the desk's \"Seen to\")")
    ack.add_argument("id", type=arguments.record_id)
    ack.set_defaults(handler=ack_command)


def worker_command(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.application.notification_loop import run_notify_worker

    ctx.database  # noqa: B018  (migrates and registers the site before the worker starts)
    if ctx.settings.notify.public_url:
        load_link_secret(ctx.settings)  # a missing or bad secret is said now, not in every notice's error
    return run_notify_worker(ctx.settings)


def serve_command(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.web.app import serve

    ctx.database  # noqa: B018
    serve(ctx.settings)
    return 0


def ack_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        sending.acknowledge_alert(uow, args.id)
    print(f"alert {args.id} marked as seen to")
    return 0


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        rows = (sending.list_failed(uow) if args.failed else sending.list_recent(uow))
    if args.json:
        print_json(rows, ctx.zone)
        return 0
    print_table(
        ["id", "event", "channel", "recipient", "status", "tries", "created", "last error"],
        [[str(r.id), r.event, r.channel, r.recipient, r.status, str(r.attempts), local_time(r.created_at, ctx.zone),
          (r.last_error or "")[:60]] for r in rows],
        empty="no notices",
    )
    return 0


def retry_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        sending.retry_notification(uow, args.id)
    print(f"notice {args.id} will be sent again")
    return 0
