"""The desk's words for what the audit trail records: actions, kinds of object, detail fields.

Audit events hold codes (``visit.checked_in``, ``staff_user``, ``status``), never names; a visit's
history (``visit_panel.py``) and the audit log (``audit_log.py``) show the same words for them. A
code this module does not know yet is shown as recorded, never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.security import StaffRole
from kiosk.ui.desk.board_models import status_text
from kiosk.ui.desk.shell import role_name
from kiosk.ui.desk.wording_areas import area_actions, area_entities, area_groups


def action_text(action: str) -> str:
    """``visit.checked_in`` as "Checked in"; an action not listed here as its code."""
    translate = QCoreApplication.translate
    return ({
        "visit.invited": translate("DeskWording", "Invited"),
        "visit.walk_in": translate("DeskWording", "Registered at the kiosk"),
        "visit.approved": translate("DeskWording", "Approved"),
        "visit.denied": translate("DeskWording", "Declined"),
        "visit.checked_in": translate("DeskWording", "Checked in"),
        "visit.checked_out": translate("DeskWording", "Signed out"),
        "visit.cancelled": translate("DeskWording", "Cancelled"),
        "visit.no_show": translate("DeskWording", "No-show"),
        "visit.held": translate("DeskWording", "Held by the deny list"),
        "visit.hold_overridden": translate("DeskWording", "Hold released"),
        "visit.escalated": translate("DeskWording", "Host did not answer: passed to reception"),
        "visit.acknowledged": translate("DeskWording", "Host on the way"),
        "visit.rescheduled": translate("DeskWording", "Rescheduled"),
        "visit.edited": translate("DeskWording", "Invitation changed"),
        "visit.invitation_resent": translate("DeskWording", "Invitation sent again"),
        "visit.photo_saved": translate("DeskWording", "Photo taken"),
        "agreement.signed": translate("DeskWording", "Agreement signed"),
        "agreement.published": translate("DeskWording", "Agreement published"),
        "feedback.recorded": translate("DeskWording", "Rating given"),
        "badge.first": translate("DeskWording", "Badge queued"),
        "badge.reprint": translate("DeskWording", "Badge reprinted"),
        "badge.reissue": translate("DeskWording", "Badge reissued"),
        "badge.printed": translate("DeskWording", "Badge printed"),
        "badge.failed": translate("DeskWording", "Badge not printed"),
        "badge.interrupted": translate("DeskWording", "Badge printing interrupted"),
        "alert.acknowledged": translate("DeskWording", "Alert seen to"),
        "delivery.announced": translate("DeskWording", "Delivery announced"),
        "host.created": translate("DeskWording", "Host added"),
        "host.updated": translate("DeskWording", "Host changed"),
        "host.deactivated": translate("DeskWording", "Host deactivated"),
        "host.reactivated": translate("DeskWording", "Host reactivated"),
        "hosts.import": translate("DeskWording", "Hosts imported"),
        "invitations.group_import": translate("DeskWording", "Group visit imported"),
        "denylist.added": translate("DeskWording", "Added to the deny list"),
        "denylist.removed": translate("DeskWording", "Removed from the deny list"),
        "denylist.reason_changed": translate("DeskWording", "Deny-list reason changed"),
        "visitor.erased": translate("DeskWording", "Visitor's data erased"),
        "visitor.id_number_revealed": translate("DeskWording", "ID number shown in full"),
        "retention.purge": translate("DeskWording", "Old visits purged"),
        "staff.added": translate("DeskWording", "Staff account added"),
        "staff.login": translate("DeskWording", "Signed in"),
        "staff.locked": translate("DeskWording", "Locked after wrong passwords"),
        "staff.password_changed": translate("DeskWording", "Own password changed"),
        "staff.password_set": translate("DeskWording", "Password reset"),
        "staff.role_changed": translate("DeskWording", "Role changed"),
        "staff.deactivated": translate("DeskWording", "Staff account deactivated"),
        "staff.reactivated": translate("DeskWording", "Staff account reactivated"),
    } | area_actions()).get(action, action)


def action_group_text(group: str) -> str:
    """The first part of an action (``visit`` of ``visit.checked_in``): what the actions are about."""
    translate = QCoreApplication.translate
    return ({
        "visit": translate("DeskWording", "Visits"),
        "badge": translate("DeskWording", "Badges"),
        "staff": translate("DeskWording", "Staff accounts"),
        "host": translate("DeskWording", "Hosts"),
        "hosts": translate("DeskWording", "Host imports"),
        "denylist": translate("DeskWording", "Deny list"),
        "agreement": translate("DeskWording", "Agreements"),
        "alert": translate("DeskWording", "Alerts"),
        "visitor": translate("DeskWording", "Visitors' data"),
        "invitations": translate("DeskWording", "Group visits"),
        "feedback": translate("DeskWording", "Ratings"),
        "delivery": translate("DeskWording", "Deliveries"),
        "retention": translate("DeskWording", "Retention"),
    } | area_groups()).get(group, group)


def entity_text(entity: str) -> str:
    """The kind of object an event is about (``staff_user`` as "Staff account")."""
    translate = QCoreApplication.translate
    return ({
        "visit": translate("DeskWording", "Visit"),
        "visitor": translate("DeskWording", "Visitor"),
        "badge_print_job": translate("DeskWording", "Badge"),
        "staff_user": translate("DeskWording", "Staff account"),
        "host": translate("DeskWording", "Host"),
        "notification": translate("DeskWording", "Notice"),
        "deny_list": translate("DeskWording", "Deny-list entry"),
        "agreement": translate("DeskWording", "Agreement"),
    } | area_entities()).get(entity, entity)


def object_text(entity: str, entity_id: int | None) -> str:
    """"Visit 123"; a kind alone when the event is about no one object (an import, a purge)."""
    kind = entity_text(entity)
    return kind if entity_id is None else f"{kind} {entity_id}"


def field_text(field: str) -> str:
    """A detail's name (``status`` as "Status"); one not listed here as recorded."""
    translate = QCoreApplication.translate
    return {
        "status": translate("DeskWording", "Status"),
        "reason": translate("DeskWording", "Reason"),
        "role": translate("DeskWording", "Role"),
        "active": translate("DeskWording", "Active"),
        "attempts": translate("DeskWording", "Attempts"),
        "hold": translate("DeskWording", "Hold"),
        "rating": translate("DeskWording", "Rating"),
        "version": translate("DeskWording", "Version"),
        "minutes": translate("DeskWording", "Minutes"),
        "kind": translate("DeskWording", "Kind"),
        "event": translate("DeskWording", "Notice"),
        "unlocked": translate("DeskWording", "Unlocked"),
        "visit_id": translate("DeskWording", "Visit"),
        "host_id": translate("DeskWording", "Host"),
        "department_id": translate("DeskWording", "Department"),
        "deny_entry": translate("DeskWording", "Deny-list entry"),
        "agreement_id": translate("DeskWording", "Agreement"),
        "visits": translate("DeskWording", "Visits"),
        "notification_id": translate("DeskWording", "Notice"),
        "via": translate("DeskWording", "Where"),
    }.get(field, field)


def value_text(field: str, value: str) -> str:
    """A detail's value as recorded (text), in words where the desk has them: a role, a visit's status, yes/no."""
    translate = QCoreApplication.translate
    if field == "role" and value in {role.value for role in StaffRole}:
        return role_name(StaffRole(value))
    if field == "status":
        return status_text(value)
    return {"true": translate("DeskWording", "yes"), "false": translate("DeskWording", "no")}.get(value, value)
