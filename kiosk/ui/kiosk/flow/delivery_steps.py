"""Couriers: pick the recipient (or reception) and the carrier, reception and the host are told, thank you."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.services.visits.deliveries import DeliveryAnnounced
from kiosk.ui.kiosk.flow import visitor_messages

if TYPE_CHECKING:
    from kiosk.ui.kiosk.flow.controller import KioskFlow


class DeliverySteps(QObject):
    def __init__(self, flow: KioskFlow) -> None:
        super().__init__(flow)
        self.flow = flow
        flow.window.delivery.submitted.connect(self.announce)

    def announce(self, host_id: int | None, carrier: str) -> None:
        if self.flow.busy:
            return
        self.flow.busy = True
        self.flow.pool.submit(self.flow.gateway.announce_delivery, host_id, carrier,
                              on_done=self._announced, on_error=self._failed)

    def _announced(self, result: DeliveryAnnounced) -> None:
        self.flow.busy = False
        self.flow.show_message(visitor_messages.delivery_announced(result.recipient, result.department))

    def _failed(self, error: ServiceError) -> None:
        self.flow.busy = False
        if isinstance(error, ValidationFailed) and any(e.field == "host" for e in error.errors):
            # The person just left the company (or was deactivated): the parcel goes to reception instead.
            self.flow.show_message(visitor_messages.see_front_desk())
            return
        self.flow.show_message(visitor_messages.service_error(error))
