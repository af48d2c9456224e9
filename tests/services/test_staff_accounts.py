"""Keeping the staff accounts: an administrator's alone; every change audited with who made it; the
last active administrator can be neither demoted nor deactivated; a reset password unlocks."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.models import AuditEvent, StaffUser
from kiosk.services import auth
from kiosk.services.errors import AuthError, Conflict, NotFound, PolicyRefusal, ValidationFailed

ADMIN, SUPERVISOR, RECEPTIONIST = StaffRole.ADMIN, StaffRole.SUPERVISOR, StaffRole.RECEPTIONIST


def _as(db: Database, actor: str, action: Callable[..., Any], *args: Any, role: StaffRole = ADMIN, **kw: Any) -> Any:
    with db.unit_of_work(actor) as uow:
        return action(uow, *args, role=role, **kw)


def _sign_in(db: Database, name: str, password: str) -> auth.StaffSession:
    with db.unit_of_work("desk:sign-in") as uow:
        return auth.authenticate(uow, name, password, max_failures=3, lockout_minutes=15)


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.unit_of_work("test", write=False) as uow:
        return list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                        .order_by(AuditEvent.id)))


def _accounts(db: Database) -> dict[str, auth.StaffAccount]:
    with db.unit_of_work("test", write=False) as uow:
        return {a.username: a for a in auth.list_accounts(uow, role=ADMIN)}


@pytest.fixture
def staff(database: Database) -> Database:
    """root (the only administrator), sue (supervisor), rita (receptionist)."""
    with database.unit_of_work("desk:sign-in") as uow:
        auth.create_first_admin(uow, "root", "root-password", "Site Admin")
    for name, role in (("sue", SUPERVISOR), ("rita", RECEPTIONIST)):
        with database.unit_of_work("cli:ops") as uow:
            auth.add_user(uow, name, f"{name}-password", role)
    return database


def test_the_list_says_role_active_locked_and_last_sign_in(staff: Database) -> None:
    _sign_in(staff, "sue", "sue-password")
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(staff, "rita", "wrong")
    accounts = _accounts(staff)
    assert list(accounts) == ["rita", "root", "sue"]
    root, sue, rita = accounts["root"], accounts["sue"], accounts["rita"]
    assert (root.role, root.display_name, root.active, root.last_sign_in_at) == (ADMIN, "Site Admin", True, None)
    assert sue.last_sign_in_at == staff.clock.now() and sue.locked_until is None
    assert rita.locked_until == staff.clock.now() + timedelta(minutes=15)
    staff.clock.advance(minutes=16)
    assert _accounts(staff)["rita"].locked_until is None  # a lockout that has run out is not shown


def test_an_administrator_adds_an_account_that_can_sign_in(staff: Database) -> None:
    added = _as(staff, "staff:root", auth.add_account, "amy", "amy-password", SUPERVISOR, "<h2>Amy</h2>")
    assert (added.username, added.role, added.display_name, added.active) == (
        "amy", SUPERVISOR, "<h2>Amy</h2>", True)
    assert _sign_in(staff, "amy", "amy-password").role is SUPERVISOR
    [event] = _events(staff, "staff.added")[-1:]
    assert (event.actor, event.entity_id, event.after) == ("staff:root", added.id, {"role": "supervisor"})


@pytest.mark.parametrize(("name", "password", "display", "error"), [
    ("amy", "short", "", ValidationFailed), ("", "long enough", "", ValidationFailed),
    ("a\nb", "long enough", "", ValidationFailed), ("amy", "long enough", "x" * 201, ValidationFailed),
    ("sue", "long enough", "", Conflict),
])
def test_a_bad_new_account_saves_nothing(staff: Database, name: str, password: str, display: str,
                                         error: type[Exception]) -> None:
    with pytest.raises(error):
        _as(staff, "staff:root", auth.add_account, name, password, RECEPTIONIST, display)
    assert set(_accounts(staff)) == {"root", "sue", "rita"}


def test_a_role_change_is_audited_with_before_and_after(staff: Database) -> None:
    changed = _as(staff, "staff:root", auth.change_role, "rita", SUPERVISOR)
    assert changed.role is SUPERVISOR and _sign_in(staff, "rita", "rita-password").role is SUPERVISOR
    [event] = _events(staff, "staff.role_changed")
    assert (event.actor, event.entity_id, event.before, event.after) == (
        "staff:root", changed.id, {"role": "receptionist"}, {"role": "supervisor"})
    _as(staff, "staff:root", auth.change_role, "rita", SUPERVISOR)  # no change: nothing recorded
    assert len(_events(staff, "staff.role_changed")) == 1
    with pytest.raises(ValidationFailed):
        _as(staff, "staff:root", auth.change_role, "rita", "owner")
    with pytest.raises(NotFound):
        _as(staff, "staff:root", auth.change_role, "nobody", SUPERVISOR)


def test_a_deactivated_account_cannot_sign_in_until_reactivated(staff: Database) -> None:
    gone = _as(staff, "staff:root", auth.set_active, "sue", False)
    assert not gone.active
    with pytest.raises(AuthError):
        _sign_in(staff, "sue", "sue-password")
    assert _as(staff, "staff:root", auth.set_active, "sue", True).active
    assert _sign_in(staff, "sue", "sue-password").username == "sue"
    [off], [on] = _events(staff, "staff.deactivated"), _events(staff, "staff.reactivated")
    assert (off.actor, off.before, off.after) == ("staff:root", {"active": True}, {"active": False})
    assert (on.actor, on.before, on.after) == ("staff:root", {"active": False}, {"active": True})


def test_the_last_administrator_cannot_lock_everyone_out(staff: Database) -> None:
    for attempt in (lambda: _as(staff, "staff:root", auth.set_active, "root", False),
                    lambda: _as(staff, "staff:root", auth.change_role, "root", SUPERVISOR),
                    lambda: _as(staff, "cli:ops", auth.change_role, "root", RECEPTIONIST)):
        with pytest.raises(PolicyRefusal) as refused:
            attempt()
        assert refused.value.code == "last_admin" and "root" in refused.value.message
    assert _accounts(staff)["root"].role is ADMIN and _accounts(staff)["root"].active
    assert _events(staff, "staff.role_changed") == [] and _events(staff, "staff.deactivated") == []

    # With a second administrator either may step down, and then the other is the last one.
    _as(staff, "staff:root", auth.change_role, "sue", ADMIN)
    _as(staff, "staff:root", auth.change_role, "root", SUPERVISOR)
    with pytest.raises(PolicyRefusal) as refused:
        _as(staff, "staff:sue", auth.set_active, "sue", False)
    assert refused.value.code == "last_admin"


def test_an_inactive_administrator_does_not_count(staff: Database) -> None:
    _as(staff, "staff:root", auth.add_account, "ann", "ann-password", ADMIN)
    _as(staff, "staff:root", auth.set_active, "ann", False)
    with pytest.raises(PolicyRefusal) as refused:
        _as(staff, "staff:root", auth.change_role, "root", RECEPTIONIST)
    assert refused.value.code == "last_admin"
    _as(staff, "staff:root", auth.set_active, "ann", True)
    assert _as(staff, "staff:root", auth.change_role, "root", RECEPTIONIST).role is RECEPTIONIST


def test_a_reset_password_unlocks_and_the_old_one_stops_working(staff: Database) -> None:
    for _ in range(3):
        with pytest.raises(AuthError):
            _sign_in(staff, "rita", "wrong")
    with pytest.raises(AuthError) as locked:
        _sign_in(staff, "rita", "rita-password")
    assert locked.value.code == "locked"
    account = _as(staff, "staff:root", auth.reset_password, "rita", "new-rita-pass")
    assert account.locked_until is None
    with pytest.raises(AuthError):
        _sign_in(staff, "rita", "rita-password")
    assert _sign_in(staff, "rita", "new-rita-pass").username == "rita"
    [event] = _events(staff, "staff.password_set")
    assert (event.actor, event.after) == ("staff:root", {"unlocked": True})
    with pytest.raises(ValidationFailed):
        _as(staff, "staff:root", auth.reset_password, "rita", "short")


@pytest.mark.parametrize("role", [RECEPTIONIST, SUPERVISOR])
def test_anyone_but_an_administrator_is_refused_and_nothing_changes(staff: Database, role: StaffRole) -> None:
    attempts: list[Callable[[], Any]] = [
        lambda: _as(staff, "staff:sue", auth.list_accounts, role=role),
        lambda: _as(staff, "staff:sue", auth.get_account, "rita", role=role),
        lambda: _as(staff, "staff:sue", auth.add_account, "eve", "eve-password", ADMIN, role=role),
        lambda: _as(staff, "staff:sue", auth.change_role, "sue", ADMIN, role=role),
        lambda: _as(staff, "staff:sue", auth.set_active, "root", False, role=role),
        lambda: _as(staff, "staff:sue", auth.reset_password, "root", "taken-over!", role=role),
    ]
    for attempt in attempts:
        with pytest.raises(PolicyRefusal) as refused:
            attempt()
        assert refused.value.code == "not_allowed"
    accounts = _accounts(staff)
    assert set(accounts) == {"root", "sue", "rita"} and accounts["sue"].role is SUPERVISOR
    assert accounts["root"].active and _sign_in(staff, "root", "root-password").role is ADMIN
    with staff.unit_of_work("test", write=False) as uow:
        assert uow.session.scalar(select(StaffUser.id).where(StaffUser.username == "eve")) is None


def test_two_administrators_demoting_each_other_at_once_leave_one(staff: Database,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Each checks "is someone else still an administrator?" while the other is about to commit: one waits for
    the other (PostgreSQL: the administrators' rows locked; SQLite: writers queue) and is then refused."""
    _as(staff, "staff:root", auth.change_role, "sue", ADMIN)
    checked = threading.Event()
    keep = auth._keep_an_administrator

    def slow_check(user: StaffUser, administrators: set[int]) -> None:
        keep(user, administrators)
        checked.set()
        time.sleep(0.5)  # the other desk's change arrives now, before this one commits

    monkeypatch.setattr(auth, "_keep_an_administrator", slow_check)
    outcomes: dict[str, str] = {}

    def demote(actor: str, target: str) -> None:
        try:
            _as(staff, actor, auth.change_role, target, RECEPTIONIST)
            outcomes[actor] = "done"
        except PolicyRefusal as refused:
            outcomes[actor] = refused.code

    first = threading.Thread(target=demote, args=("staff:root", "sue"))
    second = threading.Thread(target=demote, args=("staff:sue", "root"))
    first.start()
    assert checked.wait(10)
    second.start()
    for thread in (first, second):
        thread.join(30)
    assert outcomes == {"staff:root": "done", "staff:sue": "last_admin"}
    accounts = _accounts(staff)
    assert (accounts["root"].role, accounts["sue"].role) == (ADMIN, RECEPTIONIST)
