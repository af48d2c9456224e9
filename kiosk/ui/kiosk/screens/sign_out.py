"""Signing out: scan the badge, or find yourself by name when the badge is lost."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.services.visits.signout import OnSiteMatch
from kiosk.ui.kiosk.accessibility import make_list_keyboard_operable
from kiosk.ui.kiosk.widgets.base import Header, Screen, icon_label, label, page_layout
from kiosk.ui.kiosk.widgets.typing_lists import ListInSight

_HAN = re.compile(r"[\u3400-\u9fff]")
ROW_HEIGHT = 88
MAX_ROWS = 5  # a longer list scrolls


def masked_name(name: str) -> str:
    """Enough for visitors to find themselves, not enough to learn who else is in the building."""
    name = name.strip()
    if _HAN.match(name):
        return name[0] + "*" * max(1, len(name) - 1)
    first, _, rest = name.partition(" ")
    return f"{first} {rest[0]}." if rest else first


class _MatchRow(QWidget):
    def __init__(self, name: str, host: str) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 0, 20, 0)
        who = label("body", name, wrap=False)
        visiting = label("muted", self.tr("Visiting {host}").format(host=host), wrap=False)
        row.addWidget(who)
        row.addStretch(1)
        row.addWidget(visiting)
        for child in (who, visiting):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class SignOutScreen(Screen):
    accepts_codes = True

    search = Signal(str)
    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = Header(self)
        self.title = label("title")
        self.subtitle = label("subtitle")
        self.badge_hint = label("hint")
        self.name_title = label("field")
        self.name = QLineEdit()
        self.name.setMaxLength(50)
        self.name.textChanged.connect(self._typed)
        self.matches = QListWidget()
        self.matches.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.matches.itemClicked.connect(self._picked)
        make_list_keyboard_operable(self.matches, lambda index: self._picked(self.matches.item(index.row())),
                                    self.name)
        self.in_sight = ListInSight(self.name, self.matches, ROW_HEIGHT, lambda: MAX_ROWS)
        self.empty = label("muted")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: self.search.emit(self.name.text().strip()))

        badge = QHBoxLayout()
        badge.setSpacing(24)
        badge.addWidget(icon_label("qr", 72))
        badge.addWidget(self.badge_hint, 1)
        by_name = QVBoxLayout()
        by_name.setSpacing(12)
        by_name.addWidget(self.name_title)
        by_name.addWidget(self.name)
        by_name.addWidget(self.empty)
        by_name.addWidget(self.matches)
        by_name.addStretch(1)

        layout = page_layout(self, self.header)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(16)
        layout.addLayout(badge)
        layout.addSpacing(24)
        layout.addLayout(by_name, 1)
        self.keyboard_order(self.name, self.matches)
        self.retranslate()
        self.set_matches(None)

    def _typed(self, text: str) -> None:
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self.set_matches(None)

    def set_matches(self, matches: list[OnSiteMatch] | None) -> None:
        self.matches.clear()
        for match in matches or []:
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            item.setData(Qt.ItemDataRole.UserRole, match.visit_id)
            self.matches.addItem(item)
            self.matches.setItemWidget(item, _MatchRow(masked_name(match.visitor_name), match.host_name))
        self.matches.setVisible(bool(matches))
        self.in_sight.update()
        self.empty.setVisible(matches is not None and not matches)

    def _picked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Signing out"))
        self.subtitle.setText(self.tr("Thank you for visiting."))
        self.badge_hint.setText(self.tr("Hold the QR code on your visitor badge up to the camera."))
        self.name_title.setText(self.tr("Lost your badge? Find your name"))
        self.name.setPlaceholderText(self.tr("Start typing your name"))
        self.empty.setText(
            self.tr("No one by that name is signed in. Please check the spelling, or see the front desk.")
        )

    def reset(self) -> None:
        self._debounce.stop()
        self.name.clear()
        self.set_matches(None)
