"""Agreement texts at the desk: versions listed per visitor type and language, newest first; publishing
is the administrator's and adds a version (never edits one), so what a visitor signed stays provable."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.domain.visits import VisitorType
from kiosk.models import Agreement, AgreementSignature, AuditEvent
from kiosk.services.errors import Conflict, PolicyRefusal, ValidationFailed
from kiosk.services.visits import agreements
from tests.factories import SITE, add_host, invite

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
CONTRACTOR = VisitorType.CONTRACTOR


@pytest.fixture
def admin(database: Database) -> DeskDirectoryGateway:
    return DeskDirectoryGateway(database, SITE, actor="staff:root", role=StaffRole.ADMIN)


def _current(database: Database, language: str = "zh_CN") -> agreements.AgreementText | None:
    with database.unit_of_work(write=False) as uow:
        return agreements.current(uow, visitor_type="contractor", language=language)


def _sign(database: Database, agreement_id: int, visit_id: int) -> None:
    with database.unit_of_work("kiosk:K1") as uow:
        agreements.sign(uow, visit_id=visit_id, agreement_id=agreement_id, signature_png=PNG)


@pytest.mark.parametrize("role", [StaffRole.RECEPTIONIST, StaffRole.SUPERVISOR])
def test_only_an_administrator_may_publish(database: Database, role: StaffRole) -> None:
    desk = DeskDirectoryGateway(database, SITE, actor="staff:amy", role=role)
    with pytest.raises(PolicyRefusal) as refused:
        desk.publish_agreement(CONTRACTOR, "zh_CN", "安全须知", "请佩戴安全帽。")
    assert refused.value.code == "not_allowed"
    assert _current(database) is None and desk.agreement_versions() == []


def test_a_new_version_is_a_new_row_and_the_kiosk_shows_the_newest(database: Database, admin) -> None:
    first = admin.publish_agreement(CONTRACTOR, "zh_CN", "安全须知", "请佩戴安全帽。")
    visit_id = invite(database, add_host(database).id, visitor_type="contractor").visit_id
    _sign(database, first.id, visit_id)
    second = admin.publish_agreement(CONTRACTOR, "zh_CN", "安全须知", "请佩戴安全帽和手套。")

    assert (first.version, second.version) == (1, 2) and first.id != second.id
    assert _current(database).id == second.id
    newest, older = admin.agreement_versions(CONTRACTOR, "zh_CN")
    assert (newest.version, newest.current, newest.signatures) == (2, True, 0)
    assert (older.version, older.current, older.signatures, older.body) == (1, False, 1, "请佩戴安全帽。")
    assert newest.published_by == older.published_by == "staff:root"
    # What the visitor signed is still there, word for word, and still hashes to what the signature recorded.
    with database.unit_of_work(write=False) as uow:
        signature = uow.session.scalars(select(AgreementSignature)).one()
        signed = uow.session.get(Agreement, signature.agreement_id)
    assert signed.body == "请佩戴安全帽。"
    assert signature.text_sha256 == agreements.text_hash(signed.title, signed.body) == older.text_sha256
    assert older.intact and newest.intact


def test_languages_and_visitor_types_have_versions_of_their_own(database: Database, admin) -> None:
    admin.publish_agreement(CONTRACTOR, "zh_CN", "安全须知", "请佩戴安全帽。")
    admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet.")
    admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet and gloves.")
    admin.publish_agreement(VisitorType.VISITOR, "en", "House rules", "Be kind.")
    listed = [(v.visitor_type.value, v.language, v.version, v.current) for v in admin.agreement_versions()]
    assert listed == [("contractor", "en", 2, True), ("contractor", "en", 1, False), ("contractor", "zh_CN", 1, True),
                      ("visitor", "en", 1, True)]
    assert [v.version for v in admin.agreement_versions(language="zh_CN")] == [1]
    assert _current(database, "zh_CN").body == "请佩戴安全帽。"
    assert _current(database, "en").body == "Wear a helmet and gloves."


def test_the_same_text_again_or_an_empty_one_is_refused(database: Database, admin) -> None:
    admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet.")
    with pytest.raises(ValidationFailed) as same:
        admin.publish_agreement(CONTRACTOR, "en", " Safety rules ", "Wear a helmet.\n")
    assert [(e.field, e.code) for e in same.value.errors] == [("body", "unchanged")]
    with pytest.raises(ValidationFailed) as empty:
        admin.publish_agreement(CONTRACTOR, "fr", "", "   ")
    assert {(e.field, e.code) for e in empty.value.errors} == {
        ("language", "invalid"), ("title", "required"), ("body", "required")}
    with pytest.raises(ValidationFailed), database.unit_of_work("cli:root") as uow:
        agreements.publish(uow, visitor_type="alien", language="en", title="x", body="y", role=StaffRole.ADMIN)
    assert len(admin.agreement_versions()) == 1


def test_a_text_changed_behind_the_desks_back_shows_as_not_intact(database: Database, admin) -> None:
    published = admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet.")
    with database.unit_of_work("intruder") as uow:
        uow.session.execute(update(Agreement).where(Agreement.id == published.id).values(body="Anything goes."))
        uow.commit()
    [version] = admin.agreement_versions()
    assert not version.intact


def test_two_desks_publishing_at_once_do_not_make_two_version_twos(
    database: Database, admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet.")
    # The other desk's version 2 lands between this one reading the newest version and writing its own.
    other = DeskDirectoryGateway(database, SITE, actor="staff:other", role=StaffRole.ADMIN)
    other.publish_agreement(CONTRACTOR, "en", "Safety rules", "Other desk.")
    monkeypatch.setattr(agreements, "newest_version", lambda uow, kind, language: 1)
    with pytest.raises(Conflict) as raced:
        admin.publish_agreement(CONTRACTOR, "en", "Safety rules", "Wear a helmet and gloves.")
    assert raced.value.code == "published_meanwhile"
    assert _current(database, "en").body == "Other desk."  # nothing of the refused version was saved
    with database.unit_of_work(write=False) as uow:
        assert len(uow.session.scalars(select(Agreement)).all()) == 2
        assert len(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "agreement.published")).all()) == 2
