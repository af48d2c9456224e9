"""Requisitions (领用单): a host asks for supplies for their department, the department head signs, the
desk issues against it (partially when stock is short), the receiver signs the issue register.

The department head is the department's ``contact_email`` (kiosk/models/org.py Department): they are
asked by a notice with single-use approve/decline links (``services/notifications/host_links.py``,
subject "requisition"), or a supervisor approves at the desk (the gateway checks Permission.APPROVE).
Both the requester and the head are told of every step.

Issuing is one transaction: each line goes through ``ledger.post`` (which locks the item's row), so of
two desks issuing the last units the second sees what the first left; either all of an issue's lines
post or none do. One action per call; each commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC
from typing import Any

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.domain.supplies import DocumentKind, MovementKind, PurchaseStatus, RequisitionStatus
from kiosk.models import Department, Host, Site
from kiosk.models.supplies import PurchaseLine, PurchaseRequest, Requisition, RequisitionLine, SupplyIssue, SupplyItem
from kiosk.services import audit, outbox
from kiosk.services.errors import Conflict, FieldError, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.supplies import ledger, purchases
from kiosk.services.supplies.ledger import StockShortError
from kiosk.services.supplies.records import (
    IssueLine,
    PurchaseLineForm,
    PurchaseRow,
    RequisitionLineForm,
    RequisitionLineRow,
    RequisitionRow,
    StockShort,
)

__all__ = [
    "MAX_LINE_QUANTITY", "approve", "cancel_rest", "create", "decline", "department_head", "get", "issue",
    "list_requisitions", "purchase_for_shortfall", "refuse_unless_approver", "requisition_key",
]

MAX_LINE_QUANTITY = 10_000
MAX_LINES = 100
NOT_ALLOWED = "not_allowed"
OPEN = (RequisitionStatus.APPROVED, RequisitionStatus.PARTIALLY_ISSUED)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 2_000_000


def refuse_unless_approver(role: StaffRole) -> None:
    if not may(role, Permission.APPROVE):
        raise PolicyRefusal("only a supervisor may approve requisitions and purchases", code=NOT_ALLOWED)


def requisition_key(requisition: Requisition) -> str:
    """What tells this requisition from any other that might carry its id (links are bound to it)."""
    created = requisition.created_at.astimezone(UTC).isoformat()
    identity = f"requisition:{requisition.id}:{requisition.requester_host_id}:{created}"
    return hashlib.sha256(identity.encode()).hexdigest()[:24]


def department_head(uow: UnitOfWork, requisition: Requisition) -> str:
    """The head's e-mail address: the department's contact address ("" when there is none)."""
    if requisition.department_id is None:
        return ""
    department = uow.session.get(Department, requisition.department_id)
    return (department.contact_email or "") if department is not None else ""


# -- reading ------------------------------------------------------------------------------------------------


def _row(uow: UnitOfWork, requisition: Requisition) -> RequisitionRow:
    lines = uow.session.scalars(
        select(RequisitionLine).where(RequisitionLine.requisition_id == requisition.id).order_by(RequisitionLine.id)
    ).all()
    items = {item.id: item for item in uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id.in_({line.item_id for line in lines})))} if lines else {}
    host = uow.session.get(Host, requisition.requester_host_id)
    department = uow.session.get(Department, requisition.department_id) if requisition.department_id else None
    return RequisitionRow(
        requisition_id=requisition.id, status=RequisitionStatus(requisition.status),
        requester=host.name if host else "", department=department.name if department else "",
        purpose=requisition.purpose, created_at=requisition.created_at, decided_at=requisition.decided_at,
        decided_by=requisition.decided_by,
        lines=[RequisitionLineRow(
            line_id=line.id, item_id=line.item_id, item_name=items[line.item_id].name,
            specification=items[line.item_id].specification, unit=items[line.item_id].unit, quantity=line.quantity,
            issued_qty=line.issued_qty, cancelled_qty=line.cancelled_qty, open_qty=_open(line),
            on_hand=items[line.item_id].on_hand, quality_note=line.quality_note,
        ) for line in lines],
        age_days=max(0, (uow.now() - requisition.created_at).days), version=requisition.version,
    )


def _open(line: RequisitionLine) -> int:
    return line.quantity - line.issued_qty - line.cancelled_qty


def _site_id(uow: UnitOfWork, site_code: str) -> int:
    site_id = uow.session.scalar(select(Site.id).where(Site.code == site_code))
    if site_id is None:
        raise NotFound(f"no site with code {site_code!r}")
    return int(site_id)


def _load(uow: UnitOfWork, requisition_id: int, *, lock: bool = False) -> Requisition:
    query = select(Requisition).where(Requisition.id == requisition_id)
    if lock:
        # Two desks on one requisition: the second waits (PostgreSQL) and then sees the first's lines.
        query = query.with_for_update().execution_options(populate_existing=True)
    requisition = uow.session.scalars(query).one_or_none()
    if requisition is None:
        raise NotFound(f"no requisition {requisition_id}")
    return requisition


def get(uow: UnitOfWork, requisition_id: int) -> RequisitionRow:
    return _row(uow, _load(uow, requisition_id))


def list_requisitions(uow: UnitOfWork, site_code: str, statuses: Iterable[RequisitionStatus] = (),
                      *, limit: int = 500) -> list[RequisitionRow]:
    """Newest first; every status when ``statuses`` is empty."""
    query = select(Requisition).where(Requisition.site_id == _site_id(uow, site_code))
    wanted = list(statuses)
    if wanted:
        query = query.where(Requisition.status.in_(wanted))
    rows = uow.session.scalars(query.order_by(Requisition.created_at.desc(), Requisition.id.desc()).limit(limit))
    return [_row(uow, requisition) for requisition in rows]


# -- notices -----------------------------------------------------------------------------------------------


def _lines_text(row: RequisitionRow, *, field: str = "quantity") -> str:
    parts = []
    for line in row.lines:
        quantity = getattr(line, field)
        if quantity:
            spec = f" {line.specification}" if line.specification else ""
            parts.append(f"{line.item_name}{spec} × {quantity} {line.unit}".strip())
    return "; ".join(parts) or "—"


def _payload(row: RequisitionRow, head_email: str, **extra: Any) -> dict[str, Any]:
    return {
        "requisition_id": row.requisition_id, "requester_name": row.requester, "department": row.department,
        "purpose": row.purpose or "—", "lines_text": _lines_text(row), "head_email": head_email, **extra,
    }


def _tell(uow: UnitOfWork, requisition: Requisition, event: str, payload: dict[str, Any], key: str, *,
          requester: bool = True, head: bool = True) -> int:
    """Queue ``event`` for the requester (every channel they have) and the head (their e-mail; chat too
    when the head is a host)."""
    queued = 0
    if requester:
        host = uow.session.get(Host, requisition.requester_host_id)
        if host is not None:
            queued += outbox.notify_host(uow, host, event=event, payload=payload, subject_key=key, visit_id=None)
    head_email = department_head(uow, requisition)
    if head and head_email:
        head_host = uow.session.scalar(select(Host).where(Host.email == head_email, Host.active.is_(True)))
        if head_host is not None:
            queued += outbox.notify_host(uow, head_host, event=event, payload=payload, subject_key=key,
                                         visit_id=None)
        else:
            queued += int(outbox.enqueue(uow, event=event, channel="email", recipient=head_email, payload=payload,
                                         subject_key=key))
    return queued


# -- creating and deciding ---------------------------------------------------------------------------------


def create(uow: UnitOfWork, site_code: str, requester_host_id: int, lines: list[RequisitionLineForm],
           purpose: str = "") -> RequisitionRow:
    """Pending the head's approval; the head is asked (with links) and the requester told."""
    host = uow.session.get(Host, requester_host_id)
    if host is None or not host.active:
        raise ValidationFailed([FieldError("requester", "invalid", "the requester must be an active host")])
    purpose = (purpose or "").strip()
    errors: list[FieldError] = []
    if len(purpose) > 200:
        errors.append(FieldError("purpose", "too_long", "a purpose is at most 200 characters"))
    if not lines:
        errors.append(FieldError("lines", "required", "a requisition needs at least one line"))
    if len(lines) > MAX_LINES:
        errors.append(FieldError("lines", "too_many", f"at most {MAX_LINES} lines"))
    seen: set[int] = set()
    items = {item.id: item for item in uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id.in_({line.item_id for line in lines})))} if lines else {}
    for line in lines:
        item = items.get(line.item_id)
        if item is None or not item.active:
            errors.append(FieldError("lines", "invalid", f"no active supply item {line.item_id}"))
        elif line.item_id in seen:
            errors.append(FieldError("lines", "duplicate", f"{item.name} is on more than one line"))
        if not isinstance(line.quantity, int) or not 1 <= line.quantity <= MAX_LINE_QUANTITY:
            errors.append(FieldError("lines", "out_of_range", f"a quantity is 1 to {MAX_LINE_QUANTITY}"))
        seen.add(line.item_id)
    if errors:
        raise ValidationFailed(errors)
    requisition = Requisition(
        site_id=_site_id(uow, site_code), status=RequisitionStatus.PENDING_APPROVAL, requester_host_id=host.id,
        department_id=host.department_id, purpose=purpose, created_at=uow.now(), created_by=uow.actor,
    )
    uow.session.add(requisition)
    uow.session.flush()
    for line in lines:
        uow.session.add(RequisitionLine(requisition_id=requisition.id, item_id=line.item_id, quantity=line.quantity))
    uow.session.flush()
    row = _row(uow, requisition)
    head_email = department_head(uow, requisition)
    payload = _payload(row, head_email)
    key = f"requisition:{requisition.id}"
    _tell(uow, requisition, "requisition_submitted", payload, key, head=False)
    if head_email:
        # The links (approve / decline) are added by the dispatcher, bound to this requisition and the head.
        _tell(uow, requisition, "requisition_approval_requested",
              {**payload, "requisition_key": requisition_key(requisition)}, key, requester=False)
    audit.record(uow, "requisition.created", "requisition", requisition.id,
                 after={"lines": len(lines), "requester_host_id": host.id})
    uow.commit()
    return row


