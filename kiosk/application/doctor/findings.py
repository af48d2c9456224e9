"""What one doctor check found, and the time limits every check keeps."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

CHECK_TIMEOUT = 3.0  # seconds each check may take; they run side by side, so doctor takes about this at worst
DEVICE_TIMEOUT = 1.0  # one printer reply or SMTP step: several fit inside CHECK_TIMEOUT


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Finding:
    status: Status
    detail: str
    fix: str = ""  # what to do; empty when all is well
