"""Where the booking form's fields go: the room, organiser, day and times, attendees and level, topic on the left;
equipment, catering, print material, ad-hoc and the weekly repeat on the right; the live check's line under
both, then Cancel and Book."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.desk.rooms.texts import translate
from kiosk.ui.desk.widgets import label

if TYPE_CHECKING:
    from kiosk.ui.desk.rooms.booking_form import BookingDialog


def field_label(text: str, height: int = 0) -> QWidget:
    """A field's name; ``height``: as tall as the box beside it, its text in the middle."""
    shown = label(text, "field")
    if height:
        shown.setFixedHeight(height)
        shown.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    return shown


def lay_out(dialog: BookingDialog, new: bool) -> None:
    left = QGridLayout()
    left.setHorizontalSpacing(10)
    room_line = QHBoxLayout()
    room_line.addWidget(dialog.room, 1)
    room_line.addWidget(dialog.find_button)
    room_row = QVBoxLayout()  # the free rooms found open under the room box
    room_row.setSpacing(4)
    room_row.addLayout(room_line)
    room_row.addWidget(dialog.offers)
    when = QHBoxLayout()
    for widget in (dialog.day, dialog.start, label("–"), dialog.end):
        when.addWidget(widget)
    when.addStretch(1)
    size = QHBoxLayout()
    size.addWidget(dialog.attendees)
    size.addSpacing(20)
    size.addWidget(dialog.department_level)
    size.addSpacing(16)
    size.addWidget(dialog.company_level)
    size.addStretch(1)
    rows: list[tuple[str, QWidget | QHBoxLayout | QVBoxLayout]] = [
        (translate("DeskRooms", "Room"), room_row),
        (translate("DeskRooms", "Organiser"), dialog.organiser), (translate("DeskRooms", "Date and time"), when),
        (translate("DeskRooms", "Attendees and level"), size), (translate("DeskRooms", "Topic"), dialog.topic),
    ]
    for index, (text, part) in enumerate(rows):
        left.addWidget(field_label(text, 38), index, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if isinstance(part, QHBoxLayout | QVBoxLayout):
            left.addLayout(part, index, 1)
        else:
            left.addWidget(part, index, 1)
    left.setRowStretch(len(rows), 1)
    left.setVerticalSpacing(12)
    right = QVBoxLayout()
    right.setSpacing(6)
    right.addWidget(field_label(translate("DeskRooms", "Equipment needed")))
    boxes = QGridLayout()
    for index, box in enumerate(dialog.equipment.values()):
        boxes.addWidget(box, index // 2, index % 2)
    right.addLayout(boxes)
    for text, line in ((translate("DeskRooms", "Catering"), dialog.catering),
                       (translate("DeskRooms", "Material to print"), dialog.print_material)):
        right.addWidget(field_label(text))
        right.addWidget(line)
    right.addSpacing(6)
    right.addWidget(dialog.ad_hoc)
    right.addWidget(dialog.ad_hoc_hint)
    repeat = QHBoxLayout()
    repeat.addWidget(dialog.repeat)
    repeat.addWidget(dialog.until, 1)
    right.addLayout(repeat)
    dialog.repeat.setVisible(new)
    dialog.until.setVisible(new)
    right.addStretch(1)
    columns = QHBoxLayout()
    columns.setSpacing(28)
    columns.addLayout(left, 3)
    columns.addLayout(right, 2)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(dialog.cancel_button)
    buttons.addWidget(dialog.save_button)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(14)
    layout.addWidget(label(dialog.windowTitle(), "heading"))
    layout.addLayout(columns)
    layout.addWidget(dialog.check_line)
    layout.addLayout(buttons)
    dialog.setMinimumWidth(980)
