"""Stocktakes: a count sheet, the counts, and posting the variances so that book equals count.

A stocktake is started for the items at one storage location, or for a chosen list of items (the
daily fast movers: ``[supplies] fast_movers``, item barcodes or names), or for every active item.
Each line keeps the book (``on_hand``) when the sheet was made. Counts are typed or scanned (by the
item's barcode); a recount overwrites. Only one stocktake per scope (location) is counting at a time.

Posting needs every line counted and a reason for every variance. Stock may have moved since the
sheet was made (an issue during the count): the adjustment is measured against the book *now*
(``counted - on_hand``), so afterwards ``on_hand == counted`` for every line, and the movement's
reason says the book moved. Every adjustment is an ADJUSTED ledger line (document STOCKTAKE) and the
stocktake is POSTED, all in one transaction: a refusal posts nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.supplies import DocumentKind, MovementKind, StocktakeStatus
from kiosk.models import Site
from kiosk.models.supplies import Stocktake, StocktakeLine, SupplyItem
from kiosk.services import audit
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.supplies import ledger
from kiosk.services.supplies.records import StocktakeLineRow, StocktakeRow

__all__ = [
    "ALL_ITEMS", "FAST_MOVERS", "LIST", "StocktakeClosed", "cancel", "count", "fast_mover_ids", "get",
    "list_stocktakes", "post", "start",
]

ALL_ITEMS = "all"
FAST_MOVERS = "fast movers"
LIST = "list"
MAX_COUNT = ledger.MAX_QUANTITY
REASON_MAX = 200  # the width of stocktake_lines.reason and stock_movements.reason
SCOPE_MAX = 100


# -- reading ---------------------------------------------------------------------------------------------------


def _row(uow: UnitOfWork, take: Stocktake) -> StocktakeRow:
    pairs = uow.session.execute(
        select(StocktakeLine, SupplyItem).join(SupplyItem, SupplyItem.id == StocktakeLine.item_id)
        .where(StocktakeLine.stocktake_id == take.id)
        .order_by(SupplyItem.location, SupplyItem.category, SupplyItem.name, SupplyItem.id)
    ).all()
    lines = [
        StocktakeLineRow(
            line_id=line.id, item_id=item.id, item_name=item.name, specification=item.specification,
            unit=item.unit, location=item.location, book_qty=line.book_qty, counted_qty=line.counted_qty,
            variance=None if line.counted_qty is None else line.counted_qty - line.book_qty, reason=line.reason,
        )
        for line, item in pairs
    ]
    return StocktakeRow(stocktake_id=take.id, status=take.status, scope=take.scope, created_at=take.created_at,
                        created_by=take.created_by, posted_at=take.posted_at, lines=lines)


def _stocktake(uow: UnitOfWork, site_code: str, stocktake_id: int, *, lock: bool = False) -> Stocktake:
    site = get_site(uow, site_code)
    query = select(Stocktake).where(Stocktake.id == stocktake_id, Stocktake.site_id == site.id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    take = uow.session.scalars(query).one_or_none()
    if take is None:
        raise NotFound(f"no stocktake {stocktake_id}")
    return take


def get(uow: UnitOfWork, site_code: str, stocktake_id: int) -> StocktakeRow:
    """The stocktake with its count sheet, in walking order (location, category, name)."""
    return _row(uow, _stocktake(uow, site_code, stocktake_id))


def list_stocktakes(uow: UnitOfWork, site_code: str, *, limit: int = 100) -> list[StocktakeRow]:
    """The site's stocktakes, newest first, without their lines (``get`` reads a sheet)."""
    site = get_site(uow, site_code)
    takes = uow.session.scalars(
        select(Stocktake).where(Stocktake.site_id == site.id).order_by(Stocktake.id.desc()).limit(limit)
    ).all()
    return [StocktakeRow(t.id, t.status, t.scope, t.created_at, t.created_by, t.posted_at) for t in takes]


