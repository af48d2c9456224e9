"""Staff accounts for the desk and the kiosk's maintenance panel: argon2 hashes, lockout, roles.

Signing in, the first administrator and one's own password are everyone's. Keeping the accounts
(listing them, adding one, changing a role, deactivating and reactivating, resetting a password) is
the administrator's (``Permission.MANAGE_STAFF``): those functions take the caller's ``role`` as a
plain value and refuse anyone else (``PolicyRefusal``, code ``not_allowed``). No change may leave
the site without an active administrator (code ``last_admin``): somebody must always be able to
manage the accounts. ``add_user`` and ``set_password`` take no role: they are the operator's tools
(``kioskctl users add|passwd``, seed data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import StaffUser
from kiosk.services import audit
from kiosk.services.errors import AuthError, Conflict, FieldError, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.text import clean_text

_HASHER = PasswordHasher()
MIN_PASSWORD = 8
NOT_ALLOWED = "not_allowed"
LAST_ADMIN = "last_admin"


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


def _role(value: StaffRole | str) -> StaffRole:
    try:
        return StaffRole(value)
    except ValueError:
        raise ValidationFailed([FieldError("role", "invalid", f"{value!r} is not a staff role")]) from None


def _add(uow: UnitOfWork, username: str, password: str, role: StaffRole | str, display_name: str) -> StaffUser:
    errors: list[FieldError] = []
    name = clean_text(username, "username", max_len=64, required=True, errors=errors)
    shown = clean_text(display_name, "display_name", max_len=200, errors=errors)
    if len(password) < MIN_PASSWORD:
        errors.append(FieldError("password", "too_short", f"a password has at least {MIN_PASSWORD} characters"))
    if errors:
        raise ValidationFailed(errors)
    chosen = _role(role)
    if uow.session.scalar(select(StaffUser.id).where(StaffUser.username == name)) is not None:
        raise Conflict(f"a user named {name!r} already exists")
    user = StaffUser(
        username=name, display_name=shown, role=chosen, password_hash=_HASHER.hash(password), failed_attempts=0,
        active=True, created_at=uow.now(),
    )
    uow.session.add(user)
    uow.session.flush()
    audit.record(uow, "staff.added", "staff_user", user.id, after={"role": user.role.value})
    return user


def add_user(uow: UnitOfWork, username: str, password: str, role: StaffRole | str = StaffRole.RECEPTIONIST,
             display_name: str = "") -> int:
    user = _add(uow, username, password, role, display_name)
    uow.commit()
    return user.id


def _set_password(uow: UnitOfWork, user: StaffUser, password: str) -> None:
    """A new password, set by someone else: the account is unlocked (said in the audit event when it was)."""
    _check_password(password)
    was_locked = user.locked_until is not None and user.locked_until > uow.now()
    user.password_hash = _HASHER.hash(password)
    user.failed_attempts, user.locked_until = 0, None
    audit.record(uow, "staff.password_set", "staff_user", user.id, after={"unlocked": True} if was_locked else None)


def set_password(uow: UnitOfWork, username: str, password: str) -> None:
    _check_password(password)
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    _set_password(uow, user, password)
    uow.commit()


@cache
def _decoy_hash() -> str:
    """A hash no password is checked against for real: refusals verify against it to cost what a real check does."""
    return _HASHER.hash("decoy: no account has this password")


def _verified(password_hash: str, password: str) -> bool:
    """One argon2 verification, whatever the outcome: every refusal takes as long as a wrong password."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(uow: UnitOfWork, username: str, password: str, *, max_failures: int = 5,
                 lockout_minutes: int = 15) -> StaffSession:
    """A session for the right password; after ``max_failures`` wrong ones the account waits it out.

    Every refusal (no such user, inactive, locked, wrong password) costs one argon2 verification,
    so how long the answer takes says nothing about which it was.
    """
    # Whatever is typed into a login box reaches here; PostgreSQL would reject a NUL outright.
    if not username or len(username) > 64 or any(ord(ch) < 32 for ch in username):
        _verified(_decoy_hash(), password)
        raise AuthError("wrong user name or password")
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username).with_for_update())
    if user is None or not user.active:
        _verified(_decoy_hash(), password)
        raise AuthError("wrong user name or password")
    right = _verified(user.password_hash, password)  # before the lockout check, which would answer at once
    if user.locked_until is not None and user.locked_until > uow.now():
        raise AuthError("too many wrong passwords; try again later", code="locked")
    if not right:
        user.failed_attempts += 1
        if user.failed_attempts >= max_failures:
            user.locked_until = uow.now() + timedelta(minutes=lockout_minutes)
            user.failed_attempts = 0
            audit.record(uow, "staff.locked", "staff_user", user.id)
        uow.commit()
        raise AuthError("wrong user name or password")
    user.failed_attempts, user.locked_until = 0, None
    user.last_sign_in_at = uow.now()
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


