"""Visitors: the desk's log over every visit, searched, filtered, sorted in SQL; exported to CSV or XLSX.

A view of the desk's shell. The table is a ``LazyTableModel`` over ``VisitorLogGateway``: the ids of
the matching visits are kept (sorted by the database), the rows on screen are read a page at a
time on the worker pool, so a million visits open, search and scroll without the window waiting.

    view = VisitorLogView(VisitorLogGateway(database, site_code, actor), pool, zone=zone, now=clock.now)
    view.start()      # when the person signs in (the shell calls start()/stop())
    view.refresh()    # when the change watcher reports the VISITS area

Everything a visitor typed reaches Qt as plain text: table cells through the display role, never a
rich-text delegate or tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.visitor_log import (
    DepartmentOption,
    ExportFormat,
    ExportResult,
    VisitorLogGateway,
    VisitQuery,
    VisitRow,
    VisitSort,
)
from kiosk.domain.visits import VisitorType, VisitStatus
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import STATUS_COLOURS, status_text
from kiosk.ui.desk.filters import COMBO_STYLE, PeriodChoice, combo, delayed_search, header_row
from kiosk.ui.desk.lazy_table import Column, LazyTableModel, LazyTableView, SortBinding
from kiosk.ui.desk.widgets import button, label, plain

SEARCH_DELAY_MS = 250
SORT = SortBinding[VisitQuery](
    of=lambda query: (query.sort, query.descending),
    by=lambda query, key, descending: replace(query, sort=VisitSort(str(key)), descending=descending),
)


def _status_key(row: VisitRow) -> str:
    held = row.on_hold and row.status in (VisitStatus.PENDING_APPROVAL, VisitStatus.INVITED)
    return "held" if held else row.status.value


def visitor_type_text(kind: VisitorType) -> str:
    translate = QCoreApplication.translate
    return {
        VisitorType.VISITOR: translate("VisitorLog", "Visitor"),
        VisitorType.CONTRACTOR: translate("VisitorLog", "Contractor"),
        VisitorType.INTERVIEW: translate("VisitorLog", "Interview"),
        VisitorType.DELIVERY: translate("VisitorLog", "Delivery"),
    }[kind]


def visit_columns(zone: ZoneInfo) -> list[Column[VisitRow]]:
    """The log's columns; times in the site's zone (a time on another day than the visit shows its date)."""
    translate = QCoreApplication.translate

    def clock(row: VisitRow, instant: datetime | None) -> str:
        if instant is None:
            return ""
        local = instant.astimezone(zone)
        return local.strftime("%H:%M") if local.date() == row.visit_date else local.strftime("%m-%d %H:%M")

    def status_colour(row: VisitRow, which: int) -> str | None:
        colours = STATUS_COLOURS.get(_status_key(row))
        return colours[which] if colours else None

    return [
        Column(lambda: translate("VisitorLog", "Date"), lambda r: r.visit_date.isoformat(), VisitSort.DATE, 110),
        Column(lambda: translate("VisitorLog", "Visitor"), lambda r: r.visitor_name, VisitSort.VISITOR, 150),
        Column(lambda: translate("VisitorLog", "Company"), lambda r: r.company, VisitSort.COMPANY, 200),
        Column(lambda: translate("VisitorLog", "Phone"), lambda r: r.phone, VisitSort.PHONE, 150),
        Column(lambda: translate("VisitorLog", "Host"), lambda r: r.host_name, VisitSort.HOST, 120),
        Column(lambda: translate("VisitorLog", "Department"), lambda r: r.department, VisitSort.DEPARTMENT, 130),
        Column(lambda: translate("VisitorLog", "Type"), lambda r: visitor_type_text(r.visitor_type),
               VisitSort.VISITOR_TYPE, 100),
        Column(lambda: translate("VisitorLog", "Status"), lambda r: status_text(_status_key(r)), VisitSort.STATUS, 150,
               foreground=lambda r: status_colour(r, 1), background=lambda r: status_colour(r, 0)),
        Column(lambda: translate("VisitorLog", "Expected"), lambda r: clock(r, r.expected_start),
               VisitSort.EXPECTED, 90),
        Column(lambda: translate("VisitorLog", "In"), lambda r: clock(r, r.checked_in_at), VisitSort.CHECKED_IN, 90),
        Column(lambda: translate("VisitorLog", "Out"), lambda r: clock(r, r.checked_out_at), VisitSort.CHECKED_OUT, 90),
    ]


class VisitorLogView(QWidget):
    """The Visitors view (see the module docstring); ``choose_file`` is replaced in tests (no dialog)."""

    def __init__(
        self, gateway: VisitorLogGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
        search_delay_ms: int = SEARCH_DELAY_MS,
    ) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(COMBO_STYLE)
        self.choose_file: Callable[[ExportFormat, str], str] = self._ask_for_file
        self.last_export: ExportResult | None = None
        self._exporting = False

        self.model: LazyTableModel[VisitQuery, VisitRow] = LazyTableModel(
            gateway, visit_columns(zone), pool, VisitQuery(), sort=SORT, parent=self)
        self.table = LazyTableView(self.model)
        self.model.countChanged.connect(self._show_count)
        self.model.busyChanged.connect(self._show_busy)
        self.model.failed.connect(self._read_failed)

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.busy = label(role="muted")
        self.export_csv = button("")
        self.export_xlsx = button("")
        self.export_csv.clicked.connect(lambda: self.export(ExportFormat.CSV))
        self.export_xlsx.clicked.connect(lambda: self.export(ExportFormat.XLSX))
        top = header_row(self.title, self.count, busy=self.busy, actions=(self.export_csv, self.export_xlsx))

        self.search, self._search_timer = delayed_search(self, self.apply_filters, delay_ms=search_delay_ms,
                                                         min_width=280)
        self.dates = PeriodChoice(self.now, zone, self.apply_filters, custom_days_back=29)
        self.period, self.first_day, self.last_day = self.dates.combo, self.dates.first_day, self.dates.last_day
        # Item data are plain values (Qt turns an enum into its string anyway): None means "any".
        self.status = combo([None, *(s.value for s in VisitStatus)])
        self.department = combo([None])
        self.visitor_type = combo([None, *(t.value for t in VisitorType)])
        for chosen in (self.status, self.department, self.visitor_type):
            chosen.currentIndexChanged.connect(lambda _index: self.apply_filters())
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 2)
        for widget in (self.period, self.first_day, self.last_day, self.status, self.department, self.visitor_type):
            filters.addWidget(widget)
        filters.addStretch(0)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(self._focus_search)
        self.message = plain(label(role="muted"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.dates.show_dates()
        self.retranslate()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.model.start()
        self.pool.submit(self.gateway.departments, on_done=self._show_departments, on_error=self._read_failed)

    def stop(self) -> None:
        self._search_timer.stop()
        self.model.stop()

    def refresh(self) -> None:
        """Visits changed somewhere (the change watcher): the list is read again, the place kept."""
        self.model.refresh()

    # -- the query --------------------------------------------------------------------------------------------

    def query(self) -> VisitQuery:
        """The query the fields describe, sorted as the table is."""
        first, last = self.dates.days()
        status, kind = self.status.currentData(), self.visitor_type.currentData()
        return replace(
            self.model.query, text=self.search.text(), first_day=first, last_day=last,
            statuses=frozenset({VisitStatus(status)}) if status is not None else frozenset(),
            department_id=self.department.currentData(),
            visitor_type=VisitorType(kind) if kind is not None else None,
        )

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.query())

    # -- answers ------------------------------------------------------------------------------------------------

    def _show_count(self, rows: int, complete: bool) -> None:
        if complete:
            self.count.setText(self.tr("%n visit(s)", "", rows))
        else:
            self.count.setText(self.tr("%n+ visits, counting…", "", rows))

    def _show_busy(self, busy: bool) -> None:
        self.busy.setText(self.tr("Searching…") if busy else "")

    def _show_departments(self, departments: list[DepartmentOption]) -> None:
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for department in departments:
            self.department.addItem(department.name, department.id)
        self.department.setCurrentIndex(max(self.department.findData(chosen), 0) if chosen is not None else 0)
        self.department.blockSignals(False)

    def _read_failed(self, error: Exception) -> None:
        reason = getattr(error, "message", str(error))
        self.message.setText(self.tr("Could not read the visitor log: {error}").format(error=reason))

    # -- export -----------------------------------------------------------------------------------------------------

    def export(self, export_format: ExportFormat) -> None:
        """The selected visits, or every visit the filters match when nothing is selected, to a file."""
        if self._exporting:
            return
        ids = self.table.selected_ids()
        stamp = self.now().astimezone(self.zone).strftime("%Y-%m-%d")
        path = self.choose_file(export_format, f"visitors-{stamp}.{export_format.value}")
        if not path:
            return
        if not path.lower().endswith(f".{export_format.value}"):
            path += f".{export_format.value}"
        self._set_exporting(True)
        if ids:
            self.message.setText(self.tr("Exporting %n selected visit(s)…", "", len(ids)))
            self.pool.submit(self.gateway.export, ids, path, export_format,
                             on_done=self._exported, on_error=self._export_failed)
        else:
            self.message.setText(self.tr("Exporting every visit shown…"))
            self.pool.submit(self.gateway.export_query, self.model.query, path, export_format,
                             on_done=self._exported, on_error=self._export_failed)

    def _ask_for_file(self, export_format: ExportFormat, suggested: str) -> str:
        kinds = {ExportFormat.CSV: self.tr("CSV (*.csv)"), ExportFormat.XLSX: self.tr("Excel workbook (*.xlsx)")}
        start = str(Path.home() / suggested)
        chosen, _kind = QFileDialog.getSaveFileName(self, self.tr("Export visitors"), start, kinds[export_format])
        return chosen

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        self.export_csv.setEnabled(not exporting)
        self.export_xlsx.setEnabled(not exporting)

    def _exported(self, result: ExportResult) -> None:
        self._set_exporting(False)
        self.last_export = result
        self.message.setText(self.tr("Exported %n visit(s) to {file}", "", result.visits).format(file=result.path))

    def _export_failed(self, error: Exception) -> None:
        self._set_exporting(False)
        reason = getattr(error, "message", str(error))
        self.message.setText(self.tr("The export did not work: {error}").format(error=reason))

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Visitors"))
        self.search.setPlaceholderText(self.tr("Search name, phone, company or host"))
        self.export_csv.setText(self.tr("Export CSV"))
        self.export_xlsx.setText(self.tr("Export Excel"))
        periods = {
            "all": self.tr("All dates"), "today": self.tr("Today"), "7": self.tr("Last 7 days"),
            "30": self.tr("Last 30 days"), "90": self.tr("Last 90 days"), "custom": self.tr("Choose dates"),
        }
        for index in range(self.period.count()):
            self.period.setItemText(index, periods[self.period.itemData(index)])
        self.status.setItemText(0, self.tr("All statuses"))
        for index in range(1, self.status.count()):
            self.status.setItemText(index, status_text(self.status.itemData(index)))
        if self.department.count():
            self.department.setItemText(0, self.tr("All departments"))
        self.visitor_type.setItemText(0, self.tr("All visitor types"))
        for index in range(1, self.visitor_type.count()):
            self.visitor_type.setItemText(index, visitor_type_text(VisitorType(self.visitor_type.itemData(index))))
        self.model.retranslate()
        self.table.viewport().update()
        if self.model.rowCount() or self.model.complete:
            self._show_count(self.model.rowCount(), self.model.complete)
