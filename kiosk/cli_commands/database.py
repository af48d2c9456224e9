"""``kioskctl db upgrade|current``: the schema, moved only by Alembic migrations."""

from __future__ import annotations

import argparse
import sys

from kiosk.application.backups import BackupError, backup_before_upgrade
from kiosk.application.bootstrap import loose_files, schema_status
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.progress import progress_bar


def register(commands: Subcommands) -> None:
    db = commands.add_parser("db", help="create or upgrade the database schema")
    actions = db.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    actions.add_parser(
        "upgrade", help="migrate to the newest schema and register the configured site and kiosk"
    ).set_defaults(handler=upgrade)
    actions.add_parser("current", help="show the schema revision (changes nothing)").set_defaults(handler=current)


def upgrade(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        with progress_bar("backing up before the upgrade") as report:
            saved = backup_before_upgrade(ctx.settings, report)
    except BackupError as exc:
        raise CliError(f"{exc}; nothing upgraded") from None
    if saved is not None:
        print(f"backed up the database before upgrading from {saved.revision}: {saved.path}")
    status = schema_status(ctx.database)  # opening the database is what migrates it
    print(f"database {status.url}")
    print(f"schema at revision {status.revision} (head); site {ctx.site_code} "
          f"and kiosk {ctx.settings.kiosk.id} registered")
    warn_loose_files(ctx)
    return 0


def current(ctx: CliContext, args: argparse.Namespace) -> int:
    status = schema_status(ctx.unmigrated_database())
    revision, head = status.revision, status.head
    if revision is None:
        print(f"no schema yet (head is {head}); run 'kioskctl db upgrade'")
    elif revision == head:
        print(f"{revision} (head)")
    else:
        print(f"{revision} (head is {head}); run 'kioskctl db upgrade'")
    warn_loose_files(ctx)
    return 0


def warn_loose_files(ctx: CliContext) -> None:
    """An install from before files were private: say which to tighten, one line each (stderr)."""
    for loose in loose_files(ctx.settings):
        print(f"warning: {loose.advice()}", file=sys.stderr)
