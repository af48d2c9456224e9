"""The walk-in journey: the form, the agreement and photo when the visitor's type needs them, then either
straight in or waiting on the host's answer (polled)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.application.gateways.touchscreen import EntryRequirements
from kiosk.domain.visits import CheckInOutcome, WalkInOutcome, WalkInProgress
from kiosk.services.errors import PolicyRefusal, ServiceError, ValidationFailed
from kiosk.services.visits.agreements import Consents
from kiosk.services.visits.checkin import CheckInResult
from kiosk.services.visits.walkins import WalkInForm, WalkInResult
from kiosk.ui.kiosk.flow import visitor_messages
from kiosk.ui.kiosk.flow.consent_steps import ConsentSteps
from kiosk.ui.kiosk.flow.navigator import Steps

log = logging.getLogger(__name__)


class WalkInSteps(QObject):
    def __init__(self, steps: Steps, consent: ConsentSteps, *, poll_interval_ms: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow, self.consent, self.languages = steps.navigator, consent, steps.languages
        self.window, self.gateway, self.pool = steps.window, steps.gateway, steps.pool
        self.form: WalkInForm | None = None
        self.pending: WalkInResult | None = None
        self._status_job: int | None = None
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_interval_ms)
        self.poll_timer.timeout.connect(self.poll)
        w = self.window
        w.walk_in.phone_complete.connect(self._look_up_visitor)
        w.walk_in.submitted.connect(self.submit)
        w.waiting.cancel.connect(self._withdraw)

    def stop(self) -> None:
        """The visitor has gone (start over, idle, shutdown): forget the form and stop asking about the host."""
        self.poll_timer.stop()
        self.form = self.pending = None

    def _look_up_visitor(self, phone: str) -> None:
        self.pool.submit(self.gateway.returning_visitor, phone, on_done=self.window.walk_in.prefill,
                         on_error=lambda _e: None)

    # -- registering ----------------------------------------------------------------------------------------------

    def submit(self, form: WalkInForm) -> None:
        if self.flow.busy:
            return
        self.flow.busy = True
        self.form = form
        if not self.gateway.may_require_steps:
            self._register(form)
            return
        self.pool.submit(self.gateway.walk_in_entry, form, self.languages.current,
                         on_done=lambda needs: self._requirements_known(form, needs), on_error=self._failed)

    def _requirements_known(self, form: WalkInForm, needs: EntryRequirements) -> None:
        if not needs.any:
            self._register(form)
            return
        self.flow.busy = False
        self.consent.begin(needs, form.visitor_type, on_done=lambda consents: self._register(form, consents))

    def _register(self, form: WalkInForm, consents: Consents | None = None) -> None:
        """One transaction: the visit, the signature and the photo together (nothing saved if it fails)."""
        self.flow.busy = True
        self.pool.submit(self.gateway.register_walk_in, form, consents, on_done=self._registered,
                         on_error=self._failed)

    def _registered(self, result: WalkInResult) -> None:
        self.flow.busy = False
        form = self.form
        if result.outcome is WalkInOutcome.PENDING:
            self.pending = result
            self.window.waiting.show_waiting(result.host_name, result.department)
            self.flow.show(self.window.waiting)
            self.poll_timer.start()
        elif result.outcome is WalkInOutcome.CHECKED_IN:
            name = form.name.strip() if form else ""
            self.flow.show_checked_in(CheckInResult(result.visit_id, CheckInOutcome.CHECKED_IN, name, result.host_name,
                                                result.department, result.badge_job_id))
        else:
            self.flow.show_message(visitor_messages.see_front_desk())

    def _failed(self, error: ServiceError) -> None:
        self.flow.busy = False
        if isinstance(error, ValidationFailed):
            # Back to the form (also from the agreement or photo step): what was signed there is dropped.
            self.consent.clear()
            self.window.walk_in.show_errors(error.errors)
            self.flow.show(self.window.walk_in)
        elif isinstance(error, PolicyRefusal) and error.code == "sales_without_appointment":
            self.flow.show_message(visitor_messages.sales_refusal(self._leave_contact, self.flow.reset_all))
        else:
            self.flow.show_message(visitor_messages.service_error(error))

    def _leave_contact(self) -> None:
        form = self.form
        if form is None or self.flow.busy:
            return
        self.flow.busy = True
        self.pool.submit(self.gateway.leave_contact, form.name, form.phone, form.company,
                         on_done=lambda _r: self._contact_left(), on_error=self._failed)

    def _contact_left(self) -> None:
        self.flow.busy = False
        self.flow.show_message(visitor_messages.contact_left())

    # -- waiting for the host -------------------------------------------------------------------------------------

    def poll(self) -> None:
        if self.pending is None:
            self.poll_timer.stop()
            return
        if self.pool.is_pending(self._status_job):
            return
        self._status_job = self.pool.submit(self.gateway.walk_in_status, self.pending.visit_id,
                                            on_done=self._status, on_error=self._status_failed)

    def _status_failed(self, error: ServiceError) -> None:
        # A busy database now and then: keep waiting, the next poll will tell.
        log.warning("walk-in status not read: %s", error)

    def _status(self, status: WalkInProgress) -> None:
        walk_in = self.pending
        if walk_in is None or status is WalkInProgress.PENDING:
            return
        if status is WalkInProgress.HOST_ON_THE_WAY:
            # Still undecided: keep polling; the host may yet approve or decline when they arrive.
            self.window.waiting.show_host_on_the_way()
            return
        self.poll_timer.stop()
        self.pending = None
        if status in (WalkInProgress.APPROVED, WalkInProgress.CHECKED_IN):
            self.flow.busy = True
            self.pool.submit(self.gateway.complete_walk_in, walk_in.visit_id, on_done=self.flow.show_checked_in,
                             on_error=self.flow.show_failure)
        elif status is WalkInProgress.DENIED:
            self.flow.show_message(visitor_messages.walk_in_denied(walk_in.host_name))
        elif status is WalkInProgress.HELD:
            self.flow.show_message(visitor_messages.see_front_desk())
        else:
            self.flow.show_message(visitor_messages.visit_withdrawn())

    def _withdraw(self) -> None:
        walk_in = self.pending
        if walk_in is None:
            self.flow.go_home()
            return
        self.pool.submit(self.gateway.withdraw_walk_in, walk_in.visit_id, on_done=self._withdrawn,
                         on_error=lambda _e: self.poll())

    def _withdrawn(self, _result: object) -> None:
        self.poll_timer.stop()
        self.pending = None
        self.flow.show_message(visitor_messages.visit_withdrawn())
