"""The quick message form (Ctrl+M anywhere in the desk): caller, company, phone, for whom (a colleague found
by name, pinyin or initials, or a department), the message, urgency and the call back promised; Enter saves.
In transfer mode the same fields log a call put through; "No answer: take a message" switches to a message
keeping what was typed (the rulebook: a transfer nobody picks up becomes a message and a promised call back).

The dialog saves through the gateway on the worker pool, shows each field's problem beside it, emits
``saved`` with the row and closes. Names and messages reach Qt as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_messages import (
    CallKind,
    DepartmentChoice,
    DeskMessagesGateway,
    HostSummary,
    MessageForm,
    MessageRow,
    TransferForm,
    Urgency,
)
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed
from kiosk.ui.common.plain_text import plain
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.invitation_forms import FORM_STYLE, FormField, HostField, line_edit
from kiosk.ui.desk.records.message_texts import STYLE, field_error_text, problem_text, translate
from kiosk.ui.desk.widgets import button, label

MESSAGE_MAX = 2000
# Where a service's field shows on the form.
FIELD_OF = {"caller_name": "caller", "caller_company": "company", "callback_promised_at": "callback"}


class _EnterSaves(QObject):
    """Enter in the message box saves the form (Shift+Enter starts a new line)."""

    def __init__(self, save: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._save()
            return True
        return False


class QuickMessageDialog(QDialog):
    saved = Signal(object)  # the MessageRow

    def __init__(self, gateway: DeskMessagesGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 mode: CallKind = CallKind.MESSAGE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("QuickMessage")
        self.setStyleSheet(FORM_STYLE + STYLE)
        self.setModal(True)
        self.busy = False
        self.errors: list[FieldError] = []
        self.fields: dict[str, FormField] = {}
        self.message_mode, self.transfer_mode = button("", "mode"), button("", "mode")
        for mode_button, kind in ((self.message_mode, CallKind.MESSAGE), (self.transfer_mode, CallKind.TRANSFER)):
            mode_button.setCheckable(True)
            mode_button.setAutoDefault(False)
            mode_button.clicked.connect(lambda _checked=False, kind=kind: self.set_mode(kind))
        self.caller, self.company, self.phone = line_edit(100), line_edit(200), line_edit(32)
        self.host = HostField(gateway.search_hosts, pool)
        self.department = QComboBox()
        self.department.addItem("", None)
        self.department.currentIndexChanged.connect(lambda _i: self._clear_error("for"))
        self.host.host_changed.connect(lambda: self._clear_error("for"))
        self.message = QPlainTextEdit()  # plain text only, by its kind
        self.message.setTabChangesFocus(True)
        self.message.setFixedHeight(96)
        self.message.installEventFilter(_EnterSaves(self.submit, self))
        self.message.textChanged.connect(lambda: self._clear_error("message"))
        self.urgent, self.answered_late, self.promised = QCheckBox(), QCheckBox(), QCheckBox()
        self.callback = QDateTimeEdit()
        self.callback.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.callback.setCalendarPopup(True)
        self.callback.setTimeZone(QTimeZone(self.zone.key.encode()))
        self.promised.toggled.connect(self.callback.setEnabled)
        self.promised.toggled.connect(lambda _on: self._clear_error("callback"))
        self._reset_callback()
        self.form_error = plain(label(role="error"))
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.cancel_button, self.save_button = button(""), button("", "primary")
        self.take_message_button = button("")
        self.take_message_button.setAutoDefault(False)
        self.take_message_button.clicked.connect(lambda: self.set_mode(CallKind.MESSAGE))
        self.save_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.submit)
        self._lay_out()
        self.mode = mode
        self.set_mode(mode)
        self.pool.submit(gateway.departments, on_done=self._departments, on_error=self._failed)
        self.retranslate()

    # -- building ----------------------------------------------------------------------------------------------

    def _field(self, key: str, editor: QWidget) -> FormField:
        field = FormField(editor)
        self.fields[key] = field
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text, key=key: self._clear_error(key))
        return field

    def _lay_out(self) -> None:
        modes = QHBoxLayout()
        modes.addWidget(self.message_mode)
        modes.addWidget(self.transfer_mode)
        modes.addStretch(1)
        whom = QWidget()
        whom_row = QHBoxLayout(whom)
        whom_row.setContentsMargins(0, 0, 0, 0)
        whom_row.addWidget(self.host, 3)
        whom_row.addWidget(self.department, 2)
        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(self.promised)
        when_row.addWidget(self.callback, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.addWidget(self._field("caller", self.caller), 0, 0)
        grid.addWidget(self._field("company", self.company), 0, 1)
        grid.addWidget(self._field("phone", self.phone), 1, 0)
        grid.addWidget(self._field("callback", when), 1, 1)
        grid.addWidget(self._field("for", whom), 2, 0, 1, 2)
        grid.addWidget(self._field("message", self.message), 3, 0, 1, 2)
        flags = QHBoxLayout()
        flags.addWidget(self.urgent)
        flags.addSpacing(20)
        flags.addWidget(self.answered_late)
        flags.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_message_button)
        buttons.addStretch(1)
        for widget in (self.cancel_button, self.save_button):
            widget.setMinimumWidth(130)
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(modes)
        layout.addLayout(grid)
        layout.addLayout(flags)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(720)

    def _departments(self, departments: list[DepartmentChoice]) -> None:
        chosen = self.department.currentData()
        while self.department.count() > 1:
            self.department.removeItem(1)
        for department in departments:
            self.department.addItem(department.name, department.id)
        self.department.setCurrentIndex(max(self.department.findData(chosen), 0) if chosen is not None else 0)

    def _reset_callback(self) -> None:
        """An hour from now, on the quarter hour, at the site."""
        soon = self.now().astimezone(self.zone) + timedelta(hours=1)
        soon = soon.replace(minute=soon.minute - soon.minute % 15, second=0, microsecond=0)
        site_zone = QTimeZone(self.zone.key.encode())
        self.callback.setDateTime(QDateTime.fromSecsSinceEpoch(int(soon.timestamp()), site_zone))
        self.callback.setEnabled(self.promised.isChecked())

    # -- modes and values --------------------------------------------------------------------------------------

    def set_mode(self, mode: CallKind) -> None:
        """Message or transfer; what was typed stays."""
        self.mode = mode
        self.message_mode.setChecked(mode is CallKind.MESSAGE)
        self.transfer_mode.setChecked(mode is CallKind.TRANSFER)
        self.fields["callback"].setVisible(mode is CallKind.MESSAGE)
        self.take_message_button.setVisible(mode is CallKind.TRANSFER)
        self.errors = []
        self._render_errors()
        self.retranslate()

    def prefill(self, row: MessageRow) -> None:
        """A call taken before (a transfer nobody resolved): its caller, number, matter and colleague."""
        self.caller.setText(row.caller_name)
        self.company.setText(row.caller_company)
        self.phone.setText(row.caller_phone)
        self.message.setPlainText(row.message)
        self.urgent.setChecked(row.urgency is Urgency.URGENT)
        if row.for_host_id is not None:
            self.host.choose(HostSummary(row.for_host_id, row.for_name, row.department, ""))
        elif row.department_id is not None:
            self.department.addItem(row.department, row.department_id)
            self.department.setCurrentIndex(self.department.count() - 1)

    def choose_host(self, host: HostSummary) -> None:
        self.host.choose(host)

    def _whom(self) -> tuple[int | None, int | None]:
        if self.host.selected is not None:
            return self.host.selected.id, None
        department = self.department.currentData()
        return None, int(department) if department is not None else None

    def _callback_at(self) -> datetime | None:
        if not self.promised.isChecked():
            return None
        return datetime.fromtimestamp(self.callback.dateTime().toSecsSinceEpoch(), UTC)

    def form(self) -> MessageForm | TransferForm:
        host_id, department_id = self._whom()
        common: dict[str, Any] = {
            "caller_name": self.caller.text(), "caller_company": self.company.text(), "phone": self.phone.text(),
            "message": self.message.toPlainText()[:MESSAGE_MAX], "for_host_id": host_id,
            "for_department_id": department_id, "answered_in_time": not self.answered_late.isChecked(),
            "urgency": Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL,
        }
        if self.mode is CallKind.TRANSFER:
            return TransferForm(**common)
        return MessageForm(**common, callback_promised_at=self._callback_at())

    # -- saving ------------------------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return  # one press, one message
        self.errors = []
        self._render_errors()
        self.busy = True
        self.save_button.setEnabled(False)
        form = self.form()
        save = self.gateway.add_message if isinstance(form, MessageForm) else self.gateway.add_transfer
        self.pool.submit(save, form, on_done=self._saved, on_error=self._failed)

    def _saved(self, row: MessageRow) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.saved.emit(row)
        self.accept()

    def _failed(self, error: ServiceError) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self.errors = list(error.errors)
            self._render_errors()
        else:
            self._show_problem(problem_text(error))

    def _clear_error(self, key: str) -> None:
        self.errors = [e for e in self.errors if FIELD_OF.get(e.field, e.field) != key]
        if key in self.fields:
            self.fields[key].set_error("")

    def _render_errors(self) -> None:
        shown: dict[str, str] = {}
        stray: list[str] = []
        for error in self.errors:
            key = FIELD_OF.get(error.field, error.field)
            if key in self.fields and self.fields[key].isVisibleTo(self):
                shown.setdefault(key, field_error_text(error))
            else:
                stray.append(field_error_text(error))
        for key, field in self.fields.items():
            field.set_error(shown.get(key, ""))
        self.message.setProperty("invalid", "message" in shown)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self._show_problem(stray[0] if stray else "")

    def _show_problem(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    def done(self, result: int) -> None:
        self.host.stop()
        super().done(result)

    # -- words -------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        message = self.mode is CallKind.MESSAGE
        self.setWindowTitle(translate("DeskRecords", "Phone message") if message
                            else translate("DeskRecords", "Transferred call"))
        self.message_mode.setText(translate("DeskRecords", "Take a message"))
        self.transfer_mode.setText(translate("DeskRecords", "Log a transfer"))
        captions = {
            "caller": translate("DeskRecords", "Caller"), "company": translate("DeskRecords", "Company"),
            "phone": translate("DeskRecords", "Number to call back") if message
            else translate("DeskRecords", "Phone (optional)"),
            "callback": translate("DeskRecords", "Call back"),
            "for": translate("DeskRecords", "For") if message else translate("DeskRecords", "Put through to"),
            "message": translate("DeskRecords", "Message") if message
            else translate("DeskRecords", "Matter (optional)"),
        }
        for key, text in captions.items():
            self.fields[key].caption.setText(text)
        self.fields["for"].set_hint(translate("DeskRecords",
                                              "A colleague by name, pinyin or initials; or a department"))
        self.fields["message"].set_hint(translate("DeskRecords", "Enter saves; Shift+Enter starts a new line"))
        self.department.setItemText(0, translate("DeskRecords", "or a department…"))
        self.host.retranslate()
        self.promised.setText(translate("DeskRecords", "Promised by"))
        self.urgent.setText(translate("DeskRecords", "Urgent"))
        self.answered_late.setText(translate("DeskRecords", "Not picked up in time"))
        self.take_message_button.setText(translate("DeskRecords", "No answer: take a message"))
        self.cancel_button.setText(translate("DeskRecords", "Cancel"))
        self.save_button.setText(translate("DeskRecords", "Save message") if message
                                 else translate("DeskRecords", "Log transfer"))
        self._render_errors()
