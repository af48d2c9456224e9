"""One booking in full: what, where, when, who (the organiser, the attendees), what it needs; confirm, edit and
cancel; the preparation checklist ticked line by line (who and when beside each); the after-use inspection.

A side panel of the Bookings tab, and the dialog a click on the status board opens. Replaceable questions:
``ask_reason(title, prompt, action) -> str | None`` (cancelling), ``confirm(title, text, yes) -> bool``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_rooms import BookingDetail, BookingLevel, BookingStatus, ChecklistPhase
from kiosk.services.errors import ServiceError
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.common.plain_text import button_text
from kiosk.ui.desk.dialogs import ask_reason, ask_to_confirm
from kiosk.ui.desk.rooms.attendees import AttendeeAdder
from kiosk.ui.desk.rooms.context import RoomsContext
from kiosk.ui.desk.rooms.facts import booking_facts
from kiosk.ui.desk.rooms.inspection import InspectionBox
from kiosk.ui.desk.rooms.texts import (
    LIVE,
    STATUS_COLOURS,
    STYLE,
    WARN,
    checklist_text,
    day_hm,
    hm,
    level_text,
    person,
    problem_text,
    status_text,
    tag_style,
    tone,
    translate,
)
from kiosk.ui.desk.widgets import button, label

COMPANY_TAG = ("#ffffff", "#3f3ab8")
DEPARTMENT_TAG = ("#0f5f58", "#d6efe8")


def clear_layout(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone from the screen now, deleted once the event loop comes round
            widget.deleteLater()


class BookingPanel(QScrollArea):
    changed = Signal()  # something was done: the page reads again
    edit_requested = Signal(object)  # BookingDetail

    def __init__(self, ctx: RoomsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: BookingDetail | None = None
        self._asked = 0
        self.ask_reason: Callable[..., str | None] = lambda title, prompt, action: ask_reason(
            self, title, prompt, action)
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, yes: ask_to_confirm(self, title, text, yes)
        self.setObjectName("BookingPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(STYLE + "QScrollArea#BookingPanel, QWidget#BookingPanelBody { background: #ffffff; }")
        body = QWidget()
        body.setObjectName("BookingPanelBody")
        self.setWidget(body)
        self.empty = label(translate("DeskRooms", "Choose a booking to see it in full."), "hint")
        self.heading = label(role="heading")
        self.heading.setWordWrap(True)
        self.status_tag, self.level_tag, self.ad_hoc_tag = label(role="tag"), label(role="tag"), label(role="tag")
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(5)
        self.attendees = label(role="small")
        self.attendees.setWordWrap(True)
        self.adder = AttendeeAdder(ctx)
        self.adder.added.connect(self._attendee_added)
        self.confirm_button = button(translate("DeskRooms", "Confirm"), "primary")
        self.edit_button = button(translate("DeskRooms", "Edit…"))
        self.cancel_button = button(translate("DeskRooms", "Cancel booking…"), "danger")
        self.series_button = button(translate("DeskRooms", "Cancel the series…"), "danger")
        self.confirm_button.clicked.connect(self.confirm_booking)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.detail) if self.detail else None)
        self.cancel_button.clicked.connect(self.cancel_booking)
        self.series_button.clicked.connect(self.cancel_series)
        self.prepared = label(role="section")
        self.prepare_lines = QGridLayout()
        self.prepare_lines.setVerticalSpacing(2)
        self.prepare_lines.setColumnStretch(0, 1)
        self.ticks: dict[int, QCheckBox] = {}
        self.inspect_title = label(translate("DeskRooms", "After use"), "section")
        self.inspect_hint = label(role="hint")
        self.inspect_hint.setWordWrap(True)
        self.inspection = InspectionBox(ctx)
        self.inspection.recorded.connect(self._inspected)
        self.inspection.failed.connect(lambda text: self._say(text, "refused"))
        self.message = label(role="line")
        self.message.setWordWrap(True)
        self.message.hide()
        tags = QHBoxLayout()
        for tag in (self.status_tag, self.level_tag, self.ad_hoc_tag):
            tags.addWidget(tag)
        tags.addStretch(1)
        # The booking's buttons wrap in a narrow panel rather than run out of it.
        actions = flow_row(self.confirm_button, self.edit_button, self.cancel_button, self.series_button)
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(8)
        inner.addWidget(self.heading)
        inner.addLayout(tags)
        inner.addLayout(self.facts)
        inner.addWidget(label(translate("DeskRooms", "Attendees"), "section"))
        inner.addWidget(self.attendees)
        inner.addWidget(self.adder)
        inner.addWidget(actions)
        inner.addWidget(self.message)
        inner.addWidget(self.prepared)
        inner.addLayout(self.prepare_lines)
        inner.addSpacing(6)
        inner.addWidget(self.inspect_title)
        inner.addWidget(self.inspect_hint)
        inner.addWidget(self.inspection)
        self.content.hide()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.empty)
        layout.addWidget(self.content)
        layout.addStretch(1)

    # -- reading -------------------------------------------------------------------------------------------

    def show_booking(self, booking_id: int | None) -> None:
        self._asked += 1
        if booking_id is None:
            self.detail = None
            self.content.hide()
            self.empty.show()
            return
        asked = self._asked
        self.ctx.pool.submit(self.ctx.gateway.booking, booking_id, on_done=lambda d: self._read(asked, d),
                             on_error=lambda e: self._say(problem_text(e), "refused"))

    def reload(self) -> None:
        if self.detail is not None:
            self.show_booking(self.detail.row.booking_id)

    def _read(self, asked: int, detail: BookingDetail) -> None:
        if asked != self._asked:
            return
        if self.detail is None or self.detail.row.booking_id != detail.row.booking_id:
            self.message.hide()
        self.detail = detail
        self.empty.hide()
        self.content.show()
        self._show(detail)

    def _show(self, detail: BookingDetail) -> None:
        row, zone = detail.row, self.ctx.zone
        self.heading.setText(f"#{row.booking_id} {row.topic or translate('DeskRooms', '(no topic)')}")
        self.status_tag.setText(status_text(row.status))
        self.status_tag.setStyleSheet(tag_style(STATUS_COLOURS[row.status]))
        self.level_tag.setText(level_text(row.level))
        self.level_tag.setStyleSheet(tag_style(COMPANY_TAG if row.level is BookingLevel.COMPANY else DEPARTMENT_TAG))
        self.ad_hoc_tag.setText(translate("DeskRooms", "Ad-hoc"))
        self.ad_hoc_tag.setStyleSheet(tag_style(WARN))
        self.ad_hoc_tag.setVisible(row.ad_hoc)
        clear_layout(self.facts)
        facts = booking_facts(detail, zone)
        for index, (name, value) in enumerate((name, value) for name, value in facts if value):
            self.facts.addWidget(label(name, "field"), index, 0, Qt.AlignmentFlag.AlignTop)
            shown = label(value, "small")
            shown.setWordWrap(True)
            self.facts.addWidget(shown, index, 1)
        self.facts.setColumnStretch(1, 1)
        names = [" · ".join(part for part in (a.name, a.email) if part) for a in detail.attendees]
        self.attendees.setText("\n".join(names) if names else translate("DeskRooms", "No names given."))
        self.adder.retranslate()
        self.adder.show_booking(detail)
        live = row.status in LIVE
        started = row.starts_at <= self.ctx.now()
        self.confirm_button.setVisible(row.status is BookingStatus.BOOKED)
        self.confirm_button.setEnabled(row.status is BookingStatus.BOOKED)
        self.edit_button.setEnabled(live and row.ends_at > self.ctx.now())
        self.cancel_button.setEnabled(live)
        self.series_button.setVisible(bool(row.series_id) and live)
        self._show_checklist(detail, live)
        inspecting = live and started
        self.inspection.setVisible(inspecting)
        if inspecting:
            self.inspection.show_booking(detail)
        self.inspect_hint.setVisible(not inspecting)
        self.inspect_hint.setText(self._inspect_hint(detail, live))

    def _inspect_hint(self, detail: BookingDetail, live: bool) -> str:
        if detail.row.status is BookingStatus.DONE:
            lines = [f"{checklist_text(line)}: {person(line.done_by)} · {day_hm(line.done_at, self.ctx.zone)}"
                     for line in detail.checklist if line.phase is ChecklistPhase.INSPECT and line.done_at]
            return "\n".join([translate("DeskRooms", "Inspected."), *lines])
        if live:
            return translate("DeskRooms", "Once the meeting has started: check the room after use here.")
        return ""

    def _show_checklist(self, detail: BookingDetail, live: bool) -> None:
        clear_layout(self.prepare_lines)
        self.ticks = {}
        lines = [line for line in detail.checklist if line.phase is ChecklistPhase.PREPARE]
        done = sum(1 for line in lines if line.done_at is not None)
        self.prepared.setText(translate("DeskRooms", "Preparation: {done} of {all} done").format(
            done=done, all=len(lines)))
        for index, line in enumerate(lines):
            box = QCheckBox(button_text(checklist_text(line, detail.catering)))  # "&" in a catering text stays
            box.setChecked(line.done_at is not None)
            box.setEnabled(live)
            box.toggled.connect(lambda on, item_id=line.item_id: self.tick(item_id, on))
            self.ticks[line.item_id] = box
            who = label(f"{person(line.done_by)} · {hm(line.done_at, self.ctx.zone)}" if line.done_at else "", "who")
            self.prepare_lines.addWidget(box, index, 0)
            self.prepare_lines.addWidget(who, index, 1, Qt.AlignmentFlag.AlignRight)

    # -- acting --------------------------------------------------------------------------------------------

    def tick(self, item_id: int, done: bool) -> None:
        box = self.ticks.get(item_id)
        if box is not None:
            box.setEnabled(False)
        gateway = self.ctx.gateway
        self.ctx.pool.submit(lambda: gateway.tick(item_id, done=done), on_done=lambda _line: self._acted(),
                             on_error=self._failed)

    def confirm_booking(self) -> None:
        if self.detail is not None:
            self.ctx.pool.submit(self.ctx.gateway.confirm, self.detail.row.booking_id,
                                 on_done=lambda _row: self._acted(translate("DeskRooms", "Confirmed: the room is "
                                                                                         "kept.")),
                                 on_error=self._failed)

    def cancel_booking(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        reason = self.ask_reason(translate("DeskRooms", "Cancel booking #{id}").format(id=row.booking_id),
                                 translate("DeskRooms", "Why is it cancelled? The organiser and the attendees are "
                                                        "told."), translate("DeskRooms", "Cancel booking"))
        if reason is None:
            return
        self.ctx.pool.submit(self.ctx.gateway.cancel, row.booking_id, reason,
                             on_done=lambda _row: self._acted(translate("DeskRooms", "Cancelled; the organiser and "
                                                                                     "attendees are told.")),
                             on_error=self._failed)

    def cancel_series(self) -> None:
        if self.detail is None or not self.detail.row.series_id:
            return
        row = self.detail.row
        day = row.starts_at.astimezone(self.ctx.zone).date()
        if not self.confirm(translate("DeskRooms", "Cancel the series"),
                            translate("DeskRooms", "Cancel every meeting of this weekly series from {day} on?").format(
                                day=f"{day:%Y-%m-%d}"), translate("DeskRooms", "Cancel the series")):
            return
        self.ctx.pool.submit(self.ctx.gateway.cancel_series, row.series_id, day,
                             on_done=lambda rows: self._series_cancelled(len(rows)),
                             on_error=self._failed)

    def _attendee_added(self, detail: BookingDetail) -> None:
        before = len(self.detail.attendees) if self.detail is not None else 0
        self.detail = detail
        self._show(detail)
        if len(detail.attendees) == before:  # the service adds a host or a visitor once
            self._say(translate("DeskRooms", "Already among the attendees."), "quiet")
            return
        self._say(translate("DeskRooms", "{name} added; the calendar invitation goes out again.").format(
            name=detail.attendees[-1].name), "fine")
        self.changed.emit()

    def _series_cancelled(self, n: int) -> None:
        self._acted(translate("DeskRooms", "%n meeting(s) cancelled.", "", n))

    def _inspected(self, _row: object) -> None:
        self._acted(translate("DeskRooms", "Inspection recorded; the organiser gets the summary."))

    def _acted(self, text: str = "") -> None:
        if text:
            self._say(text, "fine")
        self.reload()
        self.changed.emit()

    def _failed(self, error: ServiceError) -> None:
        self._say(problem_text(error), "refused")
        self.reload()

    def _say(self, text: str, name: str) -> None:
        self.message.setText(text)
        tone(self.message, name)
        self.message.show()


class BookingDetailDialog(QDialog):
    """The board's click: the same panel in a window of its own."""

    def __init__(self, ctx: RoomsContext, booking_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("DeskRooms", "Booking #{id}").format(id=booking_id))
        self.panel = BookingPanel(ctx, self)
        close = button(translate("DeskRooms", "Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(self.panel, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        row.addSpacing(16)
        layout.addLayout(row)
        self.resize(600, 760)
        self.panel.show_booking(booking_id)
