"""Two desks issue the last units of one item at the same moment: the first succeeds, the second waits
for it (SQLite: the write transaction; PostgreSQL: the row lock), then is told the quantity left."""

from __future__ import annotations

import threading
import time

from kiosk.domain.supplies import MovementKind
from kiosk.services.supplies import items, ledger
from kiosk.services.supplies.ledger import StockShortError
from kiosk.services.supplies.records import ItemForm

WAIT = 10.0


def test_two_desks_issue_the_last_units_one_succeeds_the_other_hears_what_is_left(database) -> None:
    with database.unit_of_work("staff:amy") as uow:
        pens = items.add_item(uow, ItemForm(name="签字笔", unit="支", specification="0.5mm 黑", min_qty=10,
                                            reorder_qty=50, unit_cost_cents=150))
    with database.unit_of_work("staff:amy") as uow:
        items.receive_stock(uow, pens.item_id, 5)

    posted, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first_desk() -> None:
        try:
            with database.unit_of_work("staff:amy") as uow:
                ledger.post(uow, pens.item_id, MovementKind.ISSUED, -3, reason="desk 1")
                posted.set()
                release.wait(WAIT)  # holds its lock while the other desk asks
                uow.commit()
            outcome["first"] = "issued"
        except Exception as exc:  # pragma: no cover - reported by the assertion below
            outcome["first"] = exc
            posted.set()

    def second_desk() -> None:
        posted.wait(WAIT)
        try:
            with database.unit_of_work("staff:bob") as uow:
                ledger.post(uow, pens.item_id, MovementKind.ISSUED, -3, reason="desk 2")
                uow.commit()
            outcome["second"] = "issued"
        except Exception as exc:
            outcome["second"] = exc

    threads = [threading.Thread(target=first_desk), threading.Thread(target=second_desk)]
    for thread in threads:
        thread.start()
    assert posted.wait(WAIT)
    time.sleep(0.3)
    assert "second" not in outcome  # the second desk waits for the first
    release.set()
    for thread in threads:
        thread.join(WAIT)
    assert outcome["first"] == "issued"
    short = outcome["second"]
    assert isinstance(short, StockShortError)
    assert (short.item_name, short.asked, short.on_hand) == ("签字笔", 3, 2)
    assert short.message == "only 2 支 of 签字笔 on hand; 3 asked"
    with database.unit_of_work(write=False) as uow:
        row = items.item_row(uow, pens.item_id)
        lines = items.history(uow, pens.item_id)
    assert (row.on_hand, row.below_minimum) == (2, True)
    assert [(m.quantity, m.reason) for m in lines] == [(-3, "desk 1"), (5, "")]