def _decide(uow: UnitOfWork, requisition_id: int, version: int | None, status: RequisitionStatus,
            note: str) -> RequisitionRow:
    requisition = _load(uow, requisition_id, lock=True)
    if requisition.status != RequisitionStatus.PENDING_APPROVAL:
        raise Conflict(f"requisition {requisition_id} is {RequisitionStatus(requisition.status).value}, "
                       "not waiting for approval")
    if version is not None and requisition.version != version:
        raise Conflict(f"requisition {requisition_id} was changed meanwhile; look again")
    note = (note or "").strip()
    if len(note) > 200:
        raise ValidationFailed([FieldError("note", "too_long", "a note is at most 200 characters")])
    if status is RequisitionStatus.DECLINED and not note:
        raise ValidationFailed([FieldError("note", "required", "say why the requisition is declined")])
    requisition.status = status
    requisition.decided_at = uow.now()
    requisition.decided_by = uow.actor[:64]
    requisition.decision_note = note
    if status is RequisitionStatus.DECLINED:
        requisition.closed_at = uow.now()
    requisition.version += 1
    uow.session.flush()
    row = _row(uow, requisition)
    event = "requisition_approved" if status is RequisitionStatus.APPROVED else "requisition_declined"
    _tell(uow, requisition, event, _payload(row, department_head(uow, requisition), note=note or "—",
                                            decided_by=requisition.decided_by), f"requisition:{requisition.id}")
    audit.record(uow, f"requisition.{status.value}", "requisition", requisition.id,
                 before={"status": RequisitionStatus.PENDING_APPROVAL.value}, after={"status": status.value})
    uow.commit()
    return row


