"""Signing the house rules and having a photo taken before entering: invitations and walk-ins alike."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.devices.camera import CameraState, CameraStatus
from kiosk.models import AgreementSignature, Purpose, Visit, VisitPhoto, VisitStatus
from kiosk.services.visits import agreements, denylist
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.screens.photo import REVIEW, UNAVAILABLE
from tests.factories import invite

RULES_EN = "Contractor rules"
RULES_ZH = "承包商须知"
AGREEMENT_ONLY = {"agreement_for": ("contractor",), "photo_for": ()}
AGREEMENT_AND_PHOTO = {"agreement_for": ("contractor",), "photo_for": ("contractor",)}
PHOTO_ONLY = {"agreement_for": (), "photo_for": ("contractor",)}


@pytest.fixture
def steps() -> dict[str, tuple[str, ...]]:
    return AGREEMENT_ONLY


@pytest.fixture
def kiosk_settings(kiosk_settings: Settings, steps: dict[str, tuple[str, ...]]) -> Settings:
    return replace(kiosk_settings, visits=replace(kiosk_settings.visits, **steps))


@pytest.fixture
def rules(database: Database) -> dict[str, int]:
    ids = {}
    with database.unit_of_work("test") as uow:
        ids["en"] = agreements.publish(uow, visitor_type="contractor", language="en", title=RULES_EN,
                                       body="Wear a helmet.\nNo photos of the plant.").id
    with database.unit_of_work("test") as uow:
        ids["zh_CN"] = agreements.publish(uow, visitor_type="contractor", language="zh_CN", title=RULES_ZH,
                                          body="请佩戴安全帽。\n厂区内禁止拍照。").id
    return ids


@pytest.fixture
def contractor(database: Database, host):
    return invite(database, host.id, name="Bob Builder", phone="13900139001", visitor_type="contractor")


def _status(database: Database, visit_id: int) -> VisitStatus:
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        return VisitStatus(visit.status)


def _signatures(database: Database) -> list[AgreementSignature]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(AgreementSignature)))


def _photos(database: Database) -> list[bytes]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(select(VisitPhoto.jpeg)))


def _sign(kiosk: Kiosk) -> None:
    pad = kiosk.window.agreement.pad
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 60))
    for x in range(60, 260, 20):
        QTest.mouseMove(pad, QPoint(x, 60 + (x % 40)))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(260, 80))


def _frame(bgr: tuple[int, int, int]) -> QImage:
    """What the camera's preview signal carries: a full BGR frame as a QImage."""
    frame = np.ascontiguousarray(np.full((240, 320, 3), bgr, np.uint8))
    return QImage(frame.data, 320, 240, frame.strides[0], QImage.Format.Format_BGR888).copy()


def _mean_bgr(jpeg: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR).reshape(-1, 3).mean(axis=0)


def _take_photo(kiosk: Kiosk, qtbot, bgr: tuple[int, int, int]) -> None:
    photo = kiosk.window.photo
    kiosk.window.scan.set_preview(_frame(bgr))  # the camera's frames arrive where assembly wires them
    assert photo.take.isEnabled()
    photo.ticker.setInterval(1)
    photo.take.click()
    qtbot.waitUntil(lambda: photo.state == REVIEW, timeout=2000)


# -- the agreement ------------------------------------------------------------------------------------------------


def test_contractor_reads_the_rules_before_checking_in(english: Kiosk, rules, contractor, database: Database) -> None:
    window = english.window
    english.flow.scan_input.deliver_text(contractor.token)
    assert window.current() is window.agreement
    assert window.agreement.title.text() == RULES_EN
    assert "helmet" in window.agreement.text.text()
    assert not window.agreement.accept.isEnabled()  # nothing drawn yet
    assert _status(database, contractor.visit_id) == VisitStatus.INVITED


def test_signing_and_accepting_checks_in_with_the_signature(
    english: Kiosk, rules, contractor, database: Database
) -> None:
    window = english.window
    english.flow.scan_input.deliver_text(contractor.token)
    _sign(english)
    assert window.agreement.accept.isEnabled()
    window.agreement.accept.click()
    assert window.current() is window.done
    assert window.done.title.text() == "Welcome, Bob Builder"
    assert _status(database, contractor.visit_id) == VisitStatus.CHECKED_IN
    [signature] = _signatures(database)
    assert signature.visit_id == contractor.visit_id
    assert signature.agreement_id == rules["en"]
    assert signature.signature_png is not None and signature.signature_png.startswith(b"\x89PNG\r\n\x1a\n")
    assert not QImage.fromData(signature.signature_png).isNull()


