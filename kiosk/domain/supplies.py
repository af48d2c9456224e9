"""Office supplies at the front desk: the closed sets the supply services, the desk and kioskctl share."""

from __future__ import annotations

from enum import StrEnum


class MovementKind(StrEnum):
    """One line of the stock ledger. Quantities are signed: into stock positive, out negative."""

    RECEIVED = "received"  # a purchase delivered (or stock taken in by hand), at its cost
    ISSUED = "issued"  # handed out against a requisition
    RETURNED = "returned"  # given back to the cupboard
    ADJUSTED = "adjusted"  # a stocktake's variance (盘盈 gain / 盘亏 loss), or a correction with its reason
    MOVED = "moved"  # to another storage location (quantity 0 on the balance; the location changes)


class RequisitionStatus(StrEnum):
    PENDING_APPROVAL = "pending_approval"  # waiting for the department head's signature
    APPROVED = "approved"
    PARTIALLY_ISSUED = "partially_issued"  # some lines short: the rest stays open
    ISSUED = "issued"  # every line issued or the rest cancelled
    DECLINED = "declined"
    CANCELLED = "cancelled"


class PurchaseStatus(StrEnum):
    DRAFT = "draft"  # suggested from items under minimum, or written by hand
    PENDING_APPROVAL = "pending_approval"
    APPROVED = "approved"
    ORDERED = "ordered"
    PARTIALLY_RECEIVED = "partially_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class StocktakeStatus(StrEnum):
    COUNTING = "counting"
    POSTED = "posted"  # variances became adjustments; book equals count
    CANCELLED = "cancelled"


class DocumentKind(StrEnum):
    """What a ledger line belongs to."""

    REQUISITION = "requisition"
    PURCHASE = "purchase"
    STOCKTAKE = "stocktake"
    MANUAL = "manual"
    MEETING = "meeting"  # consumables used by a meeting, issued at its after-use check (a booking's id)
