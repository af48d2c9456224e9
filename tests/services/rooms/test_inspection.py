"""After use: the inspection ticks the after-use lines, issues the consumables from the supplies ledger (a
shortage refuses the whole check), reports damage and closes the meeting, telling the organiser; a damage
report puts the room out of order until the repair is recorded."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.domain.rooms import BookingStatus, ChecklistKey, ChecklistPhase, RefusalReason
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models import AuditEvent, Notification
from kiosk.models.rooms import Booking, DamageReport
from kiosk.models.supplies import StockMovement
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from kiosk.services.rooms import bookings, checklists, inspection, notices, rooms
from kiosk.services.rooms.records import BookingForm, BookingRefused, DamageForm, InspectionForm
from kiosk.services.supplies.ledger import StockShortError
from tests.services.rooms.after_use_data import booking, organiser, room
from tests.services.supplies.requisition_data import item, on_hand

SITE = "HQ"
SHANGHAI = ZoneInfo("Asia/Shanghai")
K = ChecklistKey
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WAIT = 10.0


def at(hour: int, minute: int = 0, day: int = 15) -> datetime:
    """A site-local time in June 2026 (the clock starts at 09:00 on Monday the 15th)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=SHANGHAI)


def inspect(db, form: InspectionForm, actor: str = "staff:amy"):
    with db.unit_of_work(actor) as uow:
        return inspection.inspect(uow, form)


def report(db, form: DamageForm, actor: str = "staff:amy"):
    with db.unit_of_work(actor) as uow:
        return inspection.report_damage(uow, form)


def repair(db, report_id: int, note: str, actor: str = "staff:lee"):
    with db.unit_of_work(actor) as uow:
        return inspection.record_repair(uow, report_id, note)


def open_reports(db, open_only: bool = True):
    with db.unit_of_work("test", write=False) as uow:
        return inspection.damage_reports(uow, SITE, open_only=open_only)


def status(db, booking_id: int) -> tuple[BookingStatus, int]:
    with db.unit_of_work("test", write=False) as uow:
        row = uow.session.get(Booking, booking_id)
        assert row is not None
        return row.status, row.version


def after_use(db, booking_id: int) -> dict[ChecklistKey, tuple[datetime | None, str]]:
    with db.unit_of_work("test", write=False) as uow:
        return {line.key: (line.done_at, line.done_by)
                for line in checklists.checklist(uow, booking_id, ChecklistPhase.INSPECT)}


def notices_of(db, event: str) -> list[tuple[str, str, dict]]:
    with db.unit_of_work("test", write=False) as uow:
        return [(n.channel, n.recipient, n.payload) for n in uow.session.scalars(
            select(Notification).where(Notification.event == event).order_by(Notification.id))]


def audit_actions(db) -> list[tuple[str, str, int | None]]:
    with db.unit_of_work("test", write=False) as uow:
        return [(e.action, e.entity, e.entity_id) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(
                ("booking.inspected", "room.damage_reported", "room.repaired"))).order_by(AuditEvent.id))]


@pytest.fixture
def meeting(database, clock) -> int:
    """A meeting of 8 in 松山厅 from 08:00 to 08:50; the clock says 09:00."""
    return booking(database, room(database), at(8), at(8, 50), attendees=8, topic="周例会")


# -- the after-use check -------------------------------------------------------------------------------------

def test_the_check_ticks_the_lines_closes_the_meeting_and_tells_the_organiser(database, clock, meeting) -> None:
    row = inspect(database, InspectionForm(meeting, ticked=frozenset({K.TIDY, K.EQUIPMENT_BACK}),
                                           note="  投影仪遥控器没电了\n已换电池 "))
    assert (row.status, row.version) == (BookingStatus.DONE, 2)
    assert status(database, meeting) == (BookingStatus.DONE, 2)
    assert after_use(database, meeting) == {
        K.TIDY: (clock.now(), "staff:amy"), K.EQUIPMENT_BACK: (clock.now(), "staff:amy"),
        K.SUPPLIES_CHECKED: (None, ""), K.ROOM_RESTORED: (None, "")}
    [(channel, recipient, payload)] = notices_of(database, notices.INSPECTED)
    assert (channel, recipient) == ("email", "zhang.wei@example.com")
    assert payload["note"] == "投影仪遥控器没电了\n已换电池"
    assert payload["damage_what"] == ""
    assert payload["inspect_missing"] == ["supplies_checked", "room_restored"]
    assert audit_actions(database) == [("booking.inspected", "booking", meeting)]