def test_clear_empties_the_pad_and_disables_accept(english: Kiosk, rules, contractor) -> None:
    english.flow.scan_input.deliver_text(contractor.token)
    _sign(english)
    english.window.agreement.clear.click()
    assert english.window.agreement.pad.strokes == []
    assert not english.window.agreement.accept.isEnabled()


def test_declining_saves_nothing_and_sends_the_visitor_to_the_desk(
    english: Kiosk, rules, contractor, database: Database
) -> None:
    window = english.window
    english.flow.scan_input.deliver_text(contractor.token)
    _sign(english)
    window.agreement.decline.click()
    assert window.current() is window.message
    assert window.message.title.text() == "Please see the front desk"
    assert _status(database, contractor.visit_id) == VisitStatus.INVITED
    assert _signatures(database) == []
    assert window.agreement.pad.strokes == []


def test_rules_are_shown_in_the_visitors_language_and_follow_a_switch(kiosk: Kiosk, rules, contractor) -> None:
    kiosk.flow.scan_input.deliver_text(contractor.token)
    assert kiosk.window.agreement.title.text() == RULES_ZH
    _sign(kiosk)
    kiosk.languages.set_language("en")
    assert kiosk.window.agreement.title.text() == RULES_EN
    assert kiosk.window.agreement.accept.isEnabled()  # switching language keeps the signature


def test_rules_fall_back_to_the_other_language(kiosk: Kiosk, contractor, database: Database) -> None:
    with database.unit_of_work("test") as uow:
        agreements.publish(uow, visitor_type="contractor", language="en", title=RULES_EN, body="Wear a helmet.")
    kiosk.flow.scan_input.deliver_text(contractor.token)
    assert kiosk.window.agreement.title.text() == RULES_EN


def test_visitor_type_not_listed_is_still_checked_in_by_scan_alone(
    english: Kiosk, rules, invitation, database: Database
) -> None:
    english.flow.scan_input.deliver_text(invitation.token)
    assert english.window.current() is english.window.done
    assert _status(database, invitation.visit_id) == VisitStatus.CHECKED_IN
    assert _signatures(database) == []


def test_no_published_text_means_no_agreement_step(english: Kiosk, contractor, database: Database) -> None:
    english.flow.scan_input.deliver_text(contractor.token)
    assert english.window.current() is english.window.done
    assert _status(database, contractor.visit_id) == VisitStatus.CHECKED_IN


def test_held_visitor_signs_but_nothing_is_saved(english: Kiosk, rules, host, database: Database) -> None:
    with database.unit_of_work("test") as uow:
        denylist.add_entry(uow, "name", "Mallory Bad", reason="trespass")
    held = invite(database, host.id, name="Mallory Bad", phone="13900139000", visitor_type="contractor")
    english.flow.scan_input.deliver_text(held.token)
    _sign(english)
    english.window.agreement.accept.click()
    assert english.window.message.title.text() == "Please see the front desk"
    assert _signatures(database) == []


def test_idle_during_the_agreement_wipes_the_signature(kiosk: Kiosk, rules, contractor, qtbot) -> None:
    kiosk.flow.scan_input.deliver_text(contractor.token)
    _sign(kiosk)
    kiosk.flow.countdown_seconds = 1
    kiosk.flow.idle.set_seconds(1)
    qtbot.waitUntil(lambda: kiosk.window.current() is kiosk.window.welcome, timeout=4000)
    agreement = kiosk.window.agreement
    assert agreement.pad.strokes == [] and agreement.pad.to_png() is None
    assert agreement.agreement is None and agreement.text.text() == ""
    assert not agreement.accept.isEnabled()
    assert kiosk.flow.consent.signature_png is None


# -- the photo ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("steps", [AGREEMENT_AND_PHOTO])
def test_photo_after_the_agreement_is_saved_with_the_check_in_and_a_retake_replaces_it(
    english: Kiosk, rules, contractor, database: Database, qtbot
) -> None:
    window = english.window
    english.flow.scan_input.deliver_text(contractor.token)
    _sign(english)
    window.agreement.accept.click()
    assert window.current() is window.photo
    assert _status(database, contractor.visit_id) == VisitStatus.INVITED

    _take_photo(english, qtbot, (0, 0, 200))  # red
    assert window.photo.use.isVisible() and window.photo.retake.isVisible()
    window.photo.retake.click()
    _take_photo(english, qtbot, (200, 0, 0))  # blue
    window.photo.use.click()

    assert window.current() is window.done
    assert _status(database, contractor.visit_id) == VisitStatus.CHECKED_IN
    [jpeg] = _photos(database)
    blue, _green, red = _mean_bgr(jpeg)
    assert blue > 150 and red < 50
    [signature] = _signatures(database)
    assert signature.agreement_id == rules["en"]


