"""Stocktake: a count sheet by location or of a chosen list (the daily fast movers), on screen and on paper;
counts typed, or a scanner's burst (or a typed barcode) jumps to the item's line; the variance coloured (盘盈
gain, 盘亏 loss) and a reason required for each; Post makes the book agree with the count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemRow, StocktakeRow, StocktakeStatus
from kiosk.services.errors import ServiceError
from kiosk.services.supplies.records import StocktakeLineRow
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.filters import header_row
from kiosk.ui.desk.parcels.scanning import ScanField
from kiosk.ui.desk.supplies.count_sheet import save_sheet_pdf, sheet_document
from kiosk.ui.desk.supplies.item_dialog import buttons_row, quantity_box
from kiosk.ui.desk.supplies.requisition_dialogs import item_text
from kiosk.ui.desk.supplies.texts import (
    GAIN,
    LOSS,
    STYLE,
    cell,
    fill,
    grid,
    problem_text,
    retitle,
    stocktake_status_text,
    translate,
    variance_text,
)
from kiosk.ui.desk.widgets import button, label

SHEET = [
    lambda: translate("DeskSupplies", "Item"), lambda: translate("DeskSupplies", "Specification"),
    lambda: translate("DeskSupplies", "Location"), lambda: translate("DeskSupplies", "Book"),
    lambda: translate("DeskSupplies", "Counted"), lambda: translate("DeskSupplies", "Variance"),
    lambda: translate("DeskSupplies", "Reason"),
]


def choose_items(parent: QWidget, items: list[ItemRow]) -> list[int] | None:
    """Tick the items to count (the daily fast movers)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("DeskSupplies", "Items to count"))
    chooser = QListWidget()
    for item in items:
        entry = QListWidgetItem(item_text(item))
        entry.setData(Qt.ItemDataRole.UserRole, item.item_id)
        entry.setCheckState(Qt.CheckState.Unchecked)
        chooser.addItem(entry)
    layout = QVBoxLayout(dialog)
    layout.addWidget(chooser)
    layout.addLayout(buttons_row(dialog, translate("DeskSupplies", "Start counting")))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return [int(chooser.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(chooser.count())
            if chooser.item(i).checkState() == Qt.CheckState.Checked]


class StocktakeView(QWidget):
    """Replaceable: ``choose_items(items) -> ids | None`` (the fast movers), ``choose_pdf_path(name) -> path``,
    ``confirm(text) -> bool``."""

    def __init__(self, gateway: DeskSuppliesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.choose_items: Callable[[list[ItemRow]], list[int] | None] = lambda items: choose_items(self, items)
        self.choose_pdf_path: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, self.tr("Save the count sheet"), name, "PDF (*.pdf)")[0]
        self.confirm: Callable[[str], bool] = lambda text: ask_to_confirm(self, self.tr("Stocktake"), text,
                                                                          self.tr("Post"))
        self.items: list[ItemRow] = []
        self.takes: list[StocktakeRow] = []
        self.take: StocktakeRow | None = None
        self.title = label(role="title")
        self.count = label(role="count")
        self.location = QComboBox()
        self.location.setMinimumWidth(140)
        self.by_location_button, self.fast_button = button("", "primary"), button("")
        self.by_location_button.clicked.connect(self.start_by_location)
        self.fast_button.clicked.connect(self.start_fast_movers)
        top = header_row(self.title, self.count, actions=(self.location, self.by_location_button, self.fast_button))
        self.sheets = QComboBox()
        self.sheets.currentIndexChanged.connect(lambda _i: self._sheet_chosen())
        self.pdf_button, self.post_button = button(""), button("", "primary")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.post_button.clicked.connect(self.post)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheets, 1)
        sheet_row.addWidget(self.pdf_button)
        sheet_row.addWidget(self.post_button)
        self.table = grid(SHEET)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._line_chosen(row))
        self.scan = ScanField(min_length=4)
        self.scan.scanned.connect(self.jump)
        self.scan.returnPressed.connect(lambda: self.jump(self.scan.text()))
        self.counted = quantity_box()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.save_button = button("", "primary")
        self.save_button.clicked.connect(self.save_count)
        self.counted.valueChanged.connect(lambda _v: self._update_save())
        self.reason.textChanged.connect(lambda _t: self._update_save())
        self.reason.returnPressed.connect(self.save_count)
        entry = QHBoxLayout()
        entry.addWidget(self.scan, 2)
        entry.addWidget(self.counted)
        entry.addWidget(self.reason, 2)
        entry.addWidget(self.save_button)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(sheet_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        self.retranslate()
        self._update_save()

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        pass

    def refresh(self) -> None:
        self.pool.submit(self._read, on_done=self._show, on_error=self._failed)

    def _read(self) -> tuple[list[ItemRow], list[StocktakeRow], StocktakeRow | None]:
        takes = self.gateway.stocktakes()
        wanted = self.take.stocktake_id if self.take is not None else (takes[0].stocktake_id if takes else None)
        take = self.gateway.stocktake(wanted) if wanted is not None else None
        return self.gateway.items(), takes, take

    def _show(self, answer: tuple[list[ItemRow], list[StocktakeRow], StocktakeRow | None]) -> None:
        self.items, self.takes, take = answer
        locations = sorted({item.location for item in self.items if item.location})
        if locations != [self.location.itemText(i) for i in range(self.location.count())]:
            self.location.clear()
            self.location.addItems(locations)
        self.sheets.blockSignals(True)
        self.sheets.clear()
        for row in self.takes:
            self.sheets.addItem(f"#{row.stocktake_id} · {row.scope} · {stocktake_status_text(row.status)}",
                                row.stocktake_id)
        if take is not None:
            self.sheets.setCurrentIndex(self.sheets.findData(take.stocktake_id))
        self.sheets.blockSignals(False)
        self._show_sheet(take)

    def _sheet_chosen(self) -> None:
        stocktake_id = self.sheets.currentData()
        if stocktake_id is not None:
            self.pool.submit(self.gateway.stocktake, int(stocktake_id), on_done=self._show_sheet,
                             on_error=self._failed)

    def _show_sheet(self, take: StocktakeRow | None) -> None:
        place = self.table.currentRow()
        self.take = take
        lines = take.lines if take is not None else []

        def colours(variance: int | None) -> tuple[str, str] | None:
            return GAIN if variance and variance > 0 else LOSS if variance and variance < 0 else None

        fill(self.table, [[cell(line.item_name, key=line.item_id), cell(line.specification), cell(line.location),
                           cell(line.book_qty, number=True),
                           cell("" if line.counted_qty is None else line.counted_qty, number=True),
                           cell(variance_text(line.variance), colours=colours(line.variance)), cell(line.reason)]
                          for line in lines])
        counting = take is not None and take.status is StocktakeStatus.COUNTING
        self.post_button.setEnabled(counting)
        self.pdf_button.setEnabled(take is not None)
        for widget in (self.scan, self.counted, self.reason):
            widget.setEnabled(counting)
        counted = sum(1 for line in lines if line.counted_qty is not None)
        self.count.setText(self.tr("{counted} of {lines} counted").format(counted=counted, lines=len(lines))
                           if take is not None else "")
        if 0 <= place < len(lines):
            self.table.selectRow(place)
        self._update_save()

    def _line(self, row: int) -> StocktakeLineRow | None:
        return self.take.lines[row] if self.take is not None and 0 <= row < len(self.take.lines) else None

    def _line_chosen(self, row: int) -> None:
        line = self._line(row)
        if line is not None:
            self.counted.setValue(line.counted_qty if line.counted_qty is not None else line.book_qty)
            self.reason.setText(line.reason)
        self._update_save()

    def _update_save(self) -> None:
        line = self._line(self.table.currentRow())
        needs_reason = line is not None and self.counted.value() != line.book_qty
        self.reason.setPlaceholderText(self.tr("Reason for the variance (required)") if needs_reason
                                       else self.tr("Reason (only for a variance)"))
        self.save_button.setEnabled(line is not None and self.counted.isEnabled()
                                    and (not needs_reason or bool(self.reason.text().strip())))

    # -- actions ---------------------------------------------------------------------------------------------

    def start_by_location(self) -> None:
        location = self.location.currentText()
        if location:
            self.take = None
            self.pool.submit(partial(self.gateway.start_stocktake, location=location), on_done=self._started,
                             on_error=self._failed)

    def start_fast_movers(self) -> None:
        ids = self.choose_items(self.items)
        if ids:
            self.take = None
            self.pool.submit(partial(self.gateway.start_stocktake, item_ids=ids, scope=self.tr("Fast movers")),
                             on_done=self._started, on_error=self._failed)

    def _started(self, take: StocktakeRow) -> None:
        self.take = take
        self.refresh()

    def jump(self, code: str) -> None:
        """A barcode (scanned or typed) or a part of a name: to that item's line, ready for its count."""
        code = code.strip()
        if not code or self.take is None:
            return
        item = next((i for i in self.items if i.barcode and i.barcode == code), None)
        ids = [line.item_id for line in self.take.lines]
        row = ids.index(item.item_id) if item is not None and item.item_id in ids else next(
            (i for i, line in enumerate(self.take.lines) if code.lower() in line.item_name.lower()), None)
        if row is None:
            self.message.setText(self.tr("{code} is not on this sheet.").format(code=code))
            return
        self.table.selectRow(row)
        self.scan.clear()
        self.counted.setFocus()
        self.counted.selectAll()

    def save_count(self) -> None:
        line = self._line(self.table.currentRow())
        if self.take is None or line is None or not self.save_button.isEnabled():
            return
        self.pool.submit(self.gateway.count, self.take.stocktake_id, line.item_id, self.counted.value(),
                         self.reason.text().strip(), on_done=self._counted, on_error=self._failed)

    def _counted(self, take: StocktakeRow) -> None:
        self._show_sheet(take)
        self.scan.setFocus()

    def post(self) -> None:
        if self.take is None:
            return
        missing = [line.item_name for line in self.take.lines if line.variance and not line.reason.strip()]
        if missing:
            self.message.setText(self.tr("A reason is needed for every variance: {items}").format(
                items=", ".join(missing)))
            return
        if self.confirm(self.tr("Post this stocktake? The book will agree with the counts.")):
            self.pool.submit(self.gateway.post_stocktake, self.take.stocktake_id, on_done=self._posted,
                             on_error=self._failed)

    def _posted(self, take: StocktakeRow) -> None:
        self.message.setText(self.tr("Posted: the book now agrees with the count."))
        self.take = take
        self.refresh()

    def save_pdf(self) -> None:
        if self.take is None:
            return
        path = self.choose_pdf_path(f"count-sheet-{self.take.stocktake_id}.pdf")
        if not path:
            return
        try:
            save_sheet_pdf(sheet_document(self.take, at=self.now(), zone=self.zone), Path(path))
        except OSError as exc:
            self.message.setText(self.tr("The PDF was not saved: {error}").format(error=exc))
            return
        self.message.setText(self.tr("Count sheet saved: {path}").format(path=path))

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Stocktake"))
        self.by_location_button.setText(self.tr("Count this location"))
        self.fast_button.setText(self.tr("Count fast movers…"))
        self.pdf_button.setText(self.tr("Print / Save PDF…"))
        self.post_button.setText(self.tr("Post"))
        self.save_button.setText(self.tr("Save count"))
        self.scan.setPlaceholderText(self.tr("Scan or type a barcode"))
        retitle(self.table, SHEET)
        self._update_save()
