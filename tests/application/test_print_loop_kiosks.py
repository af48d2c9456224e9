"""Several kiosks on one database: each badge comes out of the printer of the kiosk the visitor stands at.

A check-in or walk-in at a kiosk prints there; a walk-in let in later (by the host's link, then the desk)
prints where it registered; the desk's reprint prints where the visit's last badge printed; a job naming no
kiosk (older rows) is printed by a kiosk of the visit's site, never by a kiosk of another site.
"""

from __future__ import annotations

import dataclasses
import time as wall
from collections.abc import Callable, Iterator
from datetime import time

import pytest
from sqlalchemy import select, update

from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.config import KioskSettings, PrinterSettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.domain.badge_layout import BadgeData
from kiosk.domain.printing import BadgeProgress
from kiosk.models import AuditEvent, BadgePrintJob, PrintJobStatus
from kiosk.services.directory.sites import ensure_site
from kiosk.services.visits import invitations, print_jobs, walkins
from kiosk.services.visits.walkins import WalkInForm, WalkInPolicy
from tests.factories import SITE, add_host

BRANCH = "BR"


@dataclasses.dataclass
class Kiosk:
    """One kiosk process: its own connection to the shared database, its gateway and its print loop."""

    code: str
    site: str
    database: Database
    gateway: KioskGateway
    loop: BadgePrintLoop
    printed: list[str]

    def print_all(self) -> list[str]:
        """Runs the loop until it finds nothing; the names on the badges it printed."""
        before = len(self.printed)
        while self.loop.run_once() is not None:
            pass
        return self.printed[before:]


@pytest.fixture
def open_kiosk(db_url: str, database: Database) -> Iterator[Callable[[str, str], Kiosk]]:
    opened: list[Database] = []

    def open_(code: str, site: str = SITE) -> Kiosk:
        db = Database.from_url(db_url, clock=database.clock)
        opened.append(db)
        settings = dataclasses.replace(
            Settings(), site=SiteSettings(code=site, timezone="Asia/Shanghai"), kiosk=KioskSettings(id=code),
            printer=PrinterSettings(kind="file", path="/dev/null", text_mode="gb18030"),
        )
        printed: list[str] = []

        def output(badge: BadgeData) -> None:
            printed.append(badge.visitor_name)

        loop = BadgePrintLoop(db, settings, output=output, poll_seconds=0.05)
        return Kiosk(code, site, db, KioskGateway(db, site, f"kiosk:{code}"), loop, printed)

    yield open_
    for db in opened:
        db.dispose()


@pytest.fixture
def branch(database: Database) -> str:
    with database.unit_of_work("test") as uow:
        ensure_site(uow, BRANCH, "Branch Office", "Asia/Shanghai")
        uow.commit()
    return BRANCH


def _token(database: Database, name: str, phone: str, site: str = SITE) -> str:
    host = _host(database)
    with database.unit_of_work("test") as uow:
        return invitations.create_invitation(uow, site_code=site, host_id=host, visitor_name=name, phone=phone).token


def _host(database: Database) -> int:
    with database.unit_of_work(write=False) as uow:
        from kiosk.models import Host
        existing = uow.session.scalar(select(Host.id).limit(1))
    return existing if existing is not None else add_host(database).id


def _check_in(kiosk: Kiosk, name: str, phone: str) -> int:
    result = kiosk.gateway.check_in(_token(kiosk.database, name, phone, kiosk.site))
    assert result.outcome is not None and result.badge_job_id is not None
    return result.visit_id


def _job(database: Database, job_id: int) -> BadgePrintJob:
    with database.unit_of_work(write=False) as uow:
        job = uow.session.get(BadgePrintJob, job_id)
        assert job is not None
        return job


def _jobs(database: Database, visit_id: int) -> list[BadgePrintJob]:
    with database.unit_of_work(write=False) as uow:
        return list(uow.session.scalars(
            select(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).order_by(BadgePrintJob.id)))


def _desk(database: Database) -> DeskGateway:
    return DeskGateway(database, SITE, actor="staff:amy")


# -- each kiosk prints its own visitors' badges ----------------------------------------------------------------


def test_two_kiosks_of_one_site_each_print_only_their_own_visitors(database, open_kiosk) -> None:
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    _check_in(k1, "Ann at K1", "13800000001")
    _check_in(k2, "Bob at K2", "13800000002")
    _check_in(k1, "Cat at K1", "13800000003")
    assert k2.print_all() == ["Bob at K2"]  # K2 asks first: the older jobs are K1's, and stay K1's
    assert k1.print_all() == ["Ann at K1", "Cat at K1"]


def test_kiosks_of_two_sites_each_print_only_their_own_visitors(database, open_kiosk, branch) -> None:
    k1, k2 = open_kiosk("K1"), open_kiosk("K2", branch)
    _check_in(k1, "Ann at HQ", "13800000001")
    _check_in(k2, "Bob at the branch", "13800000002")
    assert k2.print_all() == ["Bob at the branch"]
    assert k1.print_all() == ["Ann at HQ"]


