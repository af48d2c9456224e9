"""The chosen complaint in full: who and how to reach them, what, when, where it was passed, the outcome, the
customer's satisfaction, the follow-up notes; and the desk's buttons, enabled for what its status allows."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_complaints import (
    UNRESOLVED,
    ComplaintDetail,
    ComplaintStatus,
    SatisfactionVia,
)
from kiosk.ui.common.flow_layout import flow_row
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
        self.notes = label()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_box = QLineEdit()
        self.note_box.setMaxLength(1000)
        self.note_button = button("")
        self.assign_button, self.progress_button = button(""), button("")
        self.resolve_button, self.close_button = button("", "primary"), button("")
        self.score = QComboBox()
        for score in (5, 4, 3, 2, 1):
            self.score.addItem("", score)
        self.score_button = button("", "primary")
        self.setMaximumWidth(400)  # the list keeps the room for its columns (a 1440-pixel screen)
        # What is written scrolls (a long complaint, many notes); the buttons stay in view below it.
        written = QWidget()
        written.setObjectName("ComplaintWritten")
        written.setStyleSheet("QWidget#ComplaintWritten { background: transparent; }")
        column = QVBoxLayout(written)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.heading)
        column.addWidget(self.state)
        column.addLayout(facts)
        column.addWidget(self.notes_title)
        column.addWidget(self.notes)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(written)
        scroll.viewport().setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_box, 1)
        note_row.addWidget(self.note_button)
        layout.addLayout(note_row)
        # Wrapping rows: a row of buttons never makes the desk wider than its screen (flow_layout.py).
        layout.addWidget(flow_row(self.assign_button, self.progress_button, self.resolve_button))
        layout.addWidget(flow_row(self.score, self.score_button, self.close_button))
        self.retranslate()

    def show_detail(self, detail: ComplaintDetail | None) -> None:
        self.detail = detail
        row = detail.complaint if detail is not None else None
        self.heading.setText(self.tr("Choose a complaint") if row is None else self.tr(
            "#{n} · {customer}").format(n=row.complaint_id, customer=row.customer_name))
        if row is None:
            self.state.setText("")
        elif row.status in UNRESOLVED:
            self.state.setText(self.tr("{status} · due {due}").format(status=row_status(row),
                                                                        due=when(row.due_at, self.zone)))
        else:
            self.state.setText(row_status(row))
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
        self.notes.setText("\n\n".join(f"{when(note.written_at, self.zone)} · {note.written_by}\n{note.text}"
                                         for note in (detail.notes if detail is not None else [])) or "—")
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