@pytest.mark.parametrize("steps", [PHOTO_ONLY])
def test_camera_unavailable_lets_the_visitor_continue_without_a_photo(
    english: Kiosk, contractor, database: Database
) -> None:
    window = english.window
    english.flow.set_camera_status(CameraStatus(CameraState.UNAVAILABLE, "no camera"))
    english.flow.scan_input.deliver_text(contractor.token)
    assert window.current() is window.photo
    assert window.photo.state == UNAVAILABLE
    assert "front desk will take your photo" in window.photo.status.text()
    assert not window.photo.take.isVisible()
    window.photo.skip.click()
    assert window.current() is window.done
    assert _status(database, contractor.visit_id) == VisitStatus.CHECKED_IN
    assert _photos(database) == []


@pytest.mark.parametrize("steps", [PHOTO_ONLY])
def test_start_over_on_the_photo_step_forgets_the_picture(english: Kiosk, contractor, database: Database,
                                                          qtbot) -> None:
    english.flow.scan_input.deliver_text(contractor.token)
    _take_photo(english, qtbot, (0, 200, 0))
    english.window.photo.header.home.click()
    assert english.window.current() is english.window.welcome
    assert english.window.photo.photo_jpeg is None and english.window.photo.latest is None
    assert english.window.photo.view.image is None
    assert _status(database, contractor.visit_id) == VisitStatus.INVITED


# -- walk-ins -----------------------------------------------------------------------------------------------------


def _fill_walk_in(kiosk: Kiosk, purpose: Purpose) -> None:
    form = kiosk.window.walk_in
    kiosk.window.welcome.walk_in.click()
    form.phone.setText("13800138000")
    form.name.setText("李雷")
    kiosk.flow._search_hosts("zw")
    form.host.results.itemClicked.emit(form.host.results.item(0))
    form.purpose_buttons[purpose].click()


def _fill_contractor_walk_in(kiosk: Kiosk) -> None:
    _fill_walk_in(kiosk, Purpose.MAINTENANCE)  # maintenance makes a contractor


def test_walk_in_contractor_signs_after_the_form(english: Kiosk, rules, host, database: Database) -> None:
    _fill_contractor_walk_in(english)
    english.window.walk_in.submit.click()
    window = english.window
    assert window.current() is window.agreement
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
    _sign(english)
    window.agreement.accept.click()
    assert window.current() is window.waiting
    [signature] = _signatures(database)
    assert signature.agreement_id == rules["en"] and signature.signature_png


def test_walk_in_form_errors_show_before_the_agreement(english: Kiosk, rules, host) -> None:
    _fill_contractor_walk_in(english)
    english.window.walk_in.phone.setText("12345")
    english.window.walk_in.submit.click()
    assert english.window.current() is english.window.walk_in
    assert english.window.walk_in.fields["phone"].error.text() == "This does not look like a mobile number"


def test_walk_in_visitor_type_not_listed_goes_straight_to_the_host(english: Kiosk, rules, host) -> None:
    _fill_walk_in(english, Purpose.MEETING)
    english.window.walk_in.submit.click()
    assert english.window.current() is english.window.waiting


@pytest.mark.parametrize("steps", [{"agreement_for": ("visitor",), "photo_for": ("visitor",)}])
def test_sales_walk_in_is_refused_before_signing_anything(english: Kiosk, host, database: Database) -> None:
    with database.unit_of_work("test") as uow:
        agreements.publish(uow, visitor_type="visitor", language="en", title="House rules", body="Be kind.")
    _fill_walk_in(english, Purpose.SALES)
    english.window.walk_in.submit.click()
    assert english.window.current() is english.window.message
    assert english.window.message.title.text() == "We only meet sales visitors by appointment"
    assert _signatures(database) == []


def test_a_typed_short_code_leads_to_the_same_signing(english: Kiosk, rules, contractor, database: Database) -> None:
    window = english.window
    window.welcome.invitation.click()
    window.scan.code.setText(contractor.short_code.lower())
    window.scan.submit.click()
    assert window.current() is window.agreement
    _sign(english)
    window.agreement.accept.click()
    assert window.current() is window.done
    assert _status(database, contractor.visit_id) == VisitStatus.CHECKED_IN
    [signature] = _signatures(database)
    assert signature.visit_id == contractor.visit_id


def test_a_wrong_code_typed_before_signing_reads_as_unknown(english: Kiosk, rules, contractor) -> None:
    english.window.welcome.invitation.click()
    english.window.scan.code.setText("ABCD-EFGH")
    english.window.scan.submit.click()
    assert english.window.message.title.text() == "We could not recognise this code"
