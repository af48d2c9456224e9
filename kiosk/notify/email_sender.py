"""SMTP with the standard library: one connection per dispatcher batch, reopened after any error."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import parseaddr
from types import TracebackType

from kiosk.config import EmailSettings
from kiosk.notify.addresses import envelope_recipient
from kiosk.notify.errors import NotConfigured, SendFailed

NOT_CONFIGURED = "e-mail is not configured"


class EmailSender:
    """Sends EmailMessages through ``[email]``; use as a context manager so the connection is closed."""

    def __init__(self, settings: EmailSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    @property
    def configured(self) -> bool:
        return bool(self.settings.host)

    def __enter__(self) -> EmailSender:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def send(self, message: EmailMessage, recipient: str) -> None:
        """Hand one message to the server; SendFailed says why not (permanent for a 5xx on the recipient).

        ``recipient`` must be exactly one plain address (``addresses.envelope_recipient``), else nothing is sent.
        """
        if not self.configured:
            raise NotConfigured(NOT_CONFIGURED)
        envelope_to = envelope_recipient(recipient)
        envelope_from = parseaddr(self.settings.sender)[1] or "kiosk@localhost"
        try:
            smtp = self._connection()
            smtp.send_message(message, from_addr=envelope_from, to_addrs=[envelope_to])
        except smtplib.SMTPRecipientsRefused as exc:
            self.close()
            code, reply = next(iter(exc.recipients.values()))
            raise SendFailed(f"SMTP refused {recipient}: {code} {_text(reply)}", permanent=code >= 500) from None
        except smtplib.SMTPResponseException as exc:
            self.close()
            raise SendFailed(f"SMTP error {exc.smtp_code}: {_text(exc.smtp_error)}") from None
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            where = f"{self.settings.host}:{self.settings.port}"
            raise SendFailed(f"SMTP server {where} unreachable: {exc.__class__.__name__}: {exc}") from None

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        settings = self.settings
        smtp: smtplib.SMTP
        if settings.security == "ssl":
            smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                    context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        try:
            if settings.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password)
        except BaseException:
            smtp.close()
            raise
        self._smtp = smtp
        return smtp

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass
        finally:
            smtp.close()


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
