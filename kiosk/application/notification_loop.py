"""The dispatcher: claims due outbox rows, sends them, records the outcome. Plain Python, no Qt.

    dispatcher = Dispatcher(database, settings)
    dispatcher.run_once()                 # one batch; returns what happened
    dispatcher.start() ... stop()         # on its own thread (a BackgroundLoop)

Several dispatchers may share one database (kiosks, ``kioskctl notify-worker``):
a row is claimed by exactly one of them (see kiosk.services.notifications.sending for
the guarantee and the one case a notice is sent twice).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from types import FrameType

from kiosk.application.bootstrap import connect_database
from kiosk.application.loops import BackgroundLoop
from kiosk.application.secrets import load_link_secret
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.domain.notifications import COPY_FOR_DEPARTMENT, Channel, ClaimedNotification, NoticeContext, redact_address
from kiosk.notify import email_message
from kiosk.notify.chat_sender import ChatSender
from kiosk.notify.email_sender import NOT_CONFIGURED, EmailSender
from kiosk.notify.errors import NotConfigured, SendFailed
from kiosk.notify.templates import UnknownEvent, render
from kiosk.services.notifications import complaint_links, sending
from kiosk.services.notifications.host_links import LinkSigner

log = logging.getLogger(__name__)
ACTOR = "notify:dispatcher"
# Which host-reply links go into which notice.
LINK_ACTIONS = {
    "consent_requested": ("approve", "decline", "on_my_way"),
    "preregistration_request": ("approve", "decline"),  # another time: the host page, named in the notice
    "visitor_arrived": ("on_my_way", "sign_out"),
    "still_on_site": ("sign_out",),
}
# A department head's requisition approval: links bound to the requisition (payload) and the head.
REQUISITION_LINK_ACTIONS = {"requisition_approval_requested": ("approve_requisition", "decline_requisition")}
# A meeting organiser's reminder: confirm the room, a link bound to the booking (payload) and the organiser.
BOOKING_LINK_ACTIONS = {"booking_reminder": ("confirm_booking",)}
# A complaint's outcome to the customer: rate it (1-5), a link bound to the complaint (payload) and their e-mail.
COMPLAINT_LINK_ACTIONS = {"complaint_outcome": complaint_links.ACTIONS}
# A colleague's "got it" for a phone message: bound to the message (payload) and the address it was sent for.
MESSAGE_LINK_ACTIONS = {event: ("ack_message",)
                        for event in ("message_for_you", "message_reminder", "message_escalated")}
# While e-mail is not configured, its rows are looked at again this often.
NOT_CONFIGURED_WAIT = timedelta(minutes=1)


@dataclass
class DispatchReport:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    deferred: int = 0
    lost: int = 0  # the lease ran out mid-send and another dispatcher took the row over


class Dispatcher(BackgroundLoop):
    name = "notify-dispatcher"

    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        batch_size: int = 20,
        lease: timedelta | None = None,
        poll_seconds: float = 0.5,
        email_sender_factory: Callable[[], EmailSender] | None = None,
        chat_sender: ChatSender | None = None,
    ) -> None:
        super().__init__(interval=poll_seconds, max_backoff=60.0)
        self.database = database
        self.settings = settings
        self.batch_size = batch_size
        # The lease must outlast a whole batch of slow sends, or a live dispatcher's rows get re-sent.
        self.lease = lease or timedelta(seconds=max(300.0, batch_size * settings.email.timeout * 3))
        self.poll_seconds = poll_seconds
        self._new_email_sender = email_sender_factory or (lambda: EmailSender(settings.email))
        self._chat = chat_sender or ChatSender()
        self._signer: LinkSigner | None = None

    def before_first_step(self) -> None:
        with self.database.unit_of_work(ACTOR) as uow:
            sending.seal_clear_codes(uow)  # rows queued before QR codes were sealed at rest

    def step(self) -> bool:
        # A full batch is followed at once by the next.
        return self.run_once().claimed >= self.batch_size

    def run_once(self) -> DispatchReport:
        """One batch: claim what is due, send each, record each outcome."""
        report = DispatchReport()
        with self.database.unit_of_work(ACTOR, write=False) as uow:
            if not sending.has_due(uow):
                return report
        with self.database.unit_of_work(ACTOR) as uow:
            claimed = sending.claim_due(uow, limit=self.batch_size, lease=self.lease)
        report.claimed = len(claimed)
        if claimed and self.settings.notify.departments:
            with self.database.unit_of_work(ACTOR) as uow:
                sending.add_department_copies(uow, claimed, self.settings.notify.departments)
        # One SMTP connection for the whole batch, closed however the batch ends.
        with self._new_email_sender() as email:
            for notice in claimed:
                self._deliver(notice, email, report)
        return report

    # ------------------------------------------------------------ one notice

    def _deliver(self, notice: ClaimedNotification, email: EmailSender, report: DispatchReport) -> None:
        try:
            self._send(notice, email)
        except NotConfigured as exc:
            with self.database.unit_of_work(ACTOR) as uow:
                sending.release(uow, notice, str(exc), wait=NOT_CONFIGURED_WAIT)
            report.deferred += 1
            return
        except (SendFailed, UnknownEvent) as exc:
            permanent = isinstance(exc, UnknownEvent) or getattr(exc, "permanent", False)
            self._record_failure(notice, str(exc.args[0]), permanent, report)
            return
        except Exception as exc:  # a bug or an odd payload: the row must not be stuck in "sending"
            log.warning("notification %s could not be built or sent", notice.id, exc_info=True)
            self._record_failure(notice, f"{exc.__class__.__name__}: {exc}", False, report)
            return
        with self.database.unit_of_work(ACTOR) as uow:
            if sending.mark_sent(uow, notice):
                report.sent += 1
            else:
                report.lost += 1

    def _record_failure(self, notice: ClaimedNotification, error: str, permanent: bool, report: DispatchReport) -> None:
        with self.database.unit_of_work(ACTOR) as uow:
            status = sending.mark_failed(uow, notice, error, permanent=permanent)
        log.warning("notification %s (%s to %s) not sent, now %s: %s", notice.id, notice.event,
                    redact_address(notice.recipient), status, error)
        if status == "failed":
            report.failed += 1
        elif status == "lost":
            report.lost += 1
        else:
            report.retrying += 1

    def _send(self, notice: ClaimedNotification, email: EmailSender) -> None:
        with self.database.unit_of_work(ACTOR, write=False) as uow:
            context = sending.notice_context(uow, notice)
            now = uow.now()
        # How to find the site is the settings', read at send time: a corrected text reaches waiting e-mails.
        context = replace(context, directions=self.settings.site.directions(notice.language))
        if notice.visit_id is None and notice.payload.get("site_timezone"):
            # A notice about no visit (a room booking) says its times in the zone of the site it names.
            context = replace(context, site_timezone=str(notice.payload["site_timezone"]))
        links = self._links(notice, context)
        if notice.channel == Channel.EMAIL:
            if not email.configured:
                raise NotConfigured(NOT_CONFIGURED)
            message = email_message.compose(notice, context, self.settings.email, links=links, now=now)
            email.send(message, notice.recipient)
            return
        rendered = render(notice.event, notice.language, notice.payload, links=links,
                          timezone=context.site_timezone)
        if notice.channel in (Channel.RECEPTION, Channel.SUPERVISOR):
            notify = self.settings.notify
            urls = notify.reception if notice.channel == Channel.RECEPTION else notify.supervisor
            if not urls:
                return  # nobody configured: reception's alerts are on the admin window's board anyway
            self._chat.send(urls, title=rendered.subject, body=rendered.text)
        elif notice.channel == Channel.CHAT:
            self._chat.send([notice.recipient], title=rendered.subject, body=rendered.text)
        else:
            raise SendFailed(f"unknown channel {notice.channel!r}", permanent=True)

    def _links(self, notice: ClaimedNotification, context: NoticeContext) -> dict[str, str] | None:
        """Host-reply links, only in the host's own notices and only when [notify] public_url is set."""
        actions = LINK_ACTIONS.get(notice.event)
        public_url = self.settings.notify.public_url
        if notice.event in REQUISITION_LINK_ACTIONS:
            return self._requisition_links(notice, REQUISITION_LINK_ACTIONS[notice.event], public_url)
        if notice.event in BOOKING_LINK_ACTIONS:
            return self._booking_links(notice, BOOKING_LINK_ACTIONS[notice.event], public_url)
        if notice.event in COMPLAINT_LINK_ACTIONS:
            return self._complaint_links(notice, COMPLAINT_LINK_ACTIONS[notice.event], public_url)
        if notice.event in MESSAGE_LINK_ACTIONS:
            return self._message_links(notice, MESSAGE_LINK_ACTIONS[notice.event], public_url)
        if not (actions and public_url and context.host_email and notice.visit_id is not None):
            return None
        if COPY_FOR_DEPARTMENT in notice.payload or notice.channel == Channel.RECEPTION:
            return None
        if self._signer is None:
            self._signer = LinkSigner(load_link_secret(self.settings))
        return self._signer.host_links(
            public_url, actions=actions, visit_id=notice.visit_id, host_email=context.host_email,
            idempotency_key=notice.idempotency_key, issued_at=notice.created_at, visit_key=context.visit_key,
        )

    def _requisition_links(self, notice: ClaimedNotification, actions: tuple[str, ...], public_url: str
                           ) -> dict[str, str] | None:
        payload = notice.payload
        head_email = str(payload.get("head_email") or "")
        if not (public_url and head_email and payload.get("requisition_key")) or notice.channel == Channel.RECEPTION:
            return None
        if self._signer is None:
            self._signer = LinkSigner(load_link_secret(self.settings))
        return self._signer.requisition_links(
            public_url, actions=actions, requisition_id=int(payload["requisition_id"]),
            requisition_key=str(payload["requisition_key"]), head_email=head_email,
            idempotency_key=notice.idempotency_key, issued_at=notice.created_at,
        )

    def _booking_links(self, notice: ClaimedNotification, actions: tuple[str, ...], public_url: str
                       ) -> dict[str, str] | None:
        payload = notice.payload
        organiser_email = str(payload.get("organiser_email") or "")
        if not (public_url and organiser_email and payload.get("booking_key")) or notice.channel in (
                Channel.RECEPTION, Channel.SUPERVISOR):
            return None
        if self._signer is None:
            self._signer = LinkSigner(load_link_secret(self.settings))
        return self._signer.booking_links(
            public_url, actions=actions, booking_id=int(payload["booking_id"]), booking_key=str(payload["booking_key"]),
            organiser_email=organiser_email, idempotency_key=notice.idempotency_key, issued_at=notice.created_at,
        )

    def _complaint_links(self, notice: ClaimedNotification, actions: tuple[str, ...], public_url: str
                         ) -> dict[str, str] | None:
        """Only in the customer's own e-mail (never a department's copy)."""
        payload = notice.payload
        email = str(payload.get("customer_email") or "")
        if not (public_url and email and payload.get("complaint_key")) or notice.channel != Channel.EMAIL or \
                notice.recipient != email or COPY_FOR_DEPARTMENT in payload:
            return None
        if self._signer is None:
            self._signer = LinkSigner(load_link_secret(self.settings))
        return complaint_links.links(
            self._signer, public_url, actions=actions, complaint_id=int(payload["complaint_id"]),
            complaint_key=str(payload["complaint_key"]), customer_email=email,
            idempotency_key=notice.idempotency_key, issued_at=notice.created_at,
        )

    def _message_links(self, notice: ClaimedNotification, actions: tuple[str, ...], public_url: str
                       ) -> dict[str, str] | None:
        """In the colleague's (or department contact's) own e-mail and chat, never a copy or reception's."""
        payload = notice.payload
        email = str(payload.get("link_email") or "")
        if not (public_url and email and payload.get("message_key")) or COPY_FOR_DEPARTMENT in payload or \
                notice.channel not in (Channel.EMAIL, Channel.CHAT):
            return None
        if self._signer is None:
            self._signer = LinkSigner(load_link_secret(self.settings))
        return self._signer.message_links(
            public_url, actions=actions, message_id=int(payload["message_id"]), message_key=str(payload["message_key"]),
            colleague_email=email, idempotency_key=notice.idempotency_key, issued_at=notice.created_at,
        )


