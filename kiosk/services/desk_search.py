"""The desk's Ctrl+K: one box that finds a visitor (by name or phone) or a host (name, pinyin, initials).

Parcels join the results when the parcels area arrives; each area adds its finder here.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db.uow import UnitOfWork
from kiosk.services.directory import hosts
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.text import normalise_phone
from kiosk.services.visits import visit_log
from kiosk.services.visits.visit_log import VisitSummary

SHOWN_PER_KIND = 8
QUERY_MAX = 100


@dataclass(frozen=True)
class SearchResults:
    visits: list[VisitSummary]
    hosts: list[HostSummary]

    @property
    def empty(self) -> bool:
        return not self.visits and not self.hosts


def _looks_like_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 5 and digits >= len(text.replace(" ", "").replace("-", "").replace("+", "")) - 1


def search(uow: UnitOfWork, text: str) -> SearchResults:
    query = text.strip()[:QUERY_MAX]
    if not query:
        return SearchResults([], [])
    if _looks_like_phone(query):
        phone = normalise_phone(query, errors=[])  # a partial number is no phone: nothing found, no error
        visits = visit_log.search_visits(uow, phone=phone, limit=SHOWN_PER_KIND) if phone else []
        return SearchResults(visits, [])
    return SearchResults(
        visit_log.search_visits(uow, name=query, limit=SHOWN_PER_KIND),
        hosts.search_hosts(uow, query, limit=SHOWN_PER_KIND),
    )
