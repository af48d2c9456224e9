"""Phone messages and transfers: the list (open ones first by default; by status and day), urgent and overdue
ones marked in colour and in words; the chosen one in full beside it (who called, the number, for whom, the
message, its steps and the notices sent) with what can happen next: acknowledged, called back, closed, and
for a transfer "resolved?" (not resolved: take a message for a call back, the form filled in).

Replaceable for tests: ``run_dialog(dialog)`` (shows the quick form; a test fills it in instead) and
``ask_note() -> str | None`` (closing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_messages import (
    OPEN,
    CallKind,
    DeskMessagesGateway,
    MessageDetail,
    MessageQuery,
    MessageRow,
    MessageStatus,
)
from kiosk.domain.changes import Area
from kiosk.services.errors import ServiceError
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.column_fit import ColumnFit
from kiosk.ui.desk.dialogs import ask_reason
from kiosk.ui.desk.elided import ElidedLabel
from kiosk.ui.desk.filters import COMBO_STYLE, combo, header_row
from kiosk.ui.desk.records.message_form import QuickMessageDialog
from kiosk.ui.desk.records.message_texts import (
    STYLE,
    actor_text,
    caller_text,
    event_text,
    for_text,
    kind_text,
    notice_text,
    number_text,
    problem_text,
    row_colours,
    row_status,
    status_text,
    translate,
    when_text,
)
from kiosk.ui.desk.supplies.texts import STYLE as TABLE_STYLE
from kiosk.ui.desk.supplies.texts import cell, fill, grid, key_at, retitle
from kiosk.ui.desk.widgets import button, label

SHOWN = ("open", "new", "acknowledged", "called_back", "closed", "all")
# "Open": not closed yet (a call called back is closed by hand, with a note if need be).
STATUSES = {"open": frozenset(MessageStatus) - {MessageStatus.CLOSED}, "all": frozenset()} | {
    s.value: frozenset({s}) for s in MessageStatus}
COLUMNS = [  # a transfer's status says it is one
    lambda: translate("DeskRecords", "Received"),
    lambda: translate("DeskRecords", "Status"), lambda: translate("DeskRecords", "Caller"),
    lambda: translate("DeskRecords", "Phone"), lambda: translate("DeskRecords", "For"),
    lambda: translate("DeskRecords", "Message"),
]
CALLER_COLUMN = 2
MESSAGE_SHOWN = 60


def run_dialog(dialog: QDialog) -> None:
    dialog.open()


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MESSAGE_SHOWN else flat[:MESSAGE_SHOWN - 1] + "…"


class MessagesView(QWidget):
    changed = Signal()  # a call saved or moved on here (the page's badge counts again)

    def __init__(self, gateway: DeskMessagesGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
                 live: LiveChanges | None = None) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.setObjectName("AdminCentral")
        self.setStyleSheet(TABLE_STYLE + COMBO_STYLE + STYLE)
        self.run_dialog: Callable[[QDialog], None] = run_dialog
        self.ask_note: Callable[[], str | None] = lambda: ask_reason(
            self, translate("DeskRecords", "Close"), translate("DeskRecords", "Anything to note? (optional)"),
            translate("DeskRecords", "Close"))
        self.rows: list[MessageRow] = []
        self.detail: MessageDetail | None = None
        self.dialog: QuickMessageDialog | None = None
        self._asked = 0
        self.title, self.count = ElidedLabel(role="title"), label(role="count")  # the title gives way, not the desk
        self.shown = combo(SHOWN)
        self.day = combo(["all", "today"])
        for box in (self.shown, self.day):
            box.setMinimumWidth(120)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button, self.transfer_button = button("", "primary"), button("")
        self.new_button.clicked.connect(lambda: self.quick_message(CallKind.MESSAGE))
        self.transfer_button.clicked.connect(lambda: self.quick_message(CallKind.TRANSFER))
        top = header_row(self.title, self.count, actions=(self.shown, self.day, self.transfer_button,
                                                          self.new_button))
        self.table = grid(COLUMNS)
        # The caller and the message share what is left (cut short, whole in the detail): no sideways scrolling.
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column in (CALLER_COLUMN, len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns = ColumnFit(self.table, (3,), least={CALLER_COLUMN: 90, len(COLUMNS) - 1: 150})  # the phone
        self.table.currentCellChanged.connect(lambda _r, _c, _pr, _pc: self._chosen())
        self.detail_title = label(role="detailtitle")
        self.detail_lines = label(role="detailtext")
        self.matter = label(role="matter")
        for widget in (self.detail_title, self.detail_lines, self.matter):
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = label(role="steps")
        self.steps.setWordWrap(True)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ack_button, self.called_back_button = button("", "primary"), button("")
        self.close_button = button("")
        self.resolved_button, self.not_resolved_button = button("", "primary"), button("")
        self.take_message_button = button("")
        self.ack_button.clicked.connect(lambda: self._act(self.gateway.acknowledge))
        self.called_back_button.clicked.connect(lambda: self._act(self.gateway.called_back))
        self.close_button.clicked.connect(self.close_chosen)
        self.resolved_button.clicked.connect(lambda: self.answer_resolved(True))
        self.not_resolved_button.clicked.connect(lambda: self.answer_resolved(False))
        self.take_message_button.clicked.connect(self.take_message_for_chosen)
        self.message = label(role="muted")
        self.message.setWordWrap(True)
        self._lay_out(top)
        self.follower = AreaFollower(live, frozenset({Area.RECORDS}), self.refresh, coalesce_ms=300, parent=self) \
            if live is not None else None
        self.retranslate()

    def _lay_out(self, top: QHBoxLayout) -> None:
        # The call's buttons wrap in the side panel rather than widen the desk.
        actions = flow_row(self.ack_button, self.called_back_button, self.resolved_button, self.not_resolved_button,
                           self.take_message_button, self.close_button)
        side = QVBoxLayout()
        side.setSpacing(8)
        for text in (self.detail_title, self.detail_lines, self.matter):
            side.addWidget(text)
        side.addWidget(self.steps)
        side.addWidget(actions)
        side.addStretch(1)
        panel = QWidget()
        panel.setLayout(side)
        panel.setMinimumWidth(340)
        panel.setMaximumWidth(420)  # the list keeps room for the caller and the message
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        if self.follower is not None:
            self.follower.stop()

    # -- the list --------------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.now().astimezone(self.zone).date()

    def refresh(self) -> None:
        query = MessageQuery(statuses=STATUSES[self.shown.currentData()],
                             day=self._today() if self.day.currentData() == "today" else None)
        self.pool.submit(self.gateway.messages, query, on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[MessageRow]) -> None:
        self.rows = rows
        self._fill()
        self._count()
        self._chosen()

    def _fill(self) -> None:
        """The table from ``rows``, the chosen call kept (its detail is asked for by the caller)."""
        chosen = self.current_id()
        today = self._today()
        self.table.blockSignals(True)
        fill(self.table, [[
            cell(when_text(r.received_at, self.zone, today), key=r.message_id),
            cell(row_status(r), colours=row_colours(r)), cell(caller_text(r)),
            cell(number_text(r.caller_phone)), cell(for_text(r)), cell(_short(r.message)),
        ] for r in self.rows])
        self.columns.fit()
        again = next((i for i, r in enumerate(self.rows) if r.message_id == chosen), None)
        if again is not None:
            self.table.selectRow(again)
        else:  # gone from this list (closed, filtered out): nothing chosen rather than its neighbour
            self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(False)

    def current_id(self) -> int | None:
        key = key_at(self.table, self.table.currentRow())
        return int(key) if key is not None else None

    def current(self) -> MessageRow | None:
        wanted = self.current_id()
        return next((r for r in self.rows if r.message_id == wanted), None)

    def choose(self, message_id: int) -> None:
        row = next((i for i, r in enumerate(self.rows) if r.message_id == message_id), None)
        if row is not None:
            self.table.selectRow(row)

    # -- the chosen one ----------------------------------------------------------------------------------------

    def _chosen(self) -> None:
        row = self.current()
        self._asked += 1
        if row is None:
            self.detail = None
            self._show_detail()
            return
        asked = self._asked
        self.pool.submit(self.gateway.detail, row.message_id,
                         on_done=lambda detail: self._detail(asked, detail), on_error=self._failed)

    def _detail(self, asked: int, detail: MessageDetail) -> None:
        if asked == self._asked:  # an answer for a row chosen since is dropped
            self.detail = detail
            self._show_detail()

    def _show_detail(self) -> None:
        detail = self.detail
        row = detail.row if detail is not None else None
        for widget in (self.detail_lines, self.matter, self.steps):
            widget.setVisible(row is not None)
        if detail is None or row is None:
            self.detail_title.setText(translate("DeskRecords", "Choose a call to see it in full"))
            self._enable(None)
            return
        today = self._today()
        self.detail_title.setText(translate("DeskRecords", "{kind}: {caller}").format(
            kind=kind_text(row.kind), caller=caller_text(row)))
        lines = [translate("DeskRecords", "Phone: {phone}").format(phone=number_text(row.caller_phone) or "—"),
                 translate("DeskRecords", "For: {whom}").format(whom=for_text(row)),
                 translate("DeskRecords", "Received: {when}").format(when=when_text(row.received_at, self.zone, today)),
                 translate("DeskRecords", "Status: {status}").format(status=row_status(row))]
        if row.callback_promised_at is not None:
            lines.insert(3, translate("DeskRecords", "Call back by: {when}").format(
                when=when_text(row.callback_promised_at, self.zone, today)))
        if detail.note:
            lines.append(translate("DeskRecords", "Note: {note}").format(note=detail.note))
        self.detail_lines.setText("\n".join(lines))
        self.matter.setText(row.message or translate("DeskRecords", "(no message written)"))
        steps = []
        for step in detail.timeline:
            who = actor_text(step.by)
            steps.append(f"{when_text(step.at, self.zone, today)}  {event_text(step.event)}"
                         + (f" · {who}" if who else ""))
        steps += ["      " + notice_text(n.event, n.channel, n.recipient, n.status) for n in detail.notices]
        self.steps.setText("\n".join(steps))
        self._enable(row)

    def _enable(self, row: MessageRow | None) -> None:
        message = row is not None and row.kind is CallKind.MESSAGE
        transfer = row is not None and row.kind is CallKind.TRANSFER
        self.ack_button.setVisible(row is None or message)
        self.called_back_button.setVisible(row is None or message)
        for widget in (self.resolved_button, self.not_resolved_button):
            widget.setVisible(transfer)
        self.take_message_button.setVisible(transfer and row is not None and row.resolved is False)
        self.ack_button.setEnabled(message and row is not None and row.status is MessageStatus.NEW)
        self.called_back_button.setEnabled(message and row is not None and row.status in OPEN)
        self.resolved_button.setEnabled(transfer and row is not None and row.status in OPEN)
        self.not_resolved_button.setEnabled(transfer and row is not None and row.status in OPEN)
        self.close_button.setEnabled(row is not None and row.status is not MessageStatus.CLOSED)

    # -- actions -------------------------------------------------------------------------------------------

    def _act(self, action: Callable[[int, int | None], MessageRow]) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(action, row.message_id, row.version, on_done=self._changed, on_error=self._failed)

    def close_chosen(self) -> None:
        row = self.current()
        note = self.ask_note() if row is not None else None
        if row is not None and note is not None:
            self.pool.submit(self.gateway.close, row.message_id, row.version, note, on_done=self._changed,
                             on_error=self._failed)

    def answer_resolved(self, resolved: bool) -> None:
        row = self.current()
        if row is not None:
            self.pool.submit(self.gateway.transfer_resolved, row.message_id, resolved, row.version,
                             on_done=lambda changed: self._answered(changed), on_error=self._failed)

    def _answered(self, row: MessageRow) -> None:
        self._changed(row)
        if row.resolved is False:
            self.message.setText(translate("DeskRecords", "Not resolved: take a message so {whom} calls back.").format(
                whom=for_text(row)))

    def take_message_for_chosen(self) -> None:
        row = self.current()
        if row is not None:
            self.quick_message(CallKind.MESSAGE, prefill=row)

    def quick_message(self, mode: CallKind = CallKind.MESSAGE, prefill: MessageRow | None = None) -> None:
        """The quick form (Ctrl+M): a message, or a transfer logged. One at a time."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_mode(mode)
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        dialog = QuickMessageDialog(self.gateway, self.pool, zone=self.zone, now=self.now, mode=mode, parent=self)
        if prefill is not None:
            dialog.prefill(prefill)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        self.run_dialog(dialog)

    def _closed(self, dialog: QuickMessageDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, row: MessageRow) -> None:
        if row.kind is CallKind.MESSAGE:
            self.message.setText(translate("DeskRecords", "Message for {whom} saved; they have been told.").format(
                whom=for_text(row)))
        else:
            self.message.setText(translate("DeskRecords", "Transfer to {whom} logged.").format(whom=for_text(row)))
        self._changed(row)

    def _changed(self, row: MessageRow) -> None:
        self.refresh()
        self.choose(row.message_id)
        self.changed.emit()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))

    # -- words ---------------------------------------------------------------------------------------------

    def _count(self) -> None:
        calls = len(self.rows)  # a plain name: lupdate reads no expression there
        self.count.setText(translate("DeskRecords", "%n call(s)", "", calls))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(translate("DeskRecords", "Phone messages and transfers"))
        self._count()
        shown = {"open": translate("DeskRecords", "Open"), "new": translate("DeskRecords", "New"),
                 "acknowledged": translate("DeskRecords", "Acknowledged"),
                 "called_back": translate("DeskRecords", "Called back"), "closed": translate("DeskRecords", "Closed"),
                 "all": translate("DeskRecords", "All")}
        for index in range(self.shown.count()):
            self.shown.setItemText(index, shown[self.shown.itemData(index)])
        self.day.setItemText(0, translate("DeskRecords", "Every day"))
        self.day.setItemText(1, translate("DeskRecords", "Today"))
        self.new_button.setText(translate("DeskRecords", "New message (Ctrl+M)"))
        self.transfer_button.setText(translate("DeskRecords", "Log a transfer"))
        self.ack_button.setText(translate("DeskRecords", "Got it"))
        self.called_back_button.setText(translate("DeskRecords", "Caller called back"))
        self.resolved_button.setText(translate("DeskRecords", "It was resolved"))
        self.not_resolved_button.setText(translate("DeskRecords", "Not resolved"))
        self.take_message_button.setText(translate("DeskRecords", "Take a message"))
        self.close_button.setText(translate("DeskRecords", "Close…"))
        retitle(self.table, COLUMNS)
        self._fill()
        self._show_detail()


__all__ = ["MessagesView", "status_text"]
