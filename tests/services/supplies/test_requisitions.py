"""Requisitions: created for the requester's department, approved by the head (a supervisor at the desk),
issued against stock (partially when short) with the receiver's signature, the rest cancelled or bought."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    IssueLine,
    PurchaseStatus,
    RequisitionLineForm,
    RequisitionStatus,
)
from kiosk.domain.security import StaffRole
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models import Notification
from kiosk.models.supplies import PurchaseLine, StockMovement, SupplyIssue
from kiosk.services.errors import Conflict, PolicyRefusal, ValidationFailed
from kiosk.services.supplies.ledger import StockShortError
from tests.services.supplies.requisition_data import HEAD, PNG, item, on_hand, requester

SITE = "HQ"


def desk(db, role: StaffRole = StaffRole.SUPERVISOR, actor: str = "staff:amy") -> DeskSuppliesGateway:
    return DeskSuppliesGateway(db, SITE, actor=actor, role=role)


def _notices(db, event: str) -> list[tuple[str, str]]:
    with db.unit_of_work("test", write=False) as uow:
        return [(n.channel, n.recipient) for n in uow.session.scalars(
            select(Notification).where(Notification.event == event).order_by(Notification.id))]


def _approved(db, lines: list[tuple[int, int]]) -> int:
    host_id = requester(db)
    created = desk(db).create_requisition(host_id, [RequisitionLineForm(i, q) for i, q in lines], "Q3 kick-off")
    return desk(db).approve_requisition(created.requisition_id, created.version).requisition_id


def test_create_asks_the_head_and_tells_the_requester(database) -> None:
    pens = item(database, on_hand=20)
    host_id = requester(database)
    row = desk(database, StaffRole.RECEPTIONIST).create_requisition(host_id, [RequisitionLineForm(pens, 5)], "meeting")
    assert row.status is RequisitionStatus.PENDING_APPROVAL
    assert (row.requester, row.department, row.lines[0].quantity, row.lines[0].open_qty) == ("张伟", "Sales", 5, 5)
    assert _notices(database, "requisition_approval_requested") == [("email", HEAD)]
    assert _notices(database, "requisition_submitted") == [("email", "zhang.wei@example.com")]


@pytest.mark.parametrize(("lines", "field_code"), [
    ([], "required"), ([(0, 1)], "invalid"), ([(1, 0)], "out_of_range"), ([(1, 10_001)], "out_of_range"),
    ([(1, 1), (1, 2)], "duplicate"),
])
def test_lines_are_checked(database, lines, field_code) -> None:
    pens = item(database, on_hand=20)
    host_id = requester(database)
    forms = [RequisitionLineForm(pens if i else 999, q) for i, q in lines]
    with pytest.raises(ValidationFailed) as refused:
        desk(database).create_requisition(host_id, forms)
    assert field_code in {e.code for e in refused.value.errors}


def test_approving_needs_a_supervisor_and_the_current_version(database) -> None:
    pens = item(database, on_hand=20)
    host_id = requester(database)
    row = desk(database).create_requisition(host_id, [RequisitionLineForm(pens, 5)])
    with pytest.raises(PolicyRefusal):
        desk(database, StaffRole.RECEPTIONIST).approve_requisition(row.requisition_id, row.version)
    with pytest.raises(Conflict):
        desk(database).approve_requisition(row.requisition_id, row.version + 1)
    approved = desk(database).approve_requisition(row.requisition_id, row.version)
    assert (approved.status, approved.decided_by) == (RequisitionStatus.APPROVED, "staff:amy")
    with pytest.raises(Conflict):
        desk(database).decline_requisition(row.requisition_id, approved.version, "too late")
    assert ("email", "zhang.wei@example.com") in _notices(database, "requisition_approved")


def test_a_partial_issue_leaves_the_rest_open_then_a_purchase_for_it(database) -> None:
    pens, pads = item(database, on_hand=3), item(database, "笔记本", on_hand=10, unit="本")
    requisition_id = _approved(database, [(pens, 5), (pads, 2)])
    lines = desk(database).requisition(requisition_id).lines
    row, shorts = desk(database, StaffRole.RECEPTIONIST).issue(
        requisition_id, [IssueLine(lines[0].line_id, 5, "all write"), IssueLine(lines[1].line_id, 2)], "王芳", PNG)
    assert row.status is RequisitionStatus.PARTIALLY_ISSUED
    assert [(s.item_name, s.asked, s.on_hand) for s in shorts] == [("签字笔", 5, 3)]
    assert [(ln.issued_qty, ln.open_qty, ln.quality_note) for ln in row.lines] == [(3, 2, "all write"), (2, 0, "")]
    assert (on_hand(database, pens), on_hand(database, pads)) == (0, 8)
    with database.unit_of_work("test", write=False) as uow:
        moves = uow.session.scalars(select(StockMovement).where(StockMovement.kind == MovementKind.ISSUED)).all()
        assert {(m.quantity, m.document_kind, m.document_id, m.department_id is not None) for m in moves} == {
            (-3, DocumentKind.REQUISITION, requisition_id, True), (-2, DocumentKind.REQUISITION, requisition_id, True)}
        signed = uow.session.scalars(select(SupplyIssue)).one()
        assert (signed.received_by, signed.signature_png, signed.issued_by) == ("王芳", PNG, "staff:amy")
    assert ("email", "zhang.wei@example.com") in _notices(database, "requisition_issued")
    assert ("email", HEAD) in _notices(database, "requisition_issued")

    purchase = desk(database).purchase_for_shortfall(requisition_id)
    assert purchase.status is PurchaseStatus.DRAFT
    assert [(ln.item_id, ln.quantity) for ln in purchase.lines] == [(pens, 2)]
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.scalar(select(PurchaseLine.requisition_line_id)) == lines[0].line_id
    with pytest.raises(Conflict):
        desk(database).purchase_for_shortfall(requisition_id)  # already asked for

    cancelled = desk(database).cancel_rest(requisition_id)
    assert cancelled.status is RequisitionStatus.ISSUED
    assert [(ln.cancelled_qty, ln.open_qty) for ln in cancelled.lines] == [(2, 0), (0, 0)]


def test_issuing_everything_open_closes_it(database) -> None:
    pens = item(database, on_hand=30)
    requisition_id = _approved(database, [(pens, 5)])
    row, shorts = desk(database).issue(requisition_id, [], "王芳", PNG)
    assert (row.status, shorts, on_hand(database, pens)) == (RequisitionStatus.ISSUED, [], 25)
    with pytest.raises(Conflict):
        desk(database).issue(requisition_id, [], "王芳", PNG)


def test_issue_refusals_change_nothing(database) -> None:
    pens = item(database, on_hand=0)
    requisition_id = _approved(database, [(pens, 5)])
    line_id = desk(database).requisition(requisition_id).lines[0].line_id
    with pytest.raises(ValidationFailed, match="signs"):
        desk(database).issue(requisition_id, [], "王芳", b"")
    with pytest.raises(ValidationFailed, match="only 5 支 still open"):
        desk(database).issue(requisition_id, [IssueLine(line_id, 6)], "王芳", PNG)
    with pytest.raises(StockShortError, match="only 0 支 of 签字笔 on hand; 5 asked"):
        desk(database).issue(requisition_id, [], "王芳", PNG)
    row = desk(database).requisition(requisition_id)
    assert (row.status, row.lines[0].issued_qty) == (RequisitionStatus.APPROVED, 0)
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(SupplyIssue)) == 0


def test_a_pending_requisition_is_not_issued_and_can_be_cancelled(database) -> None:
    pens = item(database, on_hand=30)
    host_id = requester(database)
    row = desk(database).create_requisition(host_id, [RequisitionLineForm(pens, 5)])
    with pytest.raises(Conflict):
        desk(database).issue(row.requisition_id, [], "王芳", PNG)
    assert desk(database).cancel_rest(row.requisition_id).status is RequisitionStatus.CANCELLED


def test_two_desks_issuing_the_last_units(database) -> None:
    """Both want the last 4: one issues them, the other is refused with what is left (0)."""
    pens = item(database, on_hand=4)
    first, second = _approved(database, [(pens, 4)]), None
    host_id = requester(database, email="li.na@example.com")
    created = desk(database).create_requisition(host_id, [RequisitionLineForm(pens, 4)])
    second = desk(database).approve_requisition(created.requisition_id, created.version).requisition_id
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def run(requisition_id: int, actor: str) -> None:
        barrier.wait()
        try:
            outcomes.append(desk(database, actor=actor).issue(requisition_id, [], "王芳", PNG)[0].status)
        except StockShortError as short:
            outcomes.append((short.asked, short.on_hand))

    threads = [threading.Thread(target=run, args=(first, "staff:amy")),
               threading.Thread(target=run, args=(second, "staff:bob"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(map(str, outcomes)) == sorted(map(str, [RequisitionStatus.ISSUED, (4, 0)]))
    assert on_hand(database, pens) == 0
