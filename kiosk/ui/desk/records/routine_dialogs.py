"""The routine dialogs: a round done (the routine's lines to tick; a line left unticked, or a problem described,
makes a follow-up item, with a note and an optional photo) and a routine added or edited."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_routines import (
    CheckForm,
    DueCheck,
    RoutineSchedule,
    TemplateForm,
    TemplateRow,
)
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.ui.common.plain_text import button_text
from kiosk.ui.desk.records.routine_texts import STYLE, round_text, translate, weekday_text
from kiosk.ui.desk.widgets import button, label

PHOTO_MAX = 8 * 1024 * 1024
FILE_MAX = 4 * PHOTO_MAX  # a PNG may be larger than the JPEG it becomes; nothing bigger is read at all


def photo_jpeg(path: str) -> bytes:
    """On the worker pool: the picture as a JPEG of at most 8 MB (a PNG is converted), else ValidationFailed."""
    def refused(code: str, text: str) -> ValidationFailed:
        return ValidationFailed([FieldError("photo", code, text)])

    file = Path(path)
    try:
        if file.stat().st_size > FILE_MAX:
            raise refused("too_large", translate("DeskRoutines", "The photo is over 8 MB."))
        data = file.read_bytes()
    except OSError as exc:
        raise refused("unreadable", exc.strerror or str(exc)) from None
    if not data.startswith(b"\xff\xd8\xff"):
        image = QImage.fromData(data)
        if image.isNull():
            raise refused("invalid", translate("DeskRoutines", "This file is not a picture."))
        encoded = QByteArray()
        buffer = QBuffer(encoded)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "JPEG", 85)  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        buffer.close()
        data = bytes(encoded.data())
    if len(data) > PHOTO_MAX:
        raise refused("too_large", translate("DeskRoutines", "The photo is over 8 MB."))
    return data


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QHBoxLayout, QWidget]:
    ok, cancel = button(ok_text, "primary"), button(translate("Desk", "Cancel"))
    ok.clicked.connect(dialog.accept)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok


class CheckDialog(QDialog):
    """One round: tick each line found in order. ``answer()`` gives the form and the photo's file ("" none)."""

    def __init__(self, slot: DueCheck, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot, self.photo = slot, ""
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskRoutines", "Round done"))
        template = slot.template
        heading = label(f"{template.name} · {round_text(slot)} · {slot.due_on.isoformat()}", "cardtitle")
        where = label(template.area, "hint")
        self.texts = list(template.items)
        self.lines = [QCheckBox(button_text(item)) for item in self.texts]  # "&" would mark a shortcut
        all_fine = button(translate("DeskRoutines", "All fine"))
        all_fine.clicked.connect(self.tick_all)
        self.verdict = label(role="line")
        self.verdict.setWordWrap(True)
        self.problem = QLineEdit()
        self.problem.setMaxLength(500)
        self.problem.setPlaceholderText(translate("DeskRoutines", "A wet floor, a broken chair …"))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.photo_button = button(translate("DeskRoutines", "Photo…"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.photo_name = label(role="hint")
        form = QFormLayout()
        form.addRow(label(translate("DeskRoutines", "Problem"), "field"), self.problem)
        form.addRow(label(translate("DeskRoutines", "Note"), "field"), self.note)
        form.addRow(self.photo_button, self.photo_name)
        buttons, self.save = _buttons(self, translate("DeskRoutines", "Save"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(6)
        for line in self.lines:
            line.toggled.connect(lambda _on: self._update())
            layout.addWidget(line)
        fine_row = QHBoxLayout()
        fine_row.addWidget(all_fine)
        fine_row.addStretch(1)
        layout.addLayout(fine_row)
        layout.addSpacing(6)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.problem.textChanged.connect(lambda _text: self._update())
        self.setMinimumWidth(520)
        self._update()

    def tick_all(self) -> None:
        for line in self.lines:
            line.setChecked(True)

    def failed(self) -> tuple[str, ...]:
        return tuple(text for text, line in zip(self.texts, self.lines, strict=True) if not line.isChecked())

    def _update(self) -> None:
        failed, described = self.failed(), bool(self.problem.text().strip())
        unticked = len(failed)  # a plain name: lupdate reads no expression there
        if failed:
            text = translate("DeskRoutines", "%n line(s) not ticked: a problem to follow up.", "", unticked)
        elif described:
            text = translate("DeskRoutines", "A problem to follow up.")
        else:
            text = translate("DeskRoutines", "Every line ticked: passed.")
        self.verdict.setText(text)
        self.verdict.setProperty("tone", "warn" if failed or described else "fine")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.photo_button.setEnabled(bool(failed or described))

    def _choose_photo(self) -> None:
        path = QFileDialog.getOpenFileName(self, translate("DeskRoutines", "Photo of the problem"), "",
                                           "JPEG / PNG (*.jpg *.jpeg *.png)")[0]
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        self.photo = path
        self.photo_name.setText(Path(path).name)

    def answer(self) -> tuple[CheckForm, str]:
        failed = self.failed()
        photo = self.photo if failed or self.problem.text().strip() else ""
        return CheckForm(template_id=self.slot.template.template_id, due_on=self.slot.due_on, round=self.slot.round,
                         failed_items=failed, note=self.note.text(), problem=self.problem.text()), photo


SCHEDULES = (RoutineSchedule.DAILY, RoutineSchedule.TWICE_DAILY, RoutineSchedule.WEEKLY)


class TemplateDialog(QDialog):
    """A routine added (``row`` None) or edited: name, area, schedule (weekly: its day), one line per row."""

    def __init__(self, row: TemplateRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setStyleSheet(STYLE)
        self.setWindowTitle(translate("DeskRoutines", "Edit routine") if row else translate("DeskRoutines",
                                                                                            "New routine"))
        self.name, self.area = QLineEdit(row.name if row else ""), QLineEdit(row.area if row else "")
        self.name.setMaxLength(100)
        self.area.setMaxLength(100)
        self.area.setPlaceholderText(translate("DeskRoutines", "Corridor 2F, restrooms 3F …"))
        self.schedule = QComboBox()
        for text, schedule in ((translate("DeskRoutines", "Daily"), RoutineSchedule.DAILY),
                               (translate("DeskRoutines", "Twice a day (morning and afternoon)"),
                                RoutineSchedule.TWICE_DAILY),
                               (translate("DeskRoutines", "Weekly"), RoutineSchedule.WEEKLY)):
            self.schedule.addItem(text, schedule.value)
        self.weekday = QComboBox()
        for day in range(1, 8):
            self.weekday.addItem(weekday_text(day), day)
        if row is not None:
            self.schedule.setCurrentIndex(SCHEDULES.index(row.schedule))
            self.weekday.setCurrentIndex(row.weekday - 1)
        self.schedule.currentIndexChanged.connect(lambda _i: self._update())
        self.items = QPlainTextEdit("\n".join(row.items) if row else "")
        self.items.setPlaceholderText(translate("DeskRoutines", "One line to check per row"))
        self.items.setMinimumHeight(150)
        fixed = bool(row and row.checks_done)
        self.schedule.setEnabled(not fixed)
        self.weekday.setEnabled(not fixed)
        form = QFormLayout()
        form.addRow(label(translate("DeskRoutines", "Name"), "field"), self.name)
        form.addRow(label(translate("DeskRoutines", "Area"), "field"), self.area)
        form.addRow(label(translate("DeskRoutines", "Schedule"), "field"), self.schedule)
        form.addRow(label(translate("DeskRoutines", "Day"), "field"), self.weekday)
        form.addRow(label(translate("DeskRoutines", "Lines to check"), "field"), self.items)
        hint = label(translate("DeskRoutines", "Rounds were recorded: the schedule stays.") if fixed else
                     translate("DeskRoutines", "The meeting rooms are checked after each use, on the Meeting "
                                               "rooms page."), "hint")
        hint.setWordWrap(True)
        buttons, self.save = _buttons(self, translate("DeskRoutines", "Save"))
        self.name.textChanged.connect(lambda _t: self._update())
        self.items.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self._update()

    def lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.items.toPlainText().splitlines() if line.strip())

    def _update(self) -> None:
        weekly = self.schedule.currentData() == RoutineSchedule.WEEKLY.value
        self.weekday.setEnabled(weekly and not (self.row and self.row.checks_done))
        self.save.setEnabled(bool(self.name.text().strip() and self.lines()))

    def answer(self) -> TemplateForm:
        return TemplateForm(name=self.name.text(), area=self.area.text(),
                            schedule=RoutineSchedule(self.schedule.currentData()), items=self.lines(),
                            weekday=int(self.weekday.currentData()))
