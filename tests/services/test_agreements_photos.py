"""Agreements are versioned and a signature points at the exact text; photos are checked and replaceable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import AgreementSignature
from kiosk.services import agreements, photos
from kiosk.services.errors import Conflict, ValidationFailed
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
