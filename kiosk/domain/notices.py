"""Notices at the front desk: what the kiosk's welcome screen tells visitors ("lift B closed for
maintenance", "fire drill at 14:00"). Not notifications (the outbox's e-mails and alerts).

A notice has a title and a text in Chinese and English and runs from a start day to an end day, both
site-local and inclusive. How long a text may be is measured in columns, as on a terminal: a Chinese
character is two, a letter one, so one limit fits the welcome screen in both languages.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from enum import StrEnum

# What the welcome screen's notice band shows whole, in landscape and portrait, with large text too
# (tests/ui/test_ui_welcome_notices.py renders texts of exactly these widths).
TITLE_MAX_COLUMNS = 40  # 20 Chinese characters, or 40 letters
BODY_MAX_COLUMNS = 120  # 60 Chinese characters, or 120 letters
LANGUAGES = ("zh_CN", "en")


class NoticeState(StrEnum):
    """Where a notice stands on a day at the site."""

    UPCOMING = "upcoming"  # starts after the day
    CURRENT = "current"  # the kiosk shows it
    PAST = "past"  # ended before the day
    WITHDRAWN = "withdrawn"  # taken down by the desk (whatever its dates)


def notice_state(starts_on: date, ends_on: date, withdrawn: bool, day: date) -> NoticeState:
    if withdrawn:
        return NoticeState.WITHDRAWN
    if day < starts_on:
        return NoticeState.UPCOMING
    if day > ends_on:
        return NoticeState.PAST
    return NoticeState.CURRENT


def text_columns(text: str) -> int:
    """How wide ``text`` is: wide (CJK) characters count two, combining marks none, the rest one."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def in_language(zh: str, en: str, language: str) -> str:
    """The text in ``language``, or in the other language when that one is empty."""
    first, other = (zh, en) if language == "zh_CN" else (en, zh)
    return first or other
