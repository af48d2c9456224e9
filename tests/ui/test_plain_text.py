"""Every string a visitor, a host, a member of staff or a file supplied reaches Qt as plain text.

A visitor named ``<h1>Big name</h1><img src="file:///etc/hostname">&amp;`` must read as exactly those
characters wherever the name shows: not a heading, not a picture from the kiosk's disk, not "&". The
checker below walks a widget tree (labels, message boxes, buttons, tooltips, the rows of item views) and
renders each text the way Qt would: a text that Qt reads as HTML is laid out by a QTextDocument, so a
heading loses its tags and an ``<img>`` becomes an image. The hostile strings then go through every kiosk
screen and every desk view and dialog.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kiosk.db import Database
from kiosk.services.desk import notices
from kiosk.services.desk.notices import NoticeDraft
from kiosk.services.visits.checkin import CheckInOutcome, CheckInResult
from kiosk.services.visits.signout import SignOutResult
from kiosk.ui.common.plain_text import button_text, escape_for_rich, plain_tooltip
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.flow import visitor_messages
from tests.factories import SITE, add_host, invite

IMAGE = '<img src="file:///etc/hostname">'
MARK = "Big"
TODAY = date(2026, 6, 15)  # the test clock's day in Shanghai
ZONE = ZoneInfo("Asia/Shanghai")


def hostile(what: str) -> str:
    """A name that is also HTML: a heading, a picture from the local disk, an entity. ``what`` says which field."""
    return f"<h1>{MARK} {what}</h1>{IMAGE}&amp;"


# -- the checker ----------------------------------------------------------------------------------------------------


@dataclass
class Shown:
    where: str
    raw: str
    visible: str
    images: bool


@dataclass
class Report:
    seen: set[str] = field(default_factory=set)  # which hostile fields showed somewhere, as written
    wrong: list[Shown] = field(default_factory=list)


def _as_qt_renders(where: str, raw: str, text_format: Qt.TextFormat) -> Shown:
    rich = text_format in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText) or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(raw))
    if not rich:
        return Shown(where, raw, raw, False)
    document = QTextDocument()
    if text_format == Qt.TextFormat.MarkdownText:
        document.setMarkdown(raw)
    else:
        document.setHtml(raw)
    images, block = False, document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            images = images or it.fragment().charFormat().isImageFormat()
            it += 1
        block = block.next()
    return Shown(where, raw, document.toPlainText(), images)


def _button_shows(raw: str) -> str:
    """A button's text as painted: ``&&`` is one ``&``, any other ``&`` only underlines the next letter."""
    return re.sub(r"&(.)", r"\1", raw)


def _model_texts(where: str, model: QAbstractItemModel | None) -> Iterator[Shown]:
    if model is None:
        return
    for row in range(model.rowCount()):
        column = 0
        while (index := model.index(row, column)).isValid():
            column += 1
            display = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str):  # the standard delegate paints text as it is
                yield Shown(f"{where}[{row},{index.column()}]", display, display, False)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield _as_qt_renders(f"{where}[{row},{index.column()}] tooltip", tip, Qt.TextFormat.AutoText)


def shown_texts(widget: QWidget) -> Iterator[Shown]:
    """Every text the widget and everything in it may show, rendered the way Qt would render it."""
    for each in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(each).__name__}({each.objectName() or each.property('role') or ''})"
        if isinstance(each, QLabel) and each.text():
            yield _as_qt_renders(where, each.text(), each.textFormat())
        if isinstance(each, QAbstractButton) and each.text():
            yield Shown(where, each.text(), _button_shows(each.text()), False)
        edited = (each.text() if isinstance(each, QLineEdit) else each.currentText() if isinstance(each, QComboBox)
                  else each.toPlainText() if isinstance(each, QPlainTextEdit) else "")
        if edited:
            yield Shown(where, edited, edited, False)  # what an editor holds is plain text, always
        if each.toolTip():
            yield _as_qt_renders(f"{where} tooltip", each.toolTip(), Qt.TextFormat.AutoText)
        if isinstance(each, QAbstractItemView) and not isinstance(each, QHeaderView):  # a header: its view's model
            yield from _model_texts(where, each.model())


