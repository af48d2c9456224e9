"""A real SMTP server (aiosmtpd) in its own process, and helpers to read what it received."""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

from tests.notify.smtp_mailbox import MAILBOX_ENV

ROOT = Path(__file__).parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SmtpServer:
    def __init__(self, mailbox: Path, port: int | None = None) -> None:
        self.mailbox = mailbox
        self.port = port or free_port()
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15.0) -> SmtpServer:
        self.mailbox.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, MAILBOX_ENV: str(self.mailbox), "PYTHONPATH": str(ROOT)}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{self.port}",
             "-c", "tests.notify.smtp_mailbox.Mailbox"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"aiosmtpd exited with {self._process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                    if sock.recv(3) == b"220":
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("aiosmtpd did not start")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def files(self) -> list[Path]:
        return sorted(self.mailbox.glob("*.eml"))

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for path in self.files()
        ]

    def clear(self) -> None:
        for path in self.mailbox.glob("*.eml"):
            path.unlink()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while len(self.files()) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages()
