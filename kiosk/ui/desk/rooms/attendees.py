"""Add an attendee to a booking, from its detail: a host (found by name, pinyin or initials), a visitor invited
for that day (their invitation then names the room), or a name as typed. ``DeskRoomsGateway.add_attendee`` on the
worker pool; ``added(BookingDetail)`` with the booking as it is now, or the problem beside the form.

The form folds away under "Add attendee…" so the detail stays short; names are plain text throughout.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_invitations import InvitationRow
from kiosk.application.gateways.desk_rooms import AttendeeForm, BookingDetail
from kiosk.domain.visits import VisitStatus
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.desk.invitation_forms import HostField
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.texts import LIVE, problem_text, translate
from kiosk.ui.desk.widgets import button, label

HOST, VISIT, NAME = 0, 1, 2
NAME_MAX = 100  # as the service keeps it
# A visitor who will not come (or has been and gone) is not offered.
COMING = frozenset({VisitStatus.INVITED, VisitStatus.APPROVED, VisitStatus.PENDING_APPROVAL,
                    VisitStatus.CHECKED_IN})


def attendee_problem(error: ServiceError) -> str:
    """What the service refused, in the desk's language."""
    if isinstance(error, ValidationFailed) and error.errors:
        code = error.errors[0].code
        texts = {
            "too_many": translate("DeskRooms", "Every attendee of this booking is named already: raise the number "
                                               "of people first (Edit…)."),
            "unknown_host": translate("DeskRooms", "This person is no longer in the directory."),
            "unknown_visit": translate("DeskRooms", "This invitation no longer exists."),
            "required": translate("DeskRooms", "Type the attendee's name."),
            "too_long": translate("DeskRooms", "The name is too long."),
            "bad_characters": translate("DeskRooms", "The name contains characters that are not allowed."),
        }
        if code in texts:
            return texts[code]
    return problem_text(error)


