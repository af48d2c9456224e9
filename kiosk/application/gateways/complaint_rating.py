"""A customer rates the outcome of their complaint from the link in the outcome e-mail (``/rate/<token>``):
read the link, show what it is about, record the answer once."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.application.secrets import load_link_secret
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services.notifications import complaint_links
from kiosk.services.notifications.complaint_links import RatingPreview
from kiosk.services.notifications.host_links import LinkClaim, LinkSigner

__all__ = ["ComplaintRatingGateway", "RatingPreview"]


@dataclass
class ComplaintRatingGateway:
    database: Database
    signer: LinkSigner

    @classmethod
    def from_settings(cls, database: Database, settings: Settings) -> ComplaintRatingGateway:
        return cls(database, LinkSigner(load_link_secret(settings)))

    def preview(self, token: str) -> RatingPreview:
        """Whose complaint and what was done; nothing spent. LinkRefused when the link cannot be answered."""
        claim = complaint_links.read(self.signer, token)
        with self.database.unit_of_work(claim.actor, write=False) as uow:
            return complaint_links.preview(uow, claim)

    def rate(self, token: str, score: int) -> LinkClaim:
        """Record the answer once; LinkRefused (tampered, expired, used, stale) or ValidationFailed (the score)."""
        claim = complaint_links.read(self.signer, token)
        with self.database.unit_of_work(claim.actor) as uow:
            complaint_links.rate(uow, claim, score)
        return claim
