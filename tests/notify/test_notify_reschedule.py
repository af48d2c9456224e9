"""A moved invitation: the old QR stops working, the visitor gets a new one and the same calendar entry, updated."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
import zxingcpp
from icalendar import Calendar
from PIL import Image

from kiosk.application.notification_loop import Dispatcher
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import invitations
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests import factories
from tests.notify.helpers import check_in, part_of


def _event(message):
    [event] = Calendar.from_ical(part_of(message, "text/calendar").get_content()).walk("VEVENT")
    return event


def test_rescheduled_invitation_sends_a_new_qr_and_updates_the_calendar_entry(database, clock, smtp, make_settings):
    host = factories.add_host(database, name="Alice Smith", language="en")
    created = factories.invite(database, host.id, name="Jane Doe", email="jane@example.org")
    dispatcher = Dispatcher(database, make_settings(smtp))
    dispatcher.run_once()

    with database.unit_of_work("staff:amy") as uow:
        moved = invitations.reschedule_invitation(uow, created.visit_id, visit_date=date(2026, 6, 17),
                                                  start=time(14, 0), end=time(15, 0))
    dispatcher.run_once()

    first, second = smtp.wait_for(2)
    assert second["Subject"] == "Your visit to Alice Smith has moved to 2026-06-17"
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(part_of(second, "image/png").get_content())))
    assert code.text == moved.token != created.token
    old, new = _event(first), _event(second)
    assert str(new["UID"]) == str(old["UID"]) and int(new["SEQUENCE"]) > int(old["SEQUENCE"])
    assert new.decoded("DTSTART").isoformat() == "2026-06-17T06:00:00+00:00"  # 14:00 in Shanghai

    clock.advance(days=2)
    with pytest.raises(TokenRejected) as err:
        check_in(database, created.token)
    assert err.value.problem is TokenProblem.REPLACED
    assert check_in(database, moved.token).outcome == "checked_in"


def test_a_used_or_past_invitation_cannot_be_moved(database):
    host = factories.add_host(database)
    created = factories.invite(database, host.id)
    with pytest.raises(ValidationFailed), database.unit_of_work("staff:amy") as uow:
        invitations.reschedule_invitation(uow, created.visit_id, visit_date=date(2026, 6, 1))
    check_in(database, created.token)
    with pytest.raises(ValidationFailed), database.unit_of_work("staff:amy") as uow:
        invitations.reschedule_invitation(uow, created.visit_id, visit_date=date(2026, 6, 20))
