"""Read models of visits: summaries for boards and lists, search by name or phone, and the desk's
visitor log (ids sorted in SQL, rows read for the ids on screen)."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from itertools import chain
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, union
from sqlalchemy.orm import joinedload
from sqlalchemy.sql import operators
from sqlalchemy.sql.expression import UnaryExpression

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host, Purpose, Site, Visit, VisitKind, Visitor, VisitorType, VisitStatus
from kiosk.services.text import normalise_phone, search_key


@dataclass(frozen=True)
class VisitSummary:
    id: int
    status: str
    kind: str
    visitor_name: str
    company: str
    host_name: str
    department: str
    purpose: str
    visit_date: date
    expected_start: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    on_hold: bool
    escalated: bool
    vip: bool = False


def summarize(visit: Visit) -> VisitSummary:
    department = visit.host.department.name if visit.host.department else ""
    return VisitSummary(
        id=visit.id, status=VisitStatus(visit.status).value, kind=visit.kind.value,
        visitor_name=visit.visitor.name, company=visit.visitor.company or "",
        host_name=visit.host.name, department=department, purpose=visit.purpose.value,
        visit_date=visit.visit_date, expected_start=visit.expected_start,
        checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        on_hold=visit.hold_reason is not None, escalated=visit.escalated_at is not None, vip=visit.vip,
    )


def _with_people(query: Select[Visit]) -> Select[Visit]:
    return query.options(
        joinedload(Visit.visitor), joinedload(Visit.host).joinedload(Host.department)
    )


def list_visits(
    uow: UnitOfWork, site_code: str, *, day: date | None = None, status: VisitStatus | None = None,
    limit: int = 1000,
) -> list[VisitSummary]:
    query = select(Visit).join(Site, Site.id == Visit.site_id).where(Site.code == site_code)
    if day is not None:
        query = query.where(Visit.visit_date == day)
    if status is not None:
        query = query.where(Visit.status == status)
    query = _with_people(query.order_by(Visit.visit_date.desc(), Visit.id.desc()).limit(limit))
    return [summarize(v) for v in uow.session.scalars(query).unique()]


# Up to this many matching visitors, their visits are fetched by visitor and the newest picked here;
# beyond it (a bare surname such as 王 matches tens of thousands) recent visits are walked newest
# first a page at a time. Either way neither database is left to choose between "every visit of
# every match, sorted" and "walk all visits by date hoping to meet a match", the two plans that
# took 100-500 ms at a million visits.
NARROW_MATCH = 2500
# Pages start at a size that finds 50 visits of a 1%-of-visitors prefix in one go, and double.
_WALK_FIRST_PAGE = 4000
_WALK_LAST_PAGE = 32000
_WALK_MAX_PAGES = 40


def search_visits(
    uow: UnitOfWork, *, name: str | None = None, phone: str | None = None, limit: int = 50
) -> list[VisitSummary]:
    """Most recent visits by a visitor whose name starts with ``name`` and/or whose phone is ``phone``."""
    if not name and not phone:
        return []
    conditions = []
    if name:
        key = search_key(name)
        conditions += [Visitor.name_key >= key, Visitor.name_key < key + "\U0010ffff"]
    if phone:
        conditions.append(Visitor.phone == normalise_phone(phone))
    matching = select(Visitor.id).where(*conditions)
    count = uow.session.scalar(select(func.count()).select_from(matching.limit(NARROW_MATCH + 1).subquery()))
    if (count or 0) <= NARROW_MATCH:
        # MATERIALIZED: the matches are gathered first and sorted after. Left to itself a planner
        # may instead walk every visit by date hoping to meet a match (seconds for an old one).
        matched = (
            select(Visit.id.label("id"), Visit.created_at.label("created_at"))
            .where(Visit.visitor_id.in_(matching)).cte("matched").prefix_with("MATERIALIZED")
        )
        newest = list(uow.session.scalars(
            select(matched.c.id).order_by(matched.c.created_at.desc(), matched.c.id.desc()).limit(limit)
        ))
    else:
        newest = _walk_newest(uow, conditions, limit)
    query = _with_people(select(Visit).where(Visit.id.in_(newest)))
    found = {v.id: summarize(v) for v in uow.session.scalars(query).unique()}
    return [found[i] for i in newest if i in found]


def _walk_newest(uow: UnitOfWork, visitor_conditions: list[Any], limit: int) -> list[int]:
    """Newest visits of matching visitors, a page of recent visits at a time (the LIMIT in the
    subquery pins the plan: an index scan by date, then a primary-key lookup per visit)."""
    found: list[int] = []
    cursor: tuple[datetime, int] | None = None
    size = _WALK_FIRST_PAGE
    for _ in range(_WALK_MAX_PAGES):
        window = select(Visit.id, Visit.visitor_id, Visit.created_at)
        if cursor is not None:
            at, last_id = cursor
            window = window.where(or_(Visit.created_at < at, and_(Visit.created_at == at, Visit.id < last_id)))
        window = window.order_by(Visit.created_at.desc(), Visit.id.desc())
        page = window.limit(size).subquery()
        hits = uow.session.execute(
            select(page.c.id).join(Visitor, Visitor.id == page.c.visitor_id).where(*visitor_conditions)
            .order_by(page.c.created_at.desc(), page.c.id.desc())
        ).scalars().all()
        found += hits
        # Where the next page starts: the page's last visit, read from the same index.
        last = uow.session.execute(
            window.with_only_columns(Visit.created_at, Visit.id).offset(size - 1).limit(1)
        ).first()
        if len(found) >= limit or last is None:
            break
        cursor = (last.created_at, last.id)
        size = min(size * 2, _WALK_LAST_PAGE)
    return found[:limit]


def department_name(uow: UnitOfWork, department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = uow.session.get(Department, department_id)
    return department.name if department else ""


# ------------------------------------------------------------------------------------------------ the visitor log
#
# The desk's log over every visit: a query (text, days, statuses, department, visitor type, one sort
# column) gives the ids of the matching visits, sorted in SQL; the rows of the few on screen are
# read by id. A million ids fit in 8 MB as an array of int64 (a list of ints would take 36 MB).


class VisitSort(StrEnum):
    """The columns the log sorts by; each sorts by the visit id last, so ties keep one order."""

    DATE = "date"  # the visit's day, then when it was registered (as the CSV report orders)
    VISITOR = "visitor"
    COMPANY = "company"
    PHONE = "phone"
    HOST = "host"
    DEPARTMENT = "department"
    STATUS = "status"
    VISITOR_TYPE = "visitor_type"
    PURPOSE = "purpose"
    EXPECTED = "expected"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"


class PhoneShown(StrEnum):
    CLEAR = "clear"  # the desk's screen, as on the roster: the receptionist may have to call
    MASKED = "masked"  # files that leave the desk: 138****8000


@dataclass(frozen=True)
class VisitQuery:
    """What the visitor log shows. ``text`` matches the start of a visitor's name, company or phone
    number, or a host's name (characters, full pinyin or initials); empty fields filter nothing."""

    text: str = ""
    first_day: date | None = None
    last_day: date | None = None
    statuses: frozenset[VisitStatus] = frozenset()
    department_id: int | None = None
    visitor_type: VisitorType | None = None
    sort: VisitSort = VisitSort.DATE
    descending: bool = True

    def __post_init__(self) -> None:
        # A tuple or list of statuses is as good as a set; the query stays hashable and comparable.
        object.__setattr__(self, "statuses", frozenset(VisitStatus(s) for s in self.statuses))


