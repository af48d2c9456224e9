"""The supervisor's dashboard: a date range (this month, last month, or any days), every KPI as a tile against its
target, month-on-month and year-on-year changes when asked, the charts with their target lines, the rooms' and the
supplies' tables, and the month's PDF to save. Everything is read on the worker pool; an answer for a range since
changed is dropped.

Replaceable for tests: ``choose_pdf_path(suggested name) -> path`` ("" = none).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_reports import ChartStyle, DeskReportsGateway, Kpi, KpiReport, Unit, month_bounds
from kiosk.services.errors import ServiceError
from kiosk.ui.charts import ChartWidget, Series
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.filters import COMBO_STYLE
from kiosk.ui.desk.reports.tables import rooms_table, show_rooms, show_supplies, supplies_table
from kiosk.ui.desk.reports.texts import chart_title, line_name, target_shown
from kiosk.ui.desk.reports.tiles import TILE_STYLE, KpiTile
from kiosk.ui.desk.supplies.texts import STYLE, problem_text
from kiosk.ui.desk.widgets import button, label

# The rulebook's five first, then the day's work.
TILES = (Kpi.SATISFACTION, Kpi.REGISTRATION, Kpi.CALLS_IN_TIME, Kpi.ROUTINES_PASSED, Kpi.MEETING_PREP_DEFECTS,
         Kpi.VISITS, Kpi.WALK_IN_SHARE, Kpi.NO_SHOWS, Kpi.HOST_WAIT, Kpi.KIOSK_RATINGS, Kpi.COMPLAINT_SATISFACTION,
         Kpi.PARCELS_NOTIFIED, Kpi.PARCELS_COLLECTED, Kpi.PARCELS_RETURNED, Kpi.ROOM_USE, Kpi.ROOM_NO_SHOWS,
         Kpi.SUPPLIES_ISSUED)
COLUMNS = 5


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(box: QDateEdit) -> date:
    chosen = box.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class ReportsDashboard(QWidget):
    def __init__(self, gateway: DeskReportsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE + COMBO_STYLE + TILE_STYLE)
        self.choose_pdf_path: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, self.tr("Save the monthly report"), name, "PDF (*.pdf)")[0]
        self.report: KpiReport | None = None
        self.last_saved: Path | None = None
        self._asked: tuple[date, date, bool, bool] | None = None
        self.title = label(role="title")
        self.period = label(role="count")
        today = now().astimezone(zone).date()
        this_month = month_bounds(today)
        self.first = QDateEdit(_qdate(this_month.first))
        self.last = QDateEdit(_qdate(today))
        for box in (self.first, self.last):
            box.setDisplayFormat("yyyy-MM-dd")
            box.setCalendarPopup(True)
            box.dateChanged.connect(lambda _d: self.refresh())
        self.this_month = button("")
        self.this_month.clicked.connect(lambda: self.show_range(this_month.first, today))
        self.last_month = button("")
        self.last_month.clicked.connect(self.show_last_month)
        self.month_on_month, self.year_on_year = QCheckBox(), QCheckBox()
        self.month_on_month.setChecked(True)
        for toggle in (self.month_on_month, self.year_on_year):
            toggle.toggled.connect(lambda _on: self.refresh())
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.save_button = button("", "primary")
        self.save_button.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.period)
        top.addStretch(1)
        # The range, comparisons and PDF controls wrap onto a second line on a narrow (1440 px) desk.
        top.addWidget(flow_row(self.first, self.last, self.this_month, self.last_month, self.month_on_month,
                               self.year_on_year, self.language, self.save_button), 3)

        self.tiles = {kpi: KpiTile(kpi) for kpi in TILES}
        tiles = QGridLayout()
        tiles.setSpacing(10)
        for index, kpi in enumerate(TILES):
            tiles.addWidget(self.tiles[kpi], index // COLUMNS, index % COLUMNS)
        self.charts: dict[str, ChartWidget] = {}
        charts = QGridLayout()
        charts.setSpacing(10)
        self.rooms, self.supplies = rooms_table(), supplies_table()
        self.notes = label(role="muted")
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        self._chart_grid = charts
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.setSpacing(12)
        inner.addLayout(tiles)
        inner.addWidget(self.notes)
        inner.addLayout(charts)
        self.rooms_title, self.supplies_title = label(role="section"), label(role="section")
        tables = QHBoxLayout()
        for heading, table in ((self.rooms_title, self.rooms), (self.supplies_title, self.supplies)):
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addWidget(table)
            tables.addLayout(column, 3 if table is self.rooms else 2)
        inner.addLayout(tables)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.retranslate()

    # -- loading -----------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        pass

    def show_range(self, first: date, last: date) -> None:
        for box, day in ((self.first, first), (self.last, last)):
            box.blockSignals(True)
            box.setDate(_qdate(day))
            box.blockSignals(False)
        self.refresh()

    def show_last_month(self) -> None:
        today = self.now().astimezone(self.zone).date()
        period = month_bounds(today.replace(day=1) - timedelta(days=1))
        self.show_range(period.first, period.last)

    def refresh(self) -> None:
        first, last = _day(self.first), _day(self.last)
        if last < first:
            self.message.setText(self.tr("The last day is before the first."))
            return
        asked = (first, last, self.month_on_month.isChecked(), self.year_on_year.isChecked())
        self._asked = asked
        self.message.setText(self.tr("Loading…"))
        self.pool.submit(partial(self.gateway.dashboard, first, last, month_on_month=asked[2],
                                 year_on_year=asked[3]), on_done=partial(self._shown, asked), on_error=self._failed)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def _shown(self, asked: tuple[date, date, bool, bool], report: KpiReport) -> None:
        if asked != self._asked:
            return  # the range or a toggle changed since: a newer answer is on its way
        self.report = report
        self.message.setText("")
        self._show(report)

    def _show(self, report: KpiReport) -> None:
        self.period.setText(self.tr("{first} to {last}").format(first=report.period.first.isoformat(),
                                                               last=report.period.last.isoformat()))
        before = {c.kpi: c for c in report.month_on_month}
        a_year = {c.kpi: c for c in report.year_on_year}
        before_name = self.tr("vs period before")
        year_name = self.tr("vs a year before")
        for figure in report.figures:
            tile = self.tiles.get(figure.kpi)
            if tile is not None:
                tile.show_figure(figure, before.get(figure.kpi), a_year.get(figure.kpi), before_name, year_name)
        self.notes.setText(self.tr("Hosts who never answered: {hosts} · Check rounds missed: {missed}").format(
            hosts=report.extra.get("hosts_unanswered", 0), missed=report.extra.get("routines_missed", 0)))
        for index, chart in enumerate(report.charts):
            widget = self.charts.get(chart.key.value)
            if widget is None:
                widget = self.charts[chart.key.value] = ChartWidget()
                self._chart_grid.addWidget(widget, index // 2, index % 2)
            series = [Series(line_name(line.key), line.values) for line in chart.lines]
            if chart.style is ChartStyle.BARS:
                widget.show_bars(chart_title(chart.key), chart.labels, series)
            else:
                share = chart.unit is Unit.SHARE
                widget.show_lines(chart_title(chart.key), chart.labels, series,
                                  target=chart.target.threshold if chart.target else None,
                                  target_name=target_shown(chart.target), low=0.5 if share else 0.0,
                                  high=1.0 if share else None, percent=share)
        self.rooms_title.setText(self.tr("Meeting room use"))
        self.supplies_title.setText(self.tr("Office supplies by department"))
        show_rooms(self.rooms, report.rooms)
        show_supplies(self.supplies, report.supplies)

    # -- the monthly PDF ---------------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        month = month_bounds(_day(self.first)).first
        language = str(self.language.currentData())
        path = self.choose_pdf_path(f"front-desk-report-{month:%Y-%m}-{language}.pdf")
        if not path:
            return
        self.message.setText(self.tr("Drawing the report of {month}…").format(month=f"{month:%Y-%m}"))
        self.pool.submit(self.gateway.save_month_pdf, month, language, Path(path),
                         on_done=partial(self._saved, Path(path)), on_error=self._failed)

    def _saved(self, path: Path, _size: int) -> None:
        self.last_saved = path
        self.message.setText(self.tr("Saved {name}.").format(name=path.name))

    # -- language ------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.report is not None:
                self._show(self.report)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reports"))
        self.this_month.setText(self.tr("This month"))
        self.last_month.setText(self.tr("Last month"))
        self.month_on_month.setText(self.tr("Month on month"))
        self.year_on_year.setText(self.tr("Year on year"))
        self.save_button.setText(self.tr("Save monthly PDF…"))
        self.first.setToolTip(self.tr("First day"))
        self.last.setToolTip(self.tr("Last day"))
        self.language.setToolTip(self.tr("The PDF's language"))
