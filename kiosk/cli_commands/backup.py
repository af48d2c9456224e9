"""``kioskctl backup FILE`` and ``kioskctl restore FILE``: the whole database into one private file and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.application.backups import BackupError, backup, restore
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import print_json
from kiosk.cli_commands.progress import progress_bar


def register(commands: Subcommands) -> None:
    make = commands.add_parser("backup", help="copy the database into FILE (safe while kiosks are running)")
    make.add_argument("file", type=Path, metavar="FILE")
    make.add_argument("--json", action="store_true", help="print the result as JSON, no progress bar")
    make.set_defaults(handler=backup_command)
    back = commands.add_parser("restore", help="put a backup in place of the database (the old one is kept)")
    back.add_argument("file", type=Path, metavar="FILE")
    back.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    back.add_argument("--json", action="store_true", help="print the result as JSON, no progress bar")
    back.set_defaults(handler=restore_command)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def backup_command(ctx: CliContext, args: argparse.Namespace) -> int:
    try:
        with progress_bar("backing up", json_output=args.json) as report:
            made = backup(ctx.settings, args.file, report)
    except BackupError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json({"file": str(made.path), "bytes": made.size, "seconds": round(made.seconds, 3),
                    "revision": made.revision}, ctx.zone)
    else:
        print(f"backed up into {made.path}: {megabytes(made.size)} in {made.seconds:.1f} s")
    return 0


def restore_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if not args.yes:
        _confirm(f"Replace the configured database with {args.file}? Stop the kiosks and the "
                 "desk first; the current database is kept beside it. [y/N] ")
    try:
        with progress_bar("restoring", json_output=args.json) as report:
            done = restore(ctx.settings, args.file, report)
    except BackupError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json({"revision": done.revision, "kept": str(done.kept) if done.kept else None,
                    "integrity": done.integrity}, ctx.zone)
    else:
        kept = f"; the database it replaced is kept as {done.kept}" if done.kept else ""
        print(f"restored {args.file} (schema {done.revision or 'none'}){kept}; integrity check: {done.integrity}")
        if done.revision is not None:
            print("start a kiosk or run 'kioskctl db upgrade' to bring an older schema up to date")
    return 0 if done.integrity == "ok" else 1


def _confirm(question: str) -> None:
    # Without a terminal nobody can answer, and replacing the database is not something to do by default.
    if not sys.stdin.isatty():
        raise CliError("restoring needs confirmation; run in a terminal or pass --yes")
    if input(question).strip().lower() not in ("y", "yes"):
        raise CliError("nothing restored")
