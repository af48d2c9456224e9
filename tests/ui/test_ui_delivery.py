"""Couriers at the kiosk: name the recipient or reception, reception and the host are told, thank you; the
desk finds the parcel's record announced, to complete when the courier hands the parcel over."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.application.gateways.desk_parcels import DeskParcelsGateway, ParcelRow, ParcelStatus, RecipientKind
from kiosk.db import Database
from kiosk.models import Notification
from kiosk.ui.kiosk.assembly import Kiosk
from tests.factories import SITE


def _notices(database: Database) -> list[tuple[str, str, dict]]:
    with database.unit_of_work(write=False) as uow:
        return sorted((n.event, n.channel, n.payload) for n in uow.session.scalars(select(Notification)))


def _announced(database: Database) -> list[ParcelRow]:
    return DeskParcelsGateway(database, SITE, actor="staff:amy").announced()


def _open(kiosk: Kiosk) -> None:
    kiosk.window.welcome.delivery.click()
    assert kiosk.window.current() is kiosk.window.delivery


def test_delivery_for_a_host_tells_reception_and_the_host(english: Kiosk, host, database: Database) -> None:
    _open(english)
    screen = english.window.delivery
    assert not screen.submit.isEnabled()  # no recipient yet
    english.flow._search_hosts("zw")
    screen.host.results.itemClicked.emit(screen.host.results.item(0))
    screen.carrier_buttons["顺丰 SF"].click()
    screen.submit.click()
    window = english.window
    assert window.current() is window.message
    assert window.message.title.text() == "Thank you"
    assert window.message.body.text() == (
        "Please leave the parcel at the front desk. 张伟 (Sales) has been told it is here.")
    notices = _notices(database)
    assert [(event, channel) for event, channel, _ in notices] == [
        ("delivery_arrived", "reception"), ("delivery_for_host", "email")]
    assert all(payload["carrier"] == "顺丰 SF" and payload["host_name"] == "张伟" for _, _, payload in notices)
    [parcel] = _announced(database)
    assert (parcel.status, parcel.recipient_kind, parcel.recipient_name, parcel.department, parcel.carrier_code) == (
        ParcelStatus.ANNOUNCED, RecipientKind.HOST, "张伟", "Sales", "SF")


def test_delivery_for_reception_tells_reception_only(english: Kiosk, host, database: Database) -> None:
    _open(english)
    screen = english.window.delivery
    screen.reception.click()
    assert screen.submit.isEnabled()
    screen.submit.click()
    assert english.window.message.body.text() == (
        "Please leave the parcel at the front desk. Reception has been told it is here.")
    [(event, channel, payload)] = _notices(database)
    assert (event, channel) == ("delivery_arrived", "reception")
    assert (payload["host_name"], payload["carrier"]) == ("", "")
    [parcel] = _announced(database)
    assert (parcel.status, parcel.recipient_kind, parcel.carrier_code) == (
        ParcelStatus.ANNOUNCED, RecipientKind.RECEPTION, "")


def test_picking_a_person_unpicks_reception_and_the_other_way_round(english: Kiosk, host) -> None:
    _open(english)
    screen = english.window.delivery
    screen.reception.click()
    english.flow._search_hosts("zw")
    screen.host.results.itemClicked.emit(screen.host.results.item(0))
    assert not screen.reception.isChecked()
    screen.reception.click()
    assert screen.host.selected is None


def test_the_carrier_is_optional_and_a_second_tap_unpicks_it(english: Kiosk) -> None:
    _open(english)
    screen = english.window.delivery
    screen.carrier_buttons["京东 JD"].click()
    screen.carrier_buttons["EMS"].click()
    assert screen.carrier() == "EMS"
    screen.carrier_buttons["EMS"].click()
    assert screen.carrier() == ""


def test_the_courier_sees_names_and_departments_only(english: Kiosk, host) -> None:
    _open(english)
    english.flow._search_hosts("zw")
    results = english.window.delivery.host.results
    texts = [child.text() for i in range(results.count())
             for child in results.itemWidget(results.item(i)).findChildren(QLabel)]
    assert texts == ["张伟 · Zhang Wei", "Sales"]  # pinyin for an English reader
    assert not any("@" in text for text in texts)


def test_thank_you_goes_back_to_welcome_by_itself_and_reads_in_chinese(kiosk: Kiosk, host, qtbot) -> None:
    _open(kiosk)
    kiosk.window.delivery.reception.click()
    kiosk.window.delivery.submit.click()
    assert kiosk.window.message.title.text() == "谢谢"
    assert kiosk.window.message.auto_return_seconds <= 10
    kiosk.flow.show(kiosk.window.message)  # restart the return timer at a test-friendly length
    kiosk.flow._return_timer.start(20)
    qtbot.waitUntil(lambda: kiosk.window.current() is kiosk.window.welcome, timeout=2000)
    assert kiosk.window.delivery.reception.isChecked() is False
