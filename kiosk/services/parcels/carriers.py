"""The carriers the receive form offers, and which one a tracking number belongs to.

A number is guessed only when exactly one active carrier's pattern matches it whole: the common
shapes overlap (a 12-digit number may be ZTO or FedEx) and a wrong guess is worse than asking.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models.parcels import Carrier
from kiosk.services import audit
from kiosk.services.errors import FieldError, ValidationFailed
from kiosk.services.parcels.records import CarrierView

_SEPARATORS = re.compile(r"[\s\-]+")
_CODE = re.compile(r"[A-Z0-9_]{1,16}")


def normalise_tracking(text: str) -> str:
    """Upper-case, spaces and dashes removed: how a number is stored, searched and guessed from."""
    return _SEPARATORS.sub("", text or "").upper()


def _view(row: Carrier) -> CarrierView:
    return CarrierView(code=row.code, name_zh=row.name_zh, name_en=row.name_en,
                       tracking_pattern=row.tracking_pattern, active=row.active)


def list_carriers(uow: UnitOfWork, *, include_inactive: bool = False) -> list[CarrierView]:
    query = select(Carrier).order_by(Carrier.id)
    if not include_inactive:
        query = query.where(Carrier.active.is_(True))
    return [_view(row) for row in uow.session.scalars(query)]


def guess_from(carriers: list[CarrierView], tracking_no: str) -> str:
    """The code of the one active carrier whose pattern matches the whole normalised number, else ""."""
    number = normalise_tracking(tracking_no)
    if not number:
        return ""
    matches = []
    for carrier in carriers:
        if not (carrier.active and carrier.tracking_pattern):
            continue
        try:
            if re.fullmatch(carrier.tracking_pattern, number):
                matches.append(carrier.code)
        except re.error:  # an edited pattern that no longer compiles guesses nothing
            continue
    return matches[0] if len(matches) == 1 else ""


def guess(uow: UnitOfWork, tracking_no: str) -> str:
    return guess_from(list_carriers(uow), tracking_no)


def save_carrier(uow: UnitOfWork, carrier: CarrierView) -> CarrierView:
    """Add a carrier, or edit the one with this code (names, pattern, active)."""
    code = carrier.code.strip().upper()
    errors = []
    if not _CODE.fullmatch(code):
        errors.append(FieldError("code", "invalid", "use 1-16 letters, digits or _"))
    for name, value in (("name_zh", carrier.name_zh), ("name_en", carrier.name_en)):
        if not value.strip():
            errors.append(FieldError(name, "required", "a name is required"))
        elif len(value.strip()) > 100:
            errors.append(FieldError(name, "too_long", "at most 100 characters"))
    pattern = carrier.tracking_pattern.strip()
    if len(pattern) > 200:
        errors.append(FieldError("tracking_pattern", "too_long", "at most 200 characters"))
    else:
        try:
            re.compile(pattern)
        except re.error as exc:
            errors.append(FieldError("tracking_pattern", "invalid", f"not a regular expression: {exc}"))
    if errors:
        raise ValidationFailed(errors)
    row = uow.session.scalar(select(Carrier).where(Carrier.code == code))
    before = None if row is None else {"active": row.active, "pattern": row.tracking_pattern}
    if row is None:
        row = Carrier(code=code)
        uow.session.add(row)
    row.name_zh, row.name_en = carrier.name_zh.strip(), carrier.name_en.strip()
    row.tracking_pattern, row.active = pattern, carrier.active
    uow.session.flush()
    audit.record(uow, "carrier.added" if before is None else "carrier.edited", "carrier", row.id,
                 before=before, after={"code": code, "active": row.active, "pattern": pattern})
    view = _view(row)
    uow.commit()
    return view
