"""The kiosk's flow controller: which screen shows, what a scan or a tap does, talking to services in workers.

Every service call goes through the worker pool; its answer comes back here on the GUI
thread and decides the next screen. Nothing here blocks: the camera, the database and
the printer are all somewhere else. The longer journeys have their own modules:
``walkin_flow`` (the form and waiting for the host), ``consent_flow`` (agreement and photo
before entering) and ``delivery_flow`` (couriers).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

from kiosk.application.gateways.touchscreen import InvitationEntry, KioskGateway
from kiosk.devices.camera import CameraStatus, ScannedCode
from kiosk.domain import short_codes
from kiosk.domain.printing import BadgeProgress, BadgeStatus
from kiosk.domain.visits import CheckInOutcome
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.errors import ServiceError
from kiosk.services.visits.agreements import Consents
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.signout import OnSiteMatch, SignOutResult
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.idle import IdleWatcher
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.kiosk.code_sources import ScanInput
from kiosk.ui.kiosk.flow import visitor_messages
from kiosk.ui.kiosk.flow.consent_steps import ConsentSteps
from kiosk.ui.kiosk.flow.delivery_steps import DeliverySteps
from kiosk.ui.kiosk.flow.navigator import Steps
from kiosk.ui.kiosk.flow.walk_in_steps import WalkInSteps
from kiosk.ui.kiosk.flow.welcome_notices import WelcomeNotices
from kiosk.ui.kiosk.screens.done import BADGE_FAILED, BADGE_PRINTED
from kiosk.ui.kiosk.widgets.base import Screen
from kiosk.ui.kiosk.widgets.overlays import COUNTDOWN_SECONDS
from kiosk.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

# A visitor keeps holding the phone up while reading "Welcome": the same code again within
# this long is the same visit, not a new request (and must not turn into "already used").
RECENT_SUCCESS_SECONDS = 90
BADGE_POLLS = 6


class KioskFlow(QObject):
    def __init__(
        self,
        window: KioskWindow,
        gateway: KioskGateway,
        pool: WorkerPool,
        languages: LanguageManager,
        *,
        idle_seconds: int = 30,
        waiting_idle_seconds: int = 15 * 60,
        poll_interval_ms: int = 2000,
        badge_poll_ms: int = 1500,
    ) -> None:
        super().__init__(window)
        self.window, self.gateway, self.pool, self.languages = window, gateway, pool, languages
        self.idle_seconds, self.waiting_idle_seconds = idle_seconds, waiting_idle_seconds
        self.scan_input = ScanInput(self)
        self.scan_input.code.connect(self.handle_code)
        self.idle = IdleWatcher(window, idle_seconds)
        self.idle.idle.connect(self._on_idle)
        self.busy = False
        self.countdown_seconds = COUNTDOWN_SECONDS
        self._recent: dict[str, float] = {}
        self._rating_visit: int | None = None
        self._badge_job: int | None = None
        self._badge_polls = 0
        self._host_query = 0
        self._name_query = 0
        self.camera_preview: Callable[[bool], None] = lambda _wanted: None
        # Rung when the host answers a waiting walk-in (assembly gives the kiosk's HostAnswerChime).
        self.chime: Callable[[], None] = lambda: None

        self._return_timer = self.timer(single_shot=True, slot=self._auto_return)
        self._badge_timer = self.timer(interval=badge_poll_ms, slot=self._poll_badge)
        steps = Steps(self, window, gateway, pool, languages)
        self.consent = ConsentSteps(steps, self)
        self.walk_ins = WalkInSteps(steps, self.consent, poll_interval_ms=poll_interval_ms, parent=self)
        self.deliveries = DeliverySteps(steps, self)
        self.notices = WelcomeNotices(window, gateway, pool, parent=self)
        self._wire()

    def timer(self, *, slot: Callable[[], None], interval: int = 0, single_shot: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single_shot)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    def _wire(self) -> None:
        w = self.window
        for screen in w.screens():
            header = getattr(screen, "header", None)
            if header is not None:
                header.home_clicked.connect(self.go_home)
                header.language_clicked.connect(self.toggle_language)
        w.welcome.invitation_chosen.connect(lambda: self.show(w.scan))
        w.welcome.walk_in_chosen.connect(lambda: self.show(w.walk_in))
        w.welcome.sign_out_chosen.connect(lambda: self.show(w.sign_out))
        w.welcome.delivery_chosen.connect(lambda: self.show(w.delivery))
        w.scan.code_entered.connect(self.handle_typed)
        w.sign_out.search.connect(self._search_on_site)
        w.sign_out.chosen.connect(self._sign_out_by_name)
        w.rating.rated.connect(self._rate)
        w.rating.skipped.connect(lambda: self.show_message(visitor_messages.thanks_for_rating()))
        w.walk_in.host_query.connect(self._search_hosts)
        w.delivery.host_query.connect(self._search_hosts)
        w.idle_overlay.still_here.connect(self.idle.poke)
        w.idle_overlay.expired.connect(self.reset_all)
        w.waiting.host_coming.connect(self._host_answered)

    # -- life cycle ---------------------------------------------------------------------------------------------

    def start(self) -> None:
        self.languages.reset()
        self.show(self.window.welcome)
        self.idle.start()
        self.notices.start()

    def stop(self) -> None:
        for timer in (self._return_timer, self._badge_timer):
            timer.stop()
        self.walk_ins.stop()
        self.notices.stop()
        self.idle.stop()
        self.window.idle_overlay.cancel()
        self.window.toast.dismiss()
        self.window.welcome.stop()
        self.pool.shutdown()

    def show(self, screen: Screen) -> None:
        self.window.show_screen(screen)
        self._return_timer.stop()
        if screen.auto_return_seconds:
            self._return_timer.start(screen.auto_return_seconds * 1000)
        self.idle.set_seconds(self.waiting_idle_seconds if screen.idle_exempt else self.idle_seconds)
        self.idle.poke()
        self.camera_preview(screen.wants_preview)
        if screen is self.window.welcome:
            self.notices.welcome_shown()

    def show_message(self, message: visitor_messages.Message) -> None:
        self.window.message.show_message(message)
        self.show(self.window.message)
        if message.host_answer:
            self._host_answered()

    def _host_answered(self) -> None:
        """A short chime for news the visitor may not be looking at; the screen has already changed."""
        try:
            self.chime()
        except Exception:  # a sound must never cost a visit
            log.exception("chime failed")

    def go_home(self) -> None:
        """Back to welcome with every field and every pending answer forgotten (the language stays)."""
        self.pool.cancel_pending()
        self.busy = False
        self._badge_timer.stop()
        # The steps forget their visitor (signature, photo, form) before the screens are wiped.
        self.walk_ins.stop()
        self.consent.clear()
        self._rating_visit = self._badge_job = None
        self.window.idle_overlay.cancel()
        QGuiApplication.inputMethod().hide()
        for screen in self.window.screens():
            screen.reset()
        self.show(self.window.welcome)

    def reset_all(self) -> None:
        """The visitor has gone: wipe everything and greet the next one in the site's language."""
        self.go_home()
        self.window.toast.dismiss()
        self.languages.reset()

    def _auto_return(self) -> None:
        self.reset_all()

    def toggle_language(self) -> None:
        self.languages.set_language(self.languages.other())

    def _on_idle(self) -> None:
        if self.window.current() is self.window.welcome:
            # Nothing to wipe on the welcome screen, but the next visitor should meet the default language.
            if self.languages.current != self.languages.default:
                self.languages.reset()
            return
        if not self.window.idle_overlay.isVisible():
            self.window.idle_overlay.begin(self.countdown_seconds)

    # -- scanned codes ------------------------------------------------------------------------------------------

    def set_camera_status(self, status: CameraStatus) -> None:
        self.window.welcome.set_camera_status(status)
        self.window.scan.set_camera_status(status)
        self.window.photo.set_camera_status(status)

    def _taking_codes(self) -> bool:
        if self.busy or not self.window.current().accepts_codes:
            return False
        self.idle.poke()
        self.window.idle_overlay.cancel()
        return True

    def _seen_recently(self, text: str) -> bool:
        seen = self._recent.get(text)
        if seen is not None and time.monotonic() - seen < RECENT_SUCCESS_SECONDS:
            # Still being held up (or looping in a demo video): each sighting extends the quiet period.
            self._recent[text] = time.monotonic()
            return True
        return False

    def handle_code(self, code: ScannedCode) -> None:
        if not self._taking_codes():
            return
        if not code.is_ours:
            self.window.toast.show_text(visitor_messages.foreign_code(code)())
            return
        if self._seen_recently(code.text):
            return
        self.busy = True
        self.window.toast.dismiss()
        if code.kind == "invitation":
            self._invitation(code.text)
        else:
            self.pool.submit(self.gateway.sign_out, code.text,
                             on_done=lambda r: self._signed_out(r, code.text),
                             on_error=lambda e: self.show_failure(e, signing_out=True))

    def handle_typed(self, text: str) -> None:
        """The scan screen's code box: a short code checks in as its QR would (its wrong guesses counted
        against this kiosk); anything else is read as a scan, as before (a QR's text typed out)."""
        code = short_codes.normalise(text)
        if code is None:
            self.scan_input.deliver_text(text)
            return
        if not self._taking_codes() or self._seen_recently(code):
            return
        self.busy = True
        self.window.toast.dismiss()
        self._invitation(code, typed=True)

    def _invitation(self, text: str, typed: bool = False) -> None:
        if not self.gateway.may_require_steps:
            self._check_in(text, typed=typed)
            return
        # Read first, without spending the token: some visitors sign or have a photo taken before entering.
        self.pool.submit(self.gateway.invitation_entry, text, self.languages.current, *((True,) if typed else ()),
                         on_done=lambda entry: self._invitation_read(entry, text, typed), on_error=self.show_failure)

    def _invitation_read(self, entry: InvitationEntry, text: str, typed: bool = False) -> None:
        if entry.preview.already_checked_in or not entry.requirements.any:
            self._check_in(text, typed=typed)  # still zero-tap
            return
        self.busy = False
        self.consent.begin(entry.requirements, entry.preview.visitor_type,
                           on_done=lambda consents: self._check_in(text, consents, typed=typed))

    def _check_in(self, text: str, consents: Consents | None = None, *, typed: bool = False) -> None:
        """One service call: the token spent, the signature and photo saved, the visit checked in."""
        self.busy = True
        # ``typed`` only when set, so the call reads as before for a scan.
        self.pool.submit(self.gateway.check_in, text, consents, *((True,) if typed else ()),
                         on_done=lambda r: self.show_checked_in(r, text), on_error=self.show_failure)

    def _remember(self, text: str) -> None:
        now = time.monotonic()
        self._recent = {k: t for k, t in self._recent.items() if now - t < RECENT_SUCCESS_SECONDS}
        self._recent[text] = now

    def show_checked_in(self, result: CheckInResult, text: str | None = None) -> None:
        self.busy = False
        # Checked in from the waiting screen: the host has just let the walk-in in.
        host_answered = self.window.current() is self.window.waiting
        if result.outcome is CheckInOutcome.HELD:
            self.show_message(visitor_messages.see_front_desk())
            return
        if text:
            self._remember(text)
        self.window.done.show_result(result)
        self.show(self.window.done)
        self._badge_job, self._badge_polls = result.badge_job_id, 0
        if self._badge_job is not None:
            self._badge_timer.start()
        if host_answered:
            self._host_answered()

    def show_failure(self, error: ServiceError, *, signing_out: bool = False) -> None:
        self.busy = False
        if self.window.current() is self.window.scan and error.code == "token_rejected":
            self.window.scan.reset()
        forward = visitor_messages.WayForward(walk_in=lambda: self.start_again_at(self.window.walk_in),
                                              sign_out_by_name=lambda: self.start_again_at(self.window.sign_out))
        self.show_message(visitor_messages.service_error(error, signing_out=signing_out, forward=forward))

    def start_again_at(self, screen: Screen) -> None:
        """A problem screen's way forward: a clean start, straight at ``screen`` (walk-in form, sign-out by name)."""
        self.go_home()
        self.show(screen)

    def _poll_badge(self) -> None:
        if self._badge_job is None or self.window.current() is not self.window.done:
            self._badge_timer.stop()
            return
        self._badge_polls += 1
        job = self._badge_job
        # Waited long enough: the desk hands this badge over, so the job is called off before the visitor is
        # told (it must not print here later, a second badge after the desk's); one printing right now may
        # still come out, and the next poll asks again.
        ask = self.gateway.badge_to_desk if self._badge_polls >= BADGE_POLLS else self.gateway.badge_status
        self.pool.submit(ask, job, on_done=lambda status: self._badge_status(job, status), on_error=lambda _e: None)

    def _badge_status(self, job: int, status: BadgeStatus) -> None:
        if job != self._badge_job:
            return  # news of the previous visitor's badge: this visitor's done screen has its own
        if status.progress is BadgeProgress.DONE:
            self.window.done.set_badge_state(BADGE_PRINTED)
        elif status.progress in (BadgeProgress.FAILED, BadgeProgress.MISSING):
            # No printer, a jam, or waited too long: the check-in stands, the desk hands the badge over.
            self.window.done.set_badge_state(BADGE_FAILED)
        else:
            return
        self._badge_timer.stop()

    # -- signing out --------------------------------------------------------------------------------------------

    def _signed_out(self, result: SignOutResult, text: str | None = None) -> None:
        self.busy = False
        if text:
            self._remember(text)
        if result.repeated:
            self.show_message(visitor_messages.thanks_for_rating())
            return
        self._rating_visit = result.visit_id
        self.window.rating.show_for(result)
        self.show(self.window.rating)

    def _search_on_site(self, name: str) -> None:
        self._name_query += 1
        asked = self._name_query
        self.pool.submit(self.gateway.find_on_site, name, on_done=lambda matches: self._on_site_found(asked, matches))

    def _on_site_found(self, asked: int, matches: list[OnSiteMatch]) -> None:
        # As with hosts: an older search answered last must not replace the newer one's names.
        if asked == self._name_query and self.window.current() is self.window.sign_out:
            self.window.sign_out.set_matches(matches)

    def _sign_out_by_name(self, visit_id: int) -> None:
        if self.busy:
            return
        self.busy = True
        self.pool.submit(self.gateway.sign_out_by_name, visit_id, on_done=self._signed_out,
                         on_error=lambda e: self.show_failure(e, signing_out=True))

    def _rate(self, rating: int) -> None:
        visit_id = self._rating_visit
        self._rating_visit = None
        done = self._after_rating
        if visit_id is None:
            done(None)
            return
        self.pool.submit(self.gateway.rate, visit_id, rating, on_done=done, on_error=done)

    def _after_rating(self, outcome: object) -> None:
        if isinstance(outcome, ServiceError):
            log.warning("rating not saved: %s", outcome)
        self.show_message(visitor_messages.thanks_for_rating())


    # -- choosing a host (walk-ins and deliveries share the picker) --------------------------------------------

    def _search_hosts(self, query: str) -> None:
        screen = self.window.current()
        pickers = {self.window.walk_in: self.window.walk_in.set_host_results,
                   self.window.delivery: self.window.delivery.set_host_results}
        if not query or screen not in pickers:
            return
        self._host_query += 1
        asked, show = self._host_query, pickers[screen]
        self.pool.submit(self.gateway.search_hosts, query,
                         on_done=lambda hosts: self._host_results(asked, screen, show, hosts))

    def _host_results(self, asked: int, screen: Screen, show: Callable[[list[HostSummary]], None],
                      hosts: list[HostSummary]) -> None:
        # Answers can overtake each other; only the one for the latest text, on the screen that asked, counts.
        if asked == self._host_query and self.window.current() is screen:
            show(hosts)

    # -- kept for callers that drive the walk-in directly (tests, the screenshot tool) ---------------------------

    def poll_walk_in(self) -> None:
        self.walk_ins.poll()
