"""The checklist board: one card per round of the day, in two columns. A card names the routine, its area and
round, and says its state in a colour and a word (due, done · passed, done · problem, missed, later); a round
done says who and when and what failed; a round due (or missed within the week it may still be entered) has
its button."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_routines import DueCheck, RoutineBoard, SlotState
from kiosk.ui.desk.records.routine_texts import colours, done_line, round_text, state_text, tone_of, translate
from kiosk.ui.desk.widgets import button, label

COLUMNS = 2
LATE_DAYS = 7  # as the service: a round may be entered up to a week after its day


class SlotCard(QFrame):
    done_requested = Signal(object)  # the DueCheck

    def __init__(self, slot: DueCheck, board: RoutineBoard, zone: ZoneInfo) -> None:
        super().__init__()
        self.slot = slot
        self.setObjectName("RoutineCard")
        tone = tone_of(slot, board.today)
        self.setProperty("tone", tone)
        text, background, _border = colours(tone)
        self.name = label(slot.template.name, "cardtitle")
        self.name.setWordWrap(True)
        self.tag = label(state_text(slot, board.today), "tag")
        self.tag.setStyleSheet(f"color: {text}; background: {background};")
        self.where = label(" · ".join(p for p in (slot.template.area, round_text(slot)) if p), "cardline")
        self.who = label(done_line(slot, zone), "cardline")
        self.who.setVisible(bool(self.who.text()))
        check = slot.check
        found = ""
        if check is not None and check.failed_items:
            found = translate("DeskRoutines", "Not ticked: {lines}").format(lines="; ".join(check.failed_items))
        if check is not None and check.note:
            found = " · ".join(p for p in (found, check.note) if p)
        self.found = label(found, "cardline")
        self.found.setWordWrap(True)
        self.found.setVisible(bool(found))
        open_late = slot.state is SlotState.MISSED and slot.due_on >= board.today - timedelta(days=LATE_DAYS)
        due_now = slot.state is SlotState.DUE and slot.due_on <= board.today
        self.done_button = button(translate("DeskRoutines", "Done…") if due_now else
                                  translate("DeskRoutines", "Record late…"), "primary" if due_now else "")
        self.done_button.setVisible(due_now or open_late)
        self.done_button.clicked.connect(lambda: self.done_requested.emit(self.slot))
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignTop)
        foot = QHBoxLayout()
        foot.addWidget(self.who)
        foot.addStretch(1)
        foot.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.where)
        layout.addWidget(self.found)
        layout.addLayout(foot)


class BoardGrid(QScrollArea):
    done_requested = Signal(object)  # the DueCheck of a card's button

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.setObjectName("RoutineBoard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.inner.setObjectName("RoutineCards")
        self.grid = QGridLayout(self.inner)
        self.grid.setContentsMargins(0, 0, 6, 0)
        self.grid.setSpacing(12)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.inner)
        self.cards: list[SlotCard] = []
        self.empty = label(role="hint")
        self.empty.setWordWrap(True)
        self.board: RoutineBoard | None = None

    def show_slots(self, board: RoutineBoard) -> None:
        self.board = board
        for card in self.cards:
            self.grid.removeWidget(card)
            card.hide()  # at once: deleteLater waits for the event loop
            card.deleteLater()
        self.grid.removeWidget(self.empty)
        self.cards = [SlotCard(slot, board, self.zone) for slot in board.slots]
        for index, card in enumerate(self.cards):
            card.done_requested.connect(self.done_requested)
            self.grid.addWidget(card, index // COLUMNS, index % COLUMNS)
        self.empty.setVisible(not self.cards)
        if not self.cards:
            self.grid.addWidget(self.empty, 0, 0, 1, COLUMNS)
        self.retranslate()

    def card(self, name: str, round_: int = 1) -> SlotCard | None:
        return next((c for c in self.cards if c.slot.template.name == name and c.slot.round == round_), None)

    def retranslate(self) -> None:
        self.empty.setText(translate("DeskRoutines", "No rounds on this day. “Routines…” adds them: the rulebook's "
                                                     "corridor, restrooms and plants, or your own."))
        if self.board is not None and self.cards and self.cards[0].tag.text() != state_text(
                self.cards[0].slot, self.board.today):
            self.show_slots(self.board)  # the cards' words in the new language
