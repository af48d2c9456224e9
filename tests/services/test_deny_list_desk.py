"""The deny list is the administrator's: a receptionist or a supervisor is refused reading or changing
it, whatever screen they use; an administrator adds, rewords and removes, each audited as them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.db import Database
from kiosk.domain.security import DenyKind, StaffRole
from kiosk.models import AuditEvent
from kiosk.services.errors import Conflict, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.visits import denylist
from tests.factories import SITE


def _desk(database: Database, role: StaffRole, actor: str = "staff:amy") -> DeskDirectoryGateway:
    return DeskDirectoryGateway(database, SITE, actor=actor, role=role)


@pytest.mark.parametrize("role", [StaffRole.RECEPTIONIST, StaffRole.SUPERVISOR])
def test_only_an_administrator_may_see_or_change_the_deny_list(database: Database, role: StaffRole) -> None:
    admin = _desk(database, StaffRole.ADMIN, "staff:root")
    entry = admin.add_deny_entry(DenyKind.NAME, "Mallory Bad", "trespass")
    desk = _desk(database, role)
    for attempt in (
        desk.deny_entries,
        lambda: desk.add_deny_entry(DenyKind.PHONE, "13800138000"),
        lambda: desk.edit_deny_reason(entry, "anything"),
        lambda: desk.remove_deny_entry(entry),
    ):
        with pytest.raises(PolicyRefusal) as refused:
            attempt()
        assert refused.value.code == "not_allowed"
    assert [(e.value, e.reason) for e in admin.deny_entries()] == [("Mallory Bad", "trespass")]


def test_an_administrator_adds_rewords_and_removes_each_audited_as_them(database: Database) -> None:
    admin = _desk(database, StaffRole.ADMIN, "staff:root")
    entry = admin.add_deny_entry(DenyKind.PHONE, "138 0013 8000", "harassed staff")
    [shown] = admin.deny_entries()
    assert (shown.kind, shown.value, shown.reason, shown.created_by) == (
        "phone", "138 0013 8000", "harassed staff", "staff:root")

    changed = admin.edit_deny_reason(entry, "  harassed reception staff (2026-05)  ")
    assert changed.reason == "harassed reception staff (2026-05)"
    assert admin.deny_entries()[0].reason == "harassed reception staff (2026-05)"
    admin.edit_deny_reason(entry, "harassed reception staff (2026-05)")  # the same words: nothing recorded

    admin.remove_deny_entry(entry)
    assert admin.deny_entries() == []
    with database.unit_of_work(write=False) as uow:
        events = [(e.action, e.actor, e.entity_id) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "deny_list").order_by(AuditEvent.id))]
        reworded = uow.session.scalar(select(AuditEvent).where(AuditEvent.action == "denylist.reason_changed"))
    assert events == [("denylist.added", "staff:root", entry), ("denylist.reason_changed", "staff:root", entry),
                      ("denylist.removed", "staff:root", entry)]
    assert "harassed" not in str(reworded.before) + str(reworded.after)  # states, never the words
    with pytest.raises(NotFound):
        admin.edit_deny_reason(entry, "gone")


def test_the_same_entry_twice_is_refused_and_bad_values_are_named(database: Database) -> None:
    admin = _desk(database, StaffRole.ADMIN)
    admin.add_deny_entry(DenyKind.COMPANY, "Evil Corp")
    with pytest.raises(Conflict) as twice:
        admin.add_deny_entry(DenyKind.COMPANY, "  EVIL corp ")
    assert twice.value.code == "already_listed"
    with pytest.raises(ValidationFailed) as wrong:
        admin.add_deny_entry(DenyKind.PHONE, "12345", "x" * 501)
    assert {(e.field, e.code) for e in wrong.value.errors} == {("value", "invalid_phone"), ("reason", "too_long")}
    with pytest.raises(ValidationFailed):
        admin.add_deny_entry(DenyKind.NAME, "   ")


def test_a_removed_entry_may_be_added_again_and_holds_again(database: Database) -> None:
    admin = _desk(database, StaffRole.ADMIN)
    first = admin.add_deny_entry(DenyKind.NAME, "Mallory Bad")
    admin.remove_deny_entry(first)
    second = admin.add_deny_entry(DenyKind.NAME, "Mallory Bad")
    assert second != first
    with database.unit_of_work(write=False) as uow:
        hit = denylist.screen(uow, name="mallory bad", phone=None, company=None)
    assert hit is not None and hit.entry_id == second
