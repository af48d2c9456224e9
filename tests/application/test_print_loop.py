"""The printer worker: queued badges print once; a printer that is away is retried; a maybe-printed badge is not."""

from __future__ import annotations

import dataclasses
import socket
import threading
from datetime import time

import pytest

from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import KioskSettings, PrinterSettings, Settings
from kiosk.devices.printer.protocol import PrinterStatus, PrinterUnavailable
from kiosk.models import BadgePrintJob, PrintJobStatus
from kiosk.services.visits import checkin, print_jobs
from tests.factories import SITE, add_host, badge_code, invite


def _settings(**printer) -> Settings:
    base = {"kind": "file", "text_mode": "gb18030", "path": "/dev/null"} | printer
    return dataclasses.replace(Settings(), printer=PrinterSettings(**base), kiosk=KioskSettings(id="K1"))


def _checked_in(db, name="Jane Doe"):
    host = add_host(db)
    invitation = invite(db, host.id, name=name)
    with db.unit_of_work("kiosk:K1") as uow:
        return checkin.check_in_by_token(uow, invitation.token, site_code=SITE)


def _job(db, job_id):
    with db.unit_of_work(write=False) as uow:
        job = uow.session.get(BadgePrintJob, job_id)
        return job.status, job.attempts, job.last_error


class FlakyPrinter:
    """Away for the first ``failures`` sends, then prints into ``printed``."""

    def __init__(self, failures: int, delivered: bool = False) -> None:
        self.failures, self.delivered, self.printed = failures, delivered, []

    def send(self, data: bytes) -> None:
        if self.failures:
            self.failures -= 1
            raise PrinterUnavailable("The printer is out of paper.", "paper_out", delivered=self.delivered)
        self.printed.append(data)

    def status(self) -> PrinterStatus:
        return PrinterStatus(True)


def test_a_checked_in_visit_prints_its_badge_once_to_the_file_printer(database, tmp_path):
    result = _checked_in(database, "Jane Doe")
    token = badge_code(database, result.badge_job_id)
    out = tmp_path / "badge.bin"
    updates = []
    worker = BadgePrintLoop(database, _settings(path=str(out)), on_update=updates.append)

    first, second = worker.run_once(), worker.run_once()

    assert first.status == "done" and second is None
    assert [u.job_id for u in updates] == [result.badge_job_id]
    data = out.read_bytes()
    assert data.startswith(b"\x1b@") and b"Jane Doe" in data and "张伟".encode("gb18030") in data
    assert token.encode() in data  # the sign-out QR carries the badge's own token
    assert _job(database, result.badge_job_id) == (PrintJobStatus.DONE, 1, None)
    assert badge_code(database, result.badge_job_id) == ""  # printed: the job keeps no code


@pytest.mark.expect_log("The printer is out of paper. (paper_out, now queued)")
def test_printer_away_is_retried_with_backoff_and_prints_once_back(database):
    result = _checked_in(database)
    printer = FlakyPrinter(failures=2)
    worker = BadgePrintLoop(database, _settings(), printer_factory=lambda: printer)

    assert worker.run_once().status == "queued"
    assert worker.run_once() is None  # not due yet: 5 s backoff
    database.clock.advance(seconds=5)
    assert worker.run_once().reason == "The printer is out of paper."
    database.clock.advance(seconds=9)
    assert worker.run_once() is None  # second backoff is 10 s
    database.clock.advance(seconds=1)
    assert worker.run_once().status == "done"
    assert len(printer.printed) == 1
    assert _job(database, result.badge_job_id)[:2] == (PrintJobStatus.DONE, 3)


