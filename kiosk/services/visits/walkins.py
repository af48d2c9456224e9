"""Walk-ins: a visitor with no invitation registers at the kiosk and, by default, waits for the host's consent."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db.uow import UnitOfWork
from kiosk.domain.visits import WalkInOutcome, WalkInProgress
from kiosk.models import Purpose, Visit, VisitKind, VisitorType, VisitStatus
from kiosk.services import audit, outbox
from kiosk.services.directory.hosts import get_host
from kiosk.services.directory.sites import get_site
from kiosk.services.errors import FieldError, PolicyRefusal, ValidationFailed
from kiosk.services.idnumbers import IdNumberProtector, check_id_number
from kiosk.services.text import COMPANY_MAX, NAME_MAX, NOTE_MAX, clean_text, normalise_phone, raise_if_any
from kiosk.services.visits import denylist, lifecycle
from kiosk.services.visits.agreements import Consents, record_consents
from kiosk.services.visits.checkin import CheckInResult, notify_arrival, visit_result
from kiosk.services.visits.print_jobs import note_kiosk, queue_first_badge
from kiosk.services.visits.visitors import upsert_visitor


@dataclass(frozen=True)
class WalkInPolicy:
    host_consent_required: bool = True
    refuse_sales_without_appointment: bool = True


@dataclass(frozen=True)
class WalkInForm:
    name: str
    phone: str
    host_id: int | None
    purpose: str
    company: str = ""
    id_number: str = ""
    purpose_note: str = ""
    visitor_type: str = VisitorType.VISITOR.value


@dataclass(frozen=True)
class WalkInResult:
    visit_id: int
    outcome: WalkInOutcome
    host_name: str
    department: str
    badge_job_id: int | None = None


def validate_form(form: WalkInForm) -> dict[str, object]:
    """Every field checked at once, so the form can mark all the wrong ones in one go."""
    errors: list[FieldError] = []
    values: dict[str, object] = {
        "name": clean_text(form.name, "name", max_len=NAME_MAX, required=True, errors=errors),
        "phone": normalise_phone(form.phone, required=True, errors=errors),
        "company": clean_text(form.company, "company", max_len=COMPANY_MAX, errors=errors) or None,
        "id_number": check_id_number(form.id_number, errors),
        "purpose_note": clean_text(form.purpose_note, "purpose_note", max_len=NOTE_MAX, errors=errors),
    }
    if form.host_id is None:
        errors.append(FieldError("host", "required", "choose the person you are visiting"))
    try:
        values["purpose"] = Purpose(form.purpose)
    except ValueError:
        errors.append(FieldError("purpose", "required", "choose the purpose of your visit"))
    try:
        values["visitor_type"] = VisitorType(form.visitor_type)
    except ValueError:
        errors.append(FieldError("visitor_type", "invalid", "unknown visitor type"))
    raise_if_any(errors)
    return values


def check_walk_in(form: WalkInForm, policy: WalkInPolicy = WalkInPolicy()) -> dict[str, object]:
    """Everything that can refuse a walk-in before anything is saved: the fields, then the site's
    policy. The kiosk asks this before the agreement and photo, so nobody signs only to be turned away."""
    values = validate_form(form)
    if values["purpose"] is Purpose.SALES and policy.refuse_sales_without_appointment:
        raise PolicyRefusal(
            "we do not see sales visitors without an appointment; please leave your contact details",
            code="sales_without_appointment",
        )
    return values


def register_walk_in(
    uow: UnitOfWork,
    form: WalkInForm,
    *,
    site_code: str,
    policy: WalkInPolicy = WalkInPolicy(),
    protector: IdNumberProtector | None = None,
    consents: Consents | None = None,
) -> WalkInResult:
    values = check_walk_in(form, policy)
    site = get_site(uow, site_code)
    assert form.host_id is not None
    host = get_host(uow, form.host_id)
    if not host.active:
        raise ValidationFailed([FieldError("host", "inactive", f"{host.name} no longer receives visitors")])
    visitor = upsert_visitor(
        uow, name=str(values["name"]), phone=values["phone"],  # type: ignore[arg-type]
        company=values["company"], id_number=values["id_number"], protector=protector,  # type: ignore[arg-type]
    )
    visit = Visit(
        site_id=site.id, host_id=host.id, visitor_id=visitor.id, kind=VisitKind.WALK_IN,
        status=VisitStatus.PENDING_APPROVAL, purpose=values["purpose"], purpose_note=values["purpose_note"],
        visitor_type=values["visitor_type"], visit_date=site.local_date(uow.now()), created_at=uow.now(),
    )
    note_kiosk(uow, visit)  # the badge prints here, also when the host or the desk lets the visitor in later
    uow.session.add(visit)
    uow.session.flush()
    audit.record(uow, "visit.walk_in", "visit", visit.id,
                 after={"status": VisitStatus.PENDING_APPROVAL.value, "host_id": host.id})
    record_consents(uow, visit, consents)
    department = host.department.name if host.department else ""

    hit = denylist.screen(
        uow, name=visitor.name, phone=visitor.phone, company=visitor.company, text=visit.purpose_note
    )
    if hit is not None:
        visit.hold_reason = f"deny_list:{hit.kind}"
        audit.record(uow, "visit.held", "visit", visit.id, after={"deny_entry": hit.entry_id})
        outbox.notify_reception(
            uow, event="deny_list_hit", subject_key=f"visit:{visit.id}", visit_id=visit.id,
            payload={"visit_id": visit.id, "visitor_name": visitor.name, "deny_kind": hit.kind,
                     "reason": hit.reason, "host_name": host.name},
        )
        uow.commit()
        return WalkInResult(visit.id, WalkInOutcome.HELD, host.name, department)

    if policy.host_consent_required:
        outbox.notify_host(
            uow, host, event="consent_requested", subject_key=f"visit:{visit.id}", visit_id=visit.id,
            payload={"visit_id": visit.id, "visitor_name": visitor.name, "company": visitor.company or "",
                     "purpose": visit.purpose.value, "purpose_note": visit.purpose_note, "site_name": site.name},
        )
        visit.host_notified_at = uow.now()
        uow.commit()
        return WalkInResult(visit.id, WalkInOutcome.PENDING, host.name, department)

    lifecycle.transition(uow, visit, VisitStatus.APPROVED, policy="no_consent_required")
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_IN, via="walk_in")
    job_id = queue_first_badge(uow, visit, visit.visit_date)
    notify_arrival(uow, visit, site)
    uow.commit()
    return WalkInResult(visit.id, WalkInOutcome.CHECKED_IN, host.name, department, job_id)


def approve_visit(uow: UnitOfWork, visit_id: int) -> None:
    """The host (by link) or the receptionist lets a walk-in in. Answering counts as acknowledging."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    denylist.refuse_if_held(visit)
    lifecycle.transition(uow, visit, VisitStatus.APPROVED)
    visit.host_acknowledged_at = visit.host_acknowledged_at or uow.now()
    uow.commit()


