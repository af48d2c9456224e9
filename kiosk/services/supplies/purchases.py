"""Purchase requests (采购申请): suggested from the items under their minimum (up to the reorder level),
or written by hand (and from a requisition's shortfall); submitted, approved by a supervisor (the gateway
checks Permission.APPROVE), ordered, received (partially when a delivery is short) into stock at the
line's cost through ``ledger.post``, so the item's value follows the moving average.

One action per call; each commits (``add_purchase`` alone leaves the commit to its caller).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.supplies import DocumentKind, MovementKind, PurchaseStatus
from kiosk.models import Site
from kiosk.models.supplies import PurchaseLine, PurchaseRequest, SupplyItem
from kiosk.services import audit
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.supplies import ledger
from kiosk.services.supplies.records import PurchaseLineForm, PurchaseLineRow, PurchaseRow, ReceiptLine

__all__ = [
    "add_purchase", "approve", "cancel", "create", "get", "list_purchases", "mark_ordered", "receive", "submit",
    "suggest",
]

MAX_LINE_QUANTITY = 100_000
MAX_LINES = 500
MAX_COST_CENTS = 100_000_000  # ¥1,000,000 a unit: a typo guard


def _site_id(uow: UnitOfWork, site_code: str) -> int:
    site_id = uow.session.scalar(select(Site.id).where(Site.code == site_code))
    if site_id is None:
        raise NotFound(f"no site with code {site_code!r}")
    return int(site_id)


def _load(uow: UnitOfWork, purchase_id: int, *, lock: bool = False) -> PurchaseRequest:
    query = select(PurchaseRequest).where(PurchaseRequest.id == purchase_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    purchase = uow.session.scalars(query).one_or_none()
    if purchase is None:
        raise NotFound(f"no purchase request {purchase_id}")
    return purchase


def _lines(uow: UnitOfWork, purchase_id: int) -> list[PurchaseLine]:
    return list(uow.session.scalars(
        select(PurchaseLine).where(PurchaseLine.purchase_id == purchase_id).order_by(PurchaseLine.id)))


def _row(uow: UnitOfWork, purchase: PurchaseRequest) -> PurchaseRow:
    lines = _lines(uow, purchase.id)
    items = {item.id: item for item in uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id.in_({line.item_id for line in lines})))} if lines else {}
    return PurchaseRow(
        purchase_id=purchase.id, status=PurchaseStatus(purchase.status), purpose=purchase.purpose,
        supplier=purchase.supplier, created_at=purchase.created_at, created_by=purchase.created_by,
        approved_by=purchase.approved_by,
        lines=[PurchaseLineRow(line.id, line.item_id, items[line.item_id].name, items[line.item_id].unit,
                               line.quantity, line.received_qty, line.unit_cost_cents) for line in lines],
        total_cents=sum(line.quantity * line.unit_cost_cents for line in lines), version=purchase.version,
    )


def get(uow: UnitOfWork, purchase_id: int) -> PurchaseRow:
    return _row(uow, _load(uow, purchase_id))


def list_purchases(uow: UnitOfWork, site_code: str, statuses: Iterable[PurchaseStatus] = (), *, limit: int = 500
                   ) -> list[PurchaseRow]:
    query = select(PurchaseRequest).where(PurchaseRequest.site_id == _site_id(uow, site_code))
    wanted = list(statuses)
    if wanted:
        query = query.where(PurchaseRequest.status.in_(wanted))
    rows = uow.session.scalars(query.order_by(PurchaseRequest.created_at.desc(), PurchaseRequest.id.desc())
                               .limit(limit))
    return [_row(uow, purchase) for purchase in rows]


def _text(value: str, field: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ValidationFailed([FieldError(field, "too_long", f"at most {limit} characters")])
    return value


def add_purchase(uow: UnitOfWork, site_code: str, lines: list[PurchaseLineForm], *, purpose: str,
                 supplier: str = "") -> int:
    """A DRAFT with these lines (checked); flushed, not committed. Returns its id."""
    purpose, supplier = _text(purpose, "purpose", 200), _text(supplier, "supplier", 200)
    errors: list[FieldError] = []
    if not lines:
        errors.append(FieldError("lines", "required", "a purchase needs at least one line"))
    if len(lines) > MAX_LINES:
        errors.append(FieldError("lines", "too_many", f"at most {MAX_LINES} lines"))
    items = {item.id: item for item in uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id.in_({line.item_id for line in lines})))} if lines else {}
    seen: set[int] = set()
    for line in lines:
        item = items.get(line.item_id)
        if item is None or not item.active:
            errors.append(FieldError("lines", "invalid", f"no active supply item {line.item_id}"))
        elif line.item_id in seen and line.requisition_line_id is None:
            errors.append(FieldError("lines", "duplicate", f"{item.name} is on more than one line"))
        seen.add(line.item_id)
        if not isinstance(line.quantity, int) or not 1 <= line.quantity <= MAX_LINE_QUANTITY:
            errors.append(FieldError("lines", "out_of_range", f"a quantity is 1 to {MAX_LINE_QUANTITY}"))
        if not isinstance(line.unit_cost_cents, int) or not 0 <= line.unit_cost_cents <= MAX_COST_CENTS:
            errors.append(FieldError("unit_cost", "out_of_range", "a unit cost is 0 to ¥1,000,000"))
    if errors:
        raise ValidationFailed(errors)
    purchase = PurchaseRequest(site_id=_site_id(uow, site_code), status=PurchaseStatus.DRAFT, purpose=purpose,
                               supplier=supplier, created_at=uow.now(), created_by=uow.actor[:64])
    uow.session.add(purchase)
    uow.session.flush()
    uow.session.add_all([PurchaseLine(purchase_id=purchase.id, item_id=line.item_id, quantity=line.quantity,
                                      unit_cost_cents=line.unit_cost_cents,
                                      requisition_line_id=line.requisition_line_id) for line in lines])
    uow.session.flush()
    return purchase.id


def create(uow: UnitOfWork, site_code: str, lines: list[PurchaseLineForm], purpose: str, supplier: str = ""
           ) -> PurchaseRow:
    """Manual lines; a line without a cost (0) takes the item's last price."""
    items = {item.id: item for item in uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id.in_({line.item_id for line in lines})))} if lines else {}
    priced = [line if line.unit_cost_cents or line.item_id not in items else
              PurchaseLineForm(line.item_id, line.quantity, items[line.item_id].unit_cost_cents,
                               line.requisition_line_id) for line in lines]
    purchase_id = add_purchase(uow, site_code, priced, purpose=purpose, supplier=supplier)
    audit.record(uow, "purchase.created", "purchase_request", purchase_id, after={"lines": len(lines)})
    uow.commit()
    return get(uow, purchase_id)


