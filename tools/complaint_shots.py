"""The desk's complaints for ``tools/screenshots.py``: a week's complaints in every state, and their pictures
(the list with an overdue one chosen, one resolved and waiting for the customer with its notes, the New
complaint dialog filled in)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QWidget

from kiosk.application.gateways.desk_complaints import (
    ComplaintChannel,
    ComplaintForm,
    ComplaintStatus,
    DeskComplaintsGateway,
)
from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.services.desk import complaints
from kiosk.ui.common.theme import admin_stylesheet
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records.complaint_dialogs import NewComplaintDialog
from kiosk.ui.desk.records.complaints import ComplaintsView, complaints_view
from kiosk.ui.desk.window import DeskWindow
from tools.shooting import shot_saver


def seed_complaints(database: Database, site_code: str, clock: FixedClock) -> None:
    desk = DeskComplaintsGateway(database, site_code, actor="staff:screenshots")
    departments = {choice.name: choice.department_id for choice in desk.departments()}
    admin, sales = departments.get("行政部"), departments.get("销售部")
    li_na = next(iter(desk.find_people("李娜")), None)
    person = li_na.host_id if li_na is not None else None

    def at(hours_ago: float, action: Callable[..., Any], *args: Any) -> Any:
        clock.advance(hours=-hours_ago)
        try:
            return action(*args)
        finally:
            clock.advance(hours=hours_ago)

    closed = at(70, desk.add, ComplaintForm("周建国", "13912345678", "会议室投影仪在客户演示时故障，前台未及时协助。",
                                            channel=ComplaintChannel.PHONE, department_id=admin)).complaint_id
    at(52, desk.resolve, closed, "已更换投影仪，并向周先生致电道歉。")
    at(51, desk.record_satisfaction, closed, 4)
    waiting = at(50, desk.add, ComplaintForm(
        "Sarah Miller", "sarah.miller@example.org", "My visitor badge was printed with my name misspelt, and I was "
        "kept waiting 25 minutes in the lobby.", channel=ComplaintChannel.EMAIL, department_id=sales,
        assignee_host_id=person)).complaint_id
    at(49, desk.add_note, waiting, "Called Ms Miller back; apologised. The host was in a meeting without a phone.")
    at(30, desk.mark_in_progress, waiting)
    at(30, desk.add_note, waiting, "销售部已联系客户，约定下次来访由前台提前准备访客证。")
    at(26, desk.resolve, waiting, "We apologise. The badge template now checks the name as typed, and the host's "
                                  "team will meet you at the lobby next time.")
    late = at(30, desk.add, ComplaintForm("王先生", "13700137000", "大堂空调太冷，等候 40 分钟无人理会。",
                                          channel=ComplaintChannel.IN_PERSON, department_id=admin)).complaint_id
    at(29, desk.add_note, late, "已转行政部，物业尚未回复。")
    with database.unit_of_work("system:housekeeping") as uow:
        complaints.escalate_overdue(uow)
    at(2, desk.add, ComplaintForm("陈女士", "chen.li@example.com", "停车场收费与门口告示不符，多收了 10 元。",
                                  channel=ComplaintChannel.PHONE, department_id=admin))


def complaint_shots(desk: DeskWindow, database: Database, site_code: str, pool: WorkerPool, out: Path, *,
                    suffix: str, zone: ZoneInfo, now: Callable[[], datetime]) -> None:
    """In the desk's Front desk records page when it is there; else the view alone at the desk's size."""
    view, frame = _complaints_view(desk, database, site_code, pool, zone, now)

    shoot = shot_saver(out, suffix)

    view.refresh()
    late = next((row for row in view.rows if row.overdue), None)
    if late is not None:
        view.choose(late.complaint_id)
    shoot("records-complaints", frame)
    view.shown.setCurrentIndex(view.shown.findData("all"))
    waiting = next((row for row in view.rows if row.status is ComplaintStatus.RESOLVED), None)
    if waiting is not None:
        view.choose(waiting.complaint_id)
    shoot("records-complaint-waiting", frame)
    view.shown.setCurrentIndex(view.shown.findData("active"))
    dialog = NewComplaintDialog(frame, view.gateway, pool, view.gateway.departments(), zone=zone, now=now())
    dialog.setStyleSheet(admin_stylesheet() + dialog.styleSheet())
    dialog.customer.setText("李先生")
    dialog.contact.setText("13812345678")
    dialog.what.setPlainText("访客 Wi-Fi 密码无效，前台给的纸条已过期。")
    dialog.channel.setCurrentIndex(dialog.channel.findData(ComplaintChannel.IN_PERSON))
    dialog.routing.search.setText("李娜")
    dialog.routing.look_up()
    dialog.show()
    shoot("records-complaint-new", dialog)
    dialog.close()
    dialog.deleteLater()
    if frame is not desk:
        frame.close()
        frame.deleteLater()


def _complaints_view(desk: DeskWindow, database: Database, site_code: str, pool: WorkerPool, zone: ZoneInfo,
                     now: Callable[[], datetime]) -> tuple[ComplaintsView, QWidget]:
    assert desk.shell is not None
    page = desk.shell.view("records")
    tabs = getattr(page, "tabs", None)
    if page is not None and tabs is not None:
        desk.shell.show_view("records")
        for index in range(tabs.count()):
            if isinstance(tabs.widget(index), ComplaintsView):
                tabs.setCurrentIndex(index)
                return tabs.widget(index), desk
    alone = complaints_view(DeskComplaintsGateway(database, site_code, actor="staff:screenshots"), pool, zone=zone,
                            now=now)
    assert isinstance(alone, ComplaintsView)
    alone.setStyleSheet(admin_stylesheet() + alone.styleSheet())
    alone.resize(desk.size())
    alone.show()
    return alone, alone
