"""Audit-log benchmark: the desk's audit log over a trail of 1,000,000 events.

    .venv/bin/python benchmarks/bench_audit_log.py [--events 1000000] [--sqlite PATH] [--postgres URL]
        [--skip-sqlite] [--reuse] [--reps 30] [--without-indexes] [--explain]

Seeds a migrated database with audit events in bulk (Core inserts, 20,000 rows per transaction, as
``seed_bulk.py`` does): two years of a busy lobby's trail, about 1,400 events a day; kiosks, 20
receptionists, 2,000 hosts answering by e-mail link, kioskctl and the background loops as actors; the
actions and objects the services write, common ones often and rare ones (a role changed) rarely.
A baseline database of 1,000 events is measured in the same run.

It times what the desk's audit-log view does, through ``DeskAuditGateway`` as a supervisor, one
unit of work per call:

* **first rows**: the view's first job for a query (``ids(query, 101)`` and the rows of the first
  100 ids), for no filter, one person (common and rare), one action (common, rare, a prefix), one
  object, a week, a day a year ago, and a person in a month;
* **whole list**: every matching id (the view's second job, filling the scroll bar), same queries;
* **filter lists**: the distinct actors, actions and kinds of object (``choices()``);
* **view**: ``AuditLogView.start()`` with the desk's worker pool, until the first row is there to paint.

``--without-indexes`` drops ``ix_audit_actor`` and ``ix_audit_action`` (migration 0008) first, to
show what they are for.

Last run (1,000,000 events; 2 shared cores, load about 3.5; p50 / p95 ms, the 1,000-event baseline's
p50 in brackets):

    operation                                 SQLite                   PostgreSQL 15
    view: start() to the first row            35.3 / 67.7   (37.1)     31.0 / 51.0   (51.8)
    first rows, no filter                      2.7 / 5.8    (8.1)       6.6 / 7.3    (7.3)
    first rows, one person (common / rare)     6.9 / 1.3 p50            6.6 / 3.2 p50
    first rows, one action (common / rare)     5.7 / 9.7 p50            9.3 / 6.4 p50
    first rows, action group "visit."          4.4 / 14.3               11.6 / 13.1
    first rows, a person in a month            4.0 / 4.7                7.1 / 16.7
    filter lists                               9.6 / 16.7   (7.3)      10.1 / 18.5   (4.7)
    whole list, no filter (1,000,000 ids)    858 / 953                 769 / 863

The first screenful costs the same on a million events as on a thousand; the whole id list (the
view's second job, on a worker) is what grows. Without the two indexes (``--without-indexes``,
same machine, busier): SQLite's first rows for one action 4.4-9.7 s, for a rare person 1.0 s, the
filter lists 56 s; PostgreSQL 130-150 ms for a rare action or person, 6.2 s for the list of actions.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bulk import bulk_insert, ensure_pg_database
from sqlalchemy import Engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url

from kiosk.application.gateways.desk_audit import AuditQuery, DeskAuditGateway
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent
from kiosk.services.directory.sites import ensure_site

SITE_CODE = "HQ"
TIMEZONE = "Asia/Shanghai"
ZONE = ZoneInfo(TIMEZONE)
DAYS = 730
BASELINE_EVENTS = 1_000
FIRST_ROWS_TARGET_MS = 100.0  # the first screenful of the view, p95
CHOICES_TARGET_MS = 100.0
WARMUP = 3
PG_DEFAULT_DB = "kiosk_bench_audit"
HEAD = 101  # LazyTableModel's HEAD_ROWS + 1
PAGE = 100

# (action, entity, weight per cent, who does it)
ACTIONS: list[tuple[str, str, float, str]] = [
    ("visit.invited", "visit", 11, "staff"), ("visit.walk_in", "visit", 5, "kiosk"),
    ("visit.checked_in", "visit", 15, "kiosk"), ("badge.first", "badge_print_job", 14, "kiosk"),
    ("badge.printed", "badge_print_job", 13.5, "printer"), ("visit.checked_out", "visit", 12, "kiosk"),
    ("visit.no_show", "visit", 3, "system"), ("visit.cancelled", "visit", 1, "staff"),
    ("visit.approved", "visit", 3, "host"), ("visit.denied", "visit", 0.5, "host"),
    ("visit.held", "visit", 0.2, "kiosk"), ("visit.hold_overridden", "visit", 0.1, "staff"),
    ("agreement.signed", "visit", 3, "kiosk"), ("visit.photo_saved", "visit", 2, "kiosk"),
    ("feedback.recorded", "visit", 3, "kiosk"), ("alert.acknowledged", "notification", 2, "staff"),
    ("visit.escalated", "visit", 1, "system"), ("visit.acknowledged", "visit", 2, "host"),
    ("staff.login", "staff_user", 3, "staff"), ("badge.reprint", "badge_print_job", 0.5, "staff"),
    ("badge.failed", "badge_print_job", 0.3, "printer"), ("host.updated", "host", 0.3, "staff"),
    ("host.created", "host", 0.2, "staff"), ("visit.rescheduled", "visit", 0.5, "staff"),
    ("denylist.added", "deny_list", 0.02, "staff"), ("staff.added", "staff_user", 0.01, "staff"),
    ("staff.role_changed", "staff_user", 0.005, "staff"), ("staff.password_set", "staff_user", 0.01, "staff"),
    ("staff.locked", "staff_user", 0.02, "desk"),
]
STAFF = [f"staff:{name}" for name in ("amy", "bo", "chen", "dan", "eva", "fang", "gao", "hui", "ivy", "jun", "kai",
                                      "lei", "min", "na", "ou", "ping", "qi", "rui", "shu", "tao")]
HOSTS = [f"host:person{i:04d}@example.com" for i in range(2000)]


@dataclass
class Result:
    name: str
    target_ms: float | None
    samples: list[float] = field(default_factory=list)
    rows: int = 0

    def pct(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")


# --------------------------------------------------------------------------------------------- seeding


def _actor(kind: str, rng: random.Random) -> str:
    if kind == "staff":
        return STAFF[min(int(rng.paretovariate(1.2)) - 1, len(STAFF) - 1)]
    if kind == "kiosk":
        return "kiosk:K1" if rng.random() < 0.6 else "kiosk:K2"
    if kind == "host":
        return HOSTS[rng.randrange(len(HOSTS))]
    if kind == "printer":
        return "printer"
    if kind == "desk":
        return "desk:sign-in"
    return "system:housekeeping" if rng.random() < 0.95 else "cli:root"


def _events(count: int, now: datetime, rng: random.Random) -> Iterator[dict[str, Any]]:
    """``count`` events spread over ``DAYS`` days ending at ``now``, in time order (ids follow time)."""
    weights = [a[2] for a in ACTIONS]
    start = now - timedelta(days=DAYS)
    span = (now - start).total_seconds()
    picks = rng.choices(range(len(ACTIONS)), weights=weights, k=count)
    for number, pick in enumerate(picks, start=1):
        action, entity, _weight, who = ACTIONS[pick]
        at = start + timedelta(seconds=span * number / (count + 1))
        before: dict[str, Any] | None = None
        after: dict[str, Any] | None = None
        if action.startswith("visit.") and action not in ("visit.invited", "visit.walk_in"):
            before, after = {"status": "invited"}, {"status": action.split(".", 1)[1]}
        elif action == "badge.printed":
            after = {"attempts": 1}
        elif action == "staff.role_changed":
            before, after = {"role": "receptionist"}, {"role": "supervisor"}
        yield {"id": number, "at": at, "actor": _actor(who, rng), "action": action, "entity": entity,
               "entity_id": rng.randint(1, count // 3 + 1), "before": before, "after": after}


def seed(db: Database, count: int, now: datetime) -> float:
    started = time.perf_counter()
    with db.unit_of_work("bench") as uow:
        ensure_site(uow, SITE_CODE, "HQ Tower", TIMEZONE)
        uow.commit()
    bulk_insert(db.engine, AuditEvent.__table__, _events(count, now, random.Random(20261202)), 20_000)
    finish(db.engine)
    return time.perf_counter() - started


def finish(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT setval(pg_get_serial_sequence('audit_events', 'id'), "
                              "(SELECT coalesce(max(id), 0) + 1 FROM audit_events), false)"))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")




def prepare(url: str, count: int, now: datetime, *, reuse: bool, label: str) -> Database:
    db = Database.from_url(url, clock=FixedClock(now))
    if reuse and inspect(db.engine).has_table("audit_events"):
        with db.engine.connect() as conn:
            have = conn.scalar(select(func.count()).select_from(AuditEvent))
        if have == count:
            print(f"[{label}] reusing {have:,} events")
            upgrade(db.engine)
            for index in AuditEvent.__table__.indexes:  # back after a --without-indexes run
                index.create(db.engine, checkfirst=True)
            return db
    if db.dialect == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(db.engine)
    print(f"[{label}] seeding {count:,} audit events ...")
    print(f"[{label}] seeding took {seed(db, count, now):.1f} s")
    return db


def drop_indexes(db: Database) -> None:
    with db.engine.begin() as conn:
        for name in ("ix_audit_actor", "ix_audit_action"):
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE audit_events"))


# --------------------------------------------------------------------------------------------- measuring


def queries(today: date) -> list[tuple[str, AuditQuery]]:
    return [
        ("no filter", AuditQuery()),
        ("person, common (staff:amy)", AuditQuery(actor="staff:amy")),
        ("person, rare (a host's link)", AuditQuery(actor="host:person0042@example.com")),
        ("action, common (visit.checked_in)", AuditQuery(action="visit.checked_in")),
        ("action, rare (staff.role_changed)", AuditQuery(action="staff.role_changed")),
        ("action prefix (staff.)", AuditQuery(action="staff.")),
        ("action prefix (visit.)", AuditQuery(action="visit.")),
        ("object (visit 12345)", AuditQuery(entity="visit", entity_id=12345)),
        ("last 7 days", AuditQuery(first_day=today - timedelta(days=6), last_day=today)),
        ("one day a year ago", AuditQuery(first_day=today - timedelta(days=365), last_day=today - timedelta(days=365))),
        ("person in a month, a year ago", AuditQuery(actor="staff:bo", first_day=today - timedelta(days=395),
                                                     last_day=today - timedelta(days=365))),
    ]


class Statements:
    """The SQL one call issues, for --explain."""

    def __init__(self, engine: Engine) -> None:
        self.entries: list[tuple[float, str, Any]] = []
        self.active = False
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if self.active:
            self.entries.append(((time.perf_counter() - conn.info["bench_t0"]) * 1000, statement, params))


def timed(name: str, target: float | None, call: Callable[[], int], reps: int) -> Result:
    result = Result(name, target)
    for i in range(reps + WARMUP):
        t0 = time.perf_counter()
        rows = call()
        if i >= WARMUP:
            result.samples.append((time.perf_counter() - t0) * 1000)
            result.rows = rows
    return result


def first_rows(gateway: DeskAuditGateway, query: AuditQuery) -> Callable[[], int]:
    def call() -> int:
        ids = gateway.ids(query, HEAD)
        return len(gateway.rows(list(ids[:PAGE])))
    return call


def whole_list(gateway: DeskAuditGateway, query: AuditQuery) -> Callable[[], int]:
    return lambda: len(gateway.ids(query))


def choices(gateway: DeskAuditGateway) -> Callable[[], int]:
    def call() -> int:
        found = gateway.choices()
        return len(found.actors) + len(found.actions) + len(found.entities)
    return call


def view_first_rows(db: Database, reps: int) -> Result:
    """The real view and worker pool (two threads, as at the desk): start() until the first row is there to
    paint. The whole id list and the filters' lists are still being read then, as they are at the desk."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.common.workers import WorkerPool
    from kiosk.ui.desk.audit_log import AuditLogView

    app = QApplication.instance() or QApplication([])
    gateway = DeskAuditGateway(db, SITE_CODE, "staff:bench", StaffRole.SUPERVISOR)

    result = Result("view: start() to the first row", FIRST_ROWS_TARGET_MS)
    for i in range(reps + WARMUP):
        pool = WorkerPool()
        t0 = time.perf_counter()
        view = AuditLogView(gateway, pool, zone=ZONE, now=db.clock.now)
        view.resize(1400, 800)
        view.start()
        deadline = t0 + 30
        while view.model.row_object(0) is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        if i >= WARMUP:
            result.samples.append((time.perf_counter() - t0) * 1000)
            result.rows = view.model.rowCount()
        pool.wait_idle(60_000)  # the whole list, read meanwhile, is not part of the first screenful
        view.stop()
        pool.shutdown()
        app.processEvents()
        view.deleteLater()
        pool.deleteLater()
        app.processEvents()
    return result


