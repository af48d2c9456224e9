"""Wrong maintenance PINs per kiosk, in the database: a kiosk restarted to reset the count is still locked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import KioskPinLock

MAX_WRONG_PINS = 3
LOCK_FOR = timedelta(minutes=1)


@dataclass(frozen=True)
class PinLockState:
    wrong_pins: int  # since the last right PIN or the end of the last lock
    locked_seconds: int  # 0 when the pad may be used


def _row(uow: UnitOfWork, kiosk_code: str) -> KioskPinLock | None:
    return uow.session.scalar(select(KioskPinLock).where(KioskPinLock.kiosk_code == kiosk_code).with_for_update())


def _state(uow: UnitOfWork, row: KioskPinLock | None) -> PinLockState:
    if row is None:
        return PinLockState(0, 0)
    if row.locked_until is not None and row.locked_until > uow.now():
        return PinLockState(row.wrong_pins, max(1, round((row.locked_until - uow.now()).total_seconds())))
    if row.locked_until is not None:  # the lock is over: a fresh set of tries
        return PinLockState(0, 0)
    return PinLockState(row.wrong_pins, 0)


def pin_lock_state(uow: UnitOfWork, kiosk_code: str) -> PinLockState:
    return _state(uow, _row(uow, kiosk_code))


def record_pin_attempt(uow: UnitOfWork, kiosk_code: str, *, right: bool) -> PinLockState:
    """Count a wrong PIN (the third locks the pad for a minute) or clear the count for a right one.
    A try while locked changes nothing: the caller should not have checked it."""
    row = _row(uow, kiosk_code)
    state = _state(uow, row)
    if state.locked_seconds:
        return state
    if row is None:
        row = KioskPinLock(kiosk_code=kiosk_code, wrong_pins=0, updated_at=uow.now())
        uow.session.add(row)
    row.wrong_pins = 0 if right else state.wrong_pins + 1
    row.locked_until = uow.now() + LOCK_FOR if row.wrong_pins >= MAX_WRONG_PINS else None
    row.updated_at = uow.now()
    result = _state(uow, row)
    uow.commit()
    return result
