"""Notices at the front desk: published, edited and withdrawn at the desk (or by ``kioskctl``), shown
on the kiosk's welcome screen from their start day to their end day.

The rules:

* **Days.** ``starts_on`` and ``ends_on`` are days at the site, both inclusive: a notice is current
  from the first moment of its start day to the last of its end day in the site's timezone, by the
  database's clock (``uow.now()``). A notice is never published already over, and its end is never
  before its start.
* **Languages.** Chinese, English or both: a notice needs a title in at least one language; a text
  needs a title in its own language. A visitor reading in one language sees the other language's
  title or text where theirs is empty.
* **Plain text, and no longer than the welcome screen shows.** Line breaks and tabs become spaces,
  control and formatting characters (bidirectional overrides, zero-width spaces) are dropped; what
  remains is shown exactly as written, never as markup. A title wider than ``TITLE_MAX_COLUMNS`` or
  a text wider than ``BODY_MAX_COLUMNS`` (a Chinese character counts two) is refused field by field.
* **History.** Nothing is deleted: a withdrawn notice stays, marked, and a notice that has ended can
  no longer be changed. Every change is audited (ids, days and versions; never the texts).
* **Two desks.** An edit names the version it was made on; when someone changed the notice since,
  it is refused (``notice_changed``) rather than overwriting their change.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select

from kiosk.db.uow import UnitOfWork
from kiosk.domain.notices import (
    BODY_MAX_COLUMNS,
    LANGUAGES,
    TITLE_MAX_COLUMNS,
    NoticeState,
    in_language,
    notice_state,
    text_columns,
)
from kiosk.models import FrontDeskNotice
from kiosk.services import audit
from kiosk.services.directory.sites import SiteInfo, get_site
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed

ENTITY = "front_desk_notice"
# Ended and withdrawn notices the desk's list shows (the most recent); kioskctl lists them all.
PAST_SHOWN = 200
# At most this many take turns on the welcome screen (the newest first).
WELCOME_SHOWN = 10
_TEXT_FIELDS = ("title_zh", "title_en", "body_zh", "body_en")
_ZERO_WIDTH_JOINER = "\u200d"  # part of many emoji; every other format character goes


@dataclass(frozen=True)
class NoticeDraft:
    """What the desk typed. ``starts_on`` None: today at the site."""

    title_zh: str = ""
    title_en: str = ""
    body_zh: str = ""
    body_en: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class NoticeView:
    id: int
    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    starts_on: date
    ends_on: date
    state: NoticeState  # on the day it was read
    version: int
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    withdrawn_at: datetime | None

    def title(self, language: str) -> str:
        return in_language(self.title_zh, self.title_en, language)

    def body(self, language: str) -> str:
        return in_language(self.body_zh, self.body_en, language)


@dataclass(frozen=True)
class NoticeBoard:
    """The desk's list: every notice not yet over, the most recent ones that are, and the day it was read on."""

    day: date
    notices: list[NoticeView] = field(default_factory=list)

    def in_state(self, *states: NoticeState) -> list[NoticeView]:
        return [n for n in self.notices if n.state in states]


@dataclass(frozen=True)
class WelcomeNotice:
    """A notice as a visitor reads it, in one language (the other one where that one is empty)."""

    id: int
    title: str
    body: str


# -- text ------------------------------------------------------------------------------------------------------


def plain_notice_text(value: str | None) -> str:
    """One paragraph of plain text: NFC, any whitespace a single space, control and format characters gone."""
    kept = []
    for ch in unicodedata.normalize("NFC", value or ""):
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") or (
            unicodedata.category(ch) == "Cf" and ch != _ZERO_WIDTH_JOINER
        ):
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


@dataclass(frozen=True)
class _Checked:
    texts: dict[str, str]
    starts_on: date
    ends_on: date


