"""A booking in full: the preparation checklist with its quantities (water and pen and paper per attendee,
copies for the attendees and two more), ticked with who and when; confirm and cancel (with a reason); the
after-use inspection with damage, its photo and the consumables issued from the supplies; the header's alert
about meetings starting soon that are not prepared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.application.gateways.desk_rooms import BookingStatus, RoomState
from kiosk.application.gateways.desk_supplies import DeskSuppliesGateway, ItemForm
from kiosk.db import Database
from kiosk.ui.desk.rooms import SupplyChoice
from tests.factories import SITE
from tests.ui.desk.rooms_setup import E, RoomsDesk, at, close, make_desk


@pytest.fixture
def water(database: Database) -> SupplyChoice:
    supplies = DeskSuppliesGateway(database, SITE, actor="staff:amy")
    item = supplies.add_item(ItemForm(name="矿泉水", unit="瓶", specification="550ml"))
    supplies.receive_stock(item.item_id, 48, None, "opening stock")
    return SupplyChoice(item.item_id, "矿泉水 550ml", "瓶")


@pytest.fixture
def desk(qtbot, database: Database, water: SupplyChoice) -> Iterator[RoomsDesk]:
    made = make_desk(qtbot, database, supply_items=[water])
    made.add_room("Orchid", 20, "3F", frozenset({E.PROJECTOR, E.WHITEBOARD}))
    made.page.tabs.setCurrentWidget(made.page.bookings)
    made.page.start()
    yield made
    close(made)


def opened(desk: RoomsDesk, booking_id: int):
    desk.page.bookings.refresh(select=booking_id)
    panel = desk.page.bookings.panel
    assert panel.detail is not None and panel.detail.row.booking_id == booking_id
    return panel


def lines(panel) -> list[tuple[str, bool, bool]]:
    return [(box.text(), box.isChecked(), box.isEnabled()) for box in panel.ticks.values()]


def test_the_preparation_checklist_shows_the_quantities_and_who_ticked_each_line(desk) -> None:
    made = desk.book("Orchid", at(14), at(16), 12, topic="客户培训", equipment_needed=frozenset({E.PROJECTOR}),
                     catering="茶歇 15:00", print_material="培训手册").booking
    panel = opened(desk, made.booking_id)
    texts = [text for text, _on, _enabled in lines(panel)]
    assert {"Water × 12", "Copies × 14", "Pen and paper × 12", "Test the projector", "Catering: 茶歇 15:00",
            "Air conditioning at 22–25 °C"} <= set(texts)
    assert all(enabled and not on for _text, on, enabled in lines(panel))
    assert panel.prepared.text() == f"Preparation: 0 of {len(texts)} done"
    water_line = next(item_id for item_id, box in panel.ticks.items() if box.text() == "Water × 12")
    panel.ticks[water_line].click()
    assert panel.prepared.text() == f"Preparation: 1 of {len(texts)} done"
    row = next(r for r in range(panel.prepare_lines.rowCount())
               if panel.prepare_lines.itemAtPosition(r, 0).widget().text() == "Water × 12")
    assert panel.prepare_lines.itemAtPosition(row, 1).widget().text() == "amy · 09:00"
    table = desk.page.bookings.table
    assert table.item(0, 7).text() == f"1/{len(texts)}"
    panel.ticks[water_line].click()  # unticked again
    assert panel.prepared.text() == f"Preparation: 0 of {len(texts)} done"


def test_confirming_and_cancelling_with_a_reason(desk) -> None:
    made = desk.book("Orchid", at(14), at(15), 4, topic="周会").booking
    panel = opened(desk, made.booking_id)
    assert panel.status_tag.text() == "Booked" and panel.confirm_button.isVisibleTo(panel)
    panel.confirm_button.click()
    assert panel.status_tag.text() == "Confirmed" and not panel.confirm_button.isVisibleTo(panel)
    asked: list[tuple[str, ...]] = []
    panel.ask_reason = lambda *texts: asked.append(texts) or "客户改期"
    panel.cancel_button.click()
    assert asked[0][0] == f"Cancel booking #{made.booking_id}"
    assert panel.status_tag.text() == "Cancelled"
    assert not panel.cancel_button.isEnabled() and not panel.edit_button.isEnabled()
    assert all(not enabled for _text, _on, enabled in lines(panel))
    assert desk.page.bookings.rows == []  # "taking place" no longer lists it
    desk.page.bookings.shown.setCurrentIndex(2)
    assert [r.status for r in desk.page.bookings.rows] == [BookingStatus.CANCELLED]


def test_the_inspection_records_damage_with_its_photo_and_issues_consumables(desk, clock, tmp_path: Path,
                                                                             water: SupplyChoice) -> None:
    made = desk.book("Orchid", at(9, 30), at(10, 30), 8, topic="周会").booking
    panel = opened(desk, made.booking_id)
    assert not panel.inspection.isVisibleTo(panel)
    assert panel.inspect_hint.text() == "Once the meeting has started: check the room after use here."
    clock.advance(minutes=95)  # 10:35: the meeting is over
    panel.reload()
    box = panel.inspection
    assert box.isVisibleTo(panel)
    assert [b.text() for b in box.ticks.values()] == ["Room tidied", "Equipment back in place and working",
                                                      "Supplies checked", "Room restored"]
    for tick in box.ticks.values():
        tick.setChecked(True)
    box.note.setText("会议顺利")
    desk.page.refresh()  # a change elsewhere, or the minute: what is being filled in stays
    assert all(tick.isChecked() for tick in panel.inspection.ticks.values())
    assert panel.inspection.note.text() == "会议顺利"
    box.damage.setText("白板支架松动")
    photo = tmp_path / "whiteboard.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    assert image.save(str(photo))
    box.choose_photo = lambda: str(photo)
    box.photo_button.click()
    assert box.photo_name.text() == "Photo: whiteboard.png"
    assert box.item.currentText() == "矿泉水 550ml (瓶)"
    box.quantity.setValue(8)
    box.add_button.click()
    assert [box.used.item(i).text() for i in range(box.used.count())] == ["矿泉水 550ml × 8 瓶"]
    box.record_button.click()
    assert panel.message.text() == "Inspection recorded; the organiser gets the summary."
    assert panel.status_tag.text() == "Done"
    assert panel.inspect_hint.text().startswith("Inspected.\nRoom tidied: amy · 06-15 10:35")
    damage_fact = next(r for r in range(panel.facts.rowCount())
                       if panel.facts.itemAtPosition(r, 0).widget().text() == "Damage")
    assert panel.facts.itemAtPosition(damage_fact, 1).widget().text() == "白板支架松动 (amy · 06-15 10:35)"
    supplies = DeskSuppliesGateway(desk.database, SITE, actor="staff:amy")
    assert supplies.items("矿泉水")[0].on_hand == 40
    damage = desk.page.damage
    desk.page.tabs.setCurrentWidget(damage)
    assert [(damage.table.item(0, c).text()) for c in (0, 1, 2, 4, 5)] == ["Orchid", "白板支架松动", "amy",
                                                                            f"#{made.booking_id}", "yes"]
    assert damage.out_of_order.text() == "Orchid · 3F"
    damage.table.selectRow(0)
    damage.photo_button.click()
    assert damage.photo.pixmap() is not None and not damage.photo.pixmap().isNull()
    damage.ask_repair_note = lambda row: "更换支架"
    damage.repair_button.click()
    assert damage.message.text() == "Orchid is back in order."
    assert damage.table.rowCount() == 0
    assert damage.out_of_order.text() == "None: every room is in order."
    desk.page.tabs.setCurrentWidget(desk.page.board)
    assert desk.page.board.board.rows[0].state is not RoomState.OUT_OF_ORDER


def test_a_meeting_soon_and_not_prepared_is_in_the_header_once(desk, qtbot) -> None:
    assert not desk.page.alert_chip.isVisibleTo(desk.page)
    made = desk.book("Orchid", at(9, 10), at(10), 6, topic="周会").booking
    with qtbot.waitSignal(desk.page.attention) as told:
        desk.page.refresh()
    assert told.args == [f"Not prepared yet: Orchid #{made.booking_id} 周会 (张伟) 09:10–10:00"]
    assert desk.page.alert_chip.isVisibleTo(desk.page)
    assert desk.page.alert_chip.text() == "⚠ 1 meeting(s) starting soon not prepared"
    with qtbot.assertNotEmitted(desk.page.attention):
        desk.page.refresh()  # told once
    shown: list[object] = []
    desk.page.open_detail = shown.append
    desk.page.alert_chip.click()
    assert shown and shown[0].panel.detail.row.booking_id == made.booking_id
