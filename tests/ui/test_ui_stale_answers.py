"""Answers that arrive late or out of order must not change what the visitor sees.

The kiosk here runs on ``HeldWorkerPool`` (``tests/ui/held_pool.py``): every service call
waits until the test answers it, so a check-in can be answered after the visitor went
home, and an older host search after a newer one, as happens with a slow database and
two worker threads. Each test names the guard it exercises; without that guard the
assertion marked "the guard" fails.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.models import BadgePrintJob, Purpose, Visit, VisitStatus
from kiosk.services.visits import agreements, print_jobs, walkins
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.widgets.host_picker import HostPicker
from tests.factories import add_host, badge_code, invite
from tests.ui.held_pool import HeldWorkerPool


@pytest.fixture
def kiosk_pool() -> HeldWorkerPool:
    return HeldWorkerPool()


@pytest.fixture
def pool(kiosk: Kiosk) -> HeldWorkerPool:
    assert isinstance(kiosk.pool, HeldWorkerPool)
    return kiosk.pool


def _listed_hosts(picker: HostPicker) -> list[str]:
    """The names on the rows the visitor can tap (each row: the name, then the department)."""
    if not picker.results.isVisible():
        return []
    rows = [picker.results.itemWidget(picker.results.item(i)) for i in range(picker.results.count())]
    return [row.findChildren(QLabel)[0].text().split(" \u00b7 ")[0] for row in rows]  # English adds " · Zhang Wei"


def _scan_invitation(kiosk: Kiosk, token: str) -> None:
    kiosk.window.welcome.invitation.click()
    assert kiosk.window.current() is kiosk.window.scan
    kiosk.flow.scan_input.deliver_text(token)


def _badge_job(database: Database, visit_id: int) -> int:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit_id)).one()


def _badge_token(database: Database, visit_id: int) -> str:
    with database.unit_of_work(write=False) as uow:
        job_id = uow.session.scalars(select(BadgePrintJob.id).where(BadgePrintJob.visit_id == visit_id)).one()
    return badge_code(database, job_id)


def _visit(database: Database) -> Visit:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Visit)).one()


def _fill_and_submit_walk_in(kiosk: Kiosk, pool: HeldWorkerPool) -> None:
    window = kiosk.window
    window.welcome.walk_in.click()
    form = window.walk_in
    form.phone.setText("13800138000")
    form.phone.textEdited.emit("13800138000")
    form.name.setText("李雷")
    form.host.query_changed.emit("zw")  # what the picker says 200 ms after the last key
    pool.run_all()  # the returning-visitor look-up and the host search
    form.host.results.itemClicked.emit(form.host.results.item(0))
    form.purpose_buttons[Purpose.MEETING].click()
    form.submit.click()


# -- host search --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("screen", ["walk_in", "delivery"])
def test_an_older_host_search_answering_last_does_not_replace_the_newer_one(
    english: Kiosk, pool: HeldWorkerPool, host, database: Database, qtbot, screen: str
) -> None:
    """Guard: ``KioskFlow._host_results`` shows an answer only if it is for the latest query."""
    add_host(database, name="邹静", email="zou.jing@example.com", department="R&D")  # "z" but not "zh"
    getattr(english.window.welcome, screen).click()
    picker: HostPicker = getattr(english.window, screen).host
    qtbot.keyClicks(picker.search, "z")
    qtbot.waitUntil(lambda: len(pool.pending("search_hosts")) == 1, timeout=2000)
    qtbot.keyClicks(picker.search, "h")
    qtbot.waitUntil(lambda: len(pool.pending("search_hosts")) == 2, timeout=2000)
    z, zh = pool.pending("search_hosts")
    assert (z.args, zh.args) == (("z",), ("zh",))

    pool.run(zh)
    assert _listed_hosts(picker) == ["张伟"]
    pool.run(z)  # the slower answer, for what the visitor had typed before
    assert _listed_hosts(picker) == ["张伟"]  # the guard
    assert picker.search.text() == "zh"


def test_host_search_answers_in_order_still_show_the_latest(english: Kiosk, pool: HeldWorkerPool, host,
                                                             database: Database) -> None:
    """The guard drops only stale answers: answered in order, each one shows, the last one stays."""
    add_host(database, name="邹静", email="zou.jing@example.com", department="R&D")
    english.window.welcome.walk_in.click()
    picker = english.window.walk_in.host
    picker.query_changed.emit("z")
    pool.run(-1)
    assert sorted(_listed_hosts(picker)) == ["张伟", "邹静"]
    picker.query_changed.emit("zh")
    pool.run(-1)
    assert _listed_hosts(picker) == ["张伟"]


# -- the visitor has gone ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("leaving", ["start over", "idle"])
def test_a_check_in_answered_after_the_visitor_left_stays_on_welcome(
    english: Kiosk, pool: HeldWorkerPool, invitation, host, database: Database, leaving: str
) -> None:
    """Guard: ``KioskFlow.go_home`` (also reached by the idle countdown) cancels every pending answer."""
    window = english.window
    _scan_invitation(english, invitation.token)
    assert [j.name for j in pool.pending()] == ["check_in"]
    if leaving == "start over":
        window.scan.header.home.click()
    else:
        english.flow._on_idle()
        assert window.idle_overlay.isVisible()
        window.idle_overlay.expired.emit()  # the countdown ran out
    assert window.current() is window.welcome

    pool.run_all()  # the check-in was made: the database was only slow to say so
    assert window.current() is window.welcome  # the guard
    assert window.done.title.text() == ""

    # ...and the kiosk is not left "busy": the next visitor's scan goes through.
    other = invite(database, host.id, name="Mary Major", phone="13900139000")
    _scan_invitation(english, other.token)
    pool.run_all()
    assert window.current() is window.done
    assert "Mary Major" in window.done.title.text()  # (the idle reset also brought back Chinese)


def test_a_walk_in_registered_after_start_over_shows_no_waiting_screen(
    english: Kiosk, pool: HeldWorkerPool, host
) -> None:
    """Guard: ``go_home`` cancels the registration's answer, so ``WalkInSteps._registered`` never runs."""
    window = english.window
    _fill_and_submit_walk_in(english, pool)
    assert [j.name for j in pool.pending()] == ["register_walk_in"]
    window.walk_in.header.home.click()

    pool.run_all()
    assert window.current() is window.welcome  # the guard: no "waiting for 张伟" for a visitor who left
    assert pool.pending() == []  # and nobody polls for the host's answer
    window.welcome.walk_in.click()
    assert (window.walk_in.name.text(), window.walk_in.phone.text()) == ("", "")


