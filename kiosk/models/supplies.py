"""Office supplies: items with their cached balance, the stock ledger, requisitions, purchases, stocktakes.

The ledger is the truth: an item's ``on_hand`` and ``value_cents`` are kept in step with it in the same
transaction as every movement (a test holds them equal to the ledger's sums), so balances are read
without summing a million rows, and ``on_hand >= 0`` is a database constraint.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.supplies import DocumentKind, MovementKind, PurchaseStatus, RequisitionStatus, StocktakeStatus
from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import str_enum
from kiosk.models.org import Department, Host


class SupplyItem(Base):
    __tablename__ = "supply_items"
    __table_args__ = (
        CheckConstraint("on_hand >= 0", name="on_hand_not_negative"),
        Index("ix_supply_items_category_name", "category", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    specification: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(16))  # 支, 包, 箱, ...
    category: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(50), default="")
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    min_qty: Mapped[int] = mapped_column(Integer, default=0)  # below this: ask for a purchase
    reorder_qty: Mapped[int] = mapped_column(Integer, default=0)  # buy up to this level
    unit_cost_cents: Mapped[int] = mapped_column(Integer, default=0)  # the last known price, for suggestions
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    # Stock value at moving average cost, in cents: an issue takes out on_hand's share of it.
    value_cents: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Optimistic locking for edits of the item's own fields (stock moves use guarded UPDATEs instead).
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class StockMovement(Base):
    """The ledger: never updated or deleted, only added to."""

    __tablename__ = "stock_movements"
    __table_args__ = (
        Index("ix_stock_movements_item_id", "item_id", "id"),
        Index("ix_stock_movements_at", "at"),
        Index("ix_stock_movements_department_at", "department_id", "at"),
        Index("ix_stock_movements_document", "document_kind", "document_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id"))
    kind: Mapped[MovementKind] = mapped_column(str_enum(MovementKind))
    quantity: Mapped[int] = mapped_column(Integer)  # signed
    value_cents: Mapped[int] = mapped_column(Integer)  # signed, at the cost the movement carried
    balance_after: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(200), default="")
    document_kind: Mapped[DocumentKind] = mapped_column(str_enum(DocumentKind))
    document_id: Mapped[int | None] = mapped_column(Integer)
    # The department the stock went to (issues), for consumption per department and month.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    location_from: Mapped[str] = mapped_column(String(50), default="")
    location_to: Mapped[str] = mapped_column(String(50), default="")

    item: Mapped[SupplyItem] = relationship()


class Requisition(Base):
    __tablename__ = "requisitions"
    __table_args__ = (Index("ix_requisitions_site_status_created", "site_id", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[RequisitionStatus] = mapped_column(str_enum(RequisitionStatus))
    requester_host_id: Mapped[int] = mapped_column(ForeignKey("hosts.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str] = mapped_column(String(64), default="")  # the head (host:<email>) or staff:<name>
    decision_note: Mapped[str] = mapped_column(String(200), default="")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    requester: Mapped[Host] = relationship()
    department: Mapped[Department | None] = relationship()


class RequisitionLine(Base):
    __tablename__ = "requisition_lines"
    __table_args__ = (
        CheckConstraint("issued_qty + cancelled_qty <= quantity", name="not_more_than_asked"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    requisition_id: Mapped[int] = mapped_column(ForeignKey("requisitions.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    issued_qty: Mapped[int] = mapped_column(Integer, default=0)
    cancelled_qty: Mapped[int] = mapped_column(Integer, default=0)
    quality_note: Mapped[str] = mapped_column(String(200), default="")  # pens write, notebooks intact

    item: Mapped[SupplyItem] = relationship()


class SupplyIssue(Base):
    """One handing-out against a requisition: who received, signed on screen (the issue register)."""

    __tablename__ = "supply_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    requisition_id: Mapped[int] = mapped_column(ForeignKey("requisitions.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(64))
    received_by: Mapped[str] = mapped_column(String(100))
    signature_png: Mapped[bytes] = mapped_column(LargeBinary)


class PurchaseRequest(Base):
    __tablename__ = "purchase_requests"
    __table_args__ = (Index("ix_purchase_requests_site_status", "site_id", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[PurchaseStatus] = mapped_column(str_enum(PurchaseStatus))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    supplier: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str] = mapped_column(String(64), default="")
    ordered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)


class PurchaseLine(Base):
    __tablename__ = "purchase_lines"
    __table_args__ = (CheckConstraint("received_qty <= quantity", name="not_more_than_ordered"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchase_requests.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    received_qty: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    # A requisition line stock was short for, when the purchase comes from one.
    requisition_line_id: Mapped[int | None] = mapped_column(ForeignKey("requisition_lines.id"))

    item: Mapped[SupplyItem] = relationship()


class Stocktake(Base):
    __tablename__ = "stocktakes"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[StocktakeStatus] = mapped_column(str_enum(StocktakeStatus))
    scope: Mapped[str] = mapped_column(String(100), default="")  # a location, "fast movers", or "all"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    posted_by: Mapped[str] = mapped_column(String(64), default="")


class StocktakeLine(Base):
    __tablename__ = "stocktake_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id"))
    book_qty: Mapped[int] = mapped_column(Integer)  # the book when the count sheet was made
    counted_qty: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")  # why book and count differ
