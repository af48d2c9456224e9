"""Receive → notice queued (its sealed code finds the parcel) → hand over with a signature → logged and audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.application.gateways.desk_parcels import (
    ParcelCondition,
    ParcelForm,
    ParcelStatus,
    PickupRequest,
    RecipientChoice,
    RecipientKind,
)
from kiosk.models import AuditEvent
from kiosk.models.parcels import LabelPrintJob, Parcel, ParcelPhoto, ParcelSignature
from kiosk.services.errors import Conflict, ValidationFailed
from kiosk.services.parcels import receiving
from tests.factories import add_host, mailed_code
from tests.services.parcels.helpers import JPEG, PNG, SITE, desk, for_host, notices


def _pickup(row_ids: list[int], versions: dict[int, int], **extra: object) -> PickupRequest:
    return PickupRequest(parcel_ids=row_ids, versions=versions, picked_up_by="张伟", identity_checked="staff card",
                         signature_png=PNG, **extra)  # type: ignore[arg-type]


def test_receive_notify_pick_up_with_signature_both_logged(database):
    host = add_host(database, chat_address="https://chat.example.com/hook/zw")
    gateway = desk(database)
    received = gateway.receive(for_host(host.id, " sf 1234-5678-90123 ", shelf="A-3", sender_name="Li Lei",
                                        cod_cents=1250, cod_paid_by="Amy"))
    assert received.carrier_code == "SF" and received.label_job_id is not None

    arrived = notices(database, "parcel_arrived")
    assert sorted(n.channel for n in arrived) == ["chat", "email"]
    for notice in arrived:
        assert "token" not in notice.payload or not notice.payload["token"]  # sealed, never clear
        assert mailed_code(notice.payload) == received.pickup_code
    assert notice.payload["shelf"] == "A-3" and notice.payload["tracking_no"] == "SF1234567890123"

    waiting = gateway.waiting_for_code(received.pickup_code.lower()[:4] + "-" + received.pickup_code[4:])
    assert [r.parcel_id for r in waiting] == [received.parcel_id]
    assert waiting[0].status is ParcelStatus.WAITING and waiting[0].recipient_name == host.name

    done = gateway.hand_over(_pickup([received.parcel_id], {received.parcel_id: waiting[0].version}))
    assert done[0].status is ParcelStatus.PICKED_UP and done[0].picked_up_by == "张伟"
    detail = gateway.parcel(received.parcel_id)
    assert detail.signatures == [("张伟", PNG)] and detail.identity_checked == "staff card"
    assert detail.row.picked_up_at == database.clock.now() and detail.handed_over_by == "staff:amy"
    assert [what for _, _, what in detail.history] == ["parcel.received", "parcel.picked_up"]
    assert len(notices(database, "parcel_picked_up")) == 2
    # The code left with the parcel: not in the row, not in the notices still waiting to go out.
    assert gateway.waiting_for_code(received.pickup_code) == []
    with database.unit_of_work("test", write=False) as uow:
        parcel = uow.session.get(Parcel, received.parcel_id)
        assert parcel.pickup_code_hash is None and parcel.pickup_code_sealed == ""
        label = uow.session.scalar(select(LabelPrintJob))
        assert (label.station, label.status.value) == ("DESK1", "queued")
    assert all(mailed_code(n.payload) == "" for n in notices(database, "parcel_arrived"))


def test_damaged_without_photo_or_note_is_refused_and_nothing_saved(database):
    host = add_host(database)
    gateway = desk(database)
    with pytest.raises(ValidationFailed) as refused:
        gateway.receive(for_host(host.id, condition=ParcelCondition.DAMAGED, pieces=0))
    assert set(refused.value.by_field) == {"photo", "condition_note", "pieces"}
    with pytest.raises(ValidationFailed) as refused:
        gateway.receive(for_host(host.id, condition=ParcelCondition.WET, condition_note="box soaked"))
    assert set(refused.value.by_field) == {"photo"}
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.scalar(select(func.count(Parcel.id))) == 0
        assert uow.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.entity == "parcel")) == 0
    assert notices(database, "parcel_arrived") == []

    ok = gateway.receive(for_host(host.id, condition=ParcelCondition.DAMAGED, condition_note="corner crushed",
                                  photo_jpeg=JPEG))
    assert gateway.parcel(ok.parcel_id).photo_jpeg == JPEG
    assert gateway.parcel_rows([ok.parcel_id])[0].condition is ParcelCondition.DAMAGED


def test_every_wrong_field_is_named_at_once(database):
    form = ParcelForm(tracking_no="ab", carrier_code="NOPE", recipient=RecipientChoice(RecipientKind.HOST, host_id=999),
                      pieces=100, cod_cents=500, shelf="x" * 33)
    with pytest.raises(ValidationFailed) as refused:
        desk(database).receive(form)
    assert set(refused.value.by_field) == {"tracking_no", "carrier_code", "recipient", "pieces", "cod_paid_by", "shelf"}


def test_a_tracking_number_already_waiting_is_refused(database):
    host = add_host(database)
    gateway = desk(database)
    gateway.receive(for_host(host.id, "EA123456789CN"))
    with pytest.raises(Conflict, match="already waiting"):
        gateway.receive(for_host(host.id, "ea 123456789 cn"))


def test_a_department_is_told_on_its_contact_email_and_reception_not_at_all(database):
    from kiosk.models.org import Department

    add_host(database, department="Finance")
    with database.unit_of_work("test") as uow:
        finance = uow.session.scalar(select(Department).where(Department.name == "Finance"))
        finance.contact_email = "finance@example.com"
        uow.commit()
        finance_id = finance.id
    gateway = desk(database, station="")
    to_finance = gateway.receive(ParcelForm("EA123456789CN", "", RecipientChoice(RecipientKind.DEPARTMENT,
                                                                                department_id=finance_id)))
    gateway.receive(ParcelForm("1Z999AA10123456784", "", RecipientChoice(RecipientKind.RECEPTION)))
    assert to_finance.label_job_id is None
    assert [(n.channel, n.recipient) for n in notices(database, "parcel_arrived")] == [
        ("email", "finance@example.com")]
    assert [c.kind for c in gateway.find_recipients("fin")] == [RecipientKind.DEPARTMENT, RecipientKind.RECEPTION]


def test_a_code_offers_everything_waiting_for_that_person(database):
    zhang = add_host(database)
    li = add_host(database, name="李娜", email="li.na@example.com")
    gateway = desk(database)
    first = gateway.receive(for_host(zhang.id, "SF1234567890123"))
    gateway.receive(for_host(li.id, "YT1234567890123"))
    database.clock.advance(hours=2)
    second = gateway.receive(for_host(zhang.id, "JDVA12345678901"))
    found = gateway.waiting_for_code(second.pickup_code)
    assert [r.parcel_id for r in found] == [second.parcel_id, first.parcel_id]
    by_name = gateway.waiting_for_recipient(RecipientChoice(RecipientKind.HOST, host_id=zhang.id))
    assert [r.parcel_id for r in by_name] == [first.parcel_id, second.parcel_id]
    assert gateway.waiting_for_code("0000-0000") == [] and gateway.waiting_for_code("not a code") == []

    gateway.hand_over(_pickup([r.parcel_id for r in found], {r.parcel_id: r.version for r in found}))
    assert gateway.waiting_for_recipient(RecipientChoice(RecipientKind.HOST, host_id=zhang.id)) == []


def test_on_someones_behalf_both_people_are_told(database):
    zhang = add_host(database)
    li = add_host(database, name="李娜", email="li.na@example.com")
    gateway = desk(database)
    received = gateway.receive(for_host(zhang.id))
    row = gateway.waiting_for_code(received.pickup_code)[0]
    with pytest.raises(ValidationFailed) as refused:
        gateway.hand_over(PickupRequest([row.parcel_id], {row.parcel_id: row.version}, "李娜", "staff card", PNG,
                                        on_behalf_of="张伟"))
    assert set(refused.value.by_field) == {"proxy_phone"}
    gateway.hand_over(PickupRequest([row.parcel_id], {row.parcel_id: row.version}, "李娜", "staff card", PNG,
                                    on_behalf_of="张伟", proxy_phone="13900139000", proxy_signature_png=PNG + b"2",
                                    collector_host_id=li.id))
    told = notices(database, "parcel_picked_up")
    assert sorted(n.recipient for n in told) == ["li.na@example.com", "zhang.wei@example.com"]
    assert told[0].payload["on_behalf_of"] == "张伟"
    detail = gateway.parcel(row.parcel_id)
    assert (detail.on_behalf_of, detail.proxy_phone, len(detail.signatures)) == ("张伟", "+8613900139000", 2)


def test_an_announcement_from_the_kiosk_is_completed_at_the_desk(database):
    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        announced_id = receiving.announce(uow, SITE, host.id, "sf")
    gateway = desk(database)
    assert [r.parcel_id for r in gateway.announced()] == [announced_id]
    assert notices(database, "parcel_arrived") == []
    received = gateway.receive(for_host(host.id, announced_parcel_id=announced_id))
    assert received.parcel_id == announced_id and gateway.announced() == []
    assert gateway.parcel_rows([announced_id])[0].status is ParcelStatus.WAITING
    assert len(notices(database, "parcel_arrived")) == 1


def test_reprint_and_cancel(database):
    host = add_host(database)
    gateway = desk(database)
    received = gateway.receive(for_host(host.id))
    assert gateway.reprint_label(received.parcel_id) != received.label_job_id
    cancelled = gateway.cancel(received.parcel_id, "logged twice")
    assert cancelled.status is ParcelStatus.CANCELLED
    assert gateway.waiting_for_code(received.pickup_code) == []
    with pytest.raises(Conflict):
        gateway.reprint_label(received.parcel_id)
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.scalar(select(func.count(ParcelPhoto.id))) == 0
        assert uow.session.scalar(select(func.count(ParcelSignature.id))) == 0
