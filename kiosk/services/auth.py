"""Staff accounts for the desk and the kiosk's maintenance panel: argon2 hashes, lockout, roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import StaffUser
from kiosk.services import audit
from kiosk.services.errors import AuthError, Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.text import clean_text

_HASHER = PasswordHasher()
MIN_PASSWORD = 8


@dataclass(frozen=True)
class StaffSession:
    user_id: int
    username: str
    role: StaffRole
    display_name: str = ""

    @property
    def actor(self) -> str:
        return f"staff:{self.username}"

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username

    def may(self, permission: Permission) -> bool:
        return may(self.role, permission)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed(
            [FieldError("password", "too_short", f"a password has at least {MIN_PASSWORD} characters")]
        )


def add_user(uow: UnitOfWork, username: str, password: str, role: StaffRole | str = StaffRole.RECEPTIONIST,
             display_name: str = "") -> int:
    name = clean_text(username, "username", max_len=64, required=True)
    _check_password(password)
    if uow.session.scalar(select(StaffUser.id).where(StaffUser.username == name)) is not None:
        raise Conflict(f"a user named {name!r} already exists")
    user = StaffUser(
        username=name, display_name=clean_text(display_name, "display_name", max_len=200),
        role=StaffRole(role), password_hash=_HASHER.hash(password), failed_attempts=0, active=True,
        created_at=uow.now(),
    )
    uow.session.add(user)
    uow.session.flush()
    audit.record(uow, "staff.added", "staff_user", user.id, after={"role": user.role.value})
    uow.commit()
    return user.id


def set_password(uow: UnitOfWork, username: str, password: str) -> None:
    _check_password(password)
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    user.password_hash = _HASHER.hash(password)
    user.failed_attempts, user.locked_until = 0, None
    audit.record(uow, "staff.password_set", "staff_user", user.id)
    uow.commit()


def authenticate(uow: UnitOfWork, username: str, password: str, *, max_failures: int = 5,
                 lockout_minutes: int = 15) -> StaffSession:
    """A session for the right password; after ``max_failures`` wrong ones the account waits it out."""
    # Whatever is typed into a login box reaches here; PostgreSQL would reject a NUL outright.
    if not username or len(username) > 64 or any(ord(ch) < 32 for ch in username):
        _HASHER.hash(password)
        raise AuthError("wrong user name or password")
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username).with_for_update())
    if user is None or not user.active:
        _HASHER.hash(password)  # same cost either way: no timing hint that the name does not exist
        raise AuthError("wrong user name or password")
    if user.locked_until is not None and user.locked_until > uow.now():
        raise AuthError("too many wrong passwords; try again later", code="locked")
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        if user.failed_attempts >= max_failures:
            user.locked_until = uow.now() + timedelta(minutes=lockout_minutes)
            user.failed_attempts = 0
            audit.record(uow, "staff.locked", "staff_user", user.id)
        uow.commit()
        raise AuthError("wrong user name or password") from None
    user.failed_attempts, user.locked_until = 0, None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    audit.record(uow, "staff.login", "staff_user", user.id)
    uow.commit()
    return _session(user)


def _session(user: StaffUser) -> StaffSession:
    return StaffSession(user.id, user.username, StaffRole(user.role), user.display_name)


def has_staff(uow: UnitOfWork) -> bool:
    """False on a fresh database: the desk then offers to create the first administrator."""
    return uow.session.scalar(select(StaffUser.id).limit(1)) is not None


def create_first_admin(uow: UnitOfWork, username: str, password: str, display_name: str = "") -> StaffSession:
    """The first account, an administrator; refused once any account exists (two desks racing included)."""
    if has_staff(uow):
        raise Conflict("a staff account already exists; sign in with it")
    user_id = add_user(uow, username, password, StaffRole.ADMIN, display_name)  # commits
    user = uow.session.get(StaffUser, user_id)
    assert user is not None
    return _session(user)


def change_password(uow: UnitOfWork, user_id: int, old_password: str, new_password: str) -> None:
    """The person's own change: the old password first, so an unlocked desk left alone cannot be taken over."""
    user = uow.session.get(StaffUser, user_id)
    if user is None or not user.active:
        raise AuthError("this account no longer exists")
    try:
        _HASHER.verify(user.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise AuthError("the current password is not right", code="wrong_password") from None
    if old_password == new_password:
        raise ValidationFailed([FieldError("password", "unchanged", "the new password is the same as the old one")])
    _check_password(new_password)
    user.password_hash = _HASHER.hash(new_password)
    audit.record(uow, "staff.password_changed", "staff_user", user.id)
    uow.commit()
