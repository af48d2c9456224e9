"""Demo data for a trial lobby: a directory, today's visitors in every state, a deny-list entry, a desk login,
meeting rooms with a lively day of bookings (``demo_rooms``), a week of routine checks (``demo_routines``).

Everything goes through the real services, so the demo behaves exactly like
production data (tokens work at the kiosk, badges are queued, hosts notified).
Seeding is idempotent: hosts are upserted by e-mail, and a demo visitor who
already has a visit today is left alone. ``reset`` erases the demo visitors
first, which is the way to get fresh invitation tokens (only hashes are stored).
All e-mail addresses are under ``demo.example.com`` so they can never match a
real employee. Visitor phones (139 1000 000x) are valid numbers, as the services
require, so seed a trial database, not one with real visitors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.visits import CheckInOutcome
from kiosk.models import (
    BadgePrintJob,
    DenyKind,
    DenyListEntry,
    Department,
    Purpose,
    StaffUser,
    Visit,
    Visitor,
    VisitorType,
)
from kiosk.services import auth, demo_rooms, demo_routines, retention
from kiosk.services.directory import hosts
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import NotFound
from kiosk.services.text import normalise_phone, search_key
from kiosk.services.visits import checkin, denylist, invitations, print_jobs, signout, walkins

DEMO_USERNAME = "reception"
DEMO_PASSWORD = "reception123"
DEMO_DOMAIN = "demo.example.com"

INVITED = "invited"
CHECKED_IN = "checked_in"
CHECKED_OUT = "checked_out"


@dataclass(frozen=True)
class DemoDepartment:
    name: str
    contact_email: str
    name_en: str


@dataclass(frozen=True)
class DemoHost:
    name: str
    mailbox: str
    department: str
    language: str = "zh_CN"

    @property
    def email(self) -> str:
        return f"{self.mailbox}@{DEMO_DOMAIN}"


@dataclass(frozen=True)
class DemoInvitation:
    visitor_name: str
    phone: str
    host_mailbox: str
    company: str
    purpose: Purpose
    start: time
    end: time
    # Where the demo leaves the visit: still expected, on site, or already gone.
    outcome: str = INVITED
    visitor_type: VisitorType = VisitorType.VISITOR


@dataclass(frozen=True)
class DemoWalkIn:
    visitor_name: str
    phone: str
    host_mailbox: str
    company: str
    purpose: Purpose
    visitor_type: VisitorType


SALES, RND, ADMINISTRATION = "销售部", "研发部", "行政部"

DEPARTMENTS = (
    DemoDepartment(SALES, f"sales@{DEMO_DOMAIN}", "Sales"),
    DemoDepartment(RND, f"rnd@{DEMO_DOMAIN}", "R&D"),
    DemoDepartment(ADMINISTRATION, f"admin@{DEMO_DOMAIN}", "Administration"),
)

# Two 张伟 in different departments on purpose: the kiosk must let a visitor tell them apart.
HOSTS = (
    DemoHost("张伟", "zhang.wei", SALES),
    DemoHost("李娜", "li.na", SALES),
    DemoHost("王芳", "wang.fang", SALES),
    DemoHost("刘洋", "liu.yang", SALES),
    DemoHost("陈静", "chen.jing", SALES),
    DemoHost("赵磊", "zhao.lei", SALES),
    DemoHost("Michael Brown", "michael.brown", SALES, "en"),
    DemoHost("张伟", "zhang.wei.rnd", RND),
    DemoHost("杨帆", "yang.fan", RND),
    DemoHost("黄晓明", "huang.xiaoming", RND),
    DemoHost("周杰", "zhou.jie", RND),
    DemoHost("吴敏", "wu.min", RND),
    DemoHost("徐浩", "xu.hao", RND),
    DemoHost("Emily Chen", "emily.chen", RND, "en"),
    DemoHost("孙丽", "sun.li", ADMINISTRATION),
    DemoHost("马超", "ma.chao", ADMINISTRATION),
    DemoHost("胡婷", "hu.ting", ADMINISTRATION),
    DemoHost("朱琳", "zhu.lin", ADMINISTRATION),
    DemoHost("郭强", "guo.qiang", ADMINISTRATION),
    DemoHost("Sarah Johnson", "sarah.johnson", ADMINISTRATION, "en"),
)

INVITATIONS = (
    DemoInvitation("林晓雨", "13910000001", "zhang.wei", "星辰科技有限公司", Purpose.MEETING, time(10), time(11)),
    DemoInvitation("David Miller", "13910000002", "emily.chen", "Oceanic Trading Ltd.", Purpose.MEETING,
                   time(14), time(15, 30)),
    DemoInvitation("何俊", "13910000003", "zhang.wei.rnd", "", Purpose.INTERVIEW, time(15), time(16),
                   visitor_type=VisitorType.INTERVIEW),
    DemoInvitation("冯雪", "13910000004", "li.na", "蓝海咨询", Purpose.MEETING, time(9, 30), time(11, 30),
                   outcome=CHECKED_IN),
    DemoInvitation("韩东", "13910000005", "hu.ting", "迅达快递", Purpose.DELIVERY, time(9), time(9, 30),
                   outcome=CHECKED_OUT, visitor_type=VisitorType.DELIVERY),
)

WALK_IN = DemoWalkIn("曹磊", "13910000006", "guo.qiang", "安居物业服务", Purpose.MAINTENANCE, VisitorType.CONTRACTOR)

DENY_ENTRY = (DenyKind.COMPANY, "速达推销有限公司", "多次未预约上门推销 (repeated sales calls without an appointment)")


@dataclass(frozen=True)
class SeededVisit:
    visit_id: int
    visitor_name: str
    host_name: str
    department: str
    status: str
    # The clear invitation token, only when this run created it (the database keeps a hash).
    token: str | None = None


@dataclass
class DemoSummary:
    site_code: str
    visit_date: date
    hosts_created: int = 0
    hosts_existing: int = 0
    departments: list[str] = field(default_factory=list)
    invitations: list[SeededVisit] = field(default_factory=list)
    walk_in: SeededVisit | None = None
    visitors_erased: int = 0
    deny_entry_created: bool = False
    user_created: bool = False
    rooms_created: int = 0
    bookings_made: int = 0  # today's meeting-room day, once a day (see demo_rooms)
    routine_checks: int = 0  # the week of routine rounds, once (see demo_routines)
    username: str = DEMO_USERNAME
    password: str = DEMO_PASSWORD

    @property
    def new_tokens(self) -> list[SeededVisit]:
        return [v for v in self.invitations if v.token]


def seed_demo(uow: UnitOfWork, *, site_code: str, reset: bool = False) -> DemoSummary:
    """Seed (or top up) the demo data at the site; each step commits through its own service."""
    site = get_site(uow, site_code)
    summary = DemoSummary(site_code=site.code, visit_date=site.local_date(uow.now()))
    if reset:
        summary.visitors_erased = erase_demo_visitors(uow)
    summary.hosts_created, summary.hosts_existing = seed_hosts(uow)
    summary.departments = seed_department_contacts(uow)
    summary.invitations = seed_invitations(uow, site)
    summary.walk_in = seed_walk_in(uow, site)
    summary.deny_entry_created = seed_deny_entry(uow)
    summary.user_created = seed_reception_user(uow, reset_password=reset)
    visits = {planned.phone: seeded.visit_id for planned, seeded in zip(INVITATIONS, summary.invitations, strict=True)}
    summary.rooms_created, summary.bookings_made = demo_rooms.seed_rooms(uow, site.code, visits)
    summary.routine_checks = demo_routines.seed_routines(uow, site.code)
    return summary


def seed_hosts(uow: UnitOfWork) -> tuple[int, int]:
    """The demo directory; returns (created, already there)."""
    created = 0
    for host in HOSTS:
        exists = _host_exists(uow, host.email)
        hosts.add_host(uow, name=host.name, email=host.email, department=host.department, language=host.language)
        created += not exists
    return created, len(HOSTS) - created


def _host_exists(uow: UnitOfWork, email: str) -> bool:
    try:
        hosts.find_host_by_email(uow, email)
    except NotFound:
        return False
    return True


def seed_department_contacts(uow: UnitOfWork) -> list[str]:
    """Who reception calls when a host cannot be reached, and each department's English name.
    A contact or English name someone already set is kept."""
    for wanted in DEPARTMENTS:
        department = uow.session.scalar(select(Department).where(Department.name == wanted.name))
        if department is not None and not department.contact_email:
            department.contact_email = wanted.contact_email
        if department is not None and not department.name_en:
            department.name_en = wanted.name_en
    uow.commit()
    return [d.name for d in DEPARTMENTS]


def seed_invitations(uow: UnitOfWork, site: SiteInfo) -> list[SeededVisit]:
    today = site.local_date(uow.now())
    seeded: list[SeededVisit] = []
    for planned in INVITATIONS:
        existing = _visit_today(uow, site, planned.phone, today)
        if existing is not None:
            seeded.append(_seeded(existing))
            continue
        host = hosts.find_host_by_email(uow, f"{planned.host_mailbox}@{DEMO_DOMAIN}")
        created = invitations.create_invitation(
            uow, site_code=site.code, host_id=host.id, visitor_name=planned.visitor_name, phone=planned.phone,
            company=planned.company or None, visit_date=today, start=planned.start, end=planned.end,
            purpose=planned.purpose, visitor_type=planned.visitor_type,
        )
        if planned.outcome in (CHECKED_IN, CHECKED_OUT):
            result = checkin.check_in_by_token(uow, created.token, site_code=site.code)
            # A site's own deny list may hold a demo visitor at the desk; then there is no badge to leave with.
            if planned.outcome == CHECKED_OUT and result.outcome is CheckInOutcome.CHECKED_IN:
                _sign_out_with_badge(uow, site, result.badge_job_id)
        visit = uow.session.get(Visit, created.visit_id)
        assert visit is not None
        seeded.append(_seeded(visit, token=created.token))
    return seeded


def _sign_out_with_badge(uow: UnitOfWork, site: SiteInfo, badge_job_id: int | None) -> None:
    """Leave the way a visitor does: by scanning the QR on the badge the check-in queued."""
    job = uow.session.get(BadgePrintJob, badge_job_id) if badge_job_id is not None else None
    assert job is not None, "a check-in always queues a first badge"
    signout.sign_out_by_token(uow, print_jobs.sign_out_code(uow, job.id), site_code=site.code)


def seed_walk_in(uow: UnitOfWork, site: SiteInfo) -> SeededVisit:
    """One visitor without an invitation, waiting for the host to say yes."""
    today = site.local_date(uow.now())
    existing = _visit_today(uow, site, WALK_IN.phone, today)
    if existing is not None:
        return _seeded(existing)
    host = hosts.find_host_by_email(uow, f"{WALK_IN.host_mailbox}@{DEMO_DOMAIN}")
    form = walkins.WalkInForm(
        name=WALK_IN.visitor_name, phone=WALK_IN.phone, host_id=host.id, purpose=WALK_IN.purpose.value,
        company=WALK_IN.company, visitor_type=WALK_IN.visitor_type.value,
    )
    # Consent is required here whatever the site's setting, so the demo always has someone waiting.
    result = walkins.register_walk_in(uow, form, site_code=site.code, policy=walkins.WalkInPolicy())
    visit = uow.session.get(Visit, result.visit_id)
    assert visit is not None
    return _seeded(visit)


def seed_deny_entry(uow: UnitOfWork) -> bool:
    kind, value, reason = DENY_ENTRY
    known = uow.session.scalar(
        select(DenyListEntry.id).where(DenyListEntry.kind == kind, DenyListEntry.value_key == search_key(value))
    )
    if known is not None:
        return False
    denylist.add_entry(uow, kind, value, reason)
    return True


def seed_reception_user(uow: UnitOfWork, *, reset_password: bool = False) -> bool:
    """The desk login printed by ``kioskctl demo seed``; a reset also restores its demo password."""
    known = uow.session.scalar(select(StaffUser.id).where(StaffUser.username == DEMO_USERNAME))
    if known is None:
        auth.add_user(uow, DEMO_USERNAME, DEMO_PASSWORD, display_name="前台 Reception")
        return True
    if reset_password:
        auth.set_password(uow, DEMO_USERNAME, DEMO_PASSWORD)
    return False


def erase_demo_visitors(uow: UnitOfWork) -> int:
    """The demo visitors and all their visits, through the same erasure a real person can ask for.

    A visitor is taken for a demo one only when both phone and name match, so a real person who
    happens to have one of the demo numbers is never erased.
    """
    erased = 0
    for name, phone in [(i.visitor_name, i.phone) for i in INVITATIONS] + [(WALK_IN.visitor_name, WALK_IN.phone)]:
        for visitor_id in retention.find_visitor_ids_by_phone(uow, phone):
            visitor = uow.session.get(Visitor, visitor_id)
            if visitor is not None and visitor.name == name:
                retention.erase_visitor(uow, visitor_id)
                erased += 1
    return erased


def _visit_today(uow: UnitOfWork, site: SiteInfo, phone: str, today: date) -> Visit | None:
    number = normalise_phone(phone, required=True)
    return uow.session.scalar(
        select(Visit).join(Visitor, Visitor.id == Visit.visitor_id)
        .where(Visit.site_id == site.id, Visit.visit_date == today, Visitor.phone == number)
        .order_by(Visit.id).limit(1)
    )


def _seeded(visit: Visit, token: str | None = None) -> SeededVisit:
    department = visit.host.department.name if visit.host.department else ""
    return SeededVisit(visit.id, visit.visitor.name, visit.host.name, department, visit.status.value, token)
