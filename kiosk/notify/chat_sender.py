"""Chat and SMS through apprise URLs (wecombot://, dingtalk://, json://, ...).

apprise is imported on first send, in the dispatcher's thread: loading its
plugins costs a few hundred milliseconds the kiosk's start-up should not pay.
apprise reports most failures by returning False and logging; the log lines
are captured so the row's last_error says what went wrong.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from kiosk.domain.notifications import redact_address
from kiosk.notify.errors import SendFailed

_load_lock = threading.Lock()
_apprise: ModuleType | None = None


def load_apprise() -> Any:
    """Import apprise and its plugins once, in the calling (dispatcher) thread.

    Some plugins import deprecated standard modules (imghdr); that warning is
    apprise's business, so it is silenced for the one-time plugin load only.
    """
    global _apprise
    with _load_lock:
        if _apprise is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                import apprise

                apprise.Apprise().add("json://localhost/")  # parsing a URL loads every plugin module
            _apprise = apprise
        return _apprise


class ChatSender:
    def send(self, urls: Sequence[str], *, title: str, body: str) -> None:
        """Deliver to every URL; SendFailed if any of them did not take it."""
        apprise = load_apprise()
        if not urls:
            raise SendFailed("no chat URL to send to", permanent=True)
        notifier = apprise.Apprise()
        for url in urls:
            if not notifier.add(url):
                raise SendFailed(f"apprise does not understand the URL {redact_address(url)}", permanent=True)
        with apprise.LogCapture(level=apprise.logging.WARNING) as log:
            delivered = notifier.notify(body=body, title=title)
        if not delivered:
            lines = [line.split(" - ", 2)[-1] for line in log.getvalue().splitlines() if line.strip()]
            where = ", ".join(redact_address(u) for u in urls)
            detail = "; ".join(lines[-3:]) or "no reason given"
            raise SendFailed(f"apprise could not deliver to {where}: {detail}")
