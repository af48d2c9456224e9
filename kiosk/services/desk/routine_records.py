"""The plain data the routine-check services take and give: templates, the day's due slots, a check done, the
problems it found.

Shared by ``services/desk/routines.py`` (and its parts ``routine_templates.py``, ``routine_slots.py``), the desk
gateway (``application/gateways/desk_routines.py``), the records page's Routines tab
(``ui/desk/records/routines.py``) and ``kioskctl routines``. Times are aware UTC; days are the site's.

A *slot* is one round due: (template, day, round). Daily routines have one a day, twice-a-day routines two
(round 1 the morning's, round 2 the afternoon's), weekly ones one on their ISO weekday. A slot is DONE when a
check was recorded for it, MISSED when its day is over without one, DUE otherwise (today's, or a day ahead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.domain.front_desk import RoutineResult, RoutineSchedule
from kiosk.services.errors import Conflict

__all__ = [
    "AFTERNOON", "MORNING", "CheckForm", "CheckRow", "DueCheck", "ProblemRow", "RoutineBoard", "RoutineResult",
    "RoutineSchedule", "SlotState", "SlotTaken", "TemplateForm", "TemplateRow",
]

MORNING, AFTERNOON = 1, 2  # the rounds of a twice-a-day routine


class SlotState(StrEnum):
    DUE = "due"
    DONE = "done"
    MISSED = "missed"  # its day is over and nobody recorded it


@dataclass(frozen=True)
class TemplateForm:
    """A routine as typed: what to call it, where, how often (``weekday`` 1-7, Monday first, for weekly ones),
    and the lines to check, one text each."""

    name: str
    area: str
    schedule: RoutineSchedule
    items: tuple[str, ...]
    weekday: int = 1


@dataclass(frozen=True)
class TemplateRow:
    template_id: int
    name: str
    area: str
    schedule: RoutineSchedule
    items: tuple[str, ...]
    weekday: int  # meaningful for weekly routines only
    active: bool
    created_at: datetime
    version: int
    checks_done: int = 0  # any at all: its schedule can no longer change

    @property
    def rounds(self) -> tuple[int, ...]:
        return (MORNING, AFTERNOON) if self.schedule is RoutineSchedule.TWICE_DAILY else (MORNING,)


@dataclass(frozen=True)
class CheckForm:
    """A round done. ``due_on`` None: today at the site. ``result`` None: PROBLEM when any line failed or a
    problem is described, else PASSED. A problem (``problem``, else the failed lines) becomes a follow-up
    item; ``photo_jpeg`` (a JPEG, at most 8 MB) goes with it."""

    template_id: int
    due_on: date | None = None
    round: int = MORNING
    result: RoutineResult | None = None
    failed_items: tuple[str, ...] = ()
    note: str = ""
    problem: str = ""
    photo_jpeg: bytes | None = None


@dataclass(frozen=True)
class CheckRow:
    check_id: int
    template_id: int
    template_name: str
    area: str
    due_on: date
    round: int
    result: RoutineResult
    failed_items: tuple[str, ...]
    note: str
    done_at: datetime
    done_by: str  # an actor: ``staff:amy``, ``cli:root``
    problem_id: int | None = None  # the follow-up item the check made
    late: bool = False  # recorded on a later day than it was due (entered from paper, say)


@dataclass(frozen=True)
class DueCheck:
    """One slot: the routine, the day and round, whether it was done (and the check) or missed."""

    template: TemplateRow
    due_on: date
    round: int
    state: SlotState
    check: CheckRow | None = None


@dataclass(frozen=True)
class ProblemRow:
    problem_id: int
    check_id: int
    template_id: int
    template_name: str
    area: str
    due_on: date
    round: int
    what: str
    has_photo: bool
    reported_at: datetime
    reported_by: str
    fixed_at: datetime | None
    fixed_by: str
    fix_note: str

    @property
    def open(self) -> bool:
        return self.fixed_at is None


@dataclass(frozen=True)
class RoutineBoard:
    """What the desk's Routines tab shows for a day: its slots, the problems still open, the missed rounds of
    the week before it (``recent_missed``)."""

    day: date
    today: date
    slots: tuple[DueCheck, ...]
    open_problems: tuple[ProblemRow, ...]
    recent_missed: tuple[DueCheck, ...] = ()


class SlotTaken(Conflict):
    """Someone recorded this round already (another desk a moment before): who, and when."""

    code = "already_done"

    def __init__(self, check: CheckRow, zone: ZoneInfo) -> None:
        round_text = f" round {check.round}" if check.round != MORNING else ""
        when = check.done_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        super().__init__(f"{check.template_name}{round_text} of {check.due_on.isoformat()} was already done by "
                         f"{check.done_by} at {when}")
        self.check = check
