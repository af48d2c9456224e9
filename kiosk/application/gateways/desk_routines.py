"""The desk's routine checks: the day's rounds (due, done, missed) on a board, a round done with the lines
ticked (a failed line or a problem, with a photo, becomes a follow-up item), the fix recorded, the missed
rounds, the pass rate, and the routines themselves (added, edited, taken out of use; the rulebook's seeded in
the site's language). Every role may: it is daily work.

Acting as the person signed in (``actor``), one unit of work per call; the records page's Routines tab imports
the value types from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.desk import routines
from kiosk.services.desk.routine_records import (
    AFTERNOON,
    MORNING,
    CheckForm,
    CheckRow,
    DueCheck,
    ProblemRow,
    RoutineBoard,
    RoutineResult,
    RoutineSchedule,
    SlotState,
    SlotTaken,
    TemplateForm,
    TemplateRow,
)

__all__ = [
    "AFTERNOON", "MORNING", "CheckForm", "CheckRow", "DeskRoutinesGateway", "DueCheck", "ProblemRow",
    "RoutineBoard", "RoutineResult", "RoutineSchedule", "SlotState", "SlotTaken", "TemplateForm", "TemplateRow",
]


@dataclass
class DeskRoutinesGateway:
    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST
    language: str = "zh_CN"  # [site] language: the rulebook's routines are written in it

    # -- the day ------------------------------------------------------------------------------------------------

    def board(self, day: date) -> RoutineBoard:
        """The day's rounds, the open problems and the rounds missed in the week before today."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.board(uow, self.site_code, day)

    def due_checks(self, day: date) -> list[DueCheck]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.due_checks(uow, self.site_code, day)

    def record_check(self, form: CheckForm) -> CheckRow:
        """SlotTaken (a Conflict) when another desk recorded the round first: who, and when."""
        with self.database.unit_of_work(self.actor) as uow:
            return routines.record_check(uow, self.site_code, form)

    def missed(self, date_from: date, date_to: date) -> list[DueCheck]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.missed_checks(uow, self.site_code, date_from, date_to)

    def checks_passed(self, date_from: date, date_to: date) -> tuple[int, int]:
        """(passed, due): a missed round is due and not passed."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.checks_passed(uow, self.site_code, date_from, date_to)

    # -- problems -----------------------------------------------------------------------------------------------

    def problems(self, include_fixed: bool = False) -> list[ProblemRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.list_problems(uow, self.site_code, include_fixed=include_fixed)

    def problem_photo(self, problem_id: int) -> bytes | None:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.problem_photo(uow, problem_id)

    def fix_problem(self, problem_id: int, note: str) -> ProblemRow:
        with self.database.unit_of_work(self.actor) as uow:
            return routines.fix_problem(uow, problem_id, note)

    # -- the routines -------------------------------------------------------------------------------------------

    def templates(self, include_inactive: bool = False) -> list[TemplateRow]:
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return routines.list_templates(uow, self.site_code, include_inactive=include_inactive)

    def add_template(self, form: TemplateForm) -> TemplateRow:
        with self.database.unit_of_work(self.actor) as uow:
            return routines.add_template(uow, self.site_code, form)

    def edit_template(self, template_id: int, form: TemplateForm, version: int | None = None) -> TemplateRow:
        with self.database.unit_of_work(self.actor) as uow:
            return routines.edit_template(uow, template_id, form, version=version)

    def set_active(self, template_id: int, active: bool, version: int | None = None) -> TemplateRow:
        with self.database.unit_of_work(self.actor) as uow:
            return routines.set_active(uow, template_id, active, version=version)

    def add_defaults(self) -> list[TemplateRow]:
        """The rulebook's corridor, restrooms and plants, in the site's language (those missing only)."""
        with self.database.unit_of_work(self.actor) as uow:
            return routines.ensure_default_templates(uow, self.site_code, self.language)
