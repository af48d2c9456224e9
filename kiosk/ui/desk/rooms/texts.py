"""The room views' words and colours: states, statuses, levels, equipment, checklist lines, refusals.

Every state and status has a word as well as a colour (a colour alone says nothing to a colour-blind
receptionist, nor on a grey printout).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.application.gateways.desk_rooms import (
    BookingLevel,
    BookingRefused,
    BookingStatus,
    ChecklistKey,
    ChecklistLine,
    Equipment,
    RefusalReason,
    RoomRow,
    RoomState,
)
from kiosk.services.errors import ServiceError, ValidationFailed

translate = QCoreApplication.translate

# (text, background) of each state chip: the board's rooms, the rooms list.
STATE_COLOURS: dict[RoomState, tuple[str, str]] = {
    RoomState.FREE: ("#0b6b4f", "#e3f4ec"),
    RoomState.BOOKED: ("#1d4ed8", "#e7eefe"),
    RoomState.IN_USE: ("#9a4a00", "#fff1dc"),
    RoomState.CLEANING: ("#6d3fc0", "#f0eafd"),
    RoomState.OUT_OF_ORDER: ("#b42318", "#fde8e7"),
}
STATUS_COLOURS: dict[BookingStatus, tuple[str, str]] = {
    BookingStatus.BOOKED: ("#1d4ed8", "#e7eefe"),
    BookingStatus.CONFIRMED: ("#0b6b4f", "#e3f4ec"),
    BookingStatus.DONE: ("#52606d", "#eef1f4"),
    BookingStatus.RELEASED: ("#9a4a00", "#fff1dc"),
    BookingStatus.DISPLACED: ("#b42318", "#fde8e7"),
    BookingStatus.CANCELLED: ("#7b8794", "#f5f7f8"),
}
WARN = ("#9a4a00", "#fff4e0")  # not prepared yet, will displace
REFUSED = ("#b42318", "#fef3f2")
FINE = ("#0b6b4f", "#e8f5ef")
LIVE = frozenset({BookingStatus.BOOKED, BookingStatus.CONFIRMED})
LINE_HEIGHT = 34  # a line of the room views' short lists (set, so no theme makes it a touch target)

STYLE = (
    "QComboBox, QSpinBox, QDateEdit, QTimeEdit, QLineEdit { font-size: 15px; min-height: 34px; padding: 0 8px;"
    " border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QPlainTextEdit { font-size: 15px; border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff; }"
    "QComboBox:disabled, QLineEdit:read-only { background: #f5f7f8; color: #52606d; }"
    "QComboBox::drop-down, QDateEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right;"
    " width: 26px; border: none; }"
    "QComboBox::down-arrow, QDateEdit::down-arrow {"
    " image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png); width: 12px; height: 12px; }"
    # The spin arrows drawn under this style sheet are broken corners: typed, or the arrow keys and the wheel.
    "QAbstractSpinBox::up-button, QAbstractSpinBox::down-button { width: 0px; border: none; }"
    "QCheckBox, QRadioButton { font-size: 15px; color: #1f2a33; spacing: 8px; }"
    "QTableWidget { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    "QListWidget { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    "QListWidget::item { padding: 6px 8px; }"
    'QLabel[role="field"] { font-size: 13px; font-weight: 600; color: #52606d; }'
    'QLabel[role="hint"] { font-size: 13px; color: #7b8794; }'
    'QLabel[role="who"] { font-size: 12px; color: #7b8794; }'
    'QLabel[role="heading"] { font-size: 19px; font-weight: 600; color: #1f2a33; }'
    'QLabel[role="line"] { font-size: 14px; border-radius: 8px; padding: 8px 12px; }'
    'QLabel[role="line"][tone="refused"] { color: #b42318; background: #fef3f2; border: 1px solid #fda29b; }'
    'QLabel[role="line"][tone="warn"] { color: #8a4300; background: #fff4e0; border: 1px solid #f5c77e; }'
    'QLabel[role="line"][tone="fine"] { color: #0b6b4f; background: #e8f5ef; border: 1px solid #9fd6bf; }'
    'QLabel[role="line"][tone="quiet"] { color: #52606d; background: #f5f7f8; border: 1px solid #e4e7eb; }'
    'QLabel[role="tag"] { font-size: 13px; font-weight: 600; border-radius: 10px; padding: 2px 10px; }'
    'QPushButton[role="chip"][alert="true"] { color: #b42318; border-color: #fda29b; background: #fef3f2; }'
    "QFrame#RoomsCard { background: #ffffff; border: 1px solid #e4e7eb; border-radius: 10px; }"
)


def tone(widget: QWidget, name: str) -> None:
    """A message line's look: refused (red), warn (amber), fine (green), quiet (grey)."""
    widget.setProperty("tone", name)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def tag_style(colours: tuple[str, str]) -> str:
    return f"color: {colours[0]}; background: {colours[1]};"


