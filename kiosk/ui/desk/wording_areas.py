"""The desk's words for the audit actions of the areas beyond visits: notices, parcels and mail, supplies,
meeting rooms, and the front desk's records (phone messages, complaints, routines, the monthly report).

``wording.py`` merges these into its tables; a test holds every action the services record worded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def area_actions() -> dict[str, str]:
    translate = QCoreApplication.translate
    words = {
        "notice.published": "Notice published",
        "notice.edited": "Notice changed",
        "notice.withdrawn": "Notice withdrawn",
        "visit.preregistered": "Pre-registered on the web",
        "badge.sent_to_desk": "Badge sent to the desk's printer",
        "contact_details.erased": "Contact details erased",
        "host.sign_in_link_sent": "Sign-in link sent to the host",
        "host.signed_in": "Host signed in on the web",
        "host.signed_out": "Host signed out on the web",
        # Parcels and mail.
        "parcel.announced": "Parcel announced by the courier",
        "parcel.received": "Parcel received",
        "parcel.label_reprinted": "Shelf label reprinted",
        "parcel.reminded": "Recipient reminded",
        "parcel.picked_up": "Parcel picked up",
        "parcel.returned": "Parcel returned to the carrier",
        "parcel.cancelled": "Parcel record taken back",
        "parcel.cod_reimbursed": "Cash on delivery reimbursed",
        "label.printed": "Label printed",
        "label.failed": "Label not printed",
        "label.interrupted": "Label printing interrupted",
        "carrier.added": "Carrier added",
        "carrier.edited": "Carrier changed",
        "mail.logged": "Outgoing mail logged",
        "mail.sent": "Outgoing mail sent",
        "mail.cancelled": "Outgoing mail cancelled",
        # Office supplies.
        "supply_item.added": "Supply item added",
        "supply_item.edited": "Supply item changed",
        "supply_item.imported": "Supply items imported",
        "requisition.created": "Requisition made",
        "requisition.approved": "Requisition approved",
        "requisition.declined": "Requisition declined",
        "requisition.issued": "Supplies issued",
        "requisition.rest_cancelled": "Requisition's open rest cancelled",
        "requisition.purchase_requested": "Purchase asked for a requisition",
        "purchase.created": "Purchase request made",
        "purchase.suggested": "Purchase suggested from low stock",
        "purchase.pending_approval": "Purchase sent for approval",
        "purchase.approved": "Purchase approved",
        "purchase.ordered": "Purchase ordered",
        "purchase.received": "Purchase received",
        "purchase.cancelled": "Purchase cancelled",
        "stocktake.started": "Stocktake started",
        "stocktake.posted": "Stocktake posted",
        "stocktake.cancelled": "Stocktake cancelled",
        # Meeting rooms.
        "room.added": "Room added",
        "room.changed": "Room changed",
        "room.damage_reported": "Damage reported: room out of order",
        "room.repaired": "Repair recorded",
        "booking.made": "Room booked",
        "booking.changed": "Booking changed",
        "booking.cancelled": "Booking cancelled",
        "booking.confirmed": "Booking confirmed",
        "booking.displaced": "Booking displaced by a company meeting",
        "booking.released": "Booking released: not confirmed in time",
        "booking.inspected": "Room checked after use",
        "booking.attendee_added": "Attendee added",
        # The desk's records.
        "phone_message.created": "Phone call logged",
        "phone_message.acknowledged": "Message acknowledged",
        "phone_message.called_back": "Called back",
        "phone_message.closed": "Message closed",
        "phone_message.resolved": "Transfer resolved",
        "phone_message.not_resolved": "Transfer not resolved",
        "phone_message.reminded": "Colleague reminded of a message",
        "phone_message.escalated": "Message passed to the department",
        "callers.erased": "Callers' data erased",
        "complaint.recorded": "Complaint recorded",
        "complaint.assigned": "Complaint passed on",
        "complaint.noted": "Follow-up note added",
        "complaint.in_progress": "Complaint in progress",
        "complaint.resolved": "Outcome recorded",
        "complaint.satisfaction": "Customer's satisfaction recorded",
        "complaint.closed": "Complaint closed",
        "complaint.escalated": "Overdue complaint escalated",
        "customers.erased": "Customers' data erased",
        "routine.template_added": "Routine added",
        "routine.template_changed": "Routine changed",
        "routine.template_deactivated": "Routine taken out of use",
        "routine.template_reactivated": "Routine back in use",
        "routine.checked": "Routine check recorded",
        "routine.problem_fixed": "Problem fixed",
        "report.monthly_made": "Monthly report made",
    }
    return {code: translate("DeskWording", text) for code, text in words.items()}


def area_groups() -> dict[str, str]:
    translate = QCoreApplication.translate
    words = {
        "notice": "Notices", "parcel": "Parcels", "label": "Labels", "carrier": "Carriers", "mail": "Outgoing mail",
        "supply_item": "Supply items", "requisition": "Requisitions", "purchase": "Purchases",
        "stocktake": "Stocktakes", "room": "Meeting rooms", "booking": "Bookings", "phone_message": "Phone messages",
        "callers": "Callers' data", "complaint": "Complaints", "customers": "Customers' data", "routine": "Routines",
        "report": "Reports", "contact_details": "Contact details",
    }
    return {code: translate("DeskWording", text) for code, text in words.items()}


def area_entities() -> dict[str, str]:
    translate = QCoreApplication.translate
    words = {
        "front_desk_notice": "Notice", "parcel": "Parcel", "label_print_job": "Label", "carrier": "Carrier",
        "outgoing_mail": "Outgoing mail", "supply_item": "Supply item", "requisition": "Requisition",
        "purchase_request": "Purchase request", "stocktake": "Stocktake", "room": "Room", "booking": "Booking",
        "phone_message": "Phone message", "complaint": "Complaint", "routine_template": "Routine",
        "routine_problem": "Routine problem", "monthly_report": "Monthly report",
    }
    return {code: translate("DeskWording", text) for code, text in words.items()}
