"""The complaint dialogs: a new complaint (who, contact, what, when, channel, department and person), passing it
on (department and person), the outcome (what was done). The person is found by name, pinyin or e-mail."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_complaints import (
    AssigneeChoice,
    ComplaintChannel,
    ComplaintForm,
    DepartmentChoice,
    DeskComplaintsGateway,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.complaint_texts import channel_text, problem_text, translate
from kiosk.ui.desk.supplies.item_dialog import buttons_row
from kiosk.ui.desk.supplies.texts import STYLE
from kiosk.ui.desk.widgets import button, label

TEXT_STYLE = ("QPlainTextEdit { font-size: 15px; padding: 6px 8px; border: 1px solid #cbd2d9; border-radius: 8px;"
              " background: #ffffff; color: #1f2a33; }"
              "QDateTimeEdit { font-size: 15px; min-height: 34px; padding: 0 8px; border: 1px solid #cbd2d9;"
              " border-radius: 8px; background: #ffffff; }"
              "QCheckBox { font-size: 15px; }")


class RoutingFields(QWidget):
    """The department responsible (a list) and the person following it (found by name, pinyin or e-mail)."""

    def __init__(self, gateway: DeskComplaintsGateway, pool: WorkerPool, departments: list[DepartmentChoice],
                 *, department_id: int | None = None, problem: QLabel | None = None) -> None:
        super().__init__()
        self.gateway, self.pool, self.problem = gateway, pool, problem
        self.department = QComboBox()
        self.department.addItem(translate("DeskComplaints", "— not chosen —"), None)
        for choice in departments:
            self.department.addItem(choice.name, choice.department_id)
        if department_id is not None:
            self.department.setCurrentIndex(max(0, self.department.findData(department_id)))
        self.search = QLineEdit()
        self.search.setMaxLength(100)
        self.search.setPlaceholderText(translate("DeskComplaints", "Name, pinyin or e-mail, then Enter"))
        self.search.returnPressed.connect(self.look_up)
        self.find_button = button(translate("DeskComplaints", "Find"))
        self.find_button.clicked.connect(self.look_up)
        self.person = QComboBox()
        self.person.addItem(translate("DeskComplaints", "— nobody yet —"), None)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.people: list[AssigneeChoice] = []
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.find_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("DeskComplaints", "Department"), self.department)
        form.addRow(translate("DeskComplaints", "Find a person"), search_row)
        form.addRow(translate("DeskComplaints", "Person following it"), self.person)

    def look_up(self) -> None:
        self.pool.submit(self.gateway.find_people, self.search.text().strip(), on_done=self._found,
                         on_error=self._failed)

    def _found(self, people: list[AssigneeChoice]) -> None:
        self.people = people
        self.person.clear()
        self.person.addItem(translate("DeskComplaints", "— nobody yet —"), None)
        for choice in people:
            shown = f"{choice.name} · {choice.department}" if choice.department else choice.name
            self.person.addItem(f"{shown} · {choice.email}", choice.host_id)
        if people:
            self.person.setCurrentIndex(1)

    def _person_chosen(self, _index: int) -> None:
        """The person's department is responsible unless one is chosen already."""
        chosen = next((p for p in self.people if p.host_id == self.person.currentData()), None)
        if chosen is not None and chosen.department_id is not None and self.department.currentData() is None:
            self.department.setCurrentIndex(max(0, self.department.findData(chosen.department_id)))

    def _failed(self, error: ServiceError) -> None:
        if self.problem is not None:
            self.problem.setText(problem_text(error))
            self.problem.show()

    def chosen(self) -> tuple[int | None, int | None]:
        return self.department.currentData(), self.person.currentData()


