"""Badge print jobs as every layer sees them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PrintJobStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"


class BadgeProgress(StrEnum):
    """A badge job as the kiosk's done screen follows it; MISSING when the job row is gone."""

    QUEUED = "queued"
    SENT = "sent"
    DONE = "done"
    FAILED = "failed"
    MISSING = "missing"


@dataclass(frozen=True)
class BadgeStatus:
    progress: BadgeProgress
    error: str | None = None
