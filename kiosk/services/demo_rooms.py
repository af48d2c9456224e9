"""Demo meeting rooms and a lively day of bookings around the demo's "now", so the desk's status board looks
real: eight rooms on three floors (a training room lent only with approval), a company meeting in use, a
room being cleaned, one out of order after a damage report, meetings prepared and not, an ad-hoc one, a
weekly series, a department meeting a company meeting displaced, one cancelled, two visitors' meetings.

Everything goes through the room services, each step as it would have happened: the bookings made days
before (so they are not ad hoc and the notice period holds), the preparation ticked before each start, the
after-use check just after its end. ``_AsOf`` is a unit of work whose clock reads that moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from kiosk.db import Database
from kiosk.db.uow import UnitOfWork
from kiosk.domain.rooms import BookingLevel, ChecklistKey, ChecklistPhase, Equipment
from kiosk.models.rooms import Booking, Room
from kiosk.services.directory import hosts
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.services.rooms import bookings, checklists, inspection, series
from kiosk.services.rooms import rooms as room_list
from kiosk.services.rooms.records import AttendeeForm, BookingForm, BookingRefused, DamageForm, InspectionForm, RoomForm

P, M, S, SC, W, V = (Equipment.PROJECTOR, Equipment.MICROPHONE, Equipment.SPEAKERS, Equipment.SCREEN,
                     Equipment.WHITEBOARD, Equipment.VIDEO_CONFERENCE)
ROOMS = (
    RoomForm("洽谈室 A", 4, "2", frozenset({SC, W})),
    RoomForm("洽谈室 B", 6, "2", frozenset({SC, W, S})),
    RoomForm("小会议室", 8, "2", frozenset({P, W, S}), cleaning_minutes=15),
    RoomForm("大会议室", 20, "3", frozenset({P, M, S, SC, V}), cleaning_minutes=15),
    RoomForm("创新会议室", 12, "3", frozenset({P, W, V})),
    RoomForm("视频会议室", 6, "3", frozenset({V, SC, M, S})),
    RoomForm("培训室", 40, "5", frozenset({P, M, S, SC, W}), needs_approval=True, cleaning_minutes=20),
    RoomForm("董事会议室", 16, "5", frozenset({P, M, S, SC, V}), cleaning_minutes=15),
)
IN_USE_TOPIC = "季度经营分析会 Quarterly business review"  # today's demo day is seeded once it exists
BOOKED_DAYS_BEFORE = 3
DOMAIN = "demo.example.com"


@dataclass(frozen=True)
class Plan:
    room: str
    organiser: str  # mailbox at the demo domain
    topic: str
    start: int  # minutes from "now" (rounded down), or a fixed site time today with ``at``
    end: int
    attendees: int
    level: BookingLevel = BookingLevel.DEPARTMENT
    equipment: frozenset[Equipment] = frozenset()
    catering: str = ""
    print_material: str = ""
    at: tuple[time, time] | None = None
    prepared: tuple[ChecklistKey, ...] | str = ()  # "all", or the lines ticked before the start
    visitor_phone: str = ""  # a demo visitor attends (their badge and host's arrival notice say where)


ALL = "all"
DAY = (
    Plan("大会议室", "sun.li", IN_USE_TOPIC, -40, 50, 18, BookingLevel.COMPANY, frozenset({P, M, V}), "茶歇 tea break",
         "经营数据汇总 figures", prepared=ALL),
    Plan("小会议室", "li.na", "销售周例会 Sales weekly", -60, -5, 7, prepared=ALL),
    Plan("洽谈室 B", "zhao.lei", "渠道商洽谈 Distributor talks", -120, -70, 4, prepared=ALL),
    Plan("洽谈室 A", "zhang.wei", "星辰科技合作洽谈", 0, 0, 3, at=(time(10), time(11)), prepared=ALL,
         visitor_phone="13910000001"),
    Plan("视频会议室", "emily.chen", "Oceanic Trading 视频会议", 0, 0, 4, equipment=frozenset({V}),
         at=(time(14), time(15, 30)), visitor_phone="13910000002"),
    Plan("大会议室", "huang.xiaoming", "客户方案评审 Proposal review", 150, 210, 12, equipment=frozenset({P}),
         print_material="方案 proposal", prepared=(ChecklistKey.CONFIRM_DETAILS, ChecklistKey.WATER)),
    Plan("培训室", "hu.ting", "新员工入职培训 Onboarding", 150, 330, 25, equipment=frozenset({P, M}),
         print_material="员工手册 handbook"),
    Plan("董事会议室", "sun.li", "董事会 Board meeting", 210, 330, 12, BookingLevel.COMPANY, frozenset({V}),
         "午餐 lunch", prepared=ALL),
    Plan("小会议室", "liu.yang", "客户回访总结 Customer follow-up", 240, 300, 6),
)
WEEKLY = Plan("创新会议室", "yang.fan", "研发周会 R&D weekly", 60, 120, 10, equipment=frozenset({V}),
              prepared=(ChecklistKey.WATER, ChecklistKey.COPIES))
WEEKLY_WEEKS = 8
AD_HOC = Plan("视频会议室", "guo.qiang", "临时客户来访 Walk-in client", 10, 40, 3)
DISPLACED = Plan("董事会议室", "ma.chao", "行政部例会 Admin team meeting", 210, 270, 8)
CANCELLED = Plan("小会议室", "chen.jing", "供应商洽谈 Supplier talks", 120, 180, 5)
TOMORROW = (
    Plan("大会议室", "wu.min", "产品发布评审 Launch review", 0, 0, 15, equipment=frozenset({P, V}),
         at=(time(10), time(12))),
    Plan("创新会议室", "michael.brown", "Partner workshop", 0, 0, 8, at=(time(14), time(16))),
)
DAMAGE = "投影幕布卡住，无法收回 (the projection screen is stuck)"


class _AsOf(UnitOfWork):
    """A unit of work whose clock reads ``at``: a step of the demo day done when it would have been."""

    def __init__(self, database: Database, actor: str, at: datetime) -> None:
        super().__init__(database, actor=actor)
        self._at = at

    def now(self) -> datetime:
        return self._at


@dataclass
class _Day:
    database: Database
    actor: str
    site: SiteInfo
    now: datetime
    rooms: dict[str, int] = field(default_factory=dict)
    made: int = 0

    def at(self, moment: datetime) -> _AsOf:
        return _AsOf(self.database, self.actor, moment)

    def form(self, plan: Plan, day: date | None = None) -> BookingForm:
        with self.at(self.now) as uow:
            organiser = hosts.find_host_by_email(uow, f"{plan.organiser}@{DOMAIN}").id
        if plan.at is not None:
            day = day or self.site.local_date(self.now)
            starts_at, ends_at = (self.site.local_instant(day, plan.at[0]), self.site.local_instant(day, plan.at[1]))
        else:
            # Meetings from an hour on start on the half hour, as people book them; nearer ones to 5 minutes.
            step = 30 if plan.start >= 60 else 5
            base = self.now.replace(minute=self.now.minute - self.now.minute % step, second=0, microsecond=0)
            starts_at, ends_at = base + timedelta(minutes=plan.start), base + timedelta(minutes=plan.end)
        return BookingForm(room_id=self.rooms[plan.room], organiser_host_id=organiser, starts_at=starts_at,
                           ends_at=ends_at, attendee_count=plan.attendees, level=plan.level, topic=plan.topic,
                           equipment_needed=plan.equipment, catering=plan.catering, print_material=plan.print_material)

    def book(self, plan: Plan, *, days_before: int = BOOKED_DAYS_BEFORE, day: date | None = None,
             ad_hoc: bool = False) -> int | None:
        """The booking made ``days_before`` (ad hoc: now); None when its slot is taken (an earlier demo day's)."""
        form = replace(self.form(plan, day), ad_hoc=ad_hoc)
        made_at = self.now if ad_hoc else form.starts_at - timedelta(days=days_before)
        try:
            with self.at(made_at) as uow:
                booking_id = bookings.book(uow, self.site.code, form, can_approve=True,
                                           notice_days=1).booking.booking_id
        except (BookingRefused, ValidationFailed):
            return None
        self.made += 1
        self.carry_out(plan, booking_id, form)
        return booking_id

    def carry_out(self, plan: Plan, booking_id: int, form: BookingForm) -> None:
        """What the desk has done by now: preparation ticked, the organiser confirmed once it began."""
        with self.at(min(form.starts_at - timedelta(minutes=20), self.now)) as uow:
            for line in checklists.checklist(uow, booking_id, ChecklistPhase.PREPARE):
                if plan.prepared == ALL or line.key in plan.prepared:
                    checklists.tick(uow, line.item_id)
        if form.starts_at <= self.now:
            with self.at(min(form.starts_at + timedelta(minutes=2), self.now)) as uow:
                bookings.confirm(uow, booking_id)

    def booking_of(self, plan: Plan) -> int | None:
        """The live booking of this plan today (made by this or an earlier seeding)."""
        form = self.form(plan)
        with self.at(self.now) as uow:
            return uow.session.scalar(select(Booking.id).where(
                Booking.room_id == form.room_id, Booking.starts_at == form.starts_at, Booking.topic == plan.topic,
                Booking.status.in_(room_list.LIVE_STATUSES)))


def seed_rooms(uow: UnitOfWork, site_code: str, visits: Mapping[str, int]) -> tuple[int, int]:
    """The demo rooms (kept when there already) and, once a day, the day's bookings; the demo visitors
    (``visits``: visit id by phone) attend their meetings. Returns (rooms added, bookings made)."""
    uow.commit()  # each step below is a unit of work of its own: none of this one's may hold the database
    site = get_site(uow, site_code)
    day = _Day(uow.database, uow.actor, site, uow.now())
    added = _seed_room_list(uow, site, day)
    seeded = _day_seeded(uow, site, day.now)
    uow.commit()
    if not seeded:
        _seed_day(day)
    _seat_visitors(day, visits)
    return added, day.made


def _seed_day(day: _Day) -> None:
    day.book(DISPLACED, days_before=BOOKED_DAYS_BEFORE + 4)  # then the board meeting (company) takes its slot
    for plan in DAY:
        day.book(plan)
    _seed_damage(day)
    cancelled = day.book(CANCELLED)
    if cancelled is not None:
        with day.at(day.now - timedelta(hours=2)) as uow:
            bookings.cancel(uow, cancelled, "客户改期 the client postponed")
    _seed_weekly(day)
    day.book(AD_HOC, ad_hoc=True)
    tomorrow = day.site.local_date(day.now) + timedelta(days=1)
    for plan in TOMORROW:
        day.book(plan, day=tomorrow)


def _seat_visitors(day: _Day, visits: Mapping[str, int]) -> None:
    """A demo invitation's visitor attends their host's meeting (also after a reset made their visit anew)."""
    for plan in DAY:
        visit_id = visits.get(plan.visitor_phone)
        booking_id = day.booking_of(plan) if visit_id is not None else None
        if booking_id is None:
            continue
        try:
            with day.at(day.now) as uow:
                bookings.add_attendee(uow, booking_id, AttendeeForm(visit_id=visit_id))
        except ServiceError:  # a meeting full or over by now: the visitor simply is not listed
            pass


def _seed_room_list(uow: UnitOfWork, site: SiteInfo, day: _Day) -> int:
    known = {name.casefold(): room_id for room_id, name in uow.session.execute(
        select(Room.id, Room.name).where(Room.site_id == site.id))}
    added = 0
    for form in ROOMS:
        if form.name.casefold() not in known:
            known[form.name.casefold()] = room_list.add_room(uow, site.code, form).room_id
            added += 1
        day.rooms[form.name] = known[form.name.casefold()]
    return added


def _day_seeded(uow: UnitOfWork, site: SiteInfo, now: datetime) -> bool:
    return uow.session.scalar(select(Booking.id).where(
        Booking.site_id == site.id, Booking.topic == IN_USE_TOPIC, Booking.busy_until > now - timedelta(hours=12),
    ).limit(1)) is not None


def _seed_damage(day: _Day) -> None:
    """The morning's meeting in 洽谈室 B left the screen stuck: out of order until the repair is recorded."""
    plan = next(p for p in DAY if p.room == "洽谈室 B")
    booking_id = day.booking_of(plan)
    if booking_id is None:
        return
    keys = frozenset({ChecklistKey.TIDY, ChecklistKey.SUPPLIES_CHECKED, ChecklistKey.ROOM_RESTORED})
    damage = DamageForm(room_id=day.rooms[plan.room], what=DAMAGE, booking_id=booking_id)
    with day.at(min(day.form(plan).ends_at + timedelta(minutes=5), day.now)) as uow:
        inspection.inspect(uow, InspectionForm(booking_id, keys, "会后已整理 tidied after the meeting", damage))


def _seed_weekly(day: _Day) -> None:
    form = day.form(WEEKLY)
    until = day.site.local_date(form.starts_at) + timedelta(weeks=WEEKLY_WEEKS)
    try:
        with day.at(form.starts_at - timedelta(days=BOOKED_DAYS_BEFORE)) as uow:
            made = series.book_weekly(uow, day.site.code, form, until, can_approve=True, notice_days=1)
    except (BookingRefused, ValidationFailed):
        return
    day.made += len(made.made)
    if made.made and made.made[0].starts_at == form.starts_at:
        day.carry_out(WEEKLY, made.made[0].booking_id, form)