def test_a_meeting_that_has_not_started_is_not_inspected(database, clock) -> None:
    later = booking(database, room(database), at(10), at(11))
    with pytest.raises(Conflict, match="not started yet"):
        inspect(database, InspectionForm(later, ticked=frozenset({K.TIDY})))
    assert status(database, later) == (BookingStatus.BOOKED, 1)
    assert after_use(database, later)[K.TIDY] == (None, "")
    clock.set(at(10))  # from its start on, it can be
    assert inspect(database, InspectionForm(later)).status is BookingStatus.DONE


@pytest.mark.parametrize("closed", [BookingStatus.DONE, BookingStatus.CANCELLED, BookingStatus.RELEASED,
                                    BookingStatus.DISPLACED])
def test_only_a_booked_or_confirmed_meeting_is_inspected(database, closed) -> None:
    gone = booking(database, room(database), at(8), at(8, 30), status=closed)
    with pytest.raises(Conflict, match=closed.value):
        inspect(database, InspectionForm(gone))
    assert notices_of(database, notices.INSPECTED) == []


def test_a_confirmed_meeting_still_in_progress_can_be_inspected(database) -> None:
    running = booking(database, room(database), at(8, 30), at(9, 30), status=BookingStatus.CONFIRMED)
    assert inspect(database, InspectionForm(running)).status is BookingStatus.DONE


def test_consumables_are_issued_to_the_meetings_department(database, meeting) -> None:
    water, paper = item(database, "矿泉水", on_hand=24, unit="瓶"), item(database, "A4 纸", on_hand=10, unit="包")
    inspect(database, InspectionForm(meeting, consumables=((water, 8), (paper, 0))))
    assert (on_hand(database, water), on_hand(database, paper)) == (16, 10)
    with database.unit_of_work("test", write=False) as uow:
        moves = uow.session.scalars(select(StockMovement).where(StockMovement.kind == MovementKind.ISSUED)).all()
        department_id = uow.session.get(Booking, meeting).department_id
    assert department_id is not None
    assert [(m.item_id, m.quantity, m.document_kind, m.document_id, m.department_id, m.reason) for m in moves] == [
        (water, -8, DocumentKind.MEETING, meeting, department_id, f"meeting #{meeting} 松山厅")]


def test_a_shortage_refuses_the_whole_check(database, meeting) -> None:
    water, paper = item(database, "矿泉水", on_hand=24, unit="瓶"), item(database, "A4 纸", on_hand=1, unit="包")
    form = InspectionForm(meeting, ticked=frozenset({K.TIDY}), damage=DamageForm(0, "椅子坏了"),
                          consumables=((water, 8), (paper, 2)))
    with pytest.raises(StockShortError, match="A4 纸"):
        inspect(database, form)
    assert (on_hand(database, water), on_hand(database, paper)) == (24, 1)
    assert status(database, meeting) == (BookingStatus.BOOKED, 1)
    assert after_use(database, meeting)[K.TIDY] == (None, "")
    assert open_reports(database) == []
    assert notices_of(database, notices.INSPECTED) == notices_of(database, notices.DAMAGE) == []


def test_damage_found_at_the_check_is_reported_and_the_organiser_hears_of_it(database, meeting) -> None:
    row = inspect(database, InspectionForm(meeting, damage=DamageForm(999, "白板笔架断了", photo_jpeg=JPEG)))
    [damage] = open_reports(database)
    assert (damage.room_id, damage.booking_id, damage.what, damage.has_photo) == (
        row.room_id, meeting, "白板笔架断了", True)  # the meeting's room, whatever the form said
    [(_, _, summary)] = notices_of(database, notices.INSPECTED)
    assert summary["damage_what"] == "白板笔架断了"
    assert [(c, r) for c, r, _ in notices_of(database, notices.DAMAGE)] == [("supervisor", "supervisor"),
                                                                            ("reception", "reception")]
    assert audit_actions(database) == [("room.damage_reported", "room", row.room_id),
                                       ("booking.inspected", "booking", meeting)]


