"""Supply reports: consumption per department per month, stock value, slow movers, open requisitions by age;
each exported to CSV or XLSX (the gateway writes the file off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_supplies import (
    ConsumptionLine,
    DeskSuppliesGateway,
    OpenRequisitionLine,
    SlowMover,
    StockValue,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.filters import COMBO_STYLE, combo, header_row
from kiosk.ui.desk.supplies.texts import STYLE, cell, fill, grid, money, problem_text, requisition_status_text
from kiosk.ui.desk.widgets import button, label

REPORTS = ("consumption", "stock_value", "slow_movers", "open_requisitions")


def month_box(day: date) -> QDateEdit:
    box = QDateEdit(QDate(day.year, day.month, 1))
    box.setDisplayFormat("yyyy-MM")
    box.setCalendarPopup(False)
    return box


def first_of(box: QDateEdit) -> date:
    chosen = box.date()
    return date(chosen.year(), chosen.month(), 1)


class ReportsView(QWidget):
    """Replaceable: ``choose_file(suggested name) -> path`` ("" = none)."""

    def __init__(self, gateway: DeskSuppliesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE + COMBO_STYLE)
        self.choose_file: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, self.tr("Export"), name, "Excel (*.xlsx);;CSV (*.csv)")[0]
        self.last_export: int | None = None
        self.title = label(role="title")
        self.count = label(role="count")
        self.report = combo(REPORTS)
        self.report.currentIndexChanged.connect(lambda _i: self.refresh())
        today = now().astimezone(zone).date()
        self.month_from = month_box(date(today.year - (today.month <= 5), (today.month - 6) % 12 + 1, 1))
        self.month_to = month_box(today)
        for box in (self.month_from, self.month_to):
            box.dateChanged.connect(lambda _d: self.refresh())
        self.export_button = button("", "primary")
        self.export_button.clicked.connect(self.export)
        top = header_row(self.title, self.count, actions=(self.report, self.month_from, self.month_to,
                                                           self.export_button))
        self.table = grid([])
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        self._started = False
        self.retranslate()

    def start(self) -> None:
        self._started = True
        self.refresh()

    def stop(self) -> None:
        self._started = False

    def refresh(self) -> None:
        report = self.report.currentData()
        months = report == "consumption"
        self.month_from.setEnabled(months)
        self.month_to.setEnabled(months)
        if report == "consumption":
            self.pool.submit(self.gateway.consumption, first_of(self.month_from), first_of(self.month_to),
                             on_done=self._consumption, on_error=self._failed)
        elif report == "stock_value":
            self.pool.submit(self.gateway.stock_value, on_done=self._stock_value, on_error=self._failed)
        elif report == "open_requisitions":
            self.pool.submit(self.gateway.open_requisitions, on_done=self._open_requisitions, on_error=self._failed)
        else:
            self.pool.submit(self.gateway.slow_movers, on_done=self._slow_movers, on_error=self._failed)

    def _headers(self, names: list[str]) -> None:
        self.table.setColumnCount(len(names))
        self.table.setHorizontalHeaderLabels(names)

    def _consumption(self, lines: list[ConsumptionLine]) -> None:
        self._headers([self.tr("Month"), self.tr("Department"), self.tr("Item"), self.tr("Quantity"),
                       self.tr("Value")])
        fill(self.table, [[cell(f"{line.month:%Y-%m}"), cell(line.department), cell(line.item_name),
                           cell(f"{line.quantity} {line.unit}", number=True),
                           cell(money(line.value_cents), number=True)]
                          for line in lines])
        self.count.setText(money(sum(line.value_cents for line in lines)))
        self.message.setText("")

    def _stock_value(self, value: StockValue) -> None:
        self._headers([self.tr("Item"), self.tr("Category"), self.tr("Location"), self.tr("On hand"),
                       self.tr("Average cost"), self.tr("Value")])
        fill(self.table, [[cell(f"{i.item_name} {i.specification}".strip()), cell(i.category), cell(i.location),
                           cell(f"{i.on_hand} {i.unit}", number=True), cell(money(i.average_cost_cents), number=True),
                           cell(money(i.value_cents), number=True)] for i in value.lines])
        self.count.setText(self.tr("Total {value}").format(value=money(value.total_cents)))
        self.message.setText("")

    def _slow_movers(self, rows: list[SlowMover]) -> None:
        self._headers([self.tr("Item"), self.tr("Location"), self.tr("On hand"), self.tr("Value"),
                       self.tr("Last issued")])
        fill(self.table, [[cell(f"{r.item_name} {r.specification}".strip()), cell(r.location),
                           cell(f"{r.on_hand} {r.unit}", number=True), cell(money(r.value_cents), number=True),
                           cell(self.tr("never") if r.last_issued_at is None else
                                self.tr("%n day(s) ago", "", r.days_since_issue or 0))] for r in rows])
        self.count.setText(self.tr("%n item(s)", "", len(rows)))
        self.message.setText(self.tr("Items with stock and no issue for a long time."))

    def _open_requisitions(self, rows: list[OpenRequisitionLine]) -> None:
        self._headers([self.tr("No."), self.tr("Requester"), self.tr("Department"), self.tr("Status"),
                       self.tr("Age (days)"), self.tr("Open units")])
        fill(self.table, [[cell(f"#{r.requisition_id}"), cell(r.requester), cell(r.department),
                           cell(requisition_status_text(r.status)), cell(r.age_days, number=True),
                           cell(r.open_qty, number=True)] for r in rows])
        self.count.setText(self.tr("%n open", "", len(rows)))
        self.message.setText("")

    def export(self) -> None:
        report = str(self.report.currentData())
        stamp = self.now().astimezone(self.zone).strftime("%Y%m%d")
        path = self.choose_file(f"supplies-{report}-{stamp}.xlsx")
        if not path:
            return
        months = (first_of(self.month_from), first_of(self.month_to)) if report == "consumption" else (None, None)
        self.pool.submit(self.gateway.export_report, report, Path(path), *months, on_done=self._exported,
                         on_error=self._failed)

    def _exported(self, rows: int) -> None:
        self.last_export = rows
        self.message.setText(self.tr("%n row(s) exported.", "", rows))

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._started:  # a stopped view (signed out, shutting down) asks the database nothing
                self.refresh()  # the table's headings and words
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Supply reports"))
        for index, text in enumerate((self.tr("Consumption per department per month"), self.tr("Stock value"),
                                      self.tr("Slow movers"), self.tr("Open requisitions by age"))):
            self.report.setItemText(index, text)
        self.export_button.setText(self.tr("Export…"))
