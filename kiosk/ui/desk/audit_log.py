"""Audit log: who did what to which object, when; filtered by person, action, object and dates.

A view of the desk's shell for supervisors and administrators (``Permission.AUDIT_LOG``; the
gateway's service refuses anyone else). The trail grows without end, so the table is a
``LazyTableModel`` over ``DeskAuditGateway``: the ids of the matching events are kept (newest
first, sorted by the database), the rows on screen are read a page at a time on the worker pool.
The chosen event is shown in full beside the table, its details field by field.

    view = AuditLogView(DeskAuditGateway(database, site_code, session.actor, session.role), pool,
                        zone=zone, now=clock.now, live=live)
    view.start()      # when the person signs in (the shell calls start()/stop())

It follows ``Area.AUDIT``: a change anywhere reads the list again (the place and selection kept),
at once when the view is on screen, otherwise when it is next shown. Events hold codes and ids,
never names; codes are shown as words (``wording.py``), everything recorded reaches Qt as plain
text (a reason written at the desk is shown as written).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QRegularExpression, QStringListModel, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_audit import AuditChoices, AuditQuery, AuditRow, Change, DeskAuditGateway
from kiosk.domain.changes import Area
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.filters import COMBO_STYLE, PeriodChoice, combo, header_row
from kiosk.ui.desk.lazy_table import Column, LazyTableModel, LazyTableView
from kiosk.ui.desk.widgets import button, label, plain
from kiosk.ui.desk.wording import action_group_text, action_text, entity_text, field_text, object_text, value_text

FILTER_DELAY_MS = 300
# A burst of desk actions (each writes an event) is one re-read of the list.
LIVE_COALESCE_MS = 1000
LOCAL_STYLE = COMBO_STYLE + (
    " QScrollArea#AuditEventPanel, QWidget#AuditEventBody { background: #ffffff; }"
    " QScrollArea#AuditEventPanel { border-left: 1px solid #e4e7eb; }"
)
ARROW = "\u2192"
NOTHING = "\u2014"
SEPARATOR = "  \u00b7  "


def change_values(change: Change) -> str:
    """A detail's values: ``approved → On site``; only one side recorded: that side (gone: ``→ —``)."""
    before = value_text(change.field, change.before) if change.before is not None else None
    after = value_text(change.field, change.after) if change.after is not None else None
    if before is None:
        return after or ""
    return f"{before} {ARROW} {after if after is not None else NOTHING}"


def change_text(change: Change) -> str:
    """One detail as a line: ``Status: Approved → On site``."""
    return QCoreApplication.translate("AuditLogView", "{field}: {values}").format(
        field=field_text(change.field), values=change_values(change))


def details_line(row: AuditRow) -> str:
    return SEPARATOR.join(change_text(change) for change in row.changes)


def audit_columns(zone: ZoneInfo) -> list[Column[AuditRow]]:
    """The log's columns; times in the site's zone, to the second."""
    translate = QCoreApplication.translate

    def when(row: AuditRow) -> str:
        return row.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")

    return [
        Column(lambda: translate("AuditLogView", "When"), when, width=168),
        Column(lambda: translate("AuditLogView", "Person"), lambda r: r.actor, width=140),
        Column(lambda: translate("AuditLogView", "Action"), lambda r: action_text(r.action), width=220),
        Column(lambda: translate("AuditLogView", "Object"), lambda r: object_text(r.entity, r.entity_id), width=130),
        Column(lambda: translate("AuditLogView", "Details"), details_line, width=200),
    ]


