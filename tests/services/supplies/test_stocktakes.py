"""Stocktakes: the count sheet (by location, a list, the fast movers), counts typed or scanned, and posting:
every line counted, every variance with its reason (盘盈 / 盘亏), measured against the book at posting
time; afterwards book equals count, the balance still the ledger's sum."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.domain.supplies import DocumentKind, MovementKind, StocktakeStatus
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.supplies import ledger, stocktakes
from kiosk.services.supplies.stocktakes import StocktakeClosed
from tests.factories import SITE


def _item(db, name: str, *, on_hand: int = 0, cost: int = 100, location: str = "A-1", barcode: str | None = None,
          active: bool = True) -> int:
    with db.unit_of_work("test") as uow:
        item = SupplyItem(name=name, unit="支", unit_cost_cents=cost, location=location, barcode=barcode,
                          active=active, created_at=uow.now(), updated_at=uow.now())
        uow.session.add(item)
        uow.session.flush()
        if on_hand:
            ledger.post(uow, item.id, MovementKind.RECEIVED, on_hand)
        uow.commit()
        return item.id


def _move(db, item_id: int, quantity: int) -> None:
    with db.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.ISSUED if quantity < 0 else MovementKind.RECEIVED, quantity)
        uow.commit()


def _on_hand(db, item_id: int) -> tuple[int, int]:
    with db.unit_of_work(write=False) as uow:
        item = uow.session.get(SupplyItem, item_id)
        summed = uow.session.scalar(select(func.sum(StockMovement.quantity)).where(StockMovement.item_id == item_id))
        return item.on_hand, summed or 0


def _start(db, **kwargs):
    with db.unit_of_work("staff:amy") as uow:
        return stocktakes.start(uow, SITE, **kwargs)


def _count(db, stocktake_id: int, counted: int, **kwargs):
    with db.unit_of_work("staff:amy") as uow:
        return stocktakes.count(uow, SITE, stocktake_id, counted=counted, **kwargs)


def _post(db, stocktake_id: int):
    with db.unit_of_work("staff:amy") as uow:
        return stocktakes.post(uow, SITE, stocktake_id)


def _adjustments(db, stocktake_id: int) -> list[tuple[int, int, str]]:
    with db.unit_of_work(write=False) as uow:
        rows = uow.session.execute(
            select(StockMovement.item_id, StockMovement.quantity, StockMovement.reason)
            .where(StockMovement.document_kind == DocumentKind.STOCKTAKE, StockMovement.document_id == stocktake_id,
                   StockMovement.kind == MovementKind.ADJUSTED).order_by(StockMovement.id)).all()
        return [tuple(r) for r in rows]


def test_posting_makes_the_book_equal_the_count_with_gains_and_losses(database) -> None:
    pens = _item(database, "签字笔", on_hand=50, barcode="6901")
    paper = _item(database, "A4 纸", on_hand=10)
    water = _item(database, "瓶装水", on_hand=24)
    _item(database, "订书机", on_hand=3, location="B-2")  # another location: not on the sheet
    take = _start(database, location="A-1")
    assert take.status is StocktakeStatus.COUNTING and take.scope == "A-1"
    assert [(line.item_id, line.book_qty, line.counted_qty) for line in take.lines] == [
        (paper, 10, None), (water, 24, None), (pens, 50, None)]  # walking order: location, category, name
    _count(database, take.stocktake_id, 47, barcode="6901", reason="破损 3 支")  # scanned; 盘亏
    _count(database, take.stocktake_id, 12, item_id=paper, reason="上月收货未登记")  # typed; 盘盈
    row = _count(database, take.stocktake_id, 24, item_id=water)
    assert {line.item_id: line.variance for line in row.lines} == {pens: -3, paper: 2, water: 0}

    posted = _post(database, take.stocktake_id)
    assert posted.status is StocktakeStatus.POSTED and posted.posted_at is not None
    for item_id, counted in ((pens, 47), (paper, 12), (water, 24)):
        assert _on_hand(database, item_id) == (counted, counted)
    adjustments = _adjustments(database, take.stocktake_id)
    assert [(item_id, qty) for item_id, qty, _ in adjustments] == [(pens, -3), (paper, 2)]
    assert adjustments[0][2] == "盘亏 loss -3: 破损 3 支"
    assert adjustments[1][2] == "盘盈 gain +2: 上月收货未登记"


def test_a_variance_needs_a_reason_and_every_line_a_count(database) -> None:
    pens = _item(database, "签字笔", on_hand=50)
    paper = _item(database, "A4 纸", on_hand=10)
    take = _start(database, location="A-1")
    _count(database, take.stocktake_id, 48, item_id=pens)
    with pytest.raises(ValidationFailed) as refused:
        _post(database, take.stocktake_id)
    assert "not counted yet: A4 纸" in refused.value.message
    assert "without a reason: 签字笔" in refused.value.message
    _count(database, take.stocktake_id, 10, item_id=paper)
    with pytest.raises(ValidationFailed, match="without a reason: 签字笔"):
        _post(database, take.stocktake_id)
    assert _on_hand(database, pens) == (50, 50)  # nothing posted
    _count(database, take.stocktake_id, 49, item_id=pens, reason="recounted: one in the drawer")  # a recount
    assert _post(database, take.stocktake_id).status is StocktakeStatus.POSTED
    assert _on_hand(database, pens) == (49, 49)
    assert _on_hand(database, paper) == (10, 10)


def test_stock_moved_after_the_sheet_was_made_is_adjusted_against_the_current_book(database) -> None:
    pens = _item(database, "签字笔", on_hand=50)
    paper = _item(database, "A4 纸", on_hand=10)
    take = _start(database, location="A-1")
    _move(database, pens, -5)  # issued during the count: the book is 45 now
    _move(database, paper, -2)  # book 8; the count after the issue agrees with it
    _count(database, take.stocktake_id, 44, item_id=pens, reason="one missing")
    _count(database, take.stocktake_id, 8, item_id=paper)  # differs from the sheet's 10, not from the book now
    _post(database, take.stocktake_id)
    assert _on_hand(database, pens) == (44, 44)
    assert _on_hand(database, paper) == (8, 8)
    [(item_id, quantity, reason)] = _adjustments(database, take.stocktake_id)
    assert (item_id, quantity) == (pens, -1)
    assert reason.startswith("盘亏 loss -1: one missing")
    assert "book 50 on the sheet, 45 at posting" in reason


def test_one_count_per_location_at_a_time_and_closed_stocktakes_do_not_change(database) -> None:
    pens = _item(database, "签字笔", on_hand=5)
    take = _start(database, location="A-1")
    with pytest.raises(Conflict, match="still counting"):
        _start(database, location="A-1")
    with database.unit_of_work("staff:amy") as uow:
        assert stocktakes.cancel(uow, SITE, take.stocktake_id).status is StocktakeStatus.CANCELLED
    with pytest.raises(StocktakeClosed):
        _count(database, take.stocktake_id, 5, item_id=pens)
    again = _start(database, location="A-1")
    assert again.stocktake_id != take.stocktake_id
    _count(database, again.stocktake_id, 5, item_id=pens)
    _post(database, again.stocktake_id)
    with pytest.raises(StocktakeClosed, match="is posted"):
        _post(database, again.stocktake_id)


def test_counts_are_checked(database) -> None:
    pens = _item(database, "签字笔", on_hand=5)
    other = _item(database, "订书机", on_hand=1, location="B-2")
    take = _start(database, location="A-1")
    with pytest.raises(ValidationFailed, match="a count is 0"):
        _count(database, take.stocktake_id, -1, item_id=pens)
    with pytest.raises(NotFound, match="not on the count sheet"):
        _count(database, take.stocktake_id, 1, item_id=other)
    with pytest.raises(NotFound, match="the barcode 999"):
        _count(database, take.stocktake_id, 1, barcode="999")
    with pytest.raises(ValidationFailed, match="no active items at C-9"):
        _start(database, location="C-9")
    with pytest.raises(NotFound):
        _count(database, 999, 1, item_id=pens)
    _count(database, take.stocktake_id, 0, item_id=pens, reason="all gone")  # zero is a count
    _post(database, take.stocktake_id)
    assert _on_hand(database, pens) == (0, 0)


def test_the_daily_fast_movers_list(database) -> None:
    pens = _item(database, "签字笔", on_hand=50, barcode="6901")
    water = _item(database, "瓶装水", on_hand=24, location="pantry")
    _item(database, "订书机", on_hand=3)
    with database.unit_of_work("staff:amy") as uow:
        ids = stocktakes.fast_mover_ids(uow, ["瓶装水", "6901"])
        assert ids == [water, pens]
        with pytest.raises(ValidationFailed, match="回形针"):
            stocktakes.fast_mover_ids(uow, ["6901", "回形针"])
        with pytest.raises(ValidationFailed, match="no fast movers are set"):
            stocktakes.fast_mover_ids(uow, [])
    take = _start(database, item_ids=ids, scope=stocktakes.FAST_MOVERS)
    assert take.scope == "fast movers"
    assert sorted(line.item_id for line in take.lines) == sorted([pens, water])
    with pytest.raises(Conflict):
        _start(database, item_ids=ids, scope=stocktakes.FAST_MOVERS)
    with database.unit_of_work(write=False) as uow:
        listed = stocktakes.list_stocktakes(uow, SITE)
    assert [(t.stocktake_id, t.scope) for t in listed] == [(take.stocktake_id, "fast movers")]
