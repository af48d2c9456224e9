"""The desk's phone messages for ``tools/screenshots.py``: a morning's calls in every state (an urgent message
nobody acknowledged, reminded and passed to the department's contact; one acknowledged by the colleague's
link with a call back promised; one called back; transfers asked "resolved?"), and their pictures: the list
with the overdue one chosen, a transfer chosen, and the quick form (Ctrl+M) filled in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.application.gateways.desk_messages import (
    CallKind,
    DeskMessagesGateway,
    MessageForm,
    TransferForm,
    Urgency,
)
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.services.desk import message_notices
from kiosk.ui.desk.records import RecordsPage
from kiosk.ui.desk.records.message_form import QuickMessageDialog
from kiosk.ui.desk.window import DeskWindow
from tools.shooting import shot_saver


def seed_messages(database: Database, site_code: str, clock: FixedClock) -> None:
    desk = DeskMessagesGateway(database, site_code, actor="staff:reception")
    people = {(host.name, host.department): host.id for name in ("张伟", "李娜", "杨帆", "孙丽")
              for host in desk.search_hosts(name)}
    zhang, li_na = people[("张伟", "销售部")], people[("李娜", "销售部")]
    yang_fan, sun_li = people[("杨帆", "研发部")], people[("孙丽", "行政部")]
    now = clock.now()

    def at(minutes_ago: int, action: Callable[..., Any], *args: Any) -> Any:
        clock.set(now - timedelta(minutes=minutes_ago))
        try:
            return action(*args)
        finally:
            clock.set(now)

    at(185, desk.add_transfer, TransferForm(caller_name="陈经理", caller_company="华东物流", phone="13611112222",
                                            message="确认本周送货时间", for_host_id=sun_li))
    called = at(150, desk.add_message, MessageForm(
        caller_name="Tom Walker", caller_company="Pacific Freight", phone="+1 415 555 0134",
        message="Please confirm the container booking for next Tuesday.", for_host_id=li_na))
    at(120, desk.called_back, called.message_id)
    at(75, desk.add_message, MessageForm(
        caller_name="王总", caller_company="远航贸易", phone="13912345678",
        message="合同条款有变，今天下班前务必回电。", for_host_id=zhang, urgency=Urgency.URGENT,
        callback_promised_at=now - timedelta(minutes=15)))
    for minutes_ago in (44, 14):  # housekeeping's passes: reminded at 30 minutes, the contact told at 60
        clock.set(now - timedelta(minutes=minutes_ago))
        with database.unit_of_work("system:housekeeping") as uow:
            message_notices.remind_and_escalate(uow, 30, 60)
    clock.set(now)
    acknowledged = at(40, desk.add_message, MessageForm(
        caller_name="刘女士", caller_company="", phone="021 6234 5678", message="面试时间能否改到周四下午？",
        for_host_id=yang_fan, callback_promised_at=now + timedelta(hours=2)))
    by_link = DeskMessagesGateway(database, site_code, actor="host:yang.fan@demo.example.com")  # "got it"
    at(35, by_link.acknowledge, acknowledged.message_id)
    at(8, desk.add_transfer, TransferForm(caller_name="赵先生", caller_company="星光科技", phone="13800001234",
                                          message="询问发票寄送", for_host_id=li_na))


def message_shots(desk: DeskWindow, out: Path, suffix: str) -> None:
    assert desk.shell is not None

    shoot = shot_saver(out, suffix, desk)

    desk.shell.show_view("records")
    page = desk.shell.view("records")
    assert isinstance(page, RecordsPage)
    view = page.messages
    view.refresh()
    page.refresh_counts()
    urgent = next(r for r in view.rows if r.urgency is Urgency.URGENT)
    view.choose(urgent.message_id)
    shoot("records-messages")
    transfer = next(r for r in view.rows if r.kind is CallKind.TRANSFER)
    view.choose(transfer.message_id)
    shoot("records-transfer")
    opened: list[QuickMessageDialog] = []
    view.run_dialog = lambda dialog: opened.append(dialog)  # type: ignore[arg-type, return-value]
    page.quick_message()
    dialog = opened[0]
    dialog.caller.setText("周先生")
    dialog.company.setText("蓝海咨询")
    dialog.phone.setText("138 0013 8000")
    dialog.host.edit.setText("wf")
    dialog.host.search_now()
    dialog.host.pick(0)
    dialog.message.setPlainText("关于下周培训的报价，请回电。")
    dialog.promised.setChecked(True)
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    dialog.grab().save(str(out / f"desk-records-quick-message-{suffix}.png"))
    dialog.reject()
    view.run_dialog = lambda dialog: dialog.open()  # type: ignore[assignment]
