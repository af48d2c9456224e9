"""Backup time for a big SQLite database: ``kioskctl backup``'s online copy of 1,000,000 visits (seeded by
seed_bulk.py), once on a quiet database and once while a kiosk thread inserts audit rows every 10 ms, then
the restore of that copy with its integrity check.

    .venv/bin/python benchmarks/bench_backup.py [--visits 1000000] [--hosts 5000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bulk import SeedPlan, fresh_database, seed_database

from kiosk.application.backups import backup, restore
from kiosk.config import DatabaseSettings, Settings
from kiosk.services.directory.sites import ensure_site

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


def seeded(folder: Path, plan: SeedPlan) -> Path:
    path = folder / "bench_backup.sqlite3"
    if path.exists():
        print(f"reusing {path}")
        return path
    db = fresh_database(None, folder, "bench_backup", NOW)
    with db.unit_of_work("bench") as uow:
        site = ensure_site(uow, "HQ", "Bench Tower", "Asia/Shanghai")
        uow.commit()
    print(f"seeding {plan.visits:,} visits ...", flush=True)
    report = seed_database(db.engine, site_id=site.id, today=NOW.astimezone(ZONE).date(), zone=ZONE, now=NOW,
                           plan=plan, log=lambda line: None)
    print(f"seeded in {report.seconds:.0f} s")
    db.dispose()
    return path


def busy_writer(path: Path, stop: threading.Event, waits: list[float]) -> None:
    """A kiosk's writes during the backup: each insert's time, so a blocked writer would show."""
    connection = sqlite3.connect(path, timeout=30)
    while not stop.is_set():
        started = time.perf_counter()
        with connection:
            connection.execute("INSERT INTO audit_events (at, actor, action, entity) "
                               "VALUES ('2026-06-15 02:00:00', 'kiosk', 'bench', 'bench')")
        waits.append(time.perf_counter() - started)
        time.sleep(0.01)
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--hosts", type=int, default=5_000)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the seeded database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_backup_"))
    folder.mkdir(parents=True, exist_ok=True)
    live = seeded(folder, SeedPlan(visits=args.visits, hosts=args.hosts, visitors=max(1, args.visits * 3 // 10)))
    settings = Settings(database=DatabaseSettings(url=f"sqlite:///{live}"))
    print(f"database: {live.stat().st_size / 1e6:,.0f} MB")

    quiet = backup(settings, folder / "quiet.sqlite")
    print(f"backup, quiet database:   {quiet.seconds:6.1f} s, {quiet.size / 1e6:,.0f} MB")

    stop, waits = threading.Event(), []
    writer = threading.Thread(target=busy_writer, args=(live, stop, waits))
    writer.start()
    try:
        busy = backup(settings, folder / "busy.sqlite")
    finally:
        stop.set()
        writer.join()
    waits.sort()
    print(f"backup, kiosk writing:    {busy.seconds:6.1f} s, {busy.size / 1e6:,.0f} MB; the writer's "
          f"{len(waits)} inserts meanwhile: p50 {waits[len(waits) // 2] * 1e3:.1f} ms, "
          f"max {waits[-1] * 1e3:.1f} ms")

    target = Settings(database=DatabaseSettings(url=f"sqlite:///{folder / 'restored.sqlite3'}"))
    started = time.perf_counter()
    done = restore(target, busy.path)
    print(f"restore + integrity_check: {time.perf_counter() - started:5.1f} s, integrity {done.integrity}")
    for name in ("quiet.sqlite", "busy.sqlite", "restored.sqlite3"):
        (folder / name).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
