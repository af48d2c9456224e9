"""The attract screen: where the kiosk waits, listening for QR codes, with four big ways in.

The visitor's own settings (large text, high contrast, language) sit in one row: top right in
landscape; in portrait, above the tiles, since the top third of a 1920 px tall screen is out of
reach from a wheelchair and out of sight for a short visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

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

        self.main = QVBoxLayout(self)
        self.main.setContentsMargins(72, 48, 72, 56)
        self.main.setSpacing(0)
        self.main.addLayout(self.top)
        self.main.addStretch(2)
        self.main.addLayout(self.hero)
        self.main.addStretch(2)
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