class EventPanel(QScrollArea):
    """The chosen event in full: when, who, what, which object, and each detail before and after."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.setObjectName("AuditEventPanel")
        self.setWidgetResizable(True)
        self.setMinimumWidth(280)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.row: AuditRow | None = None
        self.lines: list[str] = []  # what is shown, as text (for tests and screen readers alike)
        self.clear()

    def _reset(self) -> QVBoxLayout:
        body = QWidget()
        body.setObjectName("AuditEventBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        self.setWidget(body)
        return layout

    def clear(self) -> None:
        self.row, self.lines = None, []
        layout = self._reset()
        hint = label(self.tr("Choose an event to see it in full."), "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_row(self, row: AuditRow) -> None:
        self.row = row
        layout = self._reset()
        title = plain(label(action_text(row.action), "title"))
        title.setWordWrap(True)
        layout.addWidget(title)
        code = plain(label(row.action, "muted"))
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(code)
        facts = QFormLayout()
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(6)
        shown = [
            (self.tr("When"), row.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")),
            (self.tr("Person"), row.actor),
            (self.tr("Object"), object_text(row.entity, row.entity_id)),
            (self.tr("Event number"), str(row.id)),
        ]
        self.lines = [row.action, *(f"{caption}: {value}" for caption, value in shown)]
        for caption, value in shown:
            facts.addRow(label(caption, "muted"), self._value(value))
        layout.addLayout(facts)
        changes = row.changes
        layout.addSpacing(6)
        layout.addWidget(label(self.tr("Details"), "section"))
        if not changes:
            layout.addWidget(label(self.tr("Nothing else was recorded."), "muted"))
        else:
            grid = QFormLayout()
            grid.setHorizontalSpacing(14)
            grid.setVerticalSpacing(6)
            for change in changes:
                grid.addRow(plain(label(field_text(change.field), "muted")), self._value(change_values(change)))
                self.lines.append(change_text(change))
            layout.addLayout(grid)
        layout.addStretch(1)

    def _value(self, text: str) -> QWidget:
        shown = plain(label(text))
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return shown


class AuditLogView(QWidget):
    """The Audit log view (see the module docstring)."""

    AREAS = frozenset({Area.AUDIT})

    def __init__(
        self, gateway: DeskAuditGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
        live: LiveChanges | None = None, filter_delay_ms: int = FILTER_DELAY_MS,
        live_coalesce_ms: int = LIVE_COALESCE_MS,
    ) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(LOCAL_STYLE)
        self.choices = AuditChoices([], [], [])
        self._started = False
        self._stale = False  # the trail changed while the view was not on screen
        self._choices_asked = 0

        self.model: LazyTableModel[AuditQuery, AuditRow] = LazyTableModel(
            gateway, audit_columns(zone), pool, AuditQuery(), parent=self)
        self.table = LazyTableView(self.model)
        self.table.setSelectionMode(LazyTableView.SelectionMode.SingleSelection)
        self.model.countChanged.connect(self._show_count)
        self.model.busyChanged.connect(self._show_busy)
        self.model.failed.connect(self._read_failed)
        self.model.dataChanged.connect(lambda *_args: self._show_current())
        self.model.modelReset.connect(self._show_current)
        self.table.selectionModel().currentRowChanged.connect(lambda *_args: self._show_current())
        self.panel = EventPanel(zone)

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.count.hide()  # until there is a count
        self.busy = label(role="muted")
        self.clear_button = button("")
        self.clear_button.clicked.connect(self.clear_filters)
        top = header_row(self.title, self.count, busy=self.busy, actions=(self.clear_button,))

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(filter_delay_ms)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.person = QLineEdit()
        self.person.setClearButtonEnabled(True)
        self.person.setMaxLength(64)
        self.person.setMinimumWidth(220)
        self._people = QStringListModel(self)
        completer = QCompleter(self._people, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        completer.activated.connect(lambda _text: self.apply_filters())
        self.person.textChanged.connect(lambda _text: self._filter_timer.start())
        self.person.returnPressed.connect(self.apply_filters)
        self.action = combo([""])
        self.action.setMinimumWidth(220)
        self.entity = combo([""])
        self.entity_id = QLineEdit()
        self.entity_id.setClearButtonEnabled(True)
        self.entity_id.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"), self.entity_id))
        self.entity_id.setFixedWidth(120)
        self.entity_id.setEnabled(False)  # a number means something once a kind of object is chosen
        self.entity_id.textChanged.connect(lambda _text: self._filter_timer.start())
        self.entity_id.returnPressed.connect(self.apply_filters)
        self.dates = PeriodChoice(now, zone, self.apply_filters, custom_days_back=6)
        self.period, self.first_day, self.last_day = self.dates.combo, self.dates.first_day, self.dates.last_day
        self.action.currentIndexChanged.connect(lambda _index: self.apply_filters())
        self.entity.currentIndexChanged.connect(self._entity_changed)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.person, 2)
        filters.addWidget(self.action, 2)
        filters.addWidget(self.entity, 1)
        filters.addWidget(self.entity_id)
        filters.addWidget(self.period)
        filters.addWidget(self.first_day)
        filters.addWidget(self.last_day)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 300])
        self.message = plain(label(role="error"))  # why the trail cannot be shown; hidden otherwise
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.follower = (AreaFollower(live, self.AREAS, self._trail_changed, coalesce_ms=live_coalesce_ms,
                                      parent=self) if live is not None else None)
        self._period_changed()
        self.retranslate()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self._started = True
        self.model.start()
        self._read_choices()

    def stop(self) -> None:
        self._started = False
        self._filter_timer.stop()
        if self.follower is not None:
            self.follower.stop()
        self.model.stop()

    def refresh(self) -> None:
        """The trail changed (the change watcher): the list is read again, the place and selection kept."""
        self._stale = False
        self.model.refresh()
        self._read_choices()

    def _trail_changed(self) -> None:
        if not self._started:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read when next shown, not for every check-in while nobody looks

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._started:
            self.refresh()

    # -- the query --------------------------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        """The query the filters describe."""
        first, last = self.dates.days()
        entity = self.entity.currentData() or ""
        number = self.entity_id.text().strip()
        return AuditQuery(
            actor=self.person.text().strip(), action=self.action.currentData() or "", entity=entity,
            entity_id=int(number) if number and entity else None, first_day=first, last_day=last,
        )

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.set_query(self.query())

    def clear_filters(self) -> None:
        for widget in (self.person, self.entity_id, self.action, self.entity, self.period):
            widget.blockSignals(True)
        self.person.clear()
        self.entity_id.clear()
        self.action.setCurrentIndex(0)
        self.entity.setCurrentIndex(0)
        self.period.setCurrentIndex(0)
        for widget in (self.person, self.entity_id, self.action, self.entity, self.period):
            widget.blockSignals(False)
        self._entity_changed()
        self._period_changed()

    def show_object(self, entity: str, entity_id: int) -> None:
        """Every event about one object (a visit's, a staff account's history), all dates."""
        self.person.blockSignals(True)
        self.person.clear()
        self.person.blockSignals(False)
        self._set_combo(self.action, "")
        self._ensure_entity(entity)
        self._set_combo(self.entity, entity)
        self.entity_id.blockSignals(True)
        self.entity_id.setText(str(entity_id))
        self.entity_id.blockSignals(False)
        self._set_combo(self.period, "all")
        self._entity_changed()
        self._period_changed()

    def _period_changed(self) -> None:
        self.dates.show_dates()
        self.apply_filters()

    def _entity_changed(self, *_args: object) -> None:
        chosen = bool(self.entity.currentData())
        self.entity_id.setEnabled(chosen)
        self.apply_filters()

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.blockSignals(False)

    def _ensure_entity(self, entity: str) -> None:
        if self.entity.findData(entity) < 0:
            self.entity.blockSignals(True)
            self.entity.addItem(entity_text(entity), entity)
            self.entity.blockSignals(False)

    # -- what the filters offer ---------------------------------------------------------------------------------

    def _read_choices(self) -> None:
        self._choices_asked += 1
        asked = self._choices_asked
        self.pool.submit(self.gateway.choices, on_done=lambda found: self._show_choices(asked, found),
                         on_error=self._read_failed)

    def _show_choices(self, asked: int, choices: AuditChoices) -> None:
        if asked != self._choices_asked:
            return
        self.choices = choices
        self._people.setStringList(choices.actors)
        groups = sorted({action.split(".", 1)[0] for action in choices.actions if "." in action})
        values = ["", *(f"{group}." for group in groups), *choices.actions]
        self._fill(self.action, values)
        self._fill(self.entity, ["", *choices.entities])
        self._name_items()

    def _fill(self, combo: QComboBox, values: list[str]) -> None:
        """The combo's items are ``values``; the chosen one stays chosen (added if the list lost it)."""
        chosen = combo.currentData() or ""
        if [combo.itemData(i) for i in range(combo.count())] == values:
            return
        combo.blockSignals(True)
        combo.clear()
        for value in values:
            combo.addItem("", value)
        if combo.findData(chosen) < 0:
            combo.addItem("", chosen)
        combo.setCurrentIndex(combo.findData(chosen))
        combo.blockSignals(False)

    def _name_items(self) -> None:
        for index in range(self.action.count()):
            value = self.action.itemData(index) or ""
            if not value:
                text = self.tr("Any action")
            elif value.endswith("."):
                text = self.tr("{group}: every action").format(group=action_group_text(value[:-1]))
            else:
                words = action_text(value)
                text = words if words == value else f"{words} ({value})"
            self.action.setItemText(index, text)
        for index in range(self.entity.count()):
            value = self.entity.itemData(index) or ""
            self.entity.setItemText(index, entity_text(value) if value else self.tr("Any object"))

    # -- answers ------------------------------------------------------------------------------------------------

    def _show_count(self, rows: int, complete: bool) -> None:
        if complete:
            self.count.setText(self.tr("Events: {count}").format(count=f"{rows:,}"))
        else:
            self.count.setText(self.tr("Events: {count}+, counting…").format(count=f"{rows:,}"))
        self.count.show()
        self.message.clear()
        self.message.hide()

    def _show_busy(self, busy: bool) -> None:
        self.busy.setText(self.tr("Searching…") if busy else "")

    def _show_current(self) -> None:
        current = self.table.currentIndex()
        row = self.model.row_object(current.row()) if current.isValid() else None
        if row is None:
            if self.table.current_id() is None:
                self.panel.clear()
            return
        if row != self.panel.row:
            self.panel.show_row(row)

    def _read_failed(self, error: Exception) -> None:
        code = getattr(error, "code", "")
        if code == "not_allowed":
            self.message.setText(self.tr("Only a supervisor or an administrator may read the audit log."))
        else:
            self.message.setText(self.tr("Could not read the audit log. Try again in a moment."))
        self.message.show()

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit log"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.person.setPlaceholderText(self.tr("Anyone (e.g. staff:amy, kiosk:K1)"))
        self.entity_id.setPlaceholderText(self.tr("Number"))
        periods = {
            "all": self.tr("All dates"), "today": self.tr("Today"), "7": self.tr("Last 7 days"),
            "30": self.tr("Last 30 days"), "90": self.tr("Last 90 days"), "custom": self.tr("Choose dates"),
        }
        for index in range(self.period.count()):
            self.period.setItemText(index, periods[self.period.itemData(index)])
        self._name_items()
        self.model.retranslate()
        self.table.viewport().update()
        if self.panel.row is not None:
            self.panel.show_row(self.panel.row)
        else:
            self.panel.clear()
        if self.model.rowCount() or self.model.complete:
            self._show_count(self.model.rowCount(), self.model.complete)

