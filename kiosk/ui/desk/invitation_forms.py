"""The desk's forms as dialogs: a new invitation, an edit, a reschedule, a group visit from a CSV file,
and a walk-in registered at the desk (the kiosk's own checks and policy).

Each dialog does its own work: it calls ``DeskInvitationsGateway`` on the worker pool (as the person
signed in), shows every field's problem beside the field in the desk's language, and on success
emits ``saved`` (``registered`` for a walk-in) with the service's answer and closes. A view opens
one with ``open()`` and refreshes on ``saved``; a test fills the fields and clicks without showing it.

    dialog = NewInvitationDialog(gateway, pool, today=today, parent=view)
    dialog.saved.connect(lambda created: ...)
    dialog.open()

Texts use ``QCoreApplication.translate("InvitationForms", ...)``: the classes share code, and a
``self.tr`` in a base class would look for its texts under the subclass's name. Names, companies and
file contents reach Qt as plain text (labels via ``plain()``, list and table cells are plain).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_invitations import (
    GROUP_MAX_ROWS,
    DeskInvitationsGateway,
    GroupImportReport,
    GroupRequest,
    GroupRowProblem,
    HostSummary,
    InvitationCreated,
    InvitationForm,
    InvitationRow,
    ReturningVisitor,
    WalkInForm,
    WalkInResult,
)
from kiosk.application.gateways.desk_rooms import BookingRow
from kiosk.domain.visits import Purpose, VisitorType, WalkInOutcome
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import purpose_text
from kiosk.ui.desk.meeting_choice import MeetingChoice, MeetingSource, booking_error_text
from kiosk.ui.desk.widgets import button, label, plain

translate = QCoreApplication.translate

PURPOSES = tuple(Purpose)
# As at the kiosk: the badge and the roster say what kind of visitor this is, the purpose tells us.
VISITOR_TYPE_BY_PURPOSE = {
    Purpose.INTERVIEW: VisitorType.INTERVIEW,
    Purpose.DELIVERY: VisitorType.DELIVERY,
    Purpose.MAINTENANCE: VisitorType.CONTRACTOR,
}
PHONE_DIGITS_FOR_LOOKUP = 11  # a mainland mobile number: the visitor is looked up as soon as it is complete
FIRST_SLOT, LAST_SLOT, SLOT_MINUTES = 7 * 60, 21 * 60, 15
HOST_SEARCH_DELAY_MS = 200
# A group file is a few hundred lines; anything much bigger is not one.
GROUP_FILE_MAX_BYTES = 1_000_000
# Fields the admin style sheet does not cover (kept here, next to their users).
FORM_STYLE = """
QLabel[role="field"] { font-size: 13px; font-weight: 600; color: #52606d; }
QLabel[role="fielderror"] { font-size: 13px; color: #b42318; }
QLabel[role="hint"] { font-size: 13px; color: #7b8794; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"] { border-color: #b42318; }
QComboBox { font-size: 15px; min-height: 36px; padding: 0 10px; border: 1px solid #cbd2d9; border-radius: 8px;
            background: #ffffff; color: #1f2a33; }
QComboBox::drop-down, QDateEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right;
                                             width: 26px; border: none; }
QComboBox::down-arrow, QDateEdit::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
                                               width: 12px; height: 12px; }
QComboBox:disabled, QDateEdit:disabled, QLineEdit:read-only { background: #f5f7f8; color: #52606d; }
QCheckBox { font-size: 15px; }
QTableWidget, QListView { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }
"""


# ---------------------------------------------------------------------------------------------- texts


def field_error_text(error: FieldError, *, walk_in: bool = False) -> str:
    """One field's problem in the desk's language (an invitation needs a phone *or* an e-mail; a walk-in a phone)."""
    field, code = error.field, error.code
    if field == "booking":
        return booking_error_text(code)
    if code == "required":
        texts = {
            "name": translate("InvitationForms", "Enter the visitor's name"),
            "phone": translate("InvitationForms", "Enter the visitor's mobile number") if walk_in else
            translate("InvitationForms", "Enter a phone number or an e-mail address"),
            "email": translate("InvitationForms", "The visitor has no e-mail address to send to"),
            "host": translate("InvitationForms", "Choose the host"),
            "purpose": translate("InvitationForms", "Choose the purpose of the visit"),
        }
        return texts.get(field, translate("InvitationForms", "This is required"))
    texts = {
        "invalid_phone": translate("InvitationForms", "This is not a valid phone number"),
        "invalid_email": translate("InvitationForms", "This is not a valid e-mail address"),
        "invalid_id_number": translate("InvitationForms", "An ID number has only letters and digits"),
        "too_long": translate("InvitationForms", "This is too long"),
        "bad_characters": translate("InvitationForms", "This contains characters that are not allowed"),
        "in_past": translate("InvitationForms", "This day is in the past"),
        "before_start": translate("InvitationForms", "The visit ends before it starts"),
        "inactive": translate("InvitationForms", "This person no longer receives visitors; choose someone else"),
        "not_invited": translate("InvitationForms", "This invitation has been used or cancelled"),
        "already_invited": translate("InvitationForms", "Already invited to see this host on that day"),
    }
    return texts.get(code, translate("InvitationForms", "Please check this"))


def service_error_text(error: ServiceError) -> str:
    """One plain line for a problem that is not a field's (or for a field's, where no form shows it)."""
    if isinstance(error, ValidationFailed) and error.errors:
        return field_error_text(error.errors[0])
    if error.code == "sales_without_appointment":
        return translate("InvitationForms",
                         "Sales visitors are only seen by appointment. Take their contact details instead.")
    if error.code == "not_found":
        return translate("InvitationForms", "This invitation no longer exists.")
    if error.code == "unexpected":
        return translate("InvitationForms", "Something went wrong; please try again. ({error})").format(
            error=error.message)
    return translate("InvitationForms", "That did not work: {error}").format(error=error.message)


def group_problem_text(problem: GroupRowProblem) -> str:
    """``Line 4 · Phone: This is not a valid phone number``: what is wrong where, in the desk's language."""
    if problem.field == "file":
        texts = {
            "encoding": translate("InvitationForms", "The file is neither UTF-8 nor GBK text; save it again as CSV."),
            "unreadable": translate("InvitationForms", "This is not a CSV file."),
            "empty": translate("InvitationForms", "The file has no visitors."),
            "too_many_rows": translate("InvitationForms", "The file has more than {count} visitors.").format(
                count=GROUP_MAX_ROWS),
            "missing_column": translate("InvitationForms",
                                        "The file needs a name column and a phone or e-mail column."),
        }
        text = texts.get(problem.code, problem.message)
        return translate("InvitationForms", "Line {line}: {problem}").format(line=problem.line, problem=text)
    columns = {
        "name": translate("InvitationForms", "Name"), "phone": translate("InvitationForms", "Phone"),
        "email": translate("InvitationForms", "E-mail"), "company": translate("InvitationForms", "Company"),
    }
    if problem.code == "duplicate":
        text = translate("InvitationForms", "The same as on line {line}").format(line=problem.first_line)
    else:
        text = field_error_text(FieldError(problem.field, problem.code, problem.message))
    return translate("InvitationForms", "Line {line} · {column}: {problem}").format(
        line=problem.line, column=columns.get(problem.field, problem.field), problem=text)


def walk_in_result_text(result: WalkInResult) -> str:
    """What the desk's status line says once a walk-in is registered."""
    if result.outcome is WalkInOutcome.HELD:
        return translate("InvitationForms", "Held for the desk: see the visitor before letting them in.")
    if result.outcome is WalkInOutcome.CHECKED_IN:
        return translate("InvitationForms", "Checked in; the badge is printing.")
    return translate("InvitationForms", "Registered; {host} has been asked to approve the visit.").format(
        host=result.host_name)


def invitation_created_text(created: InvitationCreated, emailed: bool) -> str:
    if emailed:
        return translate("InvitationForms", "{visitor} is invited for {day}; the invitation is being e-mailed.").format(
            visitor=created.visitor_name, day=created.visit_date.isoformat())
    return translate("InvitationForms", "{visitor} is invited for {day}; no e-mail address, so check them in at the "
                     "desk when they arrive.").format(visitor=created.visitor_name, day=created.visit_date.isoformat())


def phone_text(phone: str) -> str:
    """A mainland mobile as people read it (138 1234 5678); any other number as stored (E.164)."""
    national = phone[3:] if phone.startswith("+86") else ""
    if len(national) == 11 and national.startswith("1"):
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    return phone


# ---------------------------------------------------------------------------------------------- small widgets


class FormField(QWidget):
    """A caption, an editor and the line where its problem shows."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = label(role="field")
        self.editor = editor
        self.hint = label(role="hint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.error = plain(label(role="fielderror"))
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(editor)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.hint.setVisible(bool(self.hint.text()) and not text)  # the problem says more than the hint
        for editor in self._inputs():
            editor.setProperty("invalid", bool(text))
            editor.style().unpolish(editor)
            editor.style().polish(editor)

    def _inputs(self) -> list[QWidget]:
        """The boxes a person types or chooses in (not the line inside a date box)."""
        kinds = QLineEdit | QComboBox | QDateEdit
        if isinstance(self.editor, kinds):
            return [self.editor]
        found: list[QWidget] = [*self.editor.findChildren(QLineEdit), *self.editor.findChildren(QComboBox),
                                *self.editor.findChildren(QDateEdit)]
        return [w for w in found if not isinstance(w.parent(), QComboBox | QDateEdit)]


def line_edit(max_length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


def date_edit(day: date, minimum: date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if minimum is not None:
        edit.setMinimumDate(QDate(minimum.year, minimum.month, minimum.day))
    return edit


def day_of(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class TimeChoice(QComboBox):
    """A time of day in quarter hours, or none ("any time"); a time not on the quarter is added when shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("", None)
        for minutes in range(FIRST_SLOT, LAST_SLOT + 1, SLOT_MINUTES):
            at = time(minutes // 60, minutes % 60)
            self.addItem(at.strftime("%H:%M"), at)
        self.setMaxVisibleItems(12)

    def value(self) -> time | None:
        chosen = self.currentData()
        return chosen if isinstance(chosen, time) else None

    def set_value(self, at: time | None) -> None:
        if at is None:
            self.setCurrentIndex(0)
            return
        at = at.replace(second=0, microsecond=0)
        index = self.findData(at)
        if index < 0:
            index = next((i for i in range(1, self.count()) if self.itemData(i) > at), self.count())
            self.insertItem(index, at.strftime("%H:%M"), at)
        self.setCurrentIndex(index)

    def set_empty_text(self, text: str) -> None:
        self.setItemText(0, text)


class PurposeChoice(QComboBox):
    """The purposes, in the desk's language; ``ask_first`` starts on "Choose…" (a walk-in must choose)."""

    def __init__(self, *, ask_first: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask_first = ask_first
        if ask_first:
            self.addItem("", "")
        for purpose in PURPOSES:
            self.addItem("", purpose.value)
        self.retranslate()

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, purpose: str) -> None:
        self.setCurrentIndex(max(self.findData(purpose), 0))

    def retranslate(self) -> None:
        for index in range(self.count()):
            value = self.itemData(index)
            self.setItemText(index, purpose_text(value) if value else translate("InvitationForms", "Choose…"))


class HostField(QWidget):
    """Choose a host by name, full pinyin or initials (张伟: ``zhangwei``, ``zw``); each match shows the
    department, so two 张伟 can be told apart. The matches come from the gateway on the worker pool; an
    answer for a search since typed over is dropped."""

    host_changed = Signal()

    def __init__(self, search: Callable[[str], list[HostSummary]], pool: WorkerPool, *,
                 delay_ms: int = HOST_SEARCH_DELAY_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search, self.pool = search, pool
        self.selected: HostSummary | None = None
        self._asked = 0
        self.edit = QLineEdit()
        self.edit.setMaxLength(50)
        self.edit.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.edit)
        self.completer.setMaxVisibleItems(8)
        popup = self.completer.popup()
        if popup is not None:  # a window of its own: the dialog's style sheet does not reach it
            popup.setStyleSheet("QListView { font-size: 15px; background: #ffffff; border: 1px solid #cbd2d9; }"
                                "QListView::item { padding: 7px 10px; }"
                                "QListView::item:selected { background: #e3f4f1; color: #1f2a33; }")
        self.completer.activated.connect(self._activated)
        self.note = label(role="hint")
        self.note.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        self.retranslate()

    def _typed(self, text: str) -> None:
        if self.selected is not None:
            self.selected = None
            self.host_changed.emit()
        self.note.hide()
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self._asked += 1
            self.matches.clear()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if not text or self.selected is not None:
            return
        self._asked += 1
        asked = self._asked
        self.pool.submit(self._search, text, on_done=lambda hosts: self._found(asked, hosts),
                         on_error=lambda error: self._failed(asked, error))

    def _found(self, asked: int, hosts: list[HostSummary]) -> None:
        if asked != self._asked:
            return  # typed over since
        self.matches.clear()
        for host in hosts:
            item = QStandardItem(self.shown(host))
            item.setData(host, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self.matches.appendRow(item)
        self.note.setText(translate("InvitationForms", "No one found. Try the pinyin or the initials."))
        self.note.setVisible(not hosts)
        if hosts and self.edit.isVisible():
            self.completer.complete()

    def _failed(self, asked: int, error: ServiceError) -> None:
        if asked == self._asked:
            self.note.setText(service_error_text(error))
            self.note.show()

    @staticmethod
    def shown(host: HostSummary) -> str:
        return f"{host.name} · {host.department}" if host.department else host.name

    def found(self) -> list[str]:
        """The matches listed for what was typed, as the receptionist reads them."""
        return [self.matches.item(row).text() for row in range(self.matches.rowCount())]

    def _activated(self, text: str) -> None:
        rows = [row for row in range(self.matches.rowCount()) if self.matches.item(row).text() == text]
        if rows:
            self.pick(rows[0])

    def pick(self, row: int) -> None:
        item = self.matches.item(row)
        if item is not None:
            self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, host: HostSummary | None) -> None:
        self._timer.stop()
        self._asked += 1
        self.selected = host
        self.edit.setText(self.shown(host) if host is not None else "")
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()
        self.note.hide()
        self.host_changed.emit()

    def set_fixed(self, text: str) -> None:
        """Shown, not chosen (an edit keeps its host)."""
        self.edit.setText(text)
        self.edit.setReadOnly(True)
        self.edit.setClearButtonEnabled(False)

    def stop(self) -> None:
        self._timer.stop()
        self._asked += 1

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(translate("InvitationForms", "Name, pinyin or initials (e.g. zw)"))


# ---------------------------------------------------------------------------------------------- the dialogs


class _FormDialog(QDialog):
    """Fields with their problems beside them, a line for any other problem, Cancel and the action."""

    # Where a service's field goes on the form (the rest show on the form's line).
    FIELD_OF: ClassVar[dict[str, str]] = {"start": "time", "end": "time", "purpose_note": "note",
                                          "visitor_type": "purpose"}
    walk_in = False

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.gateway, self.pool = gateway, pool
        self.setStyleSheet(FORM_STYLE)
        self.setModal(True)
        self.fields: dict[str, FormField] = {}
        self.errors: list[FieldError] = []
        self.busy = False
        self.form_error = plain(label(role="error"))
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.cancel_button = button("")
        self.save_button = button("", "primary")
        self.save_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.submit)

    def _field(self, key: str, editor: QWidget) -> FormField:
        field = FormField(editor)
        self.fields[key] = field
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text, key=key: self._clear_error(key))
        return field

    def _buttons(self) -> QVBoxLayout:
        """The form's own problem (one line), then Cancel and the action at the right."""
        for widget in (self.cancel_button, self.save_button):
            widget.setMinimumWidth(130)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.form_error)
        column.addLayout(row)
        return column

    def _clear_error(self, key: str) -> None:
        self.errors = [e for e in self.errors if self.FIELD_OF.get(e.field, e.field) != key]
        self.fields[key].set_error("")

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        self._render_errors()

    def _render_errors(self) -> None:
        shown: dict[str, str] = {}
        stray: list[str] = []
        for error in self.errors:
            key = self.FIELD_OF.get(error.field, error.field)
            text = field_error_text(error, walk_in=self.walk_in)
            if key in self.fields:
                shown.setdefault(key, text)
            else:
                stray.append(text)
        for key, field in self.fields.items():
            field.set_error(shown.get(key, ""))
        self.show_problem(stray[0] if stray else "")

    def show_problem(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    def submit(self) -> None:
        if self.busy:
            return  # one click, one invitation
        self.show_errors([])
        self._set_busy(True)
        self.pool.submit(self._call, on_done=self._done, on_error=self._failed)

    def _call(self) -> Any:
        raise NotImplementedError

    def _done(self, result: Any) -> None:
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _failed(self, error: ServiceError) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
        else:
            self.show_problem(service_error_text(error))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.cancel_button.setText(translate("InvitationForms", "Cancel"))
        self._render_errors()

    def done(self, result: int) -> None:
        for host in self.findChildren(HostField):
            host.stop()
        super().done(result)


class _VisitorFields:
    """The visitor's name, phone, e-mail and company; a complete mobile number looks the visitor up."""

    gateway: DeskInvitationsGateway
    pool: WorkerPool
    fields: dict[str, FormField]

    def _visitor_editors(self) -> None:
        self.name = line_edit(100)
        self.phone = line_edit(20)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.email = line_edit(320)
        self.company = line_edit(200)
        self._looked_up = ""
        self.phone.textEdited.connect(self._phone_edited)

    def _phone_edited(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) == PHONE_DIGITS_FOR_LOOKUP and digits != self._looked_up:
            self._looked_up = digits
            self.pool.submit(self.gateway.returning_visitor, text.strip(),
                             on_done=lambda found: self._prefill(digits, found), on_error=lambda _error: None)

    def _prefill(self, digits: str, visitor: ReturningVisitor | None) -> None:
        """A known visitor: the empty fields filled in (still editable); nothing typed is overwritten."""
        if visitor is None or digits != "".join(ch for ch in self.phone.text() if ch.isdigit()):
            return
        found: list[tuple[QLineEdit | None, str]] = [
            (self.name, visitor.name), (self.company, visitor.company), (getattr(self, "email", None), visitor.email)]
        for edit, value in found:
            if edit is not None and not edit.text().strip() and value:
                edit.setText(value)


class _InvitationDialog(_VisitorFields, _FormDialog):
    """The invitation form; a new invitation chooses its host and day, an edit keeps them."""

    saved = Signal(object)

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, *, today: date,
                 parent: QWidget | None) -> None:
        super().__init__(gateway, pool, parent)
        self.today = today
        self._visitor_editors()
        self.host = HostField(gateway.search_hosts, pool)
        self.host.host_changed.connect(lambda: self._clear_error("host"))
        self.date = date_edit(today, today)
        self.date.dateChanged.connect(lambda _day: self._clear_error("date"))
        self.start, self.end = TimeChoice(), TimeChoice()
        for choice in (self.start, self.end):
            choice.currentIndexChanged.connect(lambda _index: self._clear_error("time"))
        window = QWidget()
        row = QHBoxLayout(window)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start, 1)
        self.until = label("–")
        row.addWidget(self.until)
        row.addWidget(self.end, 1)
        self.purpose = PurposeChoice()
        self.note = line_edit(500)
        self.vip = QCheckBox()

        self.title = label(role="title")
        self.intro = plain(label(role="muted"))
        self.intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(12)
        left: list[tuple[str, QWidget]] = [
            ("name", self.name), ("phone", self.phone), ("email", self.email), ("company", self.company)]
        right: list[tuple[str, QWidget]] = [
            ("host", self.host), ("date", self.date), ("time", window), ("purpose", self.purpose)]
        for row_number, (key, editor) in enumerate(left):
            grid.addWidget(self._field(key, editor), row_number, 0, Qt.AlignmentFlag.AlignTop)
        for row_number, (key, editor) in enumerate(right):
            grid.addWidget(self._field(key, editor), row_number, 1, Qt.AlignmentFlag.AlignTop)
        self.grid, self.meeting_row = grid, len(left)  # a new invitation adds its meeting there, above the note
        grid.addWidget(self._field("note", self.note), len(left) + 1, 0, 1, 2)
        grid.addWidget(self.vip, len(left) + 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(820)

    def form(self) -> InvitationForm:
        host = self.host.selected
        return InvitationForm(
            host_id=host.id if host is not None else None, visitor_name=self.name.text(), phone=self.phone.text(),
            email=self.email.text(), company=self.company.text(), visit_date=day_of(self.date),
            start=self.start.value(), end=self.end.value(), purpose=self.purpose.value(),
            purpose_note=self.note.text(), vip=self.vip.isChecked(), booking_id=self.booking_id(),
        )

    def booking_id(self) -> int | None:
        return None

    def retranslate(self) -> None:
        captions = {
            "name": translate("InvitationForms", "Visitor's name"),
            "phone": translate("InvitationForms", "Phone"),
            "email": translate("InvitationForms", "E-mail"),
            "company": translate("InvitationForms", "Company (optional)"),
            "host": translate("InvitationForms", "Host"),
            "date": translate("InvitationForms", "Day"),
            "time": translate("InvitationForms", "Time (optional)"),
            "purpose": translate("InvitationForms", "Purpose"),
            "note": translate("InvitationForms", "Note for the host and the badge (optional)"),
            "booking": translate("InvitationForms", "Meeting (optional)"),
        }
        for key, text in captions.items():
            if key in self.fields:
                self.fields[key].caption.setText(text)
        for choice in self.findChildren(MeetingChoice):
            choice.retranslate()
        self.fields["email"].set_hint(translate("InvitationForms", "The invitation and its QR code are sent here."))
        self.name.setPlaceholderText(translate("InvitationForms", "As on their ID"))
        self.phone.setPlaceholderText(translate("InvitationForms", "e.g. 138 0013 8000"))
        self.email.setPlaceholderText(translate("InvitationForms", "name@example.com"))
        self.start.set_empty_text(translate("InvitationForms", "Any time"))
        self.end.set_empty_text("—")
        self.purpose.retranslate()
        self.vip.setText(translate("InvitationForms", "VIP: reception and the supervisor are told when they arrive"))
        self.host.retranslate()
        super().retranslate()


class NewInvitationDialog(_InvitationDialog):
    """A new invitation: the visitor, the host, the day and time, the purpose, and (given the day's ``meetings``
    and the site's ``zone``) the meeting the visitor comes to; ``saved(InvitationCreated)``."""

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, *, today: date,
                 host: HostSummary | None = None, meetings: MeetingSource | None = None,
                 zone: ZoneInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(gateway, pool, today=today, parent=parent)
        self.meeting: MeetingChoice | None = None
        if meetings is not None and zone is not None:
            self.meeting = MeetingChoice(meetings, pool, zone)
            self.meeting.meeting_chosen.connect(self._meeting_chosen)
            self.grid.addWidget(self._field("booking", self.meeting), self.meeting_row, 0, 1, 2)
            self.date.dateChanged.connect(lambda _day: self._show_meetings())
            self.host.host_changed.connect(self._host_changed)
        if host is not None:
            self.host.choose(host)
        self._show_meetings()
        self.retranslate()

    # -- the meeting ------------------------------------------------------------------------------------------

    def _host_id(self) -> int | None:
        return self.host.selected.id if self.host.selected is not None else None

    def _show_meetings(self) -> None:
        if self.meeting is not None:
            self.meeting.show_day(day_of(self.date), self._host_id())

    def _host_changed(self) -> None:
        if self.meeting is not None:
            self.meeting.set_host(self._host_id())

    def _meeting_chosen(self, row: BookingRow | None) -> None:
        """A meeting gives the visit its time where none is chosen yet."""
        self._clear_error("booking")
        if row is None or self.meeting is None:
            return
        zone = self.meeting.zone
        if self.start.value() is None:
            self.start.set_value(row.starts_at.astimezone(zone).time())
        if self.end.value() is None:
            self.end.set_value(row.ends_at.astimezone(zone).time())

    def booking_id(self) -> int | None:
        return self.meeting.booking_id() if self.meeting is not None else None

    def _call(self) -> InvitationCreated:
        return self.gateway.create(self.form())

    def _done(self, created: InvitationCreated) -> None:
        self._set_busy(False)
        self.created = created
        self.emailed = bool(self.email.text().strip())
        self.saved.emit(created)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("InvitationForms", "New invitation"))
        self.title.setText(translate("InvitationForms", "New invitation"))
        self.intro.setText(translate("InvitationForms",
                                     "The visitor gets a QR code that checks them in at the kiosk on that day."))
        self.save_button.setText(translate("InvitationForms", "Invite"))
        super().retranslate()


