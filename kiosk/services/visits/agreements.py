"""House rules and NDAs: published as immutable versions; a signature records exactly what was signed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select

from kiosk.db.uow import UnitOfWork
from kiosk.models import Agreement, AgreementSignature, Visit, VisitorType
from kiosk.services import audit
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.text import clean_text
from kiosk.services.visits import lifecycle

MAX_SIGNATURE_BYTES = 512 * 1024


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


def publish(uow: UnitOfWork, *, visitor_type: str, language: str, title: str, body: str) -> AgreementText:
    """A new version for (visitor type, language); the previous one stays for the signatures on it."""
    kind = VisitorType(visitor_type)
    if language not in ("zh_CN", "en"):
        raise ValidationFailed([FieldError("language", "invalid", "language must be zh_CN or en")])
    errors: list[FieldError] = []
    clean_title = clean_text(title, "title", max_len=200, required=True, errors=errors)
    clean_body = clean_text(body, "body", max_len=50_000, required=True, allow_newlines=True, errors=errors)
    if errors:
        raise ValidationFailed(errors)
    latest = uow.session.scalar(
        select(func.max(Agreement.version)).where(Agreement.visitor_type == kind, Agreement.language == language)
    )
    for old in uow.session.scalars(
        select(Agreement).where(Agreement.visitor_type == kind, Agreement.language == language, Agreement.active)
    ):
        old.active = False
    agreement = Agreement(
        visitor_type=kind, language=language, version=(latest or 0) + 1, title=clean_title, body=clean_body,
        text_sha256=hashlib.sha256(f"{clean_title}\n{clean_body}".encode()).hexdigest(), active=True,
        created_at=uow.now(),
    )
    uow.session.add(agreement)
    uow.session.flush()
    audit.record(uow, "agreement.published", "agreement", agreement.id, after={"version": agreement.version})
    result = _text(agreement)
    uow.commit()
    return result


def current(uow: UnitOfWork, *, visitor_type: str, language: str) -> AgreementText | None:
    """The text a visitor of this type must accept, in their language (falling back to the other one)."""
    for lang in (language, "en" if language == "zh_CN" else "zh_CN"):
        agreement = uow.session.scalar(
            select(Agreement).where(
                Agreement.visitor_type == VisitorType(visitor_type), Agreement.language == lang, Agreement.active
            )
        )
        if agreement is not None:
            return _text(agreement)
    return None


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
