"""Builders for the routine-check tests: the desk's gateway, a routine of each schedule, a JPEG.

The test clock starts on Monday 2026-06-15, 09:00 in Shanghai."""

from __future__ import annotations

from datetime import date

from kiosk.application.gateways.desk_routines import (
    DeskRoutinesGateway,
    RoutineSchedule,
    TemplateForm,
    TemplateRow,
)
from kiosk.db import Database
from tests.factories import SITE

MONDAY = date(2026, 6, 15)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
CORRIDOR_LINES = ("Floor dry", "Fire exits clear", "Lights working")
RESTROOM_LINES = ("Floor dry", "Soap stocked", "Paper stocked")


def desk(db: Database, actor: str = "staff:amy") -> DeskRoutinesGateway:
    return DeskRoutinesGateway(db, SITE, actor=actor)


def corridor(db: Database) -> TemplateRow:
    return desk(db).add_template(TemplateForm("Corridor", "1F", RoutineSchedule.DAILY, CORRIDOR_LINES))


def restrooms(db: Database) -> TemplateRow:
    return desk(db).add_template(TemplateForm("Restrooms", "2F", RoutineSchedule.TWICE_DAILY, RESTROOM_LINES))


def plants(db: Database, weekday: int = 1) -> TemplateRow:
    return desk(db).add_template(TemplateForm("Plants", "Lobby", RoutineSchedule.WEEKLY, ("Watered",),
                                              weekday=weekday))