def test_two_running_loops_print_each_badge_once_at_its_own_kiosk(database, open_kiosk) -> None:
    """Both loops on their threads, polling the one database at once (``FOR UPDATE SKIP LOCKED`` on PostgreSQL)."""
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    for kiosk in (k1, k2):
        kiosk.loop.start()
    try:
        expected = {"K1": set(), "K2": set()}  # type: dict[str, set[str]]
        for n in range(6):
            kiosk = (k1, k2)[n % 2]
            name = f"Visitor {n} at {kiosk.code}"
            _check_in(kiosk, name, f"1380000010{n}")
            kiosk.loop.wake()
            expected[kiosk.code].add(name)
        deadline = wall.monotonic() + 20
        while len(k1.printed) + len(k2.printed) < 6 and wall.monotonic() < deadline:
            wall.sleep(0.05)
    finally:
        assert k1.loop.stop(5) and k2.loop.stop(5)
    assert sorted(k1.printed) == sorted(expected["K1"]) and sorted(k2.printed) == sorted(expected["K2"])


# -- badges queued later ----------------------------------------------------------------------------------------


def test_the_desks_reprint_prints_where_the_first_badge_printed(database, open_kiosk) -> None:
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    visit = _check_in(k1, "Ann at K1", "13800000001")
    assert k1.print_all() == ["Ann at K1"]
    again = _desk(database).reprint_badge(visit, "smudged")
    assert _job(database, again).kiosk_code == "K1"
    assert k2.print_all() == []
    assert k1.print_all() == ["Ann at K1"]
    reissued = _desk(database).reissue_badge(visit)
    assert k2.print_all() == [] and k1.print_all() == ["Ann at K1"]
    assert _job(database, reissued).status == PrintJobStatus.DONE


def test_a_reprint_after_the_first_badge_failed_goes_to_the_kiosk_it_failed_at(database, open_kiosk) -> None:
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    visit = _check_in(k1, "Ann at K1", "13800000001")
    with database.unit_of_work("printer") as uow:
        print_jobs.fail_job(uow, _jobs(database, visit)[0].id, "The printer is out of paper.", retry=False)
    _desk(database).reprint_badge(visit, "paper refilled")
    assert k2.print_all() == [] and k1.print_all() == ["Ann at K1"]


def test_an_approved_walk_in_prints_at_the_kiosk_where_it_registered(database, open_kiosk) -> None:
    """The host approves by link; the visitor had left the waiting screen, so the desk checks them in."""
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    host = _host(database)
    form = WalkInForm(name="Walk In", phone="13800000009", host_id=host, purpose="meeting")
    with k2.database.unit_of_work("kiosk:K2") as uow:
        registered = walkins.register_walk_in(uow, form, site_code=SITE, policy=WalkInPolicy())
    with database.unit_of_work("host:zhang.wei@example.com") as uow:
        walkins.approve_visit(uow, registered.visit_id)
    result = _desk(database).check_in(registered.visit_id)
    assert result.badge_job_id is not None and _job(database, result.badge_job_id).kiosk_code == "K2"
    assert k1.print_all() == []
    assert k2.print_all() == ["Walk In"]


def test_an_approved_walk_in_seen_on_the_waiting_screen_prints_at_that_kiosk(database, open_kiosk) -> None:
    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    form = WalkInForm(name="Walk In", phone="13800000009", host_id=_host(database), purpose="meeting")
    registered = k2.gateway.register_walk_in(form)
    _desk(database).approve(registered.visit_id)
    k2.gateway.complete_walk_in(registered.visit_id)
    assert k1.print_all() == [] and k2.print_all() == ["Walk In"]


def test_a_held_visitor_checked_in_by_the_desk_gets_the_badge_at_the_kiosk_they_scanned_at(
    database, open_kiosk
) -> None:
    from kiosk.services.visits import denylist

    k1, k2 = open_kiosk("K1"), open_kiosk("K2")
    with database.unit_of_work("staff:amy") as uow:
        denylist.add_entry(uow, "phone", "13800000007", reason="check id")
    token = _token(database, "Held Visitor", "13800000007")
    held = k2.gateway.check_in(token)
    assert held.badge_job_id is None
    with database.unit_of_work("staff:boss") as uow:
        from kiosk.domain.security import StaffRole
        denylist.override_hold(uow, held.visit_id, reason="known person", role=StaffRole.SUPERVISOR)
    _desk(database).check_in(held.visit_id)
    assert k1.print_all() == [] and k2.print_all() == ["Held Visitor"]


# -- jobs that name no kiosk (older rows) -----------------------------------------------------------------------


def _forget_kiosk(database: Database, visit_id: int) -> None:
    """What a job queued before migration 0010 looks like."""
    with database.unit_of_work("test") as uow:
        uow.session.execute(update(BadgePrintJob).where(BadgePrintJob.visit_id == visit_id).values(kiosk_code=None))
        uow.commit()


