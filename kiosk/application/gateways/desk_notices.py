"""The desk's notices: what the kiosk's welcome screen tells visitors, published, edited and withdrawn
by the person signed in (``actor``; every role may: it is daily work).

One unit of work per call. The views import the value types from here (the UI reaches services
through the application layer): ``NoticeBoard``, ``NoticeDraft``, ``NoticeView``, ``NoticeState``,
and the width rule ``TITLE_MAX_COLUMNS``, ``BODY_MAX_COLUMNS``, ``text_columns``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db import Database
from kiosk.domain.notices import BODY_MAX_COLUMNS, TITLE_MAX_COLUMNS, NoticeState, text_columns
from kiosk.domain.security import StaffRole
from kiosk.services.desk import notices
from kiosk.services.desk.notices import NoticeBoard, NoticeDraft, NoticeView

__all__ = [
    "BODY_MAX_COLUMNS", "TITLE_MAX_COLUMNS", "DeskNoticesGateway", "NoticeBoard", "NoticeDraft", "NoticeState",
    "NoticeView", "text_columns",
]


@dataclass
class DeskNoticesGateway:
    """Acting as the person signed in: ``DeskNoticesGateway(database, site_code, actor=session.actor,
    role=session.role)``."""

    database: Database
    site_code: str
    actor: str = "staff:reception"
    role: StaffRole = StaffRole.RECEPTIONIST

    def board(self) -> NoticeBoard:
        """Current and upcoming notices, and the most recent ones that are over, with the site's today."""
        with self.database.unit_of_work(self.actor, write=False) as uow:
            return notices.notice_board(uow, self.site_code)

    def publish(self, draft: NoticeDraft) -> NoticeView:
        with self.database.unit_of_work(self.actor) as uow:
            return notices.publish(uow, self.site_code, draft)

    def edit(self, notice_id: int, draft: NoticeDraft, version: int) -> NoticeView:
        """``version``: the one the form was filled from (a notice changed since is refused, ``notice_changed``)."""
        with self.database.unit_of_work(self.actor) as uow:
            return notices.edit(uow, self.site_code, notice_id, draft, version=version)

    def withdraw(self, notice_id: int) -> NoticeView:
        with self.database.unit_of_work(self.actor) as uow:
            return notices.withdraw(uow, self.site_code, notice_id)
