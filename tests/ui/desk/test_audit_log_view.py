"""The audit log at the desk: newest first in words, filtered by person, action, object and the site's
days, the chosen event in full, live; a receptionist's view shows a refusal, never the trail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt, QTranslator
from PySide6.QtWidgets import QLabel

from kiosk.application.gateways.desk_audit import DeskAuditGateway
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.domain.security import StaffRole
from kiosk.services import audit
from kiosk.ui.common.assets import asset
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.audit_log import AuditLogView
from tests.factories import SITE

ZONE = ZoneInfo("Asia/Shanghai")


def _event(db: Database, actor: str, action: str, entity: str = "visit", entity_id: int | None = 1, *,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None) -> None:
    with db.unit_of_work(actor) as uow:
        audit.record(uow, action, entity, entity_id, before=before, after=after)
        uow.commit()
    db.clock.advance(minutes=1)


def _view(qtbot, database: Database, role: StaffRole = StaffRole.SUPERVISOR,
          live: LiveChanges | None = None) -> AuditLogView:
    pool = WorkerPool(synchronous=True)
    view = AuditLogView(DeskAuditGateway(database, SITE, "staff:sue", role), pool, zone=ZONE,
                        now=database.clock.now, live=live, filter_delay_ms=10, live_coalesce_ms=10)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _rows(view: AuditLogView) -> list[list[str]]:
    model = view.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def _choose(combo, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    combo.setCurrentIndex(index)


@pytest.fixture
def trail(database: Database) -> Database:
    _event(database, "kiosk:K1", "visit.walk_in", "visit", 7, after={"status": "pending_approval"})
    _event(database, "staff:amy", "visit.approved", "visit", 7,
           before={"status": "pending_approval"}, after={"status": "approved"})
    _event(database, "kiosk:K1", "visit.checked_in", "visit", 7,
           before={"status": "approved"}, after={"status": "checked_in"})
    _event(database, "staff:amy", "staff.role_changed", "staff_user", 3,
           before={"role": "receptionist"}, after={"role": "supervisor"})
    _event(database, "staff:bob", "badge.reprint", "badge_print_job", 12, after={"reason": "<h2>x</h2>"})
    return database


@pytest.fixture
def view(qtbot, trail: Database) -> Iterator[AuditLogView]:
    shown = _view(qtbot, trail)
    shown.start()
    yield shown
    shown.stop()


def test_newest_first_in_words_with_the_details(view: AuditLogView) -> None:
    rows = _rows(view)
    assert [row[2] for row in rows] == ["Badge reprinted", "Role changed", "Checked in", "Approved",
                                        "Registered at the kiosk"]
    assert rows[2] == ["2026-06-15 09:02:00", "kiosk:K1", "Checked in", "Visit 7", "Status: Approved \u2192 On site"]
    assert rows[1][3:] == ["Staff account 3", "Role: Receptionist \u2192 Supervisor"]
    assert rows[0][4] == "Reason: <h2>x</h2>"  # as written; table cells are plain text
    assert view.count.text() == "Events: 5"


def test_filters_by_person_action_object_and_days(qtbot, view: AuditLogView, trail: Database) -> None:
    view.person.setText("staff:amy")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert [row[2] for row in _rows(view)] == ["Role changed", "Approved"]
    view.person.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 5)

    _choose(view.action, "visit.checked_in")
    assert view.action.currentText() == "Checked in (visit.checked_in)"
    assert [row[2] for row in _rows(view)] == ["Checked in"]
    _choose(view.action, "visit.")
    assert view.action.currentText() == "Visits: every action"
    assert [row[2] for row in _rows(view)] == ["Checked in", "Approved", "Registered at the kiosk"]
    _choose(view.action, "")

    assert not view.entity_id.isEnabled()
    _choose(view.entity, "staff_user")
    assert view.entity.currentText() == "Staff account" and view.entity_id.isEnabled()
    assert [row[3] for row in _rows(view)] == ["Staff account 3"]
    _choose(view.entity, "visit")
    view.entity_id.setText("8")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    view.entity_id.setText("7")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)

    view.clear_filters()
    assert view.model.rowCount() == 5 and view.query() == view.model.query
    # Days are the site's: 00:30 on the 16th in Shanghai is still the 15th in UTC.
    trail.clock.set(datetime(2026, 6, 15, 16, 30, tzinfo=UTC))
    _event(trail, "staff:amy", "visit.checked_out", "visit", 7)
    view.refresh()
    _choose(view.period, "custom")
    assert view.first_day.isVisible()
    view.first_day.setDate(QDate(2026, 6, 16))
    view.last_day.setDate(QDate(2026, 6, 16))
    assert view.query().first_day == date(2026, 6, 16)
    assert [row[2] for row in _rows(view)] == ["Signed out"]
    view.first_day.setDate(QDate(2026, 6, 15))
    view.last_day.setDate(QDate(2026, 6, 15))
    assert view.model.rowCount() == 5


def test_one_objects_history_from_anywhere(view: AuditLogView) -> None:
    view.person.setText("staff:bob")
    view.apply_filters()
    view.show_object("visit", 7)
    assert (view.person.text(), view.entity.currentText(), view.entity_id.text()) == ("", "Visit", "7")
    assert [row[2] for row in _rows(view)] == ["Checked in", "Approved", "Registered at the kiosk"]
    assert view.first_day.date() == QDate(2026, 6, 9)  # a week back from the site's today, for "Choose dates"


def test_the_filter_lists_name_what_the_trail_holds(view: AuditLogView) -> None:
    offered = [view.action.itemText(i) for i in range(view.action.count())]
    assert offered[:4] == ["Any action", "Badges: every action", "Staff accounts: every action",
                           "Visits: every action"]
    assert "Badge reprinted (badge.reprint)" in offered
    people = view.person.completer().model().stringList()
    assert people == ["kiosk:K1", "staff:amy", "staff:bob"]


def test_the_chosen_event_in_full_shows_what_was_written_as_written(view: AuditLogView) -> None:
    view.table.selectRow(0)
    panel = view.panel
    assert panel.row is not None and panel.row.action == "badge.reprint"
    assert "Reason: <h2>x</h2>" in panel.lines and "Person: staff:bob" in panel.lines
    assert "Object: Badge 12" in panel.lines
    shown = [w for w in panel.findChildren(QLabel) if w.text() == "<h2>x</h2>"]
    assert shown and all(w.textFormat() == Qt.TextFormat.PlainText for w in shown)
    view.table.selectRow(1)
    assert "Role: Receptionist \u2192 Supervisor" in view.panel.lines


def test_a_receptionist_sees_a_refusal_not_the_trail(qtbot, trail: Database) -> None:
    view = _view(qtbot, trail, StaffRole.RECEPTIONIST)
    view.start()
    assert view.model.rowCount() == 0
    assert view.message.text() == "Only a supervisor or an administrator may read the audit log."
    view.stop()


def test_live_a_new_event_shows_and_a_hidden_view_catches_up_when_shown(qtbot, trail: Database) -> None:
    live = LiveChanges()
    view = _view(qtbot, trail, live=live)
    view.start()
    view.table.selectRow(2)
    _event(trail, "kiosk:K2", "visit.checked_out", "visit", 7)
    live.listener(frozenset({Area.VISITS}))  # not the audit area: nothing to read
    qtbot.wait(50)
    assert view.model.rowCount() == 5
    live.listener(frozenset({Area.AUDIT, Area.VISITS}))
    qtbot.waitUntil(lambda: view.model.rowCount() == 6)
    assert _rows(view)[0][2] == "Signed out"
    assert view.table.current_id() is not None and view.panel.row is not None
    assert view.panel.row.action == "visit.checked_in"  # the chosen event stays chosen

    view.hide()
    _event(trail, "staff:amy", "alert.acknowledged", "notification", 4)
    live.listener(frozenset({Area.AUDIT}))
    qtbot.wait(50)
    assert view.model.rowCount() == 6  # nobody is looking: nothing read
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 7)
    assert _rows(view)[0][2] == "Alert seen to"
    view.stop()


def test_in_chinese(qtbot, view: AuditLogView) -> None:
    translator = QTranslator()
    assert translator.load(str(asset("translations", "kiosk_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        view.retranslate()
        assert view.title.text() == "审计日志"
        assert view.model.headerData(2, Qt.Orientation.Horizontal) == "操作"
        assert _rows(view)[2][2] == "签到" and _rows(view)[1][3] == "员工账号 3"
        assert view.count.text() == "记录：5 条"
    finally:
        QCoreApplication.removeTranslator(translator)
        view.retranslate()
