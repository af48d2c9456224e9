"""Whom a parcel is for: a search over hosts (their department shown) and departments, Reception always
offered; the results are read on the worker pool a moment after the last key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_parcels import RecipientChoice, RecipientKind
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels.texts import ITEM_HEIGHT, recipient_text
from kiosk.ui.desk.widgets import label

SEARCH_DELAY_MS = 250


class RecipientPicker(QWidget):
    """A search box, the matches under it, the chosen one in a line of its own."""

    chosen_changed = Signal(object)  # RecipientChoice | None

    def __init__(self, search: Callable[[str], list[RecipientChoice]], pool: WorkerPool, *,
                 delay_ms: int = SEARCH_DELAY_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search, self.pool = search, pool
        self.chosen: RecipientChoice | None = None
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.box.setMaxLength(60)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(128)
        self.matches.hide()
        self.matches.itemActivated.connect(self._picked)
        self.matches.itemClicked.connect(self._picked)
        self.shown = label(role="small")
        self.shown.hide()  # only for a search that failed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)
        self.box.textEdited.connect(lambda _text: self._timer.start())
        self.box.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.matches)
        layout.addWidget(self.shown)
        self.retranslate()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        self.pool.submit(self._search, text, on_done=lambda found: self._show(text, found),
                         on_error=self._failed)

    def _show(self, text: str, found: list[RecipientChoice]) -> None:
        if text != self.box.text().strip():
            return  # typed on meanwhile
        self.matches.clear()
        for choice in found:
            item = QListWidgetItem(recipient_text(choice))
            item.setData(256, choice)
            item.setSizeHint(QSize(0, ITEM_HEIGHT))
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if found:
            self.matches.setCurrentRow(0)

    def _failed(self, error: ServiceError) -> None:
        self.matches.clear()
        self.matches.hide()
        self.shown.setText(getattr(error, "message", str(error)))
        self.shown.show()

    def _enter(self) -> None:
        if self._timer.isActive():
            self.search_now()
        item = self.matches.currentItem()
        if item is not None and self.matches.isVisible():
            self._picked(item)

    def _picked(self, item: QListWidgetItem) -> None:
        self.choose(item.data(256))

    def choose(self, choice: RecipientChoice | None) -> None:
        self.chosen = choice
        self.matches.hide()
        self.box.blockSignals(True)
        self.box.setText(recipient_text(choice) if choice is not None else "")
        self.box.blockSignals(False)
        self.shown.hide()
        self.chosen_changed.emit(choice)

    def choose_reception(self) -> None:
        self.choose(RecipientChoice(RecipientKind.RECEPTION))

    def clear(self) -> None:
        self._timer.stop()
        self.matches.clear()
        self.choose(None)

    def stop(self) -> None:
        self._timer.stop()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Name or department of the recipient"))
        if self.chosen is not None:
            self.choose(self.chosen)