def fast_mover_ids(uow: UnitOfWork, names: Sequence[str]) -> list[int]:
    """The active items ``[supplies] fast_movers`` names (each a barcode or an item's exact name), in
    that order. ValidationFailed names the entries that match no item, or none configured."""
    wanted = [name.strip() for name in names if name.strip()]
    if not wanted:
        raise ValidationFailed([FieldError("fast_movers", "required",
                                           "no fast movers are set; list item barcodes or names in "
                                           "[supplies] fast_movers")])
    items = uow.session.scalars(
        select(SupplyItem).where(SupplyItem.active.is_(True),
                                 or_(SupplyItem.barcode.in_(wanted), SupplyItem.name.in_(wanted)))
        .order_by(SupplyItem.id)
    ).all()
    ids: list[int] = []
    unknown: list[str] = []
    for name in wanted:
        found = [i.id for i in items if i.barcode == name] or [i.id for i in items if i.name == name]
        if not found:
            unknown.append(name)
        ids += [i for i in found if i not in ids]
    if unknown:
        raise ValidationFailed([FieldError("fast_movers", "unknown_item",
                                           f"no active item with the barcode or name {', '.join(unknown)}")])
    return ids


# -- counting --------------------------------------------------------------------------------------------------


def start(uow: UnitOfWork, site_code: str, *, location: str = "", item_ids: Sequence[int] | None = None,
          scope: str = "") -> StocktakeRow:
    """A count sheet of the active items at ``location``, or of ``item_ids`` (``scope`` names the list, e.g.
    ``fast movers``), or of every active item when neither is given; book = on hand now.

    Conflict when a stocktake of the same scope is still counting (one count of a location at a time)."""
    site = get_site(uow, site_code)
    location = location.strip()
    if location and item_ids:
        raise ValidationFailed([FieldError("scope", "invalid", "count a location or a list of items, not both")])
    # Two desks starting the same count at once: the second waits for the first, then sees its sheet
    # (FOR NO KEY UPDATE on PostgreSQL: rows that merely refer to the site are not held up).
    uow.session.scalars(select(Site.id).where(Site.id == site.id).with_for_update(key_share=True)).one()
    query = select(SupplyItem).where(SupplyItem.active.is_(True))
    if location:
        query = query.where(SupplyItem.location == location)
        scope = location
    elif item_ids:
        wanted = list(dict.fromkeys(item_ids))
        query = query.where(SupplyItem.id.in_(wanted))
        scope = scope.strip() or LIST
    else:
        scope = scope.strip() or ALL_ITEMS
    if len(scope) > SCOPE_MAX:
        raise ValidationFailed([FieldError("location", "too_long", f"at most {SCOPE_MAX} characters")])
    items = uow.session.scalars(query.order_by(SupplyItem.id)).all()
    if item_ids:
        missing = sorted(set(item_ids) - {i.id for i in items})
        if missing:
            raise ValidationFailed([FieldError("items", "unknown_item",
                                               f"no active supply item {', '.join(map(str, missing))}")])
    if not items:
        where = f"at {location}" if location else "to count"
        raise ValidationFailed([FieldError("location" if location else "items", "empty",
                                           f"no active items {where}")])
    busy = uow.session.scalar(
        select(Stocktake.id).where(Stocktake.site_id == site.id, Stocktake.scope == scope,
                                   Stocktake.status == StocktakeStatus.COUNTING).limit(1)
    )
    if busy is not None:
        raise Conflict(f"stocktake {busy} of {scope} is still counting; post or cancel it first")
    take = Stocktake(site_id=site.id, status=StocktakeStatus.COUNTING, scope=scope, created_at=uow.now(),
                     created_by=uow.actor)
    uow.session.add(take)
    uow.session.flush()
    uow.session.add_all(StocktakeLine(stocktake_id=take.id, item_id=item.id, book_qty=item.on_hand,
                                      counted_qty=None, reason="") for item in items)
    uow.session.flush()
    audit.record(uow, "stocktake.started", "stocktake", take.id, after={"scope": scope, "items": len(items)})
    row = _row(uow, take)
    uow.commit()
    return row


class StocktakeClosed(Conflict):
    """The stocktake was posted or cancelled: it is counted, posted or cancelled no more."""

    code = "stocktake_closed"


def _counting(uow: UnitOfWork, site_code: str, stocktake_id: int) -> Stocktake:
    take = _stocktake(uow, site_code, stocktake_id, lock=True)
    if take.status is not StocktakeStatus.COUNTING:
        raise StocktakeClosed(f"stocktake {take.id} is {take.status.value}; only a stocktake still counting can change")
    return take


