"""Meeting-rooms benchmark: the booking form's conflict check and the day board over 200 rooms and 200,000
bookings, and two desks booking the same slot at once.

    .venv/bin/python benchmarks/bench_rooms.py [--rooms 200] [--bookings 200000] [--baseline-rooms 20]
        [--baseline-bookings 2000] [--per-day 5] [--reps 200] [--race-rounds 50] [--pg URL] [--skip-sqlite]
        [--explain]

Builds a fresh migrated database (SQLite in a temporary folder; PostgreSQL too with ``--pg URL``, whose
``public`` schema is dropped and recreated: never the test suite's database) and seeds it with Core bulk
inserts (executemany, 20,000 rows a transaction): 2,000 hosts in 40 departments, ``--rooms`` rooms on 20
floors (two of them out of order), and ``--bookings`` bookings, ``--per-day`` (5) a day in each room without
overlaps (1,000 meetings on each day's board: a busy office), three quarters of them in the past (done,
released, cancelled, displaced) and a quarter to come (booked, confirmed, cancelled), one in ten at company
level, with preparation lines around today. Then times the desk gateway (``DeskRoomsGateway``), one unit of
work per call, as the desk calls it, the baseline and the big database taking turns call by call:

* **conflict check**: ``gateway.check(form)`` (``bookings.check``: every field, the room, the damage
  reports, the notice period, then the one indexed conflict query) for random rooms and slots in the
  coming 40 days, most of them taken; beside it the bare conflict query (``booking_checks.in_the_way``);
* **day board**: ``gateway.day_board(day)`` (``board.day_board``: every active room, its meetings that day,
  its state now) for today and for other days;
* **book**: ``gateway.book(form)`` (one write transaction: the room locked, the checks, the booking, its
  checklist, notices and audit) for information;
* **race**: ``--race-rounds`` rounds of two threads booking the same free slot at once (a barrier lets them
  go together): exactly one must win each round, the other refused naming the winner's booking.

p50/p95 over ``--reps`` calls (different inputs, 10 warm-up calls first), beside the same calls on a
``--baseline-rooms``/``--baseline-bookings`` database in the same run. Targets: conflict check p95 <= 10 ms,
day board p95 <= 50 ms. A miss prints the conflict query's plan (``--explain``: always).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bulk import after_bulk_insert, baseline_url, fresh_database
from sqlalchemy import insert, text

from kiosk.application.gateways.desk_rooms import (
    BookingForm,
    BookingMade,
    BookingRefused,
    DeskRoomsGateway,
    RefusalReason,
)
from kiosk.db import Database
from kiosk.domain.rooms import BookingLevel, BookingStatus, ChecklistKey, ChecklistPhase, Equipment
from kiosk.models import Department, Host
from kiosk.models.rooms import Booking, ChecklistItem, DamageReport, Room
from kiosk.services.directory.sites import ensure_site
from kiosk.services.rooms.booking_checks import conflict_query, in_the_way

SITE_CODE = "HQ"
ZONE = ZoneInfo("Asia/Shanghai")
CHECK_TARGET_MS = 10.0
BOARD_TARGET_MS = 50.0
BATCH = 20_000
HOSTS = 2_000
DEPARTMENTS = 40
PER_DAY = 5  # bookings a day in each room (--per-day): a busy office, the board's hard case
NOW = datetime(2026, 6, 15, 2, 30, tzinfo=UTC)  # Monday 10:30 in Shanghai
TODAY = NOW.astimezone(ZONE).date()
BROKEN_ROOMS = (3, 7)  # an open damage report each
PREPARE_KEYS = (ChecklistKey.CONFIRM_DETAILS, ChecklistKey.TEST_PROJECTOR, ChecklistKey.WATER, ChecklistKey.COPIES,
                ChecklistKey.PEN_AND_PAPER, ChecklistKey.LAYOUT, ChecklistKey.TEMPERATURE)
EQUIPMENT = tuple(Equipment)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# -- seeding -----------------------------------------------------------------------------------------------------


def _rooms(count: int, site_id: int, rng: random.Random) -> list[dict[str, Any]]:
    return [{"id": r, "site_id": site_id, "name": f"{1 + (r - 1) % 20}{(r - 1) // 20 + 1:02d}",
             "floor": str(1 + (r - 1) % 20), "capacity": rng.choice((4, 6, 8, 10, 12, 20, 40)),
             "equipment": [e.value for e in EQUIPMENT if rng.random() < 0.5], "needs_approval": False,
             "cleaning_minutes": 10, "confirm_within_minutes": 10, "active": True,
             "created_at": NOW - timedelta(days=400)} for r in range(1, count + 1)]


def _status(ends_at: datetime, starts_at: datetime, rng: random.Random) -> BookingStatus:
    if ends_at <= NOW:
        return rng.choices((BookingStatus.DONE, BookingStatus.RELEASED, BookingStatus.CANCELLED,
                            BookingStatus.DISPLACED), (80, 8, 7, 5))[0]
    if starts_at <= NOW:
        return BookingStatus.CONFIRMED
    return rng.choices((BookingStatus.BOOKED, BookingStatus.CONFIRMED, BookingStatus.CANCELLED), (85, 5, 10))[0]


def _bookings(rooms: int, count: int, site_id: int, rng: random.Random,
              per_day: int) -> Iterator[dict[str, Any]]:
    """``per_day`` meetings a day per room, never overlapping (buffers included); a quarter of the days to come."""
    days = max(1, count // (rooms * per_day))
    first = TODAY - timedelta(days=days * 3 // 4)
    booking_id = 0
    for offset in range(days + 1):
        day = first + timedelta(days=offset)
        for room in range(1, rooms + 1):
            start = datetime.combine(day, dtime(8), tzinfo=ZONE).astimezone(UTC)
            start += timedelta(minutes=rng.choice((0, 15, 30, 60)))
            for _ in range(per_day):
                if booking_id >= count:
                    return
                booking_id += 1
                ends = start + timedelta(minutes=rng.choice((30, 60, 90, 120)))
                status = _status(ends, start, rng)
                host = rng.randint(1, HOSTS)
                yield {
                    "id": booking_id, "site_id": site_id, "room_id": room, "status": status,
                    "level": BookingLevel.COMPANY if rng.random() < 0.1 else BookingLevel.DEPARTMENT,
                    "organiser_host_id": host, "department_id": 1 + host % DEPARTMENTS, "topic": f"例会 {booking_id}",
                    "attendee_count": rng.randint(2, 4), "starts_at": start, "ends_at": ends,
                    "busy_until": ends + timedelta(minutes=10), "equipment_needed": [], "catering": "",
                    "print_material": "", "ad_hoc": False, "series_id": "",
                    "ical_uid": f"bench-{booking_id}@lobby-kiosk",
                    "ical_sequence": 0, "confirmed_at": start if status is BookingStatus.CONFIRMED else None,
                    "approved_by": "", "displaced_by_booking_id": None, "created_at": start - timedelta(days=3),
                    "created_by": "bench", "version": 1,
                }
                start = ends + timedelta(minutes=10 + rng.choice((0, 15, 30, 60)))


def _checklist(booking_rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Preparation lines of the meetings from yesterday to a week ahead (the board counts them)."""
    low = datetime.combine(TODAY - timedelta(days=1), dtime(0), tzinfo=ZONE)
    high = datetime.combine(TODAY + timedelta(days=8), dtime(0), tzinfo=ZONE)
    for row in booking_rows:
        if low <= row["starts_at"] < high:
            done = row["ends_at"] <= NOW
            for key in PREPARE_KEYS:
                yield {"booking_id": row["id"], "phase": ChecklistPhase.PREPARE.value, "key": key.value,
                       "quantity": row["attendee_count"] if key is ChecklistKey.WATER else None,
                       "done_at": row["starts_at"] - timedelta(minutes=20) if done else None,
                       "done_by": "staff:amy" if done else "", "note": ""}


