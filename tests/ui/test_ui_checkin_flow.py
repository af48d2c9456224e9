"""Invited visitors and badges at the kiosk: scans in, scans out, and every way a code can be wrong."""

from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import BadgePrintJob, Feedback, PrintJobStatus, Visit, VisitStatus
from kiosk.services.visits import denylist, print_jobs
from kiosk.ui.kiosk.assembly import Kiosk
from tests.factories import badge_code, invite


def _badge_token(database: Database, visit_id: int) -> str:
    with database.unit_of_work(write=False) as uow:
        job_id = uow.session.scalars(select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit_id)).one()
    return badge_code(database, job_id)


def _visit(database: Database, visit_id: int) -> Visit:
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        return visit


def test_invited_visitor_is_checked_in_by_scan_alone(english: Kiosk, invitation, database: Database) -> None:
    window = english.window
    english.flow.scan_input.deliver_text(invitation.token)
    assert window.current() is window.done
    assert window.done.title.text() == "Welcome, Jane Doe"
    assert window.done.body.text() == "张伟 (Sales) has been told you are here."
    assert "badge" in window.done.badge_line.text()
    assert _visit(database, invitation.visit_id).status == VisitStatus.CHECKED_IN


def test_done_screen_reads_in_chinese_by_default(kiosk: Kiosk, invitation) -> None:
    kiosk.flow.scan_input.deliver_text(invitation.token)
    assert kiosk.window.done.title.text() == "欢迎您，Jane Doe"
    assert kiosk.window.done.body.text() == "已通知张伟（Sales）您已到达。"


def test_the_same_code_held_up_again_is_not_an_error(english: Kiosk, invitation, database: Database) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    english.flow.go_home()
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.welcome


def _badge_job(database: Database, visit_id: int) -> BadgePrintJob:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id)).one()


def test_badge_without_a_printer_is_handed_over_at_the_desk(english: Kiosk, invitation, database: Database) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    for _ in range(6):
        english.flow._poll_badge()
    assert english.window.done.badge_line.text() == "Your badge will be handed to you at the front desk."
    # What the visitor was told holds: the waiting job is called off, so no second badge prints here later.
    job = _badge_job(database, invitation.visit_id)
    assert job.status == PrintJobStatus.FAILED and job.last_error == print_jobs.SENT_TO_DESK


def test_a_badge_printing_when_the_wait_is_over_is_waited_for(english: Kiosk, invitation, database: Database) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    job_id = _badge_job(database, invitation.visit_id).id
    with database.unit_of_work("printer") as uow:  # the printer is at it right now
        print_jobs.claim_next_job(uow, kiosk_code="K1", site_code="HQ", day_ends_at=time(22))
    for _ in range(6):
        english.flow._poll_badge()
    assert "printing" in english.window.done.badge_line.text()  # it may still come out: not sent to the desk yet
    with database.unit_of_work("printer") as uow:
        print_jobs.finish_job(uow, job_id)
    english.flow._poll_badge()
    assert english.window.done.badge_line.text() == "Please take your visitor badge from the printer and wear it."


def test_badge_scan_signs_out_and_the_rating_is_saved(english: Kiosk, invitation, database: Database) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    english.flow.go_home()
    english.flow.scan_input.deliver_text(_badge_token(database, invitation.visit_id))
    window = english.window
    assert window.current() is window.rating
    assert window.rating.title.text() == "Goodbye, Jane Doe"
    window.rating.stars[4].click()
    assert window.current() is window.message
    assert window.message.title.text() == "Thank you for your visit"
    assert _visit(database, invitation.visit_id).status == VisitStatus.CHECKED_OUT
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Feedback.rating)).all() == [5]


def test_rating_can_be_skipped(english: Kiosk, invitation, database: Database) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    english.flow.go_home()
    english.flow.scan_input.deliver_text(_badge_token(database, invitation.visit_id))
    english.window.rating.skip.click()
    assert english.window.current() is english.window.message
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Feedback)).all() == []


def test_foreign_code_gets_a_friendly_note_and_nothing_else(english: Kiosk) -> None:
    english.flow.scan_input.deliver_text("https://example.com/pay?id=1")
    assert english.window.current() is english.window.welcome
    assert english.window.toast.isVisible()
    assert "web link" in english.window.toast.text()


def test_expired_invitation_says_so_in_the_visitors_language(kiosk: Kiosk, host, database: Database, clock) -> None:
    created = invite(database, host.id)
    clock.advance(days=1)
    kiosk.flow.scan_input.deliver_text(created.token)
    assert kiosk.window.current() is kiosk.window.message
    assert kiosk.window.message.title.text() == "此二维码的有效日期已过"
    kiosk.languages.set_language("en")
    assert kiosk.window.message.title.text() == "This code was for an earlier day"


def test_invitation_for_a_later_day(english: Kiosk, host, database: Database, clock) -> None:
    created = invite(database, host.id, visit_date=clock.now().date() + timedelta(days=2))
    english.flow.scan_input.deliver_text(created.token)
    assert english.window.message.title.text() == "This invitation is for a later day"


def test_unknown_token_of_our_shape(english: Kiosk) -> None:
    english.flow.scan_input.deliver_text("v1.i." + "A" * 32)
    assert english.window.message.title.text() == "We could not recognise this code"


def test_deny_list_hit_shows_only_see_the_front_desk(english: Kiosk, host, database: Database) -> None:
    with database.unit_of_work("test") as uow:
        denylist.add_entry(uow, "name", "Mallory Bad", reason="trespass")
    created = invite(database, host.id, name="Mallory Bad", phone="13900139000")
    english.flow.scan_input.deliver_text(created.token)
    window = english.window
    assert window.current() is window.message
    assert window.message.title.text() == "Please see the front desk"
    assert "deny" not in window.message.body.text().lower()
    assert _visit(database, created.visit_id).status == VisitStatus.INVITED


def test_a_replaced_invitation_says_so_in_chinese(kiosk, database, invitation) -> None:
    from datetime import timedelta

    from kiosk.services.visits import invitations

    with database.unit_of_work("staff:amy") as uow:
        invitations.reschedule_invitation(uow, invitation.visit_id,
                                          visit_date=database.clock.now().date() + timedelta(days=1))
    kiosk.flow.scan_input.deliver_text(invitation.token)
    assert kiosk.window.message.title.text() == "此二维码已被新的二维码取代"