def approve(uow: UnitOfWork, requisition_id: int, version: int | None = None, note: str = "") -> RequisitionRow:
    """The head's signature: ``uow.actor`` is the supervisor at the desk or ``host:<head e-mail>`` (a link)."""
    return _decide(uow, requisition_id, version, RequisitionStatus.APPROVED, note)


def decline(uow: UnitOfWork, requisition_id: int, version: int | None = None, note: str = "") -> RequisitionRow:
    """Declined with a reason (a link's decline says it was declined by link)."""
    return _decide(uow, requisition_id, version, RequisitionStatus.DECLINED, note)


# -- issuing -----------------------------------------------------------------------------------------------


def issue(uow: UnitOfWork, requisition_id: int, lines: list[IssueLine], received_by: str, signature_png: bytes
          ) -> tuple[RequisitionRow, list[StockShort]]:
    """Hand out what stock allows on each line (all open quantities when ``lines`` is empty).

    A line short of stock issues what is on hand and stays open for the rest (a StockShort says so);
    when nothing at all can be issued, StockShortError names the first short item and what is left.
    """
    received_by = (received_by or "").strip()
    errors: list[FieldError] = []
    if not received_by:
        errors.append(FieldError("received_by", "required", "who receives the supplies"))
    elif len(received_by) > 100:
        errors.append(FieldError("received_by", "too_long", "a name is at most 100 characters"))
    if not signature_png or not signature_png.startswith(PNG_MAGIC):
        errors.append(FieldError("signature", "required", "the receiver signs on screen (a PNG)"))
    elif len(signature_png) > MAX_SIGNATURE_BYTES:
        errors.append(FieldError("signature", "too_large", "the signature image is too large"))
    if errors:
        raise ValidationFailed(errors)
    requisition = _load(uow, requisition_id, lock=True)
    if requisition.status not in OPEN:
        raise Conflict(f"requisition {requisition_id} is {RequisitionStatus(requisition.status).value}; "
                       "only an approved requisition is issued")
    by_id = {line.id: line for line in uow.session.scalars(
        select(RequisitionLine).where(RequisitionLine.requisition_id == requisition.id)
        .order_by(RequisitionLine.id))}
    wanted = _wanted(lines, by_id)
    shorts: list[StockShort] = []
    first_short: StockShortError | None = None
    issued_any = False
    for line, quantity, note in wanted:
        item = uow.session.scalars(
            select(SupplyItem).where(SupplyItem.id == line.item_id).with_for_update()
            .execution_options(populate_existing=True)).one()
        take = min(quantity, item.on_hand)
        if take < quantity:
            shorts.append(StockShort(item.id, item.name, quantity, item.on_hand))
            first_short = first_short or StockShortError(item.name, quantity, item.on_hand, item.unit)
        if take <= 0:
            continue
        ledger.post(uow, item.id, MovementKind.ISSUED, -take, reason=f"requisition {requisition.id}",
                    document_kind=DocumentKind.REQUISITION, document_id=requisition.id,
                    department_id=requisition.department_id)
        line.issued_qty += take
        if note:
            line.quality_note = note
        issued_any = True
    if not issued_any:
        if first_short is not None:
            raise first_short  # nothing written: the session is closed without a commit
        raise ValidationFailed([FieldError("lines", "required", "nothing to issue")])
    still_open = sum(_open(line) for line in by_id.values())
    requisition.status = RequisitionStatus.PARTIALLY_ISSUED if still_open else RequisitionStatus.ISSUED
    if not still_open:
        requisition.closed_at = uow.now()
    requisition.version += 1
    record = SupplyIssue(requisition_id=requisition.id, at=uow.now(), issued_by=uow.actor[:64],
                         received_by=received_by, signature_png=signature_png)
    uow.session.add(record)
    uow.session.flush()
    row = _row(uow, requisition)
    issued_now = "; ".join(f"{line.item.name} × {quantity_taken} {line.item.unit}"
                           for line, quantity_taken in _taken(wanted, shorts)) or "—"
    _tell(uow, requisition, "requisition_issued",
          _payload(row, department_head(uow, requisition), issued_text=issued_now, received_by=received_by,
                   open_text=_lines_text(row, field="open_qty") if still_open else "—"),
          f"requisition:{requisition.id}:issue:{record.id}")
    audit.record(uow, "requisition.issued", "requisition", requisition.id,
                 after={"status": requisition.status.value, "issue_id": record.id, "short": len(shorts)})
    uow.commit()
    return row, shorts


