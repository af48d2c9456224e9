"""The parcel log: every parcel, searched and filtered in SQL (ids sorted there, rows read for what is on
screen: ``lazy_table.py``), the chosen one beside it with its actions; Export to CSV or XLSX."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_parcels import (
    DeskParcelsGateway,
    ParcelDetail,
    ParcelQuery,
    ParcelRow,
    ParcelSort,
    ParcelStatus,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_reason
from kiosk.ui.desk.filters import COMBO_STYLE, PeriodChoice, combo, delayed_search, header_row
from kiosk.ui.desk.lazy_table import Column, LazyTableModel, LazyTableView, SortBinding
from kiosk.ui.desk.parcels.parcel_detail import ParcelPanel
from kiosk.ui.desk.parcels.texts import condition_text, money, problem_text, recipient_name, status_text, translate
from kiosk.ui.desk.widgets import button, label

CHIP_STYLE = ('QPushButton[role="chip"]:checked { background: #e3f1ef; color: #0b5d52; border-color: #0f766e;'
              ' font-weight: 600; }')
OVERDUE = ("#b42318", "#fef3f2")  # foreground, background of a row past the reminder
TO_RETURN = ("#ffffff", "#d64545")


@dataclass(frozen=True)
class LogRow:
    """A ``ParcelRow`` under the ``id`` the lazy table keys rows by."""

    id: int
    row: ParcelRow


class ParcelSource:
    """The gateway as the lazy table reads it: ``ids`` and ``rows``."""

    def __init__(self, gateway: DeskParcelsGateway) -> None:
        self.gateway = gateway

    def ids(self, query: ParcelQuery, limit: int | None = None) -> Sequence[int]:
        return self.gateway.parcel_ids(query, limit)

    def rows(self, ids: Sequence[int]) -> list[LogRow]:
        return [LogRow(row.parcel_id, row) for row in self.gateway.parcel_rows(ids)]


SORT = SortBinding[ParcelQuery](
    of=lambda query: (query.sort, query.sort is ParcelSort.RECEIVED_DESC),
    by=lambda query, key, descending: replace(
        query, sort=ParcelSort.RECEIVED_DESC if key == ParcelSort.RECEIVED_DESC and descending
        else ParcelSort.RECEIVED_ASC if key == ParcelSort.RECEIVED_DESC else ParcelSort(str(key))),
)


def parcel_columns(zone: ZoneInfo, return_days: int) -> list[Column[LogRow]]:
    def when(instant: datetime | None) -> str:
        return instant.astimezone(zone).strftime("%m-%d %H:%M") if instant is not None else ""

    def to_return(r: LogRow) -> bool:
        return r.row.status is ParcelStatus.WAITING and r.row.days_waiting >= return_days

    def state(r: LogRow) -> str:
        text = status_text(r.row.status)
        if to_return(r):
            return translate("DeskParcels", "{status} · to return").format(status=text)
        if r.row.overdue:
            overdue = translate("DeskParcels", "{status} · overdue ({days} days)")
            return overdue.format(status=text, days=r.row.days_waiting)
        return text

    def colour(r: LogRow, which: int) -> str | None:
        if to_return(r):
            return TO_RETURN[which]
        return OVERDUE[which] if r.row.overdue else None

    def cod(r: LogRow) -> str:
        return money(r.row.cod_cents) if r.row.cod_cents else ""

    return [
        Column(lambda: translate("DeskParcels", "Received"), lambda r: when(r.row.received_at),
               ParcelSort.RECEIVED_DESC, 110),
        Column(lambda: translate("DeskParcels", "Tracking number"), lambda r: r.row.tracking_no, None, 150),
        Column(lambda: translate("DeskParcels", "Carrier"), lambda r: r.row.carrier_code, None, 64),
        Column(lambda: translate("DeskParcels", "For"),
               lambda r: recipient_name(r.row.recipient_kind, r.row.recipient_name), ParcelSort.RECIPIENT, 90),
        Column(lambda: translate("DeskParcels", "Department"), lambda r: r.row.department, None, 90),
        Column(lambda: translate("DeskParcels", "Shelf"), lambda r: r.row.shelf, None, 54),
        Column(lambda: translate("DeskParcels", "Status"), state, ParcelSort.STATUS, 200,
               foreground=lambda r: colour(r, 0), background=lambda r: colour(r, 1)),
        Column(lambda: translate("DeskParcels", "Condition"), lambda r: condition_text(r.row.condition), None, 70),
        Column(lambda: translate("DeskParcels", "COD"), cod, None, 70),
        Column(lambda: translate("DeskParcels", "Picked up by"), lambda r: r.row.picked_up_by, None, 120),
    ]


class ParcelLogView(QWidget):
    """Replaceable questions: ``choose_file(suggested) -> path``, ``ask_receipt() -> str | None``,
    ``ask_reason() -> str | None``."""

    def __init__(self, gateway: DeskParcelsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime], search_delay_ms: int = 250) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(COMBO_STYLE + CHIP_STYLE)
        self.choose_file: Callable[[str], str] = self._ask_for_file
        self.ask_receipt: Callable[[], str | None] = lambda: ask_reason(
            self, self.tr("Returned to the carrier"), self.tr("The number on the carrier's receipt:"),
            self.tr("Mark returned"), required=True)
        self.ask_reason: Callable[[], str | None] = lambda: ask_reason(
            self, self.tr("Cancel the parcel"), self.tr("Why is this record cancelled?"), self.tr("Cancel parcel"),
            required=True)
        self.last_export: int | None = None
        self.model: LazyTableModel[ParcelQuery, LogRow] = LazyTableModel(
            ParcelSource(gateway), parcel_columns(zone, gateway.return_days), pool, ParcelQuery(), sort=SORT,
            parent=self)
        self.table = LazyTableView(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._chosen(current.row()))
        self.model.countChanged.connect(self._show_count)
        self.model.failed.connect(self._failed)
        self.panel = ParcelPanel(zone)
        self.panel.returned.clicked.connect(self.mark_returned)
        self.panel.reimbursed.clicked.connect(self.mark_reimbursed)
        self.panel.reprint.clicked.connect(self.reprint)
        self.panel.cancel.clicked.connect(self.cancel)

        self.title = label(role="title")
        self.count = label(role="count")
        self.export_button = button("")
        self.export_button.clicked.connect(self.export)
        top = header_row(self.title, self.count, actions=(self.export_button,))
        self.search, self._search_timer = delayed_search(self, self.apply_filters, delay_ms=search_delay_ms,
                                                         min_width=240)
        self.dates = PeriodChoice(now, zone, self.apply_filters, custom_days_back=29)
        self.status = combo([None, *(s.value for s in ParcelStatus)])
        self.status.currentIndexChanged.connect(lambda _index: self.apply_filters())
        self.quick: dict[str, QPushButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 2)
        for widget in (self.dates.combo, self.dates.first_day, self.dates.last_day, self.status):
            filters.addWidget(widget)
        filters.addStretch(0)
        chips = QHBoxLayout()
        chips.setSpacing(8)
        for key in ("waiting", "overdue", "to_return", "damaged", "cod_unpaid"):
            toggle = button("", "chip")
            toggle.setCheckable(True)
            toggle.toggled.connect(partial(self._quick_toggled, key))
            self.quick[key] = toggle
            chips.addWidget(toggle)
        chips.addStretch(1)
        self.message = label(role="muted")
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.panel, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(chips)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.dates.show_dates()
        self.retranslate()

    def start(self) -> None:
        self.model.start()

    def stop(self) -> None:
        self._search_timer.stop()
        self.model.stop()

    def refresh(self) -> None:
        self.model.refresh()
        self._chosen(self.table.currentIndex().row())

    # -- the query -------------------------------------------------------------------------------------------

    def _quick_toggled(self, key: str, on: bool) -> None:
        if on and key in ("waiting", "to_return"):  # "to return" is the oldest waiting, oldest first
            other = self.quick["to_return" if key == "waiting" else "waiting"]
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self.apply_filters()

    def query(self) -> ParcelQuery:
        first, last = self.dates.days()
        status = self.status.currentData()
        statuses = frozenset({ParcelStatus(status)}) if status is not None else frozenset()
        to_return = self.quick["to_return"].isChecked()
        if self.quick["waiting"].isChecked() or to_return:
            statuses = frozenset({ParcelStatus.WAITING})
        sort = self.model.query.sort
        if to_return:
            sort = ParcelSort.RECEIVED_ASC
        return replace(
            self.model.query, text=self.search.text().strip(), statuses=statuses,
            overdue_only=self.quick["overdue"].isChecked() or to_return,
            damaged_only=self.quick["damaged"].isChecked(), cod_unpaid_only=self.quick["cod_unpaid"].isChecked(),
            received_from=first, received_to=last, sort=sort,
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.query())

    def _show_count(self, rows: int, complete: bool) -> None:
        self.count.setText(self.tr("%n parcel(s)", "", rows) if complete else self.tr("%n+ parcels", "", rows))

    # -- the chosen parcel -----------------------------------------------------------------------------------

    def chosen_id(self) -> int | None:
        return self.panel.detail.row.parcel_id if self.panel.detail is not None else None

    def _chosen(self, row: int) -> None:
        parcel_id = self.model.id_at(row)
        if parcel_id is None:
            self.panel.show_detail(None)
            return
        self.pool.submit(self.gateway.parcel, parcel_id, on_done=self._show_detail, on_error=self._failed)

    def _show_detail(self, detail: ParcelDetail) -> None:
        if self.table.current_id() == detail.row.parcel_id:
            self.panel.show_detail(detail)

    def _act(self, call: Callable[..., object], *args: object) -> None:
        self.pool.submit(call, *args, on_done=lambda _row: self.refresh(), on_error=self._failed)

    def mark_returned(self) -> None:
        parcel_id = self.chosen_id()
        receipt = self.ask_receipt() if parcel_id is not None else None
        if parcel_id is not None and receipt:
            self._act(self.gateway.mark_returned, parcel_id, receipt)

    def mark_reimbursed(self) -> None:
        if (parcel_id := self.chosen_id()) is not None:
            self._act(self.gateway.mark_cod_reimbursed, parcel_id)

    def reprint(self) -> None:
        if (parcel_id := self.chosen_id()) is not None:
            self.pool.submit(self.gateway.reprint_label, parcel_id,
                             on_done=lambda _job: self.message.setText(self.tr("The label is printing again.")),
                             on_error=self._failed)

    def cancel(self) -> None:
        parcel_id = self.chosen_id()
        reason = self.ask_reason() if parcel_id is not None else None
        if parcel_id is not None and reason:
            self._act(self.gateway.cancel, parcel_id, reason)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    # -- export ----------------------------------------------------------------------------------------------

    def export(self) -> None:
        stamp = self.now().astimezone(self.zone).strftime("%Y-%m-%d")
        path = self.choose_file(f"parcels-{stamp}.xlsx")
        if not path:
            return
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx"
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self.pool.submit(self.gateway.export_parcels, self.model.query, Path(path),
                         on_done=partial(self._exported, path), on_error=self._export_failed)

    def _ask_for_file(self, suggested: str) -> str:
        chosen, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Export parcels"), str(Path.home() / suggested),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        return chosen

    def _exported(self, path: str, rows: int) -> None:
        self.export_button.setEnabled(True)
        self.last_export = rows
        self.message.setText(self.tr("Exported %n parcel(s) to {file}", "", rows).format(file=path))

    def _export_failed(self, error: ServiceError) -> None:
        self.export_button.setEnabled(True)
        self._failed(error)

    # -- language --------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Parcel log"))
        self.search.setPlaceholderText(self.tr("Tracking number, recipient or sender"))
        self.export_button.setText(self.tr("Export"))
        periods = {"all": self.tr("All dates"), "today": self.tr("Today"), "7": self.tr("Last 7 days"),
                   "30": self.tr("Last 30 days"), "90": self.tr("Last 90 days"), "custom": self.tr("Choose dates")}
        for index in range(self.dates.combo.count()):
            self.dates.combo.setItemText(index, periods[self.dates.combo.itemData(index)])
        self.status.setItemText(0, self.tr("All statuses"))
        for index in range(1, self.status.count()):
            self.status.setItemText(index, status_text(self.status.itemData(index)))
        quick = {"waiting": self.tr("Waiting"), "overdue": self.tr("Overdue"), "to_return": self.tr("To return"),
                 "damaged": self.tr("Damaged"), "cod_unpaid": self.tr("COD unpaid")}
        for key, toggle in self.quick.items():
            toggle.setText(quick[key])
        self.panel.retranslate()
        self.model.retranslate()
        if self.model.rowCount() or self.model.complete:
            self._show_count(self.model.rowCount(), self.model.complete)
