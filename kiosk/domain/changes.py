"""What a desk view can follow live: the areas of the data a write transaction may change.

Every table belongs to one area (``kiosk/db/changes.py`` says which). A write transaction that
changed rows of an area records it; the change watcher (``kiosk/application/change_watcher.py``)
tells each desk process which areas changed, and a view refetches its visible rows only when
an area it shows is among them. A new area (parcels, supplies, rooms) adds a member here and its
tables to the mapping.
"""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    # Visits, visitors, access tokens, badge print jobs, feedback, photos, agreement signatures.
    VISITS = "visits"
    # The notification outbox (and the host-reply links spent on its messages).
    NOTIFICATIONS = "notifications"
    # Hosts, departments, sites, agreement texts.
    DIRECTORY = "directory"
    # Staff users and the deny list.
    STAFF = "staff"
    # The audit trail.
    AUDIT = "audit"
    # Registered kiosks and their heartbeats.
    KIOSKS = "kiosks"
    # Notices at the front desk (what the kiosk's welcome screen tells visitors).
    NOTICES = "notices"
    # Parcels received for staff (photos, signatures, shelf labels), outgoing mail, the carriers.
    PARCELS = "parcels"
    # Office supplies: items, the stock ledger, requisitions, purchases, stocktakes.
    SUPPLIES = "supplies"
    # Meeting rooms, their bookings, checklists and damage reports.
    ROOMS = "rooms"
    # The desk's own records: phone messages, complaints, routine checks, the monthly reports.
    RECORDS = "records"


ALL_AREAS: frozenset[Area] = frozenset(Area)


def parse_areas(text: str) -> frozenset[Area]:
    """``"audit,visits"`` (a notification's payload) as areas; names this version does not know
    (a newer process wrote them) are skipped."""
    known = {area.value: area for area in Area}
    return frozenset(known[name] for name in (part.strip() for part in text.split(",")) if name in known)


def format_areas(areas: frozenset[Area] | set[Area]) -> str:
    """The areas as one sorted, comma-separated text (the inverse of ``parse_areas``)."""
    return ",".join(sorted(area.value for area in areas))