def test_an_old_job_without_a_kiosk_prints_at_a_kiosk_of_its_site_only(database, open_kiosk, branch) -> None:
    k1, elsewhere = open_kiosk("K1"), open_kiosk("K9", branch)
    visit = _check_in(k1, "Old Row", "13800000001")
    _forget_kiosk(database, visit)
    assert elsewhere.print_all() == []  # the branch's kiosk leaves HQ's badge alone
    k2 = open_kiosk("K2")
    assert k2.print_all() == ["Old Row"] and k1.print_all() == []
    job = _jobs(database, visit)[0]
    assert (job.status, job.kiosk_code) == (PrintJobStatus.DONE, "K2")  # who printed it, for a reprint
    _desk(database).reprint_badge(visit, "smudged")
    assert k1.print_all() == [] and k2.print_all() == ["Old Row"]


def test_a_visit_no_kiosk_has_seen_prints_at_any_kiosk_of_its_site(database, open_kiosk, branch) -> None:
    """An invited visitor the desk checks in by hand: no kiosk knows them; the first kiosk of the site prints."""
    elsewhere, k1 = open_kiosk("K9", branch), open_kiosk("K1")
    token = _token(database, "At The Desk", "13800000001")
    with database.unit_of_work(write=False) as uow:
        from kiosk.models import AccessToken
        from kiosk.services.visits.tokens import hash_token
        visit_id = uow.session.scalar(select(AccessToken.visit_id).where(AccessToken.token_hash == hash_token(token)))
    assert visit_id is not None
    result = _desk(database).check_in(visit_id)
    assert result.badge_job_id is not None and _job(database, result.badge_job_id).kiosk_code is None
    assert elsewhere.print_all() == [] and k1.print_all() == ["At The Desk"]


# -- a badge the kiosk sent to the desk ---------------------------------------------------------------------------


def test_a_badge_sent_to_the_desk_does_not_print_later_at_the_kiosk(database, open_kiosk) -> None:
    k1 = open_kiosk("K1")
    visit = _check_in(k1, "Ann at K1", "13800000001")
    job_id = _jobs(database, visit)[0].id
    with database.unit_of_work("printer") as uow:  # the printer is away: the job waits for another try
        assert print_jobs.fail_job(uow, job_id, "The printer is offline.", retry=True) == PrintJobStatus.QUEUED
    status = k1.gateway.badge_to_desk(job_id)  # the kiosk tells the visitor the desk hands it over
    assert status.progress is BadgeProgress.FAILED
    job = _job(database, job_id)
    assert job.status == PrintJobStatus.FAILED and job.last_error is not None
    assert job.last_error.startswith(print_jobs.SENT_TO_DESK) and "offline" in job.last_error
    assert job.sign_out_token == ""
    database.clock.advance(minutes=10)  # the printer is back
    assert k1.print_all() == []
    assert _desk(database).badge_states([visit]) == {visit: PrintJobStatus.FAILED}  # the board: "Print failed"
    with database.unit_of_work(write=False) as uow:
        # Ordered: without ORDER BY PostgreSQL may return the rows in any order (it did, under two test processes).
        actions = uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "badge_print_job", AuditEvent.entity_id == job_id)
            .order_by(AuditEvent.id)).all()
        assert actions[-1] == "badge.sent_to_desk"
    # The receptionist may still reprint it (a new code) once the printer works: it prints once, at K1.
    _desk(database).reprint_badge(visit, "printer back")
    assert k1.print_all() == ["Ann at K1"]


def test_a_badge_printing_when_sent_to_the_desk_gets_no_further_try(database, open_kiosk) -> None:
    k1 = open_kiosk("K1")
    visit = _check_in(k1, "Ann at K1", "13800000001")
    job_id = _jobs(database, visit)[0].id
    with database.unit_of_work("printer") as uow:
        ticket = print_jobs.claim_next_job(uow, kiosk_code="K1", site_code=SITE, day_ends_at=time(22))
    assert ticket is not None and ticket.job_id == job_id
    assert k1.gateway.badge_to_desk(job_id).progress is BadgeProgress.SENT  # the kiosk will ask again
    with database.unit_of_work("printer") as uow:  # this try fails: it is not retried later
        assert print_jobs.fail_job(uow, job_id, "The printer is offline.", retry=True) == PrintJobStatus.FAILED
    assert k1.gateway.badge_to_desk(job_id).progress is BadgeProgress.FAILED
    database.clock.advance(minutes=10)
    assert k1.print_all() == []


def test_a_badge_already_printed_is_not_called_off(database, open_kiosk) -> None:
    k1 = open_kiosk("K1")
    visit = _check_in(k1, "Ann at K1", "13800000001")
    assert k1.print_all() == ["Ann at K1"]
    job_id = _jobs(database, visit)[0].id
    assert k1.gateway.badge_to_desk(job_id).progress is BadgeProgress.DONE
    assert _job(database, job_id).status == PrintJobStatus.DONE
    assert k1.gateway.badge_to_desk(job_id + 1000).progress is BadgeProgress.MISSING