def state_text(state: RoomState) -> str:
    return {
        RoomState.FREE: translate("DeskRooms", "Free"),
        RoomState.BOOKED: translate("DeskRooms", "Booked"),
        RoomState.IN_USE: translate("DeskRooms", "In use"),
        RoomState.CLEANING: translate("DeskRooms", "Cleaning"),
        RoomState.OUT_OF_ORDER: translate("DeskRooms", "Out of order"),
    }.get(state, str(state))


def status_text(status: BookingStatus) -> str:
    return {
        BookingStatus.BOOKED: translate("DeskRooms", "Booked"),
        BookingStatus.CONFIRMED: translate("DeskRooms", "Confirmed"),
        BookingStatus.RELEASED: translate("DeskRooms", "Released (no-show)"),
        BookingStatus.DISPLACED: translate("DeskRooms", "Displaced"),
        BookingStatus.CANCELLED: translate("DeskRooms", "Cancelled"),
        BookingStatus.DONE: translate("DeskRooms", "Done"),
    }.get(status, str(status))


def level_text(level: BookingLevel) -> str:
    return {
        BookingLevel.COMPANY: translate("DeskRooms", "Company"),
        BookingLevel.DEPARTMENT: translate("DeskRooms", "Department"),
    }.get(level, str(level))


def equipment_text(item: Equipment) -> str:
    return {
        Equipment.PROJECTOR: translate("DeskRooms", "Projector"),
        Equipment.MICROPHONE: translate("DeskRooms", "Microphone"),
        Equipment.SPEAKERS: translate("DeskRooms", "Speakers"),
        Equipment.SCREEN: translate("DeskRooms", "Screen"),
        Equipment.WHITEBOARD: translate("DeskRooms", "Whiteboard"),
        Equipment.VIDEO_CONFERENCE: translate("DeskRooms", "Video conference"),
    }.get(item, str(item))


def equipment_short(item: Equipment) -> str:
    """The board's room column: a word or two."""
    return {
        Equipment.PROJECTOR: translate("DeskRooms", "Proj."),
        Equipment.MICROPHONE: translate("DeskRooms", "Mic"),
        Equipment.SPEAKERS: translate("DeskRooms", "Audio"),
        Equipment.SCREEN: translate("DeskRooms", "Screen"),
        Equipment.WHITEBOARD: translate("DeskRooms", "Board"),
        Equipment.VIDEO_CONFERENCE: translate("DeskRooms", "VC"),
    }.get(item, str(item))


def equipment_list(items: Iterable[Equipment], *, short: bool = False) -> str:
    words = [equipment_short(item) if short else equipment_text(item) for item in Equipment if item in set(items)]
    return " · ".join(words)


def checklist_text(line: ChecklistLine, catering: str = "") -> str:
    """"Water × 12", "Copies × 14": the quantity the rulebook asks for, from the attendee count."""
    n = line.quantity or 0
    texts = {
        ChecklistKey.CONFIRM_DETAILS: translate("DeskRooms", "Confirm time, room, attendees and topic"),
        ChecklistKey.TEST_PROJECTOR: translate("DeskRooms", "Test the projector"),
        ChecklistKey.TEST_MICROPHONE: translate("DeskRooms", "Test the microphone"),
        ChecklistKey.TEST_SPEAKERS: translate("DeskRooms", "Test the speakers"),
        ChecklistKey.TEST_SCREEN: translate("DeskRooms", "Test the screen"),
        ChecklistKey.TEST_VIDEO_CONFERENCE: translate("DeskRooms", "Test the video conference"),
        ChecklistKey.WATER: translate("DeskRooms", "Water × {n}").format(n=n),
        ChecklistKey.COPIES: translate("DeskRooms", "Copies × {n}").format(n=n),
        ChecklistKey.PEN_AND_PAPER: translate("DeskRooms", "Pen and paper × {n}").format(n=n),
        ChecklistKey.LAYOUT: translate("DeskRooms", "Arrange the tables"),
        ChecklistKey.TEMPERATURE: translate("DeskRooms", "Air conditioning at 22–25 °C"),
        ChecklistKey.CATERING: translate("DeskRooms", "Catering"),
        ChecklistKey.TIDY: translate("DeskRooms", "Room tidied"),
        ChecklistKey.EQUIPMENT_BACK: translate("DeskRooms", "Equipment back in place and working"),
        ChecklistKey.SUPPLIES_CHECKED: translate("DeskRooms", "Supplies checked"),
        ChecklistKey.ROOM_RESTORED: translate("DeskRooms", "Room restored"),
    }
    text = texts.get(line.key, str(line.key))
    if line.key is ChecklistKey.CATERING and catering:
        text = translate("DeskRooms", "{what}: {detail}").format(what=text, detail=catering)
    elif line.quantity and line.key not in (ChecklistKey.WATER, ChecklistKey.COPIES, ChecklistKey.PEN_AND_PAPER):
        text = f"{text} × {line.quantity}"
    return text


