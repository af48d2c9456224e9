"""The desk's badge buttons: a reprint keeps the sign-out code, a lost-badge reissue replaces it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.models import AuditEvent, BadgePrintJob, VisitStatus
from kiosk.services.visits import checkin, print_jobs, signout
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from kiosk.ui.desk.board_models import VisitTableModel
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE, badge_code, invite


@pytest.fixture
def on_site(database: Database, host) -> int:
    """A visitor checked in at the kiosk, with the first badge queued."""
    with database.unit_of_work("kiosk:K1") as uow:
        result = checkin.check_in_by_token(uow, invite(database, host.id).token, site_code=SITE)
    assert result.outcome == VisitStatus.CHECKED_IN.value
    return result.visit_id


def _jobs(database: Database, visit_id: int) -> list[BadgePrintJob]:
    with database.unit_of_work(write=False) as uow:
        query = select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id)
        return list(uow.session.scalars(query))


def _badge_cell(admin: TodayView, visit_id: int) -> str:
    return admin.visits.index(admin.visits.row_of(visit_id), VisitTableModel.BADGE_COLUMN).data()


def _sign_out(database: Database, token: str) -> None:
    with database.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_by_token(uow, token, site_code=SITE)


def test_reprint_queues_a_second_job_with_the_same_sign_out_code(
    admin: TodayView, on_site: int, database: Database
) -> None:
    admin.refresh()
    admin.select_visit(on_site)
    assert admin.reprint_button.isEnabled() and admin.reissue_button.isEnabled()
    asked: list[tuple[str, ...]] = []
    admin.ask_reason = lambda *texts, required: asked.append(texts) or "paper jam"
    admin.reprint_button.click()
    assert asked and asked[0][1] == "Why is the badge printed again?"
    first, again = _jobs(database, on_site)
    assert (first.reason, again.reason) == ("first", "reprint")
    assert badge_code(database, again.id) == badge_code(database, first.id)
    assert again.requested_by == "staff:reception"
    with database.unit_of_work(write=False) as uow:
        audited = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "badge.reprint")).one()
    assert (audited.actor, audited.after["reason"]) == ("staff:reception", "paper jam")
    assert admin.statusBar().currentMessage() == "Badge sent to the printer."


def test_a_reprint_without_a_reason_prints_nothing(admin: TodayView, on_site: int, database: Database) -> None:
    admin.refresh()
    admin.select_visit(on_site)
    admin.ask_reason = lambda *texts, required: None  # the receptionist cancelled
    admin.reprint_button.click()
    assert [job.reason for job in _jobs(database, on_site)] == ["first"]


def test_the_board_follows_the_reprinted_badge_until_it_is_printed(
    admin: TodayView, on_site: int, database: Database
) -> None:
    admin.refresh()
    assert _badge_cell(admin, on_site) == "Printing"  # the kiosk's own first badge, still queued
    admin.select_visit(on_site)
    admin.ask_reason = lambda *texts, required: "smudged"
    admin.reprint_button.click()
    assert _badge_cell(admin, on_site) == "Printing"
    with database.unit_of_work("printer") as uow:
        print_jobs.finish_job(uow, _jobs(database, on_site)[-1].id)
    admin.refresh()
    assert _badge_cell(admin, on_site) == "Printed"


def test_reissue_asks_first_and_the_lost_badge_no_longer_signs_out(
    admin: TodayView, on_site: int, database: Database
) -> None:
    asked: list[str] = []
    admin.confirm = lambda title, text, yes: asked.append(text) or True
    admin.refresh()
    admin.select_visit(on_site)
    lost_code = badge_code(database, _jobs(database, on_site)[0].id)
    admin.reissue_button.click()
    assert asked == ["Jane Doe's lost badge will stop working and a new one will be printed."]
    _lost, new = _jobs(database, on_site)
    new_code = badge_code(database, new.id)
    assert new.reason == "reissue" and new_code != lost_code
    with pytest.raises(TokenRejected) as refused:
        _sign_out(database, lost_code)
    assert refused.value.problem == TokenProblem.REPLACED
    _sign_out(database, new_code)


def test_reissue_cancelled_changes_nothing(admin: TodayView, on_site: int, database: Database) -> None:
    admin.confirm = lambda *_texts: False
    admin.refresh()
    admin.select_visit(on_site)
    admin.reissue_button.click()
    assert [job.reason for job in _jobs(database, on_site)] == ["first"]


def test_badge_buttons_wait_until_the_visitor_is_on_site(admin: TodayView, host, database: Database) -> None:
    expected = invite(database, host.id, name="Li Lei", phone="13900139000").visit_id
    admin.refresh()
    admin.select_visit(expected)
    assert not admin.reprint_button.isEnabled() and not admin.reissue_button.isEnabled()


def test_a_kiosk_badge_that_failed_shows_on_the_board(admin, database, qtbot) -> None:
    """The first badge comes from the kiosk's own check-in; if it failed, the desk must see it."""
    from kiosk.services.visits import checkin, print_jobs
    from tests.factories import SITE, add_host, invite

    host = add_host(database, email="someone.else@example.com")
    invitation = invite(database, host.id, name="Kiosk Visitor", phone="13800138077")
    with database.unit_of_work("kiosk:K1") as uow:
        result = checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    with database.unit_of_work("printer") as uow:
        print_jobs.fail_job(uow, result.badge_job_id, "The printer is out of paper.", retry=False)
    admin.refresh()
    assert admin.visits.badge_states[invitation.visit_id] == "failed"