class NewComplaintDialog(QDialog):
    def __init__(self, parent: QWidget | None, gateway: DeskComplaintsGateway, pool: WorkerPool,
                 departments: list[DepartmentChoice], *, zone: ZoneInfo, now: datetime) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE + TEXT_STYLE)
        self.setWindowTitle(translate("DeskComplaints", "New complaint"))
        self.zone = zone
        guide = label(translate(
            "DeskComplaints", "Listen and apologise. Write down what happened, when, and how to reach the customer; "
            "tell them the department responsible will contact them within {hours} hours.").format(
                hours=gateway.due_hours), "muted")
        guide.setWordWrap(True)
        self.customer = QLineEdit()
        self.customer.setMaxLength(100)
        self.contact = QLineEdit()
        self.contact.setMaxLength(320)
        self.contact.setPlaceholderText(translate("DeskComplaints", "Phone number or e-mail address"))
        self.what = QPlainTextEdit()
        self.what.setPlaceholderText(translate("DeskComplaints", "What happened, in the customer's words"))
        self.what.setMinimumHeight(110)
        self.known = QCheckBox(translate("DeskComplaints", "Known"))
        self.known.setChecked(True)
        # The site's wall clock, shown and read back as such (the machine's own zone plays no part).
        local = now.astimezone(zone)
        self.when = QDateTimeEdit(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.known.toggled.connect(self.when.setEnabled)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.known)
        self.channel = QComboBox()
        for channel in ComplaintChannel:
            self.channel.addItem(channel_text(channel), channel)
        self.problem = label(role="short")
        self.problem.setWordWrap(True)
        self.routing = RoutingFields(gateway, pool, departments, problem=self.problem)
        form = QFormLayout()
        form.addRow(translate("DeskComplaints", "Customer"), self.customer)
        form.addRow(translate("DeskComplaints", "Contact"), self.contact)
        form.addRow(translate("DeskComplaints", "What"), self.what)
        form.addRow(translate("DeskComplaints", "When it happened"), when_row)
        form.addRow(translate("DeskComplaints", "Came in by"), self.channel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(guide)
        layout.addLayout(form)
        layout.addWidget(label(translate("DeskComplaints", "Pass it to"), "section"))
        layout.addWidget(self.routing)
        layout.addWidget(self.problem)
        self.problem.hide()
        layout.addLayout(buttons_row(self, translate("DeskComplaints", "Record the complaint")))
        self.setMinimumWidth(620)

    def answer(self) -> ComplaintForm:
        department_id, host_id = self.routing.chosen()
        happened = None
        if self.known.isChecked():
            day, time = self.when.date(), self.when.time()
            happened = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self.zone)
        return ComplaintForm(customer_name=self.customer.text(), customer_contact=self.contact.text(),
                             what=self.what.toPlainText(), happened_at=happened,
                             channel=ComplaintChannel(self.channel.currentData()), department_id=department_id,
                             assignee_host_id=host_id)


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget | None, gateway: DeskComplaintsGateway, pool: WorkerPool,
                 departments: list[DepartmentChoice], department_id: int | None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskComplaints", "Pass the complaint on"))
        self.problem = label(role="short")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.routing = RoutingFields(gateway, pool, departments, department_id=department_id, problem=self.problem)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(label(translate("DeskComplaints", "They are told at once; the time promised to the "
                                         "customer stays."), "muted"))
        layout.addWidget(self.routing)
        layout.addWidget(self.problem)
        layout.addLayout(buttons_row(self, translate("DeskComplaints", "Pass it on")))
        self.setMinimumWidth(560)

    def answer(self) -> tuple[int | None, int | None]:
        return self.routing.chosen()


class ResolveDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, by_email: bool) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE + TEXT_STYLE)
        self.setWindowTitle(translate("DeskComplaints", "The outcome"))
        hint = label(translate("DeskComplaints", "The customer gets this by e-mail with a link to say how satisfied "
                               "they are.") if by_email else translate(
            "DeskComplaints", "Tell the customer the outcome and ask how satisfied they are (1-5)."), "muted")
        hint.setWordWrap(True)
        self.resolution = QPlainTextEdit()
        self.resolution.setPlaceholderText(translate("DeskComplaints", "What was done"))
        self.resolution.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(hint)
        layout.addWidget(self.resolution)
        layout.addLayout(buttons_row(self, translate("DeskComplaints", "Record the outcome")))
        self.setMinimumWidth(520)

    def answer(self) -> str:
        return self.resolution.toPlainText()
