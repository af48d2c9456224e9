"""Signing in: how long a refusal takes does not tell an unknown name from a locked account or a wrong password.

Real argon2 parameters (the ones a desk uses). Each kind of refusal is timed a few times, the kinds taking turns
so that a busy machine slows them all alike, and the fastest time of each is compared: noise only ever adds.
"""

from __future__ import annotations

import statistics
import time

import pytest

from kiosk.domain.security import StaffRole
from kiosk.services import auth
from kiosk.services.errors import AuthError

TRIES = 5


def _refusal_seconds(database, username: str, password: str) -> float:
    """How long ``authenticate`` takes to refuse ``username``/``password``."""
    with database.unit_of_work("desk") as uow:
        started = time.perf_counter()
        with pytest.raises(AuthError):
            auth.authenticate(uow, username, password, max_failures=1000, lockout_minutes=15)
        return time.perf_counter() - started


def test_every_kind_of_refusal_costs_about_one_password_check(database):
    with database.unit_of_work("cli") as uow:
        auth.add_user(uow, "amy", "correct horse", StaffRole.ADMIN)
        auth.add_user(uow, "bob", "battery staple")
        auth.add_user(uow, "cat", "purring loudly")
    with database.unit_of_work("cli") as uow:
        auth.set_active(uow, "bob", False, role=StaffRole.ADMIN)
    for _ in range(3):  # cat locks herself out
        with pytest.raises(AuthError), database.unit_of_work("desk") as uow:
            auth.authenticate(uow, "cat", "wrong", max_failures=3)
    with pytest.raises(AuthError) as err, database.unit_of_work("desk") as uow:
        auth.authenticate(uow, "cat", "purring loudly")
    assert err.value.code == "locked"

    refusals = {
        "wrong password": ("amy", "not the password"),
        "unknown user": ("nobody", "not the password"),
        "inactive user": ("bob", "battery staple"),
        "locked, wrong password": ("cat", "not the password"),
        "locked, right password": ("cat", "purring loudly"),
        "malformed user name": ("amy\x00", "not the password"),
    }
    for attempt in refusals.values():  # warm up: the first refusal of a process may cost more
        _refusal_seconds(database, *attempt)
    times: dict[str, list[float]] = {kind: [] for kind in refusals}
    for _ in range(TRIES):
        for kind, attempt in refusals.items():
            times[kind].append(_refusal_seconds(database, *attempt))
    fastest = {kind: min(seconds) for kind, seconds in times.items()}
    baseline = fastest["wrong password"]
    figures = ", ".join(f"{kind} {statistics.median(times[kind]) * 1000:.1f} ms (fastest {seconds * 1000:.1f})"
                        for kind, seconds in fastest.items())
    assert baseline > 0.005, figures  # a real argon2 check, not a stub
    for kind, seconds in fastest.items():
        assert 0.5 * baseline <= seconds <= 3 * baseline, f"{kind} stands out: {figures}"
