"""Hosts: the people visitors come to see. Search, add, edit, deactivate and reactivate; import HR's CSV.

A view of the desk's shell, for every role (daily work). The table is a ``LazyTableModel`` over the
directory gateway's ``hosts_table`` (ids sorted in SQL, rows read for what is on screen), so a
company of 50,000 opens and searches at once. Every action runs one gateway call on the worker pool
as the person signed in; the list follows ``Area.DIRECTORY`` (another desk, kioskctl, an import).

    view = HostsView(DeskDirectoryGateway(database, site_code, session.actor, session.role), pool, live=live)

Names and addresses a host or a file supplied reach Qt as plain text (table cells, ``plain`` labels).
Questions are replaceable attributes (``confirm``, ``choose_csv``, ``show_dialog``): tests answer
them instead of a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_directory import (
    DepartmentChoice,
    DeskDirectoryGateway,
    HostForm,
    HostQuery,
    HostRow,
    HostSort,
    HostsShown,
    ImportReport,
    RowProblem,
)
from kiosk.domain.changes import Area
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import RowsModel
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.directory_texts import (
    LANGUAGES,
    LOCAL_STYLE,
    field_texts,
    language_text,
    phone_text,
    problem_text,
)
from kiosk.ui.desk.filters import delayed_search, header_row
from kiosk.ui.desk.lazy_table import Column, LazyTableModel, LazyTableView, SortBinding
from kiosk.ui.desk.widgets import button, label, plain, table

SEARCH_DELAY_MS = 250
INACTIVE_COLOUR = "#9aa5b1"
SORT = SortBinding[HostQuery](
    of=lambda query: (query.sort, query.descending),
    by=lambda query, key, descending: replace(query, sort=HostSort(str(key)), descending=descending),
)


translate = QCoreApplication.translate


def host_columns() -> list[Column[HostRow]]:
    def dim(row: HostRow) -> str | None:
        return INACTIVE_COLOUR if not row.active else None

    def status(row: HostRow) -> str:
        return translate("HostsView", "Receives visitors") if row.active else translate("HostsView", "Inactive")

    return [
        Column(lambda: translate("HostsView", "Name"), lambda r: r.name, HostSort.NAME, 160, foreground=dim),
        Column(lambda: translate("HostsView", "Department"), lambda r: r.department, HostSort.DEPARTMENT, 180,
               foreground=dim),
        Column(lambda: translate("HostsView", "E-mail"), lambda r: r.email, HostSort.EMAIL, 260, foreground=dim),
        Column(lambda: translate("HostsView", "Phone"), lambda r: phone_text(r.phone), HostSort.PHONE, 160,
               foreground=dim),
        Column(lambda: translate("HostsView", "Notices in"), lambda r: language_text(r.language), None, 110,
               foreground=dim),
        Column(lambda: translate("HostsView", "Status"), status, HostSort.STATUS, 140, foreground=dim),
    ]


class HostsView(QWidget):
    """The Hosts view (see the module docstring)."""

    AREAS = frozenset({Area.DIRECTORY})
    saved = Signal(object)  # the HostRow an action left (added, edited, (re)activated)

    def __init__(self, directory: DeskDirectoryGateway, pool: WorkerPool, *, live: LiveChanges | None = None,
                 search_delay_ms: int = SEARCH_DELAY_MS) -> None:
        super().__init__()
        self.directory, self.pool = directory, pool
        self.setObjectName("AdminCentral")
        self.setStyleSheet(LOCAL_STYLE)
        # Replaced in tests: a modal dialog would wait for a click nobody makes.
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)
        self.choose_csv: Callable[[], str] = self._ask_for_csv
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.open()
        self.departments: list[DepartmentChoice] = []
        self.last_import: ImportReport | None = None

        self.model: LazyTableModel[HostQuery, HostRow] = LazyTableModel(
            directory.hosts_table, host_columns(), pool, HostQuery(), sort=SORT, parent=self)
        self.table = LazyTableView(self.model)
        self.table.setSelectionMode(LazyTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.model.countChanged.connect(self._show_count)
        self.model.failed.connect(self._failed)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_args: self._update_buttons())

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.import_button = button("")
        self.add_button = button("", "primary")
        self.import_button.clicked.connect(self.import_csv)
        self.add_button.clicked.connect(self.add)
        top = header_row(self.title, self.count, actions=(self.import_button, self.add_button))

        self.search, self._search_timer = delayed_search(self, self.apply_filters, delay_ms=search_delay_ms,
                                                         min_width=340)
        self.shown = QComboBox()
        for value in HostsShown:
            self.shown.addItem("", value.value)
        self.department = QComboBox()
        self.department.addItem("", None)
        self.department.setMinimumWidth(180)
        for combo in (self.shown, self.department):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filters())
        self.edit_button = button("")
        self.deactivate_button = button("", "danger")
        self.reactivate_button = button("")
        self.edit_button.clicked.connect(self.edit_selected)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.reactivate_button.clicked.connect(self.reactivate_selected)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.shown)
        filters.addWidget(self.department)
        filters.addStretch(1)
        filters.addSpacing(16)
        filters.addWidget(self.edit_button)
        filters.addWidget(self.deactivate_button)
        filters.addWidget(self.reactivate_button)

        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self.retranslate()
        self._update_buttons()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.model.start()
        self._read_departments()

    def stop(self) -> None:
        self._search_timer.stop()
        self.model.stop()
        if self.follower is not None:
            self.follower.stop()

    def refresh(self) -> None:
        """Hosts changed somewhere: the list is read again, the place and the selection kept."""
        self.model.refresh()
        self._read_departments()

    # -- the list --------------------------------------------------------------------------------------------

    def query(self) -> HostQuery:
        return replace(self.model.query, text=self.search.text(), shown=HostsShown(self.shown.currentData()),
                       department_id=self.department.currentData())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.query())

    def selected_host(self) -> HostRow | None:
        ids = self.table.selected_ids()
        if not ids:
            return None
        row = self.model.row_of(ids[0])
        return self.model.row_object(row) if row >= 0 else None

    def select_host(self, host_id: int) -> bool:
        return self.table.select_id(host_id)

    def _read_departments(self) -> None:
        self.pool.submit(self.directory.departments, on_done=self._show_departments, on_error=self._failed)

    def _show_departments(self, departments: list[DepartmentChoice]) -> None:
        self.departments = departments
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for department in departments:
            self.department.addItem(department.name, department.id)
        found = self.department.findData(chosen) if chosen is not None else 0
        self.department.setCurrentIndex(max(found, 0))
        self.department.blockSignals(False)
        if chosen is not None and found < 0:
            self.apply_filters()  # the department chosen is gone (renamed by an import)

    def _show_count(self, rows: int, complete: bool) -> None:
        self.count.setText(self.tr("%n host(s)", "", rows) if complete else self.tr("%n+ hosts…", "", rows))

    def _update_buttons(self) -> None:
        host = self.selected_host()
        self.edit_button.setEnabled(host is not None)
        self.deactivate_button.setEnabled(host is not None and host.active)
        self.reactivate_button.setEnabled(host is not None and not host.active)

    # -- actions -----------------------------------------------------------------------------------------------

    def add(self) -> None:
        self._open_form(None)

    def edit_selected(self) -> None:
        host = self.selected_host()
        if host is not None:
            self._open_form(host)

    def _open_form(self, host: HostRow | None) -> None:
        dialog = HostFormDialog(self.directory, self.pool, self.departments, host, self)
        dialog.saved.connect(self._saved)
        self.show_dialog(dialog)

    def _saved(self, row: HostRow) -> None:
        self.message.setText(self.tr("Saved {name} ({email}).").format(name=row.name, email=row.email))
        self.saved.emit(row)
        self.refresh()
        self.select_host(row.id)

    def deactivate_selected(self) -> None:
        host = self.selected_host()
        if host is None or not self.confirm(
            self.tr("Deactivate this host?"),
            self.tr("{name} will no longer be offered at the kiosk or for new invitations. Visits already "
                    "planned stay as they are. You can reactivate them later.").format(name=host.name),
            self.tr("Deactivate"),
        ):
            return
        self.pool.submit(self.directory.deactivate_host, host.id, on_done=self._activity_changed,
                         on_error=self._failed)

    def reactivate_selected(self) -> None:
        host = self.selected_host()
        if host is not None:
            self.pool.submit(self.directory.reactivate_host, host.id, on_done=self._activity_changed,
                             on_error=self._failed)

    def _activity_changed(self, row: HostRow) -> None:
        text = (self.tr("{name} receives visitors again.") if row.active else
                self.tr("{name} no longer receives visitors."))
        self.message.setText(text.format(name=row.name))
        self.saved.emit(row)
        self.refresh()

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))
        if error.code == "not_found":
            self.refresh()

    # -- import ------------------------------------------------------------------------------------------------

    def _ask_for_csv(self) -> str:
        chosen, _kind = QFileDialog.getOpenFileName(self, self.tr("Import hosts"), "", self.tr("CSV (*.csv)"))
        return chosen

    def import_csv(self) -> None:
        path = self.choose_csv()
        if not path:
            return
        dialog = ImportReportDialog(path, self)
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Importing…"))
        self.show_dialog(dialog)
        self.pool.submit(self.directory.import_hosts, path, on_done=lambda report: self._imported(dialog, report),
                         on_error=lambda error: self._import_failed(dialog, error))

    def _imported(self, dialog: ImportReportDialog, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.last_import = report
        dialog.show_report(report)
        self.message.setText(dialog.summary.text())
        self.refresh()

    def _import_failed(self, dialog: ImportReportDialog, error: ServiceError) -> None:
        self.import_button.setEnabled(True)
        dialog.show_error(error)
        self.message.setText(problem_text(error))

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Hosts"))
        self.search.setPlaceholderText(self.tr("Name, pinyin, initials, e-mail or department"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.add_button.setText(self.tr("Add host…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.deactivate_button.setText(self.tr("Deactivate"))
        self.reactivate_button.setText(self.tr("Reactivate"))
        shown = {HostsShown.ACTIVE: self.tr("Receive visitors"), HostsShown.INACTIVE: self.tr("Inactive"),
                 HostsShown.ALL: self.tr("Everyone")}
        for index in range(self.shown.count()):
            self.shown.setItemText(index, shown[HostsShown(self.shown.itemData(index))])
        self.department.setItemText(0, self.tr("All departments"))
        self.model.retranslate()
        if self.model.rowCount() or self.model.complete:
            self._show_count(self.model.rowCount(), self.model.complete)


class HostFormDialog(QDialog):
    """A new host, or one host's fields to change. Saves through the worker pool as the person signed
    in; a refusal stays in the dialog (the wrong fields marked) until it is put right or cancelled."""

    saved = Signal(object)  # HostRow

    def __init__(self, directory: DeskDirectoryGateway, pool: WorkerPool, departments: list[DepartmentChoice],
                 host: HostRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory, self.pool, self.host = directory, pool, host
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Edit host") if host is not None else self.tr("Add a host"))
        self.name, self.email, self.phone, self.chat = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setMaxLength(100)
        self.email.setMaxLength(320)
        self.phone.setMaxLength(32)
        self.chat.setMaxLength(500)
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.department.addItem("")
        for choice in departments:
            self.department.addItem(choice.name)
        editor = self.department.lineEdit()
        if editor is not None:
            editor.setMaxLength(200)
        self.language = QComboBox()
        for language in LANGUAGES:
            self.language.addItem(language_text(language), language)
        self.fields: dict[str, QWidget] = {
            "name": self.name, "email": self.email, "department": self.department, "phone": self.phone,
            "chat_address": self.chat, "language": self.language,
        }
        form = QFormLayout()
        form.setSpacing(10)
        for key, text in (("name", self.tr("Name")), ("email", self.tr("E-mail")),
                          ("department", self.tr("Department")), ("phone", self.tr("Phone")),
                          ("chat_address", self.tr("Chat address")), ("language", self.tr("Notices in"))):
            widget = self.fields[key]
            widget.setMinimumWidth(360)
            form.addRow(label(text), widget)
        self.hint = label(self.tr("Visitors find hosts at the kiosk by name, pinyin or initials. Arrival notices "
                                  "go to the e-mail address (and the chat address, if any)."), "muted")
        self.hint.setWordWrap(True)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = button(self.tr("Save") if host is not None else self.tr("Add host"), "primary")
        self.cancel = button(self.tr("Cancel"))
        self.save.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        if host is not None:
            self.name.setText(host.name)
            self.email.setText(host.email)
            self.department.setEditText(host.department)
            self.phone.setText(host.phone)
            self.chat.setText(host.chat_address)
            self.language.setCurrentIndex(max(self.language.findData(host.language), 0))
        else:
            self.language.setCurrentIndex(0)

    def form(self) -> HostForm:
        return HostForm(
            name=self.name.text(), email=self.email.text(), department=self.department.currentText(),
            phone=self.phone.text(), chat_address=self.chat.text(), language=str(self.language.currentData()),
        )

    def submit(self) -> None:
        self.save.setEnabled(False)
        self._mark(set())
        if self.host is None:
            self.pool.submit(self.directory.add_host, self.form(), on_done=self._done, on_error=self._failed)
        else:
            self.pool.submit(self.directory.edit_host, self.host.id, self.form(), on_done=self._done,
                             on_error=self._failed)

    def _done(self, row: HostRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _failed(self, error: ServiceError) -> None:
        self.save.setEnabled(True)
        wrong = {e.field for e in error.errors} if isinstance(error, ValidationFailed) else set()
        if error.code in ("email_taken", "email_taken_inactive"):
            wrong.add("email")
        self._mark(wrong)
        self.error.setText(problem_text(error))
        self.error.show()
        first = next((self.fields[k] for k in self.fields if k in wrong), None)
        if first is not None:
            first.setFocus()

    def _mark(self, wrong: set[str]) -> None:
        for key, widget in self.fields.items():
            marked = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
            if marked is None:
                continue
            marked.setProperty("invalid", key in wrong)
            marked.style().unpolish(marked)
            marked.style().polish(marked)

    def is_marked(self, key: str) -> bool:
        widget = self.fields[key]
        marked: Any = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
        return bool(marked.property("invalid"))


class ProblemsModel(RowsModel):
    """The lines of a CSV file that were not imported: line number, what is wrong, the line as read."""

    def __init__(self) -> None:
        from zoneinfo import ZoneInfo

        super().__init__(ZoneInfo("UTC"))  # no times here

    def headers(self) -> list[str]:
        return [translate("HostsView", "Line"), translate("HostsView", "The line in the file"),
                translate("HostsView", "What is wrong")]

    def cell(self, row: RowProblem, column: int) -> str:
        if column == 0:
            return str(row.line)
        if column == 1:
            return row.text
        return field_texts(row.errors) or row.message


class ImportReportDialog(QDialog):
    """An import under way, then its report: how many hosts were added, updated or already right, and
    every line that was not imported with what is wrong with it (those lines are all that was skipped)."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import hosts"))
        self.resize(860, 520)
        self.file = plain(label(path, "muted"))
        self.file.setWordWrap(True)
        self.summary = plain(label(self.tr("Importing…"), "title"))
        self.summary.setWordWrap(True)
        self.hint = label("", "muted")
        self.hint.setWordWrap(True)
        self.problems = ProblemsModel()
        self.problem_table = table(self.problems)
        self.problem_table.setWordWrap(True)
        self.problem_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.problem_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.problem_table.hide()
        self.close_button = button(self.tr("Close"), "primary")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.summary)
        layout.addWidget(self.file)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem_table, 1)
        layout.addLayout(buttons)

    def show_report(self, report: ImportReport) -> None:
        counts = self.tr("{added} added, {updated} updated, {unchanged} already up to date.").format(
            added=report.created, updated=report.updated, unchanged=report.unchanged)
        if report.problems:
            skipped = self.tr("%n line(s) not imported.", "", len(report.problems))
            self.summary.setText(self.tr("{counts} {skipped}").format(counts=counts, skipped=skipped))
            self.hint.setText(self.tr("The other lines are saved. Put these lines right in the file and import it "
                                      "again: hosts already imported are not added twice."))
        else:
            self.summary.setText(counts)
            self.hint.setText(self.tr("Every line was imported."))
        self.problems.set_rows(report.problems)
        self.problem_table.setVisible(bool(report.problems))
        self.problem_table.resizeRowsToContents()

    def show_error(self, error: ServiceError) -> None:
        self.summary.setText(self.tr("Nothing was imported."))
        self.hint.setText(problem_text(error))
        self.problem_table.hide()

    def problem_lines(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and screen readers)."""
        return [tuple(self.problems.cell(row, c) for c in range(3)) for row in self.problems.rows]  # type: ignore[misc]

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.accept()
            return
        super().keyPressEvent(event)