def run_all(db: Database, reps: int, today: date, *, whole: bool, explain: bool) -> list[Result]:
    gateway = DeskAuditGateway(db, SITE_CODE, "staff:bench", StaffRole.SUPERVISOR)
    statements = Statements(db.engine) if explain else None
    results = []
    for name, query in queries(today):
        results.append(timed(f"first rows: {name}", FIRST_ROWS_TARGET_MS, first_rows(gateway, query), reps))
        if statements is not None:
            show_plans(db, statements, first_rows(gateway, query))
    if whole:
        for name, query in queries(today):
            results.append(timed(f"whole list: {name}", None, whole_list(gateway, query), max(3, reps // 10)))
    results.append(timed("filter lists (actors, actions, objects)", CHOICES_TARGET_MS, choices(gateway), reps))
    results.append(view_first_rows(db, max(3, reps // 3)))
    return results


def show_plans(db: Database, statements: Statements, call: Callable[[], int]) -> None:
    statements.entries, statements.active = [], True
    try:
        call()
    finally:
        statements.active = False
    for ms, statement, params in statements.entries:
        print(f"    {ms:7.2f} ms  {' '.join(statement.split())[:160]}")
        with db.engine.connect() as conn:
            if db.dialect == "sqlite":
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                lines = [str(r[3]) for r in rows]
            else:
                lines = [r[0] for r in conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)]
        for line in lines:
            print(f"              {line}")


def print_table(label: str, results: list[Result], baseline: list[Result]) -> None:
    base = {r.name: r for r in baseline}
    print(f"\n== {label} ==")
    header = f"{'operation':<52} {'rows':>8} {'p50 ms':>8} {'p95 ms':>8} {'target':>8} {'':>5} {'base p50':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        b = base.get(r.name)
        target = f"<= {r.target_ms:.0f}" if r.target_ms is not None else "-"
        verdict = "-" if r.target_ms is None else ("PASS" if r.pct(95) <= r.target_ms else "MISS")
        print(f"{r.name:<52} {r.rows:>8,} {r.pct(50):8.2f} {r.pct(95):8.2f} {target:>8} {verdict:>5} "
              f"{b.pct(50) if b else float('nan'):9.2f}")
    print(f"(p95 over the timed calls; 'base' = the same calls on {BASELINE_EVENTS:,} events in this run)")


def bench_backend(label: str, url: str, baseline_url: str, args: argparse.Namespace, now: datetime) -> None:
    today = now.astimezone(ZONE).date()
    print(f"\n##### {label}: {make_url(url).render_as_string(hide_password=True)}")
    small = prepare(baseline_url, BASELINE_EVENTS, now, reuse=False, label=f"{label} baseline")
    if args.without_indexes:
        drop_indexes(small)
    baseline = run_all(small, args.reps, today, whole=True, explain=False)
    small.dispose()
    db = prepare(url, args.events, now, reuse=args.reuse, label=label)
    if args.without_indexes:
        drop_indexes(db)
        print(f"[{label}] without ix_audit_actor and ix_audit_action")
    results = run_all(db, args.reps, today, whole=True, explain=args.explain)
    db.dispose()
    print_table(f"{label}, {args.events:,} events" + (" (no actor/action indexes)" if args.without_indexes else ""),
                results, baseline)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sqlite", metavar="PATH", help="SQLite file (default: a temporary directory)")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("KIOSK_BENCH_POSTGRES_URL", ""),
                        help="PostgreSQL URL (or KIOSK_BENCH_POSTGRES_URL), e.g. "
                             f"postgresql+psycopg://postgres@127.0.0.1:55432/{PG_DEFAULT_DB}")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--reuse", action="store_true", help="keep a database already seeded with --events events")
    parser.add_argument("--reps", type=int, default=30, help="timed calls per operation")
    parser.add_argument("--without-indexes", action="store_true",
                        help="drop the actor and action indexes first (what migration 0008 adds)")
    parser.add_argument("--explain", action="store_true", help="print each first-rows statement with its plan")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    now = datetime.combine(datetime.now(UTC).astimezone(ZONE).date(), dtime(10, 30), tzinfo=ZONE)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-audit-") as tmp:
        if not args.skip_sqlite:
            if args.sqlite:
                path = Path(args.sqlite)
            elif args.reuse:
                path = Path(tempfile.gettempdir()) / "kiosk-bench" / f"audit-{args.events}.sqlite3"
                path.parent.mkdir(parents=True, exist_ok=True)
            else:
                path = Path(tmp) / "audit.sqlite3"
            if path.exists() and not args.reuse:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            bench_backend("SQLite", f"sqlite:///{path}", f"sqlite:///{Path(tmp) / 'baseline.sqlite3'}", args, now)
        if args.postgres:
            if make_url(args.postgres).database == "kiosk_test":
                parser.error("kiosk_test belongs to the test suite; use e.g. .../" + PG_DEFAULT_DB)
            baseline_url = make_url(args.postgres)
            baseline_url = baseline_url.set(database=f"{baseline_url.database}_baseline")
            ensure_pg_database(args.postgres)
            ensure_pg_database(baseline_url.render_as_string(hide_password=False))
            bench_backend("PostgreSQL", args.postgres, baseline_url.render_as_string(hide_password=False), args, now)
    return 0


if __name__ == "__main__":
    sys.exit(main())
