"""The front desk's clockwork, run by the kiosk process on its own thread (or by cron through kioskctl):

- every minute: hosts silent for ``[visits] escalation_minutes`` are escalated to reception;
- from ``still_on_site_reminder_time``: hosts of visitors still signed in get a sign-out link;
- from ``auto_signout_time``: everyone still in is signed out, unused invitations become no-shows;
- every minute: pre-registrations still unanswered after their day are cancelled (the visitor told once);
- every minute: parcels waiting ``[parcels] reminder_days`` get their one reminder, those waiting
  ``return_days`` are listed to go back to the carrier;
- every minute, meeting rooms: booked meetings not confirmed ``confirm_within_minutes`` after their start are
  released (the organiser told); organisers of meetings starting within ``[rooms] confirm_reminder_minutes``
  get one confirm reminder (per booking and calendar sequence); reception is alerted once about a meeting
  starting within ``prepare_alert_minutes`` whose preparation is not done;
- every minute: complaints still unresolved at their due time (``[records] complaint_due_hours`` after they
  were recorded) are escalated, once, to the department contact and the supervisors;
- every minute: phone messages nobody acknowledged: the colleague reminded after ``[records]
  message_remind_minutes``, their department's contact told after ``message_escalate_minutes`` (once each);
- from ``[reports] monthly_time`` on the 1st: the month before's report, one PDF per language, kept and mailed to
  ``[reports] monthly_to`` (once: a month already made is left alone; a month missed is made on the next pass;
  nothing when nobody is to get it);
- once a day from ``[supplies] digest_time``: one digest of the office supplies under their minimum to
  ``[supplies] responsible`` (when anything is low; never one notice per movement);
- once a day from ``[backup] time``: a backup into ``[backup] directory`` (when set), the oldest beyond
  ``keep`` removed (application/nightly_backup.py);
- once a day: personal data older than ``[retention] days`` is purged, spent reply links and rate-limit
  hits older than a day forgotten.

Every job is idempotent and takes its own write transaction, so several kiosks on one
PostgreSQL database may all run it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, time

from kiosk.application.loops import BackgroundLoop
from kiosk.application.monthly_report import MonthlyOutcome, make_due_report
from kiosk.application.nightly_backup import NightlyOutcome, run_nightly
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.services import rate_limits, retention
from kiosk.services.desk import complaints, message_notices
from kiosk.services.directory import host_web_access
from kiosk.services.directory.sites import get_site
from kiosk.services.notifications.host_links import forget_spent_links
from kiosk.services.parcels import unclaimed
from kiosk.services.rooms import bookings as room_bookings
from kiosk.services.rooms import checklists as room_checklists
from kiosk.services.rooms import notices as room_notices
from kiosk.services.supplies import digest
from kiosk.services.visits import escalation, preregistration, signout

log = logging.getLogger(__name__)
ACTOR = "system:housekeeping"


@dataclass
class HousekeepingReport:
    escalated: list[int] = field(default_factory=list)
    reminded: list[int] = field(default_factory=list)
    signed_out: list[int] = field(default_factory=list)
    no_shows: list[int] = field(default_factory=list)
    expired_requests: list[int] = field(default_factory=list)  # pre-registrations whose day passed unanswered
    parcels_reminded: list[int] = field(default_factory=list)
    parcels_to_return: list[int] = field(default_factory=list)
    rooms_released: list[int] = field(default_factory=list)  # bookings not confirmed in time
    rooms_reminded: int = 0  # organisers asked to confirm in this pass
    rooms_prepare_alerts: list[int] = field(default_factory=list)  # bookings reception was alerted about
    complaints_escalated: int = 0  # overdue complaints escalated in this pass
    messages_reminded: tuple[int, ...] = ()  # phone messages whose colleague was reminded
    messages_escalated: tuple[int, ...] = ()  # phone messages passed to the department's contact
    purged: bool = False
    supplies_digest: str = ""  # services/supplies/digest.DigestOutcome of this pass ("" : already done today)
    monthly_report: str = ""  # application/monthly_report.MonthlyOutcome ("": already made this month)
    nightly_backup: str = ""  # application/nightly_backup.NightlyOutcome ("": already made today)


class Housekeeping(BackgroundLoop):
    name = "housekeeping"

    def __init__(self, database: Database, settings: Settings, *, interval_seconds: float = 60.0) -> None:
        super().__init__(interval=interval_seconds, max_backoff=max(interval_seconds, 300.0))
        self._database = database
        self._settings = settings
        self._purged_on: date | None = None
        self._digest_on: date | None = None
        self._monthly_for: date | None = None  # the month whose report this process saw made
        self._backup_on: date | None = None  # the day whose nightly backup this process saw made

    def step(self) -> bool:
        self.run_once()
        return False

    def run_once(self) -> HousekeepingReport:
        visits, site = self._settings.visits, self._settings.site.code
        report = HousekeepingReport()
        with self._database.unit_of_work(ACTOR) as uow:
            report.escalated = escalation.escalate_unacknowledged(uow, minutes=visits.escalation_minutes)
        with self._database.unit_of_work(ACTOR) as uow:
            report.reminded = signout.remind_hosts_of_visitors_still_in(
                uow, site_code=site, remind_at=time.fromisoformat(visits.still_on_site_reminder_time))
        with self._database.unit_of_work(ACTOR) as uow:
            report.signed_out, report.no_shows = signout.end_of_day(
                uow, site_code=site, signout_time=time.fromisoformat(visits.auto_signout_time))
        with self._database.unit_of_work(ACTOR) as uow:
            report.expired_requests = preregistration.expire_unanswered(uow, site_code=site)
        with self._database.unit_of_work(ACTOR) as uow:
            parcels = self._settings.parcels
            run = unclaimed.run(uow, site, reminder_days=parcels.reminder_days, return_days=parcels.return_days)
            report.parcels_reminded, report.parcels_to_return = run.reminded, run.to_return
        self._rooms(site, report)
        with self._database.unit_of_work(ACTOR) as uow:
            report.complaints_escalated = complaints.escalate_overdue(uow)
        with self._database.unit_of_work(ACTOR) as uow:
            records = self._settings.records
            follow_up = message_notices.remind_and_escalate(
                uow, records.message_remind_minutes, records.message_escalate_minutes)
            report.messages_reminded, report.messages_escalated = follow_up.reminded, follow_up.escalated
        with self._database.unit_of_work(ACTOR, write=False) as uow:
            today = get_site(uow, site).local_date(uow.now())
        if self._digest_on != today:
            supplies = self._settings.supplies
            with self._database.unit_of_work(ACTOR) as uow:
                outcome = digest.queue_digest(uow, site, responsible=supplies.responsible,
                                              digest_time=time.fromisoformat(supplies.digest_time),
                                              language=self._settings.site.language)
            report.supplies_digest = outcome.value
            if outcome in (digest.DigestOutcome.QUEUED, digest.DigestOutcome.ALREADY_QUEUED,
                           digest.DigestOutcome.NOBODY):
                self._digest_on = today
        if self._monthly_for != today.replace(day=1):
            made, _month = make_due_report(self._database, self._settings, ACTOR)
            report.monthly_report = made.value
            if made is not MonthlyOutcome.NOT_YET:
                self._monthly_for = today.replace(day=1)
        if self._backup_on != today:
            backed_up = run_nightly(self._database, self._settings, ACTOR)
            report.nightly_backup = backed_up.value
            if backed_up in (NightlyOutcome.MADE, NightlyOutcome.ALREADY_MADE):
                self._backup_on = today
        if self._purged_on != today:
            with self._database.unit_of_work(ACTOR) as uow:
                retention.purge(uow, days=self._settings.retention.days)
            with self._database.unit_of_work(ACTOR) as uow:
                forget_spent_links(uow)
            with self._database.unit_of_work(ACTOR) as uow:
                rate_limits.purge_old_hits(uow)
            with self._database.unit_of_work(ACTOR) as uow:
                host_web_access.purge_expired(uow)  # hosts' spent or expired sign-in links and sessions
            self._purged_on, report.purged = today, True
        return report

    def _rooms(self, site: str, report: HousekeepingReport) -> None:
        rooms = self._settings.rooms
        with self._database.unit_of_work(ACTOR) as uow:
            report.rooms_released = room_bookings.release_unconfirmed(uow)
        with self._database.unit_of_work(ACTOR) as uow:
            report.rooms_reminded = room_notices.send_confirm_reminders(uow, site, rooms.confirm_reminder_minutes)
        with self._database.unit_of_work(ACTOR) as uow:
            soon = room_checklists.unprepared_soon(uow, site, rooms.prepare_alert_minutes)
            report.rooms_prepare_alerts = room_notices.alert_unprepared(uow, [row.booking_id for row in soon])
