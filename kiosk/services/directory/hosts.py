"""The host directory: import from the HR spreadsheet, search the way a Chinese lobby searches,
and the desk's Hosts view (add, edit, deactivate, reactivate; a list of any length).

Search matches the name, the full pinyin and the initials (张伟 → ``zhangwei``,
``zw``), and every result carries the department, so two 张伟 can be told apart; in English by
the department's English name too, when HR's file gives one (the optional ``department_en`` column).

The desk's list is read in two steps, as the visitor log is (``kiosk/ui/desk/lazy_table.py``):
``host_ids`` gives the ids matching a ``HostQuery``, sorted in SQL; ``host_rows`` the rows of the
few on screen. Hosts are never deleted: visits point at them. A host who left is deactivated (not
offered at the kiosk nor for new invitations) and can be reactivated; importing them again does too.
Every role may do this (``Permission.DAILY_WORK``), so these functions take no role.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain
from typing import Any

from sqlalchemy import case, func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host
from kiosk.services import audit
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.text import clean_text, normalise_email, normalise_phone, search_key

REQUIRED_COLUMNS = ("name", "department", "email")
LANGUAGES = ("zh_CN", "en")
# ``department_en``: the department's English name, shown to visitors reading English; an empty cell keeps it.
OPTIONAL_COLUMNS = ("phone", "chat_address", "language", "department_en")
DEPARTMENT_EN_MAX = 100
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class HostSummary:
    """``name_pinyin`` ("Zhang Wei") is filled by ``search_hosts`` only (the kiosk's English picker shows it);
    ``department_en`` is the department's English name, "" when the directory has none."""

    id: int
    name: str
    department: str
    email: str
    active: bool = True
    name_pinyin: str = ""
    department_en: str = ""


@dataclass(frozen=True)
class RowProblem:
    """A line of the file that was not imported: why in English (``message``, for kioskctl and logs),
    and field by field (``errors``: codes a screen translates); ``text`` is the line as read, shortened."""

    line: int
    message: str
    errors: tuple[FieldError, ...] = ()
    text: str = ""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    # Departments whose English name the file set or changed (their hosts may be unchanged).
    departments_named: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def pinyin_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) in lower-case ASCII; Latin words contribute themselves and their first letter."""
    # Imported here: pypinyin's dictionaries cost ~0.3 s, which the kiosk's start-up should not pay.
    from pypinyin import Style, lazy_pinyin

    syllables: list[str] = []
    # Non-Han runs come back whole ("John Smith"): split them into words ourselves.
    chunks = [word for part in lazy_pinyin(name, style=Style.NORMAL) for word in part.split()]
    for chunk in chunks:
        chunk = _NOT_ALNUM.sub("", _fold_accents(search_key(chunk)))
        if chunk:
            syllables.append(chunk)
    return "".join(syllables), "".join(s[0] for s in syllables)


# Read differently as a surname than pypinyin reads the character alone (曾 ceng, 单 dan, ...).
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "盖": "ge",
    "乐": "yue", "缪": "miao", "翟": "zhai", "覃": "qin", "召": "shao", "种": "chong", "秘": "bi", "长孙": "zhangsun",
    "尉迟": "yuchi", "万俟": "moqi", "单于": "chanyu",
}
_COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐",
    "端木", "独孤", "南宫", "西门", "澹台", "申屠", "轩辕", "钟离", "呼延", "百里", "万俟", "闻人", "单于",
))


def pinyin_name(name: str) -> str:
    """A Chinese name as written in pinyin, surname first: 张伟 → "Zhang Wei", 欧阳娜娜 → "Ouyang Nana";
    "" for a name that does not start with a Chinese character (it reads as it is)."""
    from pypinyin import Style, lazy_pinyin

    name = name.strip()
    if not name or not _HAN.match(name[0]):
        return ""
    size = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    surname, given = name[:size], name[size:].strip()
    family = _SURNAME_READINGS.get(surname) or "".join(lazy_pinyin(surname, style=Style.NORMAL, v_to_u=True))
    words, syllables = [family.capitalize()], ""
    for part in lazy_pinyin(given, style=Style.NORMAL, v_to_u=True):
        if _HAN.search(part) is None and part.strip() and part.strip() in given:  # a Latin word, kept as typed
            words += [syllables.capitalize()] if syllables else []
            words.append(part.strip())
            syllables = ""
        elif part.strip().isalpha():
            syllables += part.strip()
    words += [syllables.capitalize()] if syllables else []
    return " ".join(words)


def _fold_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (what Excel saves as "CSV" on a Chinese Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


# Rows saved per transaction by a chunked import (``DeskDirectoryGateway.import_hosts``): on SQLite
# the write lock is held for one chunk at a time (about 0.1 s for 300 rows), so a check-in at a
# kiosk waits at most that long behind a 100,000-row file instead of failing after its busy timeout.
IMPORT_CHUNK_ROWS = 300


@dataclass(frozen=True)
class ImportLine:
    """One line of an import file, checked, with its search keys worked out (no database needed)."""

    line: int
    checked: _Checked
    name_key: str
    pinyin: str
    initials: str


@dataclass
class HostImportPlan:
    """The whole file read and checked before anything is saved: the good rows and each bad line.
    ``refused``: the file itself is unusable (not text, columns missing); nothing is to be saved."""

    rows: list[ImportLine] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    refused: bool = False

    def chunks(self, size: int = IMPORT_CHUNK_ROWS) -> list[list[ImportLine]]:
        return [self.rows[i:i + size] for i in range(0, len(self.rows), size)]


def plan_host_import(data: bytes) -> HostImportPlan:
    """Read and check every line of HR's CSV, outside any transaction. Bad lines are reported by
    line (with the line as read) and will be skipped; a line's e-mail seen twice is a bad line."""
    plan = HostImportPlan()
    try:
        text = decode_csv(data)
    except UnicodeDecodeError:
        message = "the file is neither UTF-8 nor GBK text"
        plan.problems.append(RowProblem(1, message, (FieldError("file", "not_text", message),)))
        plan.refused = True
        return plan
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        message = f"missing column(s): {', '.join(missing)}"
        plan.problems.append(RowProblem(1, message, (FieldError(", ".join(missing), "missing_columns", message),)))
        plan.refused = True
        return plan
    seen: set[str] = set()
    try:
        for row in reader:
            line = reader.line_num
            values = {(k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in row.items()}
            try:
                checked = _checked(values, seen)
            except ValidationFailed as exc:
                shown = ",".join(v if isinstance(v, str) else "" for v in row.values())
                plan.problems.append(RowProblem(line, exc.message, tuple(exc.errors), _shortened(shown)))
                continue
            seen.add(checked.email)
            pinyin, initials = pinyin_keys(checked.name)
            plan.rows.append(ImportLine(line, checked, search_key(checked.name), pinyin, initials))
    except csv.Error as exc:  # a field over csv's 128 KiB limit, a NUL byte: the file is not a host list
        message = f"the file cannot be read as CSV here: {exc}; nothing imported"
        plan.problems = [RowProblem(reader.reader.line_num, message, (FieldError("file", "unreadable", message),))]
        plan.rows, plan.refused = [], True
    return plan


def import_host_chunk(uow: UnitOfWork, rows: Sequence[ImportLine], report: ImportReport) -> None:
    """Save one chunk of a checked file (upsert by e-mail) in this unit of work and commit; the
    counts go into ``report``. Running a chunk again changes nothing (its hosts are unchanged)."""
    _save_rows(uow, rows, report)
    uow.commit()


def finish_host_import(uow: UnitOfWork, report: ImportReport) -> None:
    """The import's one audit event, after its last chunk."""
    _audit_import(uow, report)
    uow.commit()


def import_hosts_csv(uow: UnitOfWork, data: bytes) -> ImportReport:
    """Upsert hosts by e-mail in one transaction. Bad rows are reported by line and skipped; good
    rows are saved. For big files use the chunked path (``plan_host_import``, ``import_host_chunk``)."""
    plan = plan_host_import(data)
    report = ImportReport(problems=list(plan.problems))
    if plan.refused:
        return report
    _save_rows(uow, plan.rows, report)
    _audit_import(uow, report)
    uow.commit()
    return report


def _audit_import(uow: UnitOfWork, report: ImportReport) -> None:
    audit.record(
        uow, "hosts.import", "host", None,
        after={"created": report.created, "updated": report.updated, "problems": len(report.problems),
               "departments_named": report.departments_named},
    )


def _save_rows(uow: UnitOfWork, rows: Sequence[ImportLine], report: ImportReport) -> None:
    if not rows:
        return
    existing: dict[str, Host] = {}
    emails = [row.checked.email for row in rows]
    for i in range(0, len(emails), 500):
        for found in uow.session.scalars(select(Host).where(Host.email.in_(emails[i:i + 500]))):
            existing[found.email] = found
    departments: dict[str, Department] = {}
    created: list[Host] = []
    for row in rows:
        checked = row.checked
        department = _department(uow, checked.department, departments) if checked.department else None
        if department is not None and checked.department_en and department.name_en != checked.department_en:
            department.name_en = checked.department_en
            report.departments_named += 1
        wanted = {
            "name": checked.name, "department_id": department.id if department else None, "phone": checked.phone,
            "chat_address": checked.chat_address, "language": checked.language, "active": True,
        }
        host = existing.get(checked.email)
        if host is None:
            host = Host(email=checked.email, **wanted, name_key=row.name_key, pinyin=row.pinyin,
                        initials=row.initials)
            uow.session.add(host)
            existing[checked.email] = host
            created.append(host)
            continue
        before = {k: getattr(host, k) for k in wanted}
        if before == wanted:
            report.unchanged += 1
            continue
        for key, value in wanted.items():
            setattr(host, key, value)
        host.name_key, host.pinyin, host.initials = row.name_key, row.pinyin, row.initials
        audit.record(uow, "host.updated", "host", host.id, before={"department_id": before["department_id"]},
                     after={"department_id": host.department_id})
        report.updated += 1
    if created:
        uow.session.flush()  # the new hosts' ids, for their audit events
        for host in created:
            audit.record(uow, "host.created", "host", host.id, after={"department_id": host.department_id})
        report.created += len(created)


def _shortened(text: str, most: int = 120) -> str:
    return text if len(text) <= most else text[: most - 1] + "\u2026"


@dataclass(frozen=True)
class _Checked:
    name: str
    department: str
    email: str
    phone: str | None
    chat_address: str | None
    language: str
    department_en: str = ""


def _checked(values: dict[str, str], seen: set[str] | None = None) -> _Checked:
    """A host's fields as typed or imported, cleaned, or every wrong field in one ValidationFailed."""
    errors: list[FieldError] = []
    name = clean_text(values.get("name"), "name", max_len=100, required=True, errors=errors)
    department_name = clean_text(values.get("department"), "department", max_len=200, errors=errors)
    department_en = clean_text(values.get("department_en"), "department_en", max_len=DEPARTMENT_EN_MAX, errors=errors)
    email = normalise_email(values.get("email"), required=True, errors=errors)
    phone = normalise_phone(values.get("phone"), errors=errors)
    chat = clean_text(values.get("chat_address"), "chat_address", max_len=500, errors=errors) or None
    language = (values.get("language") or "zh_CN").strip() or "zh_CN"
    if language not in LANGUAGES:
        errors.append(FieldError("language", "invalid", "language must be zh_CN or en"))
    if email and seen is not None and email in seen:
        errors.append(FieldError("email", "duplicate", f"{email} appears twice in the file"))
    if errors:
        raise ValidationFailed(errors)
    assert email is not None
    return _Checked(name, department_name, email, phone, chat, language, department_en)


def _upsert_row(
    uow: UnitOfWork, values: dict[str, str], departments: dict[str, Department], seen: set[str]
) -> str:
    checked = _checked(values, seen)
    email = checked.email
    seen.add(email)
    department = _department(uow, checked.department, departments) if checked.department else None
    host = uow.session.scalar(select(Host).where(Host.email == email))
    wanted = {
        "name": checked.name, "department_id": department.id if department else None, "phone": checked.phone,
        "chat_address": checked.chat_address, "language": checked.language, "active": True,
    }
    if host is None:
        host = Host(email=email, **wanted)
        _set_search_keys(host)
        uow.session.add(host)
        uow.session.flush()
        audit.record(uow, "host.created", "host", host.id, after={"department_id": host.department_id})
        return "created"
    before = {k: getattr(host, k) for k in wanted}
    if before == wanted:
        return "unchanged"
    for key, value in wanted.items():
        setattr(host, key, value)
    _set_search_keys(host)
    audit.record(uow, "host.updated", "host", host.id, before={"department_id": before["department_id"]},
                 after={"department_id": host.department_id})
    return "updated"


def _department(uow: UnitOfWork, name: str, cache: dict[str, Department]) -> Department:
    if name not in cache:
        department = uow.session.scalar(select(Department).where(Department.name == name))
        if department is None:
            department = Department(name=name)
            uow.session.add(department)
            uow.session.flush()
        cache[name] = department
    return cache[name]


def _set_search_keys(host: Host) -> None:
    host.name_key = search_key(host.name)
    host.pinyin, host.initials = pinyin_keys(host.name)


def add_host(
    uow: UnitOfWork, *, name: str, email: str, department: str = "", phone: str | None = None,
    chat_address: str | None = None, language: str = "zh_CN",
) -> HostSummary:
    """One host typed in by the receptionist (the CSV import is the bulk path)."""
    row = {"name": name, "email": email, "department": department, "phone": phone or "",
           "chat_address": chat_address or "", "language": language}
    _upsert_row(uow, row, {}, set())
    uow.session.flush()
    host = uow.session.scalar(select(Host).where(Host.email == (normalise_email(email) or "")))
    assert host is not None
    summary = _summary(host)
    uow.commit()
    return summary


def _summary(host: Host) -> HostSummary:
    department = host.department
    return HostSummary(
        id=host.id, name=host.name, department=department.name if department else "",
        email=host.email, active=host.active, department_en=(department.name_en or "") if department else "",
    )


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_hosts(uow: UnitOfWork, query: str, *, limit: int = 20) -> list[HostSummary]:
    """Active hosts matching a name fragment, full pinyin prefix or initials prefix; best matches first."""
    key = search_key(query or "")
    if not key or len(key) > 100:
        return []
    pattern = _like_escape(key)
    conditions = [Host.name_key.like(f"%{pattern}%", escape="\\")]
    ascii_key = _NOT_ALNUM.sub("", key)
    if ascii_key and not _HAN.search(key):
        conditions += [
            Host.pinyin.like(f"{_like_escape(ascii_key)}%", escape="\\"),
            Host.initials.like(f"{_like_escape(ascii_key)}%", escape="\\"),
        ]
    rank = case(
        (Host.name_key == key, 0),
        (Host.initials == ascii_key, 1),
        (Host.pinyin == ascii_key, 1),
        (Host.name_key.like(f"{pattern}%", escape="\\"), 2),
        else_=3,
    )
    rows = uow.session.scalars(
        select(Host).where(Host.active.is_(True), or_(*conditions))
        .order_by(rank, func.length(Host.name), Host.name, Host.id).limit(limit)
    )
    # Only a page of results, so the pinyin of each name is worked out here rather than stored.
    return [replace(_summary(h), name_pinyin=pinyin_name(h.name)) for h in rows]


def list_hosts(uow: UnitOfWork, *, include_inactive: bool = False) -> list[HostSummary]:
    query = select(Host).order_by(Host.name, Host.id)
    if not include_inactive:
        query = query.where(Host.active.is_(True))
    return [_summary(h) for h in uow.session.scalars(query)]


def get_host(uow: UnitOfWork, host_id: int) -> Host:
    host = uow.session.get(Host, host_id)
    if host is None:
        raise NotFound(f"no host with id {host_id}")
    return host


def find_host_by_email(uow: UnitOfWork, email: str) -> Host:
    address = normalise_email(email, required=True)
    host = uow.session.scalar(select(Host).where(Host.email == address))
    if host is None:
        raise NotFound(f"no host with e-mail {email!r}")
    return host


# ------------------------------------------------------------------------------------------------ the desk's list


class HostSort(StrEnum):
    """The columns the Hosts view sorts by; each sorts by the host id last, so ties keep one order."""

    NAME = "name"  # by pinyin: 张伟 (zhangwei) between Zelda and Zoe, as a Chinese lobby expects
    DEPARTMENT = "department"
    EMAIL = "email"
    PHONE = "phone"
    STATUS = "status"


class HostsShown(StrEnum):
    ACTIVE = "active"  # who receives visitors: what the kiosk offers
    INACTIVE = "inactive"  # who left or was switched off
    ALL = "all"


@dataclass(frozen=True)
class HostQuery:
    """What the Hosts view shows. ``text`` matches a part of the name, the start of its full pinyin or
    initials, a part of the e-mail address or of the department's name; empty filters nothing."""

    text: str = ""
    shown: HostsShown = HostsShown.ACTIVE
    department_id: int | None = None
    sort: HostSort = HostSort.NAME
    descending: bool = False


@dataclass(frozen=True)
class HostRow:
    """One host as the desk shows and edits them: plain values only."""

    id: int
    name: str
    department: str
    department_id: int | None
    email: str
    phone: str
    chat_address: str
    language: str
    active: bool


@dataclass(frozen=True)
class HostForm:
    """A host as typed at the desk (or given to kioskctl): the same rules as a line of the CSV file."""

    name: str
    email: str
    department: str = ""
    phone: str = ""
    chat_address: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True)
