"""The stock ledger's invariants: the balance is the ledger's sum, never negative, valued at moving average."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.domain.supplies import MovementKind
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.services.supplies import ledger
from kiosk.services.supplies.ledger import StockShortError

NOW = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


def _item(db, *, on_hand: int = 0, cost: int = 150) -> int:
    with db.unit_of_work("test") as uow:
        item = SupplyItem(name="签字笔", specification="0.5 mm 黑", unit="支", unit_cost_cents=cost, min_qty=10,
                          reorder_qty=50, created_at=uow.now(), updated_at=uow.now())
        uow.session.add(item)
        uow.session.flush()
        if on_hand:
            ledger.post(uow, item.id, MovementKind.RECEIVED, on_hand)
        uow.commit()
        return item.id


def _books(db, item_id: int) -> tuple[int, int, int, int]:
    with db.unit_of_work(write=False) as uow:
        item = uow.session.get(SupplyItem, item_id)
        summed = uow.session.execute(select(func.coalesce(func.sum(StockMovement.quantity), 0),
                                            func.coalesce(func.sum(StockMovement.value_cents), 0))
                                     .where(StockMovement.item_id == item_id)).one()
        return item.on_hand, summed[0], item.value_cents, summed[1]


moves = st.lists(st.tuples(st.sampled_from([MovementKind.RECEIVED, MovementKind.ISSUED, MovementKind.RETURNED,
                                            MovementKind.ADJUSTED]),
                           st.integers(min_value=-40, max_value=40), st.integers(min_value=0, max_value=999)),
                 max_size=25)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=moves)
def test_the_balance_is_always_the_ledgers_sum_and_never_negative(database, sequence) -> None:
    item_id = _item(database)
    for kind, quantity, cost in sequence:
        signed = -abs(quantity) if kind is MovementKind.ISSUED else abs(quantity) if kind in (
            MovementKind.RECEIVED, MovementKind.RETURNED) else quantity
        try:
            with database.unit_of_work("staff:amy") as uow:
                ledger.post(uow, item_id, kind, signed, unit_cost_cents=cost if signed > 0 else None)
                uow.commit()
        except StockShortError as short:
            assert short.on_hand < short.asked
        on_hand, summed, value, summed_value = _books(database, item_id)
        assert on_hand == summed >= 0 and value == summed_value
        assert (value == 0) if on_hand == 0 else value >= 0


def test_issuing_more_than_on_hand_names_the_item_and_what_is_left(database) -> None:
    item_id = _item(database, on_hand=5)
    with pytest.raises(StockShortError) as short, database.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.ISSUED, -6)
    assert (short.value.asked, short.value.on_hand) == (6, 5)
    assert short.value.message == "only 5 支 of 签字笔 on hand; 6 asked"
    assert _books(database, item_id)[:2] == (5, 5)


def test_moving_average_cost(database) -> None:
    item_id = _item(database)
    with database.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.RECEIVED, 10, unit_cost_cents=100)
        ledger.post(uow, item_id, MovementKind.RECEIVED, 10, unit_cost_cents=200)
        out = ledger.post(uow, item_id, MovementKind.ISSUED, -5)
        uow.commit()
    assert out.value_cents == -750  # 5 of 20 units worth 3,000 cents
    assert _books(database, item_id)[2] == 2250


def test_a_return_comes_back_at_the_average_cost_not_the_last_price(database) -> None:
    item_id = _item(database, cost=100)
    with database.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.RECEIVED, 10, unit_cost_cents=100)
        ledger.post(uow, item_id, MovementKind.RECEIVED, 10, unit_cost_cents=300)  # average 200, last 300
        ledger.post(uow, item_id, MovementKind.ISSUED, -4)
        back = ledger.post(uow, item_id, MovementKind.RETURNED, 2)
        uow.commit()
    assert back.value_cents == 400
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(SupplyItem, item_id).unit_cost_cents == 300  # the last price stays the last price
