"""The desk's "send again" on a parcel notice that failed for good: it goes out with the pickup code the
parcel still keeps (the failed row's copy was blanked), and not at all once the parcel has left."""

from __future__ import annotations

import pytest

from kiosk.application.gateways.desk_parcels import PickupRequest
from kiosk.services.errors import Conflict
from kiosk.services.notifications import sending
from tests.factories import add_host, mailed_code
from tests.services.parcels.helpers import PNG, desk, for_host, notices


def _fail_for_good(database) -> None:
    with database.unit_of_work("dispatcher") as uow:
        claimed = sending.claim_due(uow, limit=100)
    for notice in claimed:
        with database.unit_of_work("dispatcher") as uow:
            sending.mark_failed(uow, notice, "SMTP 550 no such mailbox", permanent=True)


def test_a_failed_arrival_notice_is_sent_again_with_the_pickup_code(database) -> None:
    host = add_host(database)
    received = desk(database).receive(for_host(host.id))
    _fail_for_good(database)
    failed = next(n for n in notices(database, "parcel_arrived") if n.channel == "email")
    assert mailed_code(failed.payload) == ""  # blanked when it failed for good
    with database.unit_of_work("staff:amy") as uow:
        sending.retry_notification(uow, failed.id)
    again = next(n for n in notices(database, "parcel_arrived") if n.id == failed.id)
    assert (again.status, mailed_code(again.payload)) == ("pending", received.pickup_code)


def test_nothing_is_sent_again_for_a_parcel_that_has_left(database) -> None:
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id))
    _fail_for_good(database)
    row = gateway.waiting_for_code(received.pickup_code)[0]
    gateway.hand_over(PickupRequest([row.parcel_id], {row.parcel_id: row.version}, "张伟", "staff card", PNG))
    failed = next(n for n in notices(database, "parcel_arrived") if n.channel == "email")
    with pytest.raises(Conflict, match="no longer waiting"), database.unit_of_work("staff:amy") as uow:
        sending.retry_notification(uow, failed.id)
