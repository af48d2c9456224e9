"""Complaints, as the rulebook has them: listen, apologise, record the details (what, when, how to reach the
customer), pass it to the department responsible and follow it ("they will contact you within 24 hours"),
then tell the customer the outcome and ask whether they are satisfied.

Statuses: OPEN (recorded, passed on) → IN_PROGRESS (the department is on it) → RESOLVED (an outcome
recorded; the customer is told and asked) → CLOSED (their satisfaction 1-5 known, or they could not be
reached). A complaint is due ``due_hours`` after it is recorded; still OPEN or IN_PROGRESS after that it is
overdue: the desk shows it so, and ``escalate_overdue`` tells the department contact and the supervisors,
once. Each action is one transaction and commits; ``version`` refuses an edit made on a stale screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Department, Host, Site
from kiosk.models.front_desk import Complaint, ComplaintNote
from kiosk.services import audit
from kiosk.services.desk import complaint_notices
from kiosk.services.desk.complaint_records import (
    UNRESOLVED,
    ComplaintChannel,
    ComplaintDetail,
    ComplaintForm,
    ComplaintNoteRow,
    ComplaintRow,
    ComplaintStatus,
    SatisfactionVia,
)
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.text import NAME_MAX, clean_text, normalise_email, normalise_phone, raise_if_any

WHAT_MAX, RESOLUTION_MAX, NOTE_MAX = 2000, 2000, 1000
DEFAULT_DUE_HOURS = 24
# A "when" a little ahead of the database clock is a clock skew, not a complaint about the future.
FUTURE_SLACK = timedelta(minutes=5)


# -- reading ------------------------------------------------------------------------------------------------


def _overdue(complaint: Complaint, now: datetime) -> bool:
    return complaint.status in UNRESOLVED and complaint.due_at <= now


def _row(uow: UnitOfWork, complaint: Complaint) -> ComplaintRow:
    department = uow.session.get(Department, complaint.department_id) if complaint.department_id else None
    assignee = uow.session.get(Host, complaint.assignee_host_id) if complaint.assignee_host_id else None
    return ComplaintRow(
        complaint_id=complaint.id, status=ComplaintStatus(complaint.status), channel=complaint.channel,
        customer_name=complaint.customer_name, customer_contact=complaint.customer_contact, what=complaint.what,
        happened_at=complaint.happened_at, department_id=complaint.department_id,
        department=department.name if department else "", assignee_host_id=complaint.assignee_host_id,
        assignee=assignee.name if assignee else "", created_at=complaint.created_at, due_at=complaint.due_at,
        overdue=_overdue(complaint, uow.now()), escalated_at=complaint.escalated_at,
        satisfaction=complaint.satisfaction, version=complaint.version,
    )


def _load(uow: UnitOfWork, complaint_id: int, *, lock: bool = False) -> Complaint:
    query = select(Complaint).where(Complaint.id == complaint_id)
    if lock:  # two desks on one complaint: the second waits (PostgreSQL), then sees the first's change
        query = query.with_for_update().execution_options(populate_existing=True)
    complaint = uow.session.scalars(query).one_or_none()
    if complaint is None:
        raise NotFound(f"no complaint {complaint_id}")
    return complaint


def _site_id(uow: UnitOfWork, site_code: str) -> int:
    site_id = uow.session.scalar(select(Site.id).where(Site.code == site_code))
    if site_id is None:
        raise NotFound(f"no site with code {site_code!r}")
    return int(site_id)


def list_complaints(uow: UnitOfWork, site_code: str, statuses: Iterable[ComplaintStatus] = (), *,
                    overdue_only: bool = False, limit: int = 500) -> list[ComplaintRow]:
    """Newest first; every status when ``statuses`` is empty; ``overdue_only``: unresolved past due."""
    query = select(Complaint).where(Complaint.site_id == _site_id(uow, site_code))
    wanted = list(statuses)
    if wanted:
        query = query.where(Complaint.status.in_(wanted))
    if overdue_only:
        query = query.where(Complaint.status.in_(UNRESOLVED), Complaint.due_at <= uow.now())
    rows = uow.session.scalars(query.order_by(Complaint.created_at.desc(), Complaint.id.desc()).limit(limit))
    return [_row(uow, complaint) for complaint in rows]


def detail(uow: UnitOfWork, complaint_id: int) -> ComplaintDetail:
    complaint = _load(uow, complaint_id)
    notes = uow.session.scalars(select(ComplaintNote).where(ComplaintNote.complaint_id == complaint.id)
                                .order_by(ComplaintNote.written_at, ComplaintNote.id))
    return ComplaintDetail(
        complaint=_row(uow, complaint), created_by=complaint.created_by, resolution=complaint.resolution,
        resolved_at=complaint.resolved_at, resolved_by=complaint.resolved_by,
        satisfaction_via=SatisfactionVia(complaint.satisfaction_via) if complaint.satisfaction_via else None,
        satisfaction_at=complaint.satisfaction_at, closed_at=complaint.closed_at,
        rated_by_link=bool(complaint_notices.customer_email(complaint)),
        notes=[ComplaintNoteRow(note.id, note.text, note.written_at, note.written_by) for note in notes],
    )


# -- recording and passing on -------------------------------------------------------------------------------


def _contact(value: str, errors: list[FieldError]) -> str:
    """A phone number (E.164) or an e-mail address, whichever was typed."""
    text = (value or "").strip()
    if "@" in text:
        return normalise_email(text, "customer_contact", required=True, errors=errors) or ""
    if not text:
        errors.append(FieldError("customer_contact", "required", "a phone number or an e-mail address"))
        return ""
    return normalise_phone(text, "customer_contact", required=True, errors=errors) or ""


def _routing(uow: UnitOfWork, department_id: int | None, assignee_host_id: int | None,
             errors: list[FieldError]) -> tuple[int | None, int | None]:
    """The department and person checked; with only a person, their department is responsible."""
    if department_id is not None and uow.session.get(Department, department_id) is None:
        errors.append(FieldError("department", "invalid", f"no department {department_id}"))
    if assignee_host_id is not None:
        host = uow.session.get(Host, assignee_host_id)
        if host is None or not host.active:
            errors.append(FieldError("assignee", "invalid", "the person must be an active host"))
        elif department_id is None:
            department_id = host.department_id
    return department_id, assignee_host_id


def add(uow: UnitOfWork, site_code: str, form: ComplaintForm, *, due_hours: int = DEFAULT_DUE_HOURS) -> ComplaintRow:
    """Record a complaint (OPEN, due in ``due_hours``); the department and the person are told."""
    errors: list[FieldError] = []
    name = clean_text(form.customer_name, "customer_name", max_len=NAME_MAX, required=True, errors=errors)
    contact = _contact(form.customer_contact, errors)
    what = clean_text(form.what, "what", max_len=WHAT_MAX, required=True, allow_newlines=True, errors=errors)
    now = uow.now()
    if form.happened_at is not None and (form.happened_at.tzinfo is None or form.happened_at > now + FUTURE_SLACK):
        errors.append(FieldError("happened_at", "in_future", "when it happened cannot be in the future"))
    department_id, assignee_id = _routing(uow, form.department_id, form.assignee_host_id, errors)
    try:
        channel = ComplaintChannel(form.channel)
    except ValueError:
        errors.append(FieldError("channel", "invalid", "not a channel a complaint comes in by"))
    raise_if_any(errors)
    complaint = Complaint(
        site_id=_site_id(uow, site_code), status=ComplaintStatus.OPEN, channel=channel, customer_name=name,
        customer_contact=contact, what=what, happened_at=form.happened_at, department_id=department_id,
        assignee_host_id=assignee_id, due_at=now + timedelta(hours=due_hours), created_at=now,
        created_by=uow.actor[:64],
    )
    uow.session.add(complaint)
    uow.session.flush()
    if department_id is not None or assignee_id is not None:
        complaint_notices.tell_assigned(uow, complaint)
    audit.record(uow, "complaint.recorded", "complaint", complaint.id,
                 after={"channel": channel.value, "department_id": department_id, "assignee_host_id": assignee_id})
    uow.commit()
    return _row(uow, complaint)


def _editable(uow: UnitOfWork, complaint_id: int, version: int | None, allowed: Iterable[ComplaintStatus],
              doing: str) -> Complaint:
    complaint = _load(uow, complaint_id, lock=True)
    if complaint.status not in set(allowed):
        raise Conflict(f"complaint {complaint_id} is {ComplaintStatus(complaint.status).value}; cannot {doing}")
    if version is not None and complaint.version != version:
        raise Conflict(f"complaint {complaint_id} was changed meanwhile; look again")
    return complaint


def assign(uow: UnitOfWork, complaint_id: int, department_id: int | None, assignee_host_id: int | None,
           version: int | None = None) -> ComplaintRow:
    """Pass it to a department and/or a person (told at once); the due time stays what was promised."""
    complaint = _editable(uow, complaint_id, version, UNRESOLVED, "pass it on")
    errors: list[FieldError] = []
    if department_id is None and assignee_host_id is None:
        errors.append(FieldError("department", "required", "choose a department or a person"))
    department_id, assignee_id = _routing(uow, department_id, assignee_host_id, errors)
    raise_if_any(errors)
    before = {"department_id": complaint.department_id, "assignee_host_id": complaint.assignee_host_id}
    complaint.department_id, complaint.assignee_host_id = department_id, assignee_id
    complaint.version += 1
    uow.session.flush()
    complaint_notices.tell_assigned(uow, complaint)
    audit.record(uow, "complaint.assigned", "complaint", complaint.id, before=before,
                 after={"department_id": department_id, "assignee_host_id": assignee_id})
    uow.commit()
    return _row(uow, complaint)


def add_note(uow: UnitOfWork, complaint_id: int, text: str) -> ComplaintNoteRow:
    """A follow-up note (who did what, when), on a complaint in any status."""
    cleaned = clean_text(text, "note", max_len=NOTE_MAX, required=True, allow_newlines=True)
    complaint = _load(uow, complaint_id, lock=True)
    note = ComplaintNote(complaint_id=complaint.id, text=cleaned, written_at=uow.now(), written_by=uow.actor[:64])
    uow.session.add(note)
    complaint.version += 1
    uow.session.flush()
    audit.record(uow, "complaint.noted", "complaint", complaint.id, after={"note_id": note.id})
    uow.commit()
    return ComplaintNoteRow(note.id, note.text, note.written_at, note.written_by)


def _moved(uow: UnitOfWork, complaint: Complaint, before: ComplaintStatus, action: str, **after: object
           ) -> ComplaintRow:
    complaint.version += 1
    uow.session.flush()
    audit.record(uow, action, "complaint", complaint.id, before={"status": before.value},
                 after={"status": ComplaintStatus(complaint.status).value, **after})
    uow.commit()
    return _row(uow, complaint)


def mark_in_progress(uow: UnitOfWork, complaint_id: int, version: int | None = None) -> ComplaintRow:
    complaint = _editable(uow, complaint_id, version, {ComplaintStatus.OPEN}, "mark it in progress")
    complaint.status = ComplaintStatus.IN_PROGRESS
    return _moved(uow, complaint, ComplaintStatus.OPEN, "complaint.in_progress")


def resolve(uow: UnitOfWork, complaint_id: int, resolution: str, version: int | None = None) -> ComplaintRow:
    """The outcome recorded; a customer reached by e-mail is told it and sent the link to rate it."""
    text = clean_text(resolution, "resolution", max_len=RESOLUTION_MAX, required=True, allow_newlines=True)
    complaint = _editable(uow, complaint_id, version, UNRESOLVED, "resolve it")
    before = ComplaintStatus(complaint.status)
    complaint.status, complaint.resolution = ComplaintStatus.RESOLVED, text
    complaint.resolved_at, complaint.resolved_by = uow.now(), uow.actor[:64]
    told = complaint_notices.tell_outcome(uow, complaint)
    return _moved(uow, complaint, before, "complaint.resolved", customer_told=bool(told))


def record_satisfaction(uow: UnitOfWork, complaint_id: int, score: int, via: SatisfactionVia,
                        version: int | None = None) -> ComplaintRow:
    """The customer's view of the outcome, 1 (not at all) to 5 (fully satisfied): the complaint closes."""
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise ValidationFailed([FieldError("satisfaction", "out_of_range", "satisfaction is 1 to 5")])
    complaint = _load(uow, complaint_id, lock=True)
    if complaint.satisfaction is not None:
        raise Conflict(f"complaint {complaint_id}: the customer's satisfaction is already recorded")
    if complaint.status != ComplaintStatus.RESOLVED:
        raise Conflict(f"complaint {complaint_id} is {ComplaintStatus(complaint.status).value}; satisfaction is "
                       "asked once an outcome is recorded")
    if version is not None and complaint.version != version:
        raise Conflict(f"complaint {complaint_id} was changed meanwhile; look again")
    complaint.satisfaction, complaint.satisfaction_via = score, SatisfactionVia(via).value
    complaint.satisfaction_at = complaint.closed_at = uow.now()
    complaint.status = ComplaintStatus.CLOSED
    return _moved(uow, complaint, ComplaintStatus.RESOLVED, "complaint.satisfaction", satisfaction=score,
                  via=SatisfactionVia(via).value)