@pytest.mark.parametrize(("form", "field", "code"), [
    (InspectionForm(0, note="x" * 501), "note", "too_long"),
    (InspectionForm(0, ticked=frozenset({K.TIDY, K.WATER})), "ticked", "not_inspect"),
    (InspectionForm(0, consumables=((1, -2),)), "consumables", "out_of_range"),
    (InspectionForm(0, damage=DamageForm(0, "  ")), "what", "required"),
    (InspectionForm(0, damage=DamageForm(0, "镜头", photo_jpeg=PNG)), "photo", "not_jpeg"),
])
def test_a_wrong_form_is_refused_and_nothing_is_saved(database, meeting, form, field, code) -> None:
    with pytest.raises(ValidationFailed) as refused:
        inspect(database, InspectionForm(meeting, ticked=form.ticked, note=form.note, damage=form.damage,
                                         consumables=form.consumables))
    assert refused.value.by_field[field].code == code
    assert status(database, meeting) == (BookingStatus.BOOKED, 1)
    assert open_reports(database) == []


def test_an_unknown_meeting_is_not_found(database) -> None:
    with pytest.raises(NotFound):
        inspect(database, InspectionForm(404))


# -- damage and repair ---------------------------------------------------------------------------------------

def test_damage_puts_the_room_out_of_order_until_the_repair_is_recorded(database, clock) -> None:
    hall = room(database)
    clock.set(datetime(2026, 6, 15, 17, 30, tzinfo=ZoneInfo("UTC")))  # 01:30 on the 16th in Shanghai
    damage = report(database, DamageForm(hall, "投影仪不亮\n灯泡可能坏了", photo_jpeg=JPEG), actor="staff:bob")
    assert (damage.what, damage.has_photo, damage.reported_at, damage.reported_by, damage.repaired_at) == (
        "投影仪不亮\n灯泡可能坏了", True, clock.now(), "staff:bob", None)
    with database.unit_of_work("test", write=False) as uow:
        assert uow.session.get(DamageReport, damage.report_id).out_of_order_from == date(2026, 6, 16)
        assert inspection.damage_photo(uow, damage.report_id) == JPEG
    assert [r.report_id for r in open_reports(database)] == [damage.report_id]

    clock.advance(hours=3)
    fixed = repair(database, damage.report_id, " 换了灯泡 ")
    assert (fixed.repaired_at, fixed.repaired_by, fixed.repair_note) == (clock.now(), "staff:lee", "换了灯泡")
    assert open_reports(database) == []
    assert [r.report_id for r in open_reports(database, open_only=False)] == [damage.report_id]
    assert audit_actions(database) == [("room.damage_reported", "room", hall), ("room.repaired", "room", hall)]
    with pytest.raises(Conflict, match="already repaired"):
        repair(database, damage.report_id, "again")


def test_reports_are_listed_newest_first_without_their_photos(database, clock) -> None:
    hall, small = room(database, "松山厅"), room(database, "黄山厅")
    first = report(database, DamageForm(hall, "椅子坏了"))
    clock.advance(minutes=10)
    second = report(database, DamageForm(small, "空调漏水", photo_jpeg=JPEG))
    listed = open_reports(database)
    assert [(r.report_id, r.room_name, r.has_photo) for r in listed] == [
        (second.report_id, "黄山厅", True), (first.report_id, "松山厅", False)]
    with database.unit_of_work("test", write=False) as uow:
        assert inspection.damage_photo(uow, first.report_id) is None
        with pytest.raises(NotFound):
            inspection.damage_photo(uow, 404)


