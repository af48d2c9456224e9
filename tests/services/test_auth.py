"""Staff accounts: argon2 hashes, lockout after repeated wrong passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db import Database
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import StaffUser
from kiosk.services import auth
from kiosk.services.errors import AuthError, Conflict, ValidationFailed


def _login(db, password, user="amy"):
    with db.unit_of_work("admin-window") as uow:
        return auth.authenticate(uow, user, password, max_failures=3, lockout_minutes=15)


def test_password_is_hashed_and_login_works(database):
    with database.unit_of_work("cli") as uow:
        auth.add_user(uow, "amy", "correct horse", "receptionist")
    with database.unit_of_work(write=False) as uow:
        stored = uow.session.scalars(select(StaffUser.password_hash)).one()
    assert stored.startswith("$argon2") and "correct horse" not in stored
    session = _login(database, "correct horse")
    assert (session.username, session.role, session.actor) == ("amy", "receptionist", "staff:amy")


def test_lockout_after_repeated_failures_then_recovery(database):
    with database.unit_of_work("cli") as uow:
        auth.add_user(uow, "amy", "correct horse")
    for _ in range(3):
        with pytest.raises(AuthError) as err:
            _login(database, "wrong")
        assert err.value.code == "auth_failed"
    with pytest.raises(AuthError) as err:
        _login(database, "correct horse")
    assert err.value.code == "locked"
    database.clock.advance(minutes=16)
    assert _login(database, "correct horse").username == "amy"


def test_unknown_user_short_password_and_duplicates(database):
    with pytest.raises(AuthError):
        _login(database, "whatever", user="nobody")
    with pytest.raises(ValidationFailed), database.unit_of_work("cli") as uow:
        auth.add_user(uow, "bob", "short")
    with database.unit_of_work("cli") as uow:
        auth.add_user(uow, "bob", "long enough")
    with pytest.raises(Conflict), database.unit_of_work("cli") as uow:
        auth.add_user(uow, "bob", "long enough")


@pytest.mark.parametrize("username", ["amy\x00", "", "x" * 500, "a\nb"])
def test_hostile_user_names_are_just_wrong(database, username):
    with pytest.raises(AuthError):
        _login(database, "whatever", user=username)


def test_the_first_administrator_only_while_there_is_no_account(database: Database) -> None:
    with database.unit_of_work("test", write=False) as uow:
        assert not auth.has_staff(uow)
    with database.unit_of_work("desk:sign-in") as uow:
        session = auth.create_first_admin(uow, "root", "long enough")
    assert session.role is StaffRole.ADMIN and session.may(Permission.MANAGE_STAFF)
    with database.unit_of_work("desk:sign-in") as uow, pytest.raises(Conflict):
        auth.create_first_admin(uow, "mallory", "long enough")  # a second desk racing the first


def test_roles_grant_what_the_desk_shows() -> None:
    assert may(StaffRole.RECEPTIONIST, Permission.DAILY_WORK)
    assert not may(StaffRole.RECEPTIONIST, Permission.OVERRIDE_DENY_LIST)
    assert may(StaffRole.SUPERVISOR, Permission.OVERRIDE_DENY_LIST) and may(StaffRole.SUPERVISOR, Permission.REPORTS)
    assert not may(StaffRole.SUPERVISOR, Permission.MANAGE_STAFF)
    assert all(may(StaffRole.ADMIN, permission) for permission in Permission)
