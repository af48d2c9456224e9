"""The audit trail, read: which events a query matches (ids, newest first, sorted in SQL), the rows of
the ids on screen, and the people, actions and kinds of object the filters offer.

The trail grows without end (every desk action, check-in, print and sign-in writes a row), so the
desk never loads it whole: ``audit_ids`` gives the matching ids as an array of int64 (a million in
8 MB), newest first; ``audit_rows`` reads the few on screen; see ``kiosk/ui/desk/lazy_table.py``. Reading it is a
supervisor's (``Permission.AUDIT_LOG``): every function takes the caller's ``role`` and refuses
anyone else (``PolicyRefusal``, code ``not_allowed``).

Events hold ids and states, never names (``kiosk/services/audit.py``): what a row shows is the
actor as recorded (``staff:amy``, ``kiosk:K1``, ``cli:root``), the action's code, the object (kind and
id) and the before/after states.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import AuditEvent
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, PolicyRefusal, ValidationFailed

NOT_ALLOWED = "not_allowed"
# The filters' drop-downs: more distinct actors than this (hosts answering by e-mail link each act
# under their own address) are not listed; a filter can still name any actor.
MAX_CHOICES = 500
# ``audit_rows`` reads at most this many ids per call (a page of the desk's table is 100).
MAX_ROWS = 1000
FILTER_MAX = 64  # the width of the actor and action columns
ID_FETCH = 20_000


def refuse_unless_auditor(role: StaffRole) -> None:
    if not may(role, Permission.AUDIT_LOG):
        raise PolicyRefusal("only a supervisor or an administrator may read the audit log", code=NOT_ALLOWED)


@dataclass(frozen=True)
class AuditQuery:
    """What the audit log shows; empty fields filter nothing.

    ``actor`` is one actor exactly (``staff:amy``); ``action`` a whole action (``visit.checked_in``) or
    the start of some (``visit.``, ``staff``); ``entity`` a kind of object (``visit``, ``staff_user``)
    and ``entity_id`` one of them; ``first_day``/``last_day`` are days at the site (its timezone),
    both included.
    """

    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: int | None = None
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class Change:
    """One field of an event's details, its values as text (``None``: not recorded on that side)."""

    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    @property
    def changes(self) -> tuple[Change, ...]:
        """The details, field by field in the order recorded (fields only in ``after`` last)."""
        before, after = self.before or {}, self.after or {}
        fields = list(before) + [key for key in after if key not in before]
        return tuple(Change(str(key), value_text(before[key]) if key in before else None,
                            value_text(after[key]) if key in after else None) for key in fields)


@dataclass(frozen=True)
class AuditChoices:
    """What the filters offer: every actor (up to ``MAX_CHOICES``), action and kind of object recorded."""

    actors: list[str]
    actions: list[str]
    entities: list[str]


