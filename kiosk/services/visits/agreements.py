"""House rules and NDAs: published as immutable versions; a signature records exactly what was signed.

One text per visitor type and language is current: the newest published version. Publishing a new
version adds a row (version + 1) and retires the previous one; no published text is ever changed,
so each signature's ``text_sha256`` still matches the version it points at, years later
(``AgreementVersion.intact`` checks it). Publishing is the administrator's
(``Permission.MANAGE_SETTINGS``): ``publish`` takes the caller's ``role`` and refuses anyone else
(``role=None`` is for the operator's own tools: seed data, tests). Reading needs no role: every
visitor is shown these texts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kiosk.db.uow import UnitOfWork
from kiosk.domain.security import Permission, StaffRole, may
from kiosk.models import Agreement, AgreementSignature, AuditEvent, Visit, VisitorType
from kiosk.services import audit
from kiosk.services.errors import Conflict, FieldError, NotFound, PolicyRefusal, ValidationFailed
from kiosk.services.text import clean_text
from kiosk.services.visits import lifecycle

MAX_SIGNATURE_BYTES = 512 * 1024
LANGUAGES = ("zh_CN", "en")
TITLE_MAX = 200
BODY_MAX = 50_000
NOT_ALLOWED = "not_allowed"
UNCHANGED = "unchanged"
PUBLISHED_MEANWHILE = "published_meanwhile"


@dataclass(frozen=True)
class AgreementText:
    id: int
    visitor_type: str
    language: str
    version: int
    title: str
    body: str


def _text(agreement: Agreement) -> AgreementText:
    return AgreementText(agreement.id, agreement.visitor_type.value, agreement.language, agreement.version,
                         agreement.title, agreement.body)


def text_hash(title: str, body: str) -> str:
    """What a signature records: the SHA-256 of the title and the body, as published."""
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


def _visitor_type(value: str, errors: list[FieldError]) -> VisitorType | None:
    try:
        return VisitorType(value)
    except ValueError:
        errors.append(FieldError("visitor_type", "invalid", f"{value!r} is not a visitor type"))
        return None


def newest_version(uow: UnitOfWork, kind: VisitorType, language: str) -> int | None:
    return uow.session.scalar(
        select(func.max(Agreement.version)).where(Agreement.visitor_type == kind, Agreement.language == language)
    )


def publish(uow: UnitOfWork, *, visitor_type: str, language: str, title: str, body: str,
            role: StaffRole | None = None) -> AgreementText:
    """A new version for (visitor type, language), shown to visitors from now on; the previous one stays
    (retired) for the signatures on it. The same title and body as the current version are refused
    (code ``unchanged``); a version someone else published in the same moment, too (``published_meanwhile``)."""
    if role is not None and not may(role, Permission.MANAGE_SETTINGS):
        raise PolicyRefusal("only an administrator may publish an agreement", code=NOT_ALLOWED)
    errors: list[FieldError] = []
    kind = _visitor_type(visitor_type, errors)
    if language not in LANGUAGES:
        errors.append(FieldError("language", "invalid", "language must be zh_CN or en"))
    clean_title = clean_text(title, "title", max_len=TITLE_MAX, required=True, errors=errors)
    clean_body = clean_text(body, "body", max_len=BODY_MAX, required=True, allow_newlines=True, errors=errors)
    if errors:
        raise ValidationFailed(errors)
    assert kind is not None
    latest = newest_version(uow, kind, language)
    digest = text_hash(clean_title, clean_body)
    for old in uow.session.scalars(
        select(Agreement).where(Agreement.visitor_type == kind, Agreement.language == language, Agreement.active)
        .with_for_update()
    ):
        if old.version == latest and old.text_sha256 == digest:
            raise ValidationFailed([FieldError("body", UNCHANGED, "this is the text visitors are shown already")])
        old.active = False
    agreement = Agreement(
        visitor_type=kind, language=language, version=(latest or 0) + 1, title=clean_title, body=clean_body,
        text_sha256=digest, active=True, created_at=uow.now(),
    )
    uow.session.add(agreement)
    try:
        uow.session.flush()
    except IntegrityError:
        raise Conflict("someone published a version of this text at the same moment; look at it and publish again",
                       code=PUBLISHED_MEANWHILE) from None
    audit.record(uow, "agreement.published", "agreement", agreement.id, after={"version": agreement.version})
    result = _text(agreement)
    uow.commit()
    return result


def current(uow: UnitOfWork, *, visitor_type: str, language: str) -> AgreementText | None:
    """The text a visitor of this type must accept, in their language (falling back to the other one):
    the newest active version."""
    for lang in (language, "en" if language == "zh_CN" else "zh_CN"):
        agreement = uow.session.scalar(
            select(Agreement).where(
                Agreement.visitor_type == VisitorType(visitor_type), Agreement.language == lang, Agreement.active
            ).order_by(Agreement.version.desc()).limit(1)
        )
        if agreement is not None:
            return _text(agreement)
    return None


@dataclass(frozen=True)
class AgreementVersion:
    """One published version, as the desk lists it: ``current`` is the one visitors are shown; ``intact``
    says its stored text still hashes to what its signatures recorded."""

    id: int
    visitor_type: VisitorType
    language: str
    version: int
    title: str
    body: str
    text_sha256: str
    current: bool
    published_at: datetime
    published_by: str  # the actor of its audit event ("staff:amy", "cli:root"); "" if none was kept
    signatures: int
    intact: bool


def list_versions(uow: UnitOfWork, *, visitor_type: str | None = None,
                  language: str | None = None) -> list[AgreementVersion]:
    """Every published version (of one visitor type and/or language if given), newest first within each."""
    errors: list[FieldError] = []
    kind = _visitor_type(visitor_type, errors) if visitor_type is not None else None
    if language is not None and language not in LANGUAGES:
        errors.append(FieldError("language", "invalid", "language must be zh_CN or en"))
    if errors:
        raise ValidationFailed(errors)
    statement = select(Agreement)
    if kind is not None:
        statement = statement.where(Agreement.visitor_type == kind)
    if language is not None:
        statement = statement.where(Agreement.language == language)
    versions = list(uow.session.scalars(
        statement.order_by(Agreement.visitor_type, Agreement.language, Agreement.version.desc())))
    ids = [v.id for v in versions]
    if not ids:
        return []
    signed: dict[int, int] = {
        row[0]: row[1] for row in uow.session.execute(
            select(AgreementSignature.agreement_id, func.count()).where(AgreementSignature.agreement_id.in_(ids))
            .group_by(AgreementSignature.agreement_id))}
    published_by: dict[int | None, str] = {
        row[0]: row[1] for row in uow.session.execute(
            select(AuditEvent.entity_id, func.min(AuditEvent.actor)).where(
                AuditEvent.entity == "agreement", AuditEvent.action == "agreement.published",
                AuditEvent.entity_id.in_(ids)).group_by(AuditEvent.entity_id))}
    newest: dict[tuple[VisitorType, str], int] = {}
    for v in versions:
        if v.active:
            newest.setdefault((v.visitor_type, v.language), v.version)
    return [
        AgreementVersion(
            id=v.id, visitor_type=v.visitor_type, language=v.language, version=v.version, title=v.title,
            body=v.body, text_sha256=v.text_sha256, current=newest.get((v.visitor_type, v.language)) == v.version,
            published_at=v.created_at, published_by=published_by.get(v.id) or "", signatures=signed.get(v.id, 0),
            intact=text_hash(v.title, v.body) == v.text_sha256,
        )
        for v in versions
    ]


def sign(uow: UnitOfWork, *, visit_id: int, agreement_id: int, signature_png: bytes | None) -> None:
    add_signature(uow, lifecycle.load_visit(uow, visit_id), agreement_id, signature_png)
    uow.commit()


def add_signature(uow: UnitOfWork, visit: Visit, agreement_id: int, signature_png: bytes | None) -> None:
    """Record a signature in the caller's transaction (check-in signs and enters in one go)."""
    agreement = uow.session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFound(f"no agreement with id {agreement_id}")
    if signature_png is not None and (len(signature_png) > MAX_SIGNATURE_BYTES
                                      or not signature_png.startswith(b"\x89PNG\r\n\x1a\n")):
        raise ValidationFailed([FieldError("signature", "invalid", "the signature is not a PNG image")])
    if uow.session.scalar(select(AgreementSignature.id).where(
        AgreementSignature.visit_id == visit.id, AgreementSignature.agreement_id == agreement.id
    )) is not None:
        raise Conflict("this agreement is already signed for this visit")
    signature = AgreementSignature(
        visit_id=visit.id, agreement_id=agreement.id, text_sha256=agreement.text_sha256,
        signature_png=signature_png, signed_at=uow.now(),
    )
    uow.session.add(signature)
    uow.session.flush()
    audit.record(uow, "agreement.signed", "visit", visit.id, after={"agreement_id": agreement.id,
                                                                    "version": agreement.version})


def accepted_current(uow: UnitOfWork, visit_id: int, visitor_type: str) -> bool:
    """Whether the visit already holds a signature (or a web acceptance) on a current text for its visitor
    type, in either language: a visitor who accepted the house rules when registering ahead is not asked again."""
    return uow.session.scalar(
        select(AgreementSignature.id).join(Agreement, Agreement.id == AgreementSignature.agreement_id).where(
            AgreementSignature.visit_id == visit_id, Agreement.visitor_type == VisitorType(visitor_type),
            Agreement.active,
        ).limit(1)
    ) is not None


@dataclass(frozen=True)
class Consents:
    """What a visitor gave at the kiosk before entering, recorded with the check-in itself."""

    agreement_id: int | None = None
    signature_png: bytes | None = field(default=None, repr=False)
    photo_jpeg: bytes | None = field(default=None, repr=False)


def record_consents(uow: UnitOfWork, visit: Visit, consents: Consents | None) -> None:
    if consents is None:
        return
    if consents.agreement_id is not None:
        add_signature(uow, visit, consents.agreement_id, consents.signature_png)
    if consents.photo_jpeg is not None:
        from kiosk.services.visits.photos import store_photo

        store_photo(uow, visit, consents.photo_jpeg)
