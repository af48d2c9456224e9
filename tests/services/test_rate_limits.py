"""Rate limits: hits per (bucket, keyed subject) in a window; over the limit, RateLimited with a wait."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk.models import RateLimitHit
from kiosk.services import rate_limits
from kiosk.services.errors import RateLimited
from kiosk.services.rate_limits import Limit, Subjects

SECRET = b"s" * 32
PER_MINUTE = (Limit("test", 3, timedelta(minutes=1)),)


def _spend(db, subject, limits=PER_MINUTE):
    with db.unit_of_work("web:visitor") as uow:
        rate_limits.spend(uow, limits, subject)
        uow.commit()


def _hits(db):
    with db.unit_of_work(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(RateLimitHit))


def test_subjects_are_keyed_hashes_never_the_address():
    subjects = Subjects.of(SECRET, "203.0.113.7")
    assert len(subjects.client) == 64 and "203.0.113.7" not in subjects.client
    assert subjects.client == Subjects.of(SECRET, "203.0.113.7").client
    assert subjects.client != Subjects.of(b"t" * 32, "203.0.113.7").client  # useless without the secret
    assert subjects.host(7) != subjects.client and subjects.host(7) != subjects.host(8)


def test_over_the_limit_is_refused_with_the_wait_until_a_hit_leaves_the_window(database):
    client = Subjects.of(SECRET, "203.0.113.7").client
    for _ in range(3):
        _spend(database, client)
        database.clock.advance(seconds=10)
    with pytest.raises(RateLimited) as refused:
        _spend(database, client)
    assert refused.value.retry_after == 30  # hits at 0, 10, 20 s; now 30 s: the first leaves at 60 s
    assert refused.value.code == "rate_limited" and "203.0.113.7" not in str(refused.value)
    assert _hits(database) == 3  # a refused request is not counted
    _spend(database, Subjects.of(SECRET, "198.51.100.1").client)  # another client is not limited
    database.clock.advance(seconds=29)
    with pytest.raises(RateLimited):
        _spend(database, client)
    database.clock.advance(seconds=1)
    _spend(database, client)  # the oldest hit has left the window


def test_every_window_of_a_bucket_counts(database):
    limits = (Limit("test", 2, timedelta(minutes=1)), Limit("test", 3, timedelta(hours=1)))
    for _ in range(3):
        _spend(database, "x", limits)
        database.clock.advance(minutes=2)
    with pytest.raises(RateLimited) as refused:
        _spend(database, "x", limits)
    assert refused.value.retry_after == 60 * 60 - 6 * 60
    assert _hits(database) == 3  # one row per request, whatever the number of windows


def test_hits_older_than_a_day_are_purged(database):
    _spend(database, "x")
    database.clock.advance(hours=23)
    _spend(database, "y")
    database.clock.advance(hours=2)
    with database.unit_of_work("system:housekeeping") as uow:
        assert rate_limits.purge_old_hits(uow) == 1
    assert _hits(database) == 1


def test_the_published_limits():
    assert [(limit.most, limit.window) for limit in rate_limits.HOST_SEARCH_LIMITS] == [
        (30, timedelta(minutes=1)), (300, timedelta(days=1))]
    assert [(limit.most, limit.window) for limit in rate_limits.PREREGISTER_CLIENT_LIMITS] == [
        (5, timedelta(hours=1))]
    assert [(limit.most, limit.window) for limit in rate_limits.PREREGISTER_HOST_LIMITS] == [(20, timedelta(days=1))]
    every = (*rate_limits.HOST_SEARCH_LIMITS, *rate_limits.PREREGISTER_CLIENT_LIMITS,
             *rate_limits.PREREGISTER_HOST_LIMITS)
    assert all(len(limit.bucket) <= 32 and limit.window <= rate_limits.KEEP_HITS for limit in every)
