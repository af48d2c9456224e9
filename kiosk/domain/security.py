"""Staff roles and deny-list kinds."""

from __future__ import annotations

from enum import StrEnum


class DenyKind(StrEnum):
    NAME = "name"
    PHONE = "phone"
    COMPANY = "company"
    KEYWORD = "keyword"


class StaffRole(StrEnum):
    RECEPTIONIST = "receptionist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    """What a signed-in person may do at the desk; roles grant sets of these."""

    DAILY_WORK = "daily_work"  # visitors, invitations, hosts, notices, parcels, rooms, messages
    APPROVE = "approve"  # requisitions and purchases (a supervisor's signature)
    REPORTS = "reports"
    AUDIT_LOG = "audit_log"
    OVERRIDE_DENY_LIST = "override_deny_list"
    MANAGE_STAFF = "manage_staff"
    MANAGE_SETTINGS = "manage_settings"  # settings, agreement texts
    MANAGE_DENY_LIST = "manage_deny_list"


_RECEPTIONIST = frozenset({Permission.DAILY_WORK})
_SUPERVISOR = _RECEPTIONIST | {Permission.APPROVE, Permission.REPORTS, Permission.AUDIT_LOG,
                               Permission.OVERRIDE_DENY_LIST}
ROLE_PERMISSIONS: dict[StaffRole, frozenset[Permission]] = {
    StaffRole.RECEPTIONIST: _RECEPTIONIST,
    StaffRole.SUPERVISOR: _SUPERVISOR,
    StaffRole.ADMIN: _SUPERVISOR | {Permission.MANAGE_STAFF, Permission.MANAGE_SETTINGS, Permission.MANAGE_DENY_LIST},
}


def may(role: StaffRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]