class EditInvitationDialog(_InvitationDialog):
    """Correct an invitation: the visitor's details, the purpose, the time (another day: Reschedule);
    ``saved(InvitationEdited)``."""

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, row: InvitationRow, *, zone: ZoneInfo,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(gateway, pool, today=min(today, row.visit_date), parent=parent)
        self.row, self.zone = row, zone
        self.name.setText(row.visitor_name)
        self.phone.setText(phone_text(row.phone))
        self.email.setText(row.email)
        self.company.setText(row.company)
        self.host.set_fixed(f"{row.host_name} · {row.department}" if row.department else row.host_name)
        self.date.setDate(QDate(row.visit_date.year, row.visit_date.month, row.visit_date.day))
        self.date.setEnabled(False)
        self.start.set_value(_local(row.expected_start, zone))
        self.end.set_value(_local(row.expected_end, zone))
        self.purpose.set_value(row.purpose.value)
        self.note.setText(row.purpose_note)
        self.vip.hide()
        self.retranslate()

    def _call(self) -> Any:
        return self.gateway.edit(self.row.id, self.form())

    def _done(self, edited: Any) -> None:
        self._set_busy(False)
        self.saved.emit(edited)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("InvitationForms", "Edit invitation"))
        self.title.setText(translate("InvitationForms", "Edit invitation"))
        self.intro.setText(translate(
            "InvitationForms", "A new name, e-mail address or time is e-mailed to the visitor with a new QR code; "
            "the one sent before stops working. Another day: use Reschedule."))
        self.save_button.setText(translate("InvitationForms", "Save changes"))
        super().retranslate()


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def _local(instant: datetime | None, zone: ZoneInfo) -> time | None:
    return instant.astimezone(zone).time() if instant is not None else None