def _wanted(lines: list[IssueLine], by_id: dict[int, RequisitionLine]
            ) -> list[tuple[RequisitionLine, int, str]]:
    if not lines:
        return [(line, _open(line), "") for line in by_id.values() if _open(line) > 0]
    wanted: list[tuple[RequisitionLine, int, str]] = []
    seen: set[int] = set()
    for asked in lines:
        line = by_id.get(asked.line_id)
        if line is None:
            raise ValidationFailed([FieldError("lines", "invalid", f"line {asked.line_id} is not on this requisition")])
        if asked.line_id in seen:
            raise ValidationFailed([FieldError("lines", "duplicate", f"line {asked.line_id} is given twice")])
        seen.add(asked.line_id)
        note = (asked.quality_note or "").strip()
        if len(note) > 200:
            raise ValidationFailed([FieldError("quality_note", "too_long", "a quality note is at most 200 characters")])
        if not isinstance(asked.quantity, int) or asked.quantity < 0:
            raise ValidationFailed([FieldError("lines", "out_of_range", "a quantity is not negative")])
        if asked.quantity > _open(line):
            raise ValidationFailed([FieldError(
                "lines", "out_of_range", f"{line.item.name}: only {_open(line)} {line.item.unit} still open on this "
                f"requisition; {asked.quantity} asked")])
        if asked.quantity:
            wanted.append((line, asked.quantity, note))
    return wanted


def _taken(wanted: list[tuple[RequisitionLine, int, str]], shorts: list[StockShort]
           ) -> list[tuple[RequisitionLine, int]]:
    on_hand = {short.item_id: short.on_hand for short in shorts}
    taken = [(line, min(quantity, on_hand.get(line.item_id, quantity))) for line, quantity, _note in wanted]
    return [(line, quantity) for line, quantity in taken if quantity > 0]