def test_a_returning_visitor_look_up_answered_after_start_over_fills_nothing(
    english: Kiosk, pool: HeldWorkerPool, invitation
) -> None:
    """Guard: ``go_home``'s cancel: the previous visitor's name must not appear in the next visitor's form."""
    window = english.window
    window.welcome.walk_in.click()
    window.walk_in.phone.setText("13800138000")  # Jane Doe's number, from her invitation
    window.walk_in.phone.textEdited.emit("13800138000")
    assert [j.name for j in pool.pending()] == ["returning_visitor"]
    window.walk_in.header.home.click()
    pool.run_all()
    window.welcome.walk_in.click()
    assert window.walk_in.name.text() == ""  # the guard


def test_a_sign_out_answered_after_the_idle_reset_shows_no_goodbye(
    english: Kiosk, pool: HeldWorkerPool, invitation, database: Database
) -> None:
    """Guard: the idle countdown's ``reset_all`` cancels the pending sign-out answer."""
    window = english.window
    _scan_invitation(english, invitation.token)
    pool.run_all()
    window.done.header.home.click()
    window.welcome.sign_out.click()
    english.flow.scan_input.deliver_text(_badge_token(database, invitation.visit_id))
    assert [j.name for j in pool.pending()] == ["sign_out"]
    english.flow._on_idle()  # the visitor walked off before the answer came; the idle countdown runs out
    window.idle_overlay.expired.emit()
    assert window.current() is window.welcome

    pool.run_all()
    assert window.current() is window.welcome  # the guard: no "Goodbye, Jane Doe" for the next visitor


# -- badges --------------------------------------------------------------------------------------------------------


