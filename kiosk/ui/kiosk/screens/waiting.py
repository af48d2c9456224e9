"""A walk-in waits here while the host is asked; the flow polls and moves on when they answer.

When the host says "on my way" the news leads: a walking figure and "Li Na is on the way" as the
headline, the hourglass gone (the visitor is no longer waiting on an unknown).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.ui.kiosk.themed_icons import IconRole, set_icon
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, icon_label, label, page_layout

ICON_SIZE = 130


class WaitingScreen(Screen):
    idle_exempt = True

    cancel = Signal()
    # The host answered "on my way" (once per visitor, however often the flow hears it again).
    host_coming = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host_name = ""
        self.department = ""
        self.host_on_the_way = False
        self.header = Header(self, show_home=False)
        centre = Qt.AlignmentFlag.AlignHCenter
        self.icon = icon_label("hourglass", ICON_SIZE)
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

    @property
    def icon_name(self) -> str:
        return "walking" if self.host_on_the_way else "hourglass"

    def show_waiting(self, host_name: str, department: str) -> None:
        self.host_name, self.department = host_name, department
        self._set_on_the_way(False)

    def show_host_on_the_way(self) -> None:
        """The host answered "on my way" but has not said yes yet: the visitor keeps waiting, now knowing why."""
        if not self.host_on_the_way:
            self._set_on_the_way(True)
            self.host_coming.emit()

    def _set_on_the_way(self, on_the_way: bool) -> None:
        self.host_on_the_way = on_the_way
        set_icon(self.icon, self.icon_name, ICON_SIZE, IconRole.ACCENT)
        self.retranslate()

    def _host(self) -> str:
        if not self.department:
            return self.host_name
        return self.tr("{host} ({department})").format(host=self.host_name, department=self.department)

    def retranslate(self) -> None:
        if self.host_on_the_way:
            self.title.setText(self.tr("{host} is on the way").format(host=self.host_name))
            self.body.setText(self.tr("{host} will meet you here in the lobby.").format(host=self._host()))
        else:
            self.title.setText(self.tr("Thank you, please wait a moment"))
            self.body.setText(self.tr("We have let {host} know you are here and are waiting for a reply.").format(
                host=self._host()))
        self.hint.setText(self.tr("This screen will change by itself. Feel free to take a seat."))
        self.cancel_button.setText(self.tr("Cancel my visit"))

    def reset(self) -> None:
        self.host_name = self.department = ""
        self._set_on_the_way(False)