class RescheduleDialog(_FormDialog):
    """Another day or time: the visitor gets a new QR (the old one stops working); ``saved(InvitationCreated)``."""

    saved = Signal(object)

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, row: InvitationRow, *, zone: ZoneInfo,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(gateway, pool, parent)
        self.row = row
        self.title = label(role="title")
        self.who = plain(label())
        self.who.setWordWrap(True)
        self.intro = label(role="muted")
        self.intro.setWordWrap(True)
        self.date = date_edit(max(row.visit_date, today), today)
        self.date.dateChanged.connect(lambda _day: self._clear_error("date"))
        self.start, self.end = TimeChoice(), TimeChoice()
        self.start.set_value(_local(row.expected_start, zone))
        self.end.set_value(_local(row.expected_end, zone))
        for choice in (self.start, self.end):
            choice.currentIndexChanged.connect(lambda _index: self._clear_error("time"))
        window = QWidget()
        times = QHBoxLayout(window)
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.start, 1)
        times.addWidget(label("–"))
        times.addWidget(self.end, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self._field("date", self.date))
        layout.addWidget(self._field("time", window))
        layout.addWidget(self.intro)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(480)
        self.retranslate()

    def _call(self) -> InvitationCreated:
        return self.gateway.reschedule(self.row.id, day_of(self.date), self.start.value(), self.end.value())

    def _done(self, moved: InvitationCreated) -> None:
        self._set_busy(False)
        self.saved.emit(moved)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("InvitationForms", "Reschedule"))
        self.title.setText(translate("InvitationForms", "Reschedule the visit"))
        self.who.setText(translate("InvitationForms", "{visitor} to see {host}, now on {day}").format(
            visitor=self.row.visitor_name, host=self.row.host_name, day=self.row.visit_date.isoformat()))
        self.fields["date"].caption.setText(translate("InvitationForms", "New day"))
        self.fields["time"].caption.setText(translate("InvitationForms", "Time (optional)"))
        self.start.set_empty_text(translate("InvitationForms", "Any time"))
        self.end.set_empty_text("—")
        self.intro.setText(
            translate("InvitationForms", "The visitor is e-mailed a new QR code; the one sent before stops working.")
            if self.row.email else
            translate("InvitationForms", "No e-mail address: check the visitor in at the desk when they arrive."))
        self.save_button.setText(translate("InvitationForms", "Reschedule"))
        super().retranslate()


