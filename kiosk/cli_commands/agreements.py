"""``kioskctl agreements list|publish``: the house rules and NDAs visitors sign at the kiosk.

A published text is never changed: ``publish`` adds version + 1 for its visitor type and language,
which the kiosk shows from then on; earlier versions stay, with the signatures given on them.
Through the desk's gateway as ``cli:<user>`` with the administrator's role (texts are the
administrator's). Registered by ``kiosk/cli_commands/directory.py`` (agreements are the directory's).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.application.gateways.desk_directory import AgreementVersion, DeskDirectoryGateway, VisitorType
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, read_file_bytes
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole

LANGUAGES = ("zh_CN", "en")


def _directory(ctx: CliContext) -> DeskDirectoryGateway:
    return DeskDirectoryGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN)


def register(commands: Subcommands) -> None:
    group = commands.add_parser("agreements", help="the texts visitors sign at the kiosk, versioned")
    actions = group.add_subparsers(dest="agreements_action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every published version, newest first (bodies with --json)")
    listing.add_argument("--type", dest="visitor_type", choices=[t.value for t in VisitorType])
    listing.add_argument("--language", choices=LANGUAGES)
    listing.add_argument("--current", action="store_true", help="only the versions visitors sign now")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)
    publish = actions.add_parser("publish", help="publish a new version: visitors sign it from now on")
    publish.add_argument("--type", dest="visitor_type", required=True, choices=[t.value for t in VisitorType])
    publish.add_argument("--language", required=True, choices=LANGUAGES)
    publish.add_argument("--title", required=True)
    publish.add_argument("--body-file", required=True, type=Path, metavar="FILE",
                         help="the text, UTF-8 (- reads standard input)")
    add_json_flag(publish)
    publish.set_defaults(handler=publish_command)


def _state(version: AgreementVersion) -> str:
    if not version.intact:
        return "CHANGED SINCE PUBLISHED"
    return "current" if version.current else "retired"


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    kind = VisitorType(args.visitor_type) if args.visitor_type else None
    versions = _directory(ctx).agreement_versions(kind, args.language)
    if args.current:
        versions = [v for v in versions if v.current]
    if args.json:
        print_json(versions, ctx.zone)
        return 0
    print_table(["id", "type", "language", "version", "title", "published", "by", "signed", "state"],
                [[str(v.id), v.visitor_type.value, v.language, str(v.version), v.title,
                  local_time(v.published_at, ctx.zone), v.published_by, str(v.signatures), _state(v)]
                 for v in versions], empty="no agreement text is published")
    return 0


def _body(path: Path) -> str:
    data = sys.stdin.buffer.read() if str(path) == "-" else read_file_bytes(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text") from None


def publish_command(ctx: CliContext, args: argparse.Namespace) -> int:
    text = _directory(ctx).publish_agreement(VisitorType(args.visitor_type), args.language, args.title,
                                             _body(args.body_file))
    if args.json:
        print_json(text, ctx.zone)
    else:
        print(f"{text.visitor_type} ({text.language}) version {text.version} published as agreement {text.id}: "
              "visitors sign it from now on")
    return 0
