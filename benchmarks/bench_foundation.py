"""Foundation benchmark: the kiosk's hot paths on a database the size of two busy years.

    .venv/bin/python benchmarks/bench_foundation.py [--visits 1000000] [--hosts 5000] [--sqlite PATH]
        [--postgres URL] [--reuse] [--reps 200] [--explain]

For each backend (SQLite always, unless --skip-sqlite; PostgreSQL with --postgres or
KIOSK_BENCH_POSTGRES_URL) it builds a fresh migrated database, seeds it in bulk
(benchmarks/seed_bulk.py), and times the real services, each call in its own unit
of work as the app makes it:

* host search by pinyin initials (``search_hosts``, read-only unit of work)
* visit search by visitor name prefix, and by phone (``search_visits``)
* today's on-site roster (``on_site_roster``)
* check-in by invitation token (``check_in_by_token``, one write transaction each)

A baseline runs in the same process on a small database (1,000 visits, the same
hosts and the same 150 visitors on site), plus a ``SELECT 1`` round trip, so the
figures can be compared across machines. A target missed prints the slowest SQL
statement of that operation with its plan (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).
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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bulk import (
    SeedPlan,
    bench_token,
    ensure_pg_database,
    seed_database,
    send_home,
    top_up_invitations,
    unused_invitations,
)
from sqlalchemy import Engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.models import Host, Visit, Visitor
from kiosk.services import token_vault
from kiosk.services.directory.hosts import search_hosts
from kiosk.services.directory.sites import ensure_site
from kiosk.services.token_vault import TokenSealer
from kiosk.services.visits.checkin import check_in_by_token
from kiosk.services.visits.roster import on_site_roster
from kiosk.services.visits.visit_log import search_visits

# A throwaway data key: codes waiting in outbox rows and badge jobs are sealed with one.
token_vault.install(TokenSealer(os.urandom(32)))

SITE_CODE = "HQ"
SITE_NAME = "HQ Tower"
TIMEZONE = "Asia/Shanghai"
ZONE = ZoneInfo(TIMEZONE)
SEARCH_TARGET_MS = 50.0
CHECKIN_TARGET_MS = 20.0
WARMUP = 10
PG_DEFAULT_DB = "kiosk_bench"
INITIALS = ["zw", "lj", "wf", "ln", "zm", "cj", "ly", "wj", "hx", "zh", "lm", "yj"]


@dataclass
class Result:
    name: str
    target_ms: float | None
    samples: list[float] = field(default_factory=list)
    rows: int = 0

    def pct(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


class StatementLog:
    """SQL statements one call issues, with their parameters and time, for EXPLAIN on a miss."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.active = False
        self.entries: list[tuple[float, str, Any]] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        if self.active:
            self.entries.append(((time.perf_counter() - conn.info["bench_t0"]) * 1000, statement, params))

    @contextmanager
    def capture(self) -> Iterator[list[tuple[float, str, Any]]]:
        self.entries = []
        self.active = True
        try:
            yield self.entries
        finally:
            self.active = False


# --------------------------------------------------------------------------------------------- databases


def clock_for(today: date) -> FixedClock:
    """Mid-morning today, site time: people arrived, more are expected."""
    return FixedClock(datetime.combine(today, dtime(10, 30), tzinfo=ZONE))




def has_data(db: Database) -> bool:
    if not inspect(db.engine).has_table("visits"):
        return False
    with db.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(select(Visit.id).limit(1).subquery())) == 1


def fresh_schema(db: Database) -> None:
    if db.dialect == "postgresql":
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(db.engine)


def prepare(db: Database, plan: SeedPlan, today: date, *, reuse: bool, label: str) -> int:
    """A seeded database (reused if asked and present); returns the site id."""
    clock = db.clock
    assert isinstance(clock, FixedClock)
    if reuse and has_data(db):
        print(f"[{label}] reusing the existing data")
        with db.unit_of_work("bench") as uow:
            site = ensure_site(uow, SITE_CODE, SITE_NAME, TIMEZONE)
            uow.commit()
        return site.id
    fresh_schema(db)
    with db.unit_of_work("bench") as uow:
        site = ensure_site(uow, SITE_CODE, SITE_NAME, TIMEZONE)
        uow.commit()
    print(f"[{label}] seeding {plan.visits:,} visits, {plan.visitors:,} visitors, {plan.hosts:,} hosts ...")
    report = seed_database(db.engine, site_id=site.id, today=today, zone=ZONE, now=clock.now(), plan=plan)
    print(f"[{label}] seeding took {report.seconds:.1f} s "
          f"({', '.join(f'{k} {v:,}' for k, v in report.counts.items())}); "
          f"{report.today_invited} invited visits today with tokens")
    return site.id


