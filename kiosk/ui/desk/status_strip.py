"""The desk's bottom line: each kiosk's health (last seen, camera, printer, paper) and how many of
today's alerts for reception nobody has seen to. Read on sign-in, when kiosks or notices change, and
every 30 s (a kiosk that stops sending heartbeats changes nothing: only time tells it went quiet)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.application.gateways.desk import DeskGateway, DeskStatus
from kiosk.domain.changes import Area
from kiosk.domain.kiosks import CameraHealth, KioskStatus, PrinterHealth
from kiosk.services.directory.heartbeats import KioskHealth
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.widgets import button, label, plain

STATUS_REFRESH_MS = 30_000


class DeskStatusStrip(QWidget):
    alerts_clicked = Signal()

    def __init__(self, desk: DeskGateway, pool: WorkerPool, zone: ZoneInfo, *, live: LiveChanges | None = None,
                 refresh_ms: int = STATUS_REFRESH_MS) -> None:
        super().__init__()
        self.setObjectName("DeskStatusStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.desk, self.pool, self.zone = desk, pool, zone
        self.status: DeskStatus | None = None
        self._asked = 0
        self.kiosks: list[QLabel] = []
        self.alerts = button("", "chip")
        self.alerts.setCursor(Qt.CursorShape.PointingHandCursor)
        self.alerts.clicked.connect(self.alerts_clicked)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 6, 16, 6)
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self.row.addWidget(self.alerts)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self.follower = (AreaFollower(live, frozenset({Area.KIOSKS, Area.NOTIFICATIONS}), self.refresh, parent=self)
                         if live is not None else None)

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.follower is not None:
            self.follower.stop()

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        self.pool.submit(self.desk.status, on_done=lambda status: self._show(asked, status),
                         on_error=lambda _error: None)

    def _show(self, asked: int, status: DeskStatus) -> None:
        if asked != self._asked:
            return
        self.status = status
        for chip in self.kiosks:
            self.row.removeWidget(chip)
            chip.deleteLater()
        self.kiosks = []
        for position, kiosk in enumerate(status.kiosks):
            chip = plain(label(self.describe(kiosk), "chip"))
            chip.setProperty("alert", kiosk.needs_attention)
            chip.setToolTip(self.tr("Last heard from {time}").format(time=self._time(kiosk.last_seen_at)))
            self.row.insertWidget(position, chip)
            self.kiosks.append(chip)
        if not status.kiosks:
            chip = label(self.tr("No kiosk has reported yet"), "chip")
            self.row.insertWidget(0, chip)
            self.kiosks.append(chip)
        self.alerts.setText(self.tr("%n new alert(s)", "", status.new_alerts))
        self.alerts.setProperty("alert", status.new_alerts > 0)
        self.alerts.style().polish(self.alerts)

    def describe(self, kiosk: KioskHealth) -> str:
        state = {KioskStatus.ONLINE: self.tr("online"), KioskStatus.STALE: self.tr("not heard from lately"),
                 KioskStatus.OFFLINE: self.tr("offline")}[kiosk.status]
        parts = [f"{kiosk.kiosk_code} ● {state}"]
        if kiosk.camera is CameraHealth.UNAVAILABLE:
            parts.append(self.tr("camera not working"))
        printer = {
            PrinterHealth.PAPER_LOW: self.tr("paper low"), PrinterHealth.PAPER_OUT: self.tr("paper out"),
            PrinterHealth.COVER_OPEN: self.tr("printer cover open"), PrinterHealth.OFFLINE: self.tr("printer offline"),
            PrinterHealth.ERROR: self.tr("printer error"),
        }.get(kiosk.printer)
        if printer:
            parts.append(printer)
        return " · ".join(parts)

    def _time(self, at: datetime) -> str:
        return at.astimezone(self.zone).strftime("%H:%M:%S")