class DepartmentChoice:
    id: int
    name: str


EMAIL_TAKEN = "email_taken"
EMAIL_TAKEN_INACTIVE = "email_taken_inactive"
_ID_FETCH = 65_536
_ROWS_PER_QUERY = 500


def _text_condition(text: str) -> Any | None:
    key = search_key(text or "")
    if not key:
        return None
    key = key[:200]
    pattern = f"%{_like_escape(key)}%"
    conditions: list[Any] = [
        Host.name_key.like(pattern, escape="\\"),
        Host.email.like(pattern, escape="\\"),
        func.lower(Department.name).like(pattern, escape="\\"),
    ]
    letters = _NOT_ALNUM.sub("", key)
    if letters and key.isascii():
        prefix = f"{_like_escape(letters)}%"
        conditions += [Host.pinyin.like(prefix, escape="\\"), Host.initials.like(prefix, escape="\\")]
    return or_(*conditions)


def _sort_keys(sort: HostSort) -> list[Any]:
    # Empty departments and phones sort as "" on both databases (SQLite puts NULL first, PostgreSQL last).
    keys: dict[HostSort, list[Any]] = {
        HostSort.NAME: [Host.pinyin, Host.name],
        HostSort.DEPARTMENT: [func.coalesce(Department.name, ""), Host.pinyin],
        HostSort.EMAIL: [Host.email],
        HostSort.PHONE: [func.coalesce(Host.phone, ""), Host.pinyin],
        HostSort.STATUS: [case((Host.active.is_(True), 0), else_=1), Host.pinyin],
    }
    return keys[sort]


