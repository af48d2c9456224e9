"""A small month of front-desk records with every figure worked out by hand (``test_kpis.py`` says the sums).

Rows go in as table rows with the exact times the figures turn on (a service would stamp "now"); the site
is the tests' HQ in Asia/Shanghai (UTC+8) unless a test moves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.front_desk import (
    CallKind,
    ComplaintChannel,
    ComplaintStatus,
    MessageStatus,
    RoutineResult,
    RoutineSchedule,
    Urgency,
)
from kiosk.domain.parcels import ParcelCondition, ParcelStatus, RecipientKind
from kiosk.domain.rooms import BookingLevel, BookingStatus
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.domain.visits import Purpose, VisitKind, VisitStatus
from kiosk.models import Department, Host, Notification, NotificationStatus, Site
from kiosk.models.front_desk import Complaint, PhoneMessage, RoutineCheck, RoutineTemplate
from kiosk.models.parcels import Parcel
from kiosk.models.rooms import Booking, ChecklistItem, Room
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.models.visits import Feedback, Visit, Visitor

SHANGHAI = ZoneInfo("Asia/Shanghai")
# 10:00 on Saturday 5 December 2026 in Shanghai: November is over.
NOW = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(UTC)


def nov(day: int) -> date:
    return date(2026, 11, day)


@dataclass
class Ids:
    site: int
    host: int
    sales: int
    finance: int


class Seeder:
    def __init__(self, database: Database) -> None:
        self.database = database
        with database.unit_of_work("test") as uow:
            site = uow.session.scalar(select(Site).where(Site.code == "HQ"))
            assert site is not None
            sales, finance = Department(name="Sales"), Department(name="Finance")
            uow.session.add_all([sales, finance])
            uow.session.flush()
            host = Host(name="张伟", email="zhang@example.com", department_id=sales.id)
            uow.session.add(host)
            uow.session.flush()
            self.ids = Ids(site.id, host.id, sales.id, finance.id)
            uow.commit()
        self._room_id: int | None = None

    def add(self, *rows: object) -> list[object]:
        with self.database.unit_of_work("test") as uow:
            uow.session.add_all(rows)
            uow.commit()
        return list(rows)

    def visit(self, day: date, kind: VisitKind, status: VisitStatus, *, checked_in: datetime | None = None,
              notified: datetime | None = None, acknowledged: datetime | None = None, phone: str | None = "138",
              purpose: Purpose = Purpose.MEETING, note: str = "", checked_out: datetime | None = None,
              out_by: str | None = None, rating: int | None = None) -> int:
        with self.database.unit_of_work("test") as uow:
            visitor = Visitor(name="访客", name_key="访客", phone=phone, created_at=NOW)
            uow.session.add(visitor)
            uow.session.flush()
            visit = Visit(site_id=self.ids.site, host_id=self.ids.host, visitor_id=visitor.id, kind=kind,
                          status=status, purpose=purpose, purpose_note=note, visit_date=day,
                          created_at=at(day, 8) - timedelta(days=1), checked_in_at=checked_in,
                          host_notified_at=notified, host_acknowledged_at=acknowledged,
                          checked_out_at=checked_out, checked_out_by=out_by)
            uow.session.add(visit)
            uow.session.flush()
            if rating is not None:
                uow.session.add(Feedback(visit_id=visit.id, rating=rating, created_at=checked_out or NOW))
            uow.commit()
            return visit.id

    def complaint(self, rated_at: datetime, satisfaction: int) -> None:
        self.add(Complaint(site_id=self.ids.site, status=ComplaintStatus.CLOSED, channel=ComplaintChannel.PHONE,
                           what="noise", due_at=rated_at, resolution="fixed", resolved_at=rated_at,
                           satisfaction=satisfaction, satisfaction_via="desk", satisfaction_at=rated_at,
                           created_at=rated_at - timedelta(days=1), created_by="staff:amy"))

    def call(self, received: datetime, in_time: bool) -> None:
        self.add(PhoneMessage(site_id=self.ids.site, kind=CallKind.MESSAGE, status=MessageStatus.NEW,
                              urgency=Urgency.NORMAL, answered_in_time=in_time, received_at=received,
                              received_by="staff:amy"))

    def routine(self, schedule: RoutineSchedule, made: datetime, *, weekday: int = 1, active: bool = True) -> int:
        template = RoutineTemplate(site_id=self.ids.site, name=str(schedule), area="", schedule=schedule,
                                   items=["look"], weekday=weekday, active=active, created_at=made)
        self.add(template)
        return template.id

    def check(self, template_id: int, day: date, result: RoutineResult = RoutineResult.PASSED,
              round_: int = 1) -> None:
        self.add(RoutineCheck(template_id=template_id, due_on=day, round=round_, result=result,
                              done_at=at(day, 10), done_by="staff:amy"))

    def booking(self, day: date, hour: int, status: BookingStatus, prepared: list[datetime | None] = (),
                *, minute: int = 0, hours: float = 1) -> None:
        if self._room_id is None:
            room = Room(site_id=self.ids.site, name="301", floor="3", capacity=10, created_at=NOW)
            self.add(room)
            self._room_id = room.id
        starts = at(day, hour, minute)
        booking = Booking(site_id=self.ids.site, room_id=self._room_id, status=status,
                          level=BookingLevel.DEPARTMENT, organiser_host_id=self.ids.host, attendee_count=4,
                          starts_at=starts, ends_at=starts + timedelta(hours=hours),
                          busy_until=starts + timedelta(hours=hours, minutes=10),
                          ical_uid=f"b{day}{hour}{minute}{status}",
                          created_at=starts - timedelta(days=2), created_by="staff:amy")
        self.add(booking)
        self.add(*(ChecklistItem(booking_id=booking.id, phase="prepare", key=f"line{n}", done_at=done)
                   for n, done in enumerate(prepared)))

    def parcel(self, received: datetime, status: ParcelStatus, *, kind: RecipientKind = RecipientKind.HOST,
               picked_up: datetime | None = None, sent: tuple[datetime | None, ...] = ()) -> None:
        parcel = Parcel(site_id=self.ids.site, status=status, recipient_kind=kind,
                        host_id=self.ids.host if kind is RecipientKind.HOST else None,
                        condition=ParcelCondition.INTACT, received_at=received, picked_up_at=picked_up,
                        created_at=received, updated_at=received)
        self.add(parcel)
        for n, sent_at in enumerate(sent):
            self.add(Notification(event="parcel_arrived", channel="email" if n == 0 else "chat", recipient=f"r{n}",
                                  payload={"parcel_id": parcel.id}, idempotency_key=f"parcel_arrived:parcel:"
                                  f"{parcel.id}:{n}", status=NotificationStatus.SENT if sent_at
                                  else NotificationStatus.FAILED, next_attempt_at=received, created_at=received,
                                  sent_at=sent_at))

    def movement(self, at_: datetime, kind: MovementKind, quantity: int, value: int,
                 department_id: int | None) -> None:
        with self.database.unit_of_work("test") as uow:
            item = uow.session.scalar(select(SupplyItem).limit(1))
            if item is None:
                item = SupplyItem(name="签字笔", unit="支", created_at=NOW, updated_at=NOW)
                uow.session.add(item)
                uow.session.flush()
            uow.session.add(StockMovement(item_id=item.id, kind=kind, quantity=quantity, value_cents=value,
                                          balance_after=0, at=at_, actor="staff:amy",
                                          document_kind=DocumentKind.REQUISITION, department_id=department_id))
            uow.commit()


def seed_november(database: Database) -> Seeder:
    """The month ``test_kpis.py`` works out by hand, with rows just outside it on both sides."""
    s = Seeder(database)
    k, st = VisitKind, VisitStatus
    s.visit(nov(2), k.INVITED, st.CHECKED_OUT, checked_in=at(nov(2), 9, 10), notified=at(nov(2), 9, 10),
            acknowledged=at(nov(2), 9, 16), checked_out=at(nov(2), 10), out_by="kiosk:K1", rating=5)
    s.visit(nov(2), k.WALK_IN, st.CHECKED_OUT, checked_in=at(nov(2), 9, 40), notified=at(nov(2), 9, 30),
            acknowledged=at(nov(2), 9, 40), checked_out=at(nov(2), 23), out_by="system:housekeeping", rating=3)
    s.visit(nov(3), k.INVITED, st.NO_SHOW)
    s.visit(nov(3), k.PREREGISTERED, st.CHECKED_OUT, checked_in=at(nov(3), 14, 5), notified=at(nov(3), 14, 5),
            purpose=Purpose.OTHER, checked_out=at(nov(3), 15), out_by="staff:amy", rating=4)
    s.visit(nov(30), k.WALK_IN, st.CHECKED_IN, checked_in=at(nov(30), 23, 30), notified=at(nov(30), 23, 30),
            acknowledged=at(nov(30), 23, 32))
    s.visit(nov(25), k.WALK_IN, st.CHECKED_OUT, checked_in=at(nov(25), 9, 55), phone=None,
            checked_out=at(nov(25), 11), out_by="staff:amy")
    s.visit(nov(15), k.INVITED, st.CANCELLED)
    s.visit(date(2026, 10, 31), k.INVITED, st.CHECKED_OUT, checked_in=at(date(2026, 10, 31), 10),
            notified=at(date(2026, 10, 31), 10), acknowledged=at(date(2026, 10, 31), 11),
            checked_out=at(date(2026, 10, 31), 12), out_by="kiosk:K1", rating=1)
    s.visit(date(2026, 12, 1), k.INVITED, st.CHECKED_OUT, checked_in=at(date(2026, 12, 1), 10),
            checked_out=at(date(2026, 12, 1), 12), out_by="kiosk:K1", rating=1)

    s.complaint(at(nov(10), 11), 5)
    s.complaint(at(nov(20), 11), 2)
    s.complaint(at(date(2026, 12, 1), 0, 30), 4)  # 30 November 16:30 UTC: December in Shanghai
    s.complaint(at(nov(1), 0, 30), 4)  # 31 October 16:30 UTC: November in Shanghai

    for _ in range(3):
        s.call(at(nov(5), 10), True)
    s.call(at(nov(5), 11), False)
    s.call(at(nov(1), 0, 5), True)
    s.call(at(date(2026, 12, 1), 0, 10), False)

    corridor = s.routine(RoutineSchedule.DAILY, at(date(2026, 10, 1), 9))
    for day in range(1, 31):
        if day != 10:
            s.check(corridor, nov(day), RoutineResult.PROBLEM if day == 11 else RoutineResult.PASSED)
    restrooms = s.routine(RoutineSchedule.TWICE_DAILY, at(nov(29), 10))
    s.check(restrooms, nov(29), round_=1)
    s.check(restrooms, nov(29), round_=2)
    s.check(restrooms, nov(30), round_=1)
    plants = s.routine(RoutineSchedule.WEEKLY, at(date(2026, 10, 1), 9), weekday=1)
    for day in (2, 9, 16, 23):
        s.check(plants, nov(day))
    retired = s.routine(RoutineSchedule.DAILY, at(date(2026, 10, 1), 9), active=False)
    s.check(retired, nov(3))
    s.check(retired, nov(4), RoutineResult.PROBLEM)

    b = BookingStatus
    s.booking(nov(4), 10, b.DONE, [at(nov(4), 9, 30), at(nov(4), 9, 50)])
    s.booking(nov(5), 14, b.CONFIRMED, [at(nov(5), 14, 10)])
    s.booking(nov(6), 9, b.DONE, [at(nov(6), 8, 30), None])
    s.booking(nov(7), 9, b.RELEASED, [None])
    s.booking(nov(8), 9, b.CANCELLED, [None])
    s.booking(nov(9), 9, b.DONE)
    s.booking(date(2026, 12, 10), 9, b.BOOKED, [None])

    p = ParcelStatus
    s.parcel(at(nov(2), 9), p.PICKED_UP, picked_up=at(nov(3), 9), sent=(at(nov(2), 9, 5),))
    s.parcel(at(nov(2), 10), p.PICKED_UP, picked_up=at(nov(6), 10, 1), sent=(at(nov(2), 10, 30), at(nov(2), 10, 8)))
    s.parcel(at(nov(10), 10), p.RETURNED, sent=(None,))
    s.parcel(at(nov(12), 10), p.WAITING, kind=RecipientKind.RECEPTION)
    s.parcel(at(nov(13), 10), p.CANCELLED, sent=(at(nov(13), 10, 1),))
    s.parcel(at(date(2026, 12, 3), 10), p.WAITING, sent=(at(date(2026, 12, 3), 10, 2),))

    m = MovementKind
    s.movement(at(nov(1), 9), m.RECEIVED, 100, 15000, None)
    s.movement(at(nov(5), 9), m.ISSUED, -10, -1500, s.ids.sales)
    s.movement(at(nov(6), 9), m.RETURNED, 2, 300, s.ids.sales)
    s.movement(at(nov(20), 9), m.ISSUED, -5, -1000, s.ids.finance)
    s.movement(at(date(2026, 12, 1), 9), m.ISSUED, -3, -450, s.ids.sales)
    return s
