"""Visitor photos: taken only with consent, stored with the visit, purged with it."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Visit, VisitPhoto
from kiosk.services import audit
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.visits import lifecycle

MAX_PHOTO_BYTES = 300 * 1024


def save_photo(uow: UnitOfWork, visit_id: int, jpeg: bytes) -> None:
    """Keep (or replace, on retake) the visit's photo. Only a JPEG of sane size is accepted."""
    store_photo(uow, lifecycle.load_visit(uow, visit_id), jpeg)
    uow.commit()


def store_photo(uow: UnitOfWork, visit: Visit, jpeg: bytes) -> None:
    """The photo, in the caller's transaction."""
    if not jpeg.startswith(b"\xff\xd8") or len(jpeg) > MAX_PHOTO_BYTES:
        raise ValidationFailed([FieldError("photo", "invalid", "the photo is not a JPEG under 300 KB")])
    photo = uow.session.scalar(select(VisitPhoto).where(VisitPhoto.visit_id == visit.id))
    if photo is None:
        uow.session.add(VisitPhoto(visit_id=visit.id, jpeg=jpeg, created_at=uow.now()))
    else:
        photo.jpeg, photo.created_at = jpeg, uow.now()
    audit.record(uow, "visit.photo_saved", "visit", visit.id)


def photo_for(uow: UnitOfWork, visit_id: int) -> bytes | None:
    return uow.session.scalar(select(VisitPhoto.jpeg).where(VisitPhoto.visit_id == visit_id))
