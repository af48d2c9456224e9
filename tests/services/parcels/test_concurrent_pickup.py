"""Two desks hand out the same parcel at once (two units of work on two threads): one wins, the other is
told "already picked up by X at T", and nothing is recorded twice."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from kiosk.application.gateways.desk_parcels import AlreadyPickedUp, PickupRequest
from kiosk.models import AuditEvent, Notification
from kiosk.models.parcels import ParcelSignature
from kiosk.services.errors import ServiceError
from tests.factories import add_host
from tests.services.parcels.helpers import PNG, desk, for_host


def test_two_desks_one_parcel(database):
    zhang = add_host(database)
    add_host(database, name="李娜", email="li.na@example.com")
    received = desk(database).receive(for_host(zhang.id))
    extra = desk(database).receive(for_host(zhang.id, "YT1234567890123"))
    # Both desks looked the person up before either handed anything over.
    seen = {r.parcel_id: r.version for r in desk(database).waiting_for_code(received.pickup_code)}
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def hand_over(name: str, parcel_ids: list[int]) -> None:
        gateway = desk(database, actor=f"staff:{name}")
        request = PickupRequest(parcel_ids, seen, picked_up_by=name, identity_checked="staff card", signature_png=PNG)
        start.wait()
        try:
            outcomes[name] = gateway.hand_over(request)
        except ServiceError as exc:
            outcomes[name] = exc

    threads = [threading.Thread(target=hand_over, args=("amy", [received.parcel_id, extra.parcel_id])),
               threading.Thread(target=hand_over, args=("bob", [received.parcel_id]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    refused = [o for o in outcomes.values() if isinstance(o, AlreadyPickedUp)]
    won = [name for name, o in outcomes.items() if isinstance(o, list)]
    assert len(won) == 1 and len(refused) == 1, outcomes
    assert refused[0].parcel_id == received.parcel_id and refused[0].picked_up_by == won[0]
    assert f"already picked up by {won[0]} at 2026-06-15 09:00" in refused[0].message

    with database.unit_of_work("test", write=False) as uow:
        signed = uow.session.scalars(select(ParcelSignature.signer_name)
                                     .where(ParcelSignature.parcel_id == received.parcel_id)).all()
        assert signed == [won[0]]
        assert uow.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "parcel.picked_up", AuditEvent.entity_id == received.parcel_id)) == 1
        told = uow.session.scalar(select(func.count(Notification.id)).where(Notification.event == "parcel_picked_up"))
    # Amy's request also held the second parcel: all or nothing, whoever won.
    row = desk(database).parcel_rows([extra.parcel_id])[0]
    assert row.status.value == ("picked_up" if won == ["amy"] else "waiting")
    assert told == (2 if won == ["amy"] else 1)


def test_a_stale_version_is_refused_without_recording_anything(database):
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id, cod_cents=100, cod_paid_by="Amy"))
    row = gateway.waiting_for_code(received.pickup_code)[0]
    gateway.mark_cod_reimbursed(received.parcel_id)  # another desk changed it meanwhile
    request = PickupRequest([row.parcel_id], {row.parcel_id: row.version}, "张伟", "staff card", PNG)
    try:
        gateway.hand_over(request)
    except ServiceError as exc:
        assert "changed at another desk" in exc.message
    else:
        raise AssertionError("a stale version was accepted")
    assert gateway.parcel(received.parcel_id).signatures == []
