"""The supervisor's dashboard: November's tiles against their targets with met/missed, the charts with target
lines, the tables, the comparison toggles, a late answer for an old range dropped, the month's PDF saved; a
receptionist neither sees the entry nor gets figures through the gateway."""

from __future__ import annotations

import io
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from kiosk.application.gateways.desk_reports import DeskReportsGateway, Kpi
from kiosk.domain.security import StaffRole
from kiosk.services.errors import PolicyRefusal
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.reports import ReportsDashboard
from tests.factories import SITE
from tests.services.reports.kpi_data import NOW, seed_november
from tests.ui.held_pool import HeldWorkerPool

ZONE = ZoneInfo("Asia/Shanghai")


def dashboard(qtbot, database, pool=None) -> ReportsDashboard:
    view = ReportsDashboard(DeskReportsGateway(database, SITE, "staff:sue", StaffRole.SUPERVISOR),
                            pool or WorkerPool(synchronous=True), zone=ZONE, now=database.clock.now)
    qtbot.addWidget(view)
    view.resize(1500, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def november(database, clock):
    clock.set(NOW)
    seed_november(database)
    return database


def test_last_month_in_tiles_charts_and_tables(qtbot, november):
    view = dashboard(qtbot, november)
    view.start()
    view.show_last_month()
    assert view.period.text() == "2026-11-01 to 2026-11-30"
    satisfaction = view.tiles[Kpi.SATISFACTION]
    assert satisfaction.value.text() == "66.7 %"
    assert satisfaction.counted.text() == "4 of 6"
    assert satisfaction.target.text() == "target ≥ 90 %"
    assert satisfaction.result.text() == "Missed" and satisfaction.property("result") == "missed"
    assert satisfaction.changes.text() == "vs period before +66.7 pt"  # October: one rating, a 1
    visits = view.tiles[Kpi.VISITS]
    assert (visits.value.text(), visits.result.isVisible(), visits.target.isVisible()) == ("5", False, False)
    assert view.tiles[Kpi.HOST_WAIT].value.text() == "6.0 min"
    assert view.tiles[Kpi.SUPPLIES_ISSUED].value.text() == "¥22.00"

    by_hour = view.charts["visits_by_hour"].shown()
    assert by_hour["kind"] == "bars" and by_hour["series"]["Check-ins"][9] == 3
    routines = view.charts["routines_per_week"].shown()
    assert routines["kind"] == "lines" and routines["target"] == 0.95
    assert routines["labels"][-1] == "2026-W49" and routines["series"]["Share"][-1] == 0.5
    per_day = view.charts["visits_per_day"].shown()
    assert set(per_day["series"]) == {"Invited", "Walk-in", "No-show"}

    assert view.rooms.rowCount() == 2 and view.rooms.item(0, 0).text() == "301"
    assert view.rooms.item(1, 0).text() == "Total" and view.rooms.item(1, 4).text() == "4"
    assert [view.supplies.item(r, 0).text() for r in range(view.supplies.rowCount())] == ["Sales", "Finance",
                                                                                          "Total"]


def test_the_comparisons_follow_the_toggles(qtbot, november):
    view = dashboard(qtbot, november)
    view.show_last_month()
    view.year_on_year.setChecked(True)
    assert view.tiles[Kpi.VISITS].changes.text() == "vs period before +4 · vs a year before +5"  # none then
    view.month_on_month.setChecked(False)
    view.year_on_year.setChecked(False)
    assert not view.tiles[Kpi.VISITS].changes.isVisible()
    assert view.report is not None and view.report.month_on_month == () and view.report.year_on_year == ()


def test_an_answer_for_a_range_since_changed_is_dropped(qtbot, november):
    pool = HeldWorkerPool()
    view = dashboard(qtbot, november, pool)
    view.show_range(date(2026, 11, 1), date(2026, 11, 30))
    view.show_range(date(2026, 10, 1), date(2026, 10, 31))
    november_job, october_job = pool.pending()
    pool.run(october_job)
    pool.run(november_job)  # the older question's answer arrives late
    assert view.report is not None and view.report.period.first == date(2026, 10, 1)
    assert view.tiles[Kpi.VISITS].value.text() == "1"


def test_the_months_pdf_is_saved_in_the_chosen_language(qtbot, november, tmp_path):
    view = dashboard(qtbot, november)
    view.show_last_month()
    view.language.setCurrentIndex(view.language.findData("en"))
    target = tmp_path / "november.pdf"
    offered: list[str] = []
    view.choose_pdf_path = lambda name: offered.append(name) or str(target)
    view.save_pdf()
    assert offered == ["front-desk-report-2026-11-en.pdf"]
    assert view.last_saved == target and view.message.text() == "Saved november.pdf."
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Front desk monthly report" in text and "November 2026" in text


def test_a_receptionist_gets_no_figures(database):
    gateway = DeskReportsGateway(database, SITE, "staff:rita", StaffRole.RECEPTIONIST)
    assert not gateway.may_read()
    with pytest.raises(PolicyRefusal) as refused:
        gateway.dashboard(date(2026, 11, 1), date(2026, 11, 30))
    assert refused.value.code == "not_allowed"
