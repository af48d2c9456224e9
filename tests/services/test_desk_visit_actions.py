"""What the desk does to a visit, as a receptionist would check it afterwards: the visit's detail
(photo, what was signed, badges, notices, history), a decline or a reprint with its reason, a no-show."""

from __future__ import annotations

import pytest

from kiosk.db import Database
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.visits import VisitStatus
from kiosk.services.errors import IllegalTransition
from kiosk.services.visits import checkin, invitations, print_jobs, visit_detail, walkins
from kiosk.services.visits.walkins import WalkInForm
from tests.factories import SITE, add_host, invite


def _detail(database: Database, visit_id: int) -> visit_detail.VisitDetail:
    with database.unit_of_work(write=False) as uow:
        return visit_detail.visit_detail(uow, visit_id)


def test_the_detail_of_a_checked_in_visit_shows_badges_notices_and_history(database: Database) -> None:
    host = add_host(database)
    invitation = invite(database, host.id, name="Jane Doe", phone="13800138000")
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    with database.unit_of_work("staff:amy") as uow:
        print_jobs.reprint_badge(uow, invitation.visit_id, reason="paper jam")

    detail = _detail(database, invitation.visit_id)

    assert detail.summary.visitor_name == "Jane Doe" and detail.summary.status == VisitStatus.CHECKED_IN
    assert detail.phone == "+8613800138000"
    assert [(b.reason, b.status, b.requested_by) for b in detail.badges] == [
        ("first", PrintJobStatus.QUEUED, "kiosk:K1"), ("reprint", PrintJobStatus.QUEUED, "staff:amy")]
    assert "visitor_arrived" in {n.event for n in detail.notices}
    actions = [(h.actor, h.action) for h in detail.history]
    assert ("kiosk:K1", "visit.checked_in") in actions
    reprint = next(h for h in detail.history if h.action == "badge.reprint")
    assert (reprint.actor, reprint.details["reason"]) == ("staff:amy", "paper jam")


def test_an_id_number_is_only_ever_shown_masked(database: Database, host=None) -> None:
    from kiosk.services.idnumbers import IdNumberProtector

    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        result = walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="meeting",
                            id_number="11010519491231002X"),
            site_code=SITE, protector=IdNumberProtector(b"k" * 32))
    detail = _detail(database, result.visit_id)
    assert detail.id_number_masked.endswith("002X") and "1101051949" not in detail.id_number_masked


def test_a_decline_keeps_the_desks_reason_in_the_history(database: Database) -> None:
    host = add_host(database)
    with database.unit_of_work("kiosk:K1") as uow:
        visit_id = walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="meeting"), site_code=SITE
        ).visit_id
    with database.unit_of_work("staff:amy") as uow:
        walkins.deny_visit(uow, visit_id, reason="Host is abroad this week")
    detail = _detail(database, visit_id)
    denied = next(h for h in detail.history if h.action == "visit.denied")
    assert detail.summary.status == VisitStatus.DENIED
    assert (denied.actor, denied.details["reason"]) == ("staff:amy", "Host is abroad this week")


def test_no_show_by_hand_only_for_an_expected_visitor(database: Database) -> None:
    host = add_host(database)
    invitation = invite(database, host.id)
    with database.unit_of_work("staff:amy") as uow:
        invitations.mark_no_show(uow, invitation.visit_id)
    assert _detail(database, invitation.visit_id).summary.status == VisitStatus.NO_SHOW
    with pytest.raises(IllegalTransition), database.unit_of_work("staff:amy") as uow:
        invitations.mark_no_show(uow, invitation.visit_id)
