"""A walk-in waits here while the host is asked; the flow polls and moves on when they answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.kiosk.widgets.base import Header, Screen, button, icon_label, label, page_layout


class WaitingScreen(Screen):
    idle_exempt = True

    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = ""
        self.host_on_the_way = False
        self.header = Header(self, show_home=False)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.icon = icon_label("hourglass", 130)
        self.title = label("display", align=centre)
        self.body = label("subtitle", align=centre)
        self.hint = label("muted", align=centre)
        self.cancel_button = button()
        self.cancel_button.setMinimumWidth(320)
        self.cancel_button.clicked.connect(self.cancel)
        layout = page_layout(self, self.header)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(12)
        layout.addWidget(self.hint)
        layout.addSpacing(40)
        layout.addWidget(self.cancel_button, 0, centre)
        layout.addStretch(3)
        self.keyboard_order(self.cancel_button)
        self.retranslate()

    def show_waiting(self, host_name: str, department: str) -> None:
        self.host = f"{host_name} ({department})" if department else host_name
        self.host_on_the_way = False
        self.retranslate()

    def show_host_on_the_way(self) -> None:
        """The host answered "on my way" but has not said yes yet: the visitor keeps waiting, now knowing why."""
        self.host_on_the_way = True
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you, please wait a moment"))
        if self.host_on_the_way:
            self.body.setText(self.tr("{host} is on the way to meet you").format(host=self.host))
        else:
            self.body.setText(self.tr("We have let {host} know you are here and are waiting for a reply.").format(
                host=self.host))
        self.hint.setText(self.tr("This screen will change by itself. Feel free to take a seat."))
        self.cancel_button.setText(self.tr("Cancel my visit"))

    def reset(self) -> None:
        self.host = ""
        self.host_on_the_way = False
