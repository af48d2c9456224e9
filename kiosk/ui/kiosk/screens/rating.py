"""After signing out: goodbye by name and a one-tap 1-5 rating (the front desk's satisfaction KPI)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.services.visits.signout import SignOutResult
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, icon_label, label, page_layout

# Outlines until the visitor chooses (five filled stars would read as an answer already given); their
# choice fills that many.
EMPTY_STAR, FILLED_STAR = "\u2606", "\u2605"


class RatingScreen(Screen):
    accepts_codes = True
    auto_return_seconds = 20

    rated = Signal(int)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: SignOutResult | None = None
        self.header = Header(self)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.icon = icon_label("signout", 120)
        self.title = label("display", align=centre)
        self.question = label("subtitle", align=centre)
        self.stars: list[QPushButton] = []
        row = QHBoxLayout()
        row.setSpacing(28)
        row.addStretch(1)
        for value in range(1, 6):
            star = button("star", EMPTY_STAR)
            star.clicked.connect(lambda _checked=False, v=value: self._rate(v))
            row.addWidget(star)
            self.stars.append(star)
        row.addStretch(1)
        self.scale = label("muted", align=centre)
        self.skip = button("quiet")
        self.skip.clicked.connect(self.skipped)
        layout = page_layout(self, self.header)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addSpacing(32)
        layout.addLayout(row)
        layout.addWidget(self.scale)
        layout.addSpacing(24)
        layout.addWidget(self.skip, 0, centre)
        layout.addStretch(3)
        # Tab, or the arrow keys, from star to star; Enter gives that many.
        self.keyboard_order(*self.stars, self.skip)
        self.retranslate()

    def show_for(self, result: SignOutResult) -> None:
        self.result = result
        self.retranslate()

    def _rate(self, value: int) -> None:
        self._fill(value)
        for star in self.stars:
            star.setEnabled(False)
        self.rated.emit(value)

    def _fill(self, value: int) -> None:
        for number, star in enumerate(self.stars, start=1):
            star.setText(FILLED_STAR if number <= value else EMPTY_STAR)

    def filled(self) -> int:
        """How many stars show filled (what the visitor sees as their answer)."""
        return sum(star.text() == FILLED_STAR for star in self.stars)

    def retranslate(self) -> None:
        self.header.home_text(self.tr("Done"))  # signed out already: the rating is a choice, not a step
        name = self.result.visitor_name if self.result else ""
        self.title.setText(self.tr("Goodbye, {name}").format(name=name) if name else self.tr("Goodbye"))
        self.question.setText(self.tr("You are signed out. How was your visit today?"))
        self.scale.setText(self.tr("1 star: poor \u00b7 5 stars: excellent"))
        self.skip.setText(self.tr("Skip"))
        for value, star in enumerate(self.stars, start=1):
            star.setAccessibleName(self.tr("%n star(s)", "", value))

    def reset(self) -> None:
        self.result = None
        self._fill(0)
        for star in self.stars:
            star.setEnabled(True)
