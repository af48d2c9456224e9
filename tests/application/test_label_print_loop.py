"""Shelf labels: each desk's label print loop prints the labels of the parcels that desk received.

Two desks share one database; a parcel's label names the desk that received it (its ``[kiosk] id``), so
it comes out of the printer beside that desk's shelves. A printer that is away is retried with backoff;
a label that may have come out is not; a job a crash left "sent" is printed again (a duplicate label is
harmless, a missing one is not); a parcel gone from the desk before its label printed prints nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelForm, RecipientChoice, RecipientKind
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.application.label_print_loop import LabelPrintLoop, label_station
from kiosk.application.wiring import desk_background
from kiosk.config import KioskSettings, ParcelSettings, PrinterSettings, SecuritySettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.devices.printer.protocol import PrinterUnavailable
from kiosk.domain.badge_layout import BadgeLayout, QrCode, TextSize
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent
from kiosk.models.parcels import LabelPrintJob
from kiosk.services.auth import StaffSession
from kiosk.services.parcels import labels
from tests.factories import SITE, add_host


@dataclasses.dataclass
class Desk:
    """One desk process: its own connection to the shared database, its parcels gateway and its label loop."""

    station: str
    database: Database
    parcels: DeskParcelsGateway
    loop: LabelPrintLoop
    printed: list[BadgeLayout]
    fail_with: list[PrinterUnavailable]  # raised by the next prints, first first

    def print_all(self) -> list[BadgeLayout]:
        before = len(self.printed)
        while self.loop.run_once() is not None:
            pass
        return self.printed[before:]


def _settings(station: str, kind: str = "file", path: str = "/dev/null") -> Settings:
    return dataclasses.replace(
        Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai", language="en"),
        kiosk=KioskSettings(id=station), printer=PrinterSettings(kind=kind, path=path, paper_width_mm=58),
    )


@pytest.fixture
def open_desk(db_url: str, database: Database, tmp_path: Path) -> Iterator[Callable[[str], Desk]]:
    opened: list[Database] = []

    def open_(station: str) -> Desk:
        db = Database.from_url(db_url, clock=database.clock)
        opened.append(db)
        settings = dataclasses.replace(_settings(station), security=SecuritySettings(keys_dir=str(tmp_path)))
        gateways = DeskGatewayFactory.from_settings(db, settings).for_session(
            StaffSession(1, f"amy-{station}", StaffRole.RECEPTIONIST))
        printed: list[BadgeLayout] = []
        failures: list[PrinterUnavailable] = []

        def output(layout: BadgeLayout) -> None:
            if failures:
                raise failures.pop(0)
            printed.append(layout)

        loop = LabelPrintLoop(db, settings, output=output, poll_seconds=0.05)
        return Desk(station, db, gateways.parcels, loop, printed, failures)

    yield open_
    for db in opened:
        db.dispose()


@pytest.fixture
def host_id(database: Database) -> int:
    return add_host(database, name="Anna Schmidt", email="anna@example.com", department="Engineering").id


def _receive(desk: Desk, host_id: int, tracking_no: str, shelf: str = "B-12") -> tuple[int, str, int | None]:
    received = desk.parcels.receive(ParcelForm(
        tracking_no=tracking_no, carrier_code="SF", recipient=RecipientChoice(RecipientKind.HOST, host_id=host_id),
        shelf=shelf,
    ))
    return received.parcel_id, received.pickup_code, received.label_job_id


def _texts(layout: BadgeLayout) -> list[str]:
    return [line.text for line in layout.text_lines()]


def _qr(layout: BadgeLayout) -> str:
    [code] = [e.data for e in layout.elements if isinstance(e, QrCode)]
    return code


def _job(database: Database, job_id: int) -> LabelPrintJob:
    with database.unit_of_work(write=False) as uow:
        job = uow.session.get(LabelPrintJob, job_id)
        assert job is not None
        return job


def test_each_desk_prints_only_the_labels_of_the_parcels_it_received(open_desk, host_id: int) -> None:
    north, south = open_desk("DESK-N"), open_desk("DESK-S")
    assert (north.parcels.station, south.parcels.station) == ("DESK-N", "DESK-S")
    first = _receive(north, host_id, "SF1000000001", shelf="N-1")
    second = _receive(north, host_id, "SF1000000002", shelf="N-2")
    third = _receive(south, host_id, "SF1000000003", shelf="S-1")
    assert all(job is not None for _, _, job in (first, second, third))

    south_labels = south.print_all()
    assert [_qr(label) for label in south_labels] == [third[1]]
    north_labels = north.print_all()
    assert [_qr(label) for label in north_labels] == [first[1], second[1]]  # oldest first
    assert [label.text_lines()[0].text for label in north_labels] == ["N-1", "N-2"]  # the shelf, on top

    label = north_labels[0]
    assert label.paper_width_mm == 58
    assert label.text_lines()[0].size is TextSize.LARGE and label.text_lines()[0].inverted
    texts = _texts(label)
    assert "Anna Schmidt" in texts and "Engineering" in texts
    assert f"Code: {first[1][:4]}-{first[1][4:]}" in texts
    assert north.print_all() == [] and south.print_all() == []
    for _, _, job_id in (first, second, third):
        assert job_id is not None
        job = _job(north.database, job_id)
        assert (job.status, job.attempts, job.last_error) == (PrintJobStatus.DONE, 1, None)


def test_a_reprint_prints_at_the_desk_asking_for_it(open_desk, host_id: int) -> None:
    north, south = open_desk("DESK-N"), open_desk("DESK-S")
    parcel_id, code, _ = _receive(north, host_id, "SF1000000004")
    assert len(north.print_all()) == 1
    south.parcels.reprint_label(parcel_id)
    assert north.print_all() == []
    assert [_qr(label) for label in south.print_all()] == [code]


@pytest.mark.expect_log("The printer is offline. (offline, now queued)")
def test_a_printer_that_is_away_is_tried_again_later(open_desk, host_id: int, database: Database) -> None:
    desk = open_desk("DESK-N")
    _, code, job_id = _receive(desk, host_id, "SF1000000005")
    assert job_id is not None
    desk.fail_with.append(PrinterUnavailable("The printer is offline.", "offline"))
    update = desk.loop.run_once()
    assert update is not None and update.status is PrintJobStatus.QUEUED
    job = _job(database, job_id)
    assert (job.status, job.attempts, job.last_error) == (PrintJobStatus.QUEUED, 1, "The printer is offline.")
    assert desk.print_all() == []  # not due yet
    database.clock.advance(seconds=labels.RETRY_DELAYS_SECONDS[0])
    assert [_qr(label) for label in desk.print_all()] == [code]
    assert (_job(database, job_id).status, _job(database, job_id).attempts) == (PrintJobStatus.DONE, 2)


@pytest.mark.expect_log("The printer stopped mid-label. (cover_open, now failed)")
def test_a_label_that_may_have_come_out_is_not_printed_twice(open_desk, host_id: int, database: Database) -> None:
    desk = open_desk("DESK-N")
    _, _, job_id = _receive(desk, host_id, "SF1000000006")
    assert job_id is not None
    desk.fail_with.append(PrinterUnavailable("The printer stopped mid-label.", "cover_open", delivered=True))
    desk.loop.run_once()
    assert _job(database, job_id).status is PrintJobStatus.FAILED
    database.clock.advance(hours=1)
    assert desk.print_all() == []


@pytest.mark.expect_log("(offline, now queued)", "(offline, now failed)")
def test_a_printer_away_for_good_fails_the_job_for_the_desk(open_desk, host_id: int, database: Database) -> None:
    desk = open_desk("DESK-N")
    _, _, job_id = _receive(desk, host_id, "SF1000000007")
    assert job_id is not None
    attempts = len(labels.RETRY_DELAYS_SECONDS) + 1
    desk.fail_with.extend(PrinterUnavailable("The printer is offline.", "offline") for _ in range(attempts))
    for _ in range(attempts):
        desk.loop.run_once()
        database.clock.advance(seconds=max(labels.RETRY_DELAYS_SECONDS))
    job = _job(database, job_id)
    assert (job.status, job.attempts, job.next_attempt_at) == (PrintJobStatus.FAILED, attempts, None)


def test_a_job_a_crash_left_sent_is_printed_again(open_desk, host_id: int, database: Database) -> None:
    desk = open_desk("DESK-N")
    _, code, job_id = _receive(desk, host_id, "SF1000000008")
    assert job_id is not None
    with database.unit_of_work("printer") as uow:  # claimed, then the process died before it printed
        assert labels.claim_next_label(uow, station="DESK-N", site_code=SITE) is not None
    assert _job(database, job_id).status is PrintJobStatus.SENT

    restarted = open_desk("DESK-N")
    restarted.loop.before_first_step()  # just now: it may still be printing somewhere
    assert _job(database, job_id).status is PrintJobStatus.SENT
    assert restarted.print_all() == []
    database.clock.advance(seconds=labels.SENT_STALE_SECONDS + 1)
    assert open_desk("DESK-S").loop.recover() == []  # another desk's jobs are not its business
    restarted.loop.step()
    assert [_qr(label) for label in restarted.printed] == [code]
    job = _job(database, job_id)
    assert (job.status, job.attempts) == (PrintJobStatus.DONE, 2)
    with database.unit_of_work(write=False) as uow:
        actions = list(uow.session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "label_print_job")))
    assert actions == ["label.interrupted", "label.printed"]


def test_a_parcel_gone_from_the_desk_before_its_label_printed_prints_nothing(
        open_desk, host_id: int, database: Database) -> None:
    desk = open_desk("DESK-N")
    parcel_id, _, job_id = _receive(desk, host_id, "SF1000000009")
    _, later_code, _ = _receive(desk, host_id, "SF1000000010")
    assert job_id is not None
    desk.parcels.cancel(parcel_id, "logged twice")
    assert [_qr(label) for label in desk.print_all()] == [later_code]
    job = _job(database, job_id)
    assert (job.status, job.last_error) == (PrintJobStatus.FAILED, labels.NOT_WAITING)


def test_the_escpos_output_sends_the_label_to_the_configured_printer(
        db_url: str, database: Database, host_id: int, tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    settings = _settings("DESK-N", path=str(out))
    desk = DeskParcelsGateway(database, SITE, actor="staff:amy", station=label_station(settings))
    code = desk.receive(ParcelForm(tracking_no="SF1000000011", carrier_code="SF", shelf="B-12",
                                   recipient=RecipientChoice(RecipientKind.RECEPTION))).pickup_code
    loop = LabelPrintLoop(database, settings)
    update = loop.run_once()
    assert update is not None and update.status is PrintJobStatus.DONE
    job = out.read_bytes()
    assert job.startswith(b"\x1b@") and job.endswith(b"\x1dV\x00")
    assert b"B-12\n" in job and b"Reception\n" in job
    assert code.encode() in job and f"Code: {code[:4]}-{code[4:]}".encode() in job


def test_a_desk_with_a_printer_runs_the_label_loop_and_names_its_station(database: Database) -> None:
    def on_change(areas: object) -> None:
        pass

    with_printer = desk_background(database, on_change=on_change, settings=_settings("DESK-N"))
    loop = with_printer.find(LabelPrintLoop)
    assert isinstance(loop, LabelPrintLoop) and loop.station == "DESK-N"
    without = desk_background(database, on_change=on_change, settings=_settings("DESK-N", kind="none"))
    assert without.find(LabelPrintLoop) is None
    assert desk_background(database, on_change=on_change).find(LabelPrintLoop) is None
    assert label_station(_settings("DESK-N", kind="none")) == ""
    assert DeskGatewayFactory(database, SITE).for_session(
        StaffSession(1, "amy", StaffRole.RECEPTIONIST)).parcels.station == ""


def test_the_desks_parcels_gateway_follows_the_settings(database: Database, tmp_path: Path) -> None:
    settings = dataclasses.replace(_settings("DESK-N"), security=SecuritySettings(keys_dir=str(tmp_path)),
                                   parcels=ParcelSettings(reminder_days=2, return_days=10))
    parcels = DeskGatewayFactory.from_settings(database, settings).for_session(
        StaffSession(1, "amy", StaffRole.RECEPTIONIST)).parcels
    assert (parcels.station, parcels.reminder_days, parcels.return_days, parcels.actor) == (
        "DESK-N", 2, 10, "staff:amy")
