"""The attract screen: where the kiosk waits, listening for QR codes, with four big ways in.

The zero-tap path is the hero: a card with the live camera picture (mirrored, with the framing
guide, so people see themselves aim) that says "show your QR code", and that a badge's QR signs a
visitor out. Above it the company's logo (or its name) and a small clock; below it the desk's
notices, the four tiles, and the control bar (larger text, high contrast, language) within reach.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.application.gateways.touchscreen import WelcomeNotice
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.ui.kiosk.brand import LOGO_HEIGHT, Brand
from kiosk.ui.kiosk.screens.scan import PreviewView
from kiosk.ui.kiosk.widgets.base import ControlBar, Screen, Tile, label, set_role
from kiosk.ui.kiosk.widgets.notice_band import NoticeBand

NOTICE_GAP = 20  # px between the notices and what is above them
BACKGROUND_OPACITY = 0.16  # the company's picture stays a hint behind the page, so every text keeps its contrast


class BrandMark(QLabel):
    """The company's logo at a fixed height, or its name in text when it has none."""

    def __init__(self, brand: Brand, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brand = brand
        self.setTextFormat(Qt.TextFormat.PlainText)
        if brand.logo is not None:
            self.setPixmap(self._scaled(brand.logo, LOGO_HEIGHT))
            self.setAccessibleName(brand.name)
            self.setProperty("role", "logo")
        else:
            self.setText(brand.name)
            self.setProperty("role", "site")

    @staticmethod
    def _scaled(image: QImage, height: int) -> QPixmap:
        ratio = 2.0  # drawn from twice the pixels, so it stays sharp on a dense screen
        scaled = image.scaledToHeight(round(height * ratio), Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap


class WelcomeScreen(Screen):
    accepts_codes = True
    wants_preview = True

    invitation_chosen = Signal()
    walk_in_chosen = Signal()
    sign_out_chosen = Signal()
    delivery_chosen = Signal()

    def __init__(self, brand: Brand, now: Callable[[], datetime], zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._now, self._zone, self._brand = now, zone, brand
        self._camera: CameraStatus | None = None
        self._background_visible = brand.background is not None
        self.site = BrandMark(brand)
        self.clock = label("clock", wrap=False, align=Qt.AlignmentFlag.AlignRight)
        self.date = label("date", wrap=False, align=Qt.AlignmentFlag.AlignRight)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.clock)
        when.addWidget(self.date)
        self.top = QHBoxLayout()
        self.top.addWidget(self.site, 1, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.top.addLayout(when, 1)

        self.hero_card = self._hero_card()
        self._greeting_in_card = True
        self._place_greeting(False)
        self.notices = NoticeBand()
        self._notices_by_language: dict[str, list[WelcomeNotice]] = {}
        self.notice_area = QWidget()
        notice_row = QVBoxLayout(self.notice_area)
        notice_row.setContentsMargins(0, NOTICE_GAP, 0, 0)
        notice_row.addWidget(self.notices)
        self.notice_area.hide()

        # No tile is filled: the card above, which needs no tap at all, is what an invited visitor sees first.
        self.invitation = Tile("qr")
        self.walk_in = Tile("person")
        self.sign_out = Tile("signout")
        self.delivery = Tile("parcel")
        self.invitation.clicked.connect(self.invitation_chosen)
        self.walk_in.clicked.connect(self.walk_in_chosen)
        self.sign_out.clicked.connect(self.sign_out_chosen)
        self.delivery.clicked.connect(self.delivery_chosen)
        self.tiles = QGridLayout()
        self.tiles.setSpacing(24)
        self._arrange(columns=2)
        # Laid out after the tiles: Qt's first Tab goes to the first focusable widget placed in the screen.
        self.header = ControlBar(show_home=False)
        self.language = self.header.language
        self.accessibility = self.header.accessibility
        self.use_bar(self.header)

        self.main = QVBoxLayout(self)
        self.main.setContentsMargins(64, 28, 64, 28)
        self.main.setSpacing(0)
        self.main.addLayout(self.top)
        self.main.addSpacing(20)
        self.main.addWidget(self.hero_card, 1)
        self.main.addWidget(self.notice_area)
        self.main.addSpacing(24)
        self.main.addLayout(self.tiles)
        self.main.addSpacing(20)
        self.main.addWidget(self.header)
        self.keyboard_order(self.invitation, self.walk_in, self.sign_out, self.delivery)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.update_clock)
        self._ticker.start()
        self.retranslate()

    def _hero_card(self) -> QFrame:
        self.preview = PreviewView(guide="qr")
        # Small enough that the longest notice in large text still fits a portrait screen; it grows into any room left.
        self.preview.setMinimumSize(360, 220)
        self.greeting = label("display")
        self.scan_title = label("card-title")
        self.scan_hint = label("hint")
        self.badge_line = label("body")
        self.camera_line = label("status-ok")
        self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_texts = texts = QVBoxLayout()
        texts.setSpacing(12)
        texts.addStretch(1)
        texts.addWidget(self.scan_title)
        texts.addWidget(self.scan_hint)
        texts.addSpacing(8)
        texts.addWidget(self.badge_line)
        texts.addSpacing(4)
        texts.addWidget(self.camera_line)
        texts.addStretch(1)
        card = QFrame()
        card.setProperty("role", "hero-card")
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.hero = QBoxLayout(QBoxLayout.Direction.LeftToRight, card)
        self.hero.setContentsMargins(28, 28, 48, 28)
        self.hero.setSpacing(44)
        self.hero.addWidget(self.preview, 4)
        self.hero.addLayout(texts, 7)
        return card

    def _place_greeting(self, portrait: bool) -> None:
        """Landscape: the greeting in the top row, between the logo and the clock, so the hero card's words
        keep their room; portrait: at the head of the card, under the picture."""
        if portrait == self._greeting_in_card:
            return
        self._greeting_in_card = portrait
        (self.top if portrait else self.card_texts).removeWidget(self.greeting)
        if portrait:
            self.card_texts.insertWidget(1, self.greeting)
            self.greeting.setAlignment(Qt.AlignmentFlag.AlignLeft)
        else:
            self.top.insertWidget(1, self.greeting, 0, Qt.AlignmentFlag.AlignCenter)
            self.greeting.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def _arrange(self, columns: int) -> None:
        for index, tile in enumerate((self.invitation, self.walk_in, self.sign_out, self.delivery)):
            self.tiles.addWidget(tile, index // columns, index % columns)

    def resizeEvent(self, event: object) -> None:
        # Portrait: the picture across the top (for looking at, not touching), one tile a row lower down.
        portrait = self.height() > self.width() * 1.2
        self._arrange(1 if portrait else 2)
        self.hero.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.hero.setStretch(1, 0 if portrait else 7)
        self.hero.setContentsMargins(28, 28, 28 if portrait else 48, 36 if portrait else 28)
        self.notices.set_horizontal(not portrait)
        self._place_greeting(portrait)
        super().resizeEvent(event)

    # -- the company's picture behind the page ------------------------------------------------------------------

    def set_background_visible(self, visible: bool) -> None:
        """High contrast hides the company's picture: nothing may sit behind the text then."""
        visible = visible and self._brand.background is not None
        if visible != self._background_visible:
            self._background_visible = visible
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        picture = self._brand.background
        if not self._background_visible or picture is None:
            return
        painter = QPainter(self)
        painter.setOpacity(BACKGROUND_OPACITY)
        scaled = picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        target = QRectF((self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2,
                        scaled.width(), scaled.height())
        painter.drawImage(target, picture)
        painter.end()

    # -- the camera --------------------------------------------------------------------------------------------

    def set_preview(self, image: QImage) -> None:
        if self.isVisible() and (self._camera is None or self._camera.state is CameraState.OK):
            self.preview.set_image(image)

    def hideEvent(self, event: QHideEvent) -> None:
        # The last frame may show the visitor who just tapped a tile: never show it to the next one.
        self.preview.set_image(None)
        super().hideEvent(event)

    def set_camera_status(self, status: CameraStatus) -> None:
        self._camera = status
        if status.state is not CameraState.OK:
            self.preview.set_image(None)
        self._show_camera_line()

    def _show_camera_line(self) -> None:
        state = self._camera.state if self._camera else CameraState.STARTING
        if state is CameraState.OK:
            set_role(self.camera_line, "status-ok")
            self.camera_line.setText("●  " + self.tr("The camera is ready"))
            self.preview.placeholder = ""
        elif state in (CameraState.UNAVAILABLE, CameraState.DISABLED):
            set_role(self.camera_line, "status-warn")
            self.camera_line.setText(
                self.tr("The camera is resting. Tap \u201cI have an invitation\u201d to type your code instead.")
            )
            self.preview.placeholder = self.tr("Camera resting")
        else:
            self.camera_line.setText("")
            self.preview.placeholder = ""
        self.preview.update()

    # -- the desk's notices --------------------------------------------------------------------------------------

    def set_notices(self, by_language: dict[str, list[WelcomeNotice]]) -> None:
        """Today's notices in each language (``{"zh_CN": [...], "en": [...]}``); the visitor's are shown."""
        self._notices_by_language = dict(by_language)
        self._show_notices()

    def _show_notices(self) -> None:
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        shown = self._notices_by_language.get(language, [])
        self.notices.show_notices(shown)
        self.notice_area.setVisible(bool(shown))

    # -- words ------------------------------------------------------------------------------------------------

    def stop(self) -> None:
        self._ticker.stop()
        self.notices.timer.stop()

    def update_clock(self) -> None:
        local = self._now().astimezone(self._zone)
        locale = QLocale()
        self.clock.setText(local.strftime("%H:%M"))
        if locale.language() == QLocale.Language.Chinese:
            weekday = "一二三四五六日"[local.weekday()]
            self.date.setText(f"{local.year}年{local.month}月{local.day}日　星期{weekday}")
        else:
            self.date.setText(f"{local:%A}, {local.day} {local:%B %Y}")

    def retranslate(self) -> None:
        self.greeting.setText(self.tr("Welcome"))
        self.scan_title.setText(self.tr("Invited? Just show your QR code"))
        self.scan_hint.setText(self.tr("Hold the QR code from your invitation up to the camera above this screen. "
                                       "You will see yourself here."))
        self.badge_line.setText(self.tr("Leaving? Show your visitor badge's QR code to sign out."))
        self.invitation.set_texts(self.tr("I have an invitation"), self.tr("Scan or type your invitation code"))
        self.walk_in.set_texts(self.tr("I'm here to see someone"), self.tr("No invitation? Register here"))
        self.sign_out.set_texts(self.tr("Signing out"), self.tr("Scan your badge or find your name"))
        self.delivery.set_texts(self.tr("Delivery"), self.tr("Parcels and couriers"))
        self.update_clock()
        self._show_camera_line()
        self._show_notices()
