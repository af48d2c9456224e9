"""The selected visit in full, beside the board: who, the photo, what they signed, their badges,
the notices sent about them and the visit's history. Everything is plain text; ID numbers come masked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.services.visits.visit_detail import VisitDetail
from kiosk.ui.desk.board_models import badge_text, purpose_text, status_key, status_text
from kiosk.ui.desk.widgets import label, plain
from kiosk.ui.desk.wording import action_text

PHOTO_SIDE = 160


class VisitPanel(QScrollArea):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.setObjectName("VisitPanel")
        self.setWidgetResizable(True)
        self.setMinimumWidth(360)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.detail: VisitDetail | None = None
        self.clear()

    def _reset(self) -> None:
        """A fresh page: setWidget deletes the previous one with everything on it."""
        self.body = QWidget()
        self.body.setObjectName("VisitPanelBody")
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(18, 16, 18, 16)
        self.layout_.setSpacing(10)
        self.setWidget(self.body)

    def clear(self) -> None:
        self.detail = None
        self._reset()
        hint = label(self.tr("Choose a visit to see its details."), "muted")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.layout_.addStretch(1)

    def show_detail(self, detail: VisitDetail) -> None:
        self.detail = detail
        self._reset()
        summary = detail.summary
        self.name = plain(label(summary.visitor_name, "title"))
        self.name.setWordWrap(True)
        self.layout_.addWidget(self.name)
        self.layout_.addWidget(label(status_text(status_key(summary)), "count"), 0, Qt.AlignmentFlag.AlignLeft)
        if detail.photo_jpeg:
            pixmap = QPixmap()
            if pixmap.loadFromData(detail.photo_jpeg):
                photo = QLabel()
                photo.setObjectName("VisitPhoto")
                photo.setPixmap(pixmap.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
                self.layout_.addWidget(photo)
        purpose = purpose_text(summary.purpose) + (f" — {detail.purpose_note}" if detail.purpose_note else "")
        facts = QFormLayout()
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(6)
        rows = [
            (self.tr("Company"), summary.company), (self.tr("Phone"), detail.phone), (self.tr("E-mail"), detail.email),
            (self.tr("ID number"), detail.id_number_masked), (self.tr("Host"), summary.host_name),
            (self.tr("Department"), summary.department),
            (self.tr("Purpose"), purpose),
            (self.tr("Expected"), self._time(summary.expected_start)),
            (self.tr("Checked in"), self._time(summary.checked_in_at)),
            (self.tr("Signed out"), self._time(summary.checked_out_at)),
            (self.tr("Decided by"), detail.decided_by or ""),
        ]
        for caption, value in rows:
            if value:
                shown = plain(label(value))
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                facts.addRow(label(caption, "muted"), shown)
        self.layout_.addLayout(facts)
        self._section(self.tr("Agreement"), [
            self.tr("{title}, version {version} ({language}), signed {at}").format(
                title=a.title, version=a.version, language=a.language, at=self._time(a.signed_at))
            for a in detail.agreements
        ])
        self._section(self.tr("Badges"), [
            self.tr("{at} {reason}: {status} ({by})").format(at=self._time(b.created_at), reason=b.reason,
                                                       status=badge_text(b.status), by=b.requested_by)
            + (f" — {b.last_error}" if b.last_error else "")
            for b in detail.badges
        ])
        self._section(self.tr("Notices"), [
            f"{self._time(n.created_at)} {self._event(n.event)} → {n.recipient}: {self._notice_status(n.status)}"
            for n in detail.notices
        ])
        self._section(self.tr("History"), [
            f"{self._time(h.at)} {self._action(h.action)} ({h.actor})"
            + (f" — {h.details['reason']}" if "reason" in h.details else "")
            for h in detail.history
        ])
        self.layout_.addStretch(1)

    def _section(self, title: str, lines: list[str]) -> None:
        if not lines:
            return
        self.layout_.addSpacing(6)
        self.layout_.addWidget(label(title, "section"))
        for line in lines:
            shown = plain(label(line, "small"))
            shown.setWordWrap(True)
            self.layout_.addWidget(shown)

    def _action(self, action: str) -> str:
        return action_text(action)  # the same words as the audit log

    def _event(self, event: str) -> str:
        return {
            "visitor_arrived": self.tr("Arrival"), "consent_requested": self.tr("Approval request"),
            "host_unreachable": self.tr("Host unreachable"), "still_on_site": self.tr("Still on site"),
            "deny_list_hit": self.tr("Deny-list alert"), "vip_arrived": self.tr("VIP arrival"),
            "invitation_created": self.tr("Invitation"), "invitation_changed": self.tr("Invitation changed"),
            "invitation_cancelled": self.tr("Invitation cancelled"),
        }.get(event, event)

    def _notice_status(self, status: str) -> str:
        return {"pending": self.tr("waiting"), "sending": self.tr("sending"), "sent": self.tr("sent"),
                "failed": self.tr("not sent")}.get(status, status)

    def _time(self, at: datetime | None) -> str:
        return at.astimezone(self.zone).strftime("%m-%d %H:%M") if at else ""
