"""The stock ledger: every movement of an item, and its balance kept in step in the same transaction.

``post`` is the only way stock changes. It locks the item's row, refuses a movement that would take
the balance below zero (naming what is left; ``on_hand >= 0`` is also a database constraint), moves
the cached ``on_hand``/``value_cents`` and appends the ledger line with the balance after.

Cost is the moving average: stock in adds its quantity at its cost; stock out takes out its share of the
value (value × quantity / on_hand, rounded), so the value of the last unit is exactly what is left and
an empty shelf is worth 0. Callers commit (one user action may post several lines).
"""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.supplies.records import MovementRow

__all__ = ["StockShortError", "post"]

MAX_QUANTITY = 1_000_000  # per movement: a typo guard, far above any cupboard


class StockShortError(Conflict):
    """Not enough on hand: names the item, what was asked and what is left."""

    code = "stock_short"

    def __init__(self, item_name: str, asked: int, on_hand: int, unit: str = "") -> None:
        super().__init__(f"only {on_hand}{(' ' + unit) if unit else ''} of {item_name} on hand; {asked} asked")
        self.item_name, self.asked, self.on_hand = item_name, asked, on_hand


def post(
    uow: UnitOfWork,
    item_id: int,
    kind: MovementKind,
    quantity: int,
    *,
    reason: str = "",
    document_kind: DocumentKind = DocumentKind.MANUAL,
    document_id: int | None = None,
    unit_cost_cents: int | None = None,
    department_id: int | None = None,
    location_to: str = "",
) -> MovementRow:
    """Append one movement (``quantity`` signed: in > 0, out < 0; MOVED takes 0 and ``location_to``).

    Stock in is valued at ``unit_cost_cents`` (default: the item's last known price). StockShortError
    when an out-movement would take the balance below 0; nothing is written then.
    """
    if not isinstance(quantity, int) or abs(quantity) > MAX_QUANTITY:
        raise ValidationFailed([FieldError("quantity", "out_of_range", f"a quantity is at most {MAX_QUANTITY}")])
    if kind is MovementKind.MOVED and quantity != 0:
        raise ValidationFailed([FieldError("quantity", "invalid", "a move changes the location, not the quantity")])
    # The row locked (PostgreSQL FOR UPDATE; SQLite's write transaction is already exclusive) and read
    # afresh: of two desks issuing the last units, the second waits, then sees what the first left.
    item = uow.session.scalars(
        select(SupplyItem).where(SupplyItem.id == item_id).with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if item is None:
        raise NotFound(f"no supply item {item_id}")
    if item.on_hand + quantity < 0:
        raise StockShortError(item.name, -quantity, item.on_hand, item.unit)
    location_from = item.location
    value = _value_of(item, quantity, unit_cost_cents, returned=kind is MovementKind.RETURNED)
    item.on_hand += quantity
    item.value_cents += value
    item.updated_at = uow.now()
    if kind is MovementKind.MOVED:
        item.location = location_to
    movement = StockMovement(
        item_id=item_id, kind=kind, quantity=quantity, value_cents=value, balance_after=item.on_hand,
        at=uow.now(), actor=uow.actor, reason=reason, document_kind=document_kind, document_id=document_id,
        department_id=department_id, location_from=location_from if kind is MovementKind.MOVED else "",
        location_to=location_to if kind is MovementKind.MOVED else "",
    )
    if quantity > 0 and unit_cost_cents is not None:
        item.unit_cost_cents = unit_cost_cents  # the last price paid: what a purchase suggestion uses
    uow.session.add(movement)
    uow.session.flush()
    return MovementRow(movement.id, item_id, kind, quantity, value, movement.balance_after, movement.at,
                       movement.actor, reason, document_kind, document_id, "")


def _value_of(item: SupplyItem, quantity: int, unit_cost_cents: int | None, *, returned: bool = False) -> int:
    if quantity > 0 and returned and unit_cost_cents is None and item.on_hand > 0:
        # Stock given back went out at the average: it comes back at the average, not the last price paid.
        return (item.value_cents * quantity * 2 + item.on_hand) // (item.on_hand * 2)
    if quantity > 0:
        cost = item.unit_cost_cents if unit_cost_cents is None else unit_cost_cents
        if cost < 0:
            raise ValidationFailed([FieldError("unit_cost", "out_of_range", "a cost is not negative")])
        return quantity * cost
    if quantity == 0 or item.on_hand <= 0:
        return 0
    if -quantity >= item.on_hand:
        return -item.value_cents  # the last units carry whatever value is left
    # Half away from zero, in integers: the share of the value the units taken out carry.
    return -((item.value_cents * -quantity * 2 + item.on_hand) // (item.on_hand * 2))
