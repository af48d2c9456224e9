"""The host directory: import from the HR spreadsheet, search the way a Chinese lobby searches.

Search matches the name, the full pinyin and the initials (张伟 → ``zhangwei``,
``zw``), and every result carries the department, so two 张伟 can be told apart.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import case, func, or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host
from kiosk.services import audit
from kiosk.services.errors import FieldError, NotFound, ValidationFailed
from kiosk.services.text import clean_text, normalise_email, normalise_phone, search_key

REQUIRED_COLUMNS = ("name", "department", "email")
OPTIONAL_COLUMNS = ("phone", "chat_address", "language")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class HostSummary:
    id: int
    name: str
    department: str
    email: str
    active: bool = True


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

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


def _fold_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (what Excel saves as "CSV" on a Chinese Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def import_hosts_csv(uow: UnitOfWork, data: bytes) -> ImportReport:
    """Upsert hosts by e-mail. Bad rows are reported by line and skipped; good rows are saved."""
    report = ImportReport()
    try:
        text = decode_csv(data)
    except UnicodeDecodeError:
        report.problems.append(RowProblem(1, "the file is neither UTF-8 nor GBK text"))
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or []}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        report.problems.append(RowProblem(1, f"missing column(s): {', '.join(missing)}"))
        return report
    departments: dict[str, Department] = {}
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        values = {(k or "").strip().lower(): (v if isinstance(v, str) else "") for k, v in row.items()}
        try:
            outcome = _upsert_row(uow, values, departments, seen)
        except ValidationFailed as exc:
            report.problems.append(RowProblem(line, exc.message))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    audit.record(
        uow, "hosts.import", "host", None,
        after={"created": report.created, "updated": report.updated, "problems": len(report.problems)},
    )
    uow.commit()
    return report


def _upsert_row(
    uow: UnitOfWork, values: dict[str, str], departments: dict[str, Department], seen: set[str]
) -> str:
    errors: list[FieldError] = []
    name = clean_text(values.get("name"), "name", max_len=100, required=True, errors=errors)
    department_name = clean_text(values.get("department"), "department", max_len=200, errors=errors)
    email = normalise_email(values.get("email"), required=True, errors=errors)
    phone = normalise_phone(values.get("phone"), errors=errors)
    chat = clean_text(values.get("chat_address"), "chat_address", max_len=500, errors=errors) or None
    language = (values.get("language") or "zh_CN").strip() or "zh_CN"
    if language not in ("zh_CN", "en"):
        errors.append(FieldError("language", "invalid", "language must be zh_CN or en"))
    if email and email in seen:
        errors.append(FieldError("email", "duplicate", f"{email} appears twice in the file"))
    if errors:
        raise ValidationFailed(errors)
    assert email is not None
    seen.add(email)
    department = _department(uow, department_name, departments) if department_name else None
    host = uow.session.scalar(select(Host).where(Host.email == email))
    wanted = {
        "name": name, "department_id": department.id if department else None, "phone": phone,
        "chat_address": chat, "language": language, "active": True,
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
    return HostSummary(
        id=host.id, name=host.name, department=host.department.name if host.department else "",
        email=host.email, active=host.active,
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
    return [_summary(h) for h in rows]


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
