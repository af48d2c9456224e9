"""Walk-ins at the kiosk: the form, host search, returning visitors, consent, refusals."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import Notification, Purpose, Visit, VisitStatus
from kiosk.services.visits import escalation, walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.kiosk.assembly import Kiosk
from tests.factories import add_host


def _fill(kiosk: Kiosk, *, name: str = "李雷", phone: str = "13800138000", host_query: str = "zw",
          purpose: Purpose = Purpose.MEETING) -> None:
    form = kiosk.window.walk_in
    kiosk.window.welcome.walk_in.click()
    assert kiosk.window.current() is form
    form.phone.setText(phone)
    form.phone.textEdited.emit(phone)
    if not form.name.text():
        form.name.setText(name)
    kiosk.flow._search_hosts(host_query)
    form.host.results.itemClicked.emit(form.host.results.item(0))
    form.purpose_buttons[purpose].click()


def _visit(database: Database) -> Visit:
    with database.unit_of_work(write=False) as uow:
        return uow.session.scalars(select(Visit)).one()


def test_host_search_by_initials_shows_the_department(english: Kiosk, host, database: Database) -> None:
    add_host(database, name="张伟", email="zhang.wei.rnd@example.com", department="R&D")
    english.window.welcome.walk_in.click()
    english.flow._search_hosts("zw")
    results = english.window.walk_in.host.results
    rows = [results.itemWidget(results.item(i)) for i in range(results.count())]
    assert [r.findChildren(type(english.window.walk_in.title))[1].text() for r in rows] == ["Sales", "R&D"]


def test_walk_in_waits_for_consent_and_checks_in_when_the_host_approves(
    english: Kiosk, host, database: Database
) -> None:
    _fill(english)
    english.window.walk_in.submit.click()
    window = english.window
    assert window.current() is window.waiting
    assert "张伟 (Sales)" in window.waiting.body.text()

    english.flow.poll_walk_in()
    assert window.current() is window.waiting
    with database.unit_of_work(f"host:{host.id}") as uow:
        walkins.approve_visit(uow, _visit(database).id)
    english.flow.poll_walk_in()
    assert window.current() is window.done
    assert window.done.title.text() == "Welcome, 李雷"
    assert _visit(database).status == VisitStatus.CHECKED_IN


def test_waiting_screen_says_the_host_is_on_the_way_and_keeps_waiting_for_a_decision(
    kiosk: Kiosk, host, database: Database
) -> None:
    _fill(kiosk)
    kiosk.window.walk_in.submit.click()
    waiting = kiosk.window.waiting
    with database.unit_of_work(f"host:{host.id}") as uow:
        escalation.acknowledge(uow, _visit(database).id)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is waiting
    # The news leads: the headline says who is coming, and the hourglass has gone.
    assert waiting.title.text() == "张伟正在赶来接您"
    assert waiting.body.text() == "张伟（Sales）会到大堂与您见面。"
    assert waiting.icon_name == "walking"
    kiosk.languages.set_language("en")
    assert waiting.title.text() == "张伟 is on the way"
    assert waiting.body.text() == "张伟 (Sales) will meet you here in the lobby."
    assert kiosk.flow.walk_ins.poll_timer.isActive()

    with database.unit_of_work(f"host:{host.id}") as uow:
        walkins.approve_visit(uow, _visit(database).id)
    kiosk.flow.poll_walk_in()
    assert kiosk.window.current() is kiosk.window.done


def test_polling_runs_on_its_own_timer(english: Kiosk, host, database: Database, qtbot) -> None:
    english.flow.walk_ins.poll_timer.setInterval(20)
    _fill(english)
    english.window.walk_in.submit.click()
    with database.unit_of_work(f"host:{host.id}") as uow:
        walkins.approve_visit(uow, _visit(database).id)
    qtbot.waitUntil(lambda: english.window.current() is english.window.done, timeout=3000)


def test_walk_in_denied_is_told_politely(english: Kiosk, host, database: Database) -> None:
    _fill(english)
    english.window.walk_in.submit.click()
    with database.unit_of_work(f"host:{host.id}") as uow:
        walkins.deny_visit(uow, _visit(database).id)
    english.flow.poll_walk_in()
    assert english.window.current() is english.window.message
    assert english.window.message.title.text() == "张伟 is not able to meet you right now"


def test_visitor_can_cancel_while_waiting(english: Kiosk, host, database: Database) -> None:
    _fill(english)
    english.window.walk_in.submit.click()
    english.window.waiting.cancel_button.click()
    assert english.window.message.title.text() == "Your visit request has been cancelled"
    assert _visit(database).status == VisitStatus.CANCELLED


def test_every_wrong_field_is_marked_in_the_visitors_language(kiosk: Kiosk, host) -> None:
    kiosk.window.welcome.walk_in.click()
    form = kiosk.window.walk_in
    form.phone.setText("12345")
    form.submit.click()
    assert kiosk.window.current() is form
    assert form.fields["name"].error.text() == "请输入您的姓名"
    assert form.fields["phone"].error.text() == "手机号码格式不正确"
    assert form.fields["host"].error.text() == "请选择被访人"
    assert form.fields["purpose"].error.text() == "请选择来访事由"
    kiosk.languages.set_language("en")
    assert form.fields["name"].error.text() == "Please enter your name"


def test_returning_visitor_is_prefilled_with_the_id_number_masked(english: Kiosk, host, database: Database,
                                                                 protector) -> None:
    with database.unit_of_work("test") as uow:
        walkins.register_walk_in(
            uow, WalkInForm(name="韩梅梅", phone="13700137000", host_id=host.id, purpose="meeting",
                            company="星辰科技", id_number="110101199003071234"),
            site_code="HQ", protector=protector,
        )
    english.window.welcome.walk_in.click()
    form = english.window.walk_in
    form.phone.setText("137 0013 7000")
    form.phone.textEdited.emit("137 0013 7000")
    assert form.name.text() == "韩梅梅"
    assert form.company.text() == "星辰科技"
    assert form.id_number.text() == ""
    note = form.fields["id_number"].note.text()
    assert "1234" in note and "110101" not in note and "**" in note


def test_sales_visitor_is_refused_politely_and_may_leave_details(english: Kiosk, host, database: Database) -> None:
    _fill(english, purpose=Purpose.SALES)
    english.window.walk_in.submit.click()
    window = english.window
    assert window.current() is window.message
    assert window.message.title.text() == "We only meet sales visitors by appointment"
    window.message.action_buttons[0].click()
    assert window.message.title.text() == "Thank you, your details have been passed on"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
        assert uow.session.scalars(select(Notification.event)).all() == ["contact_left"]


def test_walk_in_on_the_deny_list_is_sent_to_the_desk(english: Kiosk, host, database: Database) -> None:
    from kiosk.services.visits import denylist

    with database.unit_of_work("test") as uow:
        denylist.add_entry(uow, "phone", "13800138000", reason="trespass")
    _fill(english)
    english.window.walk_in.submit.click()
    assert english.window.message.title.text() == "Please see the front desk"