# --------------------------------------------------------------------------------------------- inputs


@dataclass
class Inputs:
    initials: list[str]
    name_prefix_short: list[str]
    name_prefix_full: list[str]
    phones: list[str]


def pick_inputs(db: Database, reps: int, rng: random.Random) -> Inputs:
    n = reps + WARMUP
    with db.engine.connect() as conn:
        host_initials = [i for i in conn.scalars(select(Host.initials).where(Host.active.is_(True))) if len(i) >= 2]
        max_visitor = conn.scalar(select(func.max(Visitor.id))) or 1
        ids = [rng.randint(1, max_visitor) for _ in range(n * 4)]
        people = conn.execute(select(Visitor.name, Visitor.phone).where(Visitor.id.in_(ids))).all()
    rng.shuffle(people)
    names = [p.name for p in people]
    phones = [p.phone for p in people if p.phone]
    formats: list[Callable[[str], str]] = [
        lambda p: p,  # +8613812345678
        lambda p: p[3:],  # 13812345678
        lambda p: f"{p[3:6]} {p[6:10]} {p[10:]}",  # 138 1234 5678
    ]
    initials = [rng.choice(INITIALS) if rng.random() < 0.5 else rng.choice(host_initials)[:2] for _ in range(n)]
    return Inputs(
        initials=initials,
        # The first character (a surname: the widest prefix a receptionist types) and the whole name.
        name_prefix_short=[name[:1] for name in names[:n]],
        name_prefix_full=names[:n],
        phones=[formats[i % 3](p) for i, p in enumerate(phones[:n])],
    )


# --------------------------------------------------------------------------------------------- measuring


def timed(result: Result, calls: list[Callable[[], int]]) -> Result:
    for i, call in enumerate(calls):
        t0 = time.perf_counter()
        rows = call()
        elapsed = (time.perf_counter() - t0) * 1000
        if i >= WARMUP:
            result.samples.append(elapsed)
            result.rows += rows
    return result


def read_call(db: Database, fn: Callable[[Any], int]) -> Callable[[], int]:
    def call() -> int:
        with db.unit_of_work("kiosk:BENCH", write=False) as uow:
            return fn(uow)

    return call


def checkin_call(db: Database, token: str) -> Callable[[], int]:
    def call() -> int:
        with db.unit_of_work("kiosk:BENCH") as uow:
            result = check_in_by_token(uow, token, site_code=SITE_CODE)
        if result.outcome != "checked_in" or result.repeated:
            raise RuntimeError(f"check-in did not check in: {result}")
        return 1

    return call


Operation = tuple[str, float | None, list[Callable[[], int]]]


def operations(
    db: Database, reps: int, rng: random.Random, today: date, site_id: int, checked_in: list[int]
) -> list[Operation]:
    inputs = pick_inputs(db, reps, rng)
    n = reps + WARMUP
    invitations = unused_invitations(db.engine, today)
    if len(invitations) < n:
        clock = db.clock
        assert isinstance(clock, FixedClock)
        top_up_invitations(db.engine, site_id=site_id, today=today, zone=ZONE, now=clock.now(),
                           count=n - len(invitations))
        invitations = unused_invitations(db.engine, today)
    chosen = rng.sample(invitations, n)
    checked_in.extend(chosen)
    return [
        ("SELECT 1 round trip (read unit of work)", None,
         [read_call(db, lambda uow: len(uow.session.execute(text("SELECT 1")).all())) for _ in range(n)]),
        ("host search: pinyin initials", SEARCH_TARGET_MS,
         [read_call(db, lambda uow, q=q: len(search_hosts(uow, q))) for q in inputs.initials]),
        ("visit search: name prefix (1st char)", SEARCH_TARGET_MS,
         [read_call(db, lambda uow, q=q: len(search_visits(uow, name=q))) for q in inputs.name_prefix_short]),
        ("visit search: name prefix (full name)", SEARCH_TARGET_MS,
         [read_call(db, lambda uow, q=q: len(search_visits(uow, name=q))) for q in inputs.name_prefix_full]),
        ("visit search: phone", SEARCH_TARGET_MS,
         [read_call(db, lambda uow, q=q: len(search_visits(uow, phone=q))) for q in inputs.phones]),
        ("on-site roster (today)", SEARCH_TARGET_MS,
         [read_call(db, lambda uow: len(on_site_roster(uow, site_code=SITE_CODE))) for _ in range(n)]),
        ("check-in by token (write tx)", CHECKIN_TARGET_MS, [checkin_call(db, bench_token(v)) for v in chosen]),
    ]


