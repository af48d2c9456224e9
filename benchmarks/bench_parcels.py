"""Parcel-log benchmark: the desk's waiting list and a tracking-number lookup over 200,000 parcels.

    .venv/bin/python benchmarks/bench_parcels.py [--parcels 200000] [--baseline 2000] [--reps 200]
        [--pg URL] [--skip-sqlite] [--explain]

Builds a fresh migrated database (SQLite in a temporary folder; PostgreSQL too with ``--pg URL``,
whose ``public`` schema is dropped and recreated: never the test suite's database), seeds it with
Core bulk inserts (executemany, 20,000 rows a transaction): 2,000 hosts in 40 departments and
``--parcels`` parcels received over the last year, 2% of them still waiting (the last ten days),
the rest picked up, returned or cancelled. Then times the real services, one read unit of work per
call, as the desk calls them:

* **waiting list**: ``parcel_log.parcel_ids(status WAITING, oldest first)`` and ``parcel_rows`` for the
  first screenful (50 rows);
* **tracking lookup**: the parcel log's search box given a whole tracking number
  (``ParcelQuery(text=...)``: a tracking-number prefix, or a recipient, department or sender),
  then the row; and, for comparison, the bare indexed ``tracking_no = ?`` query.

p50/p95 over ``--reps`` calls (different inputs, 10 warm-up calls first), beside the same calls on a
``--baseline``-parcel database in the same run. Target: p95 <= 50 ms. A miss prints the plan.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bulk import after_bulk_insert, baseline_url, fresh_database
from sqlalchemy import insert, select, text

from kiosk.db import Database
from kiosk.domain.parcels import ParcelCondition, ParcelStatus, RecipientKind
from kiosk.models import Department, Host
from kiosk.models.parcels import Parcel
from kiosk.services.directory.sites import ensure_site
from kiosk.services.parcels import parcel_log
from kiosk.services.parcels.records import ParcelQuery, ParcelSort

SITE_CODE = "HQ"
TARGET_MS = 50.0
PAGE = 50
BATCH = 20_000
HOSTS = 2_000
DEPARTMENTS = 40
REMINDER_DAYS = 3
NOW = datetime(2026, 6, 15, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai
CARRIERS = ("SF", "JD", "EMS", "ZTO", "YTO", "STO")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def tracking_no(n: int) -> str:
    return f"{CARRIERS[n % len(CARRIERS)]}{7_000_000_000_000 + n * 7919}"


def _parcels(count: int, site_id: int, rng: random.Random) -> Iterator[dict[str, Any]]:
    waiting_every = 50  # 2%
    for n in range(1, count + 1):
        host_id = rng.randint(1, HOSTS)
        if n % waiting_every == 0:
            status = ParcelStatus.WAITING
            received = NOW - timedelta(minutes=rng.randint(0, 10 * 24 * 60))
        else:
            status = rng.choices((ParcelStatus.PICKED_UP, ParcelStatus.RETURNED, ParcelStatus.CANCELLED),
                                 (96, 3, 1))[0]
            received = NOW - timedelta(minutes=rng.randint(10 * 24 * 60, 365 * 24 * 60))
        picked = received + timedelta(hours=rng.randint(1, 48)) if status is ParcelStatus.PICKED_UP else None
        yield {
            "id": n, "site_id": site_id, "status": status, "version": 1, "tracking_no": tracking_no(n),
            "carrier_code": CARRIERS[n % len(CARRIERS)], "recipient_kind": RecipientKind.HOST, "host_id": host_id,
            "department_id": None, "sender_name": f"Sender {n % 997}", "sender_company": f"Shop {n % 311}",
            "pieces": 1, "cod_cents": 0, "cod_paid_by": "", "cod_reimbursed": False,
            "condition": ParcelCondition.DAMAGED if n % 400 == 0 else ParcelCondition.INTACT,
            "condition_note": "", "shelf": f"A{n % 20}",
            "pickup_code_hash": f"b{n:063d}" if status is ParcelStatus.WAITING else None,
            "pickup_code_sealed": "", "batch_id": "", "announced_at": None, "received_at": received,
            "received_by": "bench", "reminded_at": None, "picked_up_at": picked,
            "picked_up_by": "Collector" if picked else "", "on_behalf_of": "", "proxy_phone": "",
            "identity_checked": "staff card" if picked else "", "handed_over_by": "bench" if picked else "",
            "returned_at": received + timedelta(days=7) if status is ParcelStatus.RETURNED else None,
            "return_receipt": "", "created_at": received, "updated_at": picked or received,
        }


def seed(db: Database, count: int) -> None:
    rng = random.Random(11)
    with db.unit_of_work("bench") as uow:
        site = ensure_site(uow, SITE_CODE, "Bench Tower", "Asia/Shanghai")
        uow.commit()
    with db.engine.begin() as conn:
        conn.execute(insert(Department), [{"id": d, "name": f"Department {d}"} for d in range(1, DEPARTMENTS + 1)])
        conn.execute(insert(Host), [
            {"id": h, "name": f"Host {h}", "department_id": 1 + h % DEPARTMENTS, "email": f"host{h}@example.com",
             "language": "zh_CN", "active": True, "name_key": f"host {h}", "pinyin": f"host{h}", "initials": "h"}
            for h in range(1, HOSTS + 1)])
    rows = _parcels(count, site.id, rng)
    while True:
        batch = [row for _, row in zip(range(BATCH), rows, strict=False)]
        if not batch:
            break
        with db.engine.begin() as conn:
            conn.execute(insert(Parcel), batch)
    after_bulk_insert(db, ("parcels", "hosts", "departments"))


def fresh(url: str | None, folder: Path, name: str) -> Database:
    return fresh_database(url, folder, name, NOW)


def timed(db: Database, call: Callable[[Any, int], object], inputs: list[int], reps: int) -> list[float]:
    times: list[float] = []
    for index in range(reps + 10):
        start = time.perf_counter()
        with db.unit_of_work("bench", write=False) as uow:
            call(uow, inputs[index % len(inputs)])
        if index >= 10:
            times.append((time.perf_counter() - start) * 1000)
    return times


WAITING = ParcelQuery(statuses=frozenset({ParcelStatus.WAITING}), sort=ParcelSort.RECEIVED_ASC)


def waiting_list(uow: Any, _n: int) -> object:
    ids = parcel_log.parcel_ids(uow, SITE_CODE, WAITING, reminder_days=REMINDER_DAYS)
    return parcel_log.parcel_rows(uow, ids[:PAGE], reminder_days=REMINDER_DAYS), len(ids)


def lookup(uow: Any, n: int) -> object:
    ids = parcel_log.parcel_ids(uow, SITE_CODE, ParcelQuery(text=tracking_no(n)), reminder_days=REMINDER_DAYS)
    assert list(ids) == [n], (n, list(ids))
    return parcel_log.parcel_rows(uow, ids, reminder_days=REMINDER_DAYS)


def bare_lookup(uow: Any, n: int) -> object:
    return uow.session.scalars(select(Parcel.id).where(Parcel.tracking_no == tracking_no(n))).all()


OPERATIONS: tuple[tuple[str, Callable[[Any, int], object]], ...] = (
    ("waiting list (ids + 50 rows)", waiting_list),
    ("tracking lookup (log search)", lookup),
    ("tracking = ? (bare, indexed)", bare_lookup),
)


def explain(db: Database, n: int) -> None:
    with db.unit_of_work("bench", write=False) as uow:
        site_id = uow.session.scalar(text("SELECT id FROM sites WHERE code = :c"), {"c": SITE_CODE})
        for label, query in (("waiting", WAITING), ("lookup", ParcelQuery(text=tracking_no(n)))):
            statement = parcel_log._joined(select(Parcel.id)).where(
                *parcel_log._conditions(uow, site_id, db_zone(), query, REMINDER_DAYS))
            compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
            prefix = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
            print(f"  plan of the {label} query:")
            for row in uow.session.execute(text(prefix + str(compiled))):
                print("    ", " | ".join(str(v) for v in row))


def db_zone() -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def run(label: str, url: str | None, args: argparse.Namespace, folder: Path) -> list[str]:
    results: list[str] = []
    for size in (args.baseline, args.parcels):
        db = fresh(url if size == args.parcels or url is None else baseline_url(url), folder, f"{label}-{size}")
        started = time.perf_counter()
        seed(db, size)
        print(f"[{label}] seeded {size:,} parcels in {time.perf_counter() - started:.1f} s")
        rng = random.Random(5)
        inputs = [rng.randint(1, size) for _ in range(args.reps)]
        missed = False
        for name, call in OPERATIONS:
            times = timed(db, call, inputs, args.reps)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            verdict = "" if size != args.parcels or "bare" in name else (" ok" if p95 <= TARGET_MS else " MISSED")
            missed |= verdict == " MISSED"
            line = f"[{label}] {size:>7,} parcels  {name:<30} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms{verdict}"
            print(line)
            results.append(line)
        if missed or (args.explain and size == args.parcels):
            explain(db, inputs[0])
        db.dispose()
    return results



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parcels", type=int, default=200_000)
    parser.add_argument("--baseline", type=int, default=2_000)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--pg", metavar="URL", help="also PostgreSQL (its public schema is dropped and recreated)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print the query plans on the big database")
    args = parser.parse_args()
    print(f"target: p95 <= {TARGET_MS:.0f} ms on {args.parcels:,} parcels ({args.reps} calls each)")
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-parcels-") as folder:
        if not args.skip_sqlite:
            run("sqlite", None, args, Path(folder))
        if args.pg:
            run("postgresql", args.pg, args, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
