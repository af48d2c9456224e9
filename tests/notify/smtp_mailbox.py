"""An aiosmtpd handler that files every accepted message in $KIOSK_TEST_MAILBOX, one .eml per message.

Run as ``python -m aiosmtpd -n -l 127.0.0.1:PORT -c tests.notify.smtp_mailbox.Mailbox``.
The file name starts with the arrival time in nanoseconds (the benchmark's clock).
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Any

MAILBOX_ENV = "KIOSK_TEST_MAILBOX"


class Mailbox:
    def __init__(self) -> None:
        self.directory = Path(os.environ[MAILBOX_ENV])
        self.directory.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        partial = self.directory / f"{name}.part"
        partial.write_bytes(envelope.content)
        # Rename last, so a reader never sees half a message.
        partial.rename(self.directory / f"{name}.eml")
        return "250 Message accepted for delivery"
