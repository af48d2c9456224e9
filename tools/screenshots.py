"""Render every kiosk screen (both languages, landscape and portrait) and the desk window to docs/screenshots/.

    .venv/bin/python tools/screenshots.py [--out DIR]

Runs offscreen on a throwaway database seeded with the demo lobby at a fixed time, so
the pictures are the same on every machine. Each screen is reached through the real
flow where that is cheap (typing, searching, submitting) and set directly otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cv2
import numpy as np
import qrcode  # type: ignore[import-untyped]
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.application import demo as demo_app
from kiosk.application.bootstrap import open_database
from kiosk.application.gateways.desk_auth import DeskAuthGateway
from kiosk.application.gateways.desk_parcels import (
    DeskParcelsGateway,
    MailForm,
    ParcelCondition,
    ParcelForm,
    RecipientKind,
)
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.application.gateways.desk_supplies import (
    DeskSuppliesGateway,
    IssueLine,
    ItemForm,
    RequisitionLineForm,
    RequisitionStatus,
    StockShort,
)
from kiosk.application.gateways.touchscreen import EntryRequirements, KioskGateway
from kiosk.clock import FixedClock
from kiosk.config import CameraSettings, DatabaseSettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.devices.camera import CameraState, CameraStatus, classify_code
from kiosk.domain.kiosks import CameraHealth, PrinterHealth
from kiosk.domain.security import StaffRole
from kiosk.domain.visits import Purpose
from kiosk.services import auth, demo
from kiosk.services.directory import hosts
from kiosk.services.directory.heartbeats import record_heartbeat
from kiosk.services.notifications import sending
from kiosk.services.visits import agreements, escalation, walkins
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.signout import SignOutResult
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.theme import admin_stylesheet, apply_theme
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.parcels import ParcelLogView, ParcelsView
from kiosk.ui.desk.quick_find import QuickFind
from kiosk.ui.desk.supplies import PurchasesView, RequisitionsView, SuppliesView
from kiosk.ui.desk.supplies.requisitions import short_text
from kiosk.ui.desk.today import TodayView
from kiosk.ui.desk.views import desk_finder, desk_status, desk_views
from kiosk.ui.desk.window import DeskWindow
from kiosk.ui.kiosk.assembly import Kiosk, build_kiosk
from kiosk.ui.kiosk.flow import visitor_messages
from kiosk.ui.kiosk.screens.photo import frame_from_image
from tools.complaint_shots import complaint_shots, seed_complaints
from tools.message_shots import message_shots, seed_messages
from tools.room_shots import room_shots, rooms_day
from tools.routine_shots import routine_shots, seed_routine_round
from tools.shooting import shot_saver

SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
LANGUAGES = ("zh_CN", "en")
# 09:41 on a Monday in Shanghai.
NOW = datetime(2026, 6, 15, 1, 41, tzinfo=UTC)


def preview_frame() -> QImage:
    """What the camera would show: a lobby wall and a phone holding up an invitation."""
    frame = np.full((540, 960, 3), (200, 206, 210), np.uint8)
    cv2.rectangle(frame, (0, 380), (960, 540), (170, 176, 180), -1)
    code = cv2.cvtColor(np.array(qrcode.make("v1.i." + "A" * 32, border=2).convert("RGB")), cv2.COLOR_RGB2BGR)
    code = cv2.resize(code, (230, 230), interpolation=cv2.INTER_NEAREST)
    cv2.rectangle(frame, (350, 120), (610, 440), (38, 40, 44), -1)
    frame[160:390, 365:595] = code
    rgb = np.ascontiguousarray(frame)
    return QImage(rgb.data, 960, 540, rgb.strides[0], QImage.Format.Format_BGR888).copy()


def welcome_frame() -> QImage:
    """A visitor in front of the kiosk holding up a phone with the invitation QR (a drawing, no real face)."""
    frame = frame_from_image(visitor_frame()).copy()
    code = cv2.cvtColor(np.array(qrcode.make("v1.i." + "A" * 32, border=2).convert("RGB")), cv2.COLOR_RGB2BGR)
    code = cv2.resize(code, (150, 150), interpolation=cv2.INTER_NEAREST)
    cv2.rectangle(frame, (610, 250), (790, 500), (38, 40, 44), -1)  # the phone, held beside the face
    frame[290:440, 625:775] = code
    rgb = np.ascontiguousarray(frame)
    return QImage(rgb.data, 960, 540, rgb.strides[0], QImage.Format.Format_BGR888).copy()


def visitor_frame() -> QImage:
    """A person in front of the lobby wall, for the photo step (a drawing: no real face in the docs)."""
    frame = np.full((540, 960, 3), (200, 206, 210), np.uint8)
    cv2.rectangle(frame, (0, 400), (960, 540), (170, 176, 180), -1)
    cv2.ellipse(frame, (480, 560), (230, 160), 0, 180, 360, (120, 84, 52), -1)  # shoulders, navy jacket
    cv2.rectangle(frame, (445, 330), (515, 420), (150, 175, 205), -1)  # neck
    cv2.ellipse(frame, (480, 250), (95, 120), 0, 0, 360, (160, 190, 225), -1)  # face
    cv2.ellipse(frame, (480, 165), (105, 60), 0, 180, 360, (40, 40, 48), -1)  # hair
    for x in (445, 515):
        cv2.circle(frame, (x, 245), 9, (50, 45, 40), -1)
    cv2.ellipse(frame, (480, 300), (32, 14), 0, 10, 170, (70, 70, 150), 4)
    rgb = np.ascontiguousarray(frame)
    return QImage(rgb.data, 960, 540, rgb.strides[0], QImage.Format.Format_BGR888).copy()


HOUSE_RULES = {
    "zh_CN": ("承包商安全须知", "\n".join((
        "1. 进入施工区域必须佩戴安全帽和反光背心，并全程佩戴访客证。",
        "2. 未经陪同人员许可，不得进入机房、实验室及办公区。",
        "3. 厂区内禁止拍照、录像；不得带走任何文件或样品。",
        "4. 动火、登高及带电作业须事先取得书面许可。",
        "5. 您在访问期间获知的任何技术及商业信息均属保密信息，未经书面同意不得向第三方披露。",
        "6. 发生紧急情况时，请听从工作人员指挥，沿疏散指示撤离至集合点。",
        "7. 离开时请在前台签退并交还访客证。",
    ))),
    "en": ("Contractor safety and confidentiality", "\n".join((
        "1. Wear a hard hat, a high-visibility vest and your visitor badge at all times in work areas.",
        "2. Do not enter server rooms, laboratories or offices unless your escort allows it.",
        "3. No photos or video on site; do not take documents or samples away.",
        "4. Hot work, work at height and live electrical work need a written permit first.",
        "5. Technical and business information you learn during the visit is confidential and may not be "
        "passed on without written consent.",
        "6. In an emergency, follow the staff's instructions and leave by the marked routes to the assembly point.",
        "7. Sign out at the front desk and return your badge when you leave.",
    ))),
}


def publish_house_rules(database: Database) -> None:
    for language, (title, body) in HOUSE_RULES.items():
        with database.unit_of_work("system:screenshots") as uow:
            agreements.publish(uow, visitor_type="contractor", language=language, title=title, body=body)


class Shooter:
    def __init__(self, kiosk: Kiosk, database: Database, out: Path) -> None:
        self.kiosk, self.database, self.out = kiosk, database, out
        self.window = kiosk.window
        self.flow = kiosk.flow

    def grab(self, widget: QWidget, name: str) -> None:
        # Layout requests travel up one parent per event-loop pass: let them all arrive.
        for _ in range(5):
            QApplication.processEvents()
        widget.grab().save(str(self.out / f"{name}.png"))

    def each(self, scenes: list[tuple[str, Callable[[], None]]]) -> None:
        for language in LANGUAGES:
            for size_name, (width, height) in SIZES.items():
                for scene, prepare in scenes:
                    self.flow.reset_all()
                    if self.kiosk.accessibility is not None:
                        self.kiosk.accessibility.reset()
                    if self.kiosk.maintenance is not None:
                        self.kiosk.maintenance.stop()
                    self.window.resize(width, height)
                    self.kiosk.languages.set_language(language)
                    prepare()
                    self.grab(self.window, f"kiosk-{scene}-{language}-{size_name}")
        self.flow.reset_all()


def kiosk_scenes(shooter: Shooter, summary: demo.DemoSummary) -> list[tuple[str, Callable[[], None]]]:
    window, flow = shooter.window, shooter.flow
    ok = CameraStatus(CameraState.OK)
    welcome_host = next(v for v in summary.invitations if v.host_name == "张伟")

    def welcome() -> None:
        flow.set_camera_status(ok)
        window.scan.set_preview(welcome_frame())

    def scan() -> None:
        flow.set_camera_status(ok)
        window.welcome.invitation.click()
        window.scan.set_preview(preview_frame())

    def scan_no_camera() -> None:
        flow.set_camera_status(CameraStatus(CameraState.UNAVAILABLE, "no camera"))
        window.welcome.invitation.click()

    def done() -> None:
        flow.show_checked_in(CheckInResult(welcome_host.visit_id, "checked_in", welcome_host.visitor_name,
                                       welcome_host.host_name, welcome_host.department, 1))

    def walk_in() -> None:
        window.welcome.walk_in.click()
        form = window.walk_in
        form.phone.setText("139 1000 0009")
        form.name.setText("王小明")
        form.company.setText("远景建筑设计")
        form.host.search.setText("zw")
        flow._search_hosts("zw")
        form.purpose_buttons[Purpose.MEETING].click()

    def walk_in_chosen() -> None:
        walk_in()
        form = window.walk_in
        form.host.results.itemClicked.emit(form.host.results.item(0))

    def walk_in_errors() -> None:
        window.welcome.walk_in.click()
        window.walk_in.phone.setText("12345")
        window.walk_in.submit.click()

    def waiting() -> None:
        window.waiting.show_waiting("郭强", "行政部")
        flow.show(window.waiting)

    def host_on_the_way() -> None:
        waiting()
        window.waiting.show_host_on_the_way()

    def rating() -> None:
        flow._signed_out(SignOutResult(1, "冯雪", "李娜"))

    def sign_out() -> None:
        window.welcome.sign_out.click()
        window.sign_out.name.setText("冯")
        flow._search_on_site("冯")

    def front_desk() -> None:
        flow.show_message(visitor_messages.see_front_desk())

    def expired() -> None:
        flow.show_failure(TokenRejected(TokenProblem.EXPIRED))  # with its way forward, as a visitor sees it

    def sales() -> None:
        flow.show_message(visitor_messages.sales_refusal(lambda: None, lambda: None))

    def idle() -> None:
        walk_in_chosen()
        window.idle_overlay.begin(7)

    def agreement() -> None:
        with shooter.database.unit_of_work(write=False) as uow:
            text = agreements.current(uow, visitor_type="contractor", language=shooter.kiosk.languages.current)
        flow.consent.begin(EntryRequirements(text, photo=True), "contractor", on_done=lambda _c: None)

    def agreement_signed() -> None:
        agreement()
        sign(window.agreement.pad)

    def photo_live() -> None:
        flow.set_camera_status(ok)
        flow.consent.begin(EntryRequirements(None, photo=True), "contractor", on_done=lambda _c: None)
        window.scan.set_preview(visitor_frame())

    def photo_review() -> None:
        photo_live()
        window.photo.start_countdown()
        window.photo.ticker.stop()
        window.photo.capture()

    def photo_no_camera() -> None:
        flow.set_camera_status(CameraStatus(CameraState.UNAVAILABLE, "no camera"))
        flow.consent.begin(EntryRequirements(None, photo=True), "contractor", on_done=lambda _c: None)

    def delivery() -> None:
        window.welcome.delivery.click()
        window.delivery.host.search.setText("zw")
        flow._search_hosts("zw")

    def delivery_chosen() -> None:
        delivery()
        screen = window.delivery
        screen.host.results.itemClicked.emit(screen.host.results.item(0))
        screen.carrier_buttons["顺丰 SF"].click()

    def delivery_thanks() -> None:
        delivery_chosen()
        window.delivery.submit.click()

    modes = shooter.kiosk.accessibility

    def high_contrast() -> None:
        flow.set_camera_status(ok)
        if modes is not None:
            modes.set_high_contrast(True)

    def large_text_walk_in() -> None:
        if modes is not None:
            modes.set_large_text(True)
        walk_in_chosen()

    def maintenance() -> None:
        if shooter.kiosk.maintenance is not None:
            shooter.kiosk.maintenance.open_panel()

    def foreign() -> None:
        flow.set_camera_status(ok)
        flow.handle_code(classify_code("https://pay.example.com/qr/123"))

    return [
        ("01-welcome", welcome), ("02-scan", scan), ("03-scan-no-camera", scan_no_camera), ("04-done", done),
        ("05-walk-in", walk_in), ("06-walk-in-host-chosen", walk_in_chosen), ("07-walk-in-errors", walk_in_errors),
        ("08-waiting", waiting), ("09-rating", rating), ("10-sign-out", sign_out), ("11-front-desk", front_desk),
        ("12-expired", expired), ("13-sales", sales), ("14-idle", idle), ("15-foreign-code", foreign),
        ("16-host-on-the-way", host_on_the_way), ("17-agreement", agreement),
        ("18-agreement-signed", agreement_signed), ("19-photo", photo_live), ("20-photo-review", photo_review),
        ("21-photo-no-camera", photo_no_camera), ("22-delivery", delivery), ("23-delivery-chosen", delivery_chosen),
        ("24-delivery-thanks", delivery_thanks), ("25-high-contrast", high_contrast),
        ("26-large-text-walk-in", large_text_walk_in), ("27-maintenance", maintenance),
    ]


def sign(pad: QWidget) -> None:
    """A signature-like scribble, drawn the way a finger would (press, moves, release)."""
    width, height = pad.width(), pad.height()
    points = [(0.12 + 0.7 * t / 40, 0.55 - 0.18 * np.sin(t / 3.2) * (1 - t / 60)) for t in range(41)]
    strokes = [points, [(0.3, 0.72), (0.55, 0.68), (0.8, 0.7)]]
    for stroke in strokes:
        first, *rest = [QPoint(int(x * width), int(y * height)) for x, y in stroke]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
        for point in rest:
            QTest.mouseMove(pad, point)
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rest[-1])


def desk_day(database: Database, site_code: str) -> None:
    """What a morning leaves on the Notices tab: an escalation, a deny-list hold, a sales contact, a bounce."""
    with database.unit_of_work("kiosk:K1") as uow:
        escalation.escalate_unacknowledged(uow, minutes=0)
    with database.unit_of_work("kiosk:K1") as uow:
        host = hosts.search_hosts(uow, "张伟", limit=1)[0]
        walkins.register_walk_in(uow, walkins.WalkInForm(
            name="赵刚", phone="13600136000", host_id=host.id, purpose="meeting", company="速达推销有限公司"),
            site_code=site_code)
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="孙浩", phone="13500135000", company="优选办公用品")
    with database.unit_of_work("dispatcher") as uow:
        claimed = sending.claim_due(uow, limit=100)
    bounced = next(n for n in claimed if n.event == "visitor_arrived")
    for notice in claimed:
        with database.unit_of_work("dispatcher") as uow:
            if notice is bounced:
                sending.mark_failed(uow, notice, f"SMTP 550 5.1.1 <{notice.recipient}>: mailbox unavailable",
                                          permanent=True)
            else:
                sending.mark_sent(uow, notice)
    # Two kiosks in the lobby: one fine, one whose badge printer is running out of paper.
    for kiosk, printer in (("K1", PrinterHealth.READY), ("K2", PrinterHealth.PAPER_LOW)):
        with database.unit_of_work(f"kiosk:{kiosk}") as uow:
            record_heartbeat(uow, kiosk_code=kiosk, site_code=site_code, camera=CameraHealth.OK, printer=printer)


def desk_parcels(database: Database, site_code: str, clock: FixedClock) -> list[str]:
    """Parcels on the shelf (some past the reminder and the return rule, one damaged with COD), a courier's
    announcement, and a month of outgoing mail; the pickup codes, for the pickup picture."""
    gateway = DeskParcelsGateway(database, site_code, actor="staff:screenshots")
    people = [next(c for c in gateway.find_recipients(name) if c.kind is RecipientKind.HOST)
              for name in ("张伟", "李", "王", "陈")]
    codes = []
    for days, number, who, extra in (
        (9, "SF1408830020171", 0, {}), (5, "YT7412905531880", 1, {"shelf": "C1"}),
        (4, "JDX000231489675", 2, {"condition": ParcelCondition.DAMAGED, "condition_note": "外箱一角压扁",
                                   "photo_jpeg": jpeg_of(preview_frame()), "cod_cents": 3850,
                                   "cod_paid_by": "前台"}),
        (0, "SF1408830020199", 0, {"pieces": 2}), (0, "773201458839201", 3, {"sender_name": "王师傅"}),
    ):
        clock.advance(days=-days)
        received = gateway.receive(ParcelForm(tracking_no=number, carrier_code="", recipient=people[who % len(people)],
                                              shelf=str(extra.pop("shelf", "A2")), **extra))  # type: ignore[arg-type]
        clock.advance(days=days)
        codes.append(received.pickup_code)
    sender = people[0]
    for recipient, address, fee, sent in (("Acme Ltd 采购部", "上海市浦东新区张江路 88 号", 2300, True),
                                          ("北京分公司 行政部", "北京市朝阳区建国路 1 号", 1800, True),
                                          ("李律师", "深圳市南山区科技园 6 栋", 2600, False)):
        mail = gateway.log_mail(MailForm(sender_host_id=sender.host_id, recipient_name=recipient, address=address,
                                         phone="13800138000", carrier_code="SF", weight_grams=850, fee_cents=fee))
        if sent:
            gateway.mark_mail_sent(mail.mail_id, f"SF{1408830030000 + fee}", f"P-{fee}", fee)
    return codes


def jpeg_of(image: QImage) -> bytes:
    ok, encoded = cv2.imencode(".jpg", frame_from_image(image))
    return encoded.tobytes() if ok else b""


def parcel_shots(desk: DeskWindow, out: Path, suffix: str, codes: list[str]) -> None:
    """Receive with batch on, a damaged parcel with its photo, pick up with the signature, the log with an
    overdue parcel chosen, outgoing mail with the statement."""
    assert desk.shell is not None

    shoot = shot_saver(out, suffix, desk)

    desk.shell.show_view("parcels")
    view = desk.shell.view("parcels")
    assert isinstance(view, ParcelsView)
    receive = view.receive
    receive.batch.setChecked(True)
    receive.sender_box.setText("王师傅")
    receive.company.setText("顺丰速运")
    receive.shelf.setText("B2")
    for number, name in ((f"SF14088300203{len(suffix)}1", "李"), (f"SF14088300203{len(suffix)}2", "王")):
        receive.tracking.setText(number)
        receive.guess_now()
        receive.recipient.box.setText(name)
        receive.recipient.search_now()
        receive.recipient.choose(receive.recipient.matches.item(0).data(256))
        receive.save.click()
    receive.tracking.setText(f"SF14088300203{len(suffix)}3")
    receive.guess_now()
    receive.recipient.box.setText("张")
    receive.recipient.search_now()
    shoot("parcels-receive-batch")
    receive.recipient.choose(receive.recipient.matches.item(0).data(256) if receive.recipient.matches.count()
                             else None)
    receive.set_condition(ParcelCondition.DAMAGED)
    receive.set_photo(jpeg_of(preview_frame()))
    receive.note.setText("外箱受潮变形，内件待收件人确认")
    shoot("parcels-damaged")
    receive.batch.setChecked(False)
    receive.clear()
    receive.keep_draft()
    view.tabs.setCurrentIndex(1)
    pickup = view.pickup
    pickup.code.setText(codes[0])
    pickup.look_up_code()
    pickup.identity.setChecked(True)
    shoot("parcels-pickup")  # laid out before signing: the pad has its size
    sign(pickup.signature)
    shoot("parcels-pickup")
    pickup.reset()
    view.tabs.setCurrentIndex(0)
    desk.shell.show_view("parcel_log")
    log = desk.shell.view("parcel_log")
    assert isinstance(log, ParcelLogView)
    log.table.selectRow(log.model.rowCount() - 1)  # the oldest: past the return rule
    shoot("parcel-log-overdue")
    desk.shell.show_view("mail")
    shoot("mail-statement")


def desk_supplies(database: Database, site_code: str) -> None:
    """The supply cupboard: items (some under their minimum), a requisition issued partially (paper short),
    one waiting for approval, a purchase suggested from low stock, a stocktake counted with variances."""
    gateway = DeskSuppliesGateway(database, site_code, actor="staff:screenshots", role=StaffRole.SUPERVISOR)
    people = DeskParcelsGateway(database, site_code, actor="staff:screenshots")
    zhang, li = (next(c for c in people.find_recipients(name) if c.kind is RecipientKind.HOST).host_id or 0
                 for name in ("张伟", "李"))
    items = {}
    for name, spec, unit, category, location, barcode, minimum, reorder, cost, stock in (
        ("A4 复印纸", "70g 500张/包", "包", "纸张", "A-1", "6907777000012", 10, 40, 2200, 4),
        ("中性笔", "0.5mm 黑", "支", "书写", "A-2", "6901234567892", 20, 100, 150, 64),
        ("笔记本", "B5 60页", "本", "纸张", "A-1", "6903333000017", 10, 30, 600, 25),
        ("订书钉", "24/6 1000枚", "盒", "装订", "B-1", "6905555000011", 5, 20, 300, 2),
        ("长尾夹", "32mm 12只/盒", "盒", "装订", "B-1", "6906666000013", 5, 20, 450, 12),
        ("白板笔", "黑 可擦", "支", "书写", "A-2", "6908888000015", 10, 30, 350, 6),
    ):
        row = gateway.add_item(ItemForm(name=name, unit=unit, specification=spec, category=category,
                                        location=location, barcode=barcode, min_qty=minimum, reorder_qty=reorder,
                                        unit_cost_cents=cost))
        gateway.receive_stock(row.item_id, stock, None, "期初库存")
        items[name] = row
    asked = gateway.create_requisition(zhang, [RequisitionLineForm(items["A4 复印纸"].item_id, 6),
                                               RequisitionLineForm(items["中性笔"].item_id, 10)], "客户展会物料")
    approved = gateway.approve_requisition(asked.requisition_id, asked.version)
    gateway.issue(approved.requisition_id, [IssueLine(line.line_id, min(line.open_qty, line.on_hand),
                                                      "外包装略有破损" if line.item_name == "A4 复印纸" else "")
                                            for line in approved.lines], "张伟", signature_png())
    gateway.create_requisition(li, [RequisitionLineForm(items["笔记本"].item_id, 5),
                                    RequisitionLineForm(items["长尾夹"].item_id, 2)], "新员工入职")
    gateway.suggest_purchase()
    take = gateway.start_stocktake(location="B-1")
    for line in take.lines:
        counted = line.book_qty + (1 if line.item_name == "长尾夹" else -1)
        gateway.count(take.stocktake_id, line.item_id, counted, "盘点多出" if counted > line.book_qty else "损耗")


def signature_png() -> bytes:
    image = QImage(320, 120, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.drawLine(20, 80, 120, 30)
    painter.drawLine(120, 30, 220, 90)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def supply_shots(desk: DeskWindow, out: Path, suffix: str) -> None:
    """The stock sheet with an item's history, the partially issued requisition with its short message, the
    suggested purchase, the count sheet with its variances."""
    assert desk.shell is not None

    shoot = shot_saver(out, suffix, desk)

    desk.shell.show_view("supplies")
    supplies = desk.shell.view("supplies")
    assert isinstance(supplies, SuppliesView)
    supplies.table.selectRow(0)
    shoot("supplies-history")
    desk.shell.show_view("requisitions")
    requisitions = desk.shell.view("requisitions")
    assert isinstance(requisitions, RequisitionsView)
    partial = next((r for r in requisitions.rows if r.status is RequisitionStatus.PARTIALLY_ISSUED), None)
    if partial is not None:
        requisitions.choose(partial.requisition_id)
        requisitions.short.setText(short_text([StockShort(line.item_id, line.item_name, line.quantity,
                                                          line.issued_qty)
                                               for line in partial.lines if line.open_qty]))
        requisitions.short.show()
    shoot("requisitions-partial")
    requisitions.short.hide()
    desk.shell.show_view("purchases")
    purchases = desk.shell.view("purchases")
    assert isinstance(purchases, PurchasesView)
    if purchases.rows:
        purchases.choose(purchases.rows[0].purchase_id)
    shoot("purchases-suggested")
    desk.shell.show_view("stocktake")
    shoot("stocktake-variances")


ADMIN_NAME, ADMIN_PASSWORD = "admin", "admin-screenshots"


def admin_shots(settings: Settings, database: Database, out: Path, parcel_codes: list[str] | None = None) -> None:
    with database.unit_of_work("system:screenshots") as uow:
        auth.add_user(uow, ADMIN_NAME, ADMIN_PASSWORD, StaffRole.ADMIN, "李静 Li Jing")
    for language in LANGUAGES:
        languages = LanguageManager(language)
        languages.reset()
        admin_shot(settings, database, out, suffix=language, languages=languages, parcel_codes=parcel_codes or [])
        languages.shutdown()


def admin_shot(settings: Settings, database: Database, out: Path, *, suffix: str, languages: LanguageManager,
               parcel_codes: list[str]) -> None:
    """The desk as a receptionist meets it: sign-in, then Today's board, roster and notices, then locked."""
    pool = WorkerPool(synchronous=True)
    factory = DeskGatewayFactory.from_settings(database, settings)
    zone = ZoneInfo(settings.site.timezone)
    desk = DeskWindow(
        DeskAuthGateway(database), pool, languages, site_name=settings.site.name, chime=lambda: None,
        views_for=lambda session: desk_views(factory.for_session(session), pool, site_name=settings.site.name,
                                             zone=zone),
        status_for=lambda session: desk_status(factory.for_session(session), pool, zone=zone),
        finder_for=lambda session: desk_finder(factory.for_session(session), pool),
    )
    desk.setStyleSheet(admin_stylesheet())
    desk.resize(1440, 900)
    desk.show()
    desk.start()
    desk.sign_in.username.setText(demo.DEMO_USERNAME)
    QApplication.processEvents()
    desk.grab().save(str(out / f"desk-sign-in-{suffix}.png"))
    desk.sign_in.password.setText(demo.DEMO_PASSWORD)
    desk.sign_in.submit_button.click()
    assert desk.shell is not None, desk.sign_in.error.text()
    admin = desk.shell.view("today")
    assert isinstance(admin, TodayView)
    admin.refresh()
    # A jammed badge for whoever is on site, so the Badge column has something to say.
    on_site = next((v for v in admin.visits.rows if v.status == "checked_in"), None)
    if on_site is not None:
        admin.select_visit(on_site.id)
        admin.ask_reason = lambda *_texts, **_options: "paper jam"
        admin.reprint_button.click()
        admin.statusBar().clearMessage()  # the picture is of the board, not of that one click
    pending = next((v for v in admin.visits.rows if v.status == "pending_approval" and not v.on_hold), None)
    if pending is not None:
        admin.select_visit(pending.id)
    QApplication.processEvents()
    desk.grab().save(str(out / f"admin-board-{suffix}.png"))
    admin.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    desk.grab().save(str(out / f"admin-roster-{suffix}.png"))
    admin.tabs.setCurrentIndex(admin.notices_tab)
    failed = next((n for n in admin.notices.model.rows if n.status == "failed"), None)
    if failed is not None:
        admin.notices.select_notice(failed.id)
    QApplication.processEvents()
    desk.grab().save(str(out / f"admin-notices-{suffix}.png"))
    # Every other view of the navigation, as the person signed in sees it.
    for view in desk.shell.views:
        if view.key == "today":
            continue
        desk.shell.show_view(view.key)
        for _ in range(3):
            QApplication.processEvents()
        desk.grab().save(str(out / f"desk-{view.key}-{suffix}.png"))
    parcel_shots(desk, out, suffix, parcel_codes)
    supply_shots(desk, out, suffix)
    message_shots(desk, out, suffix)
    routine_shots(desk, out, suffix)
    room_shots(desk, out, suffix, database.clock.now)
    complaint_shots(desk, database, settings.site.code, pool, out, suffix=suffix, zone=zone, now=database.clock.now)
    desk.shell.show_view("today")
    finder = desk.shell.finder
    assert isinstance(finder, QuickFind)
    finder.setText("张")
    finder.search_now()
    QApplication.processEvents()
    shot = desk.grab()
    # The result list is a popup window of its own: paint it where it drops down.
    painter = QPainter(shot)
    painter.drawPixmap(desk.mapFromGlobal(finder.popup.pos()), finder.popup.grab())
    painter.end()
    shot.save(str(out / f"desk-quick-find-{suffix}.png"))
    finder.stop()
    desk.lock()
    QApplication.processEvents()
    desk.grab().save(str(out / f"desk-locked-{suffix}.png"))
    # The administrator's views: the deny list, agreement texts, the audit log, staff accounts.
    desk.sign_out()
    desk.sign_in.username.setText(ADMIN_NAME)
    desk.sign_in.password.setText(ADMIN_PASSWORD)
    desk.sign_in.submit_button.click()
    assert desk.shell is not None, desk.sign_in.error.text()
    for key in ("deny_list", "agreements", "audit", "staff"):
        desk.shell.show_view(key)
        for _ in range(3):
            QApplication.processEvents()
        desk.grab().save(str(out / f"desk-{key}-{suffix}.png"))
    desk.shell.show_view("requisitions")  # a supervisor's approve and decline buttons, enabled
    requisitions = desk.shell.view("requisitions")
    assert isinstance(requisitions, RequisitionsView)
    waiting = next((r for r in requisitions.rows if r.status is RequisitionStatus.PENDING_APPROVAL), None)
    if waiting is not None:
        requisitions.choose(waiting.requisition_id)
    for _ in range(3):
        QApplication.processEvents()
    desk.grab().save(str(out / f"desk-requisitions-approve-{suffix}.png"))
    desk.stop()
    pool.shutdown()
    desk.close()
    desk.deleteLater()
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "docs" / "screenshots")
    parser.add_argument("--only", choices=("kiosk", "desk"), help="render one window's screens only")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, "kiosk")  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KIOSK_DATA_DIR"] = folder  # the desk's drafts (parcel receive form) stay in the folder
        settings = replace(
            Settings(),
            database=DatabaseSettings(url=f"sqlite:///{Path(folder) / 'shots.sqlite3'}"),
            site=SiteSettings(code="HQ", name=demo_app.DEMO_SITE_NAME, timezone="Asia/Shanghai", language="zh_CN",
                              logo=demo_app.demo_logo()),
            camera=CameraSettings(source=""),
        )
        database = open_database(settings, clock=FixedClock(NOW))
        with database.unit_of_work("system:screenshots") as uow:
            summary = demo.seed_demo(uow, site_code=settings.site.code)
        publish_house_rules(database)
        if args.only != "desk":
            kiosk = build_kiosk(settings, KioskGateway.from_settings(database, settings), database.clock.now,
                                synchronous=True)
            kiosk.window.show()
            shooter = Shooter(kiosk, database, args.out)
            shooter.each(kiosk_scenes(shooter, summary))
            kiosk.shutdown()
        if args.only != "kiosk":
            desk_day(database, settings.site.code)
            assert isinstance(database.clock, FixedClock)
            codes = desk_parcels(database, settings.site.code, database.clock)
            desk_supplies(database, settings.site.code)
            seed_messages(database, settings.site.code, database.clock)
            seed_routine_round(database, settings.site.code)
            rooms_day(database, settings.site.code)
            seed_complaints(database, settings.site.code, database.clock)
            admin_shots(settings, database, args.out, codes)
        database.dispose()
    if args.only != "kiosk":
        # The supervisor's dashboard wants two years of data: a database of its own (tools/report_shots.py).
        from tools import report_shots

        report_shots.main(["--out", str(args.out)])
    print(f"screenshots written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
