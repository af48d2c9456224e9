"""Outgoing mail handed to reception: who sent it (a host, or nobody named), to whom, where, by which
carrier, what it weighed and cost, the tracking and postage receipt numbers, and the department charged.

``log_mail`` checks every field at once (one ``ValidationFailed`` naming each wrong field); a form that
already carries both the tracking and the postage receipt number is logged as sent. ``mark_sent`` records
the carrier taking it; ``cancel`` withdraws it. Every change writes an audit event (ids, states and
amounts, never names or addresses).

The monthly statement counts the mail not cancelled that was *logged* in the site-local month (the day
it was handed over is the day it is charged), per department and carrier. Money is integer cents.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from kiosk.db.uow import UnitOfWork
from kiosk.domain.parcels import MailStatus, RecipientKind
from kiosk.models.org import Department, Host
from kiosk.models.parcels import Carrier, OutgoingMail
from kiosk.services import audit
from kiosk.services.directory.hosts import find_host_by_email
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, NotFound
from kiosk.services.parcels.records import MailForm, MailQuery, MailRow, RecipientChoice, StatementLine
from kiosk.services.text import NAME_MAX, NOTE_MAX, clean_text, normalise_phone, raise_if_any, search_key

WEIGHT_MAX_GRAMS = 100_000  # 100 kg: more is freight, not mail
FEE_MAX_CENTS = 10_000_000  # ¥100,000
ADDRESS_MAX = 500
COMPANY_MAX = 200
NUMBER_MAX = 64  # tracking and postage receipt numbers
ENTITY = "outgoing_mail"


def _month_bounds(site: SiteInfo, month: date) -> tuple[datetime, datetime]:
    """The site-local month holding ``month`` as UTC instants [start, end)."""
    first = month.replace(day=1)
    following = (first.replace(year=first.year + 1, month=1) if first.month == 12
                 else first.replace(month=first.month + 1))
    return (site.local_instant(first, time()).astimezone(UTC), site.local_instant(following, time()).astimezone(UTC))


def _number(value: str, field: str, errors: list[FieldError], *, required: bool = False) -> str:
    return clean_text(value, field, max_len=NUMBER_MAX, required=required, errors=errors)


def _fee(value: int, errors: list[FieldError]) -> int:
    if not 0 <= value <= FEE_MAX_CENTS:
        errors.append(FieldError("fee", "out_of_range", f"fee must be from 0 to {FEE_MAX_CENTS // 100:,} yuan"))
    return value


def _carrier(uow: UnitOfWork, code: str, errors: list[FieldError]) -> str:
    code = (code or "").strip().upper()
    if not code:
        return ""
    known = uow.session.scalar(select(Carrier.code).where(func.upper(Carrier.code) == code, Carrier.active))
    if known is None:
        errors.append(FieldError("carrier", "unknown_carrier", f"carrier {code!r} is not a known carrier"))
        return ""
    return known


def log_mail(uow: UnitOfWork, site_code: str, form: MailForm) -> MailRow:
    """Log a piece of mail handed to reception. ValidationFailed names every wrong field."""
    site = get_site(uow, site_code)
    errors: list[FieldError] = []
    sender: Host | None = None
    if form.sender_host_id is not None:
        sender = uow.session.get(Host, form.sender_host_id)
        if sender is None:
            errors.append(FieldError("sender", "unknown_host", f"no host with id {form.sender_host_id}"))
        elif not sender.active:
            errors.append(FieldError("sender", "inactive_host", f"{sender.email} is no longer an active host"))
            sender = None
    recipient = clean_text(form.recipient_name, "recipient", max_len=NAME_MAX, required=True, errors=errors)
    company = clean_text(form.recipient_company, "company", max_len=COMPANY_MAX, errors=errors)
    address = clean_text(form.address, "address", max_len=ADDRESS_MAX, required=True, allow_newlines=True,
                         errors=errors)
    phone = normalise_phone(form.phone, "phone", errors=errors) or ""
    carrier = _carrier(uow, form.carrier_code, errors)
    if not 0 <= form.weight_grams <= WEIGHT_MAX_GRAMS:
        errors.append(FieldError("weight", "out_of_range", f"weight must be from 0 to {WEIGHT_MAX_GRAMS:,} g"))
    fee = _fee(form.fee_cents, errors)
    tracking = _number(form.tracking_no, "tracking", errors)
    receipt = _number(form.postage_receipt_no, "receipt", errors)
    note = clean_text(form.note, "note", max_len=NOTE_MAX, allow_newlines=True, errors=errors)
    department_id = form.department_id
    if department_id is not None:
        if uow.session.get(Department, department_id) is None:
            errors.append(FieldError("department", "unknown_department", f"no department with id {department_id}"))
    elif sender is not None:
        department_id = sender.department_id
    raise_if_any(errors)

    now = uow.now()
    sent = bool(tracking and receipt)
    mail = OutgoingMail(
        site_id=site.id, status=MailStatus.SENT if sent else MailStatus.LOGGED,
        sender_host_id=sender.id if sender else None, department_id=department_id, recipient_name=recipient,
        recipient_company=company, address=address, phone=phone, carrier_code=carrier,
        weight_grams=form.weight_grams, fee_cents=fee, tracking_no=tracking, postage_receipt_no=receipt,
        note=note, logged_at=now, logged_by=uow.actor, sent_at=now if sent else None,
    )
    uow.session.add(mail)
    uow.session.flush()
    audit.record(uow, "mail.logged", ENTITY, mail.id, after=_state(mail))
    uow.commit()
    return _row(_load(uow, mail.id))


def _state(mail: OutgoingMail) -> dict[str, Any]:
    return {"status": mail.status.value, "sender_host_id": mail.sender_host_id, "department_id": mail.department_id,
            "carrier": mail.carrier_code, "weight_grams": mail.weight_grams, "fee_cents": mail.fee_cents,
            "tracking": bool(mail.tracking_no), "receipt": bool(mail.postage_receipt_no)}


def _locked(uow: UnitOfWork, site_code: str, mail_id: int) -> OutgoingMail:
    site = get_site(uow, site_code)
    mail = uow.session.scalar(
        select(OutgoingMail).where(OutgoingMail.id == mail_id, OutgoingMail.site_id == site.id).with_for_update())
    if mail is None:
        raise NotFound(f"no outgoing mail with id {mail_id}")
    return mail


def mark_sent(uow: UnitOfWork, site_code: str, mail_id: int, tracking_no: str, postage_receipt_no: str,
              fee_cents: int, carrier_code: str = "") -> MailRow:
    """The carrier took it: the tracking and postage receipt numbers (both required) and the fee paid."""
    mail = _locked(uow, site_code, mail_id)
    if mail.status is not MailStatus.LOGGED:
        raise Conflict(f"mail {mail_id} is {mail.status.value}, not waiting to be sent")
    errors: list[FieldError] = []
    tracking = _number(tracking_no, "tracking", errors, required=True)
    receipt = _number(postage_receipt_no, "receipt", errors, required=True)
    fee = _fee(fee_cents, errors)
    carrier = _carrier(uow, carrier_code, errors) if carrier_code else mail.carrier_code
    raise_if_any(errors)
    before = _state(mail)
    mail.status, mail.tracking_no, mail.postage_receipt_no = MailStatus.SENT, tracking, receipt
    mail.fee_cents, mail.carrier_code, mail.sent_at = fee, carrier, uow.now()
    audit.record(uow, "mail.sent", ENTITY, mail.id, before=before, after=_state(mail))
    uow.commit()
    return _row(_load(uow, mail.id))


def cancel(uow: UnitOfWork, site_code: str, mail_id: int) -> MailRow:
    """Withdraw mail not yet sent (logged by mistake, or taken back by the sender)."""
    mail = _locked(uow, site_code, mail_id)
    if mail.status is not MailStatus.LOGGED:
        raise Conflict(f"mail {mail_id} is {mail.status.value}; only mail not yet sent can be cancelled")
    before = _state(mail)
    mail.status = MailStatus.CANCELLED
    audit.record(uow, "mail.cancelled", ENTITY, mail.id, before=before, after=_state(mail))
    uow.commit()
    return _row(_load(uow, mail.id))


def _load(uow: UnitOfWork, mail_id: int) -> OutgoingMail:
    mail = uow.session.scalar(
        select(OutgoingMail).where(OutgoingMail.id == mail_id)
        .options(joinedload(OutgoingMail.sender), joinedload(OutgoingMail.department))
        .execution_options(populate_existing=True))
    if mail is None:
        raise NotFound(f"no outgoing mail with id {mail_id}")
    return mail


def _row(mail: OutgoingMail) -> MailRow:
    return MailRow(
        mail_id=mail.id, status=MailStatus(mail.status), sender_name=mail.sender.name if mail.sender else "",
        department=mail.department.name if mail.department else "", recipient_name=mail.recipient_name,
        address=mail.address, carrier_code=mail.carrier_code, weight_grams=mail.weight_grams,
        fee_cents=mail.fee_cents, tracking_no=mail.tracking_no, postage_receipt_no=mail.postage_receipt_no,
        logged_at=mail.logged_at, sent_at=mail.sent_at,
    )


def get_mail(uow: UnitOfWork, site_code: str, mail_id: int) -> MailRow:
    site = get_site(uow, site_code)
    mail = _load(uow, mail_id)
    if mail.site_id != site.id:
        raise NotFound(f"no outgoing mail with id {mail_id}")
    return _row(mail)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filtered(statement: Select[Any], site: SiteInfo, query: MailQuery) -> Select[Any]:
    statement = statement.where(OutgoingMail.site_id == site.id)
    if query.month is not None:
        start, end = _month_bounds(site, query.month)
        statement = statement.where(OutgoingMail.logged_at >= start, OutgoingMail.logged_at < end)
    if query.department_id is not None:
        statement = statement.where(OutgoingMail.department_id == query.department_id)
    if query.carrier_code:
        statement = statement.where(func.upper(OutgoingMail.carrier_code) == query.carrier_code.strip().upper())
    text = search_key(query.text)
    if text:
        pattern = _like(text)
        senders = select(Host.id).where(Host.name_key.like(pattern, escape="\\"))
        statement = statement.where(or_(
            func.lower(OutgoingMail.recipient_name).like(pattern, escape="\\"),
            func.lower(OutgoingMail.recipient_company).like(pattern, escape="\\"),
            func.lower(OutgoingMail.address).like(pattern, escape="\\"),
            func.lower(OutgoingMail.tracking_no).like(pattern, escape="\\"),
            func.lower(OutgoingMail.postage_receipt_no).like(pattern, escape="\\"),
            OutgoingMail.sender_host_id.in_(senders),
        ))
    return statement


def list_mail(uow: UnitOfWork, site_code: str, query: MailQuery, *, limit: int | None = None) -> list[MailRow]:
    """Mail matching ``query``, newest first."""
    site = get_site(uow, site_code)
    statement = _filtered(select(OutgoingMail), site, query).options(
        joinedload(OutgoingMail.sender), joinedload(OutgoingMail.department),
    ).order_by(OutgoingMail.logged_at.desc(), OutgoingMail.id.desc())
    if limit is not None:
        statement = statement.limit(limit)
    return [_row(mail) for mail in uow.session.scalars(statement)]


def statement(uow: UnitOfWork, site_code: str, month: date) -> list[StatementLine]:
    """Per department and carrier: the mail (not cancelled) logged in the site-local month of ``month``,
    its count and fees. Sorted by department, then carrier; mail charged to no department is ""."""
    site = get_site(uow, site_code)
    start, end = _month_bounds(site, month)
    department = func.coalesce(Department.name, "")
    rows = uow.session.execute(
        select(department, OutgoingMail.carrier_code, func.count(OutgoingMail.id),
               func.coalesce(func.sum(OutgoingMail.fee_cents), 0))
        .select_from(OutgoingMail)
        .outerjoin(Department, Department.id == OutgoingMail.department_id)
        .where(OutgoingMail.site_id == site.id, OutgoingMail.status != MailStatus.CANCELLED,
               OutgoingMail.logged_at >= start, OutgoingMail.logged_at < end)
        .group_by(department, OutgoingMail.carrier_code)
    ).all()
    lines = [StatementLine(department=str(name), carrier_code=str(carrier), items=int(items), fee_cents=int(fee))
             for name, carrier, items, fee in rows]
    return sorted(lines, key=lambda line: (line.department == "", line.department, line.carrier_code))


def department_id(uow: UnitOfWork, name: str) -> int:
    """The id of the department named ``name`` (exactly, ignoring case and surrounding spaces)."""
    wanted = name.strip()
    found = uow.session.scalar(select(Department.id).where(func.lower(Department.name) == wanted.lower()))
    if found is None:
        raise NotFound(f"no department named {wanted!r}")
    return found


def host_choice(uow: UnitOfWork, email: str) -> RecipientChoice:
    """The host with this e-mail address, as the receive form offers it (``kioskctl --recipient/--from``)."""
    host = find_host_by_email(uow, email)
    return RecipientChoice(kind=RecipientKind.HOST, host_id=host.id, department_id=host.department_id,
                           name=host.name, department=host.department.name if host.department else "")
