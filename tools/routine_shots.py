"""The desk's routine checks for ``tools/screenshots.py``: on top of the demo's week (``services/demo_routines.py``)
this morning's restroom round found the soap out, with a photo; then the pictures: today's board with the open
problems and the photo shown, the round dialog with a line unticked, a past day with its missed round, the
routines themselves."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy as np

from kiosk.application.gateways.desk_routines import CheckForm, DeskRoutinesGateway, SlotState
from kiosk.db import Database
from kiosk.services.directory.sites import get_site
from kiosk.ui.common.theme import admin_stylesheet
from kiosk.ui.desk.records.routine_admin import TemplatesDialog
from kiosk.ui.desk.records.routine_dialogs import CheckDialog
from kiosk.ui.desk.records.routines import RoutinesView
from kiosk.ui.desk.window import DeskWindow
from tools.shooting import shot_saver

RESTROOMS = "洗手间巡查"


def soap_photo() -> bytes:
    """A drawing of an empty soap dispenser over a basin (no real place in the docs)."""
    frame = np.full((480, 640, 3), (222, 226, 228), np.uint8)
    cv2.rectangle(frame, (0, 330), (640, 480), (190, 196, 200), -1)  # the counter
    cv2.ellipse(frame, (320, 360), (170, 50), 0, 0, 360, (245, 245, 245), -1)  # the basin
    cv2.rectangle(frame, (430, 120), (520, 260), (70, 70, 76), -1)  # the dispenser
    cv2.rectangle(frame, (445, 150), (505, 240), (200, 205, 210), -1)  # its empty window
    cv2.rectangle(frame, (465, 260), (485, 290), (60, 60, 66), -1)  # the nozzle
    ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    return bytes(encoded.tobytes())


def seed_routine_round(database: Database, site_code: str) -> None:
    """This morning's restroom round: the soap out, a photo of it (a problem to follow up)."""
    desk = DeskRoutinesGateway(database, site_code, actor="staff:reception")
    with database.unit_of_work(write=False) as uow:
        today = get_site(uow, site_code).local_date(uow.now())
    slot = next((s for s in desk.due_checks(today)
                 if s.template.name == RESTROOMS and s.round == 1 and s.state is SlotState.DUE), None)
    if slot is not None:
        desk.record_check(CheckForm(slot.template.template_id, round=1, failed_items=(slot.template.items[1],),
                                    problem="男洗手间洗手液用完，已通知保洁补充", photo_jpeg=soap_photo()))


def routine_shots(desk: DeskWindow, out: Path, suffix: str) -> None:
    """The Routines tab of the Front desk records page (nothing when the page or its tab is not there)."""
    assert desk.shell is not None
    page = desk.shell.view("records")
    tabs = getattr(page, "tabs", None)
    view = next((tabs.widget(i) for i in range(tabs.count()) if isinstance(tabs.widget(i), RoutinesView)),
                None) if tabs is not None else None
    if view is None:
        return
    desk.shell.show_view("records")
    tabs.setCurrentWidget(view)

    shoot = shot_saver(out, suffix)

    today = view.today()
    view.show_day(today)
    panel = view.problems
    with_photo = next((row for row in panel.rows if row.has_photo), None)
    if with_photo is not None:
        panel.select(with_photo.problem_id)
        panel.load_photo()
    shoot("records-routines", desk)

    afternoon = [card.slot for card in view.cards.cards if card.slot.state is SlotState.DUE]
    due = next((slot for slot in afternoon if slot.template.name == RESTROOMS and slot.round == 2),
               afternoon[0] if afternoon else None)
    if due is not None:
        dialog = CheckDialog(due, view.zone, desk)
        dialog.setStyleSheet(admin_stylesheet() + dialog.styleSheet())
        dialog.tick_all()
        dialog.lines[0].setChecked(False)
        dialog.problem.setText("洗手台旁地面有积水")
        dialog.photo_name.setText("floor.jpg")
        dialog.show()
        shoot("records-routine-round", dialog)
        dialog.close()
        dialog.deleteLater()

    view.show_day(_last_missed(view, today))
    shoot("records-routines-missed", desk)
    view.show_day(today)

    templates = TemplatesDialog(view.gateway, view.pool, view.zone, desk)
    templates.setStyleSheet(admin_stylesheet() + templates.styleSheet())
    templates.show()
    if templates.rows:
        templates.table.selectRow(0)
    shoot("records-routine-templates", templates)
    templates.close()
    templates.deleteLater()


def _last_missed(view: RoutinesView, today: date) -> date:
    board = view.board
    missed = [slot.due_on for slot in board.recent_missed] if board is not None else []
    return max(missed) if missed else today - timedelta(days=1)
