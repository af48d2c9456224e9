"""Couriers: pick the recipient (or reception) and the carrier, reception and the host are told, thank you."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.services.visits.deliveries import DeliveryAnnounced
from kiosk.ui.kiosk.flow import visitor_messages
from kiosk.ui.kiosk.flow.navigator import Steps


class DeliverySteps(QObject):
    def __init__(self, steps: Steps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow, self.gateway, self.pool = steps.navigator, steps.gateway, steps.pool
        steps.window.delivery.submitted.connect(self.announce)

    def announce(self, host_id: int | None, carrier: str) -> None:
        if self.flow.busy:
            return
        self.flow.busy = True
        self.pool.submit(self.gateway.announce_delivery, host_id, carrier,
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