def host_ids(uow: UnitOfWork, query: HostQuery, *, limit: int | None = None) -> array[int]:
    """The ids of the hosts matching ``query``, in its order (ties by id); the first ``limit`` only if given."""
    statement = select(Host.id).outerjoin(Department, Department.id == Host.department_id)
    if query.shown is HostsShown.ACTIVE:
        statement = statement.where(Host.active.is_(True))
    elif query.shown is HostsShown.INACTIVE:
        statement = statement.where(Host.active.is_(False))
    if query.department_id is not None:
        statement = statement.where(Host.department_id == query.department_id)
    matched = _text_condition(query.text)
    if matched is not None:
        statement = statement.where(matched)
    keys = [*_sort_keys(query.sort), Host.id]
    statement = statement.order_by(*(k.desc() if query.descending else k.asc() for k in keys))
    if limit is not None:
        statement = statement.limit(limit)
    ids: array[int] = array("q")
    result = uow.session.connection().execute(statement)
    try:
        while chunk := result.cursor.fetchmany(_ID_FETCH):
            ids.extend(chain.from_iterable(chunk))
    finally:
        result.close()
    return ids


def host_rows(uow: UnitOfWork, ids: Sequence[int]) -> list[HostRow]:
    """The rows of ``ids`` in that order (ids of hosts that do not exist are left out)."""
    found: dict[int, HostRow] = {}
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), _ROWS_PER_QUERY):
        for host in uow.session.scalars(select(Host).where(Host.id.in_(wanted[start:start + _ROWS_PER_QUERY]))):
            found[host.id] = _row(host)
    return [found[i] for i in wanted if i in found]


