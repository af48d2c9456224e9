"""Outgoing mail: every field checked at once, sent with tracking and receipt numbers, cancelled, listed,
and the monthly statement per department and carrier (the site's month), each change audited."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.models import AuditEvent
from kiosk.services.directory import hosts
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.parcels import exports, outgoing
from kiosk.services.parcels.records import MailForm, MailQuery, MailStatus, StatementLine
from tests.factories import SITE, add_host


def form(**changes: object) -> MailForm:
    values: dict[str, object] = dict(
        sender_host_id=None, recipient_name="王芳", address="上海市浦东新区世纪大道 100 号", phone="13800138000",
        carrier_code="SF", weight_grams=500, fee_cents=1250)
    values.update(changes)
    return MailForm(**values)  # type: ignore[arg-type]


def log(database: Database, **changes: object):
    with database.unit_of_work("staff:amy") as uow:
        return outgoing.log_mail(uow, SITE, form(**changes))


def test_a_sender_charges_their_department_and_the_phone_is_normalised(database: Database) -> None:
    host = add_host(database, department="Sales")
    row = log(database, sender_host_id=host.id)
    assert (row.sender_name, row.department, row.status, row.fee_cents) == ("张伟", "Sales", MailStatus.LOGGED, 1250)
    with database.unit_of_work(write=False) as uow:
        event = uow.session.scalars(select(AuditEvent).where(AuditEvent.entity == "outgoing_mail")).one()
    assert (event.action, event.actor, event.entity_id) == ("mail.logged", "staff:amy", row.mail_id)
    assert "王芳" not in str(event.after) and event.after["fee_cents"] == 1250


def test_every_wrong_field_is_named_at_once(database: Database) -> None:
    with database.unit_of_work("staff:amy") as uow, pytest.raises(ValidationFailed) as failed:
        outgoing.log_mail(uow, SITE, form(sender_host_id=999, recipient_name=" ", address="", phone="12",
                                          carrier_code="NOPE", weight_grams=100_001, fee_cents=-1,
                                          department_id=999))
    assert set(failed.value.by_field) == {"sender", "recipient", "address", "phone", "carrier", "weight", "fee",
                                          "department"}


def test_an_inactive_sender_is_refused(database: Database) -> None:
    host = add_host(database)
    with database.unit_of_work("test") as uow:
        hosts.deactivate_host(uow, host.id)
    with database.unit_of_work("staff:amy") as uow, pytest.raises(ValidationFailed) as failed:
        outgoing.log_mail(uow, SITE, form(sender_host_id=host.id))
    assert failed.value.by_field["sender"].code == "inactive_host"


def test_limits_are_inclusive_and_the_carrier_code_any_case(database: Database) -> None:
    row = log(database, weight_grams=100_000, fee_cents=10_000_000, carrier_code="sf", phone="")
    assert (row.weight_grams, row.fee_cents, row.carrier_code) == (100_000, 10_000_000, "SF")


def test_sent_with_tracking_and_receipt_then_no_longer_cancellable(database: Database, clock: FixedClock) -> None:
    row = log(database, fee_cents=0)
    clock.advance(hours=2)
    with database.unit_of_work("staff:amy") as uow, pytest.raises(ValidationFailed) as failed:
        outgoing.mark_sent(uow, SITE, row.mail_id, "", "", 1800)
    assert set(failed.value.by_field) == {"tracking", "receipt"}
    with database.unit_of_work("staff:amy") as uow:
        sent = outgoing.mark_sent(uow, SITE, row.mail_id, "SF1234567890", "R-0042", 1800)
    assert (sent.status, sent.tracking_no, sent.postage_receipt_no, sent.fee_cents) == (
        MailStatus.SENT, "SF1234567890", "R-0042", 1800)
    assert sent.sent_at == clock.now()
    with database.unit_of_work("staff:amy") as uow, pytest.raises(Conflict):
        outgoing.mark_sent(uow, SITE, row.mail_id, "SF1", "R1", 0)
    with database.unit_of_work("staff:amy") as uow, pytest.raises(Conflict):
        outgoing.cancel(uow, SITE, row.mail_id)
    with database.unit_of_work(write=False) as uow:
        actions = uow.session.scalars(select(AuditEvent.action).where(AuditEvent.entity == "outgoing_mail")
                                      .order_by(AuditEvent.id)).all()
    assert actions == ["mail.logged", "mail.sent"]


def test_logged_with_both_numbers_is_sent_at_once(database: Database) -> None:
    row = log(database, tracking_no="SF1", postage_receipt_no="R1")
    assert row.status is MailStatus.SENT and row.sent_at is not None


def test_cancel_and_unknown_ids(database: Database) -> None:
    row = log(database)
    with database.unit_of_work("staff:amy") as uow:
        assert outgoing.cancel(uow, SITE, row.mail_id).status is MailStatus.CANCELLED
    with database.unit_of_work("staff:amy") as uow, pytest.raises(NotFound):
        outgoing.cancel(uow, SITE, 9999)


def test_list_filters_by_month_department_carrier_and_text(database: Database, clock: FixedClock) -> None:
    sales = add_host(database, department="Sales")
    rnd = add_host(database, name="李娜", email="li.na@example.com", department="R&D")
    first = log(database, sender_host_id=sales.id)
    clock.advance(days=20)  # 2026-07-05
    second = log(database, sender_host_id=rnd.id, carrier_code="EMS", recipient_name="Bob 100%")
    with database.unit_of_work(write=False) as uow:
        def ids(**query: object) -> list[int]:
            return [r.mail_id for r in outgoing.list_mail(uow, SITE, MailQuery(**query))]  # type: ignore[arg-type]

        assert ids() == [second.mail_id, first.mail_id]
        assert ids(month=date(2026, 6, 1)) == [first.mail_id]
        assert ids(month=date(2026, 7, 31)) == [second.mail_id]
        assert ids(department_id=outgoing.department_id(uow, "r&d")) == [second.mail_id]
        assert ids(carrier_code="ems") == [second.mail_id]
        assert ids(text="100%") == [second.mail_id]
        assert ids(text="李娜") == [second.mail_id]
        assert ids(text="世纪大道") == [second.mail_id, first.mail_id]
        with pytest.raises(NotFound):
            outgoing.department_id(uow, "Nobody")


def test_statement_per_department_and_carrier_in_the_sites_month(database: Database, clock: FixedClock) -> None:
    sales = add_host(database, department="Sales")
    rnd = add_host(database, name="李娜", email="li.na@example.com", department="R&D")
    clock.set(datetime(2026, 5, 31, 16, 30, tzinfo=UTC))  # 00:30 on 1 June in Shanghai
    log(database, sender_host_id=sales.id, fee_cents=1000)
    log(database, sender_host_id=sales.id, fee_cents=2350)
    log(database, sender_host_id=sales.id, carrier_code="EMS", fee_cents=500)
    log(database, sender_host_id=rnd.id, fee_cents=700)
    log(database, fee_cents=100)  # nobody to charge
    cancelled = log(database, sender_host_id=rnd.id, fee_cents=9900)
    with database.unit_of_work("staff:amy") as uow:
        outgoing.cancel(uow, SITE, cancelled.mail_id)
    clock.set(datetime(2026, 6, 30, 16, 0, tzinfo=UTC))  # 00:00 on 1 July in Shanghai: July's
    log(database, sender_host_id=rnd.id, fee_cents=4000)
    with database.unit_of_work(write=False) as uow:
        june = outgoing.statement(uow, SITE, date(2026, 6, 15))
        july = outgoing.statement(uow, SITE, date(2026, 7, 1))
        may = outgoing.statement(uow, SITE, date(2026, 5, 1))
    assert june == [StatementLine("R&D", "SF", 1, 700), StatementLine("Sales", "EMS", 1, 500),
                    StatementLine("Sales", "SF", 2, 3350), StatementLine("", "SF", 1, 100)]
    assert july == [StatementLine("R&D", "SF", 1, 4000)]
    assert may == []


def test_statement_exports_as_csv_and_xlsx(database: Database, tmp_path: Path) -> None:
    host = add_host(database, department="=cmd|' /C calc'!A0")
    log(database, sender_host_id=host.id, fee_cents=1250)
    log(database, sender_host_id=host.id, fee_cents=5, carrier_code="EMS")
    with database.unit_of_work(write=False) as uow:
        assert exports.export_statement(uow, SITE, date(2026, 6, 1), tmp_path / "june.csv") == 2
        assert exports.export_statement(uow, SITE, date(2026, 6, 1), tmp_path / "june.xlsx") == 2
        with pytest.raises(ValidationFailed):
            exports.export_statement(uow, SITE, date(2026, 6, 1), tmp_path / "june.pdf")
    assert (tmp_path / "june.csv").stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(io.StringIO((tmp_path / "june.csv").read_text(encoding="utf-8-sig"))))
    assert rows == [list(exports.STATEMENT_HEADERS),
                    ["2026-06", "'=cmd|' /C calc'!A0", "EMS", "1", "0.05"],
                    ["2026-06", "'=cmd|' /C calc'!A0", "SF", "1", "12.50"],
                    ["2026-06", "total", "", "2", "12.55"]]
    sheet = load_workbook(tmp_path / "june.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][1] == "=cmd|' /C calc'!A0" and sheet.cell(2, 2).data_type == "s"
    assert values[3][3:] == [2, 12.55]
    assert not list(tmp_path.glob(".*.part"))
