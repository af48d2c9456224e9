"""The desk's invitations, as a receptionist (and the visitor) would notice them: the list of upcoming
invitations and its filters, an edit that sends the updated calendar entry, a resend whose old code
stops working, and a group visit from a CSV where one bad row saves nothing."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.db import Database
from kiosk.domain.notifications import NotificationStatus
from kiosk.domain.visits import VisitStatus, WalkInOutcome
from kiosk.models import AuditEvent, Visit, Visitor
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import invitations, walkins
from kiosk.services.visits.invitations import GROUP_MAX_ROWS, InvitationQuery, InvitationSort
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from kiosk.services.visits.walkins import WalkInForm
from tests.factories import SITE, add_host, invite, mailed_code
from tests.notify.helpers import check_in, rows

ZONE = ZoneInfo("Asia/Shanghai")
MONDAY, TUESDAY, WEDNESDAY = date(2026, 6, 15), date(2026, 6, 16), date(2026, 6, 17)


def _ids(database: Database, **query: object) -> list[int]:
    with database.unit_of_work("staff:amy", write=False) as uow:
        return list(invitations.invitation_ids(uow, SITE, InvitationQuery(**query)))  # type: ignore[arg-type]


def _names(database: Database, **query: object) -> list[str]:
    with database.unit_of_work("staff:amy", write=False) as uow:
        ids = invitations.invitation_ids(uow, SITE, InvitationQuery(**query))  # type: ignore[arg-type]
        return [row.visitor_name for row in invitations.invitation_rows(uow, ids)]


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.unit_of_work("test", write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                        .order_by(AuditEvent.id)))


def _count(database: Database, model: type) -> int:
    with database.unit_of_work("test", write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


# ------------------------------------------------------------------------------------------------------ the list


def test_the_list_shows_upcoming_invitations_soonest_first_those_without_a_time_after(database, clock) -> None:
    zhang = add_host(database, name="张伟", email="zhang@example.com", department="Sales")
    invite(database, zhang.id, name="Past Visitor", phone="13800000001", visit_date=MONDAY)
    invite(database, zhang.id, name="Wed Morning", phone="13800000002", visit_date=WEDNESDAY, start=time(9, 0))
    invite(database, zhang.id, name="Tue All Day", phone="13800000003", visit_date=TUESDAY)
    invite(database, zhang.id, name="Tue Late", phone="13800000004", visit_date=TUESDAY, start=time(16, 0))
    invite(database, zhang.id, name="Tue Early", phone="13800000005", visit_date=TUESDAY, start=time(10, 0))
    cancelled = invite(database, zhang.id, name="Called Off", phone="13800000006", visit_date=TUESDAY)
    with database.unit_of_work("staff:amy") as uow:
        invitations.cancel_invitation(uow, cancelled.visit_id)
    with database.unit_of_work("kiosk:K1") as uow:  # a walk-in is not an invitation
        walkins.register_walk_in(uow, WalkInForm(name="Walk In", phone="13900000000", host_id=zhang.id,
                                                 purpose="meeting"), site_code=SITE)
    clock.advance(days=1)  # Tuesday: Monday's invitation is past

    assert _names(database) == ["Tue Early", "Tue Late", "Tue All Day", "Wed Morning"]
    assert _names(database, descending=True) == ["Wed Morning", "Tue Late", "Tue Early", "Tue All Day"]
    assert "Called Off" in _names(database, include_cancelled=True)
    assert _names(database, last_day=TUESDAY) == ["Tue Early", "Tue Late", "Tue All Day"]
    assert _names(database, first_day=MONDAY, last_day=MONDAY) == ["Past Visitor"]
    assert _names(database, sort=InvitationSort.VISITOR) == ["Tue All Day", "Tue Early", "Tue Late", "Wed Morning"]


def test_the_list_finds_by_visitor_company_phone_email_and_the_hosts_pinyin(database) -> None:
    zhang = add_host(database, name="张伟", email="zhang@example.com", department="Sales")
    li = add_host(database, name="李娜", email="li@example.com", department="Legal")
    invite(database, zhang.id, name="王小明", phone="13812345678", company="Acme 贸易", visit_date=TUESDAY)
    invite(database, li.id, name="Jane Doe", phone="13900001111", email="jane@contoso.com", visit_date=TUESDAY)

    assert _names(database, text="小明") == ["王小明"]
    assert _names(database, text="acme") == ["王小明"]
    assert _names(database, text="5678") == ["王小明"]  # the end of a phone number, as people read it out
    assert _names(database, text="138 1234") == ["王小明"]
    assert _names(database, text="contoso") == ["Jane Doe"]
    assert _names(database, text="zw") == ["王小明"]  # the host's initials
    assert _names(database, text="lina") == ["Jane Doe"]  # the host's pinyin
    assert _names(database, text="李") == ["Jane Doe"]
    assert _names(database, text="100%_") == []
    assert _names(database, host_id=li.id) == ["Jane Doe"]


def test_rows_come_in_the_order_asked_with_the_invitation_emails_status(database) -> None:
    host = add_host(database)
    by_mail = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY,
                     start=time(14, 0), end=time(15, 0))
    by_phone = invite(database, host.id, name="王小明", visit_date=TUESDAY)
    with database.unit_of_work("staff:amy", write=False) as uow:
        found = invitations.invitation_rows(uow, [by_phone.visit_id, 999_999, by_mail.visit_id])
        assert len(invitations.invitation_ids(uow, SITE, InvitationQuery(), limit=1)) == 1

    assert [r.id for r in found] == [by_phone.visit_id, by_mail.visit_id]
    phone_row, mail_row = found
    assert phone_row.email_status is None and phone_row.phone == "+8613800138000"
    assert mail_row.email_status is NotificationStatus.PENDING and mail_row.email == "jane@example.org"
    assert mail_row.expected_start == by_mail.expected_start and mail_row.host_name == "张伟"
    assert mail_row.department == "Sales" and mail_row.status is VisitStatus.INVITED


# ------------------------------------------------------------------------------------------------------ editing


def _edit(database: Database, visit_id: int, **values: object) -> invitations.InvitationEdited:
    with database.unit_of_work("staff:amy") as uow:
        row = invitations.invitation_detail(uow, visit_id)
    current = {"visitor_name": row.visitor_name, "phone": row.phone, "email": row.email, "company": row.company,
               "purpose": row.purpose, "purpose_note": row.purpose_note, "start": None, "end": None}
    if row.expected_start is not None:
        current["start"] = row.expected_start.astimezone(ZONE).time()
    if row.expected_end is not None:
        current["end"] = row.expected_end.astimezone(ZONE).time()
    current.update(values)
    with database.unit_of_work("staff:amy") as uow:
        return invitations.edit_invitation(uow, visit_id, **current)  # type: ignore[arg-type]


def test_a_new_time_sends_the_updated_entry_with_a_new_code_and_the_old_one_stops_working(database, clock) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY,
                     start=time(14, 0))

    edited = _edit(database, created.visit_id, start=time(15, 30), end=time(16, 30), company="Contoso")

    assert edited.changed == ("company", "start", "end") and edited.emailed and edited.token
    mails = rows(database, recipient="jane@example.org")
    assert [m.event for m in mails] == ["invitation_created", "invitation_changed"]
    assert mails[1].payload["sequence"] == 1 and mailed_code(mails[1].payload) == edited.token
    [event] = _audit(database, "visit.edited")
    assert event.actor == "staff:amy" and event.after["fields"] == ["company", "start", "end"]
    assert "Contoso" not in str(event.after) and "Contoso" not in str(event.before)  # ids and states, never values
    clock.advance(days=1)
    with pytest.raises(TokenRejected) as err:
        check_in(database, created.token)
    assert err.value.problem is TokenProblem.REPLACED
    assert check_in(database, edited.token).visitor_name == "Jane Doe"


def test_a_phone_or_note_change_keeps_the_code_and_sends_nothing(database) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    edited = _edit(database, created.visit_id, phone="13900139000", purpose_note="brings a laptop")
    assert edited.changed == ("phone", "purpose_note") and not edited.emailed and edited.token is None
    assert [m.event for m in rows(database, recipient="jane@example.org")] == ["invitation_created"]


def test_a_new_address_gets_the_invitation_itself(database) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    edited = _edit(database, created.visit_id, email="Jane.Doe@Example.org")
    assert edited.changed == ("email",)
    [mail] = rows(database, recipient="jane.doe@example.org")
    assert mail.event == "invitation_created" and mailed_code(mail.payload) == edited.token


def test_nothing_changed_saves_nothing(database) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    assert _edit(database, created.visit_id).changed == ()
    assert _audit(database, "visit.edited") == []


def test_a_corrected_name_does_not_rename_the_persons_past_visits(database, clock) -> None:
    host = add_host(database)
    earlier = invite(database, host.id, name="Jane Doe", visit_date=MONDAY)
    check_in(database, earlier.token)
    upcoming = invite(database, host.id, name="Jane Doe", visit_date=TUESDAY)  # the same visitor, found again

    _edit(database, upcoming.visit_id, visitor_name="Janet Doe")

    with database.unit_of_work("test", write=False) as uow:
        names = {v.id: uow.session.get(Visitor, v.visitor_id).name for v in uow.session.scalars(select(Visit))}
    assert names == {earlier.visit_id: "Jane Doe", upcoming.visit_id: "Janet Doe"}


def test_a_bad_field_or_a_used_invitation_saves_nothing(database) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", visit_date=MONDAY)
    with pytest.raises(ValidationFailed) as err:
        _edit(database, created.visit_id, phone="12", email="", start=time(10), end=time(9))
    assert {(e.field, e.code) for e in err.value.errors} == {("phone", "invalid_phone"), ("end", "before_start")}
    check_in(database, created.token)
    with pytest.raises(ValidationFailed) as err:
        _edit(database, created.visit_id, company="Contoso")
    assert err.value.errors[0].code == "not_invited"
    assert _audit(database, "visit.edited") == []


# ------------------------------------------------------------------------------------------------------ resending


def test_a_resend_queues_the_email_again_with_a_new_code_and_the_old_one_stops_working(database, clock) -> None:
    host = add_host(database)
    created = invite(database, host.id, name="Jane Doe", email="jane@example.org", visit_date=TUESDAY)
    with database.unit_of_work("staff:amy") as uow:
        again = invitations.resend_invitation(uow, created.visit_id)
    with database.unit_of_work("staff:amy") as uow:
        third = invitations.resend_invitation(uow, created.visit_id)  # twice is two e-mails, not one

    mails = rows(database, recipient="jane@example.org")
    assert [m.event for m in mails] == ["invitation_created"] * 3
    assert [m.payload.get("sequence") for m in mails] == [None, 1, 2]
    assert mailed_code(mails[2].payload) == third.token != again.token != created.token
    assert [e.actor for e in _audit(database, "visit.invitation_resent")] == ["staff:amy", "staff:amy"]
    clock.advance(days=1)
    for old in (created.token, again.token):
        with pytest.raises(TokenRejected) as err:
            check_in(database, old)
        assert err.value.problem is TokenProblem.REPLACED
    assert check_in(database, third.token).outcome == "checked_in"


def test_a_resend_needs_an_address_and_an_invitation_still_open(database) -> None:
    host = add_host(database)
    by_phone = invite(database, host.id, visit_date=TUESDAY)
    with pytest.raises(ValidationFailed) as err, database.unit_of_work("staff:amy") as uow:
        invitations.resend_invitation(uow, by_phone.visit_id)
    assert err.value.errors[0].field == "email"
    by_mail = invite(database, host.id, name="Jane Doe", phone="", email="jane@example.org", visit_date=TUESDAY)
    with database.unit_of_work("staff:amy") as uow:
        invitations.cancel_invitation(uow, by_mail.visit_id)
    with pytest.raises(ValidationFailed) as err, database.unit_of_work("staff:amy") as uow:
        invitations.resend_invitation(uow, by_mail.visit_id)
    assert err.value.errors[0].code == "not_invited"
    assert [m.event for m in rows(database, recipient="jane@example.org")] == [
        "invitation_created", "invitation_cancelled"]


# ------------------------------------------------------------------------------------------------------ a group


GOOD = "name,phone,email,company\n王小明,13800000001,,Acme\nJane Doe,,jane@example.org,Contoso\n李雷,13800000003,,\n"


def _group(database: Database, data: bytes, **options: object) -> invitations.GroupImportReport:
    values: dict[str, object] = {"host_id": None, "visit_date": TUESDAY, **options}
    with database.unit_of_work("staff:amy") as uow:
        return invitations.import_group_csv(uow, data, site_code=SITE, **values)  # type: ignore[arg-type]


def test_a_group_file_invites_every_row_for_one_host_day_and_time(database) -> None:
    host = add_host(database)
    report = _group(database, GOOD.encode("utf-8-sig"), host_id=host.id, start=time(10), end=time(12))

    assert report.ok and report.saved and len(report.invited) == 3
    assert [r.name for r in report.rows] == ["王小明", "Jane Doe", "李雷"]
    assert _names(database) == ["王小明", "Jane Doe", "李雷"]
    assert {i.expected_start for i in report.invited} == {report.invited[0].expected_start}
    assert [m.event for m in rows(database, recipient="jane@example.org")] == ["invitation_created"]
    [event] = _audit(database, "invitations.group_import")
    assert event.actor == "staff:amy" and event.after == {"visit_date": "2026-06-16", "invited": 3}
    assert len(_audit(database, "visit.invited")) == 3


def test_a_gbk_file_with_chinese_headings_is_read(database) -> None:
    host = add_host(database)
    data = "姓名,手机,公司\n王小明,13800000001,北京贸易\n".encode("gbk")
    report = _group(database, data, host_id=host.id)
    assert report.saved and report.rows[0].company == "北京贸易" and report.rows[0].phone == "+8613800000001"


def test_one_bad_row_saves_nothing_and_every_problem_has_its_line(database) -> None:
    host = add_host(database)
    data = ("name,phone,email\n"
            "王小明,13800000001,\n"
            "\n"  # an empty line is skipped, not a problem; it still counts as a line of the file
            ",13800000002,\n"
            "李雷,12345,\n"
            "Jane Doe,13800000001,\n"
            "No Contact,,\n").encode()
    visits_before = _count(database, Visit)

    report = _group(database, data, host_id=host.id)

    assert not report.ok and not report.saved
    assert [(p.line, p.field, p.code) for p in report.problems] == [
        (4, "name", "required"), (5, "phone", "invalid_phone"), (6, "phone", "duplicate"), (7, "phone", "required")]
    assert "line 2" in report.problems[2].message and report.problems[2].first_line == 2
    assert _count(database, Visit) == visits_before and _count(database, Visitor) == 0
    assert rows(database) == []


def test_a_preview_checks_every_row_and_saves_nothing(database) -> None:
    host = add_host(database)
    report = _group(database, GOOD.encode(), host_id=host.id, dry_run=True)
    assert report.ok and report.dry_run and not report.saved and len(report.rows) == 3
    assert _count(database, Visit) == 0


def test_visitors_already_invited_that_day_are_not_invited_twice(database) -> None:
    host = add_host(database)
    assert _group(database, GOOD.encode(), host_id=host.id).saved
    again = _group(database, GOOD.encode(), host_id=host.id)
    assert [(p.line, p.code) for p in again.problems] == [(2, "already_invited"), (3, "already_invited"),
                                                          (4, "already_invited")]
    assert _count(database, Visit) == 3


@pytest.mark.parametrize(("data", "code"), [
    (b"\xff\xfe\x00\x00\x81", "encoding"),
    (b"phone,email\n13800000001,\n", "missing_column"),
    (b"name,company\nJane,Acme\n", "missing_column"),
    (b"name,phone\n,\n", "empty"),
    (("name,phone\n" + "".join(f"V{i},138{i:08d}\n" for i in range(GROUP_MAX_ROWS + 1))).encode(), "too_many_rows"),
])
def test_a_file_that_cannot_be_a_group_says_why(database, data: bytes, code: str) -> None:
    host = add_host(database)
    report = _group(database, data, host_id=host.id)
    assert [p.code for p in report.problems] == [code] and not report.saved
    assert _count(database, Visit) == 0


def test_the_forms_host_and_day_are_checked_before_the_file(database) -> None:
    with pytest.raises(ValidationFailed) as err:
        _group(database, GOOD.encode(), host_id=None, visit_date=date(2026, 6, 1), start=time(10), end=time(9))
    assert {(e.field, e.code) for e in err.value.errors} == {
        ("host", "required"), ("date", "in_past"), ("end", "before_start")}


# ------------------------------------------------------------------------------------------------------ the gateway


def test_the_gateway_acts_as_the_person_signed_in(database) -> None:
    host = add_host(database)
    desk = DeskInvitationsGateway(database, SITE, "staff:amy")
    created = desk.create(invitations.InvitationForm(host_id=host.id, visitor_name="Jane Doe", phone="13800138000",
                                                     visit_date=TUESDAY))
    walk_in = desk.register_walk_in(WalkInForm(name="李雷", phone="13900139000", host_id=host.id, purpose="meeting"))
    desk.cancel(created.visit_id)

    assert walk_in.outcome is WalkInOutcome.PENDING
    with database.unit_of_work("test", write=False) as uow:
        actors = {(e.action, e.actor) for e in uow.session.scalars(select(AuditEvent))}
    assert {("visit.invited", "staff:amy"), ("visit.walk_in", "staff:amy"), ("visit.cancelled", "staff:amy")} <= actors
    assert [h.name for h in desk.search_hosts("zw")] == ["张伟"]
    assert desk.today() == MONDAY


def test_a_form_without_a_host_marks_the_host_and_every_other_field(database) -> None:
    desk = DeskInvitationsGateway(database, SITE, "staff:amy")
    with pytest.raises(ValidationFailed) as err:
        desk.create(invitations.InvitationForm(host_id=None, visitor_name="", phone="12"))
    assert [(e.field, e.code) for e in err.value.errors] == [
        ("host", "required"), ("name", "required"), ("phone", "invalid_phone")]
