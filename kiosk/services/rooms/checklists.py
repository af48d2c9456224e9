"""Preparation and after-use checklists. CONTRACT STUB (filled by the checklist work)."""

from __future__ import annotations

from kiosk.db.uow import UnitOfWork
from kiosk.models.rooms import Booking


def sync_checklist(uow: UnitOfWork, booking: Booking) -> None:
    """Make (or, after an edit, bring up to date) the booking's checklist lines that are not ticked yet."""