def value_text(value: Any) -> str:
    """A detail's value as plain text: strings as written, anything else as JSON (``true``, ``3``, ``null``)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def details_text(row: AuditRow) -> str:
    """The details on one line, language-neutral: ``status: invited → checked_in; reason: paper jam``."""
    parts = []
    for change in row.changes:
        if change.before is not None and change.after is not None:
            parts.append(f"{change.field}: {change.before} \u2192 {change.after}")
        elif change.after is not None:
            parts.append(f"{change.field}: {change.after}")
        else:
            parts.append(f"{change.field}: {change.before} \u2192 \u2014")
    return "; ".join(parts)


# -- the query ------------------------------------------------------------------------------------------------


def _checked(query: AuditQuery) -> AuditQuery:
    errors: list[FieldError] = []
    for name in ("actor", "action", "entity"):
        value: str = getattr(query, name)
        if len(value) > FILTER_MAX or any(ord(ch) < 32 for ch in value):
            errors.append(FieldError(name, "invalid", f"{name} is not something the audit log records"))
    if query.first_day is not None and query.last_day is not None and query.first_day > query.last_day:
        errors.append(FieldError("first_day", "after_last_day", "the first day is after the last day"))
    if errors:
        raise ValidationFailed(errors)
    return query


def _action_condition(uow: UnitOfWork, action: str) -> ColumnElement[bool]:
    """A whole action, or every recorded action starting with ``action``.

    A prefix is turned into the recorded actions it covers (read by a walk over the action index, a
    few dozen lookups): ``action IN (...)`` is served by the index on both databases, where ``LIKE``
    would need a pattern index on PostgreSQL, and a text range depends on the database's collation.
    """
    covered = [known for known in _distinct(uow, AuditEvent.action) if known.startswith(action)]
    if covered == [action] or not covered:
        return AuditEvent.action == action
    return AuditEvent.action.in_(covered)


def _filtered(uow: UnitOfWork, site_code: str, query: AuditQuery) -> Select[int]:
    statement = select(AuditEvent.id)
    if query.actor:
        statement = statement.where(AuditEvent.actor == query.actor)
    if query.action:
        statement = statement.where(_action_condition(uow, query.action))
    if query.entity:
        statement = statement.where(AuditEvent.entity == query.entity)
    if query.entity_id is not None:
        statement = statement.where(AuditEvent.entity_id == query.entity_id)
    if query.first_day is not None or query.last_day is not None:
        site = get_site(uow, site_code)
        if query.first_day is not None:
            statement = statement.where(AuditEvent.at >= site.local_instant(query.first_day, time.min))
        if query.last_day is not None:
            statement = statement.where(
                AuditEvent.at < site.local_instant(query.last_day + timedelta(days=1), time.min))
    return statement


def audit_ids(uow: UnitOfWork, site_code: str, query: AuditQuery, *, role: StaffRole,
              limit: int | None = None) -> array[int]:
    """The matching events' ids, newest first (by time, then by id: the order they were written); with
    ``limit``, only the first ones (the desk's first screenful while the whole list is read).

    Each filter is served by an index read backwards in this order (``ix_audit_at``, ``ix_audit_actor``
    and ``ix_audit_action`` hold the time and the id), so the first screenful is read without sorting.
    """
    refuse_unless_auditor(role)
    statement = _filtered(uow, site_code, _checked(query)).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if limit is not None:
        statement = statement.limit(max(limit, 0))
    ids: array[int] = array("q")
    # The driver's cursor read in chunks: a million ids without a million row objects.
    result = uow.session.connection().execute(statement)
    try:
        while chunk := result.cursor.fetchmany(ID_FETCH):
            ids.extend(chain.from_iterable(chunk))
    finally:
        result.close()
    return ids


def audit_rows(uow: UnitOfWork, ids: Sequence[int], *, role: StaffRole) -> list[AuditRow]:
    """The events ``ids``, in that order; ids that do not exist are left out."""
    refuse_unless_auditor(role)
    wanted = list(ids)[:MAX_ROWS]
    if not wanted:
        return []
    found = {
        event.id: AuditRow(event.id, event.at, event.actor, event.action, event.entity, event.entity_id,
                           event.before, event.after)
        for event in uow.session.scalars(select(AuditEvent).where(AuditEvent.id.in_(wanted)))
    }
    return [found[i] for i in wanted if i in found]


def audit_choices(uow: UnitOfWork, *, role: StaffRole) -> AuditChoices:
    refuse_unless_auditor(role)
    return AuditChoices(actors=_distinct(uow, AuditEvent.actor), actions=_distinct(uow, AuditEvent.action),
                        entities=_distinct(uow, AuditEvent.entity))


def _distinct(uow: UnitOfWork, column: InstrumentedAttribute[str]) -> list[str]:
    """The column's distinct values, sorted, at most ``MAX_CHOICES``.

    A walk over the column's index, one lookup per value (``min(x) where x > previous``), not a scan
    of every event: the same few dozen lookups at a thousand events as at ten million.
    """
    first = select(func.min(column).label("value")).cte("walk", recursive=True)
    following = select(func.min(column)).where(column > first.c.value).scalar_subquery()
    walk = first.union_all(select(following).where(first.c.value.is_not(None)))
    values = uow.session.scalars(select(walk.c.value).where(walk.c.value.is_not(None)).limit(MAX_CHOICES))
    return [value for value in values if value is not None]
