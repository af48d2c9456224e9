"""QR codes at rest: an invitation code waiting in the outbox and a sign-out code waiting in a badge job
are held sealed, opened only to send or print, and gone from the database once sent, printed, or
failed for good. Each test scans every column of every table, as text, for the clear code."""

from __future__ import annotations

import dataclasses
import io
import secrets
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import inspect, select, text

from kiosk.application.notification_loop import Dispatcher
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import EmailSettings, KioskSettings, PrinterSettings, Settings
from kiosk.db import Database
from kiosk.devices.printer.protocol import PrinterStatus, PrinterUnavailable
from kiosk.models import BadgePrintJob, Notification, PrintJobStatus
from kiosk.notify.errors import SendFailed
from kiosk.services import token_vault
from kiosk.services.notifications import sending
from kiosk.services.token_vault import TokenSealer, TokenUnreadable
from kiosk.services.visits import checkin, invitations, print_jobs, signout
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests.factories import SITE, add_host, invite


@pytest.fixture(autouse=True)
def sealer(tmp_path: Path):
    sealer = TokenSealer(secrets.token_bytes(32))
    token_vault.install(sealer)
    yield sealer
    token_vault.install(None)


def _database_text(db: Database) -> str:
    """Every value of every row of every table, as text (bytes decoded leniently)."""
    chunks = []
    with db.engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if isinstance(value, memoryview):
                        value = bytes(value)
                    chunks.append(value.decode("latin-1") if isinstance(value, bytes) else str(value))
    return "\n".join(chunks)


def _assert_nowhere(db: Database, token: str) -> None:
    stored = _database_text(db)
    assert token not in stored
    assert token.split(".")[-1] not in stored  # nor the secret without its prefix


class MailBox:
    """An e-mail sender that keeps each message; ``fail`` makes the next sends fail (for good or not)."""

    configured = True

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.fail: SendFailed | None = None

    def __enter__(self) -> MailBox:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        pass

    def send(self, message: EmailMessage, recipient: str) -> None:
        if self.fail is not None:
            raise self.fail
        self.messages.append(message)

    def qr_codes(self) -> list[str]:
        codes = []
        for message in self.messages:
            for part in message.walk():
                if part.get_content_type() == "image/png":
                    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(part.get_content())))
                    codes.append(code.text)
        return codes


def _dispatcher(db: Database, mailbox: MailBox) -> Dispatcher:
    settings = Settings(email=EmailSettings(host="127.0.0.1", sender="Kiosk <kiosk@example.com>"))
    return Dispatcher(db, settings, email_sender_factory=lambda: mailbox)  # type: ignore[arg-type,return-value]


def _invitation_row(db: Database) -> Notification:
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalars(
            select(Notification).where(Notification.event.like("invitation_%")).order_by(Notification.id.desc())
        ).first()


def _check_in(db: Database, token: str):
    with db.unit_of_work("kiosk:K1") as uow:
        return checkin.check_in_by_token(uow, token, site_code=SITE)


# ---------------------------------------------------------------- invitations in the outbox


def test_a_waiting_invitation_holds_its_code_sealed_and_the_sent_one_holds_none(database, sealer):
    host = add_host(database, language="en")
    created = invite(database, host.id, email="jane@example.org")

    row = _invitation_row(database)
    assert row.status == "pending"
    _assert_nowhere(database, created.token)
    assert row.payload["sealed_token"].startswith("s1.")
    # Only this machine's key opens it: another key cannot.
    assert sealer.reveal(row.payload["sealed_token"]) == created.token
    with pytest.raises(TokenUnreadable):
        TokenSealer(b"k" * 32).reveal(row.payload["sealed_token"])

    mailbox = MailBox()
    assert _dispatcher(database, mailbox).run_once().sent == 1

    assert mailbox.qr_codes() == [created.token]
    row = _invitation_row(database)
    assert row.status == "sent" and row.payload["token"] == "" and row.payload["sealed_token"] == ""
    _assert_nowhere(database, created.token)
    assert "s1." not in str(row.payload)


