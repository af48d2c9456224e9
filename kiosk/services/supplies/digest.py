"""The daily low-stock digest: once a day, from ``[supplies] digest_time`` at the site, one notice to the
person responsible (``[supplies] responsible``: e-mail addresses and/or apprise URLs) listing every
active item under its minimum. Never one notice per movement: housekeeping calls ``queue_digest`` on its
passes, and the outbox's key (event, site and date, channel, recipient) lets only the first of the day
through, however many passes and kiosks run it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from enum import StrEnum

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notifications import Channel
from kiosk.services import outbox
from kiosk.services.directory.sites import get_site
from kiosk.services.supplies.items import low_stock

__all__ = ["EVENT", "DigestOutcome", "queue_digest", "recipients"]

EVENT = "supplies_low_stock"


class DigestOutcome(StrEnum):
    QUEUED = "queued"
    ALREADY_QUEUED = "already_queued"  # today's went out on an earlier pass (or another kiosk's)
    NOT_YET = "not_yet"  # before the digest time today
    NOTHING_LOW = "nothing_low"  # looked again on the next pass: something may run low later today
    NOBODY = "nobody"  # [supplies] responsible is empty


def recipients(responsible: Sequence[str]) -> list[tuple[Channel, str]]:
    """An apprise URL (``scheme://``) is a chat recipient, anything else an e-mail address."""
    return [(Channel.CHAT if "://" in address else Channel.EMAIL, address.strip())
            for address in responsible if address.strip()]


def queue_digest(uow: UnitOfWork, site_code: str, *, responsible: Sequence[str], digest_time: time,
                 language: str = "zh_CN") -> DigestOutcome:
    """Today's digest queued (and committed) if it is time, something is low and it was not queued yet."""
    to = recipients(responsible)
    if not to:
        return DigestOutcome.NOBODY
    site = get_site(uow, site_code)
    now = uow.now()
    today = site.local_date(now)
    if now < site.local_instant(today, digest_time):
        return DigestOutcome.NOT_YET
    subject_key = f"{site_code}:{today.isoformat()}"
    lines = low_stock(uow)
    if not lines:
        return DigestOutcome.NOTHING_LOW
    payload = {
        "site_name": site.name, "date": today.isoformat(), "count": len(lines),
        "low_stock": [{"item_id": line.item_id, "name": line.item_name, "specification": line.specification,
                       "unit": line.unit, "on_hand": line.on_hand, "min_qty": line.min_qty,
                       "to_purchase": line.to_purchase} for line in lines],
    }
    queued = 0
    for channel, address in to:
        queued += outbox.enqueue(uow, event=EVENT, channel=channel, recipient=address, payload=payload,
                                 subject_key=subject_key, language=language)
    if not queued:
        return DigestOutcome.ALREADY_QUEUED
    uow.commit()
    return DigestOutcome.QUEUED