def check_plain(*widgets: QWidget) -> Report:
    """Which hostile fields showed, and every place a hostile text did not show as written."""
    report = Report()
    for widget in widgets:
        for shown in shown_texts(widget):
            if MARK not in shown.raw and MARK not in shown.visible:
                continue
            literal = f"<h1>{MARK}" in shown.visible and not shown.images and (
                "amp;" not in shown.visible or "&amp;" in shown.visible)
            if literal:
                report.seen.update(re.findall(rf"<h1>{MARK} (\w+)", shown.visible))
            else:
                report.wrong.append(shown)
    return report


def assert_plain(*widgets: QWidget, showing: Iterable[str]) -> Report:
    """Nothing hostile rendered as HTML, and each field in ``showing`` was on screen, as written."""
    report = check_plain(*widgets)
    assert not report.wrong, "\n".join(f"{s.where}: {s.raw!r} shows as {s.visible!r}" for s in report.wrong)
    missing = set(showing) - report.seen
    assert not missing, f"never shown: {missing}; shown: {report.seen}"
    return report


# -- the checker catches what it should ------------------------------------------------------------------------------


def test_the_checker_catches_a_label_qt_reads_as_html(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    rich = QLabel(hostile("name"), page)  # AutoText, as a QLabel comes
    report = check_plain(page)
    assert [s.raw for s in report.wrong] == [rich.text()]
    assert report.wrong[0].images and report.wrong[0].visible.startswith(MARK)
    rich.setTextFormat(Qt.TextFormat.PlainText)
    assert check_plain(page).seen == {"name"} and not check_plain(page).wrong


def test_the_checker_catches_a_tooltip_a_button_and_an_item(qtbot) -> None:
    from PySide6.QtWidgets import QListWidget

    page = QWidget()
    qtbot.addWidget(page)
    page.setToolTip(hostile("tip"))
    QPushButton(hostile("button"), page)  # "&a" underlines the a: the visitor reads "amp;"
    items = QListWidget(page)
    items.addItem(hostile("item"))  # shown as written by the standard delegate...
    items.item(0).setToolTip(hostile("itemtip"))  # ...but its tooltip is not
    assert sorted(s.where for s in check_plain(page).wrong) == [
        "QListWidget()[0,0] tooltip", "QPushButton()", "QWidget() tooltip"]
    page.setToolTip(plain_tooltip(hostile("tip")))
    page.findChild(QPushButton).setText(button_text(hostile("button")))
    items.item(0).setToolTip(plain_tooltip(hostile("itemtip")))
    assert_plain(page, showing={"tip", "button", "item", "itemtip"})


def test_our_own_markup_around_escaped_text_shows_the_text_as_written(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    QLabel(f"<b>Visitor:</b> {escape_for_rich(hostile('name'))}", page).setTextFormat(Qt.TextFormat.RichText)
    assert_plain(page, showing={"name"})


# -- the kiosk --------------------------------------------------------------------------------------------------------


@pytest.fixture
def hostile_host(database: Database):
    return add_host(database, name=hostile("host"), email="host@example.com", department=hostile("department"))


def test_the_done_screen_welcomes_a_visitor_by_the_name_as_written(english: Kiosk, database: Database,
                                                                   hostile_host) -> None:
    invitation = invite(database, hostile_host.id, name=hostile("name"), company=hostile("company"))
    english.window.welcome.invitation.click()
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.done
    assert english.window.done.title.text() == f"Welcome, {hostile('name')}"
    assert_plain(english.window, showing={"name", "host", "department"})
    # Scanned again: "you are checked in, <name>".
    english.flow.show_checked_in(CheckInResult(invitation.visit_id, CheckInOutcome.CHECKED_IN, hostile("again"),
                                               hostile("host"), "", None, repeated=True))
    assert_plain(english.window, showing={"again", "host"})


def test_a_walk_in_form_its_host_search_and_the_waiting_screen_show_names_as_written(
        english: Kiosk, hostile_host) -> None:
    form = english.window.walk_in
    english.window.welcome.walk_in.click()
    form.phone.setText("13800138000")
    form.name.setText(hostile("name"))
    form.company.setText(hostile("company"))
    english.flow._search_hosts(MARK)
    assert form.host.results.count() == 1
    assert_plain(english.window, showing={"host", "department"})  # the search's result rows
    form.host.results.itemClicked.emit(form.host.results.item(0))
    assert_plain(english.window, showing={"host"})  # the host chosen, for the visitor to review
    form.purpose_buttons[next(iter(form.purpose_buttons))].click()
    form.submit.click()
    assert english.window.current() is english.window.waiting
    assert_plain(english.window, showing={"host"})


def test_signing_out_and_the_messages_name_people_as_written(english: Kiosk, hostile_host) -> None:
    english.flow._signed_out(SignOutResult(1, hostile("name"), hostile("host")))
    assert english.window.current() is english.window.rating
    assert_plain(english.window, showing={"name"})
    english.flow.show_message(visitor_messages.walk_in_denied(hostile("declined")))
    assert_plain(english.window, showing={"declined"})
    english.window.waiting.show_waiting(hostile("waiting"), hostile("department"))
    english.flow.show(english.window.waiting)
    assert_plain(english.window, showing={"waiting"})


def test_the_sign_out_search_lists_names_as_written(english: Kiosk, database: Database, hostile_host) -> None:
    invitation = invite(database, hostile_host.id, name=hostile("name"))
    english.window.welcome.invitation.click()
    english.flow.scan_input.deliver_text(invitation.token)
    english.flow.go_home()
    english.window.welcome.sign_out.click()
    english.window.sign_out.name.setText("<h1>")
    english.flow._search_on_site("<h1>")
    assert english.window.sign_out.matches.count() == 1
    assert_plain(english.window, showing={"host"})
    assert check_plain(english.window.sign_out.matches).wrong == []


def test_welcome_notices_show_the_desk_s_words_as_written(english: Kiosk, database: Database) -> None:
    title = f"<h1>{MARK} title</h1>&amp;"  # a title is at most 40 letters
    with database.unit_of_work("staff:amy") as uow:
        notices.publish(uow, SITE, NoticeDraft(title_en=title, body_en=hostile("body"), ends_on=TODAY))
    english.flow.notices.read_now()
    assert_plain(english.window, showing={"title", "body"})


# -- the desk ---------------------------------------------------------------------------------------------------------

ADMIN, PASSWORD = "boss", "boss-password-1"


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def hostile_day(database: Database, hostile_host, protector):
    """A day at the desk where every name, company, reason and text is also HTML."""
    from kiosk.domain.kiosks import CameraHealth, PrinterHealth
    from kiosk.domain.security import StaffRole
    from kiosk.services import auth
    from kiosk.services.directory.heartbeats import record_heartbeat
    from kiosk.services.notifications import sending
    from kiosk.services.visits import agreements, checkin, denylist, walkins

    with database.unit_of_work("cli:root") as uow:
        auth.add_user(uow, ADMIN, PASSWORD, StaffRole.ADMIN, hostile("staff"))
    invited = invite(database, hostile_host.id, name=hostile("name"), company=hostile("company"),
                     email="visitor@example.com")
    arrived = invite(database, hostile_host.id, name=hostile("arrived"), phone="13900139000")
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_visit(uow, arrived.visit_id, site_code=SITE)
    with database.unit_of_work("staff:boss") as uow:
        denylist.add_entry(uow, "name", hostile("denied"), hostile("reason"), role=StaffRole.ADMIN)
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.register_walk_in(uow, walkins.WalkInForm(
            name=hostile("denied"), phone="13700137000", host_id=hostile_host.id, purpose="meeting",
            company=hostile("walkin")), site_code=SITE)
    with database.unit_of_work("staff:boss") as uow:
        notices.publish(uow, SITE, NoticeDraft(title_en=f"<h1>{MARK} title</h1>&amp;", body_en=hostile("body"),
                                               ends_on=TODAY))
    with database.unit_of_work("staff:boss") as uow:
        agreements.publish(uow, visitor_type="visitor", language="en", title=hostile("agreement"),
                           body=hostile("terms"), role=StaffRole.ADMIN)
    with database.unit_of_work("dispatcher") as uow:
        claimed = sending.claim_due(uow, limit=100)
    for notice in claimed:
        with database.unit_of_work("dispatcher") as uow:
            sending.mark_failed(uow, notice, f"SMTP 550 {hostile('error')}", permanent=True)
    with database.unit_of_work("kiosk:K1") as uow:
        record_heartbeat(uow, kiosk_code="K1", site_code=SITE, camera=CameraHealth.OK, printer=PrinterHealth.READY)
    # A parcel for the hostile host from a hostile sender, and a supply item named in HTML.
    from kiosk.services.parcels import receiving
    from kiosk.services.parcels.records import ParcelForm, RecipientChoice, RecipientKind
    from kiosk.services.supplies import items
    from kiosk.services.supplies.records import ItemForm

    with database.unit_of_work("staff:boss") as uow:
        receiving.receive(uow, SITE, ParcelForm(
            tracking_no="SF1234567890123", carrier_code="SF",
            recipient=RecipientChoice(RecipientKind.HOST, host_id=hostile_host.id), sender_name=hostile("sender")))
    with database.unit_of_work("staff:boss") as uow:
        items.add_item(uow, ItemForm(name=hostile("item"), unit="支", specification=hostile("spec")))
    return invited


@pytest.fixture
def desk(qtbot, database: Database, kiosk_settings, hostile_day) -> Iterator:
    from kiosk.application.gateways.desk_auth import DeskAuthGateway
    from kiosk.application.gateways.desk_session import DeskGatewayFactory
    from kiosk.ui.common.i18n import LanguageManager
    from kiosk.ui.common.workers import WorkerPool
    from kiosk.ui.desk.views import desk_finder, desk_status, desk_views
    from kiosk.ui.desk.window import DeskWindow

    pool = WorkerPool(synchronous=True)
    languages = LanguageManager("en")
    languages.reset()
    factory = DeskGatewayFactory.from_settings(database, kiosk_settings)
    window = DeskWindow(
        DeskAuthGateway(database), pool, languages, site_name=kiosk_settings.site.name, chime=lambda: None,
        views_for=lambda session: desk_views(factory.for_session(session), pool, site_name="Test Tower", zone=ZONE),
        status_for=lambda session: desk_status(factory.for_session(session), pool, zone=ZONE),
        finder_for=lambda session: desk_finder(factory.for_session(session), pool),
    )
    qtbot.addWidget(window)
    window.show()
    window.start()
    window.sign_in.username.setText(ADMIN)
    window.sign_in.password.setText(PASSWORD)
    window.sign_in.submit_button.click()
    assert window.shell is not None, window.sign_in.error.text()
    yield window
    window.stop()
    pool.shutdown()
    languages.shutdown()


def _dialog_checker(seen: list[set[str]]):
    """Stand-ins for the views' modal questions: the real dialog is built with the texts given, checked, closed."""
    from kiosk.ui.desk.dialogs import ReasonDialog, confirm_box

    def confirm(title: str, text: str, yes: str) -> bool:
        box, _yes = confirm_box(None, title, text, yes)
        seen.append(assert_plain(box, showing=()).seen)
        box.deleteLater()
        return False

    def ask_reason(title: str, prompt: str, action: str, *current: str, **options: object) -> None:
        dialog = ReasonDialog(None, title, prompt, action, required=bool(options.get("required")))
        dialog.reason.setText(current[0] if current else "")
        seen.append(assert_plain(dialog, showing=()).seen)
        dialog.deleteLater()
        return None

    def show_dialog(dialog: QWidget) -> None:
        seen.append(assert_plain(dialog, showing=()).seen)
        dialog.deleteLater()

    return confirm, ask_reason, show_dialog


def test_every_desk_view_shows_names_and_texts_as_written(desk) -> None:
    shell = desk.shell
    assert_plain(desk, showing={"staff"})  # who is signed in
    expected = {
        "today": {"name", "arrived", "company", "host", "department", "denied", "walkin"},
        "visitors": {"name", "arrived", "host"},
        "invitations": {"name", "company", "host"},
        "hosts": {"host", "department"},
        "deny_list": {"denied", "reason"},
        "notices": {"title"},
        "agreements": {"agreement", "terms"},
        "staff": {"staff"},
        "parcel_log": {"host"},
        "supplies": {"item", "spec"},
    }
    for view in shell.views:
        shell.show_view(view.key)
        _settle()
        assert_plain(desk, showing=expected.get(view.key, ()))


def test_the_visit_panel_alerts_and_quick_find_show_names_as_written(desk) -> None:
    from kiosk.ui.desk.today import TodayView

    today = desk.shell.view("today")
    assert isinstance(today, TodayView)
    today.refresh()
    for row in today.visits.rows:
        today.select_visit(row.id)
        assert_plain(today.panel, showing={"host"})
    today.tabs.setCurrentIndex(today.notices_tab)
    _settle()
    assert_plain(today.notices, showing={"error"})  # the mail server's error, and its tooltip
    finder = desk.shell.finder
    for query, showing in (("13800138000", "name"), ("Big", "host")):
        finder.setText(query)
        finder.search_now()
        _settle()
        assert_plain(finder.popup, showing={showing})
    finder.stop()


def test_the_desk_s_questions_name_the_visitor_as_written(desk) -> None:
    """The lost-badge reissue question, the decline and release-hold reasons: the visitor's name, as written."""
    from kiosk.ui.desk.today import TodayView

    today = desk.shell.view("today")
    assert isinstance(today, TodayView)
    seen: list[set[str]] = []
    today.confirm, today.ask_reason, today.show_dialog = _dialog_checker(seen)
    today.refresh()
    by_name = {re.findall(rf"{MARK} (\w+)", v.visitor_name)[0]: v for v in today.visits.rows}
    today.select_visit(by_name["arrived"].id)
    today.reissue_button.click()
    today.reprint_button.click()
    today.select_visit(by_name["denied"].id)
    today.release_button.click()
    today.deny_button.click()
    assert seen[0] == {"arrived"} and seen[2:] == [{"denied"}, {"denied"}]


def test_the_desk_s_forms_show_what_they_edit_as_written(desk, hostile_day) -> None:
    from kiosk.ui.desk.staff import PasswordDialog, RoleDialog

    seen: list[set[str]] = []
    for key, select, act in (
        ("invitations", lambda v: v.select(hostile_day.visit_id), lambda v: v.edit()),
        ("hosts", lambda v: v.select_host(1), lambda v: v.edit_selected()),
        ("deny_list", lambda v: v.select_entry(v.model.rows[0].id),
         lambda v: v.edit_reason()),
        ("notices", lambda v: v.select_notice(v.board.notices[0].id),
         lambda v: v.edit_selected()),
    ):
        view = desk.shell.view(key)
        view.confirm, view.ask_reason, view.show_dialog = _dialog_checker(seen)
        desk.shell.show_view(key)
        _settle()
        select(view)
        act(view)
    staff = desk.shell.view("staff")
    account = next(a for a in staff.model.accounts if a.username == ADMIN)
    for dialog in (RoleDialog(None, account), PasswordDialog(None, account)):
        seen.append(assert_plain(dialog, showing={"staff"}).seen)
        dialog.deleteLater()
    assert len(seen) == 6 and {"name", "company"} <= seen[0] and {"host", "department"} <= seen[1], seen
    assert {"denied", "reason"} <= seen[2] and {"title", "body"} <= seen[3], seen


def test_the_printed_evacuation_list_shows_names_as_written(desk) -> None:
    """The one place the desk writes HTML of its own: every name in it escaped, no picture from the disk."""
    from kiosk.ui.desk.today import TodayView

    today = desk.shell.view("today")
    assert isinstance(today, TodayView)
    today.refresh()
    document = today._roster_document()
    page = QWidget()
    shown = QLabel(document.toHtml(), page)
    shown.setTextFormat(Qt.TextFormat.RichText)
    assert_plain(page, showing={"arrived", "host", "department"})
    page.deleteLater()


def test_the_meeting_rooms_show_rooms_topics_organisers_and_damage_as_written(desk, database: Database,
                                                                              hostile_host) -> None:
    """The board's tooltips, the alert in the header, the bookings with the booking in full, the booking form,
    damage, rooms and the report: every name and text a person typed, as written."""
    from datetime import timedelta

    from kiosk.application.gateways.desk_rooms import BookingForm, DamageForm, DeskRoomsGateway, RoomForm
    from kiosk.domain.security import StaffRole
    from kiosk.ui.desk.rooms import RoomsPage
    from kiosk.ui.desk.rooms.board_words import block_lines, room_texts, segment_tooltip
    from kiosk.ui.desk.rooms.booking_form import BookingDialog
    from kiosk.ui.desk.rooms.detail import BookingDetailDialog

    rooms = DeskRoomsGateway(database, SITE, actor="staff:boss", role=StaffRole.ADMIN)
    room = rooms.add_room(RoomForm(name=hostile("room"), capacity=10, floor="3F"))
    start = database.clock.now() + timedelta(minutes=10)
    made = rooms.book(BookingForm(room_id=room.room_id, organiser_host_id=hostile_host.id, starts_at=start,
                                  ends_at=start + timedelta(hours=1), attendee_count=4, topic=hostile("topic"),
                                  catering=hostile("catering"), print_material=hostile("print"), ad_hoc=True))
    rooms.report_damage(DamageForm(room_id=room.room_id, what=hostile("damage"), booking_id=made.booking.booking_id))
    desk.shell.show_view("rooms")
    page = desk.shell.view("rooms")
    assert isinstance(page, RoomsPage)
    page.refresh()
    _settle()
    assert_plain(page, showing={"room", "topic", "host"})  # the header's alert and its tooltip
    row = page.board.board.rows[0]
    tip = QWidget()
    tip.setToolTip(plain_tooltip(segment_tooltip(row.segments[0], ZONE)))
    assert_plain(tip, showing={"topic", "host"})
    painted = [*room_texts(row), *block_lines(row.segments[0], ZONE, past=False)]
    assert hostile("room") in painted and hostile("topic") in painted  # drawn by QPainter: never HTML
    tip.deleteLater()
    page.tabs.setCurrentWidget(page.bookings)
    page.bookings.table.selectRow(0)
    _settle()
    assert_plain(page, showing={"room", "topic", "host", "department", "catering", "print"})
    for tab, showing in ((page.damage, {"room", "damage"}), (page.rooms, {"room"}), (page.report, {"room"})):
        page.tabs.setCurrentWidget(tab)
        _settle()
        assert_plain(page, showing=showing)
    detail = rooms.booking(made.booking.booking_id)
    form = BookingDialog(page.ctx, detail=detail, parent=page, check_delay_ms=0)
    assert_plain(form, showing={"room", "topic", "host", "catering", "print"})
    form.deleteLater()
    opened = BookingDetailDialog(page.ctx, made.booking.booking_id, page)
    assert_plain(opened, showing={"room", "topic", "host", "catering", "print", "damage"})
    opened.deleteLater()
