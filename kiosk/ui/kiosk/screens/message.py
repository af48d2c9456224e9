"""One screen for every calm message: an icon, a title, a sentence, and what the visitor can do next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui.kiosk.flow.visitor_messages import Message
from kiosk.ui.kiosk.themed_icons import IconRole, set_icon
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout


class MessageScreen(Screen):
    accepts_codes = True
    auto_return_seconds = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message: Message | None = None
        self.header = Header(self)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.icon = label("title", align=Qt.AlignmentFlag.AlignCenter)
        self.title = label("display", align=centre)
        self.body = label("subtitle", align=centre)
        self.hint = label("muted", align=centre)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(24)
        self.action_buttons: list[QPushButton] = []
        layout = page_layout(self, self.header)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(40)
        layout.addLayout(self.buttons)
        layout.addSpacing(16)
        layout.addWidget(self.hint)
        layout.addStretch(3)
        self.keyboard_order()

    def show_message(self, message: Message) -> None:
        self.message = message
        self.auto_return_seconds = message.auto_return_seconds
        set_icon(self.icon, message.icon, 140, IconRole.ACCENT)
        self._clear_buttons()
        self.buttons.addStretch(1)
        for action in message.actions:
            widget = button("primary" if action.primary else "")
            widget.setMinimumWidth(320)
            widget.clicked.connect(action.callback)
            self.buttons.addWidget(widget)
            self.action_buttons.append(widget)
        self.buttons.addStretch(1)
        self.keyboard_order(*self.action_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        if self.message is None:
            return
        # A finished errand (thanks, signed out, parcel announced) is "Done"; a problem is "Start over".
        self.header.home_text(self.tr("Done") if self.message.complete else None)
        self.title.setText(self.message.title())
        self.body.setText(self.message.body())
        hint = self.message.hint
        self.hint.setText(hint() if hint is not None else "")
        self.hint.setVisible(hint is not None)
        for widget, action in zip(self.action_buttons, self.message.actions, strict=True):
            widget.setText(action.text())

    def _clear_buttons(self) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # hide() now: deleteLater() only takes effect on the next pass of the event loop.
                widget.hide()
                widget.deleteLater()
        self.action_buttons = []

    def reset(self) -> None:
        self.message = None
        self.header.home_text(None)
        self.title.clear()
        self.body.clear()
        self.hint.clear()
        self._clear_buttons()