def _check(draft: NoticeDraft, today: date) -> _Checked:
    """The draft's texts made plain and its days, or every problem at once."""
    errors: list[FieldError] = []
    texts = {name: plain_notice_text(getattr(draft, name)) for name in _TEXT_FIELDS}
    for name, text in texts.items():
        limit = TITLE_MAX_COLUMNS if name.startswith("title") else BODY_MAX_COLUMNS
        if text_columns(text) > limit:
            errors.append(FieldError(
                name, "too_long",
                f"{name} is longer than the welcome screen can show: at most {limit} columns "
                f"({limit // 2} Chinese characters or {limit} letters)"))
    if not texts["title_zh"] and not texts["title_en"]:
        errors.append(FieldError("title", "required", "a title in Chinese or English (or both) is required"))
    else:
        for language in ("zh", "en"):
            if texts[f"body_{language}"] and not texts[f"title_{language}"]:
                errors.append(FieldError(f"title_{language}", "required",
                                         f"title_{language} is required with body_{language}"))
    starts_on = draft.starts_on or today
    ends_on = draft.ends_on
    if ends_on is None:
        errors.append(FieldError("ends_on", "required", "ends_on (the last day to show the notice) is required"))
    elif ends_on < starts_on:
        errors.append(FieldError("ends_on", "before_start", "ends_on is before starts_on"))
    elif ends_on < today:
        errors.append(FieldError("ends_on", "in_past", f"ends_on is before today ({today.isoformat()})"))
    if errors:
        raise ValidationFailed(errors)
    assert ends_on is not None
    return _Checked(texts, starts_on, ends_on)


# -- reading ---------------------------------------------------------------------------------------------------


def _view(notice: FrontDeskNotice, day: date) -> NoticeView:
    return NoticeView(
        id=notice.id, title_zh=notice.title_zh, title_en=notice.title_en, body_zh=notice.body_zh,
        body_en=notice.body_en, starts_on=notice.starts_on, ends_on=notice.ends_on,
        state=notice_state(notice.starts_on, notice.ends_on, notice.withdrawn_at is not None, day),
        version=notice.version, created_by=notice.created_by, created_at=notice.created_at,
        updated_by=notice.updated_by, updated_at=notice.updated_at, withdrawn_at=notice.withdrawn_at,
    )


def _site_today(uow: UnitOfWork, site_code: str) -> tuple[SiteInfo, date]:
    site = get_site(uow, site_code)
    return site, site.local_date(uow.now())


def _current_rows(uow: UnitOfWork, site: SiteInfo, day: date, limit: int | None = None) -> list[FrontDeskNotice]:
    query = (
        select(FrontDeskNotice)
        .where(FrontDeskNotice.site_id == site.id, FrontDeskNotice.withdrawn_at.is_(None),
               FrontDeskNotice.starts_on <= day, FrontDeskNotice.ends_on >= day)
        .order_by(FrontDeskNotice.starts_on.desc(), FrontDeskNotice.id.desc())
        .limit(limit)
    )
    return list(uow.session.scalars(query))


def current_notices(uow: UnitOfWork, site_code: str, day: date | None = None) -> list[NoticeView]:
    """The notices shown on ``day`` (today at the site by default), the most recently started first."""
    site, today = _site_today(uow, site_code)
    shown = day or today
    return [_view(n, shown) for n in _current_rows(uow, site, shown)]


def welcome_notices(uow: UnitOfWork, site_code: str,
                    languages: tuple[str, ...] = LANGUAGES) -> dict[str, list[WelcomeNotice]]:
    """What the welcome screen shows today, in each of ``languages`` (read once, so they agree)."""
    site, today = _site_today(uow, site_code)
    rows = _current_rows(uow, site, today, limit=WELCOME_SHOWN)
    return {
        language: [WelcomeNotice(n.id, in_language(n.title_zh, n.title_en, language),
                                 in_language(n.body_zh, n.body_en, language)) for n in rows]
        for language in languages
    }


_STATE_ORDER = {NoticeState.CURRENT: 0, NoticeState.UPCOMING: 1, NoticeState.PAST: 2, NoticeState.WITHDRAWN: 2}


def _board_order(notice: NoticeView) -> tuple[int, int, int]:
    """Current: newest start first; upcoming: soonest first; over: most recently ended first."""
    rank = _STATE_ORDER[notice.state]
    if notice.state is NoticeState.CURRENT:
        return rank, -notice.starts_on.toordinal(), -notice.id
    if notice.state is NoticeState.UPCOMING:
        return rank, notice.starts_on.toordinal(), notice.id
    return rank, -notice.ends_on.toordinal(), -notice.id


def notice_board(uow: UnitOfWork, site_code: str, *, past_limit: int | None = PAST_SHOWN) -> NoticeBoard:
    """Every notice of the site that is current or upcoming, and the ``past_limit`` most recent ones that are over."""
    site, today = _site_today(uow, site_code)
    open_ = select(FrontDeskNotice).where(
        FrontDeskNotice.site_id == site.id, FrontDeskNotice.withdrawn_at.is_(None), FrontDeskNotice.ends_on >= today)
    over = (
        select(FrontDeskNotice)
        .where(FrontDeskNotice.site_id == site.id,
               or_(FrontDeskNotice.withdrawn_at.is_not(None), FrontDeskNotice.ends_on < today))
        .order_by(FrontDeskNotice.ends_on.desc(), FrontDeskNotice.id.desc())
        .limit(past_limit)
    )
    rows = [*uow.session.scalars(open_), *uow.session.scalars(over)]
    return NoticeBoard(today, sorted((_view(n, today) for n in rows), key=_board_order))


