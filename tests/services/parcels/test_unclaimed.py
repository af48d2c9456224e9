"""The unclaimed rules: one reminder after 3 calendar days whatever the cadence, the return list after 7,
days counted in the site's timezone; returning with the carrier's receipt; COD reimbursed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import ParcelSettings, Settings
from kiosk.services.errors import Conflict
from kiosk.services.parcels import unclaimed
from tests.factories import add_host, mailed_code
from tests.services.parcels.helpers import SITE, desk, for_host, notices


def test_exactly_one_reminder_whatever_the_cadence(database):
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id))
    start = database.clock.now()
    reminded_at: list[datetime] = []
    listed_from: datetime | None = None
    # Every five minutes for ten days, as housekeeping would.
    while database.clock.now() < start + timedelta(days=10):
        with database.unit_of_work("system:housekeeping") as uow:
            run = unclaimed.run(uow, SITE, reminder_days=3, return_days=7)
        if run.reminded:
            reminded_at.append(database.clock.now())
        if run.to_return and listed_from is None:
            listed_from = database.clock.now()
        database.clock.advance(minutes=5)
    # Received 09:00 Monday in Shanghai: reminded at the first pass on Thursday (local midnight), listed
    # to return from the next Monday.
    assert reminded_at == [datetime(2026, 6, 17, 16, 0, tzinfo=UTC)]
    assert listed_from == datetime(2026, 6, 21, 16, 0, tzinfo=UTC)
    reminders = notices(database, "parcel_reminder")
    assert len(reminders) == 1 and mailed_code(reminders[0].payload) == received.pickup_code
    assert gateway.parcel(received.parcel_id).reminded_at == reminded_at[0]


def test_calendar_days_in_the_sites_timezone(database, clock):
    host = add_host(database)
    clock.set(datetime(2026, 6, 15, 15, 30, tzinfo=UTC))  # 23:30 Monday in Shanghai
    gateway = desk(database)
    received = gateway.receive(for_host(host.id))
    clock.set(datetime(2026, 6, 17, 15, 59, tzinfo=UTC))  # 23:59 Wednesday: two calendar days
    assert gateway.run_unclaimed_rules().reminded == []
    assert gateway.parcel_rows([received.parcel_id])[0].days_waiting == 2
    clock.set(datetime(2026, 6, 17, 16, 0, tzinfo=UTC))  # 00:00 Thursday: three, though only 48.5 hours
    assert gateway.run_unclaimed_rules().reminded == [received.parcel_id]
    row = gateway.parcel_rows([received.parcel_id])[0]
    assert (row.days_waiting, row.overdue) == (3, True)


def test_the_return_list_and_returning_with_the_carriers_receipt(database, clock):
    host = add_host(database)
    gateway = desk(database)
    old = gateway.receive(for_host(host.id, "SF1234567890123"))
    clock.advance(days=2)
    young = gateway.receive(for_host(host.id, "YT1234567890123"))
    clock.advance(days=5)
    run = gateway.run_unclaimed_rules()
    assert run.to_return == [old.parcel_id] and sorted(run.reminded) == [old.parcel_id, young.parcel_id]
    with pytest.raises(Exception, match="receipt"):
        gateway.mark_returned(old.parcel_id, "  ")
    row = gateway.mark_returned(old.parcel_id, "SF-R-778899")
    assert row.status.value == "returned"
    assert gateway.parcel(old.parcel_id).return_receipt == "SF-R-778899"
    assert notices(database, "parcel_returned")[0].payload["return_receipt"] == "SF-R-778899"
    assert gateway.waiting_for_code(old.pickup_code) == []
    assert gateway.run_unclaimed_rules() == unclaimed.UnclaimedRun(reminded=[], to_return=[])
    with pytest.raises(Conflict):
        gateway.mark_returned(old.parcel_id, "again")


def test_cod_reimbursed_once(database):
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id, cod_cents=1800, cod_paid_by="Amy"))
    free = gateway.receive(for_host(host.id, "YT1234567890123"))
    from kiosk.application.gateways.desk_parcels import ParcelQuery
    assert list(gateway.parcel_ids(ParcelQuery(cod_unpaid_only=True))) == [received.parcel_id]
    assert gateway.mark_cod_reimbursed(received.parcel_id).cod_reimbursed
    assert list(gateway.parcel_ids(ParcelQuery(cod_unpaid_only=True))) == []
    with pytest.raises(Conflict):
        gateway.mark_cod_reimbursed(received.parcel_id)
    with pytest.raises(Conflict):
        gateway.mark_cod_reimbursed(free.parcel_id)


def test_housekeeping_runs_the_rules_each_pass(database, clock):
    host = add_host(database)
    received = desk(database).receive(for_host(host.id))
    settings = Settings(parcels=ParcelSettings(reminder_days=2, return_days=4))
    housekeeping = Housekeeping(database, settings)
    clock.advance(days=2)
    assert housekeeping.run_once().parcels_reminded == [received.parcel_id]
    clock.advance(days=2)
    report = housekeeping.run_once()
    assert (report.parcels_reminded, report.parcels_to_return) == ([], [received.parcel_id])