# pyside6-lupdate only finds a plural text whose count is a plain name: ``n``, never ``len(rows)``.
def seats(n: int) -> str:
    return translate("DeskRooms", "%n seat(s)", "", n)


def attendees(n: int) -> str:
    return translate("DeskRooms", "%n attendee(s)", "", n)


def person(actor: str) -> str:
    """``staff:amy`` as amy: who ticked a line, who reported a damage."""
    return actor.split(":", 1)[1] if ":" in actor else actor


def hm(at: datetime | None, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M") if at is not None else ""


def day_hm(at: datetime | None, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%m-%d %H:%M") if at is not None else ""


def slot_text(starts_at: datetime, ends_at: datetime, zone: ZoneInfo, *, with_day: bool = True) -> str:
    start = starts_at.astimezone(zone)
    end = ends_at.astimezone(zone)
    day = f"{start:%Y-%m-%d} " if with_day else ""
    return f"{day}{start:%H:%M}–{end:%H:%M}"


def room_choice_text(room: RoomRow) -> str:
    """"Orchid · 3F · 12 seats" for the booking form's room box."""
    parts = [room.name, room.floor, seats(room.capacity)]
    text = " · ".join(part for part in parts if part)
    if room.out_of_order:
        text += " · " + state_text(RoomState.OUT_OF_ORDER)
    return text


def refusal_text(error: BookingRefused, zone: ZoneInfo, rooms: Iterable[RoomRow] = (), *,
                 missing: Iterable[Equipment] = ()) -> str:
    """One line in the desk's language: the reason, and for a conflict the booking in the way."""
    reason = error.reason
    if reason is RefusalReason.CONFLICT and error.conflicting is not None:
        other = error.conflicting
        return translate("DeskRooms", "Taken: #{id} {topic} ({organiser}) {slot}, cleaning until {busy}").format(
            id=other.booking_id, topic=other.topic or translate("DeskRooms", "(no topic)"),
            organiser=other.organiser_name, slot=slot_text(other.starts_at, other.ends_at, zone, with_day=False),
            busy=hm(other.busy_until, zone))
    if reason is RefusalReason.CAPACITY:
        n = error.limit or 0
        return translate("DeskRooms", "Too many attendees: the room seats %n.", "", n)
    if reason is RefusalReason.NOTICE_PERIOD:
        n = error.limit or 1
        return translate("DeskRooms", "Departments book at least %n day(s) ahead; tick “ad-hoc” for a meeting "
                                      "registered at the desk.", "", n)
    if reason is RefusalReason.EQUIPMENT:
        lacking = equipment_list(missing)
        return (translate("DeskRooms", "The room has no {equipment}.").format(equipment=lacking) if lacking else
                translate("DeskRooms", "The room lacks equipment the meeting needs."))
    texts = {
        RefusalReason.CONFLICT: translate("DeskRooms", "Another booking holds this slot."),
        RefusalReason.NEEDS_APPROVAL: translate("DeskRooms", "This room is lent only with a supervisor's approval."),
        RefusalReason.OUT_OF_ORDER: translate("DeskRooms", "The room is out of order until its repair is recorded."),
        RefusalReason.INACTIVE_ROOM: translate("DeskRooms", "The room is no longer in use."),
        RefusalReason.IN_THE_PAST: translate("DeskRooms", "The meeting would start in the past."),
        RefusalReason.TOO_LONG: translate("DeskRooms", "A meeting lasts at most a day: check the times."),
    }
    return texts.get(reason, error.message)


def problem_text(error: ServiceError) -> str:
    if isinstance(error, ValidationFailed):
        return translate("DeskRooms", "Check: {problems}").format(
            problems="; ".join(e.message or e.field for e in error.errors))
    known = {
        "duplicate_room": translate("DeskRooms", "A room of this name exists already."),
        "stale_version": translate("DeskRooms", "Someone changed this booking meanwhile: look at it again."),
        "booking_not_live": translate("DeskRooms", "This booking is no longer taking place."),
    }
    if error.code in known:
        return known[error.code]
    if error.code == "permission_denied":
        return translate("DeskRooms", "A supervisor does this.")
    if error.code == "conflict":
        return translate("DeskRooms", "Someone changed this meanwhile: {error}").format(error=error.message)
    if error.code == "not_found":
        return translate("DeskRooms", "Nothing found: it may have been changed meanwhile.")
    return translate("DeskRooms", "That did not work: {error}").format(error=error.message)
