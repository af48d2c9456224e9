"""Visits for the visitor-log tests, written straight into the tables: every status, empty companies and
phones, ties on every sort column, times the services would only reach through many steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert, select

from kiosk.db import Database
from kiosk.models import Host, Purpose, Site, Visit, VisitKind, Visitor, VisitorType, VisitStatus
from kiosk.services.text import search_key
from tests.factories import SITE, add_host

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


@dataclass(frozen=True)
class Made:
    id: int
    name: str
    company: str | None
    phone: str | None
    host: str
    department: str | None
    status: VisitStatus
    visitor_type: VisitorType
    purpose: Purpose
    visit_date: date
    created_at: datetime
    expected_start: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None


def site_id(db: Database, code: str = SITE) -> int:
    with db.unit_of_work(write=False) as uow:
        found = uow.session.scalar(select(Site.id).where(Site.code == code))
        assert found is not None
        return found


def add_visit(
    db: Database, *, host_id: int, name: str, company: str | None = None, phone: str | None = None,
    status: VisitStatus = VisitStatus.CHECKED_OUT, visitor_type: VisitorType = VisitorType.VISITOR,
    purpose: Purpose = Purpose.MEETING, day: date = date(2026, 6, 1), created_at: datetime = T0,
    expected_start: datetime | None = None, checked_in_at: datetime | None = None,
    checked_out_at: datetime | None = None, on_hold: bool = False, site: int | None = None,
) -> int:
    with db.unit_of_work("test") as uow:
        visitor_id = uow.session.execute(insert(Visitor).values(
            name=name, name_key=search_key(name), phone=phone, company=company, created_at=created_at,
        ).returning(Visitor.id)).scalar_one()
        visit_id = uow.session.execute(insert(Visit).values(
            site_id=site or site_id(db), host_id=host_id, visitor_id=visitor_id,
            kind=VisitKind.INVITED if expected_start else VisitKind.WALK_IN, status=status, purpose=purpose,
            purpose_note="", visitor_type=visitor_type, visit_date=day, created_at=created_at,
            expected_start=expected_start, checked_in_at=checked_in_at, checked_out_at=checked_out_at,
            hold_reason="deny list" if on_hold else None,
        ).returning(Visit.id)).scalar_one()
        uow.commit()
    return int(visit_id)


def host_names(db: Database) -> dict[int, tuple[str, str | None]]:
    with db.unit_of_work(write=False) as uow:
        hosts = uow.session.scalars(select(Host)).all()
        return {h.id: (h.name, h.department.name if h.department else None) for h in hosts}


def sample_log(db: Database) -> list[Made]:
    """Twenty-odd visits over four days with ties on every column and empty values where columns allow."""
    zhang = add_host(db, name="张伟", email="zhang.wei@example.com", department="销售部")
    li = add_host(db, name="李娜", email="li.na@example.com", department="研发部")
    wang = add_host(db, name="王芳", email="wang.fang@example.com", department="")
    hosts = [zhang.id, li.id, wang.id]
    people = [
        ("王伟", "蓝海咨询", "+8613800138000"), ("王芳", "蓝海咨询", None), ("李娜", None, "+8613900139000"),
        ("Anna Smith", "Acme Logistics", "+8613700137000"), ("anna smith", "acme logistics", "+8613700137001"),
        ("Bob", "", "+8618600186000"), ("张三", "上海博雅科技", "+8615000150000"), ("王伟", "蓝海咨询", None),
    ]
    statuses = list(VisitStatus)
    types = list(VisitorType)
    purposes = list(Purpose)
    made = []
    for n in range(24):
        name, company, phone = people[n % len(people)]
        day = date(2026, 6, 1) + timedelta(days=n % 4)
        created = T0 + timedelta(days=n % 4, minutes=(n * 7) % 3)  # ties within a day
        expected = created + timedelta(hours=1) if n % 3 else None
        status = statuses[n % len(statuses)]
        came = status in (VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT)
        checked_in = created + timedelta(minutes=30) if came else None
        checked_out = created + timedelta(hours=2) if status is VisitStatus.CHECKED_OUT else None
        host_id = hosts[n % 3]
        visit_id = add_visit(
            db, host_id=host_id, name=name, company=company, phone=phone, status=status,
            visitor_type=types[n % len(types)], purpose=purposes[n % len(purposes)], day=day, created_at=created,
            expected_start=expected, checked_in_at=checked_in, checked_out_at=checked_out,
        )
        host_name, department = host_names(db)[host_id]
        made.append(Made(visit_id, name, company, phone, host_name, department, status, types[n % len(types)],
                         purposes[n % len(purposes)], day, created, expected, checked_in, checked_out))
    return made