def run_all(db: Database, reps: int, seed: int, today: date, site_id: int, log: StatementLog,
            explain: bool) -> list[Result]:
    rng = random.Random(seed)
    results = []
    checked_in: list[int] = []
    for name, target, calls in operations(db, reps, rng, today, site_id, checked_in):
        result = timed(Result(name, target), calls)
        results.append(result)
        print(f"    {name:<42} p50 {result.pct(50):8.2f} ms  p95 {result.pct(95):8.2f} ms  "
              f"(avg rows {result.rows / max(1, len(result.samples)):.0f})", flush=True)
        missed = target is not None and result.pct(95) > target
        if (missed or explain) and name.startswith(("host", "visit", "on-site")):
            # Re-run the slowest-looking input once with statement capture.
            slow = max(range(WARMUP, len(calls)), key=lambda i: result.samples[i - WARMUP])
            with log.capture() as entries:
                calls[slow]()
            show_plans(db, name, entries)
        elif (missed or explain) and name.startswith("check-in"):
            used = set(checked_in)
            extra = [v for v in unused_invitations(db.engine, today) if v not in used][:1]
            if extra:
                checked_in.extend(extra)
                with log.capture() as entries:
                    t0 = time.perf_counter()
                    checkin_call(db, bench_token(extra[0]))()
                    total = (time.perf_counter() - t0) * 1000
                show_plans(db, name, entries, total_ms=total)
    clock = db.clock
    assert isinstance(clock, FixedClock)
    send_home(db.engine, checked_in, clock.now())
    return results


def show_plans(db: Database, name: str, entries: list[tuple[float, str, Any]], total_ms: float | None = None) -> None:
    spent = sum(e[0] for e in entries)
    head = f"      statements for '{name}': {len(entries)} taking {spent:.2f} ms"
    if total_ms is not None:
        head += f" of {total_ms:.2f} ms for the whole call (the rest is Python and COMMIT)"
    print(head)
    for ms, statement, _ in entries:
        print(f"        {ms:7.2f} ms  {' '.join(statement.split())[:150]}")
    reads = [e for e in entries if e[1].lstrip().upper().startswith("SELECT")]
    for ms, statement, params in sorted(reads, key=lambda e: -e[0])[:2]:
        print(f"      plan of the {ms:.2f} ms statement:")
        for line in explain(db, statement, params):
            print(f"        {line}")


def explain(db: Database, statement: str, params: Any) -> list[str]:
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            return [f"{'  ' * _depth(rows, r)}{r[3]}" for r in rows]
        rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, params).all()
        return [r[0] for r in rows]


def _depth(rows: list[Any], row: Any) -> int:
    parents = {r[0]: r[1] for r in rows}
    depth, parent = 0, row[1]
    while parent in parents:
        depth, parent = depth + 1, parents[parent]
    return depth


# --------------------------------------------------------------------------------------------- report


