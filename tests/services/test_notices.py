"""Notices at the front desk: the days they show (site-local, inclusive, by the database's clock), the
languages, what is refused and why, edits from two desks, withdrawing, and what the audit trail keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kiosk.db.changes import read_versions
from kiosk.domain.changes import Area
from kiosk.domain.notices import BODY_MAX_COLUMNS, TITLE_MAX_COLUMNS, NoticeState
from kiosk.models import AuditEvent
from kiosk.services.desk import notices
from kiosk.services.desk.notices import NoticeDraft
from kiosk.services.directory.sites import ensure_site
from kiosk.services.errors import Conflict, NotFound, ValidationFailed
from tests.conftest import SITE

# The conftest clock starts at 2026-06-15 01:00 UTC: 09:00 on Monday 15 June in Shanghai.
JUNE_15, JUNE_16, JUNE_17, JUNE_18 = date(2026, 6, 15), date(2026, 6, 16), date(2026, 6, 17), date(2026, 6, 18)
SHANGHAI = ZoneInfo("Asia/Shanghai")
DRILL = NoticeDraft(title_zh="消防演练", title_en="Fire drill", body_zh="14:00 警报响起时请听从工作人员指挥。",
                    body_en="When the alarm sounds at 14:00, follow the staff.", starts_on=JUNE_15, ends_on=JUNE_16)


def shanghai(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A wall-clock time at the site (Shanghai) as a UTC instant."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI).astimezone(UTC)


def publish(database, draft: NoticeDraft = DRILL, actor: str = "staff:amy"):
    with database.unit_of_work(actor) as uow:
        return notices.publish(uow, SITE, draft)


def current(database) -> list[str]:
    with database.unit_of_work("kiosk:K1", write=False) as uow:
        return [n.title_en or n.title_zh for n in notices.current_notices(uow, SITE)]


def welcome(database) -> dict[str, list[tuple[str, str]]]:
    with database.unit_of_work("kiosk:K1", write=False) as uow:
        shown = notices.welcome_notices(uow, SITE)
    return {language: [(n.title, n.body) for n in items] for language, items in shown.items()}


def board(database):
    with database.unit_of_work("staff:amy", write=False) as uow:
        return notices.notice_board(uow, SITE)


def refused(database, draft: NoticeDraft) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        publish(database, draft)
    return {field: error.code for field, error in caught.value.by_field.items()}


def audit_trail(database) -> list[AuditEvent]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.entity == "front_desk_notice")
                                        .order_by(AuditEvent.id)))


# -- the days --------------------------------------------------------------------------------------------------


def test_shanghai_helper_is_utc_minus_eight() -> None:
    assert shanghai(JUNE_16, 0) == datetime(2026, 6, 15, 16, 0, tzinfo=UTC)
    assert shanghai(JUNE_15, 23, 59, 59) == datetime(2026, 6, 15, 15, 59, 59, tzinfo=UTC)


def test_a_notice_shows_from_the_first_moment_of_its_start_day_to_the_last_of_its_end_day(database, clock) -> None:
    publish(database, NoticeDraft(title_en="Lift B closed", starts_on=JUNE_16, ends_on=JUNE_17))
    clock.set(shanghai(JUNE_15, 23, 59, 59))
    assert current(database) == []  # tomorrow's notice is not shown tonight
    assert board(database).notices[0].state is NoticeState.UPCOMING
    clock.set(shanghai(JUNE_16, 0))
    assert current(database) == ["Lift B closed"]
    clock.set(shanghai(JUNE_17, 23, 59, 59))
    assert current(database) == ["Lift B closed"]  # the end day counts, to its last second
    clock.set(shanghai(JUNE_18, 0))
    assert current(database) == []
    assert board(database).notices[0].state is NoticeState.PAST


def test_the_day_is_the_sites_not_utcs(database, clock) -> None:
    """04:00 on 16 June in Shanghai is still 15 June in UTC: the notice for the 16th is already up."""
    publish(database, NoticeDraft(title_en="Only on the 16th", starts_on=JUNE_16, ends_on=JUNE_16))
    clock.set(datetime(2026, 6, 15, 20, 0, tzinfo=UTC))
    assert current(database) == ["Only on the 16th"]
    clock.set(datetime(2026, 6, 16, 16, 0, tzinfo=UTC))  # midnight into the 17th in Shanghai, still the 16th in UTC
    assert current(database) == []


def test_a_site_in_another_timezone_keeps_its_own_calendar(database, clock) -> None:
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "NY", "New York office", "America/New_York")
        uow.commit()
    with database.unit_of_work("staff:amy") as uow:
        notices.publish(uow, "NY", NoticeDraft(title_en="Closed on the 15th", starts_on=JUNE_15, ends_on=JUNE_15))
    clock.set(datetime(2026, 6, 15, 2, 0, tzinfo=UTC))  # 10:00 on the 15th in Shanghai, 22:00 on the 14th in New York
    with database.unit_of_work("kiosk:NY1", write=False) as uow:
        assert notices.current_notices(uow, "NY") == []
    assert current(database) == []  # and nothing of New York's shows in Shanghai
    clock.set(datetime(2026, 6, 15, 5, 0, tzinfo=UTC))  # 01:00 on the 15th in New York
    with database.unit_of_work("kiosk:NY1", write=False) as uow:
        assert [n.title_en for n in notices.current_notices(uow, "NY")] == ["Closed on the 15th"]


def test_the_start_defaults_to_today_and_may_lie_in_the_past(database, clock) -> None:
    view = publish(database, NoticeDraft(title_zh="今日访客请走东门", ends_on=JUNE_15))
    assert (view.starts_on, view.state) == (JUNE_15, NoticeState.CURRENT)
    earlier = publish(database, NoticeDraft(title_en="Since last week", starts_on=date(2026, 6, 8), ends_on=JUNE_16))
    assert earlier.state is NoticeState.CURRENT


def test_withdrawn_notices_leave_the_welcome_screen_at_once_and_stay_on_the_desks_list(database) -> None:
    drill = publish(database)
    publish(database, NoticeDraft(title_en="Visitor parking full", ends_on=JUNE_15))
    with database.unit_of_work("staff:bob") as uow:
        gone = notices.withdraw(uow, SITE, drill.id)
    assert gone.state is NoticeState.WITHDRAWN and gone.withdrawn_at is not None
    assert current(database) == ["Visitor parking full"]
    listed = board(database)
    assert [(n.id, n.state) for n in listed.in_state(NoticeState.WITHDRAWN)] == [(drill.id, NoticeState.WITHDRAWN)]
    assert listed.in_state(NoticeState.WITHDRAWN)[0].updated_by == "staff:bob"
    with database.unit_of_work("staff:bob") as uow, pytest.raises(Conflict) as twice:
        notices.withdraw(uow, SITE, drill.id)
    assert twice.value.code == "notice_withdrawn"


# -- languages -------------------------------------------------------------------------------------------------


def test_each_language_falls_back_to_the_other_where_it_is_empty(database) -> None:
    publish(database, DRILL)
    publish(database, NoticeDraft(title_zh="东门今日关闭", ends_on=JUNE_15))  # Chinese only
    publish(database, NoticeDraft(title_zh="访客车位已满", title_en="Visitor parking full",
                                  body_zh="请停在P2。", ends_on=JUNE_15))  # no English text
    shown = welcome(database)
    assert shown["zh_CN"] == [("访客车位已满", "请停在P2。"), ("东门今日关闭", ""), ("消防演练", DRILL.body_zh)]
    assert shown["en"] == [("Visitor parking full", "请停在P2。"), ("东门今日关闭", ""), ("Fire drill", DRILL.body_en)]


def test_the_welcome_screen_gets_the_newest_ten(database) -> None:
    for index in range(12):
        publish(database, NoticeDraft(title_en=f"Notice {index}", ends_on=JUNE_15))
    titles = [title for title, _body in welcome(database)["en"]]
    assert titles == [f"Notice {index}" for index in range(11, 1, -1)]


# -- what is refused -------------------------------------------------------------------------------------------


def test_a_notice_needs_a_title_in_at_least_one_language(database) -> None:
    assert refused(database, NoticeDraft(body_en="No title", ends_on=JUNE_15)) == {"title": "required"}
    assert refused(database, NoticeDraft(title_zh="消防演练", body_en="A text without its title",
                                         ends_on=JUNE_15)) == {"title_en": "required"}
    assert refused(database, NoticeDraft(title_en="\u202e\u200b\x00", ends_on=JUNE_15)) == {"title": "required"}
    assert board(database).notices == []  # nothing was saved


@pytest.mark.parametrize(("field", "fits", "too_wide"), [
    ("title_zh", "消" * 20, "消" * 21),  # 40 columns: a Chinese character counts two
    ("title_en", "x" * 40, "x" * 41),
    ("body_zh", "请" * 60, "请" * 60 + "a"),  # 120 columns
    ("body_en", "w" * 120, "w" * 121),
])
def test_a_text_wider_than_the_welcome_screen_shows_is_refused_by_field(database, field, fits, too_wide) -> None:
    assert (TITLE_MAX_COLUMNS, BODY_MAX_COLUMNS) == (40, 120)  # what the welcome screen's tests render
    titles = {"title_zh": "标题", "title_en": "Title"}
    ok = publish(database, NoticeDraft(**(titles | {field: fits}), ends_on=JUNE_15))
    assert getattr(ok, field) == fits
    with pytest.raises(ValidationFailed) as caught:
        publish(database, NoticeDraft(**(titles | {field: too_wide}), ends_on=JUNE_15))
    error = caught.value.by_field[field]
    assert error.code == "too_long" and "welcome screen" in error.message
    assert len(board(database).notices) == 1


def test_the_days_must_be_in_order_and_not_over_already(database) -> None:
    title = {"title_en": "Lift B closed"}
    assert refused(database, NoticeDraft(**title, starts_on=JUNE_17, ends_on=JUNE_16)) == {"ends_on": "before_start"}
    assert refused(database, NoticeDraft(**title, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 14))) == {
        "ends_on": "in_past"}
    assert refused(database, NoticeDraft(**title, starts_on=JUNE_15)) == {"ends_on": "required"}
    assert refused(database, NoticeDraft(starts_on=JUNE_17, ends_on=JUNE_16)) == {
        "title": "required", "ends_on": "before_start"}  # every problem at once


def test_texts_are_plain_one_paragraph_and_shown_as_written(database) -> None:
    view = publish(database, NoticeDraft(
        title_en="<b>bold</b> & <i>new</i>", title_zh="\u202e通知\u202c",
        body_en="Line one\nline two\ttabbed\x07\x00  end ", body_zh="请\u200b走\r\n东门 👩\u200d💻",
        ends_on=JUNE_15))
    assert view.title_en == "<b>bold</b> & <i>new</i>"  # markup is text here, to be shown as written
    assert view.title_zh == "通知"  # the right-to-left override is gone
    assert view.body_en == "Line one line two tabbed end"
    assert view.body_zh == "请走 东门 👩\u200d💻"  # a zero-width space goes, the emoji's joiner stays


# -- editing ---------------------------------------------------------------------------------------------------


def test_an_edit_changes_texts_and_days_and_names_who_did_it(database, clock) -> None:
    drill = publish(database)
    clock.advance(minutes=5)
    changed = NoticeDraft(title_zh="消防演练", title_en="Fire drill moved", body_en="Now at 15:00.",
                          starts_on=JUNE_15, ends_on=JUNE_17)
    with database.unit_of_work("staff:bob") as uow:
        edited = notices.edit(uow, SITE, drill.id, changed, version=drill.version)
    assert (edited.title_en, edited.body_en, edited.body_zh, edited.ends_on) == (
        "Fire drill moved", "Now at 15:00.", "", JUNE_17)
    assert (edited.version, edited.created_by, edited.updated_by) == (2, "staff:amy", "staff:bob")
    assert edited.updated_at == clock.now() and edited.created_at < edited.updated_at
    assert welcome(database)["en"] == [("Fire drill moved", "Now at 15:00.")]


def test_an_edit_made_on_an_older_copy_is_refused(database) -> None:
    drill = publish(database)
    with database.unit_of_work("staff:bob") as uow:
        notices.edit(uow, SITE, drill.id, NoticeDraft(title_en="Bob's change", ends_on=JUNE_16), version=1)
    with database.unit_of_work("staff:amy") as uow, pytest.raises(Conflict) as caught:
        notices.edit(uow, SITE, drill.id, NoticeDraft(title_en="Amy's change", ends_on=JUNE_16), version=1)
    assert caught.value.code == "notice_changed"
    assert welcome(database)["en"] == [("Bob's change", "")]


def test_an_edit_that_changes_nothing_keeps_the_version_and_writes_no_history(database) -> None:
    drill = publish(database)
    with database.unit_of_work("staff:bob") as uow:
        same = notices.edit(uow, SITE, drill.id, DRILL, version=1)
    assert same.version == 1 and same.updated_by == "staff:amy"
    assert [e.action for e in audit_trail(database)] == ["notice.published"]


def test_ended_withdrawn_and_unknown_notices_cannot_be_changed(database, clock) -> None:
    drill = publish(database)
    clock.set(shanghai(JUNE_17, 9))
    with database.unit_of_work("staff:amy") as uow, pytest.raises(Conflict) as ended:
        notices.edit(uow, SITE, drill.id, DRILL, version=1)
    assert ended.value.code == "notice_ended"
    with database.unit_of_work("staff:amy") as uow, pytest.raises(Conflict):
        notices.withdraw(uow, SITE, drill.id)
    with database.unit_of_work("staff:amy") as uow, pytest.raises(NotFound):
        notices.withdraw(uow, SITE, 999)
    with database.unit_of_work("test") as uow:
        ensure_site(uow, "NY", "New York office", "America/New_York")
        uow.commit()
    with database.unit_of_work("staff:ny") as uow, pytest.raises(NotFound):
        notices.get_notice(uow, "NY", drill.id)  # another site's notice is not there for it


def test_an_edit_that_would_end_the_notice_before_today_is_refused(database, clock) -> None:
    drill = publish(database, NoticeDraft(title_en="Week of works", starts_on=JUNE_15, ends_on=date(2026, 6, 19)))
    clock.set(shanghai(JUNE_17, 9))
    with database.unit_of_work("staff:amy") as uow, pytest.raises(ValidationFailed) as caught:
        notices.edit(uow, SITE, drill.id, NoticeDraft(title_en="Week of works", starts_on=JUNE_15, ends_on=JUNE_16),
                     version=1)
    assert caught.value.by_field["ends_on"].code == "in_past"


# -- the desk's list, the audit trail, the live desk ------------------------------------------------------------


def test_the_desks_list_puts_current_then_upcoming_then_past(database, clock) -> None:
    clock.set(shanghai(date(2026, 6, 10), 9))
    old = publish(database, NoticeDraft(title_en="Old", starts_on=date(2026, 6, 10), ends_on=date(2026, 6, 12)))
    clock.set(shanghai(JUNE_15, 9))
    later = publish(database, NoticeDraft(title_en="Later", starts_on=date(2026, 6, 20), ends_on=date(2026, 6, 21)))
    soon = publish(database, NoticeDraft(title_en="Soon", starts_on=JUNE_17, ends_on=JUNE_17))
    now_a = publish(database, NoticeDraft(title_en="Now A", starts_on=date(2026, 6, 14), ends_on=JUNE_16))
    now_b = publish(database, NoticeDraft(title_en="Now B", starts_on=JUNE_15, ends_on=JUNE_15))
    listed = board(database)
    assert listed.day == JUNE_15
    assert [n.id for n in listed.notices] == [now_b.id, now_a.id, soon.id, later.id, old.id]
    assert [n.state for n in listed.notices] == [NoticeState.CURRENT] * 2 + [NoticeState.UPCOMING] * 2 + [
        NoticeState.PAST]


def test_the_audit_trail_names_each_person_and_keeps_no_text(database) -> None:
    drill = publish(database, actor="staff:amy")
    with database.unit_of_work("staff:bob") as uow:
        notices.edit(uow, SITE, drill.id, NoticeDraft(title_en="Changed", ends_on=JUNE_17), version=1)
    with database.unit_of_work("cli:root") as uow:
        notices.withdraw(uow, SITE, drill.id)
    trail = audit_trail(database)
    assert [(e.action, e.actor, e.entity_id) for e in trail] == [
        ("notice.published", "staff:amy", drill.id), ("notice.edited", "staff:bob", drill.id),
        ("notice.withdrawn", "cli:root", drill.id)]
    assert trail[1].before == {"starts_on": "2026-06-15", "ends_on": "2026-06-16", "version": 1}
    assert trail[1].after == {"starts_on": "2026-06-15", "ends_on": "2026-06-17", "version": 2}
    assert trail[2].after == {"starts_on": "2026-06-15", "ends_on": "2026-06-17", "version": 3, "withdrawn": True}
    stored = repr([(e.before, e.after) for e in trail])
    assert "Fire" not in stored and "Changed" not in stored and "消防" not in stored


def test_publishing_tells_the_desks_that_notices_changed(database) -> None:
    def version() -> int:
        with database.engine.connect() as conn:
            return read_versions(conn).get(Area.NOTICES, 0)

    before = version()
    drill = publish(database)
    assert version() == before + 1
    with database.unit_of_work("staff:amy") as uow:
        notices.withdraw(uow, SITE, drill.id)
    assert version() == before + 2