def count(uow: UnitOfWork, site_code: str, stocktake_id: int, *, counted: int, item_id: int | None = None,
          barcode: str = "", reason: str = "") -> StocktakeRow:
    """Record what is on the shelf for one line (typed: ``item_id``; scanned: ``barcode``). A recount
    overwrites the count and the reason."""
    take = _counting(uow, site_code, stocktake_id)
    if isinstance(counted, bool) or not isinstance(counted, int) or not 0 <= counted <= MAX_COUNT:
        raise ValidationFailed([FieldError("counted", "out_of_range", f"a count is 0 to {MAX_COUNT}")])
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise ValidationFailed([FieldError("reason", "too_long", f"at most {REASON_MAX} characters")])
    query = select(StocktakeLine).where(StocktakeLine.stocktake_id == take.id)
    if barcode.strip():
        query = query.join(SupplyItem, SupplyItem.id == StocktakeLine.item_id).where(
            SupplyItem.barcode == barcode.strip())
        what = f"the barcode {barcode.strip()}"
    elif item_id is not None:
        query = query.where(StocktakeLine.item_id == item_id)
        what = f"item {item_id}"
    else:
        raise ValidationFailed([FieldError("item", "required", "say which item: its id or its barcode")])
    line = uow.session.scalars(query).one_or_none()
    if line is None:
        raise NotFound(f"{what} is not on the count sheet of stocktake {take.id}")
    line.counted_qty = counted
    line.reason = reason
    uow.session.flush()
    row = _row(uow, take)
    uow.commit()
    return row


def _movement_reason(line: StocktakeLine, current: int) -> str:
    change = line.counted_qty - current if line.counted_qty is not None else 0
    label = "盘盈 gain" if change > 0 else "盘亏 loss"
    moved = "" if current == line.book_qty else \
        f" (book {line.book_qty} on the sheet, {current} at posting: stock moved during the count)"
    reason = f"{label} {change:+d}: {line.reason}{moved}"
    return reason if len(reason) <= REASON_MAX else reason[:REASON_MAX - 1] + "…"


def post(uow: UnitOfWork, site_code: str, stocktake_id: int) -> StocktakeRow:
    """Every variance becomes an ADJUSTED movement of ``counted - on_hand now``; the stocktake is POSTED.

    ValidationFailed (nothing posted) when a line is not counted, or differs from the book without a
    reason; both list every such item."""
    take = _counting(uow, site_code, stocktake_id)
    pairs = uow.session.execute(
        select(StocktakeLine, SupplyItem).join(SupplyItem, SupplyItem.id == StocktakeLine.item_id)
        .where(StocktakeLine.stocktake_id == take.id).order_by(SupplyItem.id)
        .with_for_update().execution_options(populate_existing=True)
    ).all()
    uncounted = [item.name for line, item in pairs if line.counted_qty is None]
    unexplained = [item.name for line, item in pairs
                   if line.counted_qty is not None and line.counted_qty != item.on_hand and not line.reason]
    errors = []
    if uncounted:
        errors.append(FieldError("counted", "required", f"not counted yet: {', '.join(uncounted)}"))
    if unexplained:
        errors.append(FieldError("reason", "required",
                                 f"count and book differ without a reason: {', '.join(unexplained)}"))
    if errors:
        raise ValidationFailed(errors)
    adjusted = 0
    for line, item in pairs:
        assert line.counted_qty is not None
        current = item.on_hand
        if line.counted_qty == current:
            continue
        ledger.post(uow, item.id, MovementKind.ADJUSTED, line.counted_qty - current,
                    reason=_movement_reason(line, current), document_kind=DocumentKind.STOCKTAKE,
                    document_id=take.id)
        adjusted += 1
    take.status = StocktakeStatus.POSTED
    take.posted_at = uow.now()
    take.posted_by = uow.actor
    uow.session.flush()
    audit.record(uow, "stocktake.posted", "stocktake", take.id, after={"lines": len(pairs), "adjusted": adjusted})
    row = _row(uow, take)
    uow.commit()
    return row


def cancel(uow: UnitOfWork, site_code: str, stocktake_id: int) -> StocktakeRow:
    """Drop a count that is still going on; the book is left as it is."""
    take = _counting(uow, site_code, stocktake_id)
    take.status = StocktakeStatus.CANCELLED
    uow.session.flush()
    audit.record(uow, "stocktake.cancelled", "stocktake", take.id)
    row = _row(uow, take)
    uow.commit()
    return row
