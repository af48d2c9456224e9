"""Retention: personal data goes when the setting says, and one person can be erased on request."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.models import AccessToken, AuditEvent, BadgePrintJob, Notification, Visit, Visitor
from kiosk.services import retention
from kiosk.services.visits import checkin, signout
from tests.factories import SITE, add_host, invite


def _counts(db):
    with db.unit_of_work(write=False) as uow:
        return {
            m.__name__: uow.session.scalar(select(func.count()).select_from(m))
            for m in (Visit, Visitor, AccessToken, BadgePrintJob, Notification)
        }


def _visit_and_leave(db, host_id, name, phone):
    invitation = invite(db, host_id, name=name, phone=phone)
    with db.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    with db.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, invitation.visit_id)
    return invitation.visit_id


def test_purge_removes_only_what_is_older_than_the_setting(database):
    host = add_host(database)
    _visit_and_leave(database, host.id, "Old Visitor", "13800138000")
    database.clock.advance(days=100)
    recent = _visit_and_leave(database, host.id, "New Visitor", "13800138001")
    database.clock.advance(days=81)  # old one is 181 days old, new one 81

    with database.unit_of_work("system") as uow:
        report = retention.purge(uow, days=180)

    assert (report.visits, report.visitors) == (1, 1)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit.id)).all() == [recent]
        assert uow.session.scalars(select(Visitor.name)).all() == ["New Visitor"]
        # The new visit's QR code, short code and badge.
        assert uow.session.scalar(select(func.count()).select_from(AccessToken)) == 3
        assert "retention.purge" in uow.session.scalars(select(AuditEvent.action)).all()


def test_purge_refuses_less_than_three_months(database):
    with pytest.raises(ValueError, match="90"), database.unit_of_work("system") as uow:
        retention.purge(uow, days=30)


def test_erase_one_person_on_request(database):
    host = add_host(database)
    _visit_and_leave(database, host.id, "Erase Me", "13800138000")
    _visit_and_leave(database, host.id, "Erase Me", "13800138000")
    keep = _visit_and_leave(database, host.id, "Keep Me", "13800138001")
    with database.unit_of_work("staff:amy") as uow:
        (visitor_id,) = retention.find_visitor_ids_by_phone(uow, "13800138000")
        assert retention.erase_visitor(uow, visitor_id) == 2
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit.id)).all() == [keep]
        assert uow.session.scalars(select(Visitor.name)).all() == ["Keep Me"]
        payloads = uow.session.scalars(select(Notification.payload)).all()
        erased = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "visitor.erased")).one()
    assert all("Erase Me" not in str(p) for p in payloads)
    assert "Erase Me" not in str(erased.after)
