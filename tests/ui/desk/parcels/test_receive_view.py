"""Receiving at the desk: one parcel, a courier's batch, the draft kept across a closed window, damaged
parcels need a photo, a scanner's burst fills the tracking number and picks the carrier."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelCondition, ParcelQuery
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels import ParcelsView
from kiosk.ui.desk.parcels.texts import is_marked
from tests.ui.desk.parcels.conftest import host, photo_bytes


@pytest.fixture
def jpeg(qapp) -> bytes:
    return photo_bytes()


def open_view(qtbot, gateway: DeskParcelsGateway, pool: WorkerPool, draft: Path) -> ParcelsView:
    view = ParcelsView(gateway, pool, draft_path=draft)
    qtbot.addWidget(view)
    view.receive.take_photo = lambda: pytest.fail("unexpected camera")
    view.receive.scan_with_camera = lambda: pytest.fail("unexpected camera")
    view.receive.choose_photo_file = lambda: pytest.fail("unexpected file dialog")
    view.resize(1400, 900)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.start()
    return view


def fill(view: ParcelsView, gateway: DeskParcelsGateway, tracking: str, name: str) -> None:
    form = view.receive
    form.tracking.setText(tracking)
    form.guess_now()
    form.recipient.choose(host(gateway, name))


def test_one_parcel_is_received_and_the_pickup_code_shown(qtbot, gateway, pool, people, draft) -> None:
    view = open_view(qtbot, gateway, pool, draft)
    fill(view, gateway, "SF123456789012", "张伟")
    assert view.receive.carrier_code() == "SF"
    view.receive.sender_box.setText("王师傅")
    view.receive.shelf.setText("A3")
    view.receive.cod.setText("12.5")
    view.receive.cod_paid_by.setText("Reception")
    view.receive.save.click()

    assert view.receive.last is not None
    assert view.pickup_code.text() == view.receive.last.pickup_code
    assert view.card.isVisible()
    assert view.receive.tracking.text() == "" and view.receive.shelf.text() == ""
    [row] = gateway.parcel_rows(gateway.parcel_ids(ParcelQuery()))
    assert (row.tracking_no, row.recipient_name, row.shelf, row.cod_cents) == ("SF123456789012", "张伟", "A3", 1250)
    assert not draft.exists()


def test_a_batch_of_three_keeps_the_couriers_fields_and_clears_the_rest(qtbot, gateway, pool, people, draft) -> None:
    view = open_view(qtbot, gateway, pool, draft)
    form = view.receive
    form.batch.setChecked(True)
    for number, name in (("SF100000000001", "张伟"), ("SF100000000002", "李娜"), ("SF100000000003", "张伟")):
        if number.endswith("1"):
            form.sender_box.setText("王师傅")
            form.company.setText("顺丰")
            form.shelf.setText("B1")
        fill(view, gateway, number, name)
        form.pieces.setValue(2)
        form.save.click()
        assert form.tracking.text() == "" and form.recipient.chosen is None and form.pieces.value() == 1
        assert (form.carrier_code(), form.sender_box.text(), form.company.text(), form.shelf.text()) == (
            "SF", "王师傅", "顺丰", "B1")
        assert form.tracking.hasFocus()
    assert form.batch_count == 3
    rows = gateway.parcel_rows(gateway.parcel_ids(ParcelQuery()))
    assert sorted(r.tracking_no for r in rows) == ["SF100000000001", "SF100000000002", "SF100000000003"]
    assert {r.shelf for r in rows} == {"B1"}


def test_the_half_filled_form_is_restored_after_the_window_closed(qtbot, gateway, pool, people, draft, jpeg) -> None:
    view = open_view(qtbot, gateway, pool, draft)
    form = view.receive
    form.batch.setChecked(True)
    form.shelf.setText("C2")
    fill(view, gateway, "SF200000000001", "李娜")
    form.set_condition(ParcelCondition.WET)
    form.note.setText("box soaked")
    form.set_photo(jpeg)
    view.stop()
    view.close()

    assert stat.S_IMODE(os.stat(draft).st_mode) == 0o600
    assert json.loads(draft.read_text(encoding="utf-8"))["tracking"] == "SF200000000001"
    again = open_view(qtbot, gateway, pool, draft).receive
    assert again.tracking.text() == "SF200000000001"
    assert again.recipient.chosen is not None and again.recipient.chosen.name == "李娜"
    assert (again.shelf.text(), again.batch.isChecked(), again.condition()) == ("C2", True, ParcelCondition.WET)
    assert again.note.text() == "box soaked" and again.photo_jpeg == jpeg
    assert again.carrier_code() == "SF"


def test_a_damaged_parcel_without_a_photo_marks_the_photo(qtbot, gateway, pool, people, draft, jpeg) -> None:
    view = open_view(qtbot, gateway, pool, draft)
    fill(view, gateway, "SF300000000001", "张伟")
    view.receive.set_condition(ParcelCondition.DAMAGED)
    assert view.receive.photo_row.isVisible() and view.receive.note.isVisible()
    view.receive.save.click()
    assert is_marked(view.receive.photo) and is_marked(view.receive.note)
    assert not is_marked(view.receive.tracking)
    assert view.receive.error.isVisible()
    assert list(gateway.parcel_ids(ParcelQuery())) == []

    view.receive.choose_photo_file = lambda: ""
    view.receive.set_photo(jpeg)
    view.receive.note.setText("corner crushed")
    view.receive.save.click()
    [row] = gateway.parcel_rows(gateway.parcel_ids(ParcelQuery()))
    assert row.condition is ParcelCondition.DAMAGED
    assert gateway.parcel(row.parcel_id).photo_jpeg == jpeg


def test_a_scanner_burst_lands_in_the_tracking_number_and_picks_the_carrier(qtbot, gateway, pool, people,
                                                                            draft) -> None:
    view = open_view(qtbot, gateway, pool, draft)
    field = view.receive.tracking
    field.setFocus()
    qtbot.keyClicks(field, "SF400000000001")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "SF400000000001"
    assert view.receive.carrier_code() == "SF"
    assert view.receive.recipient.box.hasFocus()
