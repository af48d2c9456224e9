"""Every gateway the desk's views use, made for one signed-in person so each acts as them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.application.gateways.desk import DeskGateway
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services.auth import StaffSession


@dataclass(frozen=True)
class DeskGateways:
    session: StaffSession
    visits: DeskGateway
    now: Callable[[], datetime]  # the database's clock: "today" on screen agrees with the rules


@dataclass(frozen=True)
class DeskGatewayFactory:
    database: Database
    site_code: str

    @classmethod
    def from_settings(cls, database: Database, settings: Settings) -> DeskGatewayFactory:
        return cls(database, settings.site.code)

    def for_session(self, session: StaffSession) -> DeskGateways:
        return DeskGateways(
            session=session,
            visits=DeskGateway(self.database, self.site_code, actor=session.actor, role=session.role),
            now=self.database.clock.now,
        )