def _insert(db: Database, table: Any, rows: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    while True:
        batch = [row for _, row in zip(range(BATCH), rows, strict=False)]
        if not batch:
            return kept
        with db.engine.begin() as conn:
            conn.execute(insert(table), batch)
        kept.extend(batch)


def seed(db: Database, rooms: int, count: int, per_day: int = PER_DAY) -> None:
    rng = random.Random(13)
    with db.unit_of_work("bench") as uow:
        site = ensure_site(uow, SITE_CODE, "Bench Tower", "Asia/Shanghai")
        uow.commit()
    with db.engine.begin() as conn:
        conn.execute(insert(Department), [{"id": d, "name": f"Department {d}"} for d in range(1, DEPARTMENTS + 1)])
        conn.execute(insert(Host), [
            {"id": h, "name": f"Host {h}", "department_id": 1 + h % DEPARTMENTS, "email": f"host{h}@example.com",
             "language": "zh_CN", "active": True, "name_key": f"host {h}", "pinyin": f"host{h}", "initials": "h"}
            for h in range(1, HOSTS + 1)])
        conn.execute(insert(Room), _rooms(rooms, site.id, rng))
        conn.execute(insert(DamageReport), [
            {"room_id": r, "what": "projector lamp broken", "reported_at": NOW - timedelta(days=1),
             "reported_by": "staff:amy", "repair_note": "", "repaired_by": "", "out_of_order_from": TODAY}
            for r in BROKEN_ROOMS if r <= rooms])
    booking_rows = _insert(db, Booking.__table__, _bookings(rooms, count, site.id, rng, per_day))
    _insert(db, ChecklistItem.__table__, _checklist(booking_rows))
    after_bulk_insert(db, ("bookings", "rooms", "hosts", "departments", "booking_checklist_items",
                          "room_damage_reports"))


def fresh(url: str | None, folder: Path, name: str) -> Database:
    return fresh_database(url, folder, name, NOW)


# -- timing ------------------------------------------------------------------------------------------------------


def gateway(db: Database, actor: str = "staff:bench") -> DeskRoomsGateway:
    return DeskRoomsGateway(db, SITE_CODE, actor=actor, notice_days=1)


def _usable(rooms: int) -> list[int]:
    return [r for r in range(1, rooms + 1) if r not in BROKEN_ROOMS]


def _form(room_id: int, day: date, minutes: int, length: int, rng: random.Random) -> BookingForm:
    start = datetime.combine(day, dtime(8), tzinfo=ZONE) + timedelta(minutes=minutes)
    return BookingForm(room_id=room_id, organiser_host_id=rng.randint(1, HOSTS), starts_at=start,
                       ends_at=start + timedelta(minutes=length), attendee_count=2)


def check_forms(rooms: int, bookings: int, per_day: int, count: int, rng: random.Random) -> list[BookingForm]:
    """Random rooms and slots on the days to come that have bookings seeded (most of them taken)."""
    ahead = max(1, min(40, bookings // (rooms * per_day) // 4))
    return [_form(rng.choice(_usable(rooms)), TODAY + timedelta(days=rng.randint(1, ahead)),
                  15 * rng.randint(0, 40), rng.choice((30, 60, 90)), rng) for _ in range(count)]


def race(db: Database, rooms: int, rounds: int, after: date) -> tuple[int, list[float]]:
    """Two desks book one free slot at once, ``rounds`` times: how many rounds exactly one won, and each call's time."""
    rng = random.Random(17)
    usable, won, times = _usable(rooms), 0, list[float]()
    for n in range(rounds):
        # Days after the seeded ones (and the benchmark's own bookings): free until one of the two desks takes it.
        wanted = _form(usable[n % len(usable)], after + timedelta(days=1 + n), 60 * rng.randint(0, 8), 60, rng)
        barrier, outcomes = threading.Barrier(2), list[object]()

        def desk(actor: str, wanted: BookingForm = wanted, barrier: threading.Barrier = barrier,
                 outcomes: list[object] = outcomes) -> None:
            desk_gateway = gateway(db, actor)
            barrier.wait(30)
            started = time.perf_counter()
            try:
                outcomes.append(desk_gateway.book(wanted))
            except BookingRefused as refused:
                outcomes.append(refused)
            times.append((time.perf_counter() - started) * 1000)

        threads = [threading.Thread(target=desk, args=(actor,)) for actor in ("staff:amy", "staff:bob")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        made = [o for o in outcomes if isinstance(o, BookingMade)]
        losers = [o for o in outcomes if isinstance(o, BookingRefused) and o.reason is RefusalReason.CONFLICT]
        if len(made) == 1 and len(losers) == 1 and losers[0].conflicting is not None \
                and losers[0].conflicting.booking_id == made[0].booking.booking_id:
            won += 1
        else:
            print(f"  race round {n + 1}: {[getattr(o, 'message', o) for o in outcomes]}")
    return won, times


def explain(db: Database, wanted: BookingForm) -> None:
    statement = conflict_query(wanted.room_id, wanted.starts_at, wanted.ends_at + timedelta(minutes=10))
    compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
    print("  plan of the conflict query:")
    with db.engine.connect() as conn:
        for row in conn.execute(text(prefix + str(compiled))):
            print("    ", " | ".join(str(v) for v in row))


class Operations:
    """The timed calls on one seeded database, with their inputs."""

    def __init__(self, db: Database, rooms: int, count: int, args: argparse.Namespace) -> None:
        self.db, self.rooms, self.count = db, rooms, count
        self.desk = gateway(db)
        rng = random.Random(5)
        reps = args.reps
        self.forms = check_forms(rooms, count, args.per_day, reps, rng)
        self.days = [TODAY + timedelta(days=rng.randint(-60, 30)) for _ in range(reps)]
        self.books = [_form(rng.choice(_usable(rooms)), TODAY + timedelta(days=rng.randint(60, 110)),
                            15 * rng.randint(0, 40), 60, rng) for _ in range(reps)]
        self.reasons: dict[str, int] = {}

    def check(self, index: int) -> None:
        try:
            self.desk.check(self.forms[index % len(self.forms)])
        except BookingRefused as refused:
            self.reasons[refused.reason.value] = self.reasons.get(refused.reason.value, 0) + 1

    def bare(self, index: int) -> None:
        wanted = self.forms[index % len(self.forms)]
        with self.db.unit_of_work("bench", write=False) as uow:
            in_the_way(uow, wanted.room_id, wanted.starts_at, wanted.ends_at + timedelta(minutes=10))

    def board_today(self, index: int) -> None:
        self.desk.day_board(TODAY)

    def board_other_day(self, index: int) -> None:
        self.desk.day_board(self.days[index % len(self.days)])

    def book(self, index: int) -> None:
        try:
            self.desk.book(self.books[index % len(self.books)])
        except BookingRefused:
            pass


OPERATIONS: tuple[tuple[str, str, float | None], ...] = (
    ("conflict check (gateway.check)", "check", CHECK_TARGET_MS),
    ("conflict query alone (bare)", "bare", None),
    ("day board, today", "board_today", BOARD_TARGET_MS),
    ("day board, other days", "board_other_day", BOARD_TARGET_MS),
    ("book (one write transaction)", "book", None),
)


def interleaved(calls: list[Callable[[int], object]], reps: int) -> list[list[float]]:
    """Each call ``reps`` times (10 warm-up calls first), the databases taking turns call by call, so a
    burst of load on this shared machine falls on the baseline and the big database alike."""
    times: list[list[float]] = [[] for _ in calls]
    for index in range(reps + 10):
        for call, kept in zip(calls, times, strict=True):
            start = time.perf_counter()
            call(index)
            if index >= 10:
                kept.append((time.perf_counter() - start) * 1000)
    return times


def measure(label: str, sizes: list[Operations], args: argparse.Namespace) -> list[str]:
    results: list[str] = []
    for name, method, target in OPERATIONS:
        for ops, times in zip(sizes, interleaved([getattr(ops, method) for ops in sizes], args.reps), strict=True):
            big = ops.count == args.bookings
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            verdict = "" if not big or target is None else (" ok" if p95 <= target else " MISSED")
            line = (f"[{label}] {ops.rooms:>3} rooms / {ops.count:>7,} bookings  {name:<31} p50 {p50:6.2f} ms  "
                    f"p95 {p95:6.2f} ms{verdict}")
            print(line)
            results.append(line)
    for ops in sizes:
        print(f"[{label}] {ops.rooms:>3} rooms / {ops.count:>7,} bookings  checks refused: "
              f"{sum(ops.reasons.values())} of {len(ops.forms)} forms ({ops.reasons})")
        last = TODAY + timedelta(days=max(110, ops.count // (ops.rooms * args.per_day)))
        won, race_times = race(ops.db, ops.rooms, args.race_rounds, last)
        line = (f"[{label}] {ops.rooms:>3} rooms / {ops.count:>7,} bookings  race: exactly one of two desks won "
                f"{won} of {args.race_rounds} rounds{' ok' if won == args.race_rounds else ' FAILED'}; each book "
                f"p50 {statistics.median(race_times):.1f} ms, p95 {percentile(race_times, 0.95):.1f} ms")
        print(line)
        results.append(line)
    if any("MISSED" in r or "FAILED" in r for r in results) or args.explain:
        explain(sizes[-1].db, sizes[-1].forms[0])
    return results


def run(label: str, url: str | None, args: argparse.Namespace, folder: Path) -> list[str]:
    sizes: list[Operations] = []
    for rooms, count in ((args.baseline_rooms, args.baseline_bookings), (args.rooms, args.bookings)):
        big = count == args.bookings
        db = fresh(url if big or url is None else baseline_url(url), folder, f"{label}-{count}")
        started = time.perf_counter()
        seed(db, rooms, count, args.per_day)
        print(f"[{label}] seeded {rooms} rooms and {count:,} bookings ({args.per_day} a day in each room) in "
              f"{time.perf_counter() - started:.1f} s")
        sizes.append(Operations(db, rooms, count, args))
    try:
        return measure(label, sizes, args)
    finally:
        for ops in sizes:
            ops.db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rooms", type=int, default=200)
    parser.add_argument("--bookings", type=int, default=200_000)
    parser.add_argument("--baseline-rooms", type=int, default=20)
    parser.add_argument("--baseline-bookings", type=int, default=2_000)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--race-rounds", type=int, default=50)
    parser.add_argument("--per-day", type=int, default=PER_DAY, help="meetings a day in each room (the board's load)")
    parser.add_argument("--pg", metavar="URL", help="also PostgreSQL (its public schema is dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print the conflict query's plan on the big database")
    args = parser.parse_args()
    print(f"targets: conflict check p95 <= {CHECK_TARGET_MS:.0f} ms, day board p95 <= {BOARD_TARGET_MS:.0f} ms "
          f"on {args.rooms} rooms / {args.bookings:,} bookings ({args.reps} calls each); a race round is won by "
          "exactly one desk")
    results: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-rooms-") as folder:
        if not args.skip_sqlite:
            results += run("sqlite", None, args, Path(folder))
        if args.pg:
            results += run("postgresql", args.pg, args, Path(folder))
    print("\nsummary:")
    for line in results:
        print(line)
    return 1 if any("MISSED" in line or "FAILED" in line for line in results) else 0


if __name__ == "__main__":
    sys.exit(main())
