"""Short codes: the eight characters a visitor types at the kiosk when the QR code will not scan."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, Settings
from kiosk.db import Database
from kiosk.domain import short_codes
from kiosk.models import AccessToken, Notification, TokenKind, Visit, VisitStatus
from kiosk.services import rate_limits
from kiosk.services.errors import RateLimited
from kiosk.services.notifications import sending
from kiosk.services.visits import checkin, invitations
from kiosk.services.visits.tokens import TokenProblem, TokenRejected
from tests.factories import SITE, add_host, invite, mailed_code, mailed_short_code

KIOSK = "kiosk:K1"


def _check_in(db: Database, code: str, *, at: str = KIOSK, typed: bool = True):
    with db.unit_of_work(at) as uow:
        return checkin.check_in_by_token(uow, code, site_code=SITE, typed_at=at if typed else None)


def _problem(db: Database, code: str, **kw) -> TokenProblem:
    with pytest.raises(TokenRejected) as err:
        _check_in(db, code, **kw)
    return err.value.problem


def _status(db: Database, visit_id: int) -> VisitStatus:
    with db.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, visit_id)
        assert visit is not None
        return visit.status


def _mails(db: Database, visit_id: int) -> list[Notification]:
    with db.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(
            select(Notification).where(Notification.visit_id == visit_id).order_by(Notification.id)))


# ---------------------------------------------------------------- the format


def test_a_code_is_eight_crockford_characters_shown_in_two_groups(database):
    created = invite(database, add_host(database).id)
    code = created.short_code
    assert len(code) == 8 and set(code) <= set(short_codes.ALPHABET)
    assert not set("ILOU") & set(short_codes.ALPHABET) and len(short_codes.ALPHABET) == 32
    assert short_codes.shown(code) == f"{code[:4]}-{code[4:]}"
    assert short_codes.from_number(0) == "00000000" and short_codes.from_number(2**40 - 1) == "ZZZZZZZZ"
    with pytest.raises(ValueError):
        short_codes.from_number(2**40)


def test_codes_are_random_not_sequential(database):
    host = add_host(database)
    codes = {invite(database, host.id, phone=f"1380013800{i}").short_code for i in range(10)}
    assert len(codes) == 10


@pytest.mark.parametrize(("typed", "canonical"), [
    ("K7QM2XPD", "K7QM2XPD"),
    ("k7qm-2xpd", "K7QM2XPD"),
    ("  K7QM 2XPD\n", "K7QM2XPD"),
    ("O0IL-1ABC", "00111ABC"),  # O reads as 0, I and L as 1
    ("ｋ７ＱＭ－２ＸＰＤ", "K7QM2XPD"),  # a Chinese input method in full-width mode
    ("K7QM–2XPD", "K7QM2XPD"),  # a phone keyboard's en dash
])
def test_typing_is_forgiving(typed, canonical):
    assert short_codes.normalise(typed) == canonical


@pytest.mark.parametrize("typed", ["", "K7QM2XP", "K7QM2XPDA", "K7QU2XPD", "K7QM_2XPD", "v1.i." + "a" * 32,
                                   "K7QM-" + " " * 30 + "2XPD", "K7QM.2XPD"])
def test_what_is_not_a_short_code(typed):
    assert short_codes.normalise(typed) is None


def test_a_typed_code_checks_in_as_its_qr_would_in_any_spelling(database):
    created = invite(database, add_host(database).id)
    typed = short_codes.shown(created.short_code).lower().replace("0", "o").replace("1", "l")
    result = _check_in(database, typed)
    assert result.outcome == "checked_in" and result.visit_id == created.visit_id and result.badge_job_id
    assert _status(database, created.visit_id) == VisitStatus.CHECKED_IN


def test_kioskctl_style_check_in_takes_a_short_code_without_counting(database):
    created = invite(database, add_host(database).id)
    assert _check_in(database, short_codes.shown(created.short_code), at="cli:root", typed=False).outcome \
        == "checked_in"


# ---------------------------------------------------------------- the day, and one use for both codes


@pytest.mark.parametrize(("days", "problem"), [(-1, TokenProblem.EXPIRED), (1, TokenProblem.NOT_YET_VALID)])
def test_a_code_works_on_the_visit_day_only(database, days, problem):
    host = add_host(database)
    created = invite(database, host.id, visit_date=database.clock.now().date() + timedelta(days=max(days, 0)))
    database.clock.advance(days=max(-days, 0))
    assert _problem(database, created.short_code) is problem


def test_the_short_code_first_then_the_qr_is_already_used(database):
    created = invite(database, add_host(database).id)
    _check_in(database, created.short_code)
    assert _problem(database, created.token, typed=False) is TokenProblem.ALREADY_USED


def test_the_qr_first_then_the_short_code_is_already_used(database):
    created = invite(database, add_host(database).id)
    _check_in(database, created.token, typed=False)
    assert _problem(database, created.short_code) is TokenProblem.ALREADY_USED
    database.clock.advance(seconds=60)
    assert _problem(database, created.short_code) is TokenProblem.ALREADY_USED


def test_the_same_code_typed_again_at_once_is_the_same_check_in(database):
    created = invite(database, add_host(database).id)
    first = _check_in(database, created.short_code)
    again = _check_in(database, created.short_code)
    assert again.repeated and again.badge_job_id == first.badge_job_id


def test_a_desk_check_in_spends_both_codes(database):
    created = invite(database, add_host(database).id)
    with database.unit_of_work("staff:amy") as uow:
        checkin.check_in_visit(uow, created.visit_id, site_code=SITE)
    with database.unit_of_work(write=False) as uow:
        rows = uow.session.scalars(select(AccessToken).where(
            AccessToken.visit_id == created.visit_id, AccessToken.kind != TokenKind.SIGN_OUT)).all()
    assert {r.kind for r in rows} == {TokenKind.INVITATION, TokenKind.SHORT_CODE}
    assert all(r.used_at is not None for r in rows)


def test_a_cancelled_invitations_code_says_so(database):
    created = invite(database, add_host(database).id)
    with database.unit_of_work("staff:amy") as uow:
        invitations.cancel_invitation(uow, created.visit_id)
    assert _problem(database, created.short_code) is TokenProblem.CANCELLED


# ---------------------------------------------------------------- replaced with the QR


def test_a_reschedule_replaces_the_short_code_too(database):
    created = invite(database, add_host(database).id, email="jane@example.org")
    tomorrow = database.clock.now().date() + timedelta(days=1)
    with database.unit_of_work("staff:amy") as uow:
        moved = invitations.reschedule_invitation(uow, created.visit_id, visit_date=tomorrow)
    assert moved.short_code and moved.short_code != created.short_code
    database.clock.advance(days=1)
    assert _problem(database, created.short_code) is TokenProblem.REPLACED
    mail = _mails(database, created.visit_id)[-1]
    assert mail.event == "invitation_changed" and mailed_short_code(mail.payload) == moved.short_code
    assert _check_in(database, moved.short_code).outcome == "checked_in"


def test_an_edit_and_a_resend_replace_it(database):
    created = invite(database, add_host(database).id, email="jane@example.org")
    with database.unit_of_work("staff:amy") as uow:
        edited = invitations.edit_invitation(uow, created.visit_id, visitor_name="Jane Smith", phone="13800138000",
                                             email="jane@example.org")
    with database.unit_of_work("staff:amy") as uow:
        resent = invitations.resend_invitation(uow, created.visit_id)
    assert len({created.short_code, edited.short_code, resent.short_code}) == 3
    for old in (created.short_code, edited.short_code):
        assert _problem(database, old) is TokenProblem.REPLACED
    # Waiting e-mails with a replaced code lost it; the newest carries the newest pair.
    mails = _mails(database, created.visit_id)
    assert [mailed_short_code(m.payload) for m in mails] == ["", "", resent.short_code]
    assert mailed_code(mails[-1].payload) == resent.token


# ---------------------------------------------------------------- at rest


def test_the_code_is_stored_as_a_keyed_digest_and_mailed_sealed_then_blanked(database):
    created = invite(database, add_host(database, language="en").id, email="jane@example.org")
    code = created.short_code
    with database.unit_of_work(write=False) as uow:
        row = uow.session.scalar(select(AccessToken).where(AccessToken.kind == TokenKind.SHORT_CODE))
        assert row is not None
        # Not a plain hash: 40 bits are soon tried against one; the digest needs the key file.
        assert row.token_hash not in (hashlib.sha256(code.encode()).hexdigest(),
                                      hashlib.sha256(short_codes.shown(code).encode()).hexdigest())
    [mail] = _mails(database, created.visit_id)
    assert code not in str(mail.payload) and short_codes.shown(code) not in str(mail.payload)
    assert mail.payload["sealed_short_code"].startswith("s1.")
    assert mailed_short_code(mail.payload) == code

    settings = Settings(email=EmailSettings(host="127.0.0.1", sender="Kiosk <kiosk@example.com>"))
    sent = []

    class Mailbox:
        configured = True

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send(self, message, recipient):
            sent.append(message)

    assert Dispatcher(database, settings, email_sender_factory=Mailbox).run_once().sent == 1  # type: ignore[arg-type]
    assert short_codes.shown(code) in sent[0].get_body(("plain",)).get_content()
    [mail] = _mails(database, created.visit_id)
    assert mail.payload["short_code"] == "" and mail.payload["sealed_short_code"] == ""
    assert "s1." not in str(mail.payload)
    # The desk's list never shows it, sealed or not.
    with database.unit_of_work(write=False) as uow:
        [view] = [v for v in sending.list_recent(uow) if v.id == mail.id]
    assert not {"short_code", "sealed_short_code"} & set(view.payload)


def test_an_invitation_failed_for_good_is_sent_again_with_a_new_pair(database):
    created = invite(database, add_host(database).id, email="jane@example.org")
    with database.unit_of_work("dispatcher") as uow:
        [claimed] = sending.claim_due(uow)
    with database.unit_of_work("dispatcher") as uow:
        sending.mark_failed(uow, claimed, "550 no such user", permanent=True)
    [mail] = _mails(database, created.visit_id)
    assert mailed_short_code(mail.payload) == ""
    with database.unit_of_work("staff:amy") as uow:
        sending.retry_notification(uow, mail.id)
    [mail] = _mails(database, created.visit_id)
    new_code = mailed_short_code(mail.payload)
    assert new_code and new_code != created.short_code and mail.payload["sealed_short_code"].startswith("s1.")
    assert _problem(database, created.short_code) is TokenProblem.REPLACED
    assert _check_in(database, new_code).outcome == "checked_in"


# ---------------------------------------------------------------- guessing


def _wrong(db: Database, n: int, *, at: str = KIOSK) -> None:
    for i in range(n):
        assert _problem(db, short_codes.from_number(i), at=at) is TokenProblem.UNKNOWN


def test_ten_wrong_codes_in_ten_minutes_pause_typing_at_that_kiosk_for_a_minute(database):
    created = invite(database, add_host(database).id)
    _wrong(database, 9)
    database.clock.advance(seconds=30)
    _wrong(database, 1)
    # Refused whatever is typed, right or wrong: the refusal says nothing about the code.
    with pytest.raises(RateLimited) as err:
        _check_in(database, created.short_code)
    assert err.value.retry_after == 60
    with pytest.raises(RateLimited):
        _check_in(database, "ZZZZ-ZZZZ")
    # Another kiosk types on, the operator's tools are not counted, and the QR still scans here.
    _wrong(database, 1, at="kiosk:K2")
    database.clock.advance(seconds=59)
    with pytest.raises(RateLimited) as err:
        _check_in(database, created.short_code)
    assert err.value.retry_after == 1
    database.clock.advance(seconds=1)
    assert _check_in(database, created.short_code).outcome == "checked_in"


def test_the_qr_scans_while_typing_is_paused_and_wrong_codes_age_out(database):
    host = add_host(database)
    created = invite(database, host.id)
    _wrong(database, 10)
    assert _check_in(database, created.token, typed=False).outcome == "checked_in"
    database.clock.advance(minutes=1)
    _wrong(database, 1)  # eleven in ten minutes: another minute's pause
    with pytest.raises(RateLimited):
        _check_in(database, "ZZZZ-ZZZZ")
    database.clock.advance(minutes=10)
    _wrong(database, 9)  # the old ones have left the window
    other = invite(database, host.id, phone="13900139000")
    assert _check_in(database, other.short_code).outcome == "checked_in"


def test_a_wrong_code_read_before_signing_counts_as_well(database):
    for _ in range(10):
        with pytest.raises(TokenRejected), database.unit_of_work(KIOSK) as uow:
            checkin.preview_invitation(uow, "ABCD-EFGH", site_code=SITE, typed_at=KIOSK)
    with pytest.raises(RateLimited), database.unit_of_work(KIOSK) as uow:
        checkin.preview_invitation(uow, "ABCD-EFGH", site_code=SITE, typed_at=KIOSK)


def test_untyped_wrong_codes_are_not_counted(database):
    for i in range(12):
        assert _problem(database, short_codes.from_number(i), at="cli:root", typed=False) is TokenProblem.UNKNOWN
    created = invite(database, add_host(database).id)
    assert _check_in(database, created.short_code).outcome == "checked_in"


def test_the_bucket_fits_the_column():
    assert len(rate_limits.WRONG_SHORT_CODE_BUCKET) <= 32
