"""Small helpers shared by the notification tests."""

from __future__ import annotations

import io
from email.message import EmailMessage

from PIL import Image
from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import Notification
from kiosk.services.visits import checkin
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.walkins import WalkInForm, WalkInResult, register_walk_in

SITE = "HQ"


def rows(db: Database, **where: object) -> list[Notification]:
    """Outbox rows (detached snapshots), oldest first, filtered by column equality."""
    with db.unit_of_work("test", write=False) as uow:
        query = select(Notification).order_by(Notification.id)
        for column, value in where.items():
            query = query.where(getattr(Notification, column) == value)
        return list(uow.session.scalars(query))


def check_in(db: Database, token: str) -> CheckInResult:
    with db.unit_of_work("kiosk:K1") as uow:
        return checkin.check_in_by_token(uow, token, site_code=SITE)


def walk_in(db: Database, host_id: int, name: str = "李雷", phone: str = "13900139000") -> WalkInResult:
    with db.unit_of_work("kiosk:K1") as uow:
        return register_walk_in(
            uow, WalkInForm(name=name, phone=phone, host_id=host_id, purpose="meeting", company="ACME <b>"),
            site_code=SITE,
        )


def jpeg(colour: str = "red") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 64), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def parts(message: EmailMessage) -> list[str]:
    """Every MIME part's content type, depth-first, for asserting a message's shape."""
    return [part.get_content_type() for part in message.walk()]


def part_of(message: EmailMessage, content_type: str) -> EmailMessage:
    matches = [p for p in message.walk() if p.get_content_type() == content_type]
    assert matches, f"no {content_type} part in {parts(message)}"
    return matches[0]  # type: ignore[return-value]