def test_the_previous_visitors_badge_answer_does_not_change_the_next_visitors_badge_line(
    english: Kiosk, pool: HeldWorkerPool, invitation, host, database: Database
) -> None:
    """Guard: ``go_home`` cancels the pending badge poll of the visitor who left the done screen."""
    window = english.window
    _scan_invitation(english, invitation.token)
    pool.run_all()
    english.flow._poll_badge()  # what the badge timer does every 1.5 s on the done screen
    [status] = pool.pending("badge_status")
    window.done.header.home.click()

    other = invite(database, host.id, name="Mary Major", phone="13900139000")
    _scan_invitation(english, other.token)
    pool.run(pool.pending("check_in")[0])
    assert window.done.title.text() == "Welcome, Mary Major"
    printing = window.done.badge_line.text()
    assert "printing" in printing

    with database.unit_of_work("test") as uow:  # Jane's badge jammed
        print_jobs.fail_job(uow, _badge_job(database, invitation.visit_id), "paper jam", retry=False)
    pool.run(status)
    assert window.done.badge_line.text() == printing  # the guard: Mary's badge is still printing


def test_a_badge_answer_for_the_previous_visitor_does_not_reach_a_visitor_who_scanned_on_the_done_screen(
    english: Kiosk, pool: HeldWorkerPool, invitation, host, database: Database
) -> None:
    """Guard: ``KioskFlow._badge_status`` drops news of any badge job but the one on screen (no go_home here:
    the done screen takes the next visitor's code, so nothing cancelled the earlier poll)."""
    window = english.window
    _scan_invitation(english, invitation.token)
    pool.run_all()
    english.flow._poll_badge()
    [status] = pool.pending("badge_status")
    other = invite(database, host.id, name="Mary Major", phone="13900139000")
    english.flow.scan_input.deliver_text(other.token)  # the done screen takes codes: the queue moves on
    pool.run(pool.pending("check_in")[0])
    assert window.done.title.text() == "Welcome, Mary Major"
    printing = window.done.badge_line.text()

    with database.unit_of_work("test") as uow:
        print_jobs.fail_job(uow, _badge_job(database, invitation.visit_id), "paper jam", retry=False)
    pool.run(status)
    assert window.done.badge_line.text() == printing  # the guard


# -- waiting for the host ------------------------------------------------------------------------------------------


def test_the_hosts_approval_read_just_before_the_visitor_withdrew_does_not_check_them_in(
    english: Kiosk, pool: HeldWorkerPool, host, database: Database
) -> None:
    """Guard: ``WalkInSteps._status`` ignores an answer once ``_withdrawn`` forgot the pending walk-in."""
    window = english.window
    _fill_and_submit_walk_in(english, pool)
    pool.run_all()
    assert window.current() is window.waiting
    english.flow.poll_walk_in()  # what the poll timer does
    [status] = pool.pending("walk_in_status")
    with database.unit_of_work(f"host:{host.id}") as uow:
        walkins.approve_visit(uow, _visit(database).id)
    pool.execute(status)  # read "approved"; the answer is on its way back

    window.waiting.cancel_button.click()  # meanwhile the visitor gave up
    pool.run(pool.pending("withdraw_walk_in")[0])
    assert window.message.title.text() == "Your visit request has been cancelled"

    pool.run(status)  # the approval arrives
    assert window.current() is window.message  # the guard
    assert window.message.title.text() == "Your visit request has been cancelled"
    assert pool.pending() == []  # nobody completes the walk-in: no badge for a visitor who has left
    assert _visit(database).status == VisitStatus.CANCELLED


def test_the_host_is_not_asked_again_while_the_last_question_is_unanswered(
    english: Kiosk, pool: HeldWorkerPool, host, database: Database
) -> None:
    """Guard: ``WalkInSteps.poll`` skips a tick while its previous status read is pending (a slow database is
    not sent a pile of identical questions)."""
    _fill_and_submit_walk_in(english, pool)
    pool.run_all()
    for _ in range(3):
        english.flow.poll_walk_in()
    assert len(pool.pending("walk_in_status")) == 1  # the guard
    pool.run(pool.pending("walk_in_status")[0])
    english.flow.poll_walk_in()
    assert len(pool.pending("walk_in_status")) == 1
    assert english.window.current() is english.window.waiting


# -- the agreement -------------------------------------------------------------------------------------------------

RULES_EN, RULES_ZH = "Contractor rules", "承包商须知"


