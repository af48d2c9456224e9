"""The daily low-stock digest: one notice a day to the person responsible, from the digest time at the
site, whatever the number of movements, housekeeping passes and kiosks; none on a day nothing is low."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sqlalchemy import select

from kiosk.application.housekeeping import Housekeeping
from kiosk.config import Settings, SiteSettings, SuppliesSettings
from kiosk.domain.supplies import MovementKind
from kiosk.models import Notification
from kiosk.notify.templates import render
from kiosk.services.supplies import digest, items, ledger
from kiosk.services.supplies.records import ItemForm
from tests.conftest import SITE

# 07:30 in Shanghai, the day before the fixture's clock.
EARLY = datetime(2026, 6, 14, 23, 30, tzinfo=UTC)


def _settings(*responsible: str) -> Settings:
    return dataclasses.replace(Settings(), site=SiteSettings(code=SITE, timezone="Asia/Shanghai"),
                               supplies=SuppliesSettings(responsible=responsible, digest_time="08:00"))


def _item(database, name: str, *, on_hand: int, min_qty: int, reorder_qty: int) -> int:
    with database.unit_of_work("staff:amy") as uow:
        row = items.add_item(uow, ItemForm(name=name, unit="支", min_qty=min_qty, reorder_qty=reorder_qty,
                                           unit_cost_cents=150))
    if on_hand:
        with database.unit_of_work("staff:amy") as uow:
            items.receive_stock(uow, row.item_id, on_hand)
    return row.item_id


def _issue(database, item_id: int, quantity: int = 1) -> None:
    with database.unit_of_work("staff:amy") as uow:
        ledger.post(uow, item_id, MovementKind.ISSUED, -quantity)
        uow.commit()


def _digests(database) -> list[Notification]:
    with database.unit_of_work(write=False) as uow:
        rows = list(uow.session.scalars(select(Notification).where(Notification.event == digest.EVENT)
                                        .order_by(Notification.id)))
        uow.session.expunge_all()
        return rows


def test_one_digest_a_day_whatever_the_movements_and_passes(database, clock) -> None:
    clock.set(EARLY)
    pens = _item(database, "签字笔", on_hand=40, min_qty=10, reorder_qty=50)
    _item(database, "复印纸", on_hand=30, min_qty=5, reorder_qty=20)
    settings = _settings("li.na@example.com")
    desk, other_kiosk = Housekeeping(database, settings), Housekeeping(database, settings)
    for _ in range(35):  # pens: minimum 10, on hand 5; every issue below the minimum is a movement
        _issue(database, pens)
    assert desk.run_once().supplies_digest == "not_yet"  # 07:30: before the digest time
    assert _digests(database) == []

    clock.advance(minutes=31)  # 08:01
    outcomes = []
    for _ in range(5):
        outcomes += [desk.run_once().supplies_digest, other_kiosk.run_once().supplies_digest]
        _issue(database, pens)
        clock.advance(minutes=1)
    assert outcomes[:3] == ["queued", "already_queued", ""]  # then each kiosk remembers the day
    [notice] = _digests(database)
    assert (notice.channel, notice.recipient, notice.language) == ("email", "li.na@example.com", "zh_CN")
    assert notice.idempotency_key.startswith(f"{digest.EVENT}:{SITE}:2026-06-15:")
    assert [(line["name"], line["on_hand"], line["to_purchase"]) for line in notice.payload["low_stock"]] == [
        ("签字笔", 5, 45)]
    text = render(digest.EVENT, "zh_CN", notice.payload).text
    assert "签字笔：库存 5 支，最低 10 支，建议采购 45 支" in text

    clock.advance(days=1)  # the next morning: one more
    desk.run_once()
    other_kiosk.run_once()
    assert len(_digests(database)) == 2


def test_nothing_low_no_digest_until_something_runs_low_that_day(database, clock) -> None:
    paper = _item(database, "复印纸", on_hand=6, min_qty=5, reorder_qty=20)
    keeper = Housekeeping(database, _settings("li.na@example.com", "wecombot://KEY"))
    assert keeper.run_once().supplies_digest == "nothing_low"
    _issue(database, paper, 2)  # 4 left, under 5: the afternoon pass sends today's digest
    clock.advance(hours=6)
    assert keeper.run_once().supplies_digest == "queued"
    assert [(n.channel, n.recipient) for n in _digests(database)] == [
        ("email", "li.na@example.com"), ("chat", "wecombot://KEY")]


def test_nobody_responsible_nothing_queued(database) -> None:
    _item(database, "签字笔", on_hand=0, min_qty=10, reorder_qty=50)
    assert Housekeeping(database, _settings()).run_once().supplies_digest == "nobody"
    assert _digests(database) == []


def test_the_digest_reads_in_english_with_names_escaped_in_html() -> None:
    payload = {"site_name": "HQ", "date": "2026-06-15", "count": 2, "low_stock": [
        {"name": "<b>Pens</b>", "specification": "0.5mm", "unit": "pcs", "on_hand": 5, "min_qty": 10,
         "to_purchase": 45},
        {"name": "Paper", "specification": "", "unit": "reams", "on_hand": 0, "min_qty": 5, "to_purchase": 20}]}
    notice = render(digest.EVENT, "en", payload)
    assert notice.subject == "Office supplies low: 2 item(s) on 2026-06-15"
    assert "· <b>Pens</b> 0.5mm: 5 pcs on hand, minimum 10, to purchase 45 pcs\n· Paper:" in notice.text
    assert "&lt;b&gt;Pens&lt;/b&gt;" in notice.html and "<br>· Paper" in notice.html
