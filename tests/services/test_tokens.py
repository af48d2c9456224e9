"""Tokens: random, truncated, tampered, expired and replayed ones are all refused."""

from __future__ import annotations

import string
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.services.visits import checkin
from kiosk.services.visits.tokens import TokenProblem, TokenRejected, hash_token, token_kind
from tests.factories import SITE, add_host, invite

HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
B64 = string.ascii_letters + string.digits + "-_"


def _attempt(db, token):
    with db.unit_of_work("kiosk:K1") as uow:
        return checkin.check_in_by_token(uow, token, site_code=SITE, grace_seconds=0)


@pytest.fixture
def issued(database):
    host = add_host(database)
    return database, invite(database, host.id)


def test_tokens_carry_at_least_128_random_bits_and_are_stored_only_hashed(issued):
    db, invitation = issued
    secret = invitation.token.removeprefix("v1.i.")
    assert len(secret) * 6 >= 128
    from sqlalchemy import select

    from kiosk.models import AccessToken

    with db.unit_of_work(write=False) as uow:
        stored = uow.session.scalars(select(AccessToken.token_hash)).all()
    assert hash_token(invitation.token) in stored
    assert all(invitation.token not in value and secret not in value for value in stored)


@HYPOTHESIS
@given(st.text(max_size=200))
def test_arbitrary_text_is_refused(issued, text):
    db, invitation = issued
    if text.strip() == invitation.token:
        return
    with pytest.raises(TokenRejected):
        _attempt(db, text)


@HYPOTHESIS
@given(st.text(alphabet=B64, min_size=32, max_size=32))
def test_random_well_formed_tokens_are_unknown(issued, secret):
    db, invitation = issued
    candidate = "v1.i." + secret
    if candidate == invitation.token:
        return
    with pytest.raises(TokenRejected) as err:
        _attempt(db, candidate)
    assert err.value.problem is TokenProblem.UNKNOWN


@HYPOTHESIS
@given(st.data())
def test_truncated_or_tampered_tokens_are_refused(issued, data):
    db, invitation = issued
    token = invitation.token
    if data.draw(st.booleans()):
        mutated = token[: data.draw(st.integers(0, len(token) - 1))]
    else:
        position = data.draw(st.integers(0, len(token) - 1))
        replacement = data.draw(st.sampled_from(B64 + "."))
        if replacement == token[position]:
            return
        mutated = token[:position] + replacement + token[position + 1:]
    with pytest.raises(TokenRejected):
        _attempt(db, mutated)


def test_expired_token_is_refused_even_if_never_used(issued):
    db, invitation = issued
    db.clock.advance(days=1)
    with pytest.raises(TokenRejected) as err:
        _attempt(db, invitation.token)
    assert err.value.problem is TokenProblem.EXPIRED


def test_replayed_token_is_refused(issued):
    db, invitation = issued
    assert _attempt(db, invitation.token).outcome == "checked_in"
    db.clock.advance(seconds=1)
    with pytest.raises(TokenRejected) as err:
        _attempt(db, invitation.token)
    assert err.value.problem is TokenProblem.ALREADY_USED


@pytest.mark.parametrize(
    "text", ["", "v1.i.", "https://example.com/v1.i.x", "WIFI:T:WPA;S:x;;", "v1.x." + "a" * 32, "\x00" * 40,
             "v1.i." + "a" * 5000, "v1.i." + "a" * 31 + "é"],
)
def test_foreign_codes_are_unknown_without_touching_the_database(text):
    with pytest.raises(TokenRejected) as err:
        token_kind(text)
    assert err.value.problem is TokenProblem.UNKNOWN


def test_two_invitations_get_unrelated_tokens(database):
    host = add_host(database)
    a = invite(database, host.id, phone="13800138001")
    b = invite(database, host.id, phone="13800138002", visit_date=database.clock.now().date() + timedelta(days=1))
    assert a.token != b.token and a.token[5:9] != b.token[5:9]
