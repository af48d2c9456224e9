"""Building blocks every kiosk screen uses: the screen base, its header, big tiles, labels.

Portrait: the top third of a 1920 px tall screen is out of reach from a wheelchair and out of
sight for a short visitor, so on a screen taller than wide only the header (start over,
language) stays up there; ``page_layout`` puts a gap under it that ``Screen`` sizes so the
content starts below the top third. In landscape the gap is empty and takes no room.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.common.icons import icon, icon_pixmap
from kiosk.ui.common.plain_text import plain
from kiosk.ui.kiosk.accessibility import first_focusable, make_keyboard_operable

ACCENT_ICON = "#0f766e"
MUTED_ICON = "#52606d"
OUT_OF_REACH = 1 / 3  # of a portrait screen's height, from the top: nothing there but the header
REACH_MARGIN = 24  # px below that line, so a header grown by large text never pushes content above it


def label(role: str, text: str = "", *, wrap: bool = True, align: Qt.AlignmentFlag | None = None) -> QLabel:
    """Plain text, always: a screen formats visitors' and hosts' names into its sentences, never as HTML."""
    widget = plain(QLabel())
    widget.setText(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if align is not None:
        widget.setAlignment(align)
    return widget


def button(role: str = "", text: str = "") -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touchscreen has no focus ring to show
    return widget


def set_role(widget: QWidget, role: str) -> None:
    """Change a styled role at run time (Qt re-reads the style sheet only when asked)."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def language_switch_text() -> str:
    """The switch names the language it switches to, in that language, so it is never translated."""
    return "English" if QLocale().language() == QLocale.Language.Chinese else "中文"


class Screen(QWidget):
    """One full-window step of the visit.

    ``accepts_codes``: a QR scanned while this screen shows is acted on.
    ``auto_return_seconds``: the flow goes back to welcome after this long (None: stay).
    ``idle_exempt``: the visitor is expected to stand still here (waiting for a host).
    ``wants_preview``: the camera's preview frames are needed while this screen shows.
    """

    accepts_codes = False
    auto_return_seconds: int | None = None
    idle_exempt = False
    wants_preview = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("screen", True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # The window is the screen's size, full stop: a screen's minimum size must never grow it
        # (a portrait layout's height would otherwise stretch a landscape window).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._page: QVBoxLayout | None = None
        self._page_header: QWidget | None = None
        self._reach_gap: QSpacerItem | None = None
        self._keyboard_order: tuple[QWidget, ...] = ()

    def use_reach_gap(self, layout: QVBoxLayout, header: QWidget, gap: QSpacerItem) -> None:
        self._page, self._page_header, self._reach_gap = layout, header, gap
        self._fit_reach_gap()

    def resizeEvent(self, event: object) -> None:
        self._fit_reach_gap()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _fit_reach_gap(self) -> None:
        layout, header, gap = self._page, self._page_header, self._reach_gap
        if layout is None or header is None or gap is None:
            return
        height = 0
        if self.height() > self.width():
            header_bottom = layout.contentsMargins().top() + header.sizeHint().height() + layout.spacing()
            height = max(0, math.ceil(self.height() * OUT_OF_REACH) + REACH_MARGIN - header_bottom)
        if gap.sizeHint().height() != height:
            gap.changeSize(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            layout.invalidate()

    def _header_buttons(self) -> tuple[QWidget, ...]:
        header = self._page_header
        return (header.home, header.language) if isinstance(header, Header) else ()

    def keyboard_order(self, *widgets: QWidget) -> None:
        """Tab order, top to bottom: the header's buttons, then ``widgets`` (buttons become Enter-pressable)."""
        self._keyboard_order = widgets
        make_keyboard_operable(self, *self._header_buttons(), *widgets)

    def keyboard_entry(self) -> QWidget | None:
        """Where a keyboard user's focus lands when this screen comes up: its first step, else the header."""
        return first_focusable((*self._keyboard_order, *self._header_buttons()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def reset(self) -> None:
        """Forget everything the last visitor typed or saw."""


class Header(QFrame):
    """Top row of every screen but welcome: back to start on the left, language on the right."""

    home_clicked = Signal()
    language_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, show_home: bool = True) -> None:
        super().__init__(parent)
        self.setProperty("role", "header")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.home = button("quiet")
        self.home.setIcon(icon("home", 40, ACCENT_ICON))
        self.home.setIconSize(QSize(36, 36))
        self.home.clicked.connect(self.home_clicked)
        self.home.setVisible(show_home)
        self.language = button("language")
        self.language.setIcon(icon("globe", 28, MUTED_ICON))
        self.language.setIconSize(QSize(28, 28))
        self.language.clicked.connect(self.language_clicked)
        row.addWidget(self.home)
        row.addStretch(1)
        row.addWidget(self.language)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.home.setText(self.tr("Start over"))
        self.language.setText(language_switch_text())


class Tile(QPushButton):
    """A big choice on the welcome screen: icon, title, one line of explanation."""

    def __init__(self, icon_name: str, *, primary: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile-primary" if primary else "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        suffix = "-inverse" if primary else ""
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon_pixmap(icon_name, 64, "#ffffff" if primary else ACCENT_ICON))
        self.title = label(f"tile-title{suffix}")
        self.subtitle = label(f"tile-sub{suffix}")
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        row = QHBoxLayout(self)
        row.setContentsMargins(40, 28, 40, 28)
        row.setSpacing(32)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        for child in (self.icon_label, self.title, self.subtitle):
            # The labels are decoration: the whole tile is one button.
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_texts(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.setAccessibleName(title)


def icon_label(name: str, size: int, color: str = ACCENT_ICON) -> QLabel:
    widget = QLabel()
    widget.setPixmap(icon_pixmap(name, size, color))
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return widget


def page_layout(screen: QWidget, header: QWidget | None = None, *, margins: int = 56) -> QVBoxLayout:
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(margins, 36, margins, 48)
    outer.setSpacing(28)
    if header is not None:
        outer.addWidget(header)
        if isinstance(screen, Screen):
            gap = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            outer.addSpacerItem(gap)
            screen.use_reach_gap(outer, header, gap)
    return outer
