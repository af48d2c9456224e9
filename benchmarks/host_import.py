"""Host import benchmark: a 100,000-row HR file while the kiosk checks visitors in (SQLite).

    .venv/bin/python benchmarks/host_import.py [--rows 100000] [--chunk 500] [--baseline-rows N]
        [--skip-baseline] [--every 0.25]

Two fresh migrated SQLite files in a temporary directory, each with 400 invitations for today.
On each, the file is imported while another thread (its own engine, as another process would
have) checks an invited visitor in with the real ``check_in_by_token`` every ``--every`` seconds
(busy timeout 10 s, as the kiosk's):

* **baseline**: the whole file in one transaction (``hosts.import_hosts_csv``), what the desk
  and ``kioskctl hosts import`` did before;
* **chunked**: ``DeskDirectoryGateway.import_hosts``: the file checked first, then saved
  ``--chunk`` rows per transaction.

Printed for each: total time, the longest write-lock hold (the one transaction; the longest
chunk), check-ins done during the import, their p50/max latency, and how many failed
("database is locked"). Target: longest hold < 0.5 s, every check-in done, max latency < 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway, ImportChunk
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.domain.security import StaffRole
from kiosk.services import token_vault
from kiosk.services.directory import hosts
from kiosk.services.directory.sites import ensure_site
from kiosk.services.token_vault import TokenSealer
from kiosk.services.visits import checkin, invitations

# A throwaway data key: codes waiting in outbox rows and badge jobs are sealed with one.
token_vault.install(TokenSealer(os.urandom(32)))

SITE = "HQ"
NOON = datetime(2026, 6, 15, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯"


def host_csv(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    lines = ["name,department,email,phone"]
    for i in range(rows):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        lines.append(f"{name},部门{i % 40:02d},host{i:06d}@example.com,139{i:08d}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def fresh_database(folder: Path, name: str, invited: int) -> tuple[str, list[str]]:
    url = f"sqlite:///{folder / name}"
    database = Database.from_url(url, clock=FixedClock(NOON))
    upgrade(database.engine)
    with database.unit_of_work("bench") as uow:
        ensure_site(uow, SITE, "Test Tower", "Asia/Shanghai")
        uow.commit()
    with database.unit_of_work("bench") as uow:
        host = hosts.add_host(uow, name="接待", email="reception@example.com", department="前台")
    tokens = []
    for i in range(invited):
        with database.unit_of_work("bench") as uow:
            created = invitations.create_invitation(
                uow, site_code=SITE, host_id=host.id, visitor_name=f"Visitor {i}", phone=f"138{i:08d}")
        tokens.append(created.token)
    database.dispose()
    return url, tokens


@dataclass
class CheckIns:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def check_in_meanwhile(url: str, tokens: list[str], every: float, stop: threading.Event) -> CheckIns:
    """Run on a thread: one real check-in every ``every`` seconds until ``stop``."""
    seen = CheckIns()
    kiosk = Database.from_url(url, clock=FixedClock(NOON), busy_timeout_ms=10_000)
    try:
        for token in tokens:
            if stop.wait(every):
                break
            started = time.perf_counter()
            try:
                with kiosk.unit_of_work("kiosk:K1") as uow:
                    checkin.check_in_by_token(uow, token, site_code=SITE)
            except Exception as exc:  # "database is locked" is the figure
                seen.failures.append(f"{type(exc).__name__}: {exc}"[:120])
            seen.latencies.append(time.perf_counter() - started)
    finally:
        kiosk.dispose()
    return seen


@dataclass
class Run:
    label: str
    total: float
    longest_hold: float
    chunks: int
    checkins: CheckIns


def run(label: str, url: str, tokens: list[str], csv_path: Path, every: float, chunk: int | None) -> Run:
    database = Database.from_url(url, clock=FixedClock(NOON))
    stop = threading.Event()
    result: list[CheckIns] = []
    kiosk = threading.Thread(target=lambda: result.append(check_in_meanwhile(url, tokens, every, stop)))
    holds: list[float] = []
    kiosk.start()
    started = time.perf_counter()
    try:
        if chunk is None:
            data = csv_path.read_bytes()
            with database.unit_of_work("staff:bench") as uow:
                hosts.import_hosts_csv(uow, data)
            holds.append(time.perf_counter() - started)
        else:
            desk = DeskDirectoryGateway(database, "staff:bench", StaffRole.ADMIN)

            def note(done: ImportChunk) -> None:
                holds.append(done.seconds)

            desk.import_hosts(csv_path, chunk_rows=chunk, on_chunk=note)
        total = time.perf_counter() - started
    finally:
        stop.set()
        kiosk.join()
        database.dispose()
    return Run(label, total, max(holds), len(holds), result[0])


def show(row: Run) -> None:
    lat = row.checkins.latencies
    p50 = statistics.median(lat) * 1000 if lat else float("nan")
    worst = max(lat) * 1000 if lat else float("nan")
    print(f"{row.label:<28} {row.total:8.1f} s {row.longest_hold * 1000:10.0f} ms {row.chunks:7d} "
          f"{len(lat):9d} {p50:8.0f} ms {worst:8.0f} ms {len(row.checkins.failures):7d}")
    print(f"{'':28}   latencies (ms): {[round(x * 1000) for x in lat]}")
    for failure in sorted(set(row.checkins.failures))[:3]:
        print(f"{'':28}   failed: {failure}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=hosts.IMPORT_CHUNK_ROWS)
    parser.add_argument("--baseline-rows", type=int, default=None, help="rows for the one-transaction baseline")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--every", type=float, default=0.25, help="seconds between check-ins")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-host-import-") as tmp:
        folder = Path(tmp)
        runs = []
        plans = [] if args.skip_baseline else [("one transaction (before)", args.baseline_rows or args.rows, None)]
        plans.append((f"chunked, {args.chunk} rows", args.rows, args.chunk))
        for index, (label, rows, chunk) in enumerate(plans):
            csv_path = folder / f"hosts-{rows}.csv"
            if not csv_path.exists():
                csv_path.write_bytes(host_csv(rows))
            url, tokens = fresh_database(folder, f"bench-{index}.sqlite3", 400)
            print(f"{label}: importing {rows:,} rows ...", flush=True)
            runs.append(run(f"{label} ({rows:,})", url, tokens, csv_path, args.every, chunk))
        print()
        print(f"{'import':<28} {'total':>10} {'longest hold':>13} {'commits':>7} {'check-ins':>9} "
              f"{'p50':>11} {'max':>11} {'failed':>7}")
        for row in runs:
            show(row)
        chunked = runs[-1]
        # "Well under a second" (#10); a chunk's time includes any wait for the lock behind a check-in.
        ok = (chunked.longest_hold < 0.5 and not chunked.checkins.failures
              and max(chunked.checkins.latencies, default=0) < 1.0)
        print(f"\ntarget: longest hold < 500 ms, every check-in done within 1 s: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