@dataclass(frozen=True)
class VisitRow:
    """One line of the visitor log, plain values only."""

    id: int
    visit_date: date
    visitor_name: str
    company: str
    phone: str
    host_name: str
    department: str
    status: VisitStatus
    visitor_type: VisitorType
    purpose: Purpose
    kind: VisitKind
    expected_start: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    on_hold: bool
    vip: bool


@dataclass(frozen=True)
class DepartmentOption:
    id: int
    name: str


# Enum columns sort in the order a visit lives through, not by their stored spelling.
_STATUS_ORDER = (
    VisitStatus.PENDING_APPROVAL, VisitStatus.APPROVED, VisitStatus.INVITED, VisitStatus.CHECKED_IN,
    VisitStatus.CHECKED_OUT, VisitStatus.NO_SHOW, VisitStatus.DENIED, VisitStatus.CANCELLED,
)
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9][0-9 ()\-.]*$")
# Fewer digits than this read as a name or a company ("3M", "360"), not as the start of a number.
PHONE_MIN_DIGITS = 4
# The whole list of a text search gathers the visits of the matching visitors and hosts (index
# lookups) and sorts them. For the first screenful only, when more than this many visitors or hosts
# match, the visits are walked in the order asked instead and each is tested: the walk meets matches
# at once, while gathering the visits of a surname shared by 20,000 visitors takes a while.
WALK_FOR_TOP_VISITORS = 1_000
WALK_FOR_TOP_HOSTS = 10
_ID_FETCH = 8_192  # rows per fetchmany: the driver holds the GIL while it builds each chunk
_ROWS_PER_QUERY = 500
_TOP = "\U0010ffff"


