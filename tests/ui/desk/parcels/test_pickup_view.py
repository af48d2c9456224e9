"""Pick up at the desk: a code offers everything waiting for that person, a signature and the identity
check are required, on someone's behalf asks the collector's name, phone and signature, and a parcel
another desk handed out first is refused with who took it and when."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelQuery, ParcelStatus, PickupRequest
from kiosk.ui.desk.parcels.pickup import PickupPanel
from kiosk.ui.desk.parcels.texts import is_marked
from tests.factories import SITE
from tests.ui.desk.parcels.conftest import host, receive, sign


def panel_for(qtbot, gateway, pool) -> PickupPanel:
    panel = PickupPanel(gateway, pool)
    qtbot.addWidget(panel)
    panel.resize(900, 900)
    panel.show()
    return panel


def statuses(gateway: DeskParcelsGateway) -> dict[str, ParcelStatus]:
    return {r.tracking_no: r.status for r in gateway.parcel_rows(gateway.parcel_ids(ParcelQuery()))}


def test_a_code_offers_everything_waiting_for_that_person(qtbot, gateway, pool, people) -> None:
    first = receive(gateway, "SF500000000001", "张伟")
    receive(gateway, "SF500000000002", "张伟")
    receive(gateway, "SF500000000003", "李娜")
    panel = panel_for(qtbot, gateway, pool)
    qtbot.keyClicks(panel.code, first.pickup_code)
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    assert sorted(r.tracking_no for r in panel.rows) == ["SF500000000001", "SF500000000002"]
    assert len(panel.chosen_ids()) == 2
    assert panel.taker.text() == "张伟"

    panel.hand_over_button.click()  # neither checked nor signed
    assert is_marked(panel.identity) and is_marked(panel.signature)
    assert statuses(gateway)["SF500000000001"] is ParcelStatus.WAITING

    panel.identity.setChecked(True)
    sign(panel.signature)
    panel.hand_over_button.click()
    assert statuses(gateway) == {"SF500000000001": ParcelStatus.PICKED_UP, "SF500000000002": ParcelStatus.PICKED_UP,
                                 "SF500000000003": ParcelStatus.WAITING}
    assert panel.rows == [] and not panel.signature.has_ink()


def test_by_name_on_someones_behalf(qtbot, gateway, pool, people) -> None:
    receive(gateway, "SF600000000001", "李娜")
    panel = panel_for(qtbot, gateway, pool)
    panel.by_name.choose(host(gateway, "李娜"))
    assert [r.tracking_no for r in panel.rows] == ["SF600000000001"]
    panel.identity.setChecked(True)
    panel.identity_kind.setCurrentIndex(1)
    sign(panel.signature)
    panel.behalf.setChecked(True)
    assert panel.behalf_box.isVisible()
    panel.hand_over_button.click()
    assert is_marked(panel.collector) and is_marked(panel.collector_phone) and is_marked(panel.proxy_signature)

    panel.collector.setText("王芳")
    panel.collector_phone.setText("13800138000")
    sign(panel.proxy_signature)
    panel.hand_over_button.click()
    [row] = gateway.parcel_rows(gateway.parcel_ids(ParcelQuery()))
    detail = gateway.parcel(row.parcel_id)
    assert row.status is ParcelStatus.PICKED_UP and row.picked_up_by == "王芳"
    assert detail.on_behalf_of == "李娜" and detail.proxy_phone.endswith("13800138000")
    assert len(detail.signatures) == 2


def test_another_desk_was_first(qtbot, database, gateway, pool, people) -> None:
    parcel = receive(gateway, "SF700000000001", "张伟")
    panel = panel_for(qtbot, gateway, pool)
    panel.code.setText(parcel.pickup_code)
    panel.look_up_code()
    assert len(panel.rows) == 1
    other = DeskParcelsGateway(database, SITE, actor="staff:bob")
    [row] = other.waiting_for_code(parcel.pickup_code)
    other.hand_over(PickupRequest([row.parcel_id], {row.parcel_id: row.version}, picked_up_by="张伟",
                                  identity_checked="staff card", signature_png=b"\x89PNG sig"))

    panel.identity.setChecked(True)
    sign(panel.signature)
    panel.hand_over_button.click()
    assert panel.message.isVisible()
    assert "Already picked up by 张伟 at" in panel.message.text()
    assert panel.rows == []  # read again: nothing waits any more
