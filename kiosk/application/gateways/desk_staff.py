"""The desk's staff accounts: list, add, change a role, deactivate and reactivate, reset a password.

One unit of work per call, acting as the person signed in (``actor``, with their ``role``): the
services refuse anyone without ``Permission.MANAGE_STAFF`` (``PolicyRefusal``, code ``not_allowed``)
and any change that would leave no active administrator (code ``last_admin``), whatever the screen
shows. Each change is audited with the person signed in. The view imports the value types from
here (the UI reaches services through the application layer): ``StaffAccount``, ``StaffRole``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.services import auth
from kiosk.services.auth import StaffAccount

__all__ = ["DeskStaffGateway", "StaffAccount", "StaffRole"]


@dataclass
class DeskStaffGateway:
    database: Database
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    username: str = ""  # the person signed in: the view marks their own account

    def may_manage(self) -> bool:
        """Whether the person signed in may manage staff accounts: the desk shows the view only then."""
        return may(self.role, Permission.MANAGE_STAFF)

    def accounts(self) -> list[StaffAccount]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return auth.list_accounts(uow, role=self.role)

    def add(self, username: str, password: str, role: StaffRole, display_name: str = "") -> StaffAccount:
        with self.database.unit_of_work(self.actor) as uow:
            return auth.add_account(uow, username, password, role, display_name, role=self.role)

    def change_role(self, username: str, role: StaffRole) -> StaffAccount:
        with self.database.unit_of_work(self.actor) as uow:
            return auth.change_role(uow, username, role, role=self.role)

    def deactivate(self, username: str) -> StaffAccount:
        with self.database.unit_of_work(self.actor) as uow:
            return auth.set_active(uow, username, False, role=self.role)

    def reactivate(self, username: str) -> StaffAccount:
        with self.database.unit_of_work(self.actor) as uow:
            return auth.set_active(uow, username, True, role=self.role)

    def reset_password(self, username: str, password: str) -> StaffAccount:
        """A new password for someone who forgot theirs; also lifts a lockout."""
        with self.database.unit_of_work(self.actor) as uow:
            return auth.reset_password(uow, username, password, role=self.role)
