"""The booking form (new or edit): room (or a free one found for the slot), organiser, day and times,
attendees, level, topic, equipment, catering, print material, ad-hoc, weekly until. A moment after each
change the gateway's check runs on the worker pool and one line says whether the slot can be had (or whom a
company meeting will displace); saving books, and the dialog keeps the outcome for the page to show."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QSize, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from kiosk.application.gateways.desk_invitations import HostSummary
from kiosk.application.gateways.desk_rooms import (
    AttendeeForm,
    BookingDetail,
    BookingForm,
    BookingLevel,
    BookingMade,
    BookingRefused,
    Equipment,
    RoomOffer,
    SeriesMade,
)
from kiosk.services.errors import ServiceError
from kiosk.ui.desk.invitation_forms import HostField
from kiosk.ui.desk.rooms.booking_layout import lay_out
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.outcomes import CheckAnswer, displaces_text, free_text, live_check, made_text, series_text
from kiosk.ui.desk.rooms.texts import (
    LINE_HEIGHT,
    STYLE,
    equipment_text,
    problem_text,
    refusal_text,
    room_choice_text,
    seats,
    tone,
    translate,
)
from kiosk.ui.desk.widgets import button, label

CHECK_DELAY_MS = 350
TEXT_MAX = 200


class BookingDialog(QDialog):
    def __init__(self, ctx: RoomsContext, *, detail: BookingDetail | None = None, room_id: int | None = None,
                 start: datetime | None = None, notice_days: int = 1, parent: QWidget | None = None,
                 check_delay_ms: int = CHECK_DELAY_MS) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.editing = detail.row.booking_id if detail is not None else None
        self.outcome: BookingMade | SeriesMade | None = None
        self.outcome_text = ""
        self._asked = 0
        self.setStyleSheet(STYLE)
        self.setModal(True)
        self.setWindowTitle(translate("DeskRooms", "Edit booking #{id}").format(id=self.editing) if detail
                            else translate("DeskRooms", "New booking"))
        self.room = QComboBox()
        for room in ctx.rooms:
            if room.active:
                self.room.addItem(room_choice_text(room), room.room_id)
        self.find_button = button(translate("DeskRooms", "Find a free room"))
        self.find_button.clicked.connect(self.find_free_rooms)
        self.offers = QListWidget()
        self.offers.hide()
        self.offers.itemClicked.connect(self._offer_chosen)
        self.organiser = HostField(ctx.search_hosts, ctx.pool)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start, self.end = QTimeEdit(), QTimeEdit()
        for box in (self.start, self.end):
            box.setDisplayFormat("HH:mm")
            box.setFixedWidth(84)
        self.attendees = QSpinBox()
        self.attendees.setRange(1, 500)
        self.attendees.setFixedWidth(84)
        self.attendees.setSuffix(translate("DeskRooms", " people"))
        self.department_level = QRadioButton(translate("DeskRooms", "Department"))
        self.company_level = QRadioButton(translate("DeskRooms", "Company"))
        self.levels = QButtonGroup(self)
        for radio in (self.department_level, self.company_level):
            self.levels.addButton(radio)
        self.department_level.setChecked(True)
        self.topic, self.catering, self.print_material = QLineEdit(), QLineEdit(), QLineEdit()
        for line in (self.topic, self.catering, self.print_material):
            line.setMaxLength(TEXT_MAX)
        self.catering.setPlaceholderText(translate("DeskRooms", "e.g. tea and fruit at 15:00"))
        self.print_material.setPlaceholderText(translate("DeskRooms", "e.g. the agenda, 2 pages"))
        self.equipment = {item: QCheckBox(equipment_text(item)) for item in Equipment}
        self.ad_hoc = QCheckBox(translate("DeskRooms", "Ad-hoc meeting, registered by the desk"))
        self.ad_hoc_hint = label(translate("DeskRooms", "Departments book at least %n day(s) ahead; an ad-hoc "
                                                        "meeting is registered when it happens.", "", notice_days),
                                 "hint")
        self.ad_hoc_hint.setWordWrap(True)
        self.repeat = QCheckBox(translate("DeskRooms", "Repeat weekly until"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setEnabled(False)
        self.repeat.toggled.connect(self.until.setEnabled)
        self.check_line = label(role="line")
        self.check_line.setWordWrap(True)
        self.save_button = button(translate("DeskRooms", "Save") if detail else translate("DeskRooms", "Book"),
                                  "primary")
        self.cancel_button = button(translate("Desk", "Cancel"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(check_delay_ms)
        self._timer.timeout.connect(self.check_now)
        lay_out(self, new=detail is None)
        self._fill(detail, room_id, start)
        self._watch()
        self.check_now()

    def _fill(self, detail: BookingDetail | None, room_id: int | None, start: datetime | None) -> None:
        zone = self.ctx.zone
        if detail is not None:
            row = detail.row
            room_id, start = row.room_id, row.starts_at
            end = row.ends_at
            self.organiser.choose(HostSummary(row.organiser_host_id, row.organiser_name, row.department,
                                              row.organiser_email))
            self.attendees.setValue(row.attendee_count)
            (self.company_level if row.level is BookingLevel.COMPANY else self.department_level).setChecked(True)
            self.topic.setText(row.topic)
            self.catering.setText(detail.catering)
            self.print_material.setText(detail.print_material)
            self.ad_hoc.setChecked(row.ad_hoc)
            for item in detail.equipment_needed:
                self.equipment[item].setChecked(True)
        else:
            start = start or self._next_half_hour()
            end = start + timedelta(hours=1)
        if room_id is not None and self.room.findData(room_id) >= 0:
            self.room.setCurrentIndex(self.room.findData(room_id))
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        self.day.setDate(QDate(local_start.year, local_start.month, local_start.day))
        self.start.setTime(QTime(local_start.hour, local_start.minute))
        self.end.setTime(QTime(local_end.hour, local_end.minute))
        later = local_start.date() + timedelta(weeks=4)
        self.until.setDate(QDate(later.year, later.month, later.day))

    def _next_half_hour(self) -> datetime:
        now = self.ctx.now().astimezone(self.ctx.zone)
        return (now + timedelta(minutes=30 - now.minute % 30)).replace(second=0, microsecond=0)

    def _watch(self) -> None:
        for signal in (self.room.currentIndexChanged, self.day.dateChanged, self.start.timeChanged,
                       self.end.timeChanged, self.attendees.valueChanged, self.levels.buttonToggled,
                       self.ad_hoc.toggled, self.organiser.host_changed, *(box.toggled for box in
                                                                          self.equipment.values())):
            signal.connect(lambda *_args: self._timer.start())

    # -- the form as typed ---------------------------------------------------------------------------------

    def _instant(self, edit: QTimeEdit) -> datetime:
        chosen, at = self.day.date(), edit.time()
        return datetime.combine(date(chosen.year(), chosen.month(), chosen.day()), time(at.hour(), at.minute()),
                                tzinfo=self.ctx.zone)

    def form(self) -> BookingForm | None:
        """None while the room or the organiser is missing."""
        room_id, organiser = self.room.currentData(), self.organiser.selected
        if room_id is None or organiser is None:
            return None
        starts_at, ends_at = self._instant(self.start), self._instant(self.end)
        if ends_at <= starts_at:
            ends_at += timedelta(days=1)  # across midnight
        return BookingForm(
            room_id=int(room_id), organiser_host_id=organiser.id, starts_at=starts_at, ends_at=ends_at,
            attendee_count=self.attendees.value(),
            level=BookingLevel.COMPANY if self.company_level.isChecked() else BookingLevel.DEPARTMENT,
            topic=self.topic.text().strip(), equipment_needed=frozenset(
                item for item, box in self.equipment.items() if box.isChecked()),
            catering=self.catering.text().strip(), print_material=self.print_material.text().strip(),
            ad_hoc=self.ad_hoc.isChecked(), attendees=self._attendees())

    def _attendees(self) -> tuple[AttendeeForm, ...]:
        """An edit keeps the attendees named so far (the service replaces them with the form's)."""
        if self.detail is None:
            return ()
        return tuple(AttendeeForm(host_id=a.host_id, visit_id=a.visit_id,
                                  name="" if a.host_id or a.visit_id else a.name) for a in self.detail.attendees)

    def until_day(self) -> date | None:
        if not self.repeat.isChecked() or self.editing is not None:
            return None
        chosen = self.until.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    # -- the live check ------------------------------------------------------------------------------------

    def check_now(self) -> None:
        self._timer.stop()
        self._asked += 1
        form = self.form()
        if form is None:
            self._say(translate("DeskRooms", "Choose the room and the organiser."), "quiet")
            return
        asked = self._asked
        self.ctx.pool.submit(live_check, self.ctx.gateway, form, self.editing, self.ctx.zone,
                             on_done=lambda answer: self._checked(asked, form, answer),
                             on_error=lambda error: self._check_failed(asked, error))

    def _checked(self, asked: int, form: BookingForm, answer: CheckAnswer) -> None:
        if asked != self._asked:
            return  # edited since
        if answer.refused is not None:
            self._say(self._refusal(answer.refused, form), "refused")
        elif answer.displaces:
            self._say(displaces_text(answer.displaces, self.ctx.zone), "warn")
        else:
            room = self.ctx.room(form.room_id)
            self._say(free_text(room.name if room else "", form, self.ctx.zone), "fine")

    def _check_failed(self, asked: int, error: ServiceError) -> None:
        if asked == self._asked:
            self._say(problem_text(error), "refused")

    def _refusal(self, refused: BookingRefused, form: BookingForm) -> str:
        room = self.ctx.room(form.room_id)
        missing = form.equipment_needed - set(room.equipment) if room else frozenset()
        return refusal_text(refused, self.ctx.zone, missing=missing)

    def _say(self, text: str, name: str) -> None:
        self.check_line.setText(text)
        tone(self.check_line, name)

    # -- free rooms ----------------------------------------------------------------------------------------

    def find_free_rooms(self) -> None:
        form = self.form()
        starts_at, ends_at = self._instant(self.start), self._instant(self.end)
        equipment = form.equipment_needed if form else frozenset(
            item for item, box in self.equipment.items() if box.isChecked())
        gateway, count, editing = self.ctx.gateway, self.attendees.value(), self.editing
        self.ctx.pool.submit(lambda: gateway.free_rooms(starts_at, ends_at, count, equipment,
                                                        exclude_booking_id=editing), on_done=self._show_offers,
                             on_error=lambda error: self._say(problem_text(error), "refused"))

    def _show_offers(self, offers: list[RoomOffer]) -> None:
        self.offers.clear()
        for offer in offers:
            parts = [offer.name, offer.floor, seats(offer.capacity)]
            item = QListWidgetItem(" · ".join(part for part in parts if part))
            item.setData(Qt.ItemDataRole.UserRole, offer.room_id)
            self.offers.addItem(item)
        if not offers:
            self.offers.addItem(translate("DeskRooms", "No room is free for this slot with these seats and "
                                                       "equipment."))
        for row in range(self.offers.count()):
            self.offers.item(row).setSizeHint(QSize(0, LINE_HEIGHT))
        self.offers.setFixedHeight(10 + LINE_HEIGHT * min(4, self.offers.count()))
        self.offers.show()

    def _offer_chosen(self, item: QListWidgetItem) -> None:
        room_id = item.data(Qt.ItemDataRole.UserRole)
        if room_id is not None and self.room.findData(room_id) >= 0:
            self.room.setCurrentIndex(self.room.findData(room_id))
            self.offers.hide()

    # -- saving --------------------------------------------------------------------------------------------

    def save(self) -> None:
        form = self.form()
        if form is None:
            self.check_now()
            return
        self._timer.stop()
        self._asked += 1  # a check still out would overwrite the answer
        self.save_button.setEnabled(False)
        gateway, until = self.ctx.gateway, self.until_day()
        if self.editing is not None and self.detail is not None:
            self.ctx.pool.submit(gateway.edit, self.editing, self.detail.row.version, form,
                                 on_done=self._saved, on_error=lambda e: self._refused(e, form))
        elif until is not None:
            self.ctx.pool.submit(gateway.book_weekly, form, until, on_done=self._saved,
                                 on_error=lambda e: self._refused(e, form))
        else:
            self.ctx.pool.submit(gateway.book, form, on_done=self._saved, on_error=lambda e: self._refused(e, form))

    def _saved(self, outcome: BookingMade | SeriesMade) -> None:
        self.outcome = outcome
        self.outcome_text = (series_text(outcome, self.ctx.zone) if isinstance(outcome, SeriesMade)
                             else made_text(outcome, self.ctx.zone))
        self.accept()

    def _refused(self, error: ServiceError, form: BookingForm) -> None:
        self.save_button.setEnabled(True)
        self._say(self._refusal(error, form) if isinstance(error, BookingRefused) else problem_text(error),
                  "refused")

    def done(self, result: int) -> None:
        self._timer.stop()
        self.organiser.stop()
        super().done(result)