def host_row(uow: UnitOfWork, host_id: int) -> HostRow:
    return _row(get_host(uow, host_id))


def department_choices(uow: UnitOfWork) -> list[DepartmentChoice]:
    """Every department, by name: the form's suggestions and the list's filter."""
    rows = uow.session.execute(select(Department.id, Department.name).order_by(Department.name, Department.id))
    return [DepartmentChoice(id=row[0], name=row[1]) for row in rows]


def _row(host: Host) -> HostRow:
    return HostRow(
        id=host.id, name=host.name, department=host.department.name if host.department else "",
        department_id=host.department_id, email=host.email, phone=host.phone or "",
        chat_address=host.chat_address or "", language=host.language, active=host.active,
    )


def _form_values(form: HostForm) -> dict[str, str]:
    return {"name": form.name, "email": form.email, "department": form.department, "phone": form.phone,
            "chat_address": form.chat_address, "language": form.language}


def _refuse_taken_email(uow: UnitOfWork, email: str, host_id: int | None = None) -> None:
    other = uow.session.scalar(select(Host).where(Host.email == email, Host.id != (host_id or 0)))
    if other is None:
        return
    if other.active:
        raise Conflict(f"another host already has the e-mail address {email}", code=EMAIL_TAKEN)
    raise Conflict(f"an inactive host has the e-mail address {email}; reactivate them instead",
                   code=EMAIL_TAKEN_INACTIVE)


