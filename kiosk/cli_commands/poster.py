"""``poster``: the A4 poster for the lobby door, a QR code of the pre-registration page (``/visit``)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target
from kiosk.config import PRIVATE_FILE_MODE

NO_PUBLIC_URL = "set [notify] public_url (the address visitors reach kioskctl serve at) to make the poster"


def register(commands: Subcommands) -> None:
    poster = commands.add_parser("poster", help="the lobby door's A4 poster: a QR code of the pre-registration page")
    poster.add_argument("--pdf", type=Path, required=True, metavar="FILE", help="save the PDF here")
    poster.add_argument("--json", action="store_true", help="print what was written as JSON")
    poster.set_defaults(handler=poster_command)


def poster_command(ctx: CliContext, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtGui import QGuiApplication

    from kiosk.devices.printer.painter import visit_page_url, write_poster_pdf

    url = visit_page_url(ctx.settings.notify.public_url)
    if not url:
        raise CliError(NO_PUBLIC_URL)
    path: Path = args.pdf.expanduser()
    check_writable_target(path)
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs an application)
    try:
        write_poster_pdf(path, site_name=ctx.settings.site.name, url=url)
    except OSError as exc:
        raise CliError(f"cannot write {args.pdf}: {exc}") from None
    os.chmod(path, PRIVATE_FILE_MODE)
    if args.json:
        print(json.dumps({"pdf": str(path), "url": url, "site": ctx.settings.site.name}, ensure_ascii=False))
    else:
        print(f"poster for {url} written to {path}")
    return 0