def _visible(text: str) -> str:
    """What a search box sent, without control characters (PostgreSQL refuses NUL), NFC, trimmed."""
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", kept).strip()


def _starts_with(column: Any, prefix: str) -> Any:
    """``column`` starts with ``prefix``, as an index range (no LIKE: nothing in ``prefix`` is a wildcard)."""
    return and_(column >= prefix, column < prefix + _TOP)


def _phone_prefixes(text: str) -> list[str]:
    """The stored (E.164) prefixes a typed number may be the start of: 138 0013 -> +86138 0013."""
    if not _PHONE_CHARACTERS.match(text):
        return []
    digits = re.sub(r"\D", "", text)
    if len(digits) < PHONE_MIN_DIGITS:
        return []
    if text.startswith("+"):
        return ["+" + digits]
    prefixes = ["+86" + digits, "+" + digits]
    if digits.startswith("0"):  # a landline typed with its trunk zero: 021 ... is +8621 ...
        prefixes.append("+86" + digits[1:])
    return prefixes


def _text_conditions(text: str) -> tuple[list[Any], list[Any]] | None:
    """(visitor conditions, host conditions) for the search text, or None when it filters nothing."""
    shown = _visible(text)
    key = search_key(shown)
    if not key:
        return None
    visitors: list[Any] = [_starts_with(Visitor.phone, p) for p in _phone_prefixes(shown)]
    hosts: list[Any] = []
    if not visitors or not key.replace(" ", "").isdigit():
        visitors.append(_starts_with(Visitor.name_key, key))
        # Company is stored as typed; a prefix in the spellings people use (index ranges, no scan).
        spellings = dict.fromkeys((shown, shown.lower(), shown.upper(), shown.capitalize(), shown.title()))
        visitors += [_starts_with(Visitor.company, s) for s in spellings]
        hosts.append(_starts_with(Host.name_key, key))
        letters = re.sub(r"[^a-z0-9]", "", key)
        if letters and key.isascii() and len(letters) >= 2:
            hosts += [_starts_with(Host.pinyin, letters), Host.initials == letters]
    return visitors, hosts


def _sort_keys(sort: VisitSort) -> list[Any]:
    """The ORDER BY of a sort column, before the id. Columns that may be empty sort them last; the
    others get no NULLS clause, which would keep PostgreSQL from reading an index backwards."""
    keys: dict[VisitSort, list[Any]] = {
        VisitSort.DATE: [Visit.visit_date, Visit.created_at],
        VisitSort.VISITOR: [Visitor.name_key],
        VisitSort.COMPANY: [func.nullif(Visitor.company, "")],
        VisitSort.PHONE: [Visitor.phone],
        VisitSort.HOST: [Host.name_key],
        VisitSort.DEPARTMENT: [Department.name],
        VisitSort.STATUS: [_rank(Visit.status, _STATUS_ORDER)],
        VisitSort.VISITOR_TYPE: [_rank(Visit.visitor_type, tuple(VisitorType))],
        VisitSort.PURPOSE: [_rank(Visit.purpose, tuple(Purpose))],
        VisitSort.EXPECTED: [Visit.expected_start],
        VisitSort.CHECKED_IN: [Visit.checked_in_at],
        VisitSort.CHECKED_OUT: [Visit.checked_out_at],
    }
    return keys[sort]


