"""``kioskctl report``: the manager's figures.

    kioskctl report kpis --from 2026-11-01 --to 2026-11-30 [--json]
    kioskctl report monthly --month 2026-11 --pdf FILE [--language zh_CN|en]

``kpis`` prints every figure against its target (met / missed), with the period before and a year before;
``--json`` gives the whole report (figures with value, count, out of, target and result; charts; tables;
comparisons). ``monthly`` draws the month's report as the PDF the supervisors are e-mailed on the 1st (in the
site's language unless ``--language``); nothing is kept or sent. As an administrator.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.application.gateways.desk_reports import DeskReportsGateway, Figure, KpiReport, month_bounds
from kiosk.cli_commands import arguments
from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError, check_writable_target, write_file_bytes
from kiosk.cli_commands.output import jsonable, print_json, print_table
from kiosk.domain.kpi_words import change_text, kpi_name, result_text, target_text, value_text
from kiosk.domain.security import StaffRole


def month(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a month; use YYYY-MM") from None


def gateway(ctx: CliContext) -> DeskReportsGateway:
    rooms = ctx.settings.rooms
    return DeskReportsGateway(ctx.database, ctx.site_code, actor=ctx.actor, role=StaffRole.ADMIN, opens=rooms.opens,
                              closes=rooms.closes)


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("report", help="the manager's figures: KPIs against targets, the monthly PDF")
    actions = parser.add_subparsers(dest="report_action", required=True, metavar="ACTION")

    kpis = actions.add_parser("kpis", help="every figure over site-local days, against its target, with the "
                                           "period before and a year before")
    kpis.add_argument("--from", dest="first_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    kpis.add_argument("--to", dest="last_day", type=arguments.exact_day, required=True, metavar="YYYY-MM-DD")
    add_json_flag(kpis)
    kpis.set_defaults(handler=kpis_command)

    monthly = actions.add_parser("monthly", help="draw a month's report as the PDF the supervisors get on the 1st")
    monthly.add_argument("--month", type=month, required=True, metavar="YYYY-MM")
    monthly.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    monthly.add_argument("--language", choices=("zh_CN", "en"), help="default: the site's [site] language")
    monthly.set_defaults(handler=monthly_command)


def _row(figure: Figure, report: KpiReport) -> list[str]:
    before = {c.kpi: c for c in report.month_on_month}.get(figure.kpi)
    a_year = {c.kpi: c for c in report.year_on_year}.get(figure.kpi)
    counted = f"{figure.count:,}/{figure.out_of:,}" if figure.unit.value == "share" else ""
    return [kpi_name(figure.kpi, "en"), value_text(figure.value, figure.unit, "en"), counted,
            target_text(figure.target, "en"), result_text(figure, "en").upper(),
            change_text(before.change if before else None, figure.unit, "en"),
            change_text(a_year.change if a_year else None, figure.unit, "en")]


def _json(report: KpiReport) -> dict[str, Any]:
    """The report as JSON, each figure with its unit, target and result too (properties, not fields)."""
    zone = ZoneInfo(report.timezone)
    shown: dict[str, Any] = jsonable(report, zone)
    shown["figures"] = [{**jsonable(figure, zone), "unit": figure.unit.value, "target": jsonable(figure.target, zone),
                         "passed": figure.passed} for figure in report.figures]
    return shown


def kpis_command(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.last_day < args.first_day:
        raise CliError("--to is before --from")
    report = gateway(ctx).dashboard(args.first_day, args.last_day)
    if args.json:
        print_json(_json(report), ctx.zone)
        return 0
    print(f"{report.site_name}: {report.period.first} to {report.period.last} ({report.timezone})")
    print_table(["FIGURE", "VALUE", "COUNT", "TARGET", "RESULT", "VS BEFORE", "VS A YEAR BEFORE"],
                [_row(figure, report) for figure in report.figures], empty="no figures")
    return 0


def monthly_command(ctx: CliContext, args: argparse.Namespace) -> int:
    check_writable_target(args.pdf)
    language = args.language or ctx.settings.site.language
    reports = gateway(ctx)
    pdf = reports.render(reports.dashboard(*_month_days(args.month)), language)
    write_file_bytes(args.pdf, pdf)
    print(f"wrote the report of {args.month:%Y-%m} ({language}, {len(pdf):,} bytes) into {args.pdf}")
    return 0


def _month_days(day: date) -> tuple[date, date]:
    period = month_bounds(day)
    return period.first, period.last
