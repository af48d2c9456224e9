"""The desk's words for the audit actions of the areas beyond visits: notices, parcels and mail, supplies,
meeting rooms, and the front desk's records (phone messages, complaints, routines, the monthly report).

``wording.py`` merges these into its tables; a test holds every action the services record worded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_actions() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "notice.published": translate("DeskWording", "Notice published"),
        "notice.edited": translate("DeskWording", "Notice changed"),
        "notice.withdrawn": translate("DeskWording", "Notice withdrawn"),
        "visit.preregistered": translate("DeskWording", "Pre-registered on the web"),
        "badge.sent_to_desk": translate("DeskWording", "Badge sent to the desk's printer"),
        "contact_details.erased": translate("DeskWording", "Contact details erased"),
        "host.sign_in_link_sent": translate("DeskWording", "Sign-in link sent to the host"),
        "host.signed_in": translate("DeskWording", "Host signed in on the web"),
        "host.signed_out": translate("DeskWording", "Host signed out on the web"),
        # Parcels and mail.
        "parcel.announced": translate("DeskWording", "Parcel announced by the courier"),
        "parcel.received": translate("DeskWording", "Parcel received"),
        "parcel.label_reprinted": translate("DeskWording", "Shelf label reprinted"),
        "parcel.reminded": translate("DeskWording", "Recipient reminded"),
        "parcel.picked_up": translate("DeskWording", "Parcel picked up"),
        "parcel.returned": translate("DeskWording", "Parcel returned to the carrier"),
        "parcel.cancelled": translate("DeskWording", "Parcel record taken back"),
        "parcel.cod_reimbursed": translate("DeskWording", "Cash on delivery reimbursed"),
        "label.printed": translate("DeskWording", "Label printed"),
        "label.failed": translate("DeskWording", "Label not printed"),
        "label.interrupted": translate("DeskWording", "Label printing interrupted"),
        "carrier.added": translate("DeskWording", "Carrier added"),
        "carrier.edited": translate("DeskWording", "Carrier changed"),
        "mail.logged": translate("DeskWording", "Outgoing mail logged"),
        "mail.sent": translate("DeskWording", "Outgoing mail sent"),
        "mail.cancelled": translate("DeskWording", "Outgoing mail cancelled"),
        # Office supplies.
        "supply_item.added": translate("DeskWording", "Supply item added"),
        "supply_item.edited": translate("DeskWording", "Supply item changed"),
        "supply_item.imported": translate("DeskWording", "Supply items imported"),
        "requisition.created": translate("DeskWording", "Requisition made"),
        "requisition.approved": translate("DeskWording", "Requisition approved"),
        "requisition.declined": translate("DeskWording", "Requisition declined"),
        "requisition.issued": translate("DeskWording", "Supplies issued"),
        "requisition.rest_cancelled": translate("DeskWording", "Requisition's open rest cancelled"),
        "requisition.purchase_requested": translate("DeskWording", "Purchase asked for a requisition"),
        "purchase.created": translate("DeskWording", "Purchase request made"),
        "purchase.suggested": translate("DeskWording", "Purchase suggested from low stock"),
        "purchase.pending_approval": translate("DeskWording", "Purchase sent for approval"),
        "purchase.approved": translate("DeskWording", "Purchase approved"),
        "purchase.ordered": translate("DeskWording", "Purchase ordered"),
        "purchase.received": translate("DeskWording", "Purchase received"),
        "purchase.cancelled": translate("DeskWording", "Purchase cancelled"),
        "stocktake.started": translate("DeskWording", "Stocktake started"),
        "stocktake.posted": translate("DeskWording", "Stocktake posted"),
        "stocktake.cancelled": translate("DeskWording", "Stocktake cancelled"),
        # Meeting rooms.
        "room.added": translate("DeskWording", "Room added"),
        "room.changed": translate("DeskWording", "Room changed"),
        "room.damage_reported": translate("DeskWording", "Damage reported: room out of order"),
        "room.repaired": translate("DeskWording", "Repair recorded"),
        "booking.made": translate("DeskWording", "Room booked"),
        "booking.changed": translate("DeskWording", "Booking changed"),
        "booking.cancelled": translate("DeskWording", "Booking cancelled"),
        "booking.confirmed": translate("DeskWording", "Booking confirmed"),
        "booking.displaced": translate("DeskWording", "Booking displaced by a company meeting"),
        "booking.released": translate("DeskWording", "Booking released: not confirmed in time"),
        "booking.inspected": translate("DeskWording", "Room checked after use"),
        "booking.attendee_added": translate("DeskWording", "Attendee added"),
        # The desk's records.
        "phone_message.created": translate("DeskWording", "Phone call logged"),
        "phone_message.acknowledged": translate("DeskWording", "Message acknowledged"),
        "phone_message.called_back": translate("DeskWording", "Called back"),
        "phone_message.closed": translate("DeskWording", "Message closed"),
        "phone_message.resolved": translate("DeskWording", "Transfer resolved"),
        "phone_message.not_resolved": translate("DeskWording", "Transfer not resolved"),
        "phone_message.reminded": translate("DeskWording", "Colleague reminded of a message"),
        "phone_message.escalated": translate("DeskWording", "Message passed to the department"),
        "callers.erased": translate("DeskWording", "Callers' data erased"),
        "complaint.recorded": translate("DeskWording", "Complaint recorded"),
        "complaint.assigned": translate("DeskWording", "Complaint passed on"),
        "complaint.noted": translate("DeskWording", "Follow-up note added"),
        "complaint.in_progress": translate("DeskWording", "Complaint in progress"),
        "complaint.resolved": translate("DeskWording", "Outcome recorded"),
        "complaint.satisfaction": translate("DeskWording", "Customer's satisfaction recorded"),
        "complaint.closed": translate("DeskWording", "Complaint closed"),
        "complaint.escalated": translate("DeskWording", "Overdue complaint escalated"),
        "customers.erased": translate("DeskWording", "Customers' data erased"),
        "routine.template_added": translate("DeskWording", "Routine added"),
        "routine.template_changed": translate("DeskWording", "Routine changed"),
        "routine.template_deactivated": translate("DeskWording", "Routine taken out of use"),
        "routine.template_reactivated": translate("DeskWording", "Routine back in use"),
        "routine.checked": translate("DeskWording", "Routine check recorded"),
        "routine.problem_fixed": translate("DeskWording", "Problem fixed"),
        "report.monthly_made": translate("DeskWording", "Monthly report made"),
        "backup.nightly": translate("DeskWording", "Nightly backup made"),
    }


def area_groups() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "notice": translate("DeskWording", "Notices"),
        "parcel": translate("DeskWording", "Parcels"),
        "label": translate("DeskWording", "Labels"),
        "carrier": translate("DeskWording", "Carriers"),
        "mail": translate("DeskWording", "Outgoing mail"),
        "supply_item": translate("DeskWording", "Supply items"),
        "requisition": translate("DeskWording", "Requisitions"),
        "purchase": translate("DeskWording", "Purchases"),
        "stocktake": translate("DeskWording", "Stocktakes"),
        "room": translate("DeskWording", "Meeting rooms"),
        "booking": translate("DeskWording", "Bookings"),
        "phone_message": translate("DeskWording", "Phone messages"),
        "callers": translate("DeskWording", "Callers' data"),
        "complaint": translate("DeskWording", "Complaints"),
        "customers": translate("DeskWording", "Customers' data"),
        "routine": translate("DeskWording", "Routines"),
        "report": translate("DeskWording", "Reports"),
        "backup": translate("DeskWording", "Backups"),
        "contact_details": translate("DeskWording", "Contact details"),
    }


def area_entities() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "front_desk_notice": translate("DeskWording", "Notice"),
        "parcel": translate("DeskWording", "Parcel"),
        "label_print_job": translate("DeskWording", "Label"),
        "carrier": translate("DeskWording", "Carrier"),
        "outgoing_mail": translate("DeskWording", "Outgoing mail"),
        "supply_item": translate("DeskWording", "Supply item"),
        "requisition": translate("DeskWording", "Requisition"),
        "purchase_request": translate("DeskWording", "Purchase request"),
        "stocktake": translate("DeskWording", "Stocktake"),
        "room": translate("DeskWording", "Room"),
        "booking": translate("DeskWording", "Booking"),
        "phone_message": translate("DeskWording", "Phone message"),
        "complaint": translate("DeskWording", "Complaint"),
        "routine_template": translate("DeskWording", "Routine"),
        "routine_problem": translate("DeskWording", "Routine problem"),
        "monthly_report": translate("DeskWording", "Monthly report"),
        "backup": translate("DeskWording", "Backup"),
    }
