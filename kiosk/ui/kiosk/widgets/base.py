"""Building blocks every kiosk screen uses: the screen base, its control bar, big tiles, labels.

Every screen keeps what a visitor presses for themselves ("Start over", larger text, high contrast,
the language) in one bar along the bottom: on a 1920 px tall portrait screen the top third is out of
reach from a wheelchair and out of sight for a short visitor, so the upper part holds what is read
(title, icon, camera preview) and the bar sits where every hand reaches it, on every screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.common.plain_text import plain
from kiosk.ui.kiosk.accessibility import AccessibilityToggles, first_focusable, make_keyboard_operable
from kiosk.ui.kiosk.themed_icons import IconRole, set_icon
from kiosk.ui.kiosk.themed_icons import icon_label as icon_label  # the screens' import, now themed

TILE_MIN_HEIGHT = 136  # px: a thumb-sized target even when its words are short


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
        self._bar: ControlBar | None = None
        self._content: QVBoxLayout | None = None
        self._keyboard_order: tuple[QWidget, ...] = ()

    def use_bar(self, bar: ControlBar) -> None:
        self._bar = bar

    def resizeEvent(self, event: object) -> None:
        # Screens re-arrange themselves for portrait or landscape here and pass the event on.
        self._place_centred_content()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _place_centred_content(self) -> None:
        """A page with stretch above and below its words (done, waiting, a message) sits a little above the
        middle in landscape, and high in portrait, where the lower part is a long way down for the eyes
        and the bar at the foot is what the hands want."""
        content = self._content
        if content is None or content.count() < 2:
            return
        last = content.count() - 1
        first_item, last_item = content.itemAt(0), content.itemAt(last)
        if first_item is None or last_item is None or not (first_item.spacerItem() and last_item.spacerItem()):
            return
        portrait = self.height() > self.width()
        content.setStretch(0, 1 if portrait else 2)
        content.setStretch(last, 3)

    def _bar_buttons(self) -> tuple[QWidget, ...]:
        return self._bar.buttons() if self._bar is not None else ()

    def keyboard_order(self, *widgets: QWidget) -> None:
        """Tab order, top to bottom: ``widgets``, then the control bar's buttons (buttons become Enter-pressable)."""
        self._keyboard_order = widgets
        make_keyboard_operable(self, *widgets, *self._bar_buttons())

    def keyboard_entry(self) -> QWidget | None:
        """Where a keyboard user's focus lands when this screen comes up: its first step, else the bar."""
        return first_focusable((*self._keyboard_order, *self._bar_buttons()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""

    def reset(self) -> None:
        """Forget everything the last visitor typed or saw."""


class ControlBar(QFrame):
    """The row along the bottom of every screen, within reach of every visitor (a wheelchair user, a
    child, someone short): "Start over" on the left; larger text, high contrast and the language on the
    right, each with words beside its sign. The welcome screen hides "Start over"; a screen whose visit
    is complete can call it "Done" (``home_text``)."""

    home_clicked = Signal()
    language_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, show_home: bool = True) -> None:
        super().__init__(parent)
        self.setProperty("role", "control-bar")
        self._home_text: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.home = button("bar-home")
        set_icon(self.home, "home", 36, IconRole.ACCENT)
        self.home.setIconSize(QSize(32, 32))
        self.home.clicked.connect(self.home_clicked)
        self.home.setVisible(show_home)
        self.accessibility = AccessibilityToggles()
        self.language = button("language")
        set_icon(self.language, "globe", 28, IconRole.MUTED)
        self.language.setIconSize(QSize(28, 28))
        self.language.clicked.connect(self.language_clicked)
        row.addWidget(self.home)
        row.addStretch(1)
        row.addWidget(self.accessibility)
        row.addWidget(self.language)
        self.retranslate()

    def home_text(self, text: str | None) -> None:
        """What "Start over" says on this screen (None: "Start over"); the caller translates it."""
        self._home_text = text
        self.retranslate()

    def buttons(self) -> tuple[QWidget, ...]:
        """In reading order, for the screen's Tab order."""
        return (self.home, self.accessibility.large_text, self.accessibility.high_contrast, self.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.home.setText(self._home_text or self.tr("Start over"))
        self.language.setText(language_switch_text())


Header = ControlBar  # the screens' old name for it, until they are renamed


class Tile(QPushButton):
    """A big choice on the welcome screen: icon, title, one line of explanation."""

    def __init__(self, icon_name: str, *, primary: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile-primary" if primary else "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(TILE_MIN_HEIGHT)
        # As tall as its words need (large text grows it) and no taller: the room left goes to the hero card.
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        suffix = "-inverse" if primary else ""
        self.icon_label = QLabel()
        set_icon(self.icon_label, icon_name, 64, IconRole.ON_ACCENT if primary else IconRole.ACCENT)
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

    # A button does not ask its layout: the words inside, wrapped to the tile's width, decide its height,
    # held as its minimum so a crowded screen takes room from anything but the tiles.
    def heightForWidth(self, width: int) -> int:
        inner = self.layout()
        needed = inner.totalHeightForWidth(width) if inner is not None else 0
        return max(TILE_MIN_HEIGHT, needed)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def _fit_height(self) -> None:
        height = self.heightForWidth(self.width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_layout()
        self._fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_layout()

    def _fit_layout(self) -> None:
        # A button's layout is not always told of its size: when the kiosk window is made frameless and
        # fullscreen its native window is made again, the tiles are resized meanwhile without a resize
        # event, and their words stayed squeezed into the height they had before.
        inner = self.layout()
        if inner is not None and inner.geometry() != self.rect():
            inner.setGeometry(self.rect())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LanguageChange):
            QTimer.singleShot(0, self, self._fit_height)  # after the labels have their new fonts and words

    def set_texts(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.setAccessibleName(title)
        self._fit_height()


def page_layout(screen: QWidget, bar: ControlBar | None = None, *, margins: int = 56) -> QVBoxLayout:
    """The screen's page: the returned layout takes its content, top down; ``bar`` goes along the bottom."""
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(margins, 36, margins, 32)
    outer.setSpacing(24)
    content = QVBoxLayout()
    content.setSpacing(28)
    outer.addLayout(content, 1)
    if isinstance(screen, Screen):
        screen._content = content
    if bar is not None:
        outer.addWidget(bar)
        if isinstance(screen, Screen):
            screen.use_bar(bar)
    return content
