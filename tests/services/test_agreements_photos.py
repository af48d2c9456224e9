"""Agreements are versioned and a signature points at the exact text; photos are checked and replaceable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import AgreementSignature
from kiosk.services.errors import Conflict, ValidationFailed
from kiosk.services.visits import agreements, photos
from tests.factories import add_host, invite

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _publish(db, body, language="zh_CN"):
    with db.unit_of_work("staff:amy") as uow:
        return agreements.publish(uow, visitor_type="contractor", language=language, title="安全须知", body=body)


def test_new_version_replaces_the_current_one_but_signatures_keep_theirs(database):
    visit_id = invite(database, add_host(database).id).visit_id
    first = _publish(database, "请佩戴安全帽。")
    with database.unit_of_work("kiosk:K1") as uow:
        agreements.sign(uow, visit_id=visit_id, agreement_id=first.id, signature_png=PNG)
    second = _publish(database, "请佩戴安全帽和手套。")
    assert (first.version, second.version) == (1, 2)
    with database.unit_of_work(write=False) as uow:
        assert agreements.current(uow, visitor_type="contractor", language="zh_CN").body == "请佩戴安全帽和手套。"
        assert agreements.current(uow, visitor_type="contractor", language="en").version == 2  # falls back
        assert agreements.current(uow, visitor_type="visitor", language="en") is None
        signed = uow.session.scalars(select(AgreementSignature)).one()
    assert signed.agreement_id == first.id and signed.signature_png == PNG
    with pytest.raises(Conflict), database.unit_of_work("kiosk:K1") as uow:
        agreements.sign(uow, visit_id=visit_id, agreement_id=first.id, signature_png=PNG)


def test_signature_must_be_a_png(database):
    visit_id = invite(database, add_host(database).id).visit_id
    agreement = _publish(database, "Rules")
    with pytest.raises(ValidationFailed), database.unit_of_work("kiosk:K1") as uow:
        agreements.sign(uow, visit_id=visit_id, agreement_id=agreement.id, signature_png=b"<svg/>")


def test_photo_is_saved_replaced_on_retake_and_refused_when_not_jpeg(database):
    visit_id = invite(database, add_host(database).id).visit_id
    with database.unit_of_work("kiosk:K1") as uow:
        photos.save_photo(uow, visit_id, b"\xff\xd8first")
    with database.unit_of_work("kiosk:K1") as uow:
        photos.save_photo(uow, visit_id, b"\xff\xd8retake")
    with database.unit_of_work(write=False) as uow:
        assert photos.photo_for(uow, visit_id) == b"\xff\xd8retake"
    for bad in (b"GIF89a", b"\xff\xd8" + b"x" * 400_000):
        with pytest.raises(ValidationFailed), database.unit_of_work("kiosk:K1") as uow:
            photos.save_photo(uow, visit_id, bad)


def test_invitation_preview_spends_nothing_and_consents_enter_with_the_check_in(database):
    from kiosk.models import Visit, VisitPhoto, VisitStatus
    from kiosk.services.visits import checkin
    from kiosk.services.visits.agreements import Consents

    host = add_host(database)
    invitation = invite(database, host.id, name="Bob Builder", visitor_type="contractor")
    rules = _publish(database, "请佩戴安全帽。")
    with database.unit_of_work("kiosk:K1", write=False) as uow:
        preview = checkin.preview_invitation(uow, invitation.token, site_code="HQ")
    assert (preview.visitor_name, preview.visitor_type, preview.already_checked_in) == (
        "Bob Builder", "contractor", False)
    with database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code="HQ",
                                  consents=Consents(rules.id, PNG, b"\xff\xd8photo"))
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invitation.visit_id).status == VisitStatus.CHECKED_IN
        assert uow.session.scalars(select(AgreementSignature.agreement_id)).all() == [rules.id]
        assert uow.session.scalars(select(VisitPhoto.jpeg)).all() == [b"\xff\xd8photo"]


def test_a_bad_photo_refuses_the_whole_check_in(database):
    from kiosk.models import Visit, VisitStatus
    from kiosk.services.visits import checkin
    from kiosk.services.visits.agreements import Consents

    invitation = invite(database, add_host(database).id)
    with pytest.raises(ValidationFailed), database.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code="HQ", consents=Consents(photo_jpeg=b"GIF89a"))
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, invitation.visit_id).status == VisitStatus.INVITED