def deny_visit(uow: UnitOfWork, visit_id: int, reason: str = "") -> None:
    """The host or the desk says no; the desk says why (kept in the visit's history, never told the visitor)."""
    why = clean_text(reason, "reason", max_len=denylist.REASON_MAX)
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    lifecycle.transition(uow, visit, VisitStatus.DENIED, **({"reason": why} if why else {}))
    visit.host_acknowledged_at = visit.host_acknowledged_at or uow.now()
    uow.commit()


def withdraw_walk_in(uow: UnitOfWork, visit_id: int) -> None:
    """The visitor gave up waiting (left a message, will come back later)."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    lifecycle.transition(uow, visit, VisitStatus.CANCELLED, by="visitor")
    uow.commit()


def complete_approved_walk_in(uow: UnitOfWork, visit_id: int) -> CheckInResult:
    """The kiosk's waiting screen saw the approval: check in and queue the badge (the host already knows)."""
    visit = lifecycle.load_visit(uow, visit_id, for_update=True)
    if visit.status == VisitStatus.CHECKED_IN:
        return visit_result(uow, visit, repeated=True)
    lifecycle.transition(uow, visit, VisitStatus.CHECKED_IN, via="walk_in")
    queue_first_badge(uow, visit, visit.visit_date)
    result = visit_result(uow, visit)
    uow.commit()
    return result


def walk_in_status(uow: UnitOfWork, visit_id: int) -> WalkInProgress:
    """What the waiting screen shows: still pending, the host on the way, held, or the host's decision."""
    visit = lifecycle.load_visit(uow, visit_id)
    if visit.status == VisitStatus.PENDING_APPROVAL:
        if visit.hold_reason is not None:
            return WalkInProgress.HELD
        if visit.host_acknowledged_at is not None:
            return WalkInProgress.HOST_ON_THE_WAY
    return WalkInProgress(VisitStatus(visit.status).value)


def leave_contact_details(
    uow: UnitOfWork, *, name: str, phone: str, company: str = "", note: str = ""
) -> None:
    """A sales visitor without an appointment leaves details for reception instead of a visit."""
    errors: list[FieldError] = []
    clean_name = clean_text(name, "name", max_len=NAME_MAX, required=True, errors=errors)
    number = normalise_phone(phone, required=True, errors=errors)
    clean_company = clean_text(company, "company", max_len=COMPANY_MAX, errors=errors)
    clean_note = clean_text(note, "note", max_len=NOTE_MAX, allow_newlines=True, errors=errors)
    raise_if_any(errors)
    outbox.notify_reception(
        uow, event="contact_left", subject_key=f"contact:{number}:{uow.now().isoformat()}",
        payload={"name": clean_name, "phone": number, "company": clean_company, "note": clean_note},
    )
    uow.commit()
