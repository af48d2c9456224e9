"""The manager's figures over two years of data: each KPI query and the whole dashboard.

    .venv/bin/python benchmarks/bench_kpis.py [--visits 1000000] [--parcels 200000] [--bookings 200000]
        [--baseline 0.01] [--reps 5] [--pg URL] [--skip-sqlite] [--keep DIR] [--without-requested-indexes]

Builds a fresh migrated database (SQLite in a temporary folder; PostgreSQL too with ``--pg URL``, whose
``public`` schema is dropped and recreated: never the test suite's database) and seeds two years ending on
5 December 2026 with Core bulk inserts: ``seed_bulk`` visits (checked in and out, hosts answering, no-shows,
walk-ins), a kiosk rating for 30 % of the visits that came, an arrival notice per check-in, ``--parcels``
parcels with their arrival notices (e-mail, and chat for 30 %), ``--bookings`` bookings in 50 rooms with
three preparation lines and one after-use line each, and the desk's calls, complaints, routine checks and
supply issues. Then times, on November 2026 (one read unit of work each, as the desk asks):

* **each figure**: its function on a fresh scope (no query shared with another figure);
* **the dashboard**: ``DeskReportsGateway.dashboard`` as the desk asks for it (charts and tables, month-on-month
  and year-on-year; on PostgreSQL the two comparisons read on threads of their own), the same in one unit of
  work (``kpi_report``, as kioskctl and the monthly job read it), and the report for a whole year.

Median of ``--reps`` calls after one warm-up, beside the same calls on a ``--baseline`` fraction of the data
in the same run. Targets: each figure <= 200 ms, the dashboard <= 1 s. A miss prints the plans.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_foundation import ensure_pg_database, has_data
from seed_bulk import SeedPlan, baseline_url, bulk_insert, seed_database
from sqlalchemy import select, text

from kiosk.application.gateways.desk_reports import DeskReportsGateway
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.domain.front_desk import (
    CallKind,
    ComplaintChannel,
    ComplaintStatus,
    MessageStatus,
    RoutineResult,
    RoutineSchedule,
    Urgency,
)
from kiosk.domain.kpis import Kpi, Period
from kiosk.domain.parcels import ParcelCondition, ParcelStatus, RecipientKind
from kiosk.domain.rooms import BookingLevel, BookingStatus
from kiosk.domain.security import StaffRole
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models import Notification, NotificationStatus, Visit, VisitStatus
from kiosk.models.front_desk import Complaint, PhoneMessage, RoutineCheck, RoutineTemplate
from kiosk.models.parcels import Parcel
from kiosk.models.rooms import Booking, ChecklistItem, Room
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.models.visits import Feedback
from kiosk.services.directory.sites import ensure_site
from kiosk.services.reports import kpis
from kiosk.services.reports.kpi_scope import scope

SITE_CODE = "HQ"
ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)  # 10:00 on Saturday 5 December in Shanghai
TODAY = date(2026, 12, 5)
DAYS = 730
FIRST_DAY = TODAY - timedelta(days=DAYS - 1)
MONTH = Period(date(2026, 11, 1), date(2026, 11, 30))
YEAR = Period(date(2025, 12, 1), date(2026, 11, 30))
FIGURE_MS, DASHBOARD_MS = 200.0, 1000.0
BATCH = 20_000
ROOMS = 50
# The indexes the figures asked for, now in the schema (migration 0016); --without-requested-indexes drops
# them to show what they are worth.
REQUESTED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_notifications_event_created ON notifications (event, created_at)",
)
DROP_REQUESTED_INDEXES = ("DROP INDEX IF EXISTS ix_notifications_event_created",)


def local(day: date, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZONE).astimezone(UTC) + timedelta(minutes=minute)


def days() -> Iterator[date]:
    for n in range(DAYS):
        yield FIRST_DAY + timedelta(days=n)


def per_day(total: int) -> list[tuple[date, int]]:
    base, extra = divmod(total, DAYS)
    return [(day, base + (1 if n < extra else 0)) for n, day in enumerate(days())]


# -- seeding -----------------------------------------------------------------------------------------------------

def seed_visit_extras(db: Database, site_id: int, rng: random.Random) -> None:
    """A rating for 30 % of the visits that came, an arrival notice per check-in."""
    with db.engine.connect() as conn:
        came = conn.execute(select(Visit.id, Visit.checked_in_at, Visit.checked_out_at, Visit.host_id)
                            .where(Visit.status.in_([VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT]))).all()
    ratings = ({"visit_id": vid, "rating": rng.choices((5, 4, 3, 2, 1), (60, 28, 7, 3, 2))[0], "comment": "",
                "created_at": out or checked_in} for vid, checked_in, out, _h in came if rng.random() < 0.3)
    bulk_insert(db.engine, Feedback.__table__, ratings, BATCH)
    notices = ({"event": "visitor_arrived", "channel": "email", "recipient": f"host{host}@corp.example.cn",
                "language": "zh_CN", "payload": {"visit_id": vid}, "idempotency_key": f"visitor_arrived:visit:{vid}",
                "status": NotificationStatus.SENT, "attempts": 1, "next_attempt_at": checked_in,
                "created_at": checked_in, "sent_at": checked_in + timedelta(seconds=20), "visit_id": vid}
               for vid, checked_in, _out, host in came)
    bulk_insert(db.engine, Notification.__table__, notices, BATCH)


def _parcels(count: int, site_id: int, hosts: int, rng: random.Random, notices: list[dict[str, Any]],
             ) -> Iterator[dict[str, Any]]:
    n = 0
    for day, number in per_day(count):
        for _ in range(number):
            n += 1
            received = local(day, rng.randint(9 * 60, 18 * 60))
            age = NOW - received
            status = rng.choices((ParcelStatus.PICKED_UP, ParcelStatus.RETURNED, ParcelStatus.CANCELLED), (95, 4, 1))[0]
            picked = received + timedelta(hours=rng.triangular(0.2, 120, 6))
            if age < timedelta(days=7) and (status is ParcelStatus.RETURNED or picked > NOW):
                status = ParcelStatus.WAITING
            if status is not ParcelStatus.CANCELLED:
                for channel in ("email", "chat") if rng.random() < 0.3 else ("email",):
                    late = rng.random()
                    notices.append({
                        "event": "parcel_arrived", "channel": channel, "recipient": f"r{n}", "language": "zh_CN",
                        "payload": {"parcel_id": n}, "idempotency_key": f"parcel_arrived:parcel:{n}:{channel}",
                        "status": NotificationStatus.SENT if late < 0.99 else NotificationStatus.FAILED,
                        "attempts": 1, "next_attempt_at": received, "created_at": received,
                        "sent_at": received + timedelta(minutes=rng.uniform(0.2, 9 if late < 0.9 else 40))
                        if late < 0.99 else None, "visit_id": None})
            yield {
                "id": n, "site_id": site_id, "status": status, "version": 1, "tracking_no": f"SF{n:013d}",
                "carrier_code": "SF", "recipient_kind": RecipientKind.HOST, "host_id": rng.randint(1, hosts),
                "condition": ParcelCondition.INTACT, "received_at": received, "received_by": "bench",
                "picked_up_at": picked if status is ParcelStatus.PICKED_UP else None,
                "returned_at": received + timedelta(days=7) if status is ParcelStatus.RETURNED else None,
                "created_at": received, "updated_at": received,
            }


def seed_parcels(db: Database, count: int, site_id: int, hosts: int, rng: random.Random) -> None:
    notices: list[dict[str, Any]] = []
    bulk_insert(db.engine, Parcel.__table__, _parcels(count, site_id, hosts, rng, notices), BATCH)
    bulk_insert(db.engine, Notification.__table__, notices, BATCH)


def seed_rooms(db: Database, count: int, site_id: int, hosts: int, rng: random.Random) -> None:
    bulk_insert(db.engine, Room.__table__, ({
        "id": r, "site_id": site_id, "name": f"{300 + r}", "floor": str(3 + r // 10), "capacity": 4 + r % 12,
        "equipment": [], "needs_approval": False, "cleaning_minutes": 10, "confirm_within_minutes": 10,
        "active": True, "created_at": local(FIRST_DAY, 0)} for r in range(1, ROOMS + 1)), BATCH)
    lines: list[dict[str, Any]] = []

    def bookings() -> Iterator[dict[str, Any]]:
        n = 0
        for day, number in per_day(count):
            for k in range(number):
                n += 1
                starts = local(day, 8 * 60 + 30 * rng.randint(0, 20))
                ends = starts + timedelta(minutes=rng.choice((30, 60, 90, 120)))
                status = rng.choices((BookingStatus.DONE, BookingStatus.RELEASED, BookingStatus.DISPLACED,
                                      BookingStatus.CANCELLED), (85, 5, 3, 7))[0]
                if starts > NOW:
                    status = BookingStatus.BOOKED
                for m, key in enumerate(("water", "pen_and_paper", "layout")):
                    late = rng.random() < 0.01
                    lines.append({"booking_id": n, "phase": "prepare", "key": key, "quantity": None,
                                  "done_at": starts + timedelta(minutes=5) if late else starts - timedelta(
                                      minutes=20 + m), "done_by": "bench", "note": ""})
                lines.append({"booking_id": n, "phase": "inspect", "key": "tidy", "quantity": None,
                              "done_at": ends + timedelta(minutes=10), "done_by": "bench", "note": ""})
                yield {
                    "id": n, "site_id": site_id, "room_id": 1 + k % ROOMS, "status": status,
                    "level": BookingLevel.DEPARTMENT, "organiser_host_id": rng.randint(1, hosts), "department_id": None,
                    "topic": "", "attendee_count": 6, "starts_at": starts, "ends_at": ends,
                    "busy_until": ends + timedelta(minutes=10), "equipment_needed": [], "ical_uid": f"b{n}",
                    "created_at": starts - timedelta(days=2), "created_by": "bench"}

    bulk_insert(db.engine, Booking.__table__, bookings(), BATCH)
    bulk_insert(db.engine, ChecklistItem.__table__, lines, BATCH)


def seed_desk(db: Database, site_id: int, rng: random.Random) -> None:
    bulk_insert(db.engine, PhoneMessage.__table__, ({
        "site_id": site_id, "kind": CallKind.MESSAGE, "status": MessageStatus.CLOSED, "urgency": Urgency.NORMAL,
        "answered_in_time": rng.random() < 0.985, "received_at": local(day, rng.randint(8 * 60, 18 * 60)),
        "received_by": "bench", "message": ""} for day, n in per_day(60 * DAYS) for _ in range(n)), BATCH)
    bulk_insert(db.engine, Complaint.__table__, ({
        "site_id": site_id, "status": ComplaintStatus.CLOSED, "channel": ComplaintChannel.PHONE, "what": "noise",
        "due_at": local(day, 600), "satisfaction": rng.choices((5, 4, 3, 2), (50, 40, 6, 4))[0],
        "satisfaction_at": local(day, 600 + rng.randint(60, 600)), "created_at": local(day, 540),
        "created_by": "bench"} for day, n in per_day(3 * DAYS) for _ in range(n)), BATCH)
    schedules = [RoutineSchedule.DAILY] * 5 + [RoutineSchedule.TWICE_DAILY] * 5 + [RoutineSchedule.WEEKLY] * 5
    bulk_insert(db.engine, RoutineTemplate.__table__, ({
        "id": t, "site_id": site_id, "name": f"routine {t}", "area": "", "schedule": schedule, "items": ["look"],
        "weekday": 1 + t % 7, "active": True, "created_at": local(FIRST_DAY, 0)}
        for t, schedule in enumerate(schedules, start=1)), BATCH)

    def checks() -> Iterator[dict[str, Any]]:
        for day in days():
            for t, schedule in enumerate(schedules, start=1):
                if schedule is RoutineSchedule.WEEKLY and day.isoweekday() != 1 + t % 7:
                    continue
                for round_ in (1, 2) if schedule is RoutineSchedule.TWICE_DAILY else (1,):
                    if rng.random() < 0.97:
                        yield {"template_id": t, "due_on": day, "round": round_,
                               "result": RoutineResult.PASSED if rng.random() < 0.97 else RoutineResult.PROBLEM,
                               "failed_items": [], "note": "", "done_at": local(day, 600), "done_by": "bench"}

    bulk_insert(db.engine, RoutineCheck.__table__, checks(), BATCH)
    bulk_insert(db.engine, SupplyItem.__table__, ({
        "id": i, "name": f"item {i}", "unit": "支", "created_at": local(FIRST_DAY, 0),
        "updated_at": local(FIRST_DAY, 0)} for i in range(1, 201)), BATCH)
    bulk_insert(db.engine, StockMovement.__table__, ({
        "item_id": rng.randint(1, 200), "kind": MovementKind.ISSUED, "quantity": -rng.randint(1, 10),
        "value_cents": -rng.randint(100, 5000), "balance_after": 0, "at": local(day, rng.randint(540, 1080)),
        "actor": "bench", "document_kind": DocumentKind.REQUISITION, "department_id": rng.randint(1, 40)}
        for day, n in per_day(50 * DAYS) for _ in range(n)), BATCH)


def seed(db: Database, visits: int, parcels: int, bookings: int, with_indexes: bool) -> None:
    rng = random.Random(14)
    with db.unit_of_work("bench") as uow:
        site = ensure_site(uow, SITE_CODE, "Bench Tower", "Asia/Shanghai")
        uow.commit()
    plan = SeedPlan(visits=visits, visitors=max(visits * 3 // 10, 1000), hosts=5000 if visits >= 100_000 else 500,
                    days=DAYS, on_site_today=min(150, visits // 1000 + 5),
                    min_invited_today=min(300, visits // 500 + 5))
    seed_database(db.engine, site_id=site.id, today=TODAY, zone=ZONE, now=NOW, plan=plan,
                  log=lambda line: print(line, flush=True))
    for label, step in (("visit ratings and notices", lambda: seed_visit_extras(db, site.id, rng)),
                        ("parcels", lambda: seed_parcels(db, parcels, site.id, plan.hosts, rng)),
                        ("rooms and bookings", lambda: seed_rooms(db, bookings, site.id, plan.hosts, rng)),
                        ("calls, complaints, routines, supplies", lambda: seed_desk(db, site.id, rng))):
        started = time.perf_counter()
        step()
        print(f"  seeded {label} in {time.perf_counter() - started:.1f} s", flush=True)
    with db.engine.begin() as conn:
        for statement in REQUESTED_INDEXES if with_indexes else DROP_REQUESTED_INDEXES:
            conn.execute(text(statement))
        if db.dialect == "postgresql":
            for table in ("notifications", "parcels", "rooms", "bookings", "booking_checklist_items", "feedback",
                          "phone_messages", "complaints", "routine_templates", "routine_checks", "supply_items",
                          "stock_movements"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"))
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


# -- timing ------------------------------------------------------------------------------------------------------

def fresh(url: str | None, folder: Path, name: str, keep: bool = False) -> tuple[Database, bool]:
    """The database to seed, or (``--keep``) one seeded by an earlier run; whether it needs seeding."""
    if url is None:
        path = folder / (name + ".sqlite3")
        if path.exists():
            return Database.from_url(f"sqlite:///{path}", clock=FixedClock(NOW)), False
        url = f"sqlite:///{path}"
    else:
        ensure_pg_database(url)
        db = Database.from_url(url, clock=FixedClock(NOW))
        if keep and has_data(db):
            return db, False
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        db.dispose()
    db = Database.from_url(url, clock=FixedClock(NOW))
    upgrade(db.engine)
    return db, True


def median_ms(db: Database, call: Callable[[Any], object], reps: int) -> tuple[float, object]:
    times, result = [], None
    for index in range(reps + 1):
        started = time.perf_counter()
        with db.unit_of_work("bench", write=False) as uow:
            result = call(uow)
        if index:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def in_one(db: Database, call: Callable[[Any], object]) -> object:
    with db.unit_of_work("bench", write=False) as uow:
        return call(uow)


def median_call(call: Callable[[], object], reps: int) -> float:
    times = []
    for index in range(reps + 1):
        started = time.perf_counter()
        call()
        if index:
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def figure_call(kpi: Kpi, period: Period) -> Callable[[Any], object]:
    return lambda uow: kpis.FIGURES[kpi](scope(uow, SITE_CODE, period.first, period.last))


def shown(value: float | None, kpi: Kpi) -> str:
    if value is None:
        return "—"
    if kpi in (Kpi.VISITS,):
        return f"{value:,.0f}"
    if kpi is Kpi.HOST_WAIT:
        return f"{value:.1f} min"
    if kpi is Kpi.SUPPLIES_ISSUED:
        return f"¥{value / 100:,.0f}"
    return f"{value * 100:.1f} %"


def run(label: str, url: str | None, args: argparse.Namespace, folder: Path) -> None:
    for fraction in (args.baseline, 1.0):
        sizes = [max(int(n * fraction), 100) for n in (args.visits, args.parcels, args.bookings)]
        target = url if url is None or fraction == 1.0 else baseline_url(url)
        db, empty = fresh(target, folder, f"{label}-{fraction}", keep=args.keep is not None)
        if empty:
            started = time.perf_counter()
            seed(db, *sizes, with_indexes=not args.without_requested_indexes)
            print(f"[{label}] seeded {sizes[0]:,} visits, {sizes[1]:,} parcels, {sizes[2]:,} bookings in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
        big = fraction == 1.0
        missed = []
        for kpi in Kpi:
            ms, figure = median_ms(db, figure_call(kpi, MONTH), args.reps)
            verdict = (" ok" if ms <= FIGURE_MS else " MISSED") if big else ""
            if verdict == " MISSED":
                missed.append(kpi)
            value = getattr(figure, "value", None)
            print(f"[{label}] {sizes[0]:>9,} visits  {kpi.value:<24} {ms:7.1f} ms  "
                  f"{shown(value, kpi):>12}{verdict}", flush=True)
        desk = DeskReportsGateway(db, SITE_CODE, actor="staff:bench", role=StaffRole.SUPERVISOR)
        timings: tuple[tuple[str, bool, Callable[[], object]], ...] = (
            ("dashboard (as the desk reads it)", True, partial(desk.dashboard, MONTH.first, MONTH.last)),
            ("dashboard in one unit of work", False, partial(in_one, db, partial(kpis.kpi_report,
                                                                                    site_code=SITE_CODE,
                                                                                    period=MONTH))),
            ("report for a year, no comparison", False, partial(in_one, db, partial(
                kpis.kpi_report, site_code=SITE_CODE, period=YEAR, month_on_month=False, year_on_year=False))),
        )
        for name, judged, call in timings:
            ms = median_call(call, args.reps)
            verdict = (" ok" if ms <= DASHBOARD_MS else " MISSED") if big and judged else ""
            print(f"[{label}] {sizes[0]:>9,} visits  {name:<38} {ms:7.1f} ms{verdict}", flush=True)
        if big and (missed or args.explain):
            print(f"[{label}] over a target: {', '.join(k.value for k in missed) or 'none'}")
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--parcels", type=int, default=200_000)
    parser.add_argument("--bookings", type=int, default=200_000)
    parser.add_argument("--baseline", type=float, default=0.01, help="the small database's share of the data")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--pg", metavar="URL", help="also PostgreSQL (its public schema is dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--without-requested-indexes", action="store_true")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the SQLite files there (and the PostgreSQL data) and reuse them next time")
    args = parser.parse_args()
    print(f"targets: each figure <= {FIGURE_MS:.0f} ms, the dashboard <= {DASHBOARD_MS:.0f} ms; "
          f"November 2026 of two years; median of {args.reps}")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-kpis-") as folder:
        kept = args.keep or Path(folder)
        kept.mkdir(parents=True, exist_ok=True)
        if not args.skip_sqlite:
            run("sqlite", None, args, kept)
        if args.pg:
            run("postgresql", args.pg, args, kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
