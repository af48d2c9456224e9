"""Host replies from a link in a notice: read a link, show whom it is about, act on it once."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.application.secrets import load_link_secret
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services.notifications import host_links
from kiosk.services.notifications.host_links import LinkClaim, LinkSigner


@dataclass(frozen=True)
class LinkPreview:
    claim: LinkClaim
    visitor_name: str  # for a requisition: its requester (and department); for a booking: its organiser
    lines: tuple[str, ...] = ()  # a requisition's lines, a booking's time, room and topic: on the confirmation page


@dataclass
class HostReplyGateway:
    database: Database
    signer: LinkSigner

    @classmethod
    def from_settings(cls, database: Database, settings: Settings) -> HostReplyGateway:
        return cls(database, LinkSigner(load_link_secret(settings)))

    def preview(self, token: str) -> LinkPreview:
        """What the link would do and to whom; nothing is spent. LinkRefused when it cannot act."""
        claim = self.signer.read_token(token)
        with self.database.unit_of_work(claim.actor, write=False) as uow:
            if claim.subject == host_links.REQUISITION:
                who, lines = host_links.requisition_preview(uow, claim)
                return LinkPreview(claim, who, tuple(lines))
            if claim.subject == host_links.BOOKING:
                who, lines = host_links.booking_preview(uow, claim)
                return LinkPreview(claim, who, tuple(lines))
            if claim.subject == host_links.MESSAGE:
                who, lines = host_links.message_preview(uow, claim)
                return LinkPreview(claim, who, tuple(lines))
            return LinkPreview(claim, host_links.visitor_name(uow, claim))

    def act(self, token: str) -> LinkClaim:
        """Act once; LinkRefused (tampered, expired, used) or a ServiceError (the visit moved on)."""
        claim = self.signer.read_token(token)
        with self.database.unit_of_work(claim.actor) as uow:
            host_links.redeem(uow, claim)
        return claim
