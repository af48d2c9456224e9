"""The desk's meeting rooms for ``tools/screenshots.py``: the status board of the demo day, the booking form
open over the bookings (a company meeting about to displace a department one), a booking in full with its
preparation half done, a meeting in use with its after-use check, damage with a photo, the rooms, the report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QDate, QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kiosk.application.gateways.desk_rooms import BookingStatus, DamageForm, DeskRoomsGateway
from kiosk.db import Database
from kiosk.ui.desk.rooms import RoomsPage
from kiosk.ui.desk.rooms.booking_form import BookingDialog
from kiosk.ui.desk.rooms.detail import BookingDetailDialog
from kiosk.ui.desk.window import DeskWindow
from tools.shooting import shot_saver

SCREEN_DAMAGE = "白板支架松动，书写时晃动 (the whiteboard stand is loose)"


def damage_photo() -> bytes:
    """A drawing of a loose whiteboard stand: grey wall, white board, a red ring where the bracket gave."""
    frame = np.full((360, 480, 3), (205, 210, 214), np.uint8)
    cv2.rectangle(frame, (70, 50), (410, 250), (250, 250, 250), -1)
    cv2.rectangle(frame, (70, 50), (410, 250), (120, 120, 120), 4)
    cv2.line(frame, (120, 250), (90, 340), (90, 90, 90), 8)
    cv2.line(frame, (360, 250), (400, 340), (90, 90, 90), 8)
    cv2.circle(frame, (375, 282), 34, (40, 40, 200), 4)
    ok, encoded = cv2.imencode(".jpg", frame)
    return encoded.tobytes() if ok else b""


def rooms_day(database: Database, site_code: str) -> None:
    """Beyond the demo's day: a second damage report, with its photo, on the room already out of order."""
    gateway = DeskRoomsGateway(database, site_code, actor="staff:reception")
    broken = next((room for room in gateway.rooms() if room.out_of_order), None)
    if broken is not None:
        gateway.report_damage(DamageForm(room_id=broken.room_id, what=SCREEN_DAMAGE, photo_jpeg=damage_photo()))


def with_dialog(desk: QWidget, dialog: QWidget) -> QPixmap:
    """The desk with a dialog over it, where the window manager would centre it."""
    for _ in range(5):
        QApplication.processEvents()
    shot = desk.grab()
    painter = QPainter(shot)
    picture = dialog.grab()
    painter.fillRect(shot.rect(), QColor(20, 30, 40, 90))  # the desk dimmed behind it
    painter.drawPixmap(QPoint((shot.width() - picture.width()) // 2, (shot.height() - picture.height()) // 2),
                       picture)
    painter.end()
    return shot


def room_shots(desk: DeskWindow, out: Path, suffix: str, now: Callable[[], datetime]) -> None:
    assert desk.shell is not None

    shoot = shot_saver(out, suffix, desk, prefix="desk-rooms-", settle=5)

    desk.shell.show_view("rooms")
    page = desk.shell.view("rooms")
    assert isinstance(page, RoomsPage)
    page.refresh()
    page.tabs.setCurrentWidget(page.board)
    shoot("board")
    bookings = page.bookings
    page.tabs.setCurrentWidget(bookings)
    rows = {row.topic: row for row in bookings.rows}
    half_done = next(row for row in bookings.rows if 0 < row.prepared < row.to_prepare)
    bookings.refresh(select=half_done.booking_id)
    shoot("detail")
    weekly = next(row for row in rows.values() if row.series_id and row.status is BookingStatus.BOOKED)
    form = BookingDialog(page.ctx, room_id=weekly.room_id, start=weekly.starts_at - timedelta(minutes=10),
                         parent=page, check_delay_ms=0)
    form.organiser.edit.setText("孙丽")
    form.organiser.search_now()
    form.organiser.pick(0)
    form.end.setTime(form.start.time().addSecs(3600))
    form.attendees.setValue(12)
    form.company_level.setChecked(True)
    form.topic.setText("安全生产专题会 Safety briefing" if suffix == "zh_CN" else "Safety briefing 安全生产专题会")
    form.equipment[next(iter(form.equipment))].setChecked(True)
    form.print_material.setText("安全手册 2 页")
    form.ad_hoc.setChecked(True)
    form.check_now()
    form.show()
    shoot("booking-form", picture=with_dialog(desk, form))
    form.done(QDialog.DialogCode.Rejected)
    form.deleteLater()
    in_use = next(row for row in bookings.rows if row.starts_at <= now() < row.ends_at
                  and row.status is BookingStatus.CONFIRMED)
    detail = BookingDetailDialog(page.ctx, in_use.booking_id, page)
    detail.show()
    box = detail.panel.inspection
    for tick in list(box.ticks.values())[:2]:
        tick.setChecked(True)
    box.note.setText("会议顺利，投影仪正常" if suffix == "zh_CN" else "Went well; the projector works")
    if box.item.count():
        box.quantity.setValue(18)
        box.add_consumable()
    for _ in range(5):
        QApplication.processEvents()  # laid out, so the scroll bar knows how far the panel goes
    detail.panel.verticalScrollBar().setValue(detail.panel.verticalScrollBar().maximum())
    shoot("inspection", picture=with_dialog(desk, detail))
    detail.done(QDialog.DialogCode.Accepted)
    detail.deleteLater()
    page.tabs.setCurrentWidget(page.damage)
    damage = page.damage
    with_photo = next((r for r, row in enumerate(damage.rows) if row.has_photo), None)
    if with_photo is not None:
        damage.table.selectRow(with_photo)
        damage.load_photo()
    shoot("damage")
    page.tabs.setCurrentWidget(page.rooms)
    shoot("rooms")
    page.tabs.setCurrentWidget(page.report)
    today = now().astimezone(page.ctx.zone).date()
    page.report.date_from.setDate(QDate(today.year, today.month, today.day))  # the demo's day: one day of use
    shoot("report")
    page.tabs.setCurrentWidget(page.board)