# ---------------------------------------------------------------- hosting


def dispatcher_for_kiosk(database: Database, settings: Settings) -> Dispatcher | None:
    """The kiosk's own dispatcher, unless ``[notify] dispatcher = "external"`` (notify-worker runs it)."""
    if settings.notify.dispatcher != "kiosk":
        return None
    return Dispatcher(database, settings)


def run_notify_worker(settings: Settings, *, stop_event: threading.Event | None = None) -> int:
    """``kioskctl notify-worker``: run the dispatcher in this process until SIGINT/SIGTERM. Returns 0."""
    stop = stop_event or threading.Event()
    database = connect_database(settings)
    previous: dict[signal.Signals, object] = {}
    if threading.current_thread() is threading.main_thread():
        def _request_stop(signum: int, _frame: FrameType | None) -> None:
            log.info("signal %s: stopping the notification worker", signum)
            stop.set()

        for signame in (signal.SIGINT, signal.SIGTERM):
            previous[signame] = signal.signal(signame, _request_stop)
    dispatcher = Dispatcher(database, settings).start()
    try:
        # Waiting in slices lets Python run the signal handlers; the loop works on its own thread.
        while not stop.wait(0.5) and dispatcher.alive:
            pass
    finally:
        dispatcher.stop()
        for signame, handler in previous.items():
            signal.signal(signame, handler)  # type: ignore[arg-type]
        database.dispose()
    return 0