def _locked_host(uow: UnitOfWork, host_id: int) -> Host:
    """The host, its row locked until the commit (two desks editing one host wait for each other). Only
    the host's row: PostgreSQL refuses to lock the department joined in beside it (an outer join)."""
    host = uow.session.scalar(select(Host).where(Host.id == host_id).with_for_update(of=Host))
    if host is None:
        raise NotFound(f"no host with id {host_id}")
    return host


def create_host(uow: UnitOfWork, form: HostForm) -> HostRow:
    """A new host typed at the desk. Unlike the import (which updates a host found by e-mail), an
    e-mail address that belongs to someone already is refused: the desk would overwrite them unseen."""
    checked = _checked(_form_values(form))
    _refuse_taken_email(uow, checked.email)
    department = _department(uow, checked.department, {}) if checked.department else None
    host = Host(
        name=checked.name, email=checked.email, department_id=department.id if department else None,
        phone=checked.phone, chat_address=checked.chat_address, language=checked.language, active=True,
    )
    _set_search_keys(host)
    uow.session.add(host)
    uow.session.flush()
    uow.session.refresh(host)
    audit.record(uow, "host.created", "host", host.id, after={"department_id": host.department_id})
    row = _row(host)
    uow.commit()
    return row


def edit_host(uow: UnitOfWork, host_id: int, form: HostForm) -> HostRow:
    """Every field of ``form`` replaces the host's; nothing changed, nothing recorded."""
    checked = _checked(_form_values(form))
    host = _locked_host(uow, host_id)
    _refuse_taken_email(uow, checked.email, host.id)
    department = _department(uow, checked.department, {}) if checked.department else None
    wanted: dict[str, object] = {
        "name": checked.name, "email": checked.email, "department_id": department.id if department else None,
        "phone": checked.phone, "chat_address": checked.chat_address, "language": checked.language,
    }
    changed = sorted(k for k, v in wanted.items() if getattr(host, k) != v)
    if changed:
        before = host.department_id
        for key in changed:
            setattr(host, key, wanted[key])
        _set_search_keys(host)
        uow.session.flush()
        uow.session.refresh(host)
        # Which fields, never their values: audit events keep ids and states, not names.
        audit.record(uow, "host.updated", "host", host.id, before={"department_id": before},
                     after={"department_id": host.department_id, "changed": changed})
    row = _row(host)
    uow.commit()
    return row


def set_host_active(uow: UnitOfWork, host_id: int, active: bool) -> HostRow:
    """Deactivate (not offered at the kiosk nor for new invitations; visits already planned stay) or
    reactivate a host. Asking for what already is changes nothing: a second desk may have done it."""
    host = _locked_host(uow, host_id)
    if host.active != active:
        host.active = active
        audit.record(uow, "host.reactivated" if active else "host.deactivated", "host", host.id,
                     before={"active": not active}, after={"active": active})
    row = _row(host)
    uow.commit()
    return row


def deactivate_host(uow: UnitOfWork, host_id: int) -> HostRow:
    return set_host_active(uow, host_id, False)


def reactivate_host(uow: UnitOfWork, host_id: int) -> HostRow:
    return set_host_active(uow, host_id, True)
