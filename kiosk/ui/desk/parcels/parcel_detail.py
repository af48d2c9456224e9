"""The chosen parcel beside the log: who it is for, from whom, its condition photo, the signatures at
pickup and its history; the actions a receptionist takes on it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_parcels import ParcelDetail, ParcelStatus
from kiosk.ui.desk.parcels.texts import condition_text, money, parcel_action_text, recipient_name, status_text
from kiosk.ui.desk.widgets import button, label


def picture(data: bytes, height: int) -> QPixmap:
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return pixmap
    return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)


class ParcelPanel(QScrollArea):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.setObjectName("VisitPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        self.detail: ParcelDetail | None = None
        body = QWidget()
        body.setObjectName("VisitPanelBody")
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(18, 16, 18, 16)
        self.body.setSpacing(8)
        self.heading = label(role="title")
        self.heading.setWordWrap(True)
        self.lines = label(role="small")
        self.lines.setWordWrap(True)
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photo = label()
        self.signatures_title = label(role="section")
        self.signatures = QVBoxLayout()
        self.history_title = label(role="section")
        self.history = label(role="small")
        self.history.setWordWrap(True)
        self.returned, self.reimbursed = button(""), button("")
        self.reprint, self.cancel = button(""), button("", "danger")
        actions = QVBoxLayout()
        for row in ((self.returned, self.reimbursed), (self.reprint, self.cancel)):
            line = QHBoxLayout()
            for widget in row:
                line.addWidget(widget)
            actions.addLayout(line)
        for shown in (self.heading, self.lines, self.photo, self.signatures_title):
            self.body.addWidget(shown)
        self.body.addLayout(self.signatures)
        self.body.addWidget(self.history_title)
        self.body.addWidget(self.history)
        self.body.addLayout(actions)
        self.body.addStretch(1)
        self.setWidget(body)
        self.show_detail(None)

    def show_detail(self, detail: ParcelDetail | None) -> None:
        self.detail = detail
        while self.signatures.count():
            item = self.signatures.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        if detail is None:
            self.heading.setText(self.tr("Choose a parcel"))
            for widget in (self.lines, self.photo, self.signatures_title, self.history_title, self.history):
                widget.clear()
            for action in (self.returned, self.reimbursed, self.reprint, self.cancel):
                action.setEnabled(False)
            return
        row = detail.row
        self.heading.setText(f"{row.carrier_code} {row.tracking_no}".strip())
        lines = [
            self.tr("Status: {status}").format(status=status_text(row.status)),
            self.tr("For: {name}").format(name=" · ".join(
                p for p in (recipient_name(row.recipient_kind, row.recipient_name), row.department) if p)),
            self.tr("From: {sender}").format(sender=" · ".join(
                p for p in (detail.sender_name, detail.sender_company) if p) or "—"),
            self.tr("Shelf {shelf}, %n piece(s)", "", row.pieces).format(shelf=row.shelf or "—"),
            self.tr("Condition: {condition}").format(condition=condition_text(row.condition)),
        ]
        if detail.condition_note:
            lines.append(self.tr("Note: {note}").format(note=detail.condition_note))
        if row.cod_cents:
            lines.append(self.tr("COD {amount}, paid by {who}, {state}").format(
                amount=money(row.cod_cents), who=detail.cod_paid_by or "—",
                state=self.tr("reimbursed") if row.cod_reimbursed else self.tr("not reimbursed yet")))
        if row.received_at is not None:
            lines.append(self.tr("Received {when}, %n day(s) waiting", "", row.days_waiting).format(
                when=self._time(row.received_at)) if row.status is ParcelStatus.WAITING else
                self.tr("Received {when}").format(when=self._time(row.received_at)))
        if row.picked_up_at is not None:
            lines.append(self.tr("Picked up by {name} at {when}; checked: {checked}").format(
                name=row.picked_up_by, when=self._time(row.picked_up_at), checked=detail.identity_checked or "—"))
        if detail.on_behalf_of:
            lines.append(self.tr("On behalf of {name}, phone {phone}").format(
                name=detail.on_behalf_of, phone=detail.proxy_phone or "—"))
        if detail.returned_at is not None:
            lines.append(self.tr("Returned {when}, carrier's receipt {receipt}").format(
                when=self._time(detail.returned_at), receipt=detail.return_receipt or "—"))
        self.lines.setText("\n".join(lines))
        if detail.photo_jpeg:
            self.photo.setPixmap(picture(detail.photo_jpeg, 180))
        else:
            self.photo.clear()
        self.signatures_title.setText(self.tr("Signatures") if detail.signatures else "")
        for signer, png in detail.signatures:
            self.signatures.addWidget(label(signer, "small"))
            image = label()
            image.setPixmap(picture(png, 70))
            self.signatures.addWidget(image)
        self.history_title.setText(self.tr("History"))
        self.history.setText("\n".join(f"{self._time(when)}  {who}  {parcel_action_text(what)}"
                                       for when, who, what in detail.history))
        waiting = row.status is ParcelStatus.WAITING
        self.returned.setEnabled(waiting)
        self.reprint.setEnabled(waiting)
        self.cancel.setEnabled(row.status in (ParcelStatus.WAITING, ParcelStatus.ANNOUNCED))
        self.reimbursed.setEnabled(bool(row.cod_cents) and not row.cod_reimbursed)

    def _time(self, when: datetime) -> str:
        return when.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    def retranslate(self) -> None:
        self.returned.setText(self.tr("Returned to carrier…"))
        self.reimbursed.setText(self.tr("COD reimbursed"))
        self.reprint.setText(self.tr("Reprint label"))
        self.cancel.setText(self.tr("Cancel…"))
        self.show_detail(self.detail)
