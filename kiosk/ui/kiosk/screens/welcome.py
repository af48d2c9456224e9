"""The attract screen: where the kiosk waits, listening for QR codes, with four big ways in.

The visitor's own settings (large text, high contrast, language) sit in one row: top right in
landscape; in portrait, above the tiles, since the top third of a 1920 px tall screen is out of
reach from a wheelchair and out of sight for a short visitor.

The front desk's notices ("Fire drill at 14:00") sit in one calm card just above the tiles, in the
visitor's language (the other language where a notice has none), one at a time, taking turns every
few seconds when there are several. The card takes the room the layout leaves free, never the
tiles': the services refuse any text wider than it shows (``kiosk/domain/notices.py``). With no
notice the card is gone and the screen is as it always was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.touchscreen import WelcomeNotice
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.common.icons import icon
from kiosk.ui.kiosk.accessibility import AccessibilityToggles, make_keyboard_operable
from kiosk.ui.kiosk.widgets.base import (
    MUTED_ICON,
    Screen,
    Tile,
    button,
    icon_label,
    label,
    language_switch_text,
    set_role,
)

ROTATE_MS = 10_000  # how long each notice shows when there are several
NOTICE_GAP = 24  # px between the card and what is above it
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


class WelcomeScreen(Screen):
    accepts_codes = True

    invitation_chosen = Signal()
    walk_in_chosen = Signal()
    sign_out_chosen = Signal()
    delivery_chosen = Signal()
    language_clicked = Signal()

    def __init__(self, site_name: str, now: Callable[[], datetime], zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._now, self._zone = now, zone
        self._camera: CameraStatus | None = None
        self.site = label("site", site_name, wrap=False)
        self.language = button("language")
        self.language.setIcon(icon("globe", 28, MUTED_ICON))
        self.language.setIconSize(QSize(28, 28))
        self.language.clicked.connect(self.language_clicked)
        self.accessibility = AccessibilityToggles()
        self.options = QWidget()
        options_row = QHBoxLayout(self.options)
        options_row.setContentsMargins(0, 0, 0, 0)
        options_row.setSpacing(16)
        options_row.addWidget(self.accessibility)
        options_row.addWidget(self.language)
        self.top = QHBoxLayout()
        self.top.addWidget(self.site)
        self.top.addStretch(1)
        self.top.addWidget(self.options)
        # Where the options row goes in portrait: right-aligned, just above the tiles.
        self.lower_options = QHBoxLayout()
        self.lower_options.addStretch(1)

        self.clock = label("clock", wrap=False)
        self.date = label("date", wrap=False)
        self.greeting = label("display")
        self.scan_title = label("card-title")
        self.scan_hint = label("hint")
        self.camera_line = label("status-ok")

        # The zero-tap path gets the most room: an invited visitor only has to read this card.
        scan_card = QFrame()
        scan_card.setProperty("role", "scan-card")
        scan_card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        card_texts = QVBoxLayout()
        card_texts.setSpacing(10)
        card_texts.addWidget(self.scan_title)
        card_texts.addWidget(self.scan_hint)
        card_texts.addSpacing(6)
        card_texts.addWidget(self.camera_line)
        card_row = QHBoxLayout(scan_card)
        card_row.setContentsMargins(48, 44, 48, 44)
        card_row.setSpacing(40)
        card_row.addWidget(icon_label("qr", 132), 0, Qt.AlignmentFlag.AlignVCenter)
        card_row.addLayout(card_texts, 1)

        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.clock)
        words.addWidget(self.date)
        words.addSpacing(40)
        words.addWidget(self.greeting)
        self.hero = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.hero.setSpacing(56)
        self.hero.addLayout(words, 1)
        self.hero.addWidget(scan_card, 1, Qt.AlignmentFlag.AlignVCenter)

        self.invitation = Tile("qr", primary=True)
        self.walk_in = Tile("person")
        self.sign_out = Tile("signout")
        self.delivery = Tile("parcel")
        self.invitation.clicked.connect(self.invitation_chosen)
        self.walk_in.clicked.connect(self.walk_in_chosen)
        self.sign_out.clicked.connect(self.sign_out_chosen)
        self.delivery.clicked.connect(self.delivery_chosen)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(28)

        self.notices = NoticeBand()
        self._notices_by_language: dict[str, list[WelcomeNotice]] = {}
        self.notice_area = QWidget()
        notice_row = QVBoxLayout(self.notice_area)
        notice_row.setContentsMargins(0, NOTICE_GAP, 0, 0)
        notice_row.addWidget(self.notices)
        self.notice_area.hide()

        self.main = QVBoxLayout(self)
        self.main.setContentsMargins(72, 48, 72, 56)
        self.main.setSpacing(0)
        self.main.addLayout(self.top)
        self.main.addStretch(2)
        self.main.addLayout(self.hero)
        self.main.addStretch(2)
        self.main.addWidget(self.notice_area)
        self.main.addSpacing(40)
        self.main.addLayout(self.lower_options)
        self.main.addLayout(self.tiles)
        self._arrange(columns=2)
        self._portrait = False
        # Reading order in both orientations: the visitor's options row, then the tiles.
        make_keyboard_operable(self, self.accessibility.large_text, self.accessibility.high_contrast, self.language,
                               self.invitation, self.walk_in, self.sign_out, self.delivery)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.update_clock)
        self._ticker.start()
        self.retranslate()

    def _arrange(self, columns: int) -> None:
        for index, tile in enumerate((self.invitation, self.walk_in, self.sign_out, self.delivery)):
            self.tiles.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event: object) -> None:
        # Portrait screens get one tile a row and the scan card under the clock; landscape, two and beside it.
        portrait = self.height() > self.width() * 1.2
        self._arrange(1 if portrait else 2)
        self.hero.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.notices.set_horizontal(not portrait)
        self._place_options(portrait)
        super().resizeEvent(event)

    def _place_options(self, portrait: bool) -> None:
        if portrait == self._portrait:
            return
        self._portrait = portrait
        (self.top if portrait else self.lower_options).removeWidget(self.options)
        (self.lower_options if portrait else self.top).addWidget(self.options)
        self.lower_options.setContentsMargins(0, 0, 0, 28 if portrait else 0)
        # Portrait: the clock and scan card sit lower, nearer the hands; the space goes above them.
        self.main.setStretch(1, 4 if portrait else 2)
        self.main.setStretch(3, 1 if portrait else 2)

    def stop(self) -> None:
        self._ticker.stop()
        self.notices.timer.stop()

    # -- the front desk's notices ----------------------------------------------------------------------------

    def set_notices(self, by_language: dict[str, list[WelcomeNotice]]) -> None:
        """Today's notices in each language (``{"zh_CN": [...], "en": [...]}``); the visitor's are shown."""
        self._notices_by_language = dict(by_language)
        self._show_notices()

    def _show_notices(self) -> None:
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        shown = self._notices_by_language.get(language, [])
        self.notices.show_notices(shown)
        self.notice_area.setVisible(bool(shown))

    def update_clock(self) -> None:
        local = self._now().astimezone(self._zone)
        locale = QLocale()
        self.clock.setText(local.strftime("%H:%M"))
        if locale.language() == QLocale.Language.Chinese:
            weekday = "一二三四五六日"[local.weekday()]
            self.date.setText(f"{local.year}年{local.month}月{local.day}日　星期{weekday}")
        else:
            self.date.setText(f"{local:%A}, {local.day} {local:%B %Y}")

    def set_camera_status(self, status: CameraStatus) -> None:
        self._camera = status
        self._show_camera_line()

    def _show_camera_line(self) -> None:
        state = self._camera.state if self._camera else CameraState.STARTING
        if state is CameraState.OK:
            set_role(self.camera_line, "status-ok")
            self.camera_line.setText("●  " + self.tr("The camera is ready"))
        elif state in (CameraState.UNAVAILABLE, CameraState.DISABLED):
            set_role(self.camera_line, "status-warn")
            self.camera_line.setText(
                self.tr("The camera is resting. Tap \u201cI have an invitation\u201d to type your code instead.")
            )
        else:
            self.camera_line.setText("")

    def retranslate(self) -> None:
        self.language.setText(language_switch_text())
        self.greeting.setText(self.tr("Welcome"))
        self.scan_title.setText(self.tr("Invited? Just show your QR code"))
        self.scan_hint.setText(self.tr("Hold the invitation QR code on your phone up to the camera above this screen."))
        self.invitation.set_texts(self.tr("I have an invitation"), self.tr("Scan or type your invitation code"))
        self.walk_in.set_texts(self.tr("I'm here to see someone"), self.tr("No invitation? Register here"))
        self.sign_out.set_texts(self.tr("Signing out"), self.tr("Scan your badge or find your name"))
        self.delivery.set_texts(self.tr("Delivery"), self.tr("Parcels and couriers"))
        self.update_clock()
        self._show_camera_line()
        self._show_notices()
