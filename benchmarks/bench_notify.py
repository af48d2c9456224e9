"""Notification benchmark: check-in -> e-mail accepted by a local SMTP server, and dispatcher throughput.

    .venv/bin/python benchmarks/bench_notify.py [--checkins 200] [--gap-ms 50] [--poll 0.5]
        [--throughput 300] [--batch 20]

* Latency: a dispatcher runs in a worker thread exactly as in the kiosk (polling every
  ``--poll`` seconds); ``--checkins`` invited visitors check in one after another with a
  random pause of 0..2x ``--gap-ms`` between them. Each latency runs from the moment
  ``check_in_by_token`` committed to the moment the SMTP server (aiosmtpd, its own
  process, on loopback) accepted the host's "visitor arrived" e-mail. Target: p95 <= 1 s.
* Throughput: ``--throughput`` invitation e-mails (HTML + plain text, inline QR PNG,
  calendar invite) queued first, then one dispatcher sends them all, ``--batch`` per claim.

SQLite in a temporary directory, the system clock.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, Settings
from kiosk.db import Database
from kiosk.db.migrate import upgrade
from kiosk.notify.email_message import message_id
from kiosk.services import token_vault
from kiosk.services.directory import hosts
from kiosk.services.directory.sites import ensure_site
from kiosk.services.token_vault import TokenSealer
from kiosk.services.visits import checkin, invitations
from tests.notify.smtp_server import SmtpServer

# A throwaway data key: codes waiting in outbox rows and badge jobs are sealed with one.
token_vault.install(TokenSealer(os.urandom(32)))

SITE = "HQ"
HOST_EMAIL = "host@example.com"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def prepare(workdir: Path) -> tuple[Database, int]:
    database = Database.from_url(f"sqlite:///{workdir / 'bench.sqlite3'}")
    upgrade(database.engine)
    with database.unit_of_work("bench") as uow:
        ensure_site(uow, SITE, "Bench Tower", "Asia/Shanghai")
        uow.commit()
    with database.unit_of_work("bench") as uow:
        host = hosts.add_host(uow, name="Bench Host", email=HOST_EMAIL, department="R&D", language="en")
    return database, host.id


def invite(database: Database, host_id: int, count: int, *, with_email: bool, offset: int) -> list[str]:
    tokens = []
    for i in range(offset, offset + count):
        with database.unit_of_work("bench") as uow:
            tokens.append(invitations.create_invitation(
                uow, site_code=SITE, host_id=host_id, visitor_name=f"Guest {i}", phone=f"138{i:08d}",
                email=f"guest{i}@example.org" if with_email else None,
            ).token)
    return tokens


def arrival_times(smtp: SmtpServer) -> dict[str, int]:
    """Message-ID -> the nanosecond the SMTP server accepted it (the mailbox file name starts with it)."""
    return {
        str(message["Message-ID"]): int(path.name.split("-", 1)[0])
        for path, message in zip(smtp.files(), smtp.messages(), strict=True)
    }


def bench_latency(database: Database, host_id: int, settings: Settings, smtp: SmtpServer, args: argparse.Namespace
                  ) -> None:
    tokens = invite(database, host_id, args.checkins, with_email=False, offset=0)
    committed: dict[str, int] = {}
    worker = Dispatcher(database, settings, poll_seconds=args.poll).start()
    try:
        for token in tokens:
            with database.unit_of_work("kiosk:BENCH") as uow:
                result = checkin.check_in_by_token(uow, token, site_code=SITE)
            key = f"visitor_arrived:visit:{result.visit_id}:email:{HOST_EMAIL}"
            committed[message_id(key, settings.email.sender)] = time.time_ns()
            time.sleep(random.uniform(0, 2 * args.gap_ms / 1000))
        smtp.wait_for(len(tokens), timeout=60)
    finally:
        worker.stop()
    accepted = arrival_times(smtp)
    missing = [mid for mid in committed if mid not in accepted]
    latencies = [(accepted[mid] - t) / 1e9 for mid, t in committed.items() if mid in accepted]
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"check-in -> SMTP accepted, {len(latencies)} check-ins (poll {args.poll:.2f} s, "
          f"gap 0..{2 * args.gap_ms} ms):")
    print(f"  p50 {p50 * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   max {max(latencies) * 1000:7.1f} ms   "
          f"mean {statistics.fmean(latencies) * 1000:7.1f} ms   target p95 <= 1000 ms: "
          f"{'met' if p95 <= 1.0 else 'MISSED'}")
    if missing:
        print(f"  MISSING {len(missing)} messages")


def bench_throughput(database: Database, host_id: int, settings: Settings, smtp: SmtpServer,
                     args: argparse.Namespace) -> None:
    smtp.clear()
    invite(database, host_id, args.throughput, with_email=True, offset=args.checkins)
    dispatcher = Dispatcher(database, settings, batch_size=args.batch)
    started = time.perf_counter()
    sent = 0
    while (report := dispatcher.run_once()).claimed:
        sent += report.sent
    elapsed = time.perf_counter() - started
    received = len(smtp.files())
    print(f"dispatcher throughput, invitation e-mails (QR + .ics), batch {args.batch}:")
    print(f"  {sent} sent in {elapsed:.2f} s = {sent / elapsed:6.1f} messages/s "
          f"({received} accepted by the server)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkins", type=int, default=200)
    parser.add_argument("--gap-ms", type=float, default=50.0)
    parser.add_argument("--poll", type=float, default=0.5, help="dispatcher poll interval (the kiosk default)")
    parser.add_argument("--throughput", type=int, default=300)
    parser.add_argument("--batch", type=int, default=20)
    args = parser.parse_args()
    random.seed(7)
    with tempfile.TemporaryDirectory(prefix="bench-notify-") as tmp:
        workdir = Path(tmp)
        smtp = SmtpServer(workdir / "mailbox").start()
        database, host_id = prepare(workdir)
        settings = Settings(
            email=EmailSettings(host="127.0.0.1", port=smtp.port, sender="Lobby Kiosk <kiosk@bench.example.com>"),
            notify=NotifySettings(link_secret_file=str(workdir / "link.key")),
        )
        try:
            bench_latency(database, host_id, settings, smtp, args)
            bench_throughput(database, host_id, settings, smtp, args)
        finally:
            smtp.stop()
            database.dispose()


if __name__ == "__main__":
    main()
