"""The deny list: who is held at check-in until a supervisor decides. The administrator's view.

A view of the desk's shell for those who may manage the deny list (``Permission.MANAGE_DENY_LIST``);
``directory_views`` gives it to nobody else. Built for anyone else all the same, it shows one line
saying so and asks the database nothing (the services would refuse anyway).

    view = DenyListView(DeskDirectoryGateway(database, site_code, session.actor, session.role), pool, zone=zone)

The list is short (tens of entries), so it is read whole, in one worker job, when the view starts
and whenever ``Area.STAFF`` changes (another desk, kioskctl). Adding, rewording and removing run one
gateway call each, as the person signed in. Names, numbers and reasons are shown as written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_directory import DenyEntryView, DenyKind, DeskDirectoryGateway
from kiosk.domain.changes import Area
from kiosk.domain.security import Permission
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import RowsModel
from kiosk.ui.desk.dialogs import ReasonDialog, ask_to_confirm
from kiosk.ui.desk.directory_texts import LOCAL_STYLE, deny_kind_text, problem_text
from kiosk.ui.desk.widgets import button, label, plain, table

REASON_MAX = 500


class DenyListModel(RowsModel):
    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Held when it matches"), self.tr("Reason (for the desk only)"),
                self.tr("Added by"), self.tr("Added")]

    def cell(self, row: DenyEntryView, column: int) -> str:
        return [deny_kind_text(row.kind), row.value, row.reason, row.created_by.removeprefix("staff:"),
                self._when(row.created_at)][column]

    def _when(self, instant: datetime) -> str:
        return instant.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    def entry(self, row: int) -> DenyEntryView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def ask_new_reason(parent: QWidget, title: str, prompt: str, action: str, current: str) -> str | None:
    """The reason as rewritten (may be empty), or None when the person changed their mind."""
    dialog = ReasonDialog(parent, title, prompt, action, required=False)
    dialog.reason.setMaxLength(REASON_MAX)
    dialog.reason.setText(current)
    return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DenyListView(QWidget):
    """The deny list (see the module docstring); ``confirm`` and ``ask_reason`` are replaced in tests."""

    AREAS = frozenset({Area.STAFF})

    def __init__(self, directory: DeskDirectoryGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 live: LiveChanges | None = None) -> None:
        super().__init__()
        self.directory, self.pool = directory, pool
        self.allowed = directory.may(Permission.MANAGE_DENY_LIST)
        self.setObjectName("AdminCentral")
        self.setStyleSheet(LOCAL_STYLE)
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)
        self.ask_reason: Callable[[str, str, str, str], str | None] = (
            lambda *texts: ask_new_reason(self, *texts))
        self._reading = False

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.hint = label("", "muted")
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addStretch(1)

        self.kind = QComboBox()
        for kind in DenyKind:
            self.kind.addItem("", kind.value)
        self.value = QLineEdit()
        self.value.setMaxLength(200)
        self.value.setMinimumWidth(240)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setMinimumWidth(300)
        self.add_button = button("", "primary")
        self.add_button.clicked.connect(self.add)
        self.value.returnPressed.connect(self.add)
        self.reason.returnPressed.connect(self.add)
        self.value.textChanged.connect(lambda _text: self._update_buttons())
        adding = QHBoxLayout()
        adding.setSpacing(8)
        adding.addWidget(self.kind)
        adding.addWidget(self.value, 2)
        adding.addWidget(self.reason, 3)
        adding.addWidget(self.add_button)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()

        self.model = DenyListModel(zone)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setFilterKeyColumn(-1)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = table(self.filtered)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_reason())
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self._filter)
        self.edit_button = button("")
        self.remove_button = button("", "danger")
        self.edit_button.clicked.connect(self.edit_reason)
        self.remove_button.clicked.connect(self.remove)
        actions = QHBoxLayout()
        actions.addWidget(self.search)
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.remove_button)

        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        self.refused = plain(label(role="muted"))
        self.refused.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.refused)
        for widget in (self.count, self.hint, self.kind, self.value, self.reason, self.add_button, self.table,
                       self.search, self.edit_button, self.remove_button, self.message):
            widget.setVisible(self.allowed)
        self.refused.setVisible(not self.allowed)
        if not self.allowed:
            layout.addStretch(1)
        self.follower = (AreaFollower(live, self.AREAS, self.refresh, parent=self)
                         if live is not None and self.allowed else None)
        self.retranslate()
        self._update_buttons()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        if self.follower is not None:
            self.follower.stop()

    def refresh(self) -> None:
        if not self.allowed or self._reading:
            return
        self._reading = True
        self.pool.submit(self.directory.deny_entries, on_done=self._show, on_error=self._read_failed)

    # -- the list --------------------------------------------------------------------------------------------

    def _show(self, entries: list[DenyEntryView]) -> None:
        self._reading = False
        chosen = self.selected_entry()
        self.model.set_rows(entries)
        if chosen is not None:
            self.select_entry(chosen.id)
        self.count.setText(self.tr("%n on the list", "", len(entries)))
        self._update_buttons()

    def _read_failed(self, error: ServiceError) -> None:
        self._reading = False
        self.message.setText(problem_text(error))

    def _filter(self, text: str) -> None:
        self.filtered.setFilterFixedString(text.strip())
        self._update_buttons()

    def selected_entry(self) -> DenyEntryView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(self.filtered.mapToSource(rows[0]).row()) if rows else None

    def select_entry(self, entry_id: int) -> bool:
        for row, entry in enumerate(self.model.rows):
            if entry.id == entry_id:
                shown = self.filtered.mapFromSource(self.model.index(row, 0))
                if shown.isValid():
                    self.table.selectRow(shown.row())
                    return True
        return False

    def shown_rows(self) -> list[list[str]]:
        """The table as the administrator reads it, row by row."""
        return [[str(self.filtered.index(r, c).data()) for c in range(self.filtered.columnCount())]
                for r in range(self.filtered.rowCount())]

    def _update_buttons(self) -> None:
        chosen = self.selected_entry() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(bool(self.value.text().strip()))

    # -- actions -----------------------------------------------------------------------------------------------

    def add(self) -> None:
        if not self.value.text().strip():
            return
        kind = DenyKind(self.kind.currentData())
        self.add_button.setEnabled(False)
        self.pool.submit(self.directory.add_deny_entry, kind, self.value.text(), self.reason.text(),
                         on_done=self._added, on_error=self._add_failed)

    def _added(self, entry_id: int) -> None:
        self.error.hide()
        self.message.setText(self.tr("Added: visitors who match are held for a supervisor at check-in."))
        self.value.clear()
        self.reason.clear()
        self._update_buttons()
        self._reading = False
        self.pool.submit(self.directory.deny_entries, on_done=lambda entries: self._show_added(entries, entry_id),
                         on_error=self._read_failed)

    def _show_added(self, entries: list[DenyEntryView], entry_id: int) -> None:
        self._show(entries)
        self.select_entry(entry_id)

    def _add_failed(self, error: ServiceError) -> None:
        self._update_buttons()
        self.error.setText(problem_text(error))
        self.error.show()
        wrong = {e.field for e in error.errors} if isinstance(error, ValidationFailed) else {"value"}
        (self.reason if wrong == {"reason"} else self.value).setFocus()

    def edit_reason(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        reason = self.ask_reason(
            self.tr("Change the reason"),
            self.tr("Why is \u201c{value}\u201d on the deny list? The desk reads this when it holds a visitor; "
                    "the visitor never sees it.").format(value=entry.value),
            self.tr("Save"), entry.reason)
        if reason is None:
            return
        self.pool.submit(self.directory.edit_deny_reason, entry.id, reason, on_done=self._acted,
                         on_error=self._failed)

    def remove(self) -> None:
        entry = self.selected_entry()
        if entry is None or not self.confirm(
            self.tr("Remove from the deny list?"),
            self.tr("Visitors matching \u201c{value}\u201d will no longer be held at check-in.").format(
                value=entry.value),
            self.tr("Remove"),
        ):
            return
        self.pool.submit(self.directory.remove_deny_entry, entry.id, on_done=self._acted, on_error=self._failed)

    def _acted(self, _result: object) -> None:
        self.message.setText(self.tr("Saved."))
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))
        self.refresh()

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Deny list"))
        self.hint.setText(self.tr(
            "A visitor whose name, phone number or company matches an entry, or whose details contain a keyword, "
            "is held at check-in until a supervisor releases them. Only administrators see this list."))
        self.refused.setText(self.tr("Only an administrator can see or change the deny list."))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, deny_kind_text(self.kind.itemData(index)))
        self.value.setPlaceholderText(self.tr("Name, phone number, company or keyword"))
        self.reason.setPlaceholderText(self.tr("Reason, for the desk (optional)"))
        self.add_button.setText(self.tr("Add to the deny list"))
        self.search.setPlaceholderText(self.tr("Find in the list"))
        self.edit_button.setText(self.tr("Change reason…"))
        self.remove_button.setText(self.tr("Remove"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.headers()) - 1)
