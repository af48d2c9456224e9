"""The front desk's notices on the welcome screen ("Fire drill at 14:00"), in one calm card.

In the visitor's language (the other language where a notice has none), one at a time, taking turns
every few seconds when there are several. The card takes the room the layout leaves free, never the
tiles': the services refuse any text wider than it shows (``kiosk/domain/notices.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QStackedWidget, QWidget

from kiosk.application.gateways.touchscreen import WelcomeNotice
from kiosk.ui.kiosk.widgets.base import icon_label, label

ROTATE_MS = 10_000  # how long each notice shows when there are several
TITLE_SHARE = 0.34  # of the card's text width, for the title beside its text (landscape)


class NoticePage(QWidget):
    """One notice: its title (bold) and its text, beside each other in landscape, one above the other
    in portrait. Plain text, word-wrapped, never elided: every word the desk wrote is on the screen."""

    def __init__(self, notice: WelcomeNotice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self.title = label("body", notice.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setWeight(QFont.Weight.Bold)  # the style sheet sets the size (large text too), not the weight
        self.title.setFont(font)
        self.body = label("hint", notice.body)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setVisible(bool(notice.body))
        self.texts = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.texts.setContentsMargins(0, 0, 0, 0)
        self.texts.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        self.texts.addWidget(self.body, 1, Qt.AlignmentFlag.AlignTop)

    def set_horizontal(self, horizontal: bool, width: int) -> None:
        self.texts.setDirection(QBoxLayout.Direction.LeftToRight if horizontal else QBoxLayout.Direction.TopToBottom)
        self.texts.setSpacing(36 if horizontal else 8)
        if horizontal and self.notice.body:
            self.title.setFixedWidth(max(200, int(width * TITLE_SHARE)))
        else:
            self.title.setMinimumWidth(0)
            self.title.setMaximumWidth(16777215)


class NoticeBand(QFrame):
    """The card the notices share. ``show_notices`` replaces them; the one on screen stays on screen if it
    is still among them (a refresh does not jump back to the first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.notices: list[WelcomeNotice] = []
        self.pages = QStackedWidget()  # as tall as its tallest page: turning to the next one moves nothing
        self.pager = label("muted", wrap=False)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 20, 32, 20)
        row.setSpacing(24)
        row.addWidget(icon_label("info", 36), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.pages, 1)
        row.addWidget(self.pager, 0, Qt.AlignmentFlag.AlignTop)
        self._horizontal = True
        self.timer = QTimer(self)
        self.timer.setInterval(ROTATE_MS)
        self.timer.timeout.connect(self.show_next)

    def show_notices(self, notices: list[WelcomeNotice]) -> None:
        if notices == self.notices:
            return
        shown = self.current()
        self.notices = list(notices)
        for page in [self.pages.widget(i) for i in range(self.pages.count())]:
            if page is not None:
                self.pages.removeWidget(page)
                page.deleteLater()
        for notice in notices:
            self.pages.addWidget(NoticePage(notice))
        keep = next((i for i, n in enumerate(notices) if shown is not None and n.id == shown.id), 0)
        self.pages.setCurrentIndex(keep)
        self._arrange()
        self._show_pager()
        self._run_timer()

    def current(self) -> WelcomeNotice | None:
        page = self.pages.currentWidget()
        return page.notice if isinstance(page, NoticePage) else None

    def page_labels(self) -> list[tuple[QLabel, QLabel]]:
        """Every notice's title and text labels, in order (tests read what the visitor would)."""
        pages = [self.pages.widget(i) for i in range(self.pages.count())]
        return [(page.title, page.body) for page in pages if isinstance(page, NoticePage)]

    def show_next(self) -> None:
        if self.pages.count() > 1:
            self.pages.setCurrentIndex((self.pages.currentIndex() + 1) % self.pages.count())
            self._show_pager()

    def _show_pager(self) -> None:
        count = self.pages.count()
        self.pager.setText(f"{self.pages.currentIndex() + 1} / {count}")
        self.pager.setVisible(count > 1)

    def set_horizontal(self, horizontal: bool) -> None:
        self._horizontal = horizontal
        self._arrange()

    def _arrange(self) -> None:
        width = self.pages.width() if self.pages.width() > 100 else self.width()
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if isinstance(page, NoticePage):
                page.set_horizontal(self._horizontal, width)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._arrange()

    def _run_timer(self) -> None:
        if self.pages.count() > 1 and self.isVisible():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_timer()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()
