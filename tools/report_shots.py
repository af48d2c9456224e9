"""The supervisor's reports as pictures: the dashboard over November 2026 and the first page of the monthly PDF,
in Chinese and English, into docs/screenshots/ (``desk-reports-*.png``, ``report-monthly-*.png``).

    .venv/bin/python tools/report_shots.py [--out DIR]

Runs offscreen on a throwaway SQLite database holding two years of a busy lobby (``benchmarks/bench_kpis.seed``
at 2 % of the benchmark: 20,000 visits, 8,000 parcels, 30,000 bookings, the desk's calls, complaints, routines
and supplies). The PDF page is drawn with pdftoppm when it is installed, else with Qt's QPdfDocument.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_kpis import NOW, SITE_CODE, fresh, seed  # noqa: E402
from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.application.gateways.desk_reports import DeskReportsGateway  # noqa: E402
from kiosk.devices.report_pdf import render_report  # noqa: E402
from kiosk.domain.security import StaffRole  # noqa: E402
from kiosk.services.directory.sites import ensure_site  # noqa: E402
from kiosk.ui.common.i18n import LanguageManager  # noqa: E402
from kiosk.ui.common.theme import apply_theme  # noqa: E402
from kiosk.ui.common.workers import WorkerPool  # noqa: E402
from kiosk.ui.desk.reports import ReportsDashboard  # noqa: E402


def pdf_page_png(pdf: Path, png: Path) -> None:
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(png.with_suffix(""))], check=True)
        return
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    size = document.pagePointSize(0).toSize() * 110 / 72
    document.render(0, QSize(size.width(), size.height())).save(str(png))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, "admin")  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        database, _empty = fresh(None, Path(folder), "shots")
        seed(database, 20_000, 8_000, 30_000, with_indexes=True)
        with database.unit_of_work("system:screenshots") as uow:
            ensure_site(uow, SITE_CODE, "星辰大厦 Star Tower", "Asia/Shanghai")
            uow.commit()
        gateway = DeskReportsGateway(database, SITE_CODE, actor="staff:screenshots", role=StaffRole.SUPERVISOR)
        report = gateway.dashboard(*_november())
        for language in ("zh_CN", "en"):
            languages = LanguageManager(language)
            languages.reset()
            view = ReportsDashboard(gateway, WorkerPool(synchronous=True), zone=_zone(), now=database.clock.now)
            view.resize(1600, 1820)
            view.show()
            view.year_on_year.setChecked(True)
            view.show_last_month()
            view.setFocus()
            for _ in range(5):
                app.processEvents()
            view.grab().save(str(args.out / f"desk-reports-{language}.png"))
            view.close()
            pdf = Path(folder) / f"report-{language}.pdf"
            pdf.write_bytes(render_report(report, language))
            pdf_page_png(pdf, args.out / f"report-monthly-{language}.png")
            languages.shutdown()
        database.dispose()
    print(f"report screenshots written to {args.out} (clock {NOW:%Y-%m-%d %H:%M} UTC)")
    return 0


def _november() -> tuple[object, object]:
    from datetime import date

    return date(2026, 11, 1), date(2026, 11, 30)


def _zone() -> object:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


if __name__ == "__main__":
    raise SystemExit(main())