_MAY_BE_EMPTY = frozenset({
    VisitSort.COMPANY, VisitSort.PHONE, VisitSort.DEPARTMENT, VisitSort.EXPECTED, VisitSort.CHECKED_IN,
    VisitSort.CHECKED_OUT,
})


def _rank(column: Any, order: tuple[StrEnum, ...]) -> Any:
    return case({member.value: n for n, member in enumerate(order)}, value=column, else_=len(order))


def _filters(site_id: Any, query: VisitQuery, column: Callable[[Any], Any]) -> list[Any]:
    """The query's conditions but for the text; ``column`` may wrap each column (see ``_unindexed``)."""
    conditions: list[Any] = [column(Visit.site_id) == site_id]
    if query.first_day is not None:
        conditions.append(column(Visit.visit_date) >= query.first_day)
    if query.last_day is not None:
        conditions.append(column(Visit.visit_date) <= query.last_day)
    if query.statuses:
        conditions.append(column(Visit.status).in_(sorted(query.statuses)))
    if query.visitor_type is not None:
        conditions.append(column(Visit.visitor_type) == query.visitor_type)
    if query.department_id is not None:
        conditions.append(
            column(Visit.host_id).in_(select(Host.id).where(Host.department_id == query.department_id)))
    return conditions


@dataclass(frozen=True)
class _TextMatch:
    visitors: Any  # select of the matching visitors' ids
    hosts: Any | None  # and hosts' (None: the text cannot be a host's name)

    def alternatives(self) -> list[Any]:
        """Conditions on visits, one of which holds for a match (to test visits one by one)."""
        found = [Visit.visitor_id.in_(self.visitors)]
        return [*found, Visit.host_id.in_(self.hosts)] if self.hosts is not None else found

    def is_broad(self, uow: UnitOfWork) -> bool:
        """More visitors or hosts match than gathering their visits for a first screenful is worth."""
        def counted(ids: Any, most: int) -> Any:
            return select(func.count()).select_from(ids.limit(most + 1).subquery()).scalar_subquery()

        counts = [counted(self.visitors, WALK_FOR_TOP_VISITORS)]
        if self.hosts is not None:
            counts.append(counted(self.hosts, WALK_FOR_TOP_HOSTS))
        found = uow.session.execute(select(*counts)).one()
        return bool(found[0] > WALK_FOR_TOP_VISITORS or (len(found) > 1 and found[1] > WALK_FOR_TOP_HOSTS))


def _text_match(text: str) -> _TextMatch | None:
    found = _text_conditions(text)
    if found is None:
        return None
    visitors, hosts = found
    return _TextMatch(select(Visitor.id).where(or_(*visitors)), select(Host.id).where(or_(*hosts)) if hosts else None)


def _as_is(column: Any) -> Any:
    return column