@pytest.fixture
def agreement_for() -> tuple[str, ...]:
    """Visitor types who sign first; the agreement tests below set it (the others keep one-scan check-ins)."""
    return ()


@pytest.fixture
def kiosk_settings(kiosk_settings: Settings, agreement_for: tuple[str, ...]) -> Settings:
    return replace(kiosk_settings, visits=replace(kiosk_settings.visits, agreement_for=agreement_for))


contractors_sign = pytest.mark.parametrize("agreement_for", [("contractor",)], ids=["contractors sign"])


@pytest.fixture
def rules(database: Database) -> None:
    for language, title in (("en", RULES_EN), ("zh_CN", RULES_ZH)):
        with database.unit_of_work("test") as uow:
            agreements.publish(uow, visitor_type="contractor", language=language, title=title, body="Wear a helmet.")


def _contractor(database: Database, host_id: int, name: str, phone: str) -> str:
    return invite(database, host_id, name=name, phone=phone, visitor_type="contractor").token


@contractors_sign
def test_the_previous_visitors_agreement_text_does_not_replace_the_next_visitors(
    kiosk: Kiosk, pool: HeldWorkerPool, rules, host, database: Database
) -> None:
    """Guard: ``ConsentSteps._text_arrived`` drops text asked for by an earlier visitor (declining does not go
    home, so nothing cancelled that question)."""
    window = kiosk.window
    _scan_invitation(kiosk, _contractor(database, host.id, "Bob Builder", "13900139001"))
    pool.run_all()
    assert window.agreement.title.text() == RULES_ZH
    window.agreement.header.language.click()  # English, please...
    english_text = pool.pending("agreement_text")[0]
    window.agreement.header.language.click()  # ...no, Chinese after all
    pool.run(pool.pending("agreement_text")[-1])
    window.agreement.decline.click()
    assert window.current() is window.message

    kiosk.flow.scan_input.deliver_text(_contractor(database, host.id, "Carl Carpenter", "13900139002"))
    pool.run(pool.pending("invitation_entry")[0])  # reads Carl's invitation: the rules in Chinese
    assert window.current() is window.agreement
    assert window.agreement.title.text() == RULES_ZH
    pool.run(english_text)  # Bob's English text, very late
    assert window.agreement.title.text() == RULES_ZH  # the guard


@contractors_sign
def test_agreement_texts_answered_out_of_order_leave_the_chosen_language(
    kiosk: Kiosk, pool: HeldWorkerPool, rules, host, database: Database
) -> None:
    """Guard: ``ConsentSteps._text_arrived`` shows only the text of the language asked for last."""
    window = kiosk.window
    _scan_invitation(kiosk, _contractor(database, host.id, "Bob Builder", "13900139001"))
    pool.run_all()
    window.agreement.header.language.click()
    window.agreement.header.language.click()
    to_english, to_chinese = pool.pending("agreement_text")
    pool.run(to_chinese)
    pool.run(to_english)  # the first tap's answer, last
    assert kiosk.languages.current == "zh_CN"
    assert window.agreement.title.text() == RULES_ZH  # the guard


# -- signing out by name -------------------------------------------------------------------------------------------


def test_an_older_name_search_answering_last_does_not_replace_the_newer_one(
    english: Kiosk, pool: HeldWorkerPool, host, database: Database, qtbot
) -> None:
    """Guard: ``KioskFlow._on_site_found`` shows only the answer to the latest name search."""
    for name, phone in (("Jane Doe", "13800138000"), ("Jack Smith", "13800138001")):
        english.flow.gateway.check_in(invite(database, host.id, name=name, phone=phone).token)
    english.window.welcome.sign_out.click()
    screen = english.window.sign_out
    qtbot.keyClicks(screen.name, "Ja")
    qtbot.waitUntil(lambda: len(pool.pending("find_on_site")) == 1, timeout=2000)
    qtbot.keyClicks(screen.name, "n")
    qtbot.waitUntil(lambda: len(pool.pending("find_on_site")) == 2, timeout=2000)
    ja, jan = pool.pending("find_on_site")
    pool.run(jan)
    assert screen.matches.count() == 1
    pool.run(ja)  # "Ja" matched Jack too
    assert screen.matches.count() == 1  # the guard
