"""Staff accounts: argon2 hashes, lockout after repeated wrong passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import select

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
