"""The monthly report's PDF: it renders in each language, with the titles, the figures and the tables a reader
would find (text extracted with pypdf), and an empty month still makes a readable page."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from kiosk.devices import report_pdf
from kiosk.domain.kpis import (
    TARGETS,
    Chart,
    ChartKey,
    ChartLine,
    ChartStyle,
    Comparison,
    DepartmentConsumption,
    Figure,
    Kpi,
    KpiReport,
    Period,
    RoomLine,
    Unit,
)

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def sample_report(**changes: object) -> KpiReport:
    figures = (
        Figure(Kpi.VISITS, 1234.0, 1234, 1234),
        Figure(Kpi.SATISFACTION, 0.935, 935, 1000),
        Figure(Kpi.REGISTRATION, 0.9, 90, 100),
        Figure(Kpi.CALLS_IN_TIME, None),
        Figure(Kpi.HOST_WAIT, 6.25, 10, 12),
        Figure(Kpi.MEETING_PREP_DEFECTS, 0.005, 1, 200),
        Figure(Kpi.SUPPLIES_ISSUED, 123456.0, 80, 80),
    )
    days = tuple(f"11-{d:02d}" for d in range(1, 31))
    charts = (
        Chart(ChartKey.VISITS_PER_DAY, ChartStyle.BARS, days, (
            ChartLine("invited", tuple(float(d % 7 * 5) for d in range(30))),
            ChartLine("walk_in", tuple(float(d % 3 * 4) for d in range(30))),
            ChartLine("no_show", tuple(float(d % 2) for d in range(30))))),
        Chart(ChartKey.SATISFACTION_PER_WEEK, ChartStyle.LINE, ("2026-W44", "2026-W45", "2026-W46"),
              (ChartLine("share", (0.95, None, 0.88)),), Unit.SHARE, TARGETS[Kpi.SATISFACTION]),
        Chart(ChartKey.HOST_WAIT_PER_DAY, ChartStyle.LINE, days, (ChartLine("minutes", (None,) * 30),), Unit.MINUTES),
    )
    values = dict(
        site_name="Test Tower", timezone="Asia/Shanghai", period=NOVEMBER,
        made_at=datetime(2026, 12, 1, 0, 0, tzinfo=UTC), figures=figures, charts=charts,
        rooms=(RoomLine("<b>Lotus</b> 荷花厅", "3", 41.5, 0.115, 30, 2), RoomLine("", "", 41.5, 0.115, 30, 2)),
        supplies=(DepartmentConsumption("财务部", 12, 4560),),
        previous_period=Period(date(2026, 10, 1), date(2026, 10, 31)),
        month_on_month=(Comparison(Kpi.VISITS, 1234.0, 1200.0), Comparison(Kpi.SATISFACTION, 0.935, 0.91)),
        year_before=Period(date(2025, 11, 1), date(2025, 11, 30)), year_on_year=(),
        extra={"hosts_unanswered": 2, "routines_missed": 3},
    )
    values.update(changes)
    return KpiReport(**values)  # type: ignore[arg-type]


def extracted(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_chinese_report_reads_in_chinese_with_the_figures():
    pdf = report_pdf.render_report(sample_report(), "zh_CN")
    assert pdf.startswith(b"%PDF")
    words = extracted(pdf)
    for expected in ("前台月度报表", "2026年11月", "访客满意度", "93.5 %", "≥ 90 %", "达标", "未达标", "来访人次",
                     "1,234", "6.2 分钟", "¥1,234.56", "+2.5 个百分点", "每日来访", "会议室使用", "荷花厅", "财务部",
                     "未回应的接待人：2 次", "Front desk monthly report"):
        assert expected in words, expected
    assert "<b>" in words  # a typed room name is text, not markup


def test_the_english_report_reads_in_english():
    words = extracted(report_pdf.render_report(sample_report(), "en"))
    for expected in ("Front desk monthly report", "November 2026", "Visitor satisfaction", "93.5 %", "met", "missed",
                     "Registration completeness", "90.0 %", "Average wait for the host", "6.2 min", "+34",
                     "Visits per day", "Satisfaction per week", "Office supplies by department", "前台月度报表"):
        assert expected in words, expected


def test_an_empty_month_still_makes_a_page():
    empty = sample_report(figures=(Figure(Kpi.VISITS, 0.0), Figure(Kpi.SATISFACTION, None)), charts=(), rooms=(),
                          supplies=(), month_on_month=(), extra={})
    words = extracted(report_pdf.render_report(empty, "en"))
    assert "Nothing in this period" in words and "—" in words


def test_without_a_cjk_font_file_the_built_in_one_is_used(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(report_pdf, "FONT_CANDIDATES", (("/nonexistent/font.ttc", 0),))
    report_pdf.report_font.cache_clear()
    try:
        pdf = report_pdf.render_report(sample_report(), "zh_CN")
        assert b"STSong-Light" in pdf
    finally:
        report_pdf.report_font.cache_clear()
