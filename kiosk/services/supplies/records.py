"""The plain data the supply services take and give (forms as typed, rows, results).

Shared by the services (``items``, ``ledger``, ``requisitions``, ``purchases``, ``stocktakes``,
``reports``), the desk gateway (``application/gateways/desk_supplies.py``), the desk views and
``kioskctl supplies|requisitions|purchases|stocktake``. Quantities are whole units of the item's unit;
money is integer cents; times aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.domain.supplies import DocumentKind, MovementKind, PurchaseStatus, RequisitionStatus, StocktakeStatus

__all__ = [
    "ConsumptionLine", "DocumentKind", "IssueLine", "ItemForm", "ItemRow", "LowStockLine", "MovementKind",
    "MovementRow", "PurchaseLineForm", "PurchaseLineRow", "PurchaseRow", "PurchaseStatus", "ReceiptLine",
    "RequisitionLineForm", "RequisitionLineRow", "RequisitionRow", "RequisitionStatus", "StockShort",
    "StocktakeLineRow", "StocktakeRow", "StocktakeStatus",
]


@dataclass(frozen=True)
class ItemForm:
    name: str
    unit: str
    specification: str = ""
    category: str = ""
    location: str = ""
    barcode: str = ""
    min_qty: int = 0
    reorder_qty: int = 0  # buy up to this level (>= min_qty)
    unit_cost_cents: int = 0
    active: bool = True


@dataclass(frozen=True)
class ItemRow:
    item_id: int
    name: str
    specification: str
    unit: str
    category: str
    location: str
    barcode: str
    min_qty: int
    reorder_qty: int
    unit_cost_cents: int
    on_hand: int
    value_cents: int  # at moving average cost
    below_minimum: bool
    to_purchase: int  # up to the reorder level when below minimum, else 0
    active: bool
    version: int


@dataclass(frozen=True)
class MovementRow:
    movement_id: int
    item_id: int
    kind: MovementKind
    quantity: int  # signed
    value_cents: int  # signed
    balance_after: int
    at: datetime
    actor: str
    reason: str
    document_kind: DocumentKind
    document_id: int | None
    department: str


@dataclass(frozen=True)
class RequisitionLineForm:
    item_id: int
    quantity: int


@dataclass(frozen=True)
class RequisitionLineRow:
    line_id: int
    item_id: int
    item_name: str
    specification: str
    unit: str
    quantity: int
    issued_qty: int
    cancelled_qty: int
    open_qty: int
    on_hand: int
    quality_note: str


@dataclass(frozen=True)
class RequisitionRow:
    requisition_id: int
    status: RequisitionStatus
    requester: str
    department: str
    purpose: str
    created_at: datetime
    decided_at: datetime | None
    decided_by: str
    lines: list[RequisitionLineRow]
    age_days: int
    version: int


@dataclass(frozen=True)
class IssueLine:
    """What the desk hands out on one line now (≤ the line's open quantity and the stock on hand)."""

    line_id: int
    quantity: int
    quality_note: str = ""


@dataclass(frozen=True)
class StockShort:
    """A line that could not be issued in full: what was asked, what is on hand."""

    item_id: int
    item_name: str
    asked: int
    on_hand: int


@dataclass(frozen=True)
class PurchaseLineForm:
    item_id: int
    quantity: int
    unit_cost_cents: int = 0
    requisition_line_id: int | None = None


@dataclass(frozen=True)
class PurchaseLineRow:
    line_id: int
    item_id: int
    item_name: str
    unit: str
    quantity: int
    received_qty: int
    unit_cost_cents: int


@dataclass(frozen=True)
class PurchaseRow:
    purchase_id: int
    status: PurchaseStatus
    purpose: str
    supplier: str
    created_at: datetime
    created_by: str
    approved_by: str
    lines: list[PurchaseLineRow]
    total_cents: int
    version: int


@dataclass(frozen=True)
class ReceiptLine:
    line_id: int
    quantity: int
    unit_cost_cents: int | None = None  # None: the line's cost


@dataclass(frozen=True)
class StocktakeLineRow:
    line_id: int
    item_id: int
    item_name: str
    specification: str
    unit: str
    location: str
    book_qty: int
    counted_qty: int | None
    variance: int | None  # counted - book (盘盈 > 0, 盘亏 < 0)
    reason: str


@dataclass(frozen=True)
class StocktakeRow:
    stocktake_id: int
    status: StocktakeStatus
    scope: str
    created_at: datetime
    created_by: str
    posted_at: datetime | None
    lines: list[StocktakeLineRow] = field(default_factory=list)


@dataclass(frozen=True)
class LowStockLine:
    item_id: int
    item_name: str
    specification: str
    unit: str
    on_hand: int
    min_qty: int
    to_purchase: int


@dataclass(frozen=True)
class ConsumptionLine:
    month: date  # the first day of the month
    department: str
    item_name: str
    unit: str
    quantity: int
    value_cents: int