# -- what stays open ---------------------------------------------------------------------------------------


def cancel_rest(uow: UnitOfWork, requisition_id: int, line_ids: list[int] | None = None) -> RequisitionRow:
    """Cancel the open quantities (of ``line_ids``, or of every line): ISSUED when something was issued
    and nothing stays open, CANCELLED when nothing was issued at all."""
    requisition = _load(uow, requisition_id, lock=True)
    if requisition.status not in (*OPEN, RequisitionStatus.PENDING_APPROVAL):
        raise Conflict(f"requisition {requisition_id} is {RequisitionStatus(requisition.status).value}; "
                       "nothing is open")
    lines = list(uow.session.scalars(
        select(RequisitionLine).where(RequisitionLine.requisition_id == requisition.id)))
    chosen = set(line_ids) if line_ids is not None else {line.id for line in lines}
    unknown = chosen - {line.id for line in lines}
    if unknown:
        raise ValidationFailed([FieldError("lines", "invalid", f"line {min(unknown)} is not on this requisition")])
    before = RequisitionStatus(requisition.status)
    for line in lines:
        if line.id in chosen:
            line.cancelled_qty += _open(line)
    if not any(_open(line) for line in lines):
        issued = any(line.issued_qty for line in lines)
        requisition.status = RequisitionStatus.ISSUED if issued else RequisitionStatus.CANCELLED
        requisition.closed_at = uow.now()
    requisition.version += 1
    uow.session.flush()
    row = _row(uow, requisition)
    _tell(uow, requisition, "requisition_cancelled",
          _payload(row, department_head(uow, requisition), open_text=_lines_text(row, field="open_qty")),
          f"requisition:{requisition.id}:cancel:{requisition.version}")
    audit.record(uow, "requisition.rest_cancelled", "requisition", requisition.id,
                 before={"status": before.value}, after={"status": requisition.status.value})
    uow.commit()
    return row


def purchase_for_shortfall(uow: UnitOfWork, site_code: str, requisition_id: int) -> PurchaseRow:
    """A DRAFT purchase request for the open quantities, each line linked to its requisition line."""
    requisition = _load(uow, requisition_id, lock=True)
    if requisition.status not in (*OPEN, RequisitionStatus.PENDING_APPROVAL):
        raise Conflict(f"requisition {requisition_id} is {RequisitionStatus(requisition.status).value}; "
                       "nothing is open")
    lines = [line for line in uow.session.scalars(
        select(RequisitionLine).where(RequisitionLine.requisition_id == requisition.id).order_by(RequisitionLine.id))
        if _open(line) > 0]
    already = set(uow.session.scalars(
        select(PurchaseLine.requisition_line_id).join(PurchaseRequest, PurchaseRequest.id == PurchaseLine.purchase_id)
        .where(PurchaseLine.requisition_line_id.in_([line.id for line in lines]),
               PurchaseRequest.status != PurchaseStatus.CANCELLED))) if lines else set()
    lines = [line for line in lines if line.id not in already]
    if not lines:
        raise Conflict(f"requisition {requisition_id} has no open quantity without a purchase")
    forms = [PurchaseLineForm(line.item_id, _open(line), line.item.unit_cost_cents, requisition_line_id=line.id)
             for line in lines]
    purchase_id = purchases.add_purchase(uow, site_code, forms, purpose=f"requisition {requisition.id}")
    audit.record(uow, "requisition.purchase_requested", "requisition", requisition.id,
                 after={"purchase_id": purchase_id, "lines": len(forms)})
    uow.commit()
    return purchases.get(uow, purchase_id)


# -- finding what a command line names ---------------------------------------------------------------------


def item_id_for(uow: UnitOfWork, ref: str) -> int:
    """An item named by its barcode, else by its id (NotFound names the reference)."""
    ref = (ref or "").strip()
    if ref:
        found = uow.session.scalar(select(SupplyItem.id).where(SupplyItem.barcode == ref))
        if found is not None:
            return int(found)
        if ref.isascii() and ref.isdigit() and uow.session.get(SupplyItem, int(ref)) is not None:
            return int(ref)
    raise NotFound(f"no supply item with id or barcode {ref!r}")


def host_id_for(uow: UnitOfWork, email: str) -> int:
    """The active host with this e-mail address (NotFound otherwise)."""
    found = uow.session.scalar(select(Host.id).where(func.lower(Host.email) == (email or "").strip().lower(),
                                                     Host.active.is_(True)))
    if found is None:
        raise NotFound(f"no active host with e-mail {email.strip()!r}")
    return int(found)
