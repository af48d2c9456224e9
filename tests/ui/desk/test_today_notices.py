"""The Notices tab: reception's alerts, failed notices with their last error, and Retry."""

from __future__ import annotations

import pytest

from kiosk.db import Database
from kiosk.models import Notification, NotificationStatus
from kiosk.services.notifications import sending
from kiosk.services.visits import walkins
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE

ERROR = "SMTP 550: mailbox unavailable"


@pytest.fixture
def failed_notice(database: Database, host) -> int:
    """A walk-in's consent request to the host that the mail server refused for good."""
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone="13910000006", host_id=host.id, purpose="maintenance"), site_code=SITE)
    with database.unit_of_work("dispatcher") as uow:
        [claimed] = sending.claim_due(uow)
    with database.unit_of_work("dispatcher") as uow:
        sending.mark_failed(uow, claimed, ERROR, permanent=True)
    return claimed.id


@pytest.fixture
def contact_left(database: Database) -> None:
    with database.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name="王销售", phone="13700137000", company="好产品有限公司")


def _row(admin: TodayView, notice_id: int) -> list[str]:
    model = admin.notices.model
    row = model.row_of(notice_id)
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _status(database: Database, notice_id: int) -> NotificationStatus:
    with database.unit_of_work(write=False) as uow:
        notice = uow.session.get(Notification, notice_id)
        assert notice is not None
        return notice.status


def test_failed_notice_is_listed_with_its_error_and_counted_on_the_tab(
    admin: TodayView, failed_notice: int
) -> None:
    admin.refresh()
    time, title, details, sent_to, status, error = _row(admin, failed_notice)
    assert (title, details, sent_to, status, error) == (
        "Walk-in request to host", "曹磊", "zhang.wei@example.com", "Failed", ERROR)
    assert time == admin.now().astimezone(admin.zone).strftime("%H:%M")  # today's: no date needed
    assert admin.notices_badge.isVisibleTo(admin) and admin.notices_badge.text() == "1"
    assert admin.notices.failed_count.text() == "1 failed"


def test_retry_puts_a_failed_notice_back_to_pending(
    admin: TodayView, failed_notice: int, database: Database
) -> None:
    admin.refresh()
    admin.tabs.setCurrentIndex(admin.notices_tab)
    assert not admin.notices.retry_button.isEnabled()
    admin.notices.select_notice(failed_notice)
    assert admin.notices.retry_button.isEnabled()
    admin.notices.retry_button.click()
    assert _status(database, failed_notice) == NotificationStatus.PENDING
    assert admin.statusBar().currentMessage() == "The notice will be sent again shortly."
    # Refreshed: no longer failed, so off the tab's count (and, being a host's notice, off the tab).
    assert admin.notices.model.row_of(failed_notice) == -1
    assert not admin.notices_badge.isVisibleTo(admin)


def test_reception_alerts_are_listed_and_one_on_its_way_needs_no_retry(
    admin: TodayView, contact_left: None, database: Database
) -> None:
    admin.refresh()
    [alert] = admin.notices.model.rows
    assert _row(admin, alert.id)[1:5] == [
        "Sales visitor left details", "王销售 · 好产品有限公司 · +8613700137000", "Reception", "Waiting to send"]
    admin.notices.select_notice(alert.id)
    assert not admin.notices.retry_button.isEnabled()  # nothing wrong with it: the dispatcher will send it
    assert not admin.notices_badge.isVisibleTo(admin)