def suggest(uow: UnitOfWork, site_code: str) -> PurchaseRow | None:
    """A DRAFT for every active item under its minimum, up to its reorder level, at its last price
    (None when nothing is low)."""
    low = uow.session.scalars(
        select(SupplyItem).where(SupplyItem.active.is_(True), SupplyItem.on_hand < SupplyItem.min_qty)
        .order_by(SupplyItem.category, SupplyItem.name, SupplyItem.id)).all()
    forms = [PurchaseLineForm(item.id, max(item.reorder_qty, item.min_qty) - item.on_hand, item.unit_cost_cents)
             for item in low]
    forms = [form for form in forms if form.quantity > 0]
    if not forms:
        return None
    purchase_id = add_purchase(uow, site_code, forms[:MAX_LINES], purpose="low stock")
    audit.record(uow, "purchase.suggested", "purchase_request", purchase_id, after={"lines": len(forms)})
    uow.commit()
    return get(uow, purchase_id)


def _move(uow: UnitOfWork, purchase_id: int, version: int | None, allowed: tuple[PurchaseStatus, ...],
          to: PurchaseStatus) -> PurchaseRequest:
    purchase = _load(uow, purchase_id, lock=True)
    current = PurchaseStatus(purchase.status)
    if current not in allowed:
        raise Conflict(f"purchase request {purchase_id} is {current.value}; it cannot become {to.value}")
    if version is not None and purchase.version != version:
        raise Conflict(f"purchase request {purchase_id} was changed meanwhile; look again")
    purchase.status = to
    purchase.version += 1
    audit.record(uow, f"purchase.{to.value}", "purchase_request", purchase.id,
                 before={"status": current.value}, after={"status": to.value})
    return purchase


def submit(uow: UnitOfWork, purchase_id: int, version: int | None = None) -> PurchaseRow:
    purchase = _move(uow, purchase_id, version, (PurchaseStatus.DRAFT,), PurchaseStatus.PENDING_APPROVAL)
    uow.commit()
    return _row(uow, purchase)