def print_table(label: str, results: list[Result], baseline: list[Result]) -> None:
    base = {r.name: r for r in baseline}
    print()
    print(f"== {label} ==")
    header = (f"{'operation':<42} {'p50 ms':>8} {'p95 ms':>8} {'target':>9} {'':>5}   "
              f"{'base p50':>8} {'base p95':>8}")
    print(header)
    print("-" * len(header))
    for r in results:
        b = base.get(r.name)
        target = f"<= {r.target_ms:.0f}" if r.target_ms is not None else "-"
        verdict = "-" if r.target_ms is None else ("PASS" if r.pct(95) <= r.target_ms else "MISS")
        print(f"{r.name:<42} {r.pct(50):8.2f} {r.pct(95):8.2f} {target:>9} {verdict:>5}   "
              f"{b.pct(50) if b else float('nan'):8.2f} {b.pct(95) if b else float('nan'):8.2f}")
    print(f"(targets are p95; 'base' = the same calls on a {BASELINE_VISITS:,}-visit database in this run; "
          f"{len(results[0].samples)} timed calls each after {WARMUP} warm-up calls)")


BASELINE_VISITS = 1_000


def bench_backend(label: str, url: str, baseline_url: str, args: argparse.Namespace, today: date) -> None:
    plan = SeedPlan(visits=args.visits, hosts=args.hosts, visitors=args.visitors or max(1, args.visits * 3 // 10))
    small = SeedPlan(visits=BASELINE_VISITS, hosts=args.hosts, visitors=500)
    print(f"\n##### {label}: {make_url(url).render_as_string(hide_password=True)}")
    baseline_db = Database.from_url(baseline_url, clock=clock_for(today))
    site_id = prepare(baseline_db, small, today, reuse=False, label=f"{label} baseline")
    print(f"[{label} baseline] measuring")
    baseline = run_all(baseline_db, args.reps, args.seed, today, site_id,
                       StatementLog(baseline_db.engine), explain=False)
    baseline_db.dispose()

    db = Database.from_url(url, clock=clock_for(today))
    site_id = prepare(db, plan, today, reuse=args.reuse, label=label)
    with db.engine.connect() as conn:
        visits = conn.scalar(select(func.count()).select_from(Visit))
        on_site = conn.scalar(select(func.count()).select_from(Visit).where(Visit.status == "checked_in"))
    print(f"[{label}] measuring: {visits:,} visits, {on_site} on site")
    log = StatementLog(db.engine)
    results = run_all(db, args.reps, args.seed, today, site_id, log, explain=args.explain)
    db.dispose()
    print_table(f"{label}, {visits:,} visits", results, baseline)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--hosts", type=int, default=5_000)
    parser.add_argument("--visitors", type=int, default=0, help="default: 30%% of --visits (300,000 for 1M)")
    parser.add_argument("--sqlite", metavar="PATH", help="SQLite file (default: a temporary directory)")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get("KIOSK_BENCH_POSTGRES_URL", ""),
                        help="PostgreSQL URL (or KIOSK_BENCH_POSTGRES_URL), e.g. "
                             "postgresql+psycopg://postgres@127.0.0.1:55432/kiosk_bench")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--reuse", action="store_true", help="skip seeding when the database already has data")
    parser.add_argument("--reps", type=int, default=200, help="timed calls per operation")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--explain", action="store_true", help="show statements and plans for every operation")
    args = parser.parse_args(argv)
    today = datetime.now(UTC).astimezone(ZONE).date()
    print(f"today at the site ({TIMEZONE}): {today}; clock fixed at 10:30 site time")

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        if not args.skip_sqlite:
            if args.sqlite:
                path = Path(args.sqlite)
            elif args.reuse:
                path = Path(tempfile.gettempdir()) / "kiosk-bench" / f"bench-{args.visits}.sqlite3"
            else:
                path = Path(tmp) / "bench.sqlite3"
            if path.exists() and not args.reuse:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            bench_backend("SQLite", f"sqlite:///{path}", f"sqlite:///{Path(tmp) / 'baseline.sqlite3'}", args, today)
        if args.postgres:
            baseline_url = make_url(args.postgres)
            baseline_url = baseline_url.set(database=f"{baseline_url.database}_baseline")
            if make_url(args.postgres).database == "kiosk_test":
                parser.error("kiosk_test belongs to the test suite; use e.g. .../kiosk_bench")
            ensure_pg_database(args.postgres)
            ensure_pg_database(baseline_url.render_as_string(hide_password=False))
            bench_backend("PostgreSQL", args.postgres, baseline_url.render_as_string(hide_password=False), args, today)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
