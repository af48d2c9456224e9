"""``badge test``: print a test badge to the configured printer and save PNG/PDF previews;
``printer status``: ask the printer how it is; ``badge print-queue``: print what is waiting."""

from __future__ import annotations

import argparse
import os
from datetime import datetime, time
from pathlib import Path

from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target, write_file_bytes
from kiosk.config import PRIVATE_FILE_MODE
from kiosk.domain.badge_layout import BadgeData, labels_for_language, layout_badge, sample_badge
from kiosk.domain.printing import PrintJobStatus
from kiosk.services.visits import print_jobs

TEST_TOKEN = "v1.o.TEST-BADGE-not-a-real-token-0000"


def register(commands: Subcommands) -> None:
    badge = commands.add_parser("badge", help="test badges and the print queue")
    actions = badge.add_subparsers(dest="badge_action", required=True, metavar="ACTION")
    test = actions.add_parser("test", help="print a test badge and/or save PNG and PDF previews")
    test.add_argument("--name", default="张伟明 Test Müller", help="visitor name on the test badge")
    test.add_argument("--png", type=Path, help="save a preview PNG here")
    test.add_argument("--pdf", type=Path, help="save a PDF here")
    test.add_argument("--no-print", action="store_true", help="only write the previews")
    test.set_defaults(handler=test_badge_command)
    reprint = actions.add_parser("reprint", help="print a visitor's badge again (same sign-out code)")
    reprint.add_argument("--visit", type=arguments.record_id, required=True, metavar="ID")
    reprint.add_argument("--reason", required=True, help="why (a jam, a smudge): kept in the visit's history")
    reprint.set_defaults(handler=reprint_command)
    queue = actions.add_parser("print-queue", help="print every badge waiting in the queue, then stop")
    queue.set_defaults(handler=print_queue_command)
    printer = commands.add_parser("printer", help="the badge printer")
    printer_actions = printer.add_subparsers(dest="printer_action", required=True, metavar="ACTION")
    printer_actions.add_parser("status", help="ask the printer how it is").set_defaults(handler=status_command)


def reprint_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        job_id = print_jobs.reprint_badge(uow, args.visit, args.reason)
    print(f"badge for visit {args.visit} queued again (job {job_id})")
    return 0


def _test_badge(ctx: CliContext, name: str) -> BadgeData:
    today = datetime.now(ctx.zone).date()
    return sample_badge(
        visitor_name=name, company="测试公司 Test Company", host_name="李娜", host_department="行政部",
        visit_date=today, valid_until=datetime.combine(today, time(22, 0), tzinfo=ctx.zone),
        site_name=ctx.settings.site.name, sign_out_token=TEST_TOKEN,
    )


def test_badge_command(ctx: CliContext, args: argparse.Namespace) -> int:
    settings = ctx.settings
    badge = _test_badge(ctx, args.name)
    labels = labels_for_language(settings.site.language)
    for target in (args.png, args.pdf):
        if target is not None:
            check_writable_target(target)
    if args.png or args.pdf:
        _write_previews(layout_badge(badge, settings.printer.paper_width_mm, labels), args.png, args.pdf)
    if args.no_print:
        return 0
    from kiosk.devices.printer.backends import printer_from_settings
    from kiosk.devices.printer.escpos_render import render_badge_for
    from kiosk.devices.printer.protocol import PrinterUnavailable

    if settings.printer.kind == "os":
        return _print_os(layout_badge(badge, settings.printer.paper_width_mm, labels), settings.printer.os_printer)
    data = render_badge_for(badge, settings.printer, labels)
    try:
        printer_from_settings(settings.printer).send(data)
    except PrinterUnavailable as exc:
        raise CliError(f"the test badge did not print: {exc.reason}") from None
    print(f"test badge sent to the {settings.printer.kind} printer ({len(data)} bytes)")
    return 0


def _qt_app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def _write_previews(layout: object, png: Path | None, pdf: Path | None) -> None:
    app = _qt_app()  # noqa: F841  (QPainter needs an application object alive)
    from kiosk.devices.printer.painter import badge_png, write_badge_pdf

    if png:
        write_file_bytes(png, badge_png(layout))  # type: ignore[arg-type]
        print(f"preview written to {png}")
    if pdf:
        write_badge_pdf(layout, pdf)  # type: ignore[arg-type]
        if not pdf.is_file():  # QPdfWriter says nothing when it cannot write
            raise CliError(f"cannot write {pdf}")
        os.chmod(pdf, PRIVATE_FILE_MODE)
        print(f"PDF written to {pdf}")


def _print_os(layout: object, printer_name: str) -> int:
    app = _qt_app()  # noqa: F841
    from kiosk.devices.printer.painter import print_badge_to_os_printer

    problem = print_badge_to_os_printer(layout, printer_name)  # type: ignore[arg-type]
    if problem:
        raise CliError(f"the test badge did not print: {problem}")
    print("test badge sent to the OS printer")
    return 0


def status_command(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.devices.printer.backends import printer_from_settings
    from kiosk.devices.printer.protocol import PrinterUnavailable

    try:
        status = printer_from_settings(ctx.settings.printer).status()
    except PrinterUnavailable as exc:
        raise CliError(exc.reason) from None
    conditions = ", ".join(sorted(c.value for c in status.conditions)) or "none"
    print(f"{ctx.settings.printer.kind} printer: {'ready' if status.ready else 'NOT ready'}; "
          f"conditions: {conditions}{'; ' + status.detail if status.detail else ''}")
    return 0 if status.ready else 1


def print_queue_command(ctx: CliContext, args: argparse.Namespace) -> int:
    from kiosk.application.print_loop import BadgePrintLoop

    worker = BadgePrintLoop(ctx.database, ctx.settings)
    printed = failed = 0
    while (update := worker.run_once()) is not None:
        if update.status is PrintJobStatus.DONE:
            printed += 1
        else:
            failed += 1
            print(f"badge job {update.job_id}: {update.reason} ({update.status})")
    print(f"{printed} badge(s) printed, {failed} not printed")
    return 0 if failed == 0 else 1