class AttendeeAdder(QWidget):
    added = Signal(object)  # BookingDetail, with the new attendee

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: BookingDetail | None = None
        self.visits: list[InvitationRow] = []
        self._asked = 0
        self.busy = False
        self.open_button = button(translate("DeskRooms", "Add attendee…"))
        self.open_button.clicked.connect(self.open)
        self.kinds = QButtonGroup(self)
        self.host_kind = QRadioButton(translate("DeskRooms", "A host"))
        self.visit_kind = QRadioButton(translate("DeskRooms", "An invited visitor"))
        self.name_kind = QRadioButton(translate("DeskRooms", "A name"))
        for kind, radio in ((HOST, self.host_kind), (VISIT, self.visit_kind), (NAME, self.name_kind)):
            self.kinds.addButton(radio, kind)
        self.host = HostField(ctx.search_hosts, ctx.pool)
        self.visit = QComboBox()
        self.visit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.visit.setMinimumContentsLength(16)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(translate("DeskRooms", "Name as it should appear"))
        self.name.returnPressed.connect(self.add)
        self.inputs = QStackedWidget()
        for widget in (self.host, self.visit, self.name):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addStretch(1)
            self.inputs.addWidget(holder)
        self.kinds.idToggled.connect(self._kind_toggled)
        self.problem = label(role="hint")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.hide()
        self.add_button = button(translate("DeskRooms", "Add"), "primary")
        self.close_button = button(translate("DeskRooms", "Cancel"))
        self.add_button.clicked.connect(self.add)
        self.close_button.clicked.connect(self.close_form)
        self.form = QFrame()
        self.form.setObjectName("RoomsCard")
        inner = QVBoxLayout(self.form)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.setSpacing(8)
        inner.addWidget(flow_row(self.host_kind, self.visit_kind, self.name_kind, spacing=14))
        inner.addWidget(self.inputs)
        inner.addWidget(self.problem)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.add_button)
        inner.addLayout(actions)
        self.form.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.form)
        self.host_kind.setChecked(True)

    # -- the booking -----------------------------------------------------------------------------------------

    def show_booking(self, detail: BookingDetail) -> None:
        """Another booking (or this one read again): the form folds away unless it is the same booking."""
        same = self.detail is not None and self.detail.row.booking_id == detail.row.booking_id
        self.detail = detail
        live = detail.row.status in LIVE
        full = len(detail.attendees) >= detail.row.attendee_count
        self.open_button.setEnabled(live and not full)
        self.open_button.setToolTip(translate("DeskRooms", "Every attendee is named; Edit… the number of people "
                                                           "to name more.") if live and full else "")
        if not same or not live or full:
            self.close_form()
        elif self.form.isVisible():
            self._fill_visits()

    def open(self) -> None:
        if self.detail is None:
            return
        self.open_button.hide()
        self.form.show()
        self._say("")
        self._read_visits()
        (self.host.edit, self.visit, self.name)[self.kinds.checkedId()].setFocus()

    def close_form(self) -> None:
        self.form.hide()
        self.open_button.show()
        self.host.stop()
        self.host.choose(None)
        self.name.clear()
        self._say("")

    def _kind_toggled(self, kind: int, on: bool) -> None:
        if on:
            self.inputs.setCurrentIndex(kind)
            self._say("")

    # -- the day's invited visitors ----------------------------------------------------------------------------

    def _read_visits(self) -> None:
        if self.detail is None:
            return
        self._asked += 1
        asked, day = self._asked, self.detail.row.starts_at.astimezone(self.ctx.zone).date()
        self.ctx.pool.submit(self.ctx.invited_on, day, on_done=lambda rows: self._visits_read(asked, rows),
                             on_error=lambda error: self._say(attendee_problem(error)))

    def _visits_read(self, asked: int, rows: list[InvitationRow]) -> None:
        if asked == self._asked:
            self.visits = [row for row in rows if row.status in COMING]
            self._fill_visits()

    def _fill_visits(self) -> None:
        present = {a.visit_id for a in self.detail.attendees} if self.detail is not None else set()
        chosen = self.visit.currentData()
        self.visit.clear()
        for row in self.visits:
            if row.id in present:
                continue
            when = row.expected_start.astimezone(self.ctx.zone).strftime("%H:%M") if row.expected_start else ""
            text = " · ".join(part for part in (row.visitor_name, row.company) if part)
            seeing = " ".join(part for part in (row.host_name, when) if part)
            self.visit.addItem(f"{text} — {seeing}" if seeing else text, row.id)
            self.visit.setItemData(self.visit.count() - 1, plain_tooltip(self.visit.itemText(self.visit.count() - 1)),
                                   Qt.ItemDataRole.ToolTipRole)
        if not self.visit.count():
            self.visit.addItem(translate("DeskRooms", "No one else invited that day"), None)
        self.visit.setCurrentIndex(max(self.visit.findData(chosen), 0))

    # -- adding ------------------------------------------------------------------------------------------------

    def attendee(self) -> AttendeeForm | None:
        """The attendee as the form says, or None (and the reason shown) when nothing is chosen or typed."""
        kind = self.kinds.checkedId()
        if kind == HOST:
            if self.host.selected is None:
                self._say(translate("DeskRooms", "Choose the host from the list."))
                return None
            return AttendeeForm(host_id=self.host.selected.id)
        if kind == VISIT:
            visit_id = self.visit.currentData()
            if not isinstance(visit_id, int):
                self._say(translate("DeskRooms", "Choose the invited visitor."))
                return None
            return AttendeeForm(visit_id=visit_id)
        if not self.name.text().strip():
            self._say(translate("DeskRooms", "Type the attendee's name."))
            return None
        return AttendeeForm(name=self.name.text())

    def add(self) -> None:
        if self.detail is None or self.busy:
            return
        attendee = self.attendee()
        if attendee is None:
            return
        self.busy = True
        self.add_button.setEnabled(False)
        booking_id, gateway = self.detail.row.booking_id, self.ctx.gateway
        self.ctx.pool.submit(gateway.add_attendee, booking_id, attendee, on_done=self._added, on_error=self._failed)

    def _added(self, detail: BookingDetail) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        self.close_form()
        self.added.emit(detail)

    def _failed(self, error: ServiceError) -> None:
        self.busy = False
        self.add_button.setEnabled(True)
        self._say(attendee_problem(error))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def retranslate(self) -> None:
        self.open_button.setText(translate("DeskRooms", "Add attendee…"))
        self.host_kind.setText(translate("DeskRooms", "A host"))
        self.visit_kind.setText(translate("DeskRooms", "An invited visitor"))
        self.name_kind.setText(translate("DeskRooms", "A name"))
        self.name.setPlaceholderText(translate("DeskRooms", "Name as it should appear"))
        self.add_button.setText(translate("DeskRooms", "Add"))
        self.close_button.setText(translate("DeskRooms", "Cancel"))
        self.host.retranslate()
        if self.form.isVisible():
            self._fill_visits()


__all__ = ["AttendeeAdder", "attendee_problem"]
