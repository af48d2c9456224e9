"""``kioskctl doctor``: is this machine ready for visitors? One row per thing that can be wrong.

Every check runs in a daemon thread of its own, all at once, and gets ``CHECK_TIMEOUT`` seconds: a
printer or mail server that never answers becomes a "did not answer" row instead of a hung command
(a daemon thread still stuck when doctor is done does not keep the process alive). The checks live in
``system`` (database, keys, file modes, disk), ``devices`` (printer, camera, e-mail, chat) and ``screen``
(Chinese font, on-screen keyboard: Qt only in a process of its own).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.application.doctor.devices import check_camera, check_chat, check_email, check_printer
from kiosk.application.doctor.findings import CHECK_TIMEOUT, Finding, Status
from kiosk.application.doctor.screen import FONT_FIX, check_fonts, check_keyboard
from kiosk.application.doctor.system import check_database, check_disk, check_keys, check_permissions
from kiosk.config import Settings

__all__ = ["CHECKS", "Check", "CheckResult", "DoctorReport", "Finding", "Status", "run_doctor"]


@dataclass(frozen=True)
class CheckResult:
    check: str
    status: Status
    detail: str
    fix: str
    visitor_facing: bool  # a failure here is something a visitor at the kiosk would notice


@dataclass(frozen=True)
class DoctorReport:
    results: tuple[CheckResult, ...]
    seconds: float

    @property
    def visitor_problem(self) -> bool:
        """Something a visitor would notice is broken: ``kioskctl doctor`` exits 1."""
        return any(r.status is Status.FAIL and r.visitor_facing for r in self.results)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Settings], Finding]
    visitor_facing: bool
    hang_fix: str


def run_doctor(settings: Settings | None, config_problem: str = "", *, timeout: float = CHECK_TIMEOUT) -> DoctorReport:
    """Every check against ``settings``; with ``settings`` None (the file did not load), the config row only."""
    started = time.monotonic()
    if settings is None:
        row = CheckResult("config", Status.FAIL, config_problem, "correct the settings file and run doctor again",
                          True)
        return DoctorReport((row,), time.monotonic() - started)
    config = CheckResult("config", Status.OK, f"settings from {settings.source}", "", True)
    results = _run_concurrently(CHECKS, settings, timeout)
    return DoctorReport((config, *results), time.monotonic() - started)


def _run_concurrently(checks: tuple[Check, ...], settings: Settings, timeout: float) -> list[CheckResult]:
    found: dict[str, Finding] = {}

    def worker(check: Check) -> None:
        try:
            found[check.name] = check.run(settings)
        except Exception as exc:  # a check that breaks is a failed row, never a traceback
            found[check.name] = Finding(Status.FAIL, f"the check itself failed: {exc.__class__.__name__}: {exc}",
                                        check.hang_fix)

    threads = [threading.Thread(target=worker, args=(c,), name=f"doctor-{c.name}", daemon=True) for c in checks]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    results = []
    for check in checks:
        finding = found.get(check.name) or Finding(
            Status.FAIL, f"no answer within {timeout:g} s", check.hang_fix)
        results.append(CheckResult(check.name, finding.status, finding.detail, finding.fix, check.visitor_facing))
    return results


CHECKS = (
    Check("database", check_database, True, "check that the database server answers"),
    Check("keys", check_keys, True, "check the keys folder's disk"),
    Check("permissions", check_permissions, False, "check the data folder's disk"),
    Check("printer", check_printer, True, "switch the printer off and on; check its network or cable"),
    Check("camera", check_camera, True, "unplug and replug the camera; check [camera] source"),
    Check("email", check_email, False, "check that the mail server answers on [email] host and port"),
    Check("chat", check_chat, False, "check the [notify] URLs"),
    Check("fonts", check_fonts, True, FONT_FIX),
    Check("keyboard", check_keyboard, True, "reinstall PySide6"),
    Check("disk", check_disk, False, "check the data folder's disk"),
)
