"""A courier at the kiosk: whom the parcel is for (a person, or just reception), and optionally the carrier.

Only names and departments are shown: a courier never sees a phone number or an address.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.services.directory.hosts import HostSummary
from kiosk.ui.kiosk.themed_icons import IconRole, set_icon
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout
from kiosk.ui.kiosk.widgets.host_picker import HostPicker

# Brand names, shown as couriers know them; "Other" is the only one translated (and is sent as "").
CARRIERS = ("顺丰 SF", "京东 JD", "中通 ZTO", "圆通 YTO", "EMS")
OTHER_CARRIER = ""


class DeliveryScreen(Screen):
    host_query = Signal(str)
    submitted = Signal(object, str)  # host id or None for reception, carrier ("" if not said)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = Header(self)
        self.title = label("title")
        self.subtitle = label("subtitle")

        self.recipient_caption = label("field")
        self.host = HostPicker()
        self.host.query_changed.connect(self.host_query)
        self.host.host_changed.connect(self._host_changed)
        self.or_line = label("muted")
        self.reception = button("choice")
        self.reception.setCheckable(True)
        set_icon(self.reception, "desk", 40, IconRole.ACCENT)
        self.reception.setIconSize(QSize(40, 40))
        self.reception.toggled.connect(self._reception_toggled)
        recipient = QVBoxLayout()
        recipient.setSpacing(14)
        recipient.addWidget(self.recipient_caption)
        recipient.addWidget(self.host)
        recipient.addWidget(self.or_line)
        recipient.addWidget(self.reception)
        recipient.addStretch(1)

        self.carrier_caption = label("field")
        self.carrier_group = QButtonGroup(self)
        self.carrier_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(14)
        for index, carrier in enumerate((*CARRIERS, OTHER_CARRIER)):
            choice = button("choice", carrier)
            choice.setCheckable(True)
            self.carrier_group.addButton(choice)
            self.carrier_buttons[carrier] = choice
            grid.addWidget(choice, index // 2, index % 2)
        # Tapping the chosen carrier again un-chooses it: the question is optional.
        self.carrier_group.setExclusive(False)
        self.carrier_group.buttonClicked.connect(self._carrier_clicked)
        carrier_column = QVBoxLayout()
        carrier_column.setSpacing(14)
        carrier_column.addWidget(self.carrier_caption)
        carrier_column.addLayout(grid)
        carrier_column.addStretch(1)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(56)
        self.columns.addLayout(recipient, 3)
        self.columns.addLayout(carrier_column, 2)

        self.submit = button("primary")
        self.submit.setMinimumWidth(440)
        self.submit.setEnabled(False)
        self.submit.clicked.connect(self._submit)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.submit)

        layout = page_layout(self, self.header)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addLayout(self.columns)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.keyboard_order(*self.host.tab_stops(), self.reception, *self.carrier_buttons.values(), self.submit)
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        for index, stretch in enumerate((3, 2)):
            self.columns.setStretch(index, 0 if portrait else stretch)
        self.host.set_portrait(portrait)
        super().resizeEvent(event)

    def set_host_results(self, hosts: list[HostSummary]) -> None:
        self.host.set_results(hosts)

    def carrier(self) -> str:
        return next((name for name, choice in self.carrier_buttons.items() if choice.isChecked()), "")

    def _carrier_clicked(self, clicked: QPushButton) -> None:
        for choice in self.carrier_buttons.values():
            if choice is not clicked:
                choice.setChecked(False)

    def _host_changed(self) -> None:
        if self.host.selected is not None:
            self.reception.setChecked(False)
        self._update_submit()

    def _reception_toggled(self, checked: bool) -> None:
        if checked and self.host.selected is not None:
            self.host.clear_choice()
        self._update_submit()

    def _update_submit(self) -> None:
        self.submit.setEnabled(self.host.selected is not None or self.reception.isChecked())

    def _submit(self) -> None:
        host_id = self.host.selected.id if self.host.selected is not None else None
        if host_id is None and not self.reception.isChecked():
            return
        self.submit.setEnabled(False)  # one parcel, one announcement
        self.submitted.emit(host_id, self.carrier())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Delivering a parcel?"))
        self.subtitle.setText(self.tr("Tell us who it is for and we will let them know."))
        self.recipient_caption.setText(self.tr("Who is the parcel for?"))
        self.or_line.setText(self.tr("No name on the parcel, or not sure?"))
        self.reception.setText(self.tr("Reception"))
        self.carrier_caption.setText(self.tr("Courier company (optional)"))
        self.carrier_buttons[OTHER_CARRIER].setText(self.tr("Other"))
        self.submit.setText(self.tr("Notify"))
        self.host.retranslate()

    def reset(self) -> None:
        self.host.reset()
        self.reception.setChecked(False)
        for choice in self.carrier_buttons.values():
            choice.setChecked(False)
        self._update_submit()