class GroupImportDialog(_FormDialog):
    """A group visit from a CSV file: every row checked and listed before anything is saved; one bad row
    and the import waits until the file is fixed. ``saved(GroupImportReport)`` once everyone is invited.

    ``choose_file`` is replaced in tests (no file dialog)."""

    saved = Signal(object)

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, *, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(gateway, pool, parent)
        self.choose_file: Callable[[], str] = lambda: QFileDialog.getOpenFileName(
            self, translate("InvitationForms", "Choose the group's CSV file"), str(Path.home()),
            translate("InvitationForms", "CSV files (*.csv);;All files (*)"))[0]
        self.data: bytes | None = None
        self.file_name = ""
        self.report: GroupImportReport | None = None
        self._checked: tuple[bytes, GroupRequest] | None = None  # what the report on screen is for
        self._asked = 0

        self.title = label(role="title")
        self.intro = label(role="muted")
        self.intro.setWordWrap(True)
        self.host = HostField(gateway.search_hosts, pool)
        self.date = date_edit(today, today)
        self.start, self.end = TimeChoice(), TimeChoice()
        self.purpose = PurposeChoice()
        self.note = line_edit(500)
        window = QWidget()
        times = QHBoxLayout(window)
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.start, 1)
        times.addWidget(label("–"))
        times.addWidget(self.end, 1)
        self.file_button = button("")
        self.file_button.clicked.connect(self.choose)
        self.file_label = plain(label(role="muted"))
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.file_button)
        row.addWidget(self.file_label, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        grid.addWidget(self._field("host", self.host), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._field("date", self.date), 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._field("time", window), 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._field("purpose", self.purpose), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._field("note", self.note), 1, 1, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self._field("file", file_row), 2, 0, 1, 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.summary = label()
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 1)
        self.problems.horizontalHeader().hide()
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setShowGrid(False)
        self.problems.setMaximumHeight(150)
        self.problems.hide()
        self.rows = QTableWidget(0, 5)
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rows.setAlternatingRowColors(True)
        self.rows.setShowGrid(False)
        self.rows.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((60, 150, 160, 220)):
            self.rows.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.rows, 1)
        layout.addLayout(self._buttons())
        self.setMinimumSize(900, 680)

        self.host.host_changed.connect(self._inputs_changed)
        self.date.dateChanged.connect(lambda _day: self._inputs_changed())
        for choice in (self.start, self.end, self.purpose):
            choice.currentIndexChanged.connect(lambda _index: self._inputs_changed())
        self.note.editingFinished.connect(self._inputs_changed)
        self.retranslate()

    # -- the file ---------------------------------------------------------------------------------------------

    def choose(self) -> None:
        path = self.choose_file()
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > GROUP_FILE_MAX_BYTES:
                self.fields["file"].set_error(translate("InvitationForms", "This file is too big for a group."))
                return
            data = path.read_bytes()
        except OSError as exc:
            self.fields["file"].set_error(translate("InvitationForms", "The file could not be read: {error}").format(
                error=exc.strerror or exc))
            return
        self.load_bytes(data, path.name)

    def load_bytes(self, data: bytes, name: str) -> None:
        self.data, self.file_name = data, name
        self.fields["file"].set_error("")
        self.file_label.setText(name)
        self._inputs_changed()

    def request(self) -> GroupRequest:
        host = self.host.selected
        return GroupRequest(host_id=host.id if host is not None else None, visit_date=day_of(self.date),
                            start=self.start.value(), end=self.end.value(), purpose=self.purpose.value(),
                            purpose_note=self.note.text())

    # -- checking, then inviting ---------------------------------------------------------------------------------

    def _inputs_changed(self) -> None:
        """Anything changed: the rows are checked again (a preview: nothing is saved)."""
        self._checked = None
        self.report = None
        self.show_errors([])
        self._update_button()
        if self.data is None or self.host.selected is None:
            self._show_report(None)
            return
        self._asked += 1
        asked, data, request = self._asked, self.data, self.request()
        self.summary.setText(translate("InvitationForms", "Checking the file…"))
        self.pool.submit(self.gateway.preview_group, data, request,
                         on_done=lambda report: self._previewed(asked, data, request, report),
                         on_error=lambda error: self._preview_failed(asked, error))

    def _previewed(self, asked: int, data: bytes, request: GroupRequest, report: GroupImportReport) -> None:
        if asked != self._asked:
            return  # the form changed since
        self.report = report
        self._checked = (data, request) if report.ok else None
        self._show_report(report)
        self._update_button()

    def _preview_failed(self, asked: int, error: ServiceError) -> None:
        if asked == self._asked:
            self._failed(error)
            self._show_report(None)

    def _call(self) -> GroupImportReport:
        assert self._checked is not None
        data, request = self._checked
        return self.gateway.import_group(data, request)

    def submit(self) -> None:
        if self._checked is None:
            return
        super().submit()

    def _done(self, report: GroupImportReport) -> None:
        self._set_busy(False)
        self.report = report
        if not report.saved:  # someone invited one of them meanwhile: nothing was saved
            self._checked = None
            self._show_report(report)
            self._update_button()
            return
        self.saved.emit(report)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_button()

    def _update_button(self) -> None:
        count = len(self.report.rows) if self.report is not None and self._checked is not None else 0
        # Plurals through self.tr (lupdate marks only those as plural); this class has no subclass.
        self.save_button.setText(self.tr("Invite %n visitor(s)", "", count) if count else
                                 translate("InvitationForms", "Invite"))
        self.save_button.setEnabled(bool(count) and not self.busy)

    def _show_report(self, report: GroupImportReport | None) -> None:
        self.problems.setRowCount(0)
        self.rows.setRowCount(0)
        if report is None:
            self.summary.setText(translate("InvitationForms", "Choose the host and the file to see who is invited.")
                                 if self.data is None or self.host.selected is None else "")
            self.problems.hide()
            return
        if report.problems:
            problems = len(report.problems)
            self.summary.setText(self.tr("%n problem(s) in the file. Nothing is saved until every row is right: fix "
                                         "the file and choose it again.", "", problems))
        else:
            visitors = len(report.rows)
            self.summary.setText(self.tr("%n visitor(s), every row is right.", "", visitors))
        self.problems.setRowCount(len(report.problems))
        for number, problem in enumerate(report.problems):
            item = QTableWidgetItem(group_problem_text(problem))
            item.setForeground(QColor("#b42318"))
            self.problems.setItem(number, 0, item)
        self.problems.setVisible(bool(report.problems))
        self.rows.setRowCount(len(report.rows))
        for number, row in enumerate(report.rows):
            for column, text in enumerate((str(row.line), row.name, phone_text(row.phone), row.email, row.company)):
                self.rows.setItem(number, column, QTableWidgetItem(text))

    def found_problems(self) -> list[str]:
        return [_text(self.problems.item(row, 0)) for row in range(self.problems.rowCount())]

    def found_names(self) -> list[str]:
        return [_text(self.rows.item(row, 1)) for row in range(self.rows.rowCount())]

    def retranslate(self) -> None:
        self.setWindowTitle(translate("InvitationForms", "Invite a group"))
        self.title.setText(translate("InvitationForms", "Invite a group from a CSV file"))
        self.intro.setText(translate(
            "InvitationForms", "One visitor per line, columns name, phone and/or email, company (or 姓名, 手机, 邮箱, "
            "公司); UTF-8 or GBK as Excel saves it. Everyone visits the same host on the same day."))
        captions = {
            "host": translate("InvitationForms", "Host"), "date": translate("InvitationForms", "Day"),
            "time": translate("InvitationForms", "Time (optional)"), "purpose": translate("InvitationForms", "Purpose"),
            "note": translate("InvitationForms", "Note for the host and the badge (optional)"),
            "file": translate("InvitationForms", "File"),
        }
        for key, text in captions.items():
            self.fields[key].caption.setText(text)
        self.start.set_empty_text(translate("InvitationForms", "Any time"))
        self.end.set_empty_text("—")
        self.purpose.retranslate()
        self.host.retranslate()
        self.file_button.setText(translate("InvitationForms", "Choose CSV file…"))
        if not self.file_name:
            self.file_label.setText(translate("InvitationForms", "No file chosen"))
        self.rows.setHorizontalHeaderLabels([
            translate("InvitationForms", "Line"), translate("InvitationForms", "Name"),
            translate("InvitationForms", "Phone"), translate("InvitationForms", "E-mail"),
            translate("InvitationForms", "Company")])
        self._show_report(self.report)
        self._update_button()
        super().retranslate()