@pytest.mark.expect_log("not sent, now pending")
def test_an_invitation_retrying_after_a_failure_keeps_its_code_sealed_and_sends_the_right_one(database):
    host = add_host(database, language="en")
    created = invite(database, host.id, email="jane@example.org")
    mailbox = MailBox()
    mailbox.fail = SendFailed("connection refused")

    assert _dispatcher(database, mailbox).run_once().retrying == 1
    assert _invitation_row(database).status == "pending"
    _assert_nowhere(database, created.token)

    mailbox.fail = None
    database.clock.advance(seconds=30)
    assert _dispatcher(database, mailbox).run_once().sent == 1
    assert mailbox.qr_codes() == [created.token]
    _assert_nowhere(database, created.token)


@pytest.mark.expect_log("not sent, now failed")
def test_an_invitation_failed_for_good_loses_its_code_and_the_desk_resend_carries_a_new_one(database):
    host = add_host(database, language="en")
    created = invite(database, host.id, email="jane@example.org")
    mailbox = MailBox()
    mailbox.fail = SendFailed("550 no such user", permanent=True)

    assert _dispatcher(database, mailbox).run_once().failed == 1
    row = _invitation_row(database)
    assert row.status == "failed" and row.payload["sealed_token"] == ""
    _assert_nowhere(database, created.token)

    with database.unit_of_work("staff:amy") as uow:
        sending.retry_notification(uow, row.id)
    mailbox.fail = None
    assert _dispatcher(database, mailbox).run_once().sent == 1

    [new_code] = mailbox.qr_codes()
    assert new_code.startswith("v1.i.") and new_code != created.token
    _assert_nowhere(database, new_code)
    with pytest.raises(TokenRejected) as rejected:
        _check_in(database, created.token)
    assert rejected.value.problem is TokenProblem.REPLACED
    assert _check_in(database, new_code).visit_id == created.visit_id


def test_a_cancelled_invitation_waiting_in_the_outbox_loses_its_code(database):
    host = add_host(database, language="en")
    created = invite(database, host.id, email="jane@example.org")
    with database.unit_of_work("staff:amy") as uow:
        invitations.cancel_invitation(uow, created.visit_id)
    with database.unit_of_work(write=False) as uow:
        payloads = [r.payload for r in uow.session.scalars(select(Notification))]
    assert all(not p.get("sealed_token") and not p.get("token") for p in payloads)
    _assert_nowhere(database, created.token)


def test_an_invitation_queued_with_a_clear_code_before_the_upgrade_is_sealed_then_sent(database):
    host = add_host(database, language="en")
    created = invite(database, host.id, email="jane@example.org")
    with database.unit_of_work() as uow:  # as the code before sealing wrote it
        row = uow.session.scalars(select(Notification)).one()
        row.payload = {k: v for k, v in row.payload.items() if k != "sealed_token"} | {"token": created.token}
        uow.commit()
    assert created.token in _database_text(database)

    with database.unit_of_work() as uow:
        assert sending.seal_clear_codes(uow) == 1  # the dispatcher does this when it starts
    _assert_nowhere(database, created.token)

    mailbox = MailBox()
    assert _dispatcher(database, mailbox).run_once().sent == 1
    assert mailbox.qr_codes() == [created.token]
    _assert_nowhere(database, created.token)


# ---------------------------------------------------------------- sign-out codes in badge jobs


class Printer:
    def __init__(self, fail: PrinterUnavailable | None = None) -> None:
        self.printed: list[bytes] = []
        self.fail = fail

    def send(self, data: bytes) -> None:
        if self.fail is not None:
            raise self.fail
        self.printed.append(data)

    def status(self) -> PrinterStatus:
        return PrinterStatus(True)


def _print_loop(db: Database, printer: Printer) -> BadgePrintLoop:
    settings = dataclasses.replace(
        Settings(), printer=PrinterSettings(kind="file", text_mode="gb18030", path="/dev/null"),
        kiosk=KioskSettings(id="K1"))
    return BadgePrintLoop(db, settings, printer_factory=lambda: printer)


def _checked_in(db: Database):
    host = add_host(db)
    return _check_in(db, invite(db, host.id).token)