# -- keeping the accounts (an administrator's) ----------------------------------------------------------------


@dataclass(frozen=True)
class StaffAccount:
    """One account as the staff list shows it. ``locked_until`` only while the lockout lasts."""

    id: int
    username: str
    display_name: str
    role: StaffRole
    active: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    created_at: datetime

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


def refuse_unless_staff_manager(role: StaffRole) -> None:
    if not may(role, Permission.MANAGE_STAFF):
        raise PolicyRefusal("only an administrator may manage staff accounts", code=NOT_ALLOWED)


def _account(uow: UnitOfWork, user: StaffUser) -> StaffAccount:
    locked = user.locked_until if user.locked_until is not None and user.locked_until > uow.now() else None
    return StaffAccount(user.id, user.username, user.display_name, StaffRole(user.role), user.active, locked,
                        user.last_sign_in_at, user.created_at)


def _user_named(uow: UnitOfWork, username: str) -> StaffUser:
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username).with_for_update())
    if user is None:
        raise NotFound(f"no user named {username!r}")
    return user


def _administrators(uow: UnitOfWork) -> set[int]:
    """The active administrators' ids, their rows locked (``FOR UPDATE`` on PostgreSQL, in id order).

    Taken before the account being changed is read: two administrators demoting each other at once
    queue here, and the second finds the first already demoted (PostgreSQL re-reads a locked row
    that changed). SQLite's writers queue anyway (``BEGIN IMMEDIATE``).
    """
    return set(uow.session.scalars(
        select(StaffUser.id).where(StaffUser.role == StaffRole.ADMIN, StaffUser.active.is_(True))
        .order_by(StaffUser.id).with_for_update()
    ))


def _keep_an_administrator(user: StaffUser, administrators: set[int]) -> None:
    """Refuse to take away ``user``'s administrator rights when nobody else would have them."""
    if user.active and user.role == StaffRole.ADMIN and administrators <= {user.id}:
        raise PolicyRefusal(
            f"{user.username} is the last active administrator; make someone else an administrator first",
            code=LAST_ADMIN)


def list_accounts(uow: UnitOfWork, *, role: StaffRole) -> list[StaffAccount]:
    """Every account, the active ones first, each group by user name."""
    refuse_unless_staff_manager(role)
    users = uow.session.scalars(select(StaffUser).order_by(StaffUser.active.desc(), StaffUser.username))
    return [_account(uow, user) for user in users]


def get_account(uow: UnitOfWork, username: str, *, role: StaffRole) -> StaffAccount:
    refuse_unless_staff_manager(role)
    user = uow.session.scalar(select(StaffUser).where(StaffUser.username == username))
    if user is None:
        raise NotFound(f"no user named {username!r}")
    return _account(uow, user)


def add_account(uow: UnitOfWork, username: str, password: str, new_role: StaffRole | str,
                display_name: str = "", *, role: StaffRole) -> StaffAccount:
    """A new active account; a user name already taken (active or not) is refused (code ``conflict``)."""
    refuse_unless_staff_manager(role)
    user = _add(uow, username, password, new_role, display_name)
    uow.commit()
    return _account(uow, user)


def change_role(uow: UnitOfWork, username: str, new_role: StaffRole | str, *, role: StaffRole) -> StaffAccount:
    refuse_unless_staff_manager(role)
    chosen = _role(new_role)
    administrators = _administrators(uow) if chosen is not StaffRole.ADMIN else set()
    user = _user_named(uow, username)
    if user.role == chosen:
        return _account(uow, user)
    if chosen is not StaffRole.ADMIN:
        _keep_an_administrator(user, administrators)
    before = StaffRole(user.role)
    user.role = chosen
    audit.record(uow, "staff.role_changed", "staff_user", user.id, before={"role": before.value},
                 after={"role": chosen.value})
    uow.commit()
    return _account(uow, user)


def set_active(uow: UnitOfWork, username: str, active: bool, *, role: StaffRole) -> StaffAccount:
    """Deactivate (the account can no longer sign in; its history stays) or reactivate an account."""
    refuse_unless_staff_manager(role)
    administrators = _administrators(uow) if not active else set()
    user = _user_named(uow, username)
    if user.active is active:
        return _account(uow, user)
    if not active:
        _keep_an_administrator(user, administrators)
    user.active = active
    audit.record(uow, "staff.reactivated" if active else "staff.deactivated", "staff_user", user.id,
                 before={"active": not active}, after={"active": active})
    uow.commit()
    return _account(uow, user)


def reset_password(uow: UnitOfWork, username: str, password: str, *, role: StaffRole) -> StaffAccount:
    """Someone's new password, set by an administrator; a locked account is unlocked."""
    refuse_unless_staff_manager(role)
    user = _user_named(uow, username)
    _set_password(uow, user, password)
    uow.commit()
    return _account(uow, user)