def get_notice(uow: UnitOfWork, site_code: str, notice_id: int) -> NoticeView:
    site, today = _site_today(uow, site_code)
    return _view(_notice(uow, site, notice_id), today)


def _notice(uow: UnitOfWork, site: SiteInfo, notice_id: int, *, for_update: bool = False) -> FrontDeskNotice:
    notice = uow.session.get(FrontDeskNotice, notice_id, with_for_update=for_update)
    if notice is None or notice.site_id != site.id:
        raise NotFound(f"no notice {notice_id}")
    return notice


# -- changing --------------------------------------------------------------------------------------------------


def _days(notice: FrontDeskNotice) -> dict[str, Any]:
    return {"starts_on": notice.starts_on.isoformat(), "ends_on": notice.ends_on.isoformat(),
            "version": notice.version}


def publish(uow: UnitOfWork, site_code: str, draft: NoticeDraft) -> NoticeView:
    """A new notice; the kiosk shows it from its start day."""
    site, today = _site_today(uow, site_code)
    checked = _check(draft, today)
    now = uow.now()
    notice = FrontDeskNotice(
        site_id=site.id, **checked.texts, starts_on=checked.starts_on, ends_on=checked.ends_on, version=1,
        created_by=uow.actor, created_at=now, updated_by=uow.actor, updated_at=now, withdrawn_at=None,
    )
    uow.session.add(notice)
    uow.session.flush()
    audit.record(uow, "notice.published", ENTITY, notice.id, after=_days(notice))
    view = _view(notice, today)
    uow.commit()
    return view


def _refuse_if_closed(notice: FrontDeskNotice, today: date) -> None:
    if notice.withdrawn_at is not None:
        raise Conflict(f"notice {notice.id} was withdrawn", code="notice_withdrawn")
    if notice.ends_on < today:
        raise Conflict(f"notice {notice.id} ended on {notice.ends_on.isoformat()}", code="notice_ended")


def edit(uow: UnitOfWork, site_code: str, notice_id: int, draft: NoticeDraft, *, version: int) -> NoticeView:
    """New texts or days for a notice that is current or upcoming; ``version`` is the one the edit was made on."""
    site, today = _site_today(uow, site_code)
    notice = _notice(uow, site, notice_id, for_update=True)
    _refuse_if_closed(notice, today)
    if notice.version != version:
        raise Conflict(f"notice {notice_id} was changed meanwhile (version {notice.version}, not {version})",
                       code="notice_changed")
    checked = _check(draft, today)
    before = _days(notice)
    changed = False
    for name, text in checked.texts.items():
        if getattr(notice, name) != text:
            setattr(notice, name, text)
            changed = True
    if (notice.starts_on, notice.ends_on) != (checked.starts_on, checked.ends_on):
        notice.starts_on, notice.ends_on = checked.starts_on, checked.ends_on
        changed = True
    if not changed:
        return _view(notice, today)
    notice.version += 1
    notice.updated_by, notice.updated_at = uow.actor, uow.now()
    audit.record(uow, "notice.edited", ENTITY, notice.id, before=before, after=_days(notice))
    view = _view(notice, today)
    uow.commit()
    return view


def withdraw(uow: UnitOfWork, site_code: str, notice_id: int) -> NoticeView:
    """Take a current or upcoming notice down at once; it stays in the list, marked withdrawn."""
    site, today = _site_today(uow, site_code)
    notice = _notice(uow, site, notice_id, for_update=True)
    _refuse_if_closed(notice, today)
    now = uow.now()
    before = _days(notice)
    notice.withdrawn_at = now
    notice.version += 1
    notice.updated_by, notice.updated_at = uow.actor, now
    audit.record(uow, "notice.withdrawn", ENTITY, notice.id, before=before | {"withdrawn": False},
                 after=_days(notice) | {"withdrawn": True})
    view = _view(notice, today)
    uow.commit()
    return view


__all__ = [
    "BODY_MAX_COLUMNS", "PAST_SHOWN", "TITLE_MAX_COLUMNS", "WELCOME_SHOWN", "NoticeBoard", "NoticeDraft",
    "NoticeState", "NoticeView", "WelcomeNotice", "current_notices", "edit", "get_notice", "notice_board",
    "plain_notice_text", "publish", "welcome_notices", "withdraw",
]
