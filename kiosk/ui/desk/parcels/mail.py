"""Outgoing mail: what staff hand to reception for a courier, logged (sender, recipient, address, carrier,
weight, fee, numbers, the department charged), the month's list, marked sent when the courier takes it,
and the monthly statement per department and carrier (CSV/XLSX)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_parcels import (
    CarrierView,
    DeskParcelsGateway,
    MailForm,
    MailQuery,
    MailRow,
    MailStatus,
    RecipientKind,
    StatementLine,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import RowsModel
from kiosk.ui.desk.dialogs import ask_reason
from kiosk.ui.desk.parcels.receive import carrier_name
from kiosk.ui.desk.parcels.recipients import RecipientPicker
from kiosk.ui.desk.parcels.texts import (
    INVALID_STYLE,
    YUAN_PATTERN,
    cents_of,
    grams_of,
    mail_status_text,
    mark,
    money,
    problem_text,
    translate,
    wrong_fields,
)
from kiosk.ui.desk.widgets import button, label, table


class MailModel(RowsModel):
    def headers(self) -> list[str]:
        return [
            translate("DeskParcels", "Logged"), translate("DeskParcels", "Sender"),
            translate("DeskParcels", "Department"), translate("DeskParcels", "Recipient"),
            translate("DeskParcels", "Carrier"), translate("DeskParcels", "Weight (kg)"),
            translate("DeskParcels", "Fee"), translate("DeskParcels", "Tracking number"),
            translate("DeskParcels", "Status"),
        ]

    def cell(self, row: Any, column: int) -> str:
        assert isinstance(row, MailRow)
        return [
            row.logged_at.astimezone(self.zone).strftime("%m-%d %H:%M"), row.sender_name, row.department,
            row.recipient_name, row.carrier_code, f"{row.weight_grams / 1000:.2f}" if row.weight_grams else "",
            money(row.fee_cents), row.tracking_no, mail_status_text(row.status),
        ][column]


class StatementModel(RowsModel):
    def headers(self) -> list[str]:
        return [translate("DeskParcels", "Department"), translate("DeskParcels", "Carrier"),
                translate("DeskParcels", "Items"), translate("DeskParcels", "Fees (yuan)")]

    def cell(self, row: Any, column: int) -> str:
        assert isinstance(row, StatementLine)
        return [row.department or "—", row.carrier_code or "—", str(row.items), money(row.fee_cents)][column]


class OutgoingMailView(QWidget):
    """Replaceable questions: ``choose_file(suggested)``, ``ask_sent(row) -> (tracking, receipt, fee cents)``."""

    def __init__(self, gateway: DeskParcelsGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(INVALID_STYLE)
        self.choose_file: Callable[[str], str] = self._ask_for_file
        self.ask_sent: Callable[[MailRow], tuple[str, str, int] | None] = self._ask_sent
        self.last_export: int | None = None
        self.title = label(role="title")
        self.sender_picker = RecipientPicker(gateway.find_recipients, pool)
        self.department_picker = RecipientPicker(gateway.find_recipients, pool)
        self.recipient, self.company, self.address, self.phone = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.carrier = QComboBox()
        self.weight, self.fee = QLineEdit(), QLineEdit()
        self.weight.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,4}([.]\d{0,3})?$"), self))
        self.fee.setValidator(QRegularExpressionValidator(QRegularExpression(YUAN_PATTERN), self))
        self.tracking, self.receipt = QLineEdit(), QLineEdit()
        self.log_button = button("", "primary")
        self.log_button.clicked.connect(self.log)
        self.error = label(role="error")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.setSpacing(8)
        self.labels: list[Any] = []
        for field in (self.sender_picker, self.recipient, self.company, self.address, self.phone, self.carrier,
                      self.weight, self.fee, self.tracking, self.receipt, self.department_picker):
            self.labels.append(label())
            form.addRow(self.labels[-1], field)
        self.fields: dict[str, QWidget] = {
            "sender_host_id": self.sender_picker.box, "recipient_name": self.recipient, "address": self.address,
            "phone": self.phone, "carrier_code": self.carrier, "weight_grams": self.weight, "fee_cents": self.fee,
            "tracking_no": self.tracking, "postage_receipt_no": self.receipt,
            "department_id": self.department_picker.box,
        }
        left_box = QWidget()
        left_box.setMaximumWidth(460)
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addWidget(self.error)
        left.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignRight)
        left.addStretch(1)

        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        today = now().astimezone(zone).date()
        self.month.setDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(lambda _day: self.refresh())
        self.list_title, self.statement_title = label(role="section"), label(role="section")
        self.mail_model, self.statement_model = MailModel(zone), StatementModel(zone)
        self.mail_table, self.statement_table = table(self.mail_model), table(self.statement_model)
        self.mark_sent_button = button("")
        self.mark_sent_button.clicked.connect(self.mark_sent)
        self.export_button = button("")
        self.export_button.clicked.connect(self.export)
        self.message = label(role="muted")
        month_row = QHBoxLayout()
        month_row.addWidget(self.list_title)
        month_row.addStretch(1)
        month_row.addWidget(self.month)
        month_row.addWidget(self.mark_sent_button)
        statement_row = QHBoxLayout()
        statement_row.addWidget(self.statement_title)
        statement_row.addStretch(1)
        statement_row.addWidget(self.export_button)
        right = QVBoxLayout()
        right.addLayout(month_row)
        right.addWidget(self.mail_table, 3)
        right.addLayout(statement_row)
        right.addWidget(self.statement_table, 2)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(left_box, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        self.retranslate()

    def start(self) -> None:
        self.pool.submit(self.gateway.carriers, on_done=self._show_carriers, on_error=self._failed)
        self.refresh()

    def stop(self) -> None:
        self.sender_picker.stop()
        self.department_picker.stop()

    def month_day(self) -> date:
        chosen = self.month.date()
        return date(chosen.year(), chosen.month(), 1)

    def refresh(self) -> None:
        month = self.month_day()
        self.pool.submit(self.gateway.mail, MailQuery(month=month), on_done=self.mail_model.set_rows,
                         on_error=self._failed)
        self.pool.submit(self.gateway.statement, month, on_done=self.statement_model.set_rows, on_error=self._failed)

    def _show_carriers(self, carriers: list[CarrierView]) -> None:
        self.carrier.clear()
        self.carrier.addItem(self.tr("Carrier"), "")
        for carrier in carriers:
            if carrier.active:
                self.carrier.addItem(carrier_name(carrier), carrier.code)

    # -- logging ---------------------------------------------------------------------------------------------

    def log(self) -> None:
        sender = self.sender_picker.chosen
        charged = self.department_picker.chosen
        weight, fee = grams_of(self.weight.text()), cents_of(self.fee.text())
        wrong = {key for key, bad in (("sender_host_id", sender is None or sender.kind is not RecipientKind.HOST),
                                      ("recipient_name", not self.recipient.text().strip()),
                                      ("address", not self.address.text().strip()),
                                      ("weight_grams", weight is None), ("fee_cents", fee is None)) if bad}
        if wrong:
            self._refused(wrong, self.tr("Fill in the marked fields."))
            return
        assert sender is not None
        form = MailForm(
            sender_host_id=sender.host_id, recipient_name=self.recipient.text().strip(),
            address=self.address.text().strip(), phone=self.phone.text().strip(),
            recipient_company=self.company.text().strip(), carrier_code=str(self.carrier.currentData() or ""),
            weight_grams=weight or 0, fee_cents=fee or 0, tracking_no=self.tracking.text().strip(),
            postage_receipt_no=self.receipt.text().strip(),
            department_id=charged.department_id if charged is not None else None,
        )
        self.pool.submit(self.gateway.log_mail, form, on_done=self._logged, on_error=self._failed)

    def _refused(self, wrong: set[str], text: str) -> None:
        mark(self.fields, wrong)
        self.error.setText(text)
        self.error.show()

    def _logged(self, row: MailRow) -> None:
        mark(self.fields, set())
        self.error.hide()
        for box in (self.recipient, self.company, self.address, self.phone, self.weight, self.fee, self.tracking,
                    self.receipt):
            box.clear()
        self.sender_picker.clear()
        self.department_picker.clear()
        self.message.setText(self.tr("Logged: {recipient}").format(recipient=row.recipient_name))
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self._refused(wrong_fields(error) & set(self.fields), problem_text(error))

    # -- sent ------------------------------------------------------------------------------------------------

    def chosen_row(self) -> MailRow | None:
        index = self.mail_table.currentIndex()
        rows = self.mail_model.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def mark_sent(self) -> None:
        row = self.chosen_row()
        if row is None or row.status is not MailStatus.LOGGED:
            return
        answer = self.ask_sent(row)
        if answer is not None:
            tracking, receipt, fee = answer
            self.pool.submit(self.gateway.mark_mail_sent, row.mail_id, tracking, receipt, fee,
                             on_done=lambda _row: self.refresh(), on_error=self._failed)

    def _ask_sent(self, row: MailRow) -> tuple[str, str, int] | None:
        tracking = ask_reason(self, self.tr("Sent"), self.tr("The carrier's tracking number:"), self.tr("Next"),
                              required=True)
        if tracking is None:
            return None
        receipt = ask_reason(self, self.tr("Sent"), self.tr("The postage receipt number (if any):"),
                             self.tr("Mark sent"))
        return None if receipt is None else (tracking, receipt, row.fee_cents)

    # -- the statement ---------------------------------------------------------------------------------------

    def export(self) -> None:
        month = self.month_day()
        path = self.choose_file(f"mail-statement-{month:%Y-%m}.xlsx")
        if not path:
            return
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx"
        self.pool.submit(self.gateway.export_statement, month, Path(path), on_done=partial(self._exported, path),
                         on_error=self._failed)

    def _exported(self, path: str, lines: int) -> None:
        self.last_export = lines
        self.message.setText(self.tr("Exported %n line(s) to {file}", "", lines).format(file=path))

    def _ask_for_file(self, suggested: str) -> str:
        chosen, _kind = QFileDialog.getSaveFileName(self, self.tr("Export the statement"),
                                                    str(Path.home() / suggested),
                                                    self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        return chosen

    # -- language --------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Outgoing mail"))
        texts = (self.tr("Sender"), self.tr("Recipient"), self.tr("Company"), self.tr("Address"), self.tr("Phone"),
                 self.tr("Carrier"), self.tr("Weight (kg)"), self.tr("Fee (yuan)"), self.tr("Tracking number"),
                 self.tr("Postage receipt"), self.tr("Charge to"))
        for widget, text in zip(self.labels, texts, strict=True):
            widget.setText(text)
        self.sender_picker.box.setPlaceholderText(self.tr("The host sending it"))
        self.department_picker.box.setPlaceholderText(self.tr("Department (default: the sender's)"))
        self.log_button.setText(self.tr("Log mail"))
        self.list_title.setText(self.tr("This month's mail"))
        self.statement_title.setText(self.tr("Monthly statement per department and carrier"))
        self.mark_sent_button.setText(self.tr("Mark sent…"))
        self.export_button.setText(self.tr("Export statement"))
        if self.carrier.count():
            self.carrier.setItemText(0, self.tr("Carrier"))
        for model in (self.mail_model, self.statement_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(model.headers()) - 1, 0))
