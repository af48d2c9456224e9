"""Stand-in senders for tests that are about the outbox, not about SMTP."""

from __future__ import annotations

import threading
import time
from email.message import EmailMessage
from types import TracebackType

from kiosk.notify.errors import SendFailed


class RecordingEmailSender:
    """Accepts every message (optionally slowly), remembering each Message-ID; thread-safe."""

    configured = True

    def __init__(self, log: list[str], *, delay: float = 0.0, fail_with: str | None = None) -> None:
        self.log = log
        self.delay = delay
        self.fail_with = fail_with
        self._lock = threading.Lock()

    def __enter__(self) -> RecordingEmailSender:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        pass

    def send(self, message: EmailMessage, recipient: str) -> None:
        if self.fail_with:
            raise SendFailed(self.fail_with)
        time.sleep(self.delay)
        with self._lock:
            self.log.append(str(message["Message-ID"]))