def _code_of(db: Database, job_id: int) -> str:
    with db.unit_of_work(write=False) as uow:
        return print_jobs.sign_out_code(uow, job_id)


def _stored(db: Database, job_id: int) -> tuple[PrintJobStatus, str]:
    with db.unit_of_work(write=False) as uow:
        job = uow.session.get(BadgePrintJob, job_id)
        return job.status, job.sign_out_token


def _sign_out(db: Database, token: str):
    with db.unit_of_work("kiosk:K1") as uow:
        return signout.sign_out_by_token(uow, token, site_code=SITE)


def test_a_waiting_badge_holds_its_sign_out_code_sealed_and_the_printed_one_holds_none(database):
    result = _checked_in(database)
    code = _code_of(database, result.badge_job_id)
    assert code.startswith("v1.o.")
    status, stored = _stored(database, result.badge_job_id)
    assert status is PrintJobStatus.QUEUED and stored.startswith("s1.") and len(stored) <= 64
    _assert_nowhere(database, code)

    printer = Printer()
    assert _print_loop(database, printer).run_once().status == "done"

    [data] = printer.printed
    assert code.encode() in data  # the badge's QR carries the code
    assert _stored(database, result.badge_job_id) == (PrintJobStatus.DONE, "")
    _assert_nowhere(database, code)
    assert _sign_out(database, code).visit_id == result.visit_id


@pytest.mark.expect_log("paper jam")
def test_a_badge_failed_for_good_loses_its_code_and_the_reprint_carries_a_new_one(database):
    result = _checked_in(database)
    code = _code_of(database, result.badge_job_id)
    printer = Printer(PrinterUnavailable("paper jam", "cover_open", delivered=True))

    assert _print_loop(database, printer).run_once().status == "failed"
    assert _stored(database, result.badge_job_id) == (PrintJobStatus.FAILED, "")
    _assert_nowhere(database, code)

    with database.unit_of_work("staff:amy") as uow:
        reprint = print_jobs.reprint_badge(uow, result.visit_id, "jam")
    new_code = _code_of(database, reprint)
    assert new_code.startswith("v1.o.") and new_code != code
    _assert_nowhere(database, new_code)
    printer.fail = None
    assert _print_loop(database, printer).run_once().status == "done"
    assert new_code.encode() in printer.printed[-1]
    _assert_nowhere(database, new_code)

    with pytest.raises(TokenRejected):
        _sign_out(database, code)  # the badge that may have come out of the jam no longer works
    assert _sign_out(database, new_code).visit_id == result.visit_id


def test_a_reprint_before_the_badge_printed_carries_the_same_code(database):
    result = _checked_in(database)
    code = _code_of(database, result.badge_job_id)
    with database.unit_of_work("staff:amy") as uow:
        reprint = print_jobs.reprint_badge(uow, result.visit_id, "smudge")
    assert _code_of(database, reprint) == code
    printer = Printer()
    loop = _print_loop(database, printer)
    loop.run_once(), loop.run_once()
    assert [code.encode() in data for data in printer.printed] == [True, True]
    _assert_nowhere(database, code)


def test_badge_jobs_written_with_a_clear_code_before_the_upgrade_are_sealed_or_blanked(database):
    waiting, printed = _checked_in(database), _checked_in(database)
    codes = {job: _code_of(database, job) for job in (waiting.badge_job_id, printed.badge_job_id)}
    with database.unit_of_work() as uow:  # as the code before sealing left them
        for job_id, code in codes.items():
            uow.session.get(BadgePrintJob, job_id).sign_out_token = code
        uow.session.get(BadgePrintJob, printed.badge_job_id).status = PrintJobStatus.DONE
        uow.commit()

    with database.unit_of_work() as uow:
        assert print_jobs.seal_clear_codes(uow) == 2  # the print loop does this when it starts
    for code in codes.values():
        _assert_nowhere(database, code)
    assert _stored(database, printed.badge_job_id) == (PrintJobStatus.DONE, "")

    printer = Printer()
    assert _print_loop(database, printer).run_once().job_id == waiting.badge_job_id
    assert codes[waiting.badge_job_id].encode() in printer.printed[0]
