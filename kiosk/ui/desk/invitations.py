"""Invitations: the visitors the site expects, soonest first; new, edit, reschedule, resend, cancel, and a
group from a CSV file.

A view of the desk's shell. The list is a ``LazyTableModel`` over ``DeskInvitationsGateway`` (ids sorted
in SQL, the rows on screen read a page at a time on the worker pool), filtered by a search, a period
and a host; it follows the VISITS and NOTIFICATIONS areas, so a kiosk's check-in or an e-mail sent
shows within a second. Every action runs as the person signed in.

    view = InvitationsView(DeskInvitationsGateway(database, site_code, actor), pool, zone=zone,
                           now=clock.now, live=live)

``confirm`` (are you sure?), ``show_dialog`` (how a form is shown; ``open()``) and ``choose_pdf_path`` (where
the lobby poster is saved) are replaced in tests: a modal dialog would wait for a click nobody makes.

"Lobby poster…" saves the A4 poster for the door (a QR code of ``<[notify] public_url>/visit``) as a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.application.gateways.desk_invitations import (
    DeskInvitationsGateway,
    GroupImportReport,
    InvitationCreated,
    InvitationEdited,
    InvitationQuery,
    InvitationRow,
    InvitationSort,
)
from kiosk.devices.printer.painter import visit_page_url, write_poster_pdf
from kiosk.domain.changes import Area
from kiosk.domain.notifications import NotificationStatus
from kiosk.domain.visits import VisitStatus
from kiosk.services.errors import ServiceError
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import STATUS_COLOURS, status_text
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.filters import delayed_search, header_row
from kiosk.ui.desk.invitation_forms import (
    FORM_STYLE,
    EditInvitationDialog,
    GroupImportDialog,
    HostField,
    NewInvitationDialog,
    RescheduleDialog,
    date_edit,
    day_of,
    invitation_created_text,
    phone_text,
    service_error_text,
)
from kiosk.ui.desk.lazy_table import Column, LazyTableModel, LazyTableView, SortBinding
from kiosk.ui.desk.meeting_choice import MeetingSource
from kiosk.ui.desk.widgets import button, label, plain

SEARCH_DELAY_MS = 250
# The period filter: (key, days ahead of today inclusive; None: every day from today on).
PERIODS: tuple[tuple[str, int | None], ...] = (("upcoming", None), ("today", 0), ("7", 6), ("30", 29), ("custom", None))
SORT = SortBinding[InvitationQuery](
    of=lambda query: (query.sort, query.descending),
    by=lambda query, key, descending: replace(query, sort=InvitationSort(str(key)), descending=descending),
)
MAIL_COLOURS = {NotificationStatus.FAILED: "#b42318", NotificationStatus.SENT: "#1b6b36"}


def mail_text(status: NotificationStatus | None) -> str:
    translate = QCoreApplication.translate
    if status is None:
        return translate("Invitations", "No e-mail")
    return {
        NotificationStatus.PENDING: translate("Invitations", "Queued"),
        NotificationStatus.SENDING: translate("Invitations", "Sending"),
        NotificationStatus.SENT: translate("Invitations", "Sent"),
        NotificationStatus.FAILED: translate("Invitations", "Not delivered"),
    }[status]


def invitation_columns(zone: ZoneInfo, today: Callable[[], date]) -> list[Column[InvitationRow]]:
    translate = QCoreApplication.translate

    def window(row: InvitationRow) -> str:
        if row.expected_start is None:
            return translate("Invitations", "Any time")
        start = row.expected_start.astimezone(zone).strftime("%H:%M")
        return f"{start}–{row.expected_end.astimezone(zone).strftime('%H:%M')}" if row.expected_end else start

    def day(row: InvitationRow) -> str:
        if row.visit_date == today():
            return translate("Invitations", "Today")
        shown = QDate(row.visit_date.year, row.visit_date.month, row.visit_date.day)
        # The weekday in the desk's language: the default locale follows the language chosen.
        return QLocale().toString(shown, "MM-dd ddd" if row.visit_date.year == today().year else "yyyy-MM-dd ddd")

    def status(row: InvitationRow) -> str:
        text = status_text(row.status.value)
        return f"{text} · VIP" if row.vip else text

    def status_colour(row: InvitationRow, which: int) -> str | None:
        colours = STATUS_COLOURS.get(row.status.value)
        return colours[which] if colours else None

    return [
        Column(lambda: translate("Invitations", "Day"), day, InvitationSort.WHEN, 115),
        Column(lambda: translate("Invitations", "Time"), window, None, 110),
        Column(lambda: translate("Invitations", "Visitor"), lambda r: r.visitor_name, InvitationSort.VISITOR, 130),
        Column(lambda: translate("Invitations", "Company"), lambda r: r.company, InvitationSort.COMPANY, 160),
        Column(lambda: translate("Invitations", "Phone"), lambda r: phone_text(r.phone), None, 135),
        Column(lambda: translate("Invitations", "E-mail"), lambda r: r.email, None, 175),
        Column(lambda: translate("Invitations", "Host"), lambda r: r.host_name, InvitationSort.HOST, 110),
        Column(lambda: translate("Invitations", "Status"), status, None, 125,
               foreground=lambda r: status_colour(r, 1), background=lambda r: status_colour(r, 0)),
        Column(lambda: translate("Invitations", "Invitation e-mail"), lambda r: mail_text(r.email_status), None, 130,
               foreground=lambda r: MAIL_COLOURS.get(r.email_status) if r.email_status else "#7b8794"),
    ]


class InvitationsView(QWidget):
    """The Invitations view (see the module docstring)."""

    # The areas this view shows: a change to any of them, anywhere, refreshes it.
    AREAS = frozenset({Area.VISITS, Area.NOTIFICATIONS})

    def __init__(
        self, gateway: DeskInvitationsGateway, pool: WorkerPool, *, zone: ZoneInfo, now: Callable[[], datetime],
        live: LiveChanges | None = None, search_delay_ms: int = SEARCH_DELAY_MS, site_name: str = "",
        public_url: str = "", meetings: MeetingSource | None = None,
    ) -> None:
        super().__init__()
        self.gateway, self.pool, self.zone, self.now = gateway, pool, zone, now
        self.site_name, self.visit_page_url = site_name, visit_page_url(public_url)
        self.meetings = meetings  # the day's meetings, for the invitation form
        self.setObjectName("AdminCentral")
        self.setStyleSheet(FORM_STYLE)
        # Replaced in tests: a modal dialog would wait for a click nobody makes.
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.open()
        self.choose_pdf_path: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, self.tr("Save the lobby poster"), name, "PDF (*.pdf)")[0]
        self.dialog: QDialog | None = None  # the form open now, if any
        self._started = False  # nothing is read before the shell starts the view

        self.model: LazyTableModel[InvitationQuery, InvitationRow] = LazyTableModel(
            gateway, invitation_columns(zone, self._today), pool, InvitationQuery(), sort=SORT, parent=self)
        self.table = LazyTableView(self.model)
        self.table.setSelectionMode(LazyTableView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.model.countChanged.connect(self._show_count)
        self.model.busyChanged.connect(self._show_busy)
        self.model.failed.connect(self._read_failed)
        self.model.dataChanged.connect(lambda *_args: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        self.title = label("", "title")
        self.count = plain(label(role="count"))
        self.busy = label(role="muted")
        self.new_button = button("", "primary")
        self.group_button = button("")
        self.poster_button = button("")
        self.new_button.clicked.connect(self.new_invitation)
        self.group_button.clicked.connect(self.import_group)
        self.poster_button.clicked.connect(self.save_poster)
        top = header_row(self.title, self.count, busy=self.busy,
                         actions=(self.poster_button, self.group_button, self.new_button))

        self.search, self._search_timer = delayed_search(self, self.apply_filters, delay_ms=search_delay_ms,
                                                         min_width=300)
        self.period = QComboBox()
        for key, _days in PERIODS:
            self.period.addItem("", key)
        today = self._today()
        self.first_day, self.last_day = date_edit(today), date_edit(today + timedelta(days=6))
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(lambda _day: self.apply_filters())
        self.host = HostField(gateway.search_hosts, pool)
        self.host.setMinimumWidth(220)
        self.host.host_changed.connect(self._host_changed)
        self.cancelled = QCheckBox()
        self.cancelled.toggled.connect(lambda _on: self.apply_filters())
        self.period.currentIndexChanged.connect(self._period_changed)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search, 2)
        for widget in (self.period, self.first_day, self.last_day):
            filters.addWidget(widget)
        filters.addWidget(self.host, 1)
        filters.addWidget(self.cancelled)

        self.edit_button = button("")
        self.reschedule_button = button("")
        self.resend_button = button("")
        self.cancel_button = button("", "danger")
        self.edit_button.clicked.connect(self.edit)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.resend_button.clicked.connect(self.resend)
        self.cancel_button.clicked.connect(self.cancel)
        actions = QHBoxLayout()
        for action in (self.edit_button, self.reschedule_button, self.resend_button, self.cancel_button):
            actions.addWidget(action)
        actions.addStretch(1)

        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self._period_changed()
        self.retranslate()
        self._update_buttons()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self._started = True
        self.model.set_query(self.query())
        if not self.model.busy and not self.model.rowCount():
            self.model.start()

    def stop(self) -> None:
        self._search_timer.stop()
        self.host.stop()
        self.model.stop()
        if self.follower is not None:
            self.follower.stop()
        if self.dialog is not None:
            self.dialog.reject()

    def refresh(self) -> None:
        """Invitations or their e-mails changed somewhere: the list is read again, the place kept."""
        self.model.refresh()

    # -- the query --------------------------------------------------------------------------------------------

    def _today(self) -> date:
        return self.now().astimezone(self.zone).date()

    def query(self) -> InvitationQuery:
        first, last = self._days()
        host = self.host.selected
        return replace(self.model.query, text=self.search.text(), first_day=first, last_day=last,
                       host_id=host.id if host is not None else None, include_cancelled=self.cancelled.isChecked())

    def apply_filters(self) -> None:
        self._search_timer.stop()
        if self._started:
            self.model.set_query(self.query())

    def _days(self) -> tuple[date | None, date | None]:
        key = self.period.currentData()
        if key == "custom":
            first, last = day_of(self.first_day), day_of(self.last_day)
            return (first, last) if first <= last else (last, first)
        days = dict(PERIODS)[key]
        today = self._today()
        return today, (today + timedelta(days=days) if days is not None else None)

    def _period_changed(self, *_args: object) -> None:
        custom = self.period.currentData() == "custom"
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)
        self.apply_filters()

    def _host_changed(self) -> None:
        # Choosing filters; emptying the box shows every host again (typing alone does not filter).
        if self.host.selected is not None or not self.host.edit.text().strip():
            self.apply_filters()

    # -- the selection ------------------------------------------------------------------------------------------

    def selected(self) -> InvitationRow | None:
        """The selected invitation, once its row has been read."""
        chosen = self.table.selected_ids()
        return self.model.row_object(self.model.row_of(chosen[0])) if chosen else None

    def select(self, visit_id: int) -> bool:
        return self.table.select_id(visit_id)

    def _update_buttons(self) -> None:
        row = self.selected()
        open_ = row is not None and row.status is VisitStatus.INVITED
        for widget in (self.edit_button, self.reschedule_button, self.cancel_button):
            widget.setEnabled(open_)
        self.resend_button.setEnabled(open_ and bool(row and row.email) and row is not None
                                      and row.visit_date >= self._today())

    # -- actions ------------------------------------------------------------------------------------------------

    def new_invitation(self) -> None:
        dialog = NewInvitationDialog(self.gateway, self.pool, today=self._today(), host=self.host.selected,
                                     meetings=self.meetings, zone=self.zone, parent=self)
        dialog.saved.connect(lambda created: self._created(dialog, created))
        self._open(dialog)

    def _created(self, dialog: NewInvitationDialog, created: InvitationCreated) -> None:
        self._acted(invitation_created_text(created, dialog.emailed), select=created.visit_id)

    def edit(self) -> None:
        row = self.selected()
        if row is None or row.status is not VisitStatus.INVITED:
            return
        dialog = EditInvitationDialog(self.gateway, self.pool, row, zone=self.zone, today=self._today(), parent=self)
        dialog.saved.connect(lambda edited: self._edited(row, edited))
        self._open(dialog)

    def _edited(self, row: InvitationRow, edited: InvitationEdited) -> None:
        if not edited.changed:
            self._say(self.tr("Nothing was changed."))
        elif edited.emailed:
            self._acted(self.tr("Saved. {visitor} is e-mailed the change with a new QR code; the old one no longer "
                                "works.").format(visitor=row.visitor_name))
        else:
            self._acted(self.tr("Saved."))

    def reschedule(self) -> None:
        row = self.selected()
        if row is None or row.status is not VisitStatus.INVITED:
            return
        dialog = RescheduleDialog(self.gateway, self.pool, row, zone=self.zone, today=self._today(), parent=self)
        dialog.saved.connect(lambda moved: self._moved(row, moved))
        self._open(dialog)

    def _moved(self, row: InvitationRow, moved: InvitationCreated) -> None:
        day = moved.visit_date.isoformat()
        self._acted(self.tr("{visitor} now comes on {day}; a new QR code is e-mailed, the old one no longer works.")
                    .format(visitor=row.visitor_name, day=day) if row.email else
                    self.tr("{visitor} now comes on {day}.").format(visitor=row.visitor_name, day=day))

    def resend(self) -> None:
        row = self.selected()
        if row is None or not row.email or not self.confirm(
            self.tr("Send the invitation again?"),
            self.tr("{visitor} is e-mailed the invitation again at {email} with a new QR code. The code sent "
                    "before stops working.").format(visitor=row.visitor_name, email=row.email),
            self.tr("Send again"),
        ):
            return
        self.pool.submit(self.gateway.resend, row.id, on_error=self._action_failed,
                         on_done=lambda _sent: self._acted(self.tr("The invitation is e-mailed to {visitor} again.")
                                                           .format(visitor=row.visitor_name)))

    def cancel(self) -> None:
        row = self.selected()
        if row is None or row.status is not VisitStatus.INVITED or not self.confirm(
            self.tr("Cancel the invitation?"),
            self.tr("{visitor}'s visit on {day} is cancelled and the QR code stops working.").format(
                visitor=row.visitor_name, day=row.visit_date.isoformat())
            + (" " + self.tr("The visitor is told by e-mail.") if row.email else ""),
            self.tr("Cancel invitation"),
        ):
            return
        self.pool.submit(self.gateway.cancel, row.id, on_error=self._action_failed,
                         on_done=lambda _r: self._acted(self.tr("{visitor}'s invitation is cancelled.").format(
                             visitor=row.visitor_name)))

    def import_group(self) -> None:
        dialog = GroupImportDialog(self.gateway, self.pool, today=self._today(), parent=self)
        if self.host.selected is not None:
            dialog.host.choose(self.host.selected)
        dialog.saved.connect(self._group_invited)
        self._open(dialog)

    def _group_invited(self, report: GroupImportReport) -> None:
        first = report.invited[0] if report.invited else None
        self._acted(self.tr("%n visitor(s) invited.", "", len(report.invited)),
                    select=first.visit_id if first else None)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.show_dialog(dialog)

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _acted(self, text: str, *, select: int | None = None) -> None:
        self._say(text)
        self.model.refresh()
        if select is not None:
            self._select_when_listed(select)

    def _select_when_listed(self, visit_id: int) -> None:
        """Select the visit once the refreshed list has it (at once when the pool answers inline)."""
        if self.select(visit_id):
            return

        def listed(*_args: Any) -> None:
            if self.select(visit_id) or not self.model.busy:
                self.model.countChanged.disconnect(listed)

        self.model.countChanged.connect(listed)

    def _action_failed(self, error: ServiceError) -> None:
        self._say(service_error_text(error))
        self.model.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- the lobby poster ---------------------------------------------------------------------------------------

    def save_poster(self) -> None:
        """The A4 poster for the lobby door, a QR code of the pre-registration page, saved as a PDF."""
        if not self.visit_page_url:
            self._say(self.tr("Set [notify] public_url in the settings file to make the lobby poster."))
            return
        path = self.choose_pdf_path("lobby-poster.pdf")
        if not path:
            return
        try:
            write_poster_pdf(Path(path), site_name=self.site_name, url=self.visit_page_url)
        except OSError as exc:
            self._say(self.tr("The PDF was not saved: {error}").format(error=exc))
            return
        self._say(self.tr("Lobby poster saved: {path}").format(path=path))

    # -- answers ------------------------------------------------------------------------------------------------

    def _show_count(self, rows: int, complete: bool) -> None:
        self.count.setText(self.tr("%n invitation(s)", "", rows) if complete else
                           self.tr("%n+ invitations, counting…", "", rows))
        self._update_buttons()

    def _show_busy(self, busy: bool) -> None:
        self.busy.setText(self.tr("Searching…") if busy else "")

    def _read_failed(self, error: Exception) -> None:
        reason = getattr(error, "message", str(error))
        self._say(self.tr("Could not read the invitations: {error}").format(error=reason))

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Invitations"))
        self.new_button.setText(self.tr("New invitation"))
        self.group_button.setText(self.tr("Invite a group (CSV)…"))
        self.poster_button.setText(self.tr("Lobby poster…"))
        self.poster_button.setToolTip(self.tr("A4 poster for the lobby door: visitors scan it to register ahead"))
        self.edit_button.setText(self.tr("Edit"))
        self.reschedule_button.setText(self.tr("Reschedule"))
        self.resend_button.setText(self.tr("Send again"))
        self.cancel_button.setText(self.tr("Cancel invitation"))
        self.search.setPlaceholderText(self.tr("Find: visitor, company, phone, e-mail, host"))
        self.host.edit.setPlaceholderText(self.tr("Any host (name, pinyin, initials)"))
        self.cancelled.setText(self.tr("Show cancelled"))
        periods = {
            "upcoming": self.tr("All upcoming"), "today": self.tr("Today"), "7": self.tr("Next 7 days"),
            "30": self.tr("Next 30 days"), "custom": self.tr("Choose days…"),
        }
        for index in range(self.period.count()):
            self.period.setItemText(index, periods[self.period.itemData(index)])
        self.model.retranslate()
