"""The desk and the kiosk on one database: a walk-in waits at the kiosk, the receptionist approves or
declines on Today, and the visitor's waiting screen changes at the next look."""

from __future__ import annotations

from kiosk.ui.desk.today import TodayView
from kiosk.ui.kiosk.assembly import Kiosk
from tests.ui.test_ui_walkin_flow import _fill


def test_approving_at_the_desk_lets_the_waiting_visitor_in(english: Kiosk, admin: TodayView, host) -> None:
    _fill(english, name="李雷")
    english.window.walk_in.submit.click()
    assert english.window.current() is english.window.waiting
    admin.refresh()
    waiting = next(v for v in admin.visits.rows if v.visitor_name == "李雷")
    admin.select_visit(waiting.id)
    admin.approve_button.click()
    english.flow.poll_walk_in()
    assert english.window.current() is english.window.done
    assert english.window.done.title.text() == "Welcome, 李雷"


def test_declining_at_the_desk_tells_the_visitor_politely(english: Kiosk, admin: TodayView, host) -> None:
    _fill(english, name="韩梅")
    english.window.walk_in.submit.click()
    admin.refresh()
    admin.select_visit(next(v.id for v in admin.visits.rows if v.visitor_name == "韩梅"))
    admin.ask_reason = lambda *texts, required=False: "Host abroad"
    admin.deny_button.click()
    english.flow.poll_walk_in()
    assert english.window.current() is english.window.message
    shown = english.window.message.title.text() + " " + english.window.message.body.text()
    assert "Host abroad" not in shown  # the desk's reason is never told the visitor
    assert "张伟" in shown
