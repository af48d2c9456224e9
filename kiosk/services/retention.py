"""Personal data is kept only as long as ``[retention] days`` says (never under 90: records are kept 3 months).

Purging removes old visits with everything hanging off them (tokens, photos, signatures, badges,
feedback, notices, used reply links), old notices of any kind (a sales visitor's contact details
too) and visitors left with no visit. Erasing one person on request does the same for every visit
of theirs, and removes the notices that carry their details without a visit (``contact_left``).
Audit events stay as the record of what happened and who did it, but the details of those about
an erased or purged visit or visitor are blanked (a staff member's typed reason may name them).

Parcels that left the desk (picked up, returned, cancelled) go with their photos, signatures and label
jobs once older than the same days (a parcel still on the shelf stays), and outgoing mail with them.

Phone messages and transfers keep the call (when, for whom, its status: the monthly figures count them) but
lose the caller: name, company, number, the message and the note are blanked when erasing by the caller's
number, and for every call older than the same days.

Complaints likewise keep the complaint (when, channel, department, status, the customer's satisfaction: the
figures count them) but lose the customer: name, contact, what they said, the resolution, the follow-up notes'
texts and the notices about it go when erasing by the customer's number (their contact), and for every
complaint recorded longer ago than the same days (a blanked contact also makes the customer's rating link stale).

Kept on purpose: the deny list. It is the site's security record of who may not come in, entered
by staff; erasing a person on their own request must not lift a ban. Entries are removed at the
desk. Hosts, departments and staff accounts are employees, managed in the directory, not visitors.
``tests/services/test_erase_everywhere.py`` lists every table and how it is treated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import CursorResult, delete, exists, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import ParcelStatus
from kiosk.models import (
    AccessToken,
    AgreementSignature,
    AuditEvent,
    BadgePrintJob,
    Feedback,
    Notification,
    UsedLink,
    Visit,
    Visitor,
    VisitPhoto,
    VisitStatus,
)
from kiosk.models.front_desk import Complaint, ComplaintNote, PhoneMessage
from kiosk.models.parcels import LabelPrintJob, OutgoingMail, Parcel, ParcelPhoto, ParcelSignature
from kiosk.services import audit
from kiosk.services.errors import NotFound
from kiosk.services.text import normalise_phone

MINIMUM_DAYS = 90


def _deleted(uow: UnitOfWork, statement: object) -> int:
    result = uow.session.execute(statement)  # type: ignore[call-overload]
    return int(result.rowcount or 0) if isinstance(result, CursorResult) else 0


_CHILDREN = (AccessToken, AgreementSignature, BadgePrintJob, Feedback, VisitPhoto, UsedLink)


@dataclass(frozen=True)
class ErasureReport:
    visitors: int
    visits: int
    notices: int  # notices about the person that belonged to no visit (contact details left, phone messages)
    messages: int = 0  # phone messages and transfers whose caller was blanked
    complaints: int = 0  # complaints whose customer was blanked


@dataclass(frozen=True)
class PurgeReport:
    visits: int
    visitors: int
    notifications: int
    parcels: int = 0
    outgoing_mail: int = 0
    phone_messages: int = 0  # calls whose caller was blanked
    complaints: int = 0  # complaints whose customer was blanked


def _delete_visits(uow: UnitOfWork, visit_ids: list[int]) -> int:
    """Children first: the schema cascades too, but not every connection has foreign keys switched on."""
    removed = 0
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start:start + 500]
        for child in _CHILDREN:
            uow.session.execute(delete(child).where(child.visit_id.in_(chunk)))
        uow.session.execute(delete(Notification).where(Notification.visit_id.in_(chunk)))
        _blank_audit_details(uow, "visit", chunk)
        removed += _deleted(uow, delete(Visit).where(Visit.id.in_(chunk)))
    return removed


def _blank_audit_details(uow: UnitOfWork, entity: str, ids: list[int]) -> None:
    """Who did what and when stays; what was written down about the person goes."""
    uow.session.execute(
        update(AuditEvent).where(AuditEvent.entity == entity, AuditEvent.entity_id.in_(ids))
        .values(before=None, after=None)
    )


def purge(uow: UnitOfWork, *, days: int) -> PurgeReport:
    if days < MINIMUM_DAYS:
        raise ValueError(f"retention below {MINIMUM_DAYS} days is not allowed (records are kept 3 months)")
    cutoff = uow.now() - timedelta(days=days)
    old_visits = list(uow.session.scalars(
        select(Visit.id).where(Visit.created_at < cutoff, Visit.status != VisitStatus.CHECKED_IN)
    ))
    removed_visits = _delete_visits(uow, old_visits)
    removed_notices = _deleted(uow, delete(Notification).where(Notification.created_at < cutoff))
    orphans = list(uow.session.scalars(select(Visitor.id).where(
        Visitor.created_at < cutoff, ~exists().where(Visit.visitor_id == Visitor.id)
    )))
    _blank_audit_details(uow, "visitor", orphans)
    removed_visitors = _deleted(uow, delete(Visitor).where(Visitor.id.in_(orphans)))
    removed_parcels = _delete_old_parcels(uow, cutoff)
    removed_mail = _deleted(uow, delete(OutgoingMail).where(OutgoingMail.logged_at < cutoff))
    blanked_calls = _blank_callers(uow, PhoneMessage.received_at < cutoff)
    blanked_complaints = _blank_customers(uow, Complaint.created_at < cutoff)
    report = PurgeReport(removed_visits, removed_visitors, removed_notices, removed_parcels, removed_mail,
                         blanked_calls, blanked_complaints)
    audit.record(uow, "retention.purge", "visit", None,
                 after={"days": days, "visits": report.visits, "visitors": report.visitors,
                        "notifications": report.notifications, "parcels": removed_parcels,
                        "outgoing_mail": removed_mail, "phone_messages": blanked_calls,
                        "complaints": blanked_complaints})
    uow.commit()
    return report


def _blank_callers(uow: UnitOfWork, which: ColumnElement[bool]) -> int:
    """The caller's details and the message go; the call stays (time, for whom, status). Rows already blank
    are left alone, so a daily purge writes nothing new."""
    not_blank = or_(PhoneMessage.caller_name != "", PhoneMessage.caller_company != "", PhoneMessage.caller_phone != "",
                    PhoneMessage.message != "", PhoneMessage.note != "")
    result = uow.session.execute(update(PhoneMessage).where(which, not_blank).values(
        caller_name="", caller_company="", caller_phone="", message="", note=""))
    return int(result.rowcount or 0) if isinstance(result, CursorResult) else 0


def _blank_customers(uow: UnitOfWork, which: ColumnElement[bool]) -> int:
    """The customer's details and what was written about them go, with the notices about the complaint; the
    complaint stays (when, channel, department, status, satisfaction). Rows already blank are left alone."""
    not_blank = or_(Complaint.customer_name != "", Complaint.customer_contact != "", Complaint.what != "",
                    Complaint.resolution != "")
    ids = list(uow.session.scalars(select(Complaint.id).where(which, not_blank)))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        uow.session.execute(update(Complaint).where(Complaint.id.in_(chunk)).values(
            customer_name="", customer_contact="", what="", resolution=""))
        uow.session.execute(update(ComplaintNote).where(ComplaintNote.complaint_id.in_(chunk)).values(text=""))
    if ids:
        # Few rows, and JSON is queried differently on each database: the notices are matched here.
        wanted = set(ids)
        loose = uow.session.scalars(select(Notification).where(Notification.visit_id.is_(None))).all()
        for row in loose:
            if (row.payload or {}).get("complaint_id") in wanted:
                uow.session.delete(row)
    return len(ids)


def _delete_old_parcels(uow: UnitOfWork, cutoff: datetime) -> int:
    gone = (ParcelStatus.PICKED_UP, ParcelStatus.RETURNED, ParcelStatus.CANCELLED)
    parcel_ids = list(uow.session.scalars(
        select(Parcel.id).where(Parcel.created_at < cutoff, Parcel.status.in_(gone))))
    removed = 0
    for start in range(0, len(parcel_ids), 500):
        chunk = parcel_ids[start:start + 500]
        for child in (ParcelPhoto, ParcelSignature, LabelPrintJob):
            uow.session.execute(delete(child).where(child.parcel_id.in_(chunk)))
        _blank_audit_details(uow, "parcel", chunk)
        removed += _deleted(uow, delete(Parcel).where(Parcel.id.in_(chunk)))
    return removed


def erase_visitor(uow: UnitOfWork, visitor_id: int) -> int:
    """Erase one person on request: every visit of theirs and the person. Returns visits removed."""
    removed = _erase_visitor(uow, visitor_id)
    uow.commit()
    return removed


def _erase_visitor(uow: UnitOfWork, visitor_id: int) -> int:
    visitor = uow.session.get(Visitor, visitor_id)
    if visitor is None:
        raise NotFound(f"no visitor with id {visitor_id}")
    visit_ids = list(uow.session.scalars(select(Visit.id).where(Visit.visitor_id == visitor_id)))
    removed = _delete_visits(uow, visit_ids)
    _blank_audit_details(uow, "visitor", [visitor_id])
    uow.session.execute(delete(Visitor).where(Visitor.id == visitor_id))
    audit.record(uow, "visitor.erased", "visitor", visitor_id, after={"visits": removed})
    return removed


def erase_by_phone(uow: UnitOfWork, phone: str) -> ErasureReport:
    """Erase everyone with this phone number, and the notices without a visit that carry the number
    (a sales visitor's contact details), in one transaction."""
    number = normalise_phone(phone, required=True)
    visitor_ids = find_visitor_ids_by_phone(uow, phone)
    visits = sum(_erase_visitor(uow, visitor_id) for visitor_id in visitor_ids)
    # Few rows (reception's notices with no visit), and JSON is queried differently on each database.
    loose = uow.session.scalars(select(Notification).where(Notification.visit_id.is_(None))).all()
    about_them = [row.id for row in loose if (row.payload or {}).get("phone") == number]
    for row_id in about_them:
        uow.session.execute(delete(Notification).where(Notification.id == row_id))
    if about_them:
        audit.record(uow, "contact_details.erased", "notification", None, after={"notices": len(about_them)})
    calls = _blank_callers(uow, PhoneMessage.caller_phone == number)
    if calls:
        audit.record(uow, "callers.erased", "phone_message", None, after={"phone_messages": calls})
    complaints = _blank_customers(uow, Complaint.customer_contact == number)
    if complaints:
        audit.record(uow, "customers.erased", "complaint", None, after={"complaints": complaints})
    uow.commit()
    return ErasureReport(len(visitor_ids), visits, len(about_them), calls, complaints)


def find_visitor_ids_by_phone(uow: UnitOfWork, phone: str) -> list[int]:
    number = normalise_phone(phone, required=True)
    return list(uow.session.scalars(select(Visitor.id).where(Visitor.phone == number)))
