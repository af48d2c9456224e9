"""Asking a host about a visit registered ahead on the web: the ``preregistration_request`` notice.

Its own module because two places ask: ``preregistration.register`` (a request nobody holds) and
``denylist.override_hold`` (a held request the desk releases), and the deny list must not import
the pre-registration service (which screens against it).
"""

from __future__ import annotations

from kiosk.db.uow import UnitOfWork
from kiosk.models import Visit
from kiosk.services import outbox
from kiosk.services.directory.sites import SiteInfo

REQUEST_EVENT = "preregistration_request"


def time_text(site: SiteInfo, visit: Visit) -> str:
    """The visit's expected window in the site's time, "09:30–11:00" (or the start alone)."""
    start = visit.expected_start.astimezone(site.zone).strftime("%H:%M") if visit.expected_start else ""
    end = visit.expected_end.astimezone(site.zone).strftime("%H:%M") if visit.expected_end else ""
    return f"{start}–{end}" if start and end else start


def ask_host(uow: UnitOfWork, visit: Visit, site: SiteInfo, *, host_page: str = "") -> int:
    """Queue the request to the visit's host (e-mail, and chat where set; reply links are added when
    sent). ``host_page``: the host page's URL for proposing another time. Returns rows queued."""
    visitor = visit.visitor
    # host_notified_at stays empty: the 15-minute escalation is for visitors waiting in the lobby.
    return outbox.notify_host(
        uow, visit.host, event=REQUEST_EVENT, subject_key=f"visit:{visit.id}", visit_id=visit.id,
        payload={"visit_id": visit.id, "visitor_name": visitor.name, "company": visitor.company or "",
                 "purpose": visit.purpose.value, "purpose_note": visit.purpose_note, "site_name": site.name,
                 "visit_date": visit.visit_date.isoformat(), "time_text": time_text(site, visit),
                 "party_size": visit.party_size, "host_page": host_page},
    )
