"""Parcels: receive (one or a courier's batch) and pick up, side by side with what was just received and
the couriers' announcements from the kiosk that wait to be completed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_parcels import (
    DeskParcelsGateway,
    ParcelReceived,
    ParcelRow,
    RecipientChoice,
    RecipientKind,
)
from kiosk.config import CameraSettings
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels.pickup import PickupPanel
from kiosk.ui.desk.parcels.receive import ReceivePanel
from kiosk.ui.desk.parcels.texts import INVALID_STYLE, ITEM_HEIGHT, problem_text, recipient_name
from kiosk.ui.desk.widgets import label

CARD_STYLE = (
    "QFrame#ParcelCard { background: #ffffff; border: 1px solid #e4e7eb; border-radius: 12px; }"
    'QLabel[role="pickup_code"] { font-size: 44px; font-weight: 700; letter-spacing: 6px; color: #1f2a33; }'
)


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class ParcelsView(QWidget):
    def __init__(self, gateway: DeskParcelsGateway, pool: WorkerPool, *, camera: CameraSettings | None = None,
                 draft_path: Path | None = None) -> None:
        super().__init__()
        self.gateway, self.pool = gateway, pool
        self.setObjectName("AdminCentral")
        self.setStyleSheet(CARD_STYLE + INVALID_STYLE)
        self.title = label(role="title")
        self.receive = ReceivePanel(gateway, pool, camera=camera, draft_path=draft_path)
        self.pickup = PickupPanel(gateway, pool)
        self.tabs = QTabWidget()
        for panel in (self.receive, self.pickup):
            page = QWidget()
            inner = QVBoxLayout(page)
            inner.setContentsMargins(18, 16, 18, 16)
            inner.addWidget(panel)
            self.tabs.addTab(scrolled(page), "")
        self.receive.received.connect(self._received)
        self.pickup.handed_over.connect(lambda _rows: self.refresh())

        self.card = QFrame()
        self.card.setObjectName("ParcelCard")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(18, 14, 18, 14)
        self.card_title = label(role="section")
        self.pickup_code = label(role="pickup_code")
        self.pickup_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label_line = label(role="muted")
        self.label_line.setWordWrap(True)
        for widget in (self.card_title, self.pickup_code, self.label_line):
            card.addWidget(widget)
        self.card.hide()
        self.announced_title = label(role="section")
        self.announced = QListWidget()
        self.announced.itemActivated.connect(self._complete)
        self.announced.itemClicked.connect(self._complete)
        self.announced_rows: list[ParcelRow] = []
        self.announced_hint = label(role="hint")
        self.announced_hint.setWordWrap(True)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        side.setSpacing(10)
        side.addWidget(self.card)
        side.addWidget(self.announced_title)
        side.addWidget(self.announced, 3)
        side.addWidget(self.announced_hint)
        side.addWidget(self.message)
        side.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.tabs, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.retranslate()

    def start(self) -> None:
        self.receive.start()
        self.refresh()

    def stop(self) -> None:
        self.receive.stop()
        self.pickup.stop()

    def refresh(self) -> None:
        """Parcels changed somewhere: the announcements are read again (and an open pickup list)."""
        self.pool.submit(self.gateway.announced, on_done=self._show_announced, on_error=self._failed)

    def _show_announced(self, rows: list[ParcelRow]) -> None:
        self.announced_rows = rows
        self.announced.clear()
        for row in rows:
            who = recipient_name(row.recipient_kind, row.recipient_name)
            text = " · ".join(part for part in (row.carrier_code, row.tracking_no, who) if part)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.parcel_id)
            item.setSizeHint(QSize(0, ITEM_HEIGHT))
            self.announced.addItem(item)
        self.announced_title.setText(self.tr("%n courier announcement(s) from the kiosk to complete", "",
                                             len(rows)))
        self.announced.setVisible(bool(rows))
        self.announced_hint.setVisible(not rows)

    def _complete(self, item: QListWidgetItem) -> None:
        parcel_id = item.data(Qt.ItemDataRole.UserRole)
        row = next((r for r in self.announced_rows if r.parcel_id == parcel_id), None)
        if row is None:
            return
        recipient = None
        if row.recipient_kind is RecipientKind.RECEPTION:
            recipient = RecipientChoice(RecipientKind.RECEPTION)
        self.tabs.setCurrentIndex(0)
        self.receive.complete(row.parcel_id, row.tracking_no, row.carrier_code, recipient)

    def _received(self, result: ParcelReceived) -> None:
        self.card.show()
        self.card_title.setText(self.tr("Pickup code"))
        self.pickup_code.setText(result.pickup_code)
        self.label_line.setText(self.tr("The shelf label is printing; the recipient has been told.")
                                if result.label_job_id is not None else
                                self.tr("No label printer at this desk: write the code on the parcel. "
                                        "The recipient has been told."))
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Parcels"))
        self.tabs.setTabText(0, self.tr("Receive"))
        self.tabs.setTabText(1, self.tr("Pick up"))
        self.card_title.setText(self.tr("Pickup code"))
        self.announced_hint.setText(self.tr("When a courier announces a parcel at the kiosk, it appears here: "
                                            "choose it to complete the record as it is put on the shelf."))
        self._show_announced(self.announced_rows)
