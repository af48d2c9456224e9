"""``kioskctl doctor [--json]``: a table of what is ready for visitors and what is not, and what to do.

Exit status 1 when something a visitor would notice is broken (settings, database, key files, printer,
camera, Chinese font, on-screen keyboard); warnings and back-office problems (e-mail, chat, file modes, disk)
leave it 0. Doctor reads the settings itself, so a broken settings file is a row, not an error line.
"""

from __future__ import annotations

import argparse
import json

from kiosk.application.doctor import DoctorReport, Status, run_doctor
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.output import format_table
from kiosk.config import ConfigError, Settings, load_settings

_MARK = {Status.OK: "ok", Status.WARN: "warn", Status.FAIL: "FAIL"}


def register(commands: Subcommands) -> None:
    doctor = commands.add_parser(
        "doctor", help="check settings, database, keys, printer, camera, e-mail, chat, fonts, keyboard and disk")
    doctor.add_argument("--json", action="store_true", help="print the rows as JSON")
    doctor.set_defaults(standalone=doctor_command)


def doctor_command(args: argparse.Namespace) -> int:
    settings: Settings | None = None
    problem = ""
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        problem = str(exc)
    report = run_doctor(settings, problem)
    if args.json:
        print(json.dumps(as_json(report), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    return 1 if report.visitor_problem else 0


def as_json(report: DoctorReport) -> dict[str, object]:
    return {
        "ok": not report.visitor_problem,
        "seconds": round(report.seconds, 3),
        "checks": [{"check": r.check, "status": r.status.value, "detail": r.detail, "fix": r.fix,
                    "visitor_facing": r.visitor_facing} for r in report.results],
    }


def print_report(report: DoctorReport) -> None:
    rows = []
    for result in report.results:
        rows.append([result.check, _MARK[result.status], result.detail])
        if result.fix and result.status is not Status.OK:
            rows.append(["", "", f"→ {result.fix}"])
    print(format_table(["CHECK", "STATUS", "DETAIL"], rows))
    failed = [r.check for r in report.results if r.status is Status.FAIL]
    warned = [r.check for r in report.results if r.status is Status.WARN]
    parts = ["a visitor would notice a problem" if report.visitor_problem else "ready for visitors"]
    parts += [f"failed: {', '.join(failed)}"] if failed else []
    parts += [f"warnings: {', '.join(warned)}"] if warned else []
    verdict = "; ".join(parts)
    print(f"\n{verdict}\ndoctor took {report.seconds:.2f} s")
