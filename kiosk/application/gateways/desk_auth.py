"""Who sits at the desk: sign in, the first administrator, unlock, change password.

Every desk gateway acts as the person signed in here (``session.actor``), so each change in
the audit trail names them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db import Database
from kiosk.services import auth
from kiosk.services.auth import StaffSession

# Before anyone has signed in, what is written (a failed attempt, a lockout) is the desk's doing.
SIGN_IN_ACTOR = "desk:sign-in"


@dataclass
class DeskAuthGateway:
    database: Database
    max_failures: int = 5
    lockout_minutes: int = 15

    def needs_first_admin(self) -> bool:
        with self.database.unit_of_work(SIGN_IN_ACTOR, write=False) as uow:
            return not auth.has_staff(uow)

    def create_first_admin(self, username: str, password: str, display_name: str = "") -> StaffSession:
        with self.database.unit_of_work(SIGN_IN_ACTOR) as uow:
            return auth.create_first_admin(uow, username, password, display_name)

    def sign_in(self, username: str, password: str) -> StaffSession:
        with self.database.unit_of_work(SIGN_IN_ACTOR) as uow:
            return auth.authenticate(uow, username, password, max_failures=self.max_failures,
                                     lockout_minutes=self.lockout_minutes)

    def unlock(self, session: StaffSession, password: str) -> StaffSession:
        """The same person back at a locked desk: their password, with the same lockout as signing in."""
        return self.sign_in(session.username, password)

    def change_password(self, session: StaffSession, old_password: str, new_password: str) -> None:
        with self.database.unit_of_work(session.actor) as uow:
            auth.change_password(uow, session.user_id, old_password, new_password)
