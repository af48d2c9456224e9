"""The success screen: welcome by name, the host has been told, and what is happening with the badge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.services.visits.checkin import CheckInResult
from kiosk.ui.common.plain_text import plain
from kiosk.ui.kiosk.widgets.base import Header, Screen, icon_label, label, page_layout

# Until a printer worker reports back, "queued" is all we know; after this many polls we stop waiting.
BADGE_QUEUED, BADGE_PRINTED, BADGE_FAILED = "queued", "printed", "failed"


PAGE_MARGINS = 2 * 56  # the page's left and right margins (page_layout)


class FittedLine(QLabel):
    """A framed line as wide as its text, wrapping only when the page is narrower than that.

    A word-wrapped QLabel guesses a narrow width for itself and, centred in a layout, was cut to
    "Your visitor badge is printing" with the rest of the sentence out of its frame."""

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        chrome = margins.left() + margins.right() + 2 * self.margin() + 2 * self.fontMetrics().averageCharWidth()
        natural = self.fontMetrics().horizontalAdvance(self.text()) + chrome
        page = self.parentWidget()
        width = min(natural, page.width() - PAGE_MARGINS) if page is not None else natural
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class DoneScreen(Screen):
    accepts_codes = True
    auto_return_seconds = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: CheckInResult | None = None
        self.badge = BADGE_QUEUED
        self.header = Header(self)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.icon = icon_label("check", 140)
        self.title = label("display", align=centre)
        self.body = label("subtitle", align=centre)
        self.badge_line = plain(FittedLine())
        self.badge_line.setProperty("role", "badge")
        self.badge_line.setWordWrap(True)
        self.badge_line.setAlignment(centre)
        layout = page_layout(self, self.header)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(36)
        layout.addWidget(self.badge_line, 0, centre)
        layout.addStretch(3)
        self.keyboard_order()
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        self.badge_line.updateGeometry()  # its width follows the page's
        super().resizeEvent(event)

    def show_result(self, result: CheckInResult) -> None:
        self.result = result
        self.badge = BADGE_QUEUED if result.badge_job_id is not None else BADGE_FAILED
        self.retranslate()

    def set_badge_state(self, state: str) -> None:
        self.badge = state
        self.retranslate()

    def retranslate(self) -> None:
        self.header.home_text(self.tr("Done"))  # the visitor is in: nothing to start over
        result = self.result
        if result is None:
            return
        if result.repeated:
            self.title.setText(self.tr("You are checked in, {name}").format(name=result.visitor_name))
        else:
            self.title.setText(self.tr("Welcome, {name}").format(name=result.visitor_name))
        host = result.host_name
        if result.department:
            host = self.tr("{host} ({department})").format(host=host, department=result.department)
        self.body.setText(self.tr("{host} has been told you are here.").format(host=host))
        if self.badge == BADGE_PRINTED:
            self.badge_line.setText(self.tr("Please take your visitor badge from the printer and wear it."))
        elif self.badge == BADGE_FAILED:
            self.badge_line.setText(self.tr("Your badge will be handed to you at the front desk."))
        else:
            self.badge_line.setText(self.tr("Your visitor badge is printing below the screen\u2026"))

    def reset(self) -> None:
        self.result = None
        self.title.clear()
        self.body.clear()
        self.badge_line.clear()