@pytest.mark.expect_log("(paper_out, now queued)", "(paper_out, now failed)")
def test_retries_run_out_and_the_desk_takes_over(database):
    result = _checked_in(database)
    worker = BadgePrintLoop(database, _settings(), printer_factory=lambda: FlakyPrinter(failures=99))
    statuses = []
    for _ in range(len(print_jobs.RETRY_DELAYS_SECONDS) + 1):
        statuses.append(worker.run_once().status)
        database.clock.advance(minutes=5)
    assert statuses[-1] == "failed" and set(statuses[:-1]) == {"queued"}
    assert worker.run_once() is None
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.FAILED


@pytest.mark.expect_log("The printer is out of paper. (paper_out, now failed)")
def test_a_badge_that_may_have_printed_is_not_retried(database):
    result = _checked_in(database)
    printer = FlakyPrinter(failures=1, delivered=True)
    worker = BadgePrintLoop(database, _settings(), printer_factory=lambda: printer)
    assert worker.run_once().status == "failed"
    database.clock.advance(minutes=10)
    assert worker.run_once() is None and printer.printed == []
    status, _, error = _job(database, result.badge_job_id)
    assert status == PrintJobStatus.FAILED and "paper" in error


@pytest.mark.expect_log("No badge printer is set up")
def test_no_printer_configured_fails_at_once_for_the_desk(database):
    result = _checked_in(database)
    worker = BadgePrintLoop(database, _settings(kind="none"))
    update = worker.run_once()
    assert update.status == "failed" and update.code == "not_found"
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.FAILED


def test_a_job_interrupted_mid_print_is_not_reprinted_by_itself(database):
    result = _checked_in(database)
    with database.unit_of_work("printer") as uow:
        print_jobs.claim_next_job(uow, kiosk_code="K1", site_code=SITE, day_ends_at=time(22))
    database.clock.advance(minutes=3)
    with database.unit_of_work("printer") as uow:
        assert print_jobs.recover_interrupted_jobs(uow) == [result.badge_job_id]
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.FAILED


@pytest.mark.expect_log("refused the connection")
def test_network_printer_that_comes_back_prints_the_badge_once(database):
    """A real TCP listener on loopback: closed at first (retry), then answering status and recording."""
    result = _checked_in(database)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    worker = BadgePrintLoop(database, _settings(kind="network", host="127.0.0.1", port=port, timeout=0.5))
    assert worker.run_once().status == "queued"  # nothing listening yet

    received = bytearray()
    server = socket.create_server(("127.0.0.1", port))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(0.2)
                while not stop.is_set():
                    try:
                        chunk = conn.recv(65536)
                    except TimeoutError:
                        continue
                    if not chunk:
                        break
                    received.extend(chunk)
                    for _ in range(chunk.count(b"\x10\x04")):
                        conn.sendall(b"\x12")  # DLE EOT reply: online, all well

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        database.clock.advance(seconds=5)
        assert worker.run_once().status == "done"
        assert worker.run_once() is None
    finally:
        stop.set()
        thread.join(2)
        server.close()
    assert received.count(b"\x1b@") >= 1 and received.count(b"Jane Doe") == 1
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.DONE


def test_worker_thread_starts_prints_and_stops(database, tmp_path):
    result = _checked_in(database)
    done = threading.Event()
    out = tmp_path / "badge.bin"
    worker = BadgePrintLoop(database, _settings(path=str(out)), poll_seconds=0.05,
                         on_update=lambda update: done.set())
    worker.start()
    try:
        assert done.wait(10)
    finally:
        assert worker.stop(5)
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.DONE


@pytest.fixture(autouse=True)
def _no_escpos_temp_dirs(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))


def test_a_custom_output_replaces_escpos(database):
    """How OS printers plug in: the worker hands the badge data to the output it was given."""
    result = _checked_in(database, "Jane Doe")
    seen = []
    worker = BadgePrintLoop(database, _settings(kind="os"), output=seen.append)
    assert worker.run_once().status == "done"
    assert [b.visitor_name for b in seen] == ["Jane Doe"] and seen[0].sign_out_token.startswith("v1.o.")
    assert _job(database, result.badge_job_id)[0] == PrintJobStatus.DONE