@pytest.mark.parametrize(("what", "photo", "field", "code"), [
    ("", None, "what", "required"),
    ("x" * 501, None, "what", "too_long"),
    ("坏了", PNG, "photo", "not_jpeg"),
    ("坏了", b"\xff\xd8\xff" + b"\x00" * (8 * 1024 * 1024), "photo", "too_large"),
])
def test_a_damage_report_needs_what_and_at_most_a_jpeg_photo(database, what, photo, field, code) -> None:
    hall = room(database)
    with pytest.raises(ValidationFailed) as refused:
        report(database, DamageForm(hall, what, photo_jpeg=photo))
    assert refused.value.by_field[field].code == code
    assert open_reports(database) == []
    assert notices_of(database, notices.DAMAGE) == []


def test_a_damage_report_names_a_meeting_of_its_own_room(database, meeting) -> None:
    other = room(database, "黄山厅")
    with pytest.raises(ValidationFailed) as refused:
        report(database, DamageForm(other, "桌子划痕", booking_id=meeting))
    assert refused.value.by_field["booking"].code == "other_room"
    with pytest.raises(NotFound):
        report(database, DamageForm(404, "桌子划痕"))


def test_a_repair_needs_a_note_and_an_existing_report(database) -> None:
    damage = report(database, DamageForm(room(database), "门锁坏了"))
    with pytest.raises(ValidationFailed) as refused:
        repair(database, damage.report_id, "   ")
    assert refused.value.by_field["note"].code == "required"
    assert [r.report_id for r in open_reports(database)] == [damage.report_id]
    with pytest.raises(NotFound):
        repair(database, 404, "done")


def test_a_room_out_of_order_is_not_booked_until_it_is_repaired(database) -> None:
    hall = room(database)
    form = BookingForm(room_id=hall, organiser_host_id=organiser(database), starts_at=at(10, day=17),
                       ends_at=at(11, day=17), attendee_count=4, topic="周会")
    damage = report(database, DamageForm(hall, "投影仪不亮"))
    with database.unit_of_work("test", write=False) as uow:
        assert rooms.room_row(uow, hall).out_of_order is True
    with pytest.raises(BookingRefused) as refused, database.unit_of_work("staff:amy") as uow:
        bookings.book(uow, SITE, form, can_approve=False, notice_days=1)
    assert refused.value.reason is RefusalReason.OUT_OF_ORDER
    repair(database, damage.report_id, "换了灯泡")
    with database.unit_of_work("staff:amy") as uow:
        made = bookings.book(uow, SITE, form, can_approve=False, notice_days=1)
    assert made.booking.status is BookingStatus.BOOKED
    with database.unit_of_work("test", write=False) as uow:
        assert rooms.room_row(uow, hall).out_of_order is False


def test_two_desks_record_the_check_at_once_one_wins_and_the_consumables_go_out_once(database, meeting,
                                                                                   monkeypatch) -> None:
    water = item(database, "矿泉水", on_hand=24, unit="瓶")
    form = InspectionForm(meeting, ticked=frozenset({K.TIDY}), consumables=((water, 8),))
    inside, release = threading.Event(), threading.Event()
    real_inspected = notices.inspected

    def held(uow, booking, **kwargs):  # the first desk stops inside its transaction, the booking locked
        if threading.current_thread().name == "desk-1":
            inside.set()
            release.wait(WAIT)
        return real_inspected(uow, booking, **kwargs)

    monkeypatch.setattr(notices, "inspected", held)
    outcome: dict[str, object] = {}

    def desk(name: str, actor: str) -> None:
        if name == "desk-2":
            inside.wait(WAIT)
        try:
            outcome[name] = inspect(database, form, actor=actor).status
        except Exception as exc:
            outcome[name] = exc

    threads = [threading.Thread(target=desk, args=("desk-1", "staff:amy"), name="desk-1"),
               threading.Thread(target=desk, args=("desk-2", "staff:bob"), name="desk-2")]
    for thread in threads:
        thread.start()
    assert inside.wait(WAIT)
    time.sleep(0.3)
    assert "desk-2" not in outcome  # waits for the first desk
    release.set()
    for thread in threads:
        thread.join(WAIT)
    assert outcome["desk-1"] is BookingStatus.DONE
    assert isinstance(outcome["desk-2"], Conflict) and "done" in str(outcome["desk-2"])
    assert on_hand(database, water) == 16
    assert after_use(database, meeting)[K.TIDY][1] == "staff:amy"
