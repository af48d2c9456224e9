"""The routine views' words and colours: a round's state (a colour AND a word: due, done, a problem, missed),
rounds, schedules, weekdays, who did it and when, and one line for what went wrong."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_routines import (
    AFTERNOON,
    DueCheck,
    RoutineResult,
    RoutineSchedule,
    SlotState,
    SlotTaken,
    TemplateRow,
)
from kiosk.services.errors import ServiceError, ValidationFailed

translate = QCoreApplication.translate

# (text, background, border) of each state's tag and card edge.
DUE = ("#1d4ed8", "#eef3fe", "#b7c9f5")
DONE = ("#0b6b4f", "#e8f5ef", "#9fd6bf")
PROBLEM = ("#9a4a00", "#fff4e0", "#f5c77e")
MISSED = ("#b42318", "#fef3f2", "#fda29b")
UPCOMING = ("#52606d", "#f5f7f8", "#e4e7eb")

STYLE = (
    "QFrame#RoutineCard { background: #ffffff; border: 1px solid #e4e7eb; border-radius: 10px; }"
    'QFrame#RoutineCard[tone="missed"] { border: 2px solid #fda29b; }'
    'QFrame#RoutineCard[tone="problem"] { border: 2px solid #f5c77e; }'
    'QFrame#RoutineCard[tone="done"] { border-color: #9fd6bf; }'
    'QLabel[role="cardtitle"] { font-size: 16px; font-weight: 600; color: #1f2a33; }'
    'QLabel[role="cardline"] { font-size: 13px; color: #52606d; }'
    'QLabel[role="tag"] { font-size: 13px; font-weight: 600; border-radius: 10px; padding: 2px 10px; }'
    'QLabel[role="line"] { font-size: 14px; border-radius: 8px; padding: 8px 12px; }'
    'QLabel[role="line"][tone="refused"] { color: #b42318; background: #fef3f2; border: 1px solid #fda29b; }'
    'QLabel[role="line"][tone="fine"] { color: #0b6b4f; background: #e8f5ef; border: 1px solid #9fd6bf; }'
    'QLabel[role="line"][tone="warn"] { color: #8a4300; background: #fff4e0; border: 1px solid #f5c77e; }'
    'QLabel[role="hint"] { font-size: 13px; color: #7b8794; }'
    'QLabel[role="field"] { font-size: 13px; font-weight: 600; color: #52606d; }'
    "QDateEdit, QComboBox, QLineEdit { font-size: 15px; min-height: 34px; padding: 0 8px;"
    " border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QDateEdit::drop-down, QComboBox::drop-down { subcontrol-origin: padding; subcontrol-position: center right;"
    " width: 26px; border: none; }"
    "QDateEdit::down-arrow, QComboBox::down-arrow {"
    " image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png); width: 12px; height: 12px; }"
    "QComboBox:disabled, QLineEdit:disabled { background: #f5f7f8; color: #7b8794; }"
    "QPlainTextEdit { font-size: 15px; border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff; }"
    "QCheckBox { font-size: 15px; color: #1f2a33; spacing: 8px; }"
    "QTableWidget { font-size: 14px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    "QTableWidget::item { padding: 6px 8px; }"
    "QScrollArea#RoutineBoard { background: transparent; border: none; }"
    "QWidget#RoutineCards { background: transparent; }"
)


def person(actor: str) -> str:
    """``staff:amy`` as amy."""
    return actor.split(":", 1)[1] if ":" in actor else actor


def hm(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%H:%M")


def day_hm(at: datetime, zone: ZoneInfo) -> str:
    return at.astimezone(zone).strftime("%m-%d %H:%M")


def weekday_text(weekday: int) -> str:
    return (translate("DeskRoutines", "Mondays"), translate("DeskRoutines", "Tuesdays"),
            translate("DeskRoutines", "Wednesdays"), translate("DeskRoutines", "Thursdays"),
            translate("DeskRoutines", "Fridays"), translate("DeskRoutines", "Saturdays"),
            translate("DeskRoutines", "Sundays"))[weekday - 1]


def schedule_text(row: TemplateRow) -> str:
    if row.schedule is RoutineSchedule.WEEKLY:
        return translate("DeskRoutines", "Weekly, {day}").format(day=weekday_text(row.weekday))
    if row.schedule is RoutineSchedule.TWICE_DAILY:
        return translate("DeskRoutines", "Twice a day")
    return translate("DeskRoutines", "Daily")


def round_text(slot: DueCheck) -> str:
    if slot.template.schedule is RoutineSchedule.TWICE_DAILY:
        return (translate("DeskRoutines", "Afternoon round") if slot.round == AFTERNOON
                else translate("DeskRoutines", "Morning round"))
    return schedule_text(slot.template)


def tone_of(slot: DueCheck, today: date) -> str:
    if slot.state is SlotState.MISSED:
        return "missed"
    if slot.check is not None:
        return "problem" if slot.check.result is RoutineResult.PROBLEM else "done"
    return "due" if slot.due_on <= today else "upcoming"


def colours(tone: str) -> tuple[str, str, str]:
    return {"missed": MISSED, "problem": PROBLEM, "done": DONE, "due": DUE}.get(tone, UPCOMING)


def state_text(slot: DueCheck, today: date) -> str:
    """The word the tag says: colour is never the only sign."""
    return {
        "missed": translate("DeskRoutines", "Missed"),
        "problem": translate("DeskRoutines", "Done · problem"),
        "done": translate("DeskRoutines", "Done · passed"),
        "due": translate("DeskRoutines", "Due"),
    }.get(tone_of(slot, today), translate("DeskRoutines", "Later"))


def done_line(slot: DueCheck, zone: ZoneInfo) -> str:
    """Who did the round and when; a missed one says so."""
    check = slot.check
    if check is None:
        return (translate("DeskRoutines", "Nobody recorded this round.") if slot.state is SlotState.MISSED
                else "")
    when = hm(check.done_at, zone) if check.done_at.astimezone(zone).date() == slot.due_on else day_hm(
        check.done_at, zone)
    line = translate("DeskRoutines", "{who} at {when}").format(who=person(check.done_by), when=when)
    if check.late:
        line += " · " + translate("DeskRoutines", "entered late")
    return line


def problem_text(error: ServiceError, zone: ZoneInfo) -> str:
    """One line in the desk's language; another desk's round says who did it and when."""
    if isinstance(error, SlotTaken):
        check = error.check
        return translate("DeskRoutines", "Already done by {who} at {when}.").format(
            who=person(check.done_by), when=day_hm(check.done_at, zone))
    if isinstance(error, ValidationFailed):
        known = {
            "in_the_future": translate("DeskRoutines", "A round is recorded on its day, not before."),
            "too_late": translate("DeskRoutines", "A round is recorded within a week of its day."),
            "not_due": translate("DeskRoutines", "This routine is not due on that day."),
            "too_large": translate("DeskRoutines", "The photo is over 8 MB."),
            "not_jpeg": translate("DeskRoutines", "The photo is not a JPEG picture."),
            "duplicate_item": translate("DeskRoutines", "A line is there twice."),
            "too_many": translate("DeskRoutines", "A routine has at most 30 lines."),
        }
        return translate("DeskRoutines", "Check: {problems}").format(
            problems="; ".join(known.get(e.code, e.message or e.field) for e in error.errors))
    known = {
        "already_fixed": translate("DeskRoutines", "Someone recorded the fix meanwhile."),
        "inactive_template": translate("DeskRoutines", "This routine is no longer in use."),
        "duplicate_template": translate("DeskRoutines", "A routine of this name and area exists already."),
        "stale_version": translate("DeskRoutines", "Someone changed this routine meanwhile: look at it again."),
        "schedule_in_use": translate("DeskRoutines", "Rounds were recorded: the schedule stays. Take the routine "
                                                     "out of use and add a new one."),
        "not_found": translate("DeskRoutines", "Nothing found: it may have been changed meanwhile."),
    }
    return known.get(error.code, translate("DeskRoutines", "That did not work: {error}").format(error=error.message))