def close(uow: UnitOfWork, complaint_id: int, version: int | None = None) -> ComplaintRow:
    """Closed without the customer's answer (they could not be reached, or did not say)."""
    complaint = _editable(uow, complaint_id, version, {ComplaintStatus.RESOLVED}, "close it before an outcome")
    complaint.status, complaint.closed_at = ComplaintStatus.CLOSED, uow.now()
    return _moved(uow, complaint, ComplaintStatus.RESOLVED, "complaint.closed")


# -- the housekeeping loop ----------------------------------------------------------------------------------


def escalate_overdue(uow: UnitOfWork) -> int:
    """Every complaint still unresolved at its due time, not escalated yet: the department contact and the
    supervisors told, once. Returns how many; idempotent (several kiosks may run it)."""
    now = uow.now()
    query = (select(Complaint).where(Complaint.status.in_(UNRESOLVED), Complaint.due_at <= now,
                                     Complaint.escalated_at.is_(None))
             .order_by(Complaint.id).with_for_update(skip_locked=True).execution_options(populate_existing=True))
    complaints = list(uow.session.scalars(query))
    for complaint in complaints:
        complaint.escalated_at = now
        complaint.version += 1
        complaint_notices.tell_overdue(uow, complaint)
        audit.record(uow, "complaint.escalated", "complaint", complaint.id,
                     after={"status": ComplaintStatus(complaint.status).value, "due_at": complaint.due_at.isoformat()})
    uow.commit()
    return len(complaints)
