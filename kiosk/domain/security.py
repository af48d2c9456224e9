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
