"""The chosen complaint in full: who and how to reach them, what, when, where it was passed, the outcome, the
customer's satisfaction, the follow-up notes; and the desk's buttons, enabled for what its status allows."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_complaints import (
    UNRESOLVED,
    ComplaintDetail,
    ComplaintStatus,
    SatisfactionVia,
)
from kiosk.ui.desk.records.complaint_texts import channel_text, passed_to, row_status, score_text, when
from kiosk.ui.desk.widgets import button, label

FACTS = ("contact", "channel", "happened", "recorded", "passed", "what", "resolution", "satisfaction")


class ComplaintPanel(QWidget):
    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.detail: ComplaintDetail | None = None
        self.heading = label(role="section")
        self.heading.setWordWrap(True)
        self.state = label()
        self.state.setWordWrap(True)
        self.facts: dict[str, tuple[QLabel, QLabel]] = {}
        facts = QFormLayout()
        for key in FACTS:
            name, value = label(role="muted"), label()
            value.setWordWrap(True)
            facts.addRow(name, value)
            self.facts[key] = (name, value)
        self.notes_title = label(role="section")
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.note_box = QLineEdit()
        self.note_box.setMaxLength(1000)
        self.note_button = button("")
        self.assign_button, self.progress_button = button(""), button("")
        self.resolve_button, self.close_button = button("", "primary"), button("")
        self.score = QComboBox()
        for score in (5, 4, 3, 2, 1):
            self.score.addItem("", score)
        self.score_button = button("", "primary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addLayout(facts)
        layout.addWidget(self.notes_title)
        layout.addWidget(self.notes, 1)
        for widgets in ((self.note_box, self.note_button), (self.assign_button, self.progress_button,
                                                            self.resolve_button),
                        (self.score, self.score_button, self.close_button)):
            row = QHBoxLayout()
            for widget in widgets:
                row.addWidget(widget, 1 if widget is self.note_box else 0)
            if self.note_box not in widgets:
                row.addStretch(1)
            layout.addLayout(row)
        self.retranslate()

    def show_detail(self, detail: ComplaintDetail | None) -> None:
        self.detail = detail
        row = detail.complaint if detail is not None else None
        self.heading.setText(self.tr("Choose a complaint") if row is None else self.tr(
            "#{n} · {customer}").format(n=row.complaint_id, customer=row.customer_name))
        self.state.setText("" if row is None else self.tr("{status} · due {due}").format(
            status=row_status(row), due=when(row.due_at, self.zone)))
        self.state.setProperty("role", "short" if row is not None and row.overdue else "")
        self.state.style().unpolish(self.state)  # the role's style follows the property
        self.state.style().polish(self.state)
        values = {} if detail is None or row is None else {
            "contact": row.customer_contact, "channel": channel_text(row.channel),
            "happened": when(row.happened_at, self.zone),
            "recorded": self.tr("{time} by {who}").format(time=when(row.created_at, self.zone), who=detail.created_by),
            "passed": passed_to(row), "what": row.what, "resolution": detail.resolution or "—",
            "satisfaction": self._satisfaction(detail),
        }
        for key, (_name, value) in self.facts.items():
            value.setText(values.get(key, ""))
        self.notes.clear()
        for note in detail.notes if detail is not None else []:
            self.notes.addItem(f"{when(note.written_at, self.zone)} · {note.written_by}\n{note.text}")
        status = row.status if row is not None else None
        self.assign_button.setEnabled(status in UNRESOLVED)
        self.progress_button.setEnabled(status is ComplaintStatus.OPEN)
        self.resolve_button.setEnabled(status in UNRESOLVED)
        for widget in (self.score, self.score_button, self.close_button):
            widget.setEnabled(status is ComplaintStatus.RESOLVED)
        self.note_box.setEnabled(row is not None)
        self.note_button.setEnabled(row is not None)

    def _satisfaction(self, detail: ComplaintDetail) -> str:
        score = detail.complaint.satisfaction
        if score is not None:
            via = self.tr("by the customer, on the link") if detail.satisfaction_via is SatisfactionVia.LINK \
                else self.tr("asked by the desk")
            return f"{score_text(score)} ({via})"
        if detail.complaint.status is ComplaintStatus.RESOLVED:
            return self.tr("Waiting: the customer was sent a link; the desk may ask too") if detail.rated_by_link \
                else self.tr("Ask the customer (1-5)")
        return "—"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {"contact": self.tr("Contact"), "channel": self.tr("Came in by"), "happened": self.tr("Happened"),
                 "recorded": self.tr("Recorded"), "passed": self.tr("Passed to"), "what": self.tr("What"),
                 "resolution": self.tr("Outcome"), "satisfaction": self.tr("Satisfaction")}
        for key, (name, _value) in self.facts.items():
            name.setText(names[key])
        self.notes_title.setText(self.tr("Follow-up notes"))
        self.note_box.setPlaceholderText(self.tr("Who did what, e.g. called the customer back"))
        self.note_button.setText(self.tr("Add note"))
        self.assign_button.setText(self.tr("Pass on…"))
        self.progress_button.setText(self.tr("In progress"))
        self.resolve_button.setText(self.tr("Outcome…"))
        for index in range(self.score.count()):
            self.score.setItemText(index, score_text(int(self.score.itemData(index))))
        self.score_button.setText(self.tr("Record satisfaction"))
        self.close_button.setText(self.tr("Close without an answer"))
        self.show_detail(self.detail)
