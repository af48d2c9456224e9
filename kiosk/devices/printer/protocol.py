"""What the rest of the kiosk may assume about a printer: it takes bytes and it can say how it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, runtime_checkable


class Condition(StrEnum):
    """A state the printer reports about itself through ``DLE EOT n``."""

    OFFLINE = "offline"
    COVER_OPEN = "cover_open"
    PAPER_OUT = "paper_out"
    PAPER_NEAR_END = "paper_near_end"
    ERROR = "error"


# The stable codes a caller can switch on; the text is for the receptionist.
UNAVAILABLE_CODES = ("not_found", "permission", "timeout", "offline", "paper_out", "cover_open", "unknown")


class PrinterUnavailable(Exception):
    """The badge did not (certainly) print; ``reason`` is plain English for the front desk.

    ``delivered`` is True when the bytes reached the printer before the problem showed: it may
    still print once the problem is fixed, so an automatic retry could print the badge twice.
    """

    def __init__(self, reason: str, code: str = "unknown", *, delivered: bool = False) -> None:
        if code not in UNAVAILABLE_CODES:
            raise ValueError(f"unknown printer error code {code!r}")
        super().__init__(reason)
        self.reason = reason
        self.code = code
        self.delivered = delivered

    def __repr__(self) -> str:
        return f"PrinterUnavailable({self.reason!r}, code={self.code!r}, delivered={self.delivered})"


@dataclass(frozen=True)
class PrinterStatus:
    """A snapshot of the printer. ``reachable`` False means it did not answer at all."""

    reachable: bool
    conditions: frozenset[Condition] = field(default_factory=frozenset)
    # Plain English for the front desk; empty when all is well.
    detail: str = ""

    @property
    def ready(self) -> bool:
        # Paper near its end still prints; everything else stops the badge.
        return self.reachable and not (self.conditions - {Condition.PAPER_NEAR_END})


@runtime_checkable
class Printer(Protocol):
    def send(self, data: bytes) -> None:
        """Deliver one whole job; raise ``PrinterUnavailable`` when it cannot be printed."""
        ...

    def status(self) -> PrinterStatus:
        """Ask the printer how it is; never raises for an unreachable printer."""
        ...
