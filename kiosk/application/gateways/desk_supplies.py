"""The desk's supply cupboard: items and their balances, the ledger, requisitions (approved by the
department head at the desk or by a signed link; issued, partially when stock is short, against a
signature), purchase requests, stocktakes, low stock and the reports.

Acting as the person signed in (``actor``, ``role``: approving needs Permission.APPROVE), one unit of
work per call; the views import the value types from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kiosk.application.gateways.desk_directory import read_import_file
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.supplies import items as stock_items
from kiosk.services.supplies import purchases, reports, requisitions, stocktakes
from kiosk.services.supplies.records import (
    ConsumptionLine,
    DocumentKind,
    IssueLine,
    ItemForm,
    ItemRow,
    LowStockLine,
    MovementKind,
    MovementRow,
    PurchaseLineForm,
    PurchaseRow,
    PurchaseStatus,
    ReceiptLine,
    RequisitionLineForm,
    RequisitionRow,
    RequisitionStatus,
    StockShort,
    StocktakeRow,
    StocktakeStatus,
)
from kiosk.services.supplies.reports import OpenRequisitionLine, SlowMover, StockValue, StockValueLine, SupplyReport

__all__ = [
    "ConsumptionLine", "DeskSuppliesGateway", "DocumentKind", "IssueLine", "ItemForm", "ItemRow", "LowStockLine",
    "MovementKind", "MovementRow", "PurchaseLineForm", "PurchaseRow", "PurchaseStatus", "ReceiptLine",
    "RequisitionLineForm", "RequisitionRow", "RequisitionStatus", "StockShort", "StocktakeRow", "StocktakeStatus",
]
__all__ += ["OpenRequisitionLine", "SlowMover", "StockValue", "StockValueLine", "SupplyReport"]  # the reports


@dataclass
class DeskSuppliesGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    public_url: str = ""  # for the department head's approval links ("" = approval at the desk only)
    fast_movers: tuple[str, ...] = ()  # ``[supplies] fast_movers``: barcodes or names counted daily

    # -- items and stock -----------------------------------------------------------------------------------

    def items(self, text: str = "", *, below_minimum_only: bool = False, include_inactive: bool = False
              ) -> list[ItemRow]:
        """Every item with its balance (on hand, value, to purchase), by category and name; ``text`` searches
        name, specification, category and barcode."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stock_items.list_items(uow, text, below_minimum_only=below_minimum_only,
                                    include_inactive=include_inactive)

    def item(self, item_id: int) -> ItemRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stock_items.item_row(uow, item_id)

    def add_item(self, form: ItemForm) -> ItemRow:
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.add_item(uow, form)

    def edit_item(self, item_id: int, form: ItemForm, version: int) -> ItemRow:
        """Conflict (``stale_version``) when another desk changed the item since ``version`` was read."""
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.edit_item(uow, item_id, form, version)

    def import_items(self, path: Path) -> tuple[int, list[str]]:
        """CSV or XLSX; (items added or updated, one line per refused row)."""
        data = read_import_file(path)  # the host import's reader: a size limit, one-line errors
        plan = stock_items.plan_item_import(data, Path(path).name)
        if plan.refused:
            return 0, plan.problems
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.import_items(uow, plan)

    def receive_stock(self, item_id: int, quantity: int, unit_cost_cents: int | None, reason: str) -> ItemRow:
        """Stock taken in by hand (a purchase's delivery goes through ``receive_purchase``)."""
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.receive_stock(uow, item_id, quantity, unit_cost_cents, reason)

    def return_stock(self, item_id: int, quantity: int, reason: str, department_id: int | None = None) -> ItemRow:
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.return_stock(uow, item_id, quantity, reason, department_id)

    def move_stock(self, item_id: int, to_location: str) -> ItemRow:
        with self.database.unit_of_work(self.actor) as uow:
            return stock_items.move_stock(uow, item_id, to_location)

    def history(self, item_id: int, limit: int = 200) -> list[MovementRow]:
        """The item's ledger, newest first."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stock_items.history(uow, item_id, limit)

    def low_stock(self) -> list[LowStockLine]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stock_items.low_stock(uow)

    # -- requisitions --------------------------------------------------------------------------------------

    def create_requisition(self, requester_host_id: int, lines: list[RequisitionLineForm], purpose: str = ""
                           ) -> RequisitionRow:
        """Pending the department head's approval; the head is asked by e-mail/chat with single-use
        approve/decline links when ``public_url`` is set."""
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.create(uow, self.site_code, requester_host_id, lines, purpose)

    def item_id_for(self, ref: str) -> int:
        """The item with this barcode, else this id (NotFound): ``kioskctl requisitions|purchases``' ITEM."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return requisitions.item_id_for(uow, ref)

    def requester_id(self, email: str) -> int:
        """The active host with this e-mail (NotFound): a requisition's requester."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return requisitions.host_id_for(uow, email)

    def requisitions(self, statuses: frozenset[RequisitionStatus] = frozenset()) -> list[RequisitionRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return requisitions.list_requisitions(uow, self.site_code, statuses)

    def requisition(self, requisition_id: int) -> RequisitionRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return requisitions.get(uow, requisition_id)

    def approve_requisition(self, requisition_id: int, version: int) -> RequisitionRow:
        """At the desk: a supervisor's signature (Permission.APPROVE)."""
        requisitions.refuse_unless_approver(self.role)
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.approve(uow, requisition_id, version)

    def decline_requisition(self, requisition_id: int, version: int, note: str) -> RequisitionRow:
        requisitions.refuse_unless_approver(self.role)
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.decline(uow, requisition_id, version, note)

    def issue(self, requisition_id: int, lines: list[IssueLine], received_by: str, signature_png: bytes
              ) -> tuple[RequisitionRow, list[StockShort]]:
        """Hand out now what stock allows; short lines stay open (StockShort says what is on hand).
        Two desks issuing the last units: one succeeds, the other is refused with the quantity left."""
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.issue(uow, requisition_id, lines, received_by, signature_png)

    def cancel_rest(self, requisition_id: int, line_ids: list[int] | None = None) -> RequisitionRow:
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.cancel_rest(uow, requisition_id, line_ids)

    def purchase_for_shortfall(self, requisition_id: int) -> PurchaseRow:
        """The open quantities become a purchase request (draft) linked to their lines."""
        with self.database.unit_of_work(self.actor) as uow:
            return requisitions.purchase_for_shortfall(uow, self.site_code, requisition_id)

    # -- purchases -----------------------------------------------------------------------------------------

    def suggest_purchase(self) -> PurchaseRow | None:
        """A draft for every active item under its minimum, up to its reorder level (None: nothing low)."""
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.suggest(uow, self.site_code)

    def create_purchase(self, lines: list[PurchaseLineForm], purpose: str, supplier: str = "") -> PurchaseRow:
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.create(uow, self.site_code, lines, purpose, supplier)

    def purchases(self, statuses: frozenset[PurchaseStatus] = frozenset()) -> list[PurchaseRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return purchases.list_purchases(uow, self.site_code, statuses)

    def purchase(self, purchase_id: int) -> PurchaseRow:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return purchases.get(uow, purchase_id)

    def submit_purchase(self, purchase_id: int, version: int) -> PurchaseRow:
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.submit(uow, purchase_id, version)

    def approve_purchase(self, purchase_id: int, version: int) -> PurchaseRow:
        requisitions.refuse_unless_approver(self.role)
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.approve(uow, purchase_id, version)

    def mark_ordered(self, purchase_id: int, version: int, supplier: str = "") -> PurchaseRow:
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.mark_ordered(uow, purchase_id, version, supplier)

    def receive_purchase(self, purchase_id: int, lines: list[ReceiptLine]) -> PurchaseRow:
        """Into stock at each line's cost, partially when a delivery is short."""
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.receive(uow, purchase_id, lines)

    def cancel_purchase(self, purchase_id: int, version: int) -> PurchaseRow:
        with self.database.unit_of_work(self.actor) as uow:
            return purchases.cancel(uow, purchase_id, version)

    # -- stocktakes ----------------------------------------------------------------------------------------

    def start_stocktake(self, *, location: str = "", item_ids: list[int] | None = None, scope: str = ""
                        ) -> StocktakeRow:
        """A count sheet of the items at ``location``, or of ``item_ids`` (e.g. the daily fast movers)."""
        with self.database.unit_of_work(self.actor) as uow:
            return stocktakes.start(uow, self.site_code, location=location, item_ids=item_ids, scope=scope)

    def start_fast_movers(self) -> StocktakeRow:
        """The daily count of ``fast_movers`` (``[supplies] fast_movers``: item barcodes or names)."""
        with self.database.unit_of_work(self.actor) as uow:
            ids = stocktakes.fast_mover_ids(uow, self.fast_movers)
            return stocktakes.start(uow, self.site_code, item_ids=ids, scope=stocktakes.FAST_MOVERS)

    def stocktakes(self) -> list[StocktakeRow]:
        """Newest first, without their lines."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stocktakes.list_stocktakes(uow, self.site_code)

    def stocktake(self, stocktake_id: int) -> StocktakeRow:
        """The stocktake with its count sheet (lines in walking order: location, category, name)."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return stocktakes.get(uow, self.site_code, stocktake_id)

    def count(self, stocktake_id: int, item_id: int, counted: int, reason: str = "") -> StocktakeRow:
        """A typed count; a recount overwrites the count and the reason."""
        with self.database.unit_of_work(self.actor) as uow:
            return stocktakes.count(uow, self.site_code, stocktake_id, item_id=item_id, counted=counted,
                                    reason=reason)

    def count_scanned(self, stocktake_id: int, barcode: str, counted: int, reason: str = "") -> StocktakeRow:
        """A count by the item's scanned barcode (NotFound: not on this sheet)."""
        with self.database.unit_of_work(self.actor) as uow:
            return stocktakes.count(uow, self.site_code, stocktake_id, barcode=barcode, counted=counted,
                                    reason=reason)

    def post_stocktake(self, stocktake_id: int) -> StocktakeRow:
        """Variances become ADJUSTED movements (a reason is required for each); afterwards book equals count."""
        with self.database.unit_of_work(self.actor) as uow:
            return stocktakes.post(uow, self.site_code, stocktake_id)

    def cancel_stocktake(self, stocktake_id: int) -> StocktakeRow:
        with self.database.unit_of_work(self.actor) as uow:
            return stocktakes.cancel(uow, self.site_code, stocktake_id)

    def count_sheet(self, stocktake_id: int) -> StocktakeRow:
        """The printable count sheet as data (the gateway draws nothing: the desk view paints it, on screen
        or to PDF with QPainter): the stocktake's lines in walking order."""
        return self.stocktake(stocktake_id)

    # -- reports -------------------------------------------------------------------------------------------

    def consumption(self, month_from: date, month_to: date) -> list[ConsumptionLine]:
        """Issued less returned per site-local month, department and item."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.consumption(uow, self.site_code, month_from, month_to)

    def stock_value(self) -> StockValue:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.stock_value(uow)

    def slow_movers(self, days: int = reports.DEFAULT_SLOW_DAYS) -> list[SlowMover]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.slow_movers(uow, days)

    def open_requisitions(self) -> list[OpenRequisitionLine]:
        """Oldest first, with their age in days and age band."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.open_requisitions(uow, self.site_code)

    def export_report(self, report: str, path: Path, month_from: date | None = None, month_to: date | None = None,
                      *, slow_days: int = reports.DEFAULT_SLOW_DAYS) -> int:
        """``report``: consumption | stock_value | slow_movers | open_requisitions; CSV/XLSX by suffix."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return reports.export_report(uow, self.site_code, report, path, month_from=month_from,
                                         month_to=month_to, slow_days=slow_days)