def _unindexed(column: Any) -> Any:
    """``+column``: SQLite never answers a term with a unary plus from an index. Without statistics
    its planner takes "site = 1" on an index over "visitor in (...)" and walks every visit."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def _ids_statement(uow: UnitOfWork, site_id: Any, query: VisitQuery, limit: int | None) -> Select[int]:
    text = _text_match(query.text)
    # The visits of the matching visitors and hosts are gathered first (index lookups) and sorted
    # after: a planner left to itself may instead walk every visit in the order asked, testing each
    # against the matches (a fifth of a second for a name nobody else has, at a million visits).
    gather_first = text is not None and (limit is None or not text.is_broad(uow))
    column = _unindexed if gather_first and uow.dialect == "sqlite" else _as_is
    conditions = _filters(site_id, query, column)
    keys = _sort_keys(query.sort)

    def visits(*columns: Any) -> Select[Any]:
        statement = select(*columns)
        if query.sort in (VisitSort.VISITOR, VisitSort.COMPANY, VisitSort.PHONE):
            statement = statement.join(Visitor, Visitor.id == Visit.visitor_id)
        elif query.sort in (VisitSort.HOST, VisitSort.DEPARTMENT):
            statement = statement.join(Host, Host.id == Visit.host_id)
            if query.sort is VisitSort.DEPARTMENT:
                statement = statement.outerjoin(Department, Department.id == Host.department_id)
        return statement.where(*conditions)

    visit_id: Any = Visit.id
    if text is not None and gather_first:
        # One branch per kind of match (visitor, host), each an index lookup that reads each visit
        # once with its sort keys; UNION drops a visit both match. MATERIALIZED: gathered, then
        # sorted, never folded into the outer query. ("visitor in (...) OR host in (...)" in one
        # statement is a scan of every visit on PostgreSQL.)
        branches = [visits(Visit.id, *keys).where(alternative) for alternative in text.alternatives()]
        gathered = (union(*branches) if len(branches) > 1 else branches[0]).cte("matched")
        gathered = gathered.prefix_with("MATERIALIZED")
        visit_id = gathered.c.id
        keys = list(gathered.c)[1:]
        statement: Select[Any] = select(visit_id)
    else:
        statement = visits(Visit.id)
        if text is not None:
            statement = statement.where(or_(*text.alternatives()))
    ordered = [k.desc() if query.descending else k.asc() for k in keys]
    if query.sort in _MAY_BE_EMPTY:
        ordered = [k.nulls_last() for k in ordered]
    ordered.append(visit_id.desc() if query.descending else visit_id.asc())
    statement = statement.order_by(*ordered)
    return statement.limit(limit) if limit is not None else statement


def visit_ids(uow: UnitOfWork, site_code: str, query: VisitQuery, *, limit: int | None = None) -> array[int]:
    """The ids of the site's visits matching ``query``, in its order (ties by id); the first ``limit`` only if given."""
    # The site by a subquery, not a query of its own: a round trip fewer for every search.
    site_id = select(Site.id).where(Site.code == site_code).scalar_subquery()
    statement = _ids_statement(uow, site_id, query, limit)
    ids: array[int] = array("q")
    # The driver's cursor read in chunks: a million ids without a million row objects.
    result = uow.session.connection().execute(statement)
    try:
        while chunk := result.cursor.fetchmany(_ID_FETCH):
            ids.extend(chain.from_iterable(chunk))
    finally:
        result.close()
    return ids


def mask_phone(phone: str) -> str:
    """``+8613800138000`` -> ``138****8000``: enough to tell two visitors apart, not to call them."""
    national = phone[3:] if phone.startswith("+86") else phone
    if len(national) < 8:
        return "*" * len(national)
    return national[:3] + "*" * (len(national) - 7) + national[-4:]


def visit_rows(uow: UnitOfWork, ids: Sequence[int], *, phone: PhoneShown = PhoneShown.CLEAR) -> list[VisitRow]:
    """The log's rows for ``ids``, in that order; ids of visits since purged are left out."""
    found: dict[int, VisitRow] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), _ROWS_PER_QUERY):
        chunk = wanted[start:start + _ROWS_PER_QUERY]
        statement = (
            select(
                Visit.id, Visit.visit_date, Visitor.name, Visitor.company, Visitor.phone, Host.name,
                Department.name, Visit.status, Visit.visitor_type, Visit.purpose, Visit.kind,
                Visit.expected_start, Visit.checked_in_at, Visit.checked_out_at, Visit.hold_reason, Visit.vip,
            )
            .join(Visitor, Visitor.id == Visit.visitor_id)
            .join(Host, Host.id == Visit.host_id)
            .outerjoin(Department, Department.id == Host.department_id)
            .where(Visit.id.in_(chunk))
        )
        for row in uow.session.execute(statement):
            number = row[4] or ""
            found[row[0]] = VisitRow(
                id=row[0], visit_date=row[1], visitor_name=row[2], company=row[3] or "",
                phone=mask_phone(number) if number and phone is PhoneShown.MASKED else number,
                host_name=row[5], department=row[6] or "", status=VisitStatus(row[7]),
                visitor_type=VisitorType(row[8]), purpose=Purpose(row[9]), kind=VisitKind(row[10]),
                expected_start=row[11], checked_in_at=row[12], checked_out_at=row[13],
                on_hold=row[14] is not None, vip=bool(row[15]),
            )
    return [found[i] for i in wanted if i in found]


def departments(uow: UnitOfWork) -> list[DepartmentOption]:
    """Every department, by name: the log's department filter."""
    rows = uow.session.execute(select(Department.id, Department.name).order_by(Department.name, Department.id))
    return [DepartmentOption(id=row[0], name=row[1]) for row in rows]
