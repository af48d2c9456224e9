"""``notices list / add / edit / withdraw``: what the kiosk's welcome screen tells visitors.

Days are the site's (``--from``/``--to`` inclusive; ``--from`` defaults to today there). Texts are
plain, one paragraph each, and refused when wider than the welcome screen shows.
"""

from __future__ import annotations

import argparse

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.notices import BODY_MAX_COLUMNS, TITLE_MAX_COLUMNS
from kiosk.services.desk import notices
from kiosk.services.desk.notices import NoticeDraft, NoticeView

_TEXTS = (("title_zh", "--title-zh", f"the title in Chinese (at most {TITLE_MAX_COLUMNS // 2} characters)"),
          ("title_en", "--title-en", f"the title in English (at most {TITLE_MAX_COLUMNS} letters)"),
          ("body_zh", "--body-zh", f"the text in Chinese (at most {BODY_MAX_COLUMNS // 2} characters)"),
          ("body_en", "--body-en", f"the text in English (at most {BODY_MAX_COLUMNS} letters)"))


def register(commands: Subcommands) -> None:
    group = commands.add_parser("notices", help="notices at the front desk, shown on the kiosk's welcome screen")
    actions = group.add_subparsers(dest="notices_action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="every notice: current, upcoming and past")
    listing.add_argument("--current", action="store_true", help="only those the kiosk shows today")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)

    add = actions.add_parser("add", help="publish a notice (a title in Chinese, English or both)")
    for dest, flag, text in _TEXTS:
        add.add_argument(flag, dest=dest, default="", help=text)
    add.add_argument("--from", dest="starts_on", type=arguments.day, default=None, metavar="YYYY-MM-DD|today",
                     help="the first day it shows (default: today at the site)")
    add.add_argument("--to", dest="ends_on", type=arguments.day, required=True, metavar="YYYY-MM-DD|today",
                     help="the last day it shows")
    add_json_flag(add)
    add.set_defaults(handler=add_command)

    edit = actions.add_parser("edit", help="change a current or upcoming notice (what is not given stays)")
    edit.add_argument("id", type=arguments.record_id)
    for dest, flag, text in _TEXTS:
        edit.add_argument(flag, dest=dest, default=None, help=text + '; "" empties it')
    edit.add_argument("--from", dest="starts_on", type=arguments.exact_day, default=None, metavar="YYYY-MM-DD")
    edit.add_argument("--to", dest="ends_on", type=arguments.exact_day, default=None, metavar="YYYY-MM-DD")
    add_json_flag(edit)
    edit.set_defaults(handler=edit_command)

    withdraw = actions.add_parser("withdraw", help="take a notice off the welcome screen now (it stays listed)")
    withdraw.add_argument("id", type=arguments.record_id)
    add_json_flag(withdraw)
    withdraw.set_defaults(handler=withdraw_command)


def _titles(notice: NoticeView) -> str:
    return " / ".join(title for title in (notice.title_zh, notice.title_en) if title)


def _print_table(ctx: CliContext, shown: list[NoticeView], empty: str) -> None:
    print_table(
        ["id", "state", "from", "to", "title", "by", "changed"],
        [[str(n.id), n.state.value, n.starts_on.isoformat(), n.ends_on.isoformat(), _titles(n), n.updated_by,
          local_time(n.updated_at, ctx.zone)] for n in shown],
        empty=empty,
    )


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        shown = (notices.current_notices(uow, ctx.site_code) if args.current
                 else notices.notice_board(uow, ctx.site_code, past_limit=None).notices)
    if args.json:
        print_json(shown, ctx.zone)
    else:
        _print_table(ctx, shown, "no notice is shown today" if args.current else "there are no notices")
    return 0


def _done(ctx: CliContext, args: argparse.Namespace, notice: NoticeView, what: str) -> int:
    if args.json:
        print_json(notice, ctx.zone)
    else:
        print(f"notice {notice.id} {what} ({notice.state.value}, {notice.starts_on.isoformat()} to "
              f"{notice.ends_on.isoformat()})")
    return 0


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    draft = NoticeDraft(title_zh=args.title_zh, title_en=args.title_en, body_zh=args.body_zh, body_en=args.body_en,
                        starts_on=args.starts_on, ends_on=args.ends_on or ctx.today())
    with ctx.unit_of_work() as uow:
        notice = notices.publish(uow, ctx.site_code, draft)
    return _done(ctx, args, notice, "published")


def edit_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        # Read and changed in one transaction: the version cannot move in between.
        now = notices.get_notice(uow, ctx.site_code, args.id)
        given = {name: getattr(args, name) for name in ("title_zh", "title_en", "body_zh", "body_en",
                                                         "starts_on", "ends_on")}
        draft = NoticeDraft(
            **{name: value if value is not None else getattr(now, name) for name, value in given.items()})
        notice = notices.edit(uow, ctx.site_code, args.id, draft, version=now.version)
    return _done(ctx, args, notice, "changed")


def withdraw_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        notice = notices.withdraw(uow, ctx.site_code, args.id)
    return _done(ctx, args, notice, "withdrawn")