def approve(uow: UnitOfWork, purchase_id: int, version: int | None = None) -> PurchaseRow:
    """A supervisor's signature (a draft is submitted and approved in one go)."""
    purchase = _move(uow, purchase_id, version, (PurchaseStatus.DRAFT, PurchaseStatus.PENDING_APPROVAL),
                     PurchaseStatus.APPROVED)
    purchase.approved_at, purchase.approved_by = uow.now(), uow.actor[:64]
    uow.commit()
    return _row(uow, purchase)


def mark_ordered(uow: UnitOfWork, purchase_id: int, version: int | None = None, supplier: str = "") -> PurchaseRow:
    supplier = _text(supplier, "supplier", 200)
    purchase = _move(uow, purchase_id, version, (PurchaseStatus.APPROVED,), PurchaseStatus.ORDERED)
    purchase.ordered_at = uow.now()
    if supplier:
        purchase.supplier = supplier
    uow.commit()
    return _row(uow, purchase)


def cancel(uow: UnitOfWork, purchase_id: int, version: int | None = None) -> PurchaseRow:
    purchase = _move(uow, purchase_id, version, (PurchaseStatus.DRAFT, PurchaseStatus.PENDING_APPROVAL,
                                                 PurchaseStatus.APPROVED, PurchaseStatus.ORDERED),
                     PurchaseStatus.CANCELLED)
    purchase.closed_at = uow.now()
    uow.commit()
    return _row(uow, purchase)


def receive(uow: UnitOfWork, purchase_id: int, lines: list[ReceiptLine]) -> PurchaseRow:
    """A delivery into stock at each line's cost (or the cost given); every outstanding quantity when
    ``lines`` is empty. PARTIALLY_RECEIVED while something is outstanding, then RECEIVED."""
    purchase = _load(uow, purchase_id, lock=True)
    current = PurchaseStatus(purchase.status)
    if current not in (PurchaseStatus.APPROVED, PurchaseStatus.ORDERED, PurchaseStatus.PARTIALLY_RECEIVED):
        raise Conflict(f"purchase request {purchase_id} is {current.value}; only an approved or ordered one "
                       "is received")
    by_id = {line.id: line for line in _lines(uow, purchase.id)}
    receipts = lines or [ReceiptLine(line.id, line.quantity - line.received_qty) for line in by_id.values()
                         if line.quantity > line.received_qty]
    seen: set[int] = set()
    received = 0
    for receipt in receipts:
        line = by_id.get(receipt.line_id)
        if line is None:
            raise ValidationFailed([FieldError("lines", "invalid", f"line {receipt.line_id} is not on this purchase")])
        if receipt.line_id in seen:
            raise ValidationFailed([FieldError("lines", "duplicate", f"line {receipt.line_id} is given twice")])
        seen.add(receipt.line_id)
        outstanding = line.quantity - line.received_qty
        if not isinstance(receipt.quantity, int) or receipt.quantity < 0 or receipt.quantity > outstanding:
            raise ValidationFailed([FieldError(
                "lines", "out_of_range",
                f"{line.item.name}: {outstanding} {line.item.unit} outstanding; {receipt.quantity} received")])
        cost = line.unit_cost_cents if receipt.unit_cost_cents is None else receipt.unit_cost_cents
        if not 0 <= cost <= MAX_COST_CENTS:
            raise ValidationFailed([FieldError("unit_cost", "out_of_range", "a unit cost is 0 to ¥1,000,000")])
        if not receipt.quantity:
            continue
        ledger.post(uow, line.item_id, MovementKind.RECEIVED, receipt.quantity, reason=f"purchase {purchase.id}",
                    document_kind=DocumentKind.PURCHASE, document_id=purchase.id, unit_cost_cents=cost)
        line.received_qty += receipt.quantity
        line.unit_cost_cents = cost
        received += receipt.quantity
    if not received:
        raise ValidationFailed([FieldError("lines", "required", "nothing received")])
    done = all(line.received_qty >= line.quantity for line in by_id.values())
    purchase.status = PurchaseStatus.RECEIVED if done else PurchaseStatus.PARTIALLY_RECEIVED
    if done:
        purchase.closed_at = uow.now()
    purchase.version += 1
    audit.record(uow, "purchase.received", "purchase_request", purchase.id,
                 before={"status": current.value}, after={"status": purchase.status.value, "units": received})
    uow.commit()
    return _row(uow, purchase)