class DeskWalkInDialog(_VisitorFields, _FormDialog):
    """A visitor without an invitation, registered at the desk with the kiosk's checks and policy (the
    host is asked unless the site says not, the deny list is screened); ``registered(WalkInResult)``."""

    registered = Signal(object)
    walk_in = True

    def __init__(self, gateway: DeskInvitationsGateway, pool: WorkerPool, *, parent: QWidget | None = None) -> None:
        super().__init__(gateway, pool, parent)
        self._visitor_editors()
        self.id_number = line_edit(32)
        self.id_number.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.host = HostField(gateway.search_hosts, pool)
        self.host.host_changed.connect(lambda: self._clear_error("host"))
        self.purpose = PurposeChoice(ask_first=True)
        self.purpose.currentIndexChanged.connect(lambda _index: self._clear_error("purpose"))
        self.note = line_edit(500)
        self.title = label(role="title")
        self.intro = label(role="muted")
        self.intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(12)
        left: list[tuple[str, QWidget]] = [
            ("phone", self.phone), ("name", self.name), ("company", self.company), ("id_number", self.id_number)]
        right: list[tuple[str, QWidget]] = [("host", self.host), ("purpose", self.purpose), ("note", self.note)]
        for row_number, (key, editor) in enumerate(left):
            grid.addWidget(self._field(key, editor), row_number, 0, Qt.AlignmentFlag.AlignTop)
        for row_number, (key, editor) in enumerate(right):
            grid.addWidget(self._field(key, editor), row_number, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        # Without a data key an ID number could not be stored: the form does not ask for one.
        self.fields["id_number"].setVisible(gateway.keeps_id_numbers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(820)
        self.retranslate()

    def form(self) -> WalkInForm:
        host = self.host.selected
        purpose = self.purpose.value()
        kind = VISITOR_TYPE_BY_PURPOSE.get(Purpose(purpose), VisitorType.VISITOR) if purpose else VisitorType.VISITOR
        return WalkInForm(
            name=self.name.text(), phone=self.phone.text(), host_id=host.id if host is not None else None,
            purpose=purpose, company=self.company.text(), id_number=self.id_number.text(),
            purpose_note=self.note.text(), visitor_type=kind.value,
        )

    def _call(self) -> WalkInResult:
        return self.gateway.register_walk_in(self.form())

    def _done(self, result: WalkInResult) -> None:
        self._set_busy(False)
        self.result_text = walk_in_result_text(result)
        self.registered.emit(result)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("InvitationForms", "Register a walk-in"))
        self.title.setText(translate("InvitationForms", "Register a walk-in"))
        self.intro.setText(translate(
            "InvitationForms", "For a visitor without an invitation, checked as at the kiosk: the host is asked to "
            "approve, and the deny list is screened."))
        captions = {
            "phone": translate("InvitationForms", "Mobile number"),
            "name": translate("InvitationForms", "Visitor's name"),
            "company": translate("InvitationForms", "Company (optional)"),
            "id_number": translate("InvitationForms", "ID or passport number (optional)"),
            "host": translate("InvitationForms", "Host"),
            "purpose": translate("InvitationForms", "Purpose"),
            "note": translate("InvitationForms", "Note for the host and the badge (optional)"),
        }
        for key, text in captions.items():
            self.fields[key].caption.setText(text)
        self.phone.setPlaceholderText(translate("InvitationForms", "e.g. 138 0013 8000"))
        self.name.setPlaceholderText(translate("InvitationForms", "As on their ID"))
        self.purpose.retranslate()
        self.host.retranslate()
        self.save_button.setText(translate("InvitationForms", "Register"))
        super().retranslate()


__all__ = [
    "DeskWalkInDialog", "EditInvitationDialog", "FormField", "GroupImportDialog", "HostField", "NewInvitationDialog",
    "RescheduleDialog", "TimeChoice", "field_error_text", "group_problem_text", "invitation_created_text",
    "phone_text", "service_error_text", "walk_in_result_text",
]
