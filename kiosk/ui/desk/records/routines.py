"""Routine checks at the desk (the records page's Routines tab): a day's rounds as a checklist board (each card
says the area, the round and its state in a colour AND a word: due, done with who and when, a problem, missed),
"Done…" with the routine's lines to tick (a line left unticked, or a problem described, with a note and a photo,
becomes a follow-up item), the open problems with "Record fix…", the rounds missed lately, any other day by its
date, and the routines themselves ("Routines…").

``routines_view(gateways, pool, *, zone, now, live=None)`` is what the Front desk records page
(``records/__init__.py``) builds for its Routines tab (``live``: follow the RECORDS area). Replaceable:
``run_check(dialog) -> bool``, ``open_templates(dialog)``, ``problems.ask_fix_note(problem) -> str | None``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_routines import (
    CheckForm,
    CheckRow,
    DeskRoutinesGateway,
    DueCheck,
    ProblemRow,
    RoutineBoard,
    RoutineResult,
    SlotState,
)
from kiosk.application.gateways.desk_session import DeskGateways
from kiosk.domain.changes import Area
from kiosk.services.errors import ServiceError
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.plain_text import plain_tooltip
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.routine_admin import TemplatesDialog
from kiosk.ui.desk.records.routine_board import BoardGrid
from kiosk.ui.desk.records.routine_dialogs import CheckDialog, photo_jpeg
from kiosk.ui.desk.records.routine_problems import ProblemsPanel
from kiosk.ui.desk.records.routine_texts import STYLE, problem_text, round_text, translate
from kiosk.ui.desk.widgets import button, label

__all__ = ["RoutinesView", "record_with_photo", "routines_view"]

MINUTE_MS = 60_000  # at midnight today's due rounds become missed


def record_with_photo(gateway: DeskRoutinesGateway, form: CheckForm, photo: str) -> CheckRow:
    """On the worker pool: the photo file read (and made a JPEG) here, not on the GUI thread."""
    if photo:
        form = CheckForm(form.template_id, form.due_on, form.round, form.result, form.failed_items, form.note,
                         form.problem, photo_jpeg(photo))
    return gateway.record_check(form)


def run_dialog(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class RoutinesView(QWidget):
    changed = Signal()

    def __init__(self, gateway: DeskRoutinesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 now: Callable[[], datetime], minute_ms: int = MINUTE_MS) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(STYLE)
        self.run_check: Callable[[CheckDialog], bool] = run_dialog
        self.open_templates: Callable[[TemplatesDialog], object] = lambda dialog: dialog.exec()
        self.board: RoutineBoard | None = None
        self.title, self.count = label(role="title"), label(role="count")
        self.missed_chip = button("", "chip")
        self.missed_chip.setProperty("alert", True)
        self.missed_chip.clicked.connect(self.show_last_missed)
        self.missed_chip.hide()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(self._qdate(self.today()))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.today_button = button("")
        self.today_button.clicked.connect(lambda: self.show_day(self.today()))
        self.templates_button = button("")
        self.templates_button.clicked.connect(self.manage_templates)
        self.cards = BoardGrid(zone)
        self.cards.done_requested.connect(self.record)
        self.problems = ProblemsPanel(gateway, pool, zone)
        self.problems.shown_changed.connect(self.refresh)
        self.problems.fixed.connect(self._fixed)
        self.problems.failed.connect(self._failed)
        self.message = label(role="line")
        self.message.setWordWrap(True)
        self.message.hide()
        self.minute = QTimer(self)
        self.minute.setInterval(minute_ms)
        self.minute.timeout.connect(self._tick)
        self._laid_out()
        self.retranslate()

    def _laid_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addSpacing(8)
        top.addWidget(self.missed_chip)
        top.addStretch(1)
        for widget in (self.day, self.today_button, self.templates_button):
            top.addWidget(widget)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.cards, 3)
        body.addWidget(self.problems, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    # -- days ------------------------------------------------------------------------------------------------

    def today(self) -> date:
        return self.now().astimezone(self.zone).date()

    @staticmethod
    def _qdate(day: date) -> QDate:
        return QDate(day.year, day.month, day.day)

    def shown_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def show_day(self, day: date) -> None:
        if day == self.shown_day():
            self.refresh()
        else:
            self.day.setDate(self._qdate(day))  # refreshes

    def show_last_missed(self) -> None:
        if self.board is not None and self.board.recent_missed:
            self.show_day(max(slot.due_on for slot in self.board.recent_missed))

    # -- life cycle ------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()
        self.minute.start()

    def stop(self) -> None:
        self.minute.stop()

    def _tick(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        day, fixed_too = self.shown_day(), self.problems.show_fixed.isChecked()

        def read() -> tuple[RoutineBoard, list[ProblemRow]]:
            board = self.gateway.board(day)
            return board, self.gateway.problems(include_fixed=True) if fixed_too else list(board.open_problems)

        self.pool.submit(read, on_done=self._show, on_error=self._failed)

    def _show(self, answer: tuple[RoutineBoard, list[ProblemRow]]) -> None:
        self.board, problems = answer
        self.cards.show_slots(self.board)
        self._show_summary()
        self.problems.show_problems(problems)

    def _show_summary(self) -> None:
        board = self.board
        if board is None:
            return
        slots = board.slots
        done = sum(slot.state is SlotState.DONE for slot in slots)
        self.count.setText(translate("DeskRoutines", "{done} of {due} done").format(done=done, due=len(slots)))
        missed = board.recent_missed
        missed_count = len(missed)  # a plain name: lupdate reads no expression there
        self.missed_chip.setVisible(bool(missed))
        self.missed_chip.setText(translate("DeskRoutines", "⚠ %n round(s) missed this past week", "", missed_count))
        self.missed_chip.setToolTip(plain_tooltip("\n".join(
            f"{slot.due_on:%m-%d} {slot.template.name} · {round_text(slot)}" for slot in missed)) or "")

    # -- a round done ----------------------------------------------------------------------------------------

    def record(self, slot: DueCheck) -> None:
        dialog = CheckDialog(slot, self.zone, self)
        if self.run_check(dialog):
            form, photo = dialog.answer()
            self.pool.submit(record_with_photo, self.gateway, form, photo, on_done=self._recorded,
                             on_error=self._failed)
        dialog.deleteLater()

    def _recorded(self, check: CheckRow) -> None:
        if check.result is RoutineResult.PASSED:
            self.say(translate("DeskRoutines", "{routine} recorded: passed.").format(routine=check.template_name))
        else:
            self.say(translate("DeskRoutines", "{routine} recorded: a problem to follow up.").format(
                routine=check.template_name), "warn")
        self.changed.emit()
        self.refresh()

    # -- problems --------------------------------------------------------------------------------------------

    def _fixed(self, row: ProblemRow) -> None:
        self.say(translate("DeskRoutines", "Fixed: {what}.").format(what=row.what))
        self.changed.emit()
        self.refresh()

    # -- the routines ----------------------------------------------------------------------------------------

    def manage_templates(self) -> None:
        dialog = TemplatesDialog(self.gateway, self.pool, self.zone, self)
        dialog.changed.connect(self.refresh)
        self.open_templates(dialog)
        dialog.deleteLater()

    # -- words -----------------------------------------------------------------------------------------------

    def say(self, text: str, tone: str = "fine") -> None:
        self.message.setText(text)
        self.message.setProperty("tone", tone)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def _failed(self, error: ServiceError) -> None:
        self.say(problem_text(error, self.zone), "refused")
        if error.code in ("already_done", "already_fixed"):
            self.refresh()  # another desk was first: show what it did

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("DeskRoutines", "Routine checks"))
        self.today_button.setText(translate("DeskRoutines", "Today"))
        self.templates_button.setText(translate("DeskRoutines", "Routines…"))
        self.cards.retranslate()
        self.problems.retranslate()
        self._show_summary()


def routines_view(gateways: DeskGateways | DeskRoutinesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                  now: Callable[[], datetime], live: LiveChanges | None = None) -> QWidget:
    """The records page's Routines tab (it passes every gateway; a test may pass the routines one)."""
    gateway = gateways if isinstance(gateways, DeskRoutinesGateway) else gateways.routines
    view = RoutinesView(gateway, pool, zone=zone, now=now)
    if live is not None:
        AreaFollower(live, frozenset({Area.RECORDS}), view.refresh, coalesce_ms=500, parent=view)
    return view

