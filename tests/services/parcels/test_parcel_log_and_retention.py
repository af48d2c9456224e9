"""The parcel log (ids sorted in SQL, rows for ids) and the retention purge of parcels and outgoing mail."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from kiosk.application.gateways.desk_parcels import (
    ParcelCondition,
    ParcelQuery,
    ParcelSort,
    ParcelStatus,
    PickupRequest,
)
from kiosk.models import AuditEvent
from kiosk.models.parcels import LabelPrintJob, OutgoingMail, Parcel, ParcelPhoto, ParcelSignature
from kiosk.services import retention
from kiosk.services.parcels.records import MailStatus
from tests.factories import add_host
from tests.services.parcels.helpers import JPEG, PNG, desk, for_host


def test_search_and_filters(database, clock):
    zhang = add_host(database)
    li = add_host(database, name="李娜", email="li.na@example.com")
    gateway = desk(database)
    old = gateway.receive(for_host(zhang.id, "SF1234567890123", condition=ParcelCondition.WET,
                                   condition_note="rain", photo_jpeg=JPEG, sender_company="Acme"))
    clock.advance(days=4)
    new = gateway.receive(for_host(li.id, "YT1234567890123"))
    ids = lambda **q: list(gateway.parcel_ids(ParcelQuery(**q)))  # noqa: E731
    assert ids() == [new.parcel_id, old.parcel_id]
    assert ids(sort=ParcelSort.RECEIVED_ASC) == [old.parcel_id, new.parcel_id]
    assert ids(text="sf1234") == [old.parcel_id] and ids(text="李") == [new.parcel_id]
    assert ids(text="acme") == [old.parcel_id]
    assert ids(overdue_only=True) == [old.parcel_id] and ids(damaged_only=True) == [old.parcel_id]
    assert ids(received_from=date(2026, 6, 19)) == [new.parcel_id]
    assert ids(received_to=date(2026, 6, 15)) == [old.parcel_id]
    assert ids(host_id=li.id) == [new.parcel_id]
    assert list(gateway.parcel_ids(ParcelQuery(), limit=1)) == [new.parcel_id]
    rows = gateway.parcel_rows([old.parcel_id, 999, new.parcel_id])
    assert [r.parcel_id for r in rows] == [old.parcel_id, new.parcel_id]
    assert (rows[0].days_waiting, rows[0].overdue, rows[1].overdue) == (4, True, False)
    gateway.mark_returned(old.parcel_id, "R1")
    assert ids(statuses=frozenset({ParcelStatus.RETURNED})) == [old.parcel_id]
    assert ids(statuses=frozenset({ParcelStatus.WAITING})) == [new.parcel_id]


def test_retention_purges_parcels_that_left_and_old_mail(database, clock):
    host = add_host(database)
    gateway = desk(database)
    gone = gateway.receive(for_host(host.id, "SF1234567890123", condition=ParcelCondition.DAMAGED,
                                    condition_note="torn", photo_jpeg=JPEG))
    row = gateway.waiting_for_code(gone.pickup_code)[0]
    gateway.hand_over(PickupRequest([row.parcel_id], {row.parcel_id: row.version}, "张伟", "staff card", PNG))
    forgotten = gateway.receive(for_host(host.id, "YT1234567890123"))  # still on the shelf: kept
    with database.unit_of_work("test") as uow:
        uow.session.add(OutgoingMail(site_id=1, status=MailStatus.SENT, recipient_name="Wang", address="Beijing",
                                     logged_at=clock.now(), logged_by="staff:amy"))
        uow.commit()
    clock.advance(days=181)
    fresh = gateway.receive(for_host(host.id, "EA123456789CN"))
    with database.unit_of_work("system:housekeeping") as uow:
        report = retention.purge(uow, days=180)
    assert (report.parcels, report.outgoing_mail) == (1, 1)
    with database.unit_of_work("test", write=False) as uow:
        assert set(uow.session.scalars(select(Parcel.id))) == {forgotten.parcel_id, fresh.parcel_id}
        for table in (ParcelPhoto, ParcelSignature):
            assert uow.session.scalar(select(func.count(table.id))) == 0
        assert uow.session.scalar(select(func.count(LabelPrintJob.id)).where(
            LabelPrintJob.parcel_id == gone.parcel_id)) == 0
        assert uow.session.scalar(select(func.count(OutgoingMail.id))) == 0
        details = uow.session.scalars(select(AuditEvent.after).where(
            AuditEvent.entity == "parcel", AuditEvent.entity_id == gone.parcel_id)).all()
        assert details and all(after is None for after in details)


def test_a_typed_tracking_number_is_one_indexed_lookup(database):
    """At 200,000 parcels a tracking number mixed into the name matches' OR read every row (~1 s); alone it
    is a prefix lookup on ``ix_parcels_tracking_no`` (SQLite: a range in binary order, which LIKE is not)."""
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id, "SF1234567890123"))
    assert list(gateway.parcel_ids(ParcelQuery(text="sf 1234-5678"))) == [received.parcel_id]
    assert list(gateway.parcel_ids(ParcelQuery(text="SF12345678901239"))) == []
    if database.engine.dialect.name == "sqlite":
        with database.engine.connect() as connection:
            plan = " ".join(str(row) for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM parcels "
                "WHERE tracking_no >= 'SF1234' AND tracking_no < 'SF1234' || char(127)"))
        assert "ix_parcels_tracking_no" in plan
