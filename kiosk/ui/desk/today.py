"""Today at the desk: the day's visitors with counts, the selected visit in full, the on-site roster
(the evacuation list) and reception's notices. Any day can be looked at; today is the default.

A view of the desk's shell (``kiosk.ui.desk``). All lists are read in one worker job every few
seconds (and on demand); each button runs one gateway action in a worker as the person signed
in, and refreshes when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QStatusBar,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.domain.changes import Area
from kiosk.domain.printing import PrintJobStatus
from kiosk.domain.security import Permission, may
from kiosk.domain.visits import VisitStatus
from kiosk.services.errors import ServiceError
from kiosk.services.notifications.sending import NotificationView
from kiosk.services.visits.roster import RosterEntry
from kiosk.services.visits.visit_detail import VisitDetail
from kiosk.services.visits.visit_log import VisitSummary
from kiosk.ui.common.flow_layout import flow_row
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.alerts import AlertsPage
from kiosk.ui.desk.board_models import RosterTableModel, VisitTableModel, board_order, status_key
from kiosk.ui.desk.column_fit import ColumnFit
from kiosk.ui.desk.dialogs import ask_reason, ask_to_confirm
from kiosk.ui.desk.elided import ElidedLabel
from kiosk.ui.desk.evacuation import roster_document, save_pdf
from kiosk.ui.desk.invitation_forms import (
    DeskWalkInDialog,
    NewInvitationDialog,
    invitation_created_text,
    walk_in_result_text,
)
from kiosk.ui.desk.meeting_choice import MeetingSource
from kiosk.ui.desk.visit_panel import VisitPanel
from kiosk.ui.desk.widgets import button, label, table

REFRESH_MS = 5000
# The board's columns shown while it has room for them, dropped in this order when it has not (the visit's detail
# beside the board says them): department, purpose, signed out at.
OPTIONAL_COLUMNS = (4, 5, 8)
PANEL_MIN_WIDTH = 320  # the visit's detail; its lines wrap
SAFETY_REFRESH_MS = 30_000
# The tab's count badge: the same red as "Held" on the board, since a failed notice also needs the desk.
# The date box as the desk's other boxes (the window's style sheet has no rule for it: a half-drawn arrow button).
DATE_STYLE = (
    "QDateEdit { font-size: 15px; min-height: 36px; padding: 0 10px; border: 1px solid #cbd2d9; border-radius: 8px;"
    " background: #ffffff; color: #1f2a33; }"
    "QDateEdit::drop-down { subcontrol-origin: padding; subcontrol-position: center right; width: 26px; border: none; }"
    "QDateEdit::down-arrow { image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);"
    " width: 12px; height: 12px; }"
)
TAB_BADGE_STYLE = ("background: #b42318; color: #ffffff; border-radius: 10px; padding: 0 7px;"
                   "font-size: 12px; font-weight: 600; min-height: 20px;")


@dataclass(frozen=True)
class DeskSnapshot:
    """Everything one refresh reads, so the lists on screen agree with each other."""

    day: date
    visits: list[VisitSummary]
    roster: list[RosterEntry]
    alerts: list[NotificationView]
    failed: list[NotificationView]
    badges: dict[int, PrintJobStatus]  # visit id -> status of the latest badge job the desk queued for it


def day_counts(visits: list[VisitSummary], now: datetime) -> dict[str, int]:
    """The board's chips: how many are expected, here, waiting, held, late, gone."""
    counts = dict.fromkeys(("expected", "on_site", "waiting", "held", "overdue", "signed_out"), 0)
    for visit in visits:
        key = status_key(visit)
        if key == "held":
            counts["held"] += 1
        elif key == "pending_approval":
            counts["waiting"] += 1
        elif key == "checked_in":
            counts["on_site"] += 1
        elif key == "checked_out":
            counts["signed_out"] += 1
        elif key in ("invited", "approved"):
            counts["expected"] += 1
            if visit.expected_start is not None and visit.expected_start < now:
                counts["overdue"] += 1
    return counts


class TodayView(QWidget):
    # The shell draws the receptionist's eye (a chime, the navigation item) when a view emits this.
    attention = Signal(str)
    # What Today shows: a change to any of these, anywhere, refreshes it within a second.
    AREAS = frozenset({Area.VISITS, Area.NOTIFICATIONS})

    def __init__(
        self, desk: DeskGateway, pool: WorkerPool, *, site_name: str, zone: ZoneInfo,
        now: Callable[[], datetime], refresh_ms: int = REFRESH_MS, live: LiveChanges | None = None,
        invitations: DeskInvitationsGateway | None = None, meetings: MeetingSource | None = None,
    ) -> None:
        super().__init__()
        self.desk, self.pool, self.zone, self.now = desk, pool, zone, now
        self.setObjectName("AdminCentral")
        self.visits = VisitTableModel(zone)
        self.roster = RosterTableModel(zone)
        self.day: date | None = None  # None: today at the site, whatever the date when it is read
        self._refreshing = False
        self._showing_day = False
        self._detail_asked = 0
        # Replaced in tests: a modal dialog would wait for a click nobody makes.
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)
        self.ask_reason: Callable[..., str | None] = lambda *texts, **options: ask_reason(self, *texts, **options)
        self.choose_pdf_path: Callable[[str], str] = lambda name: QFileDialog.getSaveFileName(
            self, self.tr("Save the evacuation list"), name, "PDF (*.pdf)")[0]
        self.choose_printer: Callable[[QDialog], bool] = lambda dialog: dialog.exec() == QDialog.DialogCode.Accepted
        self.site_name = site_name
        self.invitations, self.meetings = invitations, meetings  # the day's meetings, for the invitation form
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.open()

        # The title and the time read last give way (whole in their tooltips) rather than widen the desk.
        self.title = ElidedLabel(self.tr("Today's visitors"), "title")
        self.updated = ElidedLabel(role="muted", min_chars=14)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setStyleSheet(DATE_STYLE)
        self.date.dateChanged.connect(self._date_chosen)
        self.today_button = button(self.tr("Today"))
        self.today_button.clicked.connect(self.show_today)
        self.refresh_button = button(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.walk_in_button = button(self.tr("Register a walk-in…"))
        self.invite_button = button(self.tr("New invitation…"), "primary")
        self.walk_in_button.clicked.connect(self.register_walk_in)
        self.invite_button.clicked.connect(self.new_invitation)
        for widget in (self.walk_in_button, self.invite_button):
            widget.setVisible(invitations is not None)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.updated)
        top.addStretch(1)
        top.addWidget(self.date)
        top.addWidget(self.today_button)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.walk_in_button)
        top.addWidget(self.invite_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._board_page(), self.tr("Visitor board"))
        self.tabs.addTab(self._roster_page(), self.tr("On site (evacuation)"))
        self.notices = AlertsPage(zone)
        self.notices.retry_requested.connect(self._retry_notice)
        self.notices.acknowledge_requested.connect(self._acknowledge_alert)
        self.notices_tab = self.tabs.addTab(self.notices, self.tr("Alerts"))
        self.notices_badge = label()
        self.notices_badge.setStyleSheet(TAB_BADGE_STYLE)
        self.notices_badge.hide()
        self.tabs.tabBar().setTabButton(self.notices_tab, QTabBar.ButtonPosition.RightSide, self.notices_badge)

        self._status = QStatusBar()
        self._status.setSizeGripEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 0)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._status)

        # Live, the timer is only a safety net (a watcher that cannot reach the database says so).
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms if live is None else max(refresh_ms, SAFETY_REFRESH_MS))
        self._timer.timeout.connect(self.refresh)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self._again = False
        self._select_after_read: int | None = None
        self._waiting_ids: set[int] | None = None  # None until the first read: nothing is "new" at sign-in
        self._update_buttons()

    def statusBar(self) -> QStatusBar:
        return self._status

    def _board_page(self) -> QWidget:
        self.board = table(self.visits)
        self.board.selectionModel().selectionChanged.connect(self._selection_changed)
        self.approve_button = button(self.tr("Approve"), "primary")
        self.deny_button = button(self.tr("Decline"), "danger")
        self.check_in_button = button(self.tr("Check in"))
        self.sign_out_button = button(self.tr("Sign out"))
        self.reprint_button = button(self.tr("Reprint badge"))
        self.reissue_button = button(self.tr("Lost badge \u2013 reissue"))
        self.no_show_button = button(self.tr("No-show"))
        self.release_button = button(self.tr("Release hold"), "danger")
        # Only a supervisor may let a deny-list hit in; the others do not see the button at all.
        self.release_button.setVisible(may(self.desk.role, Permission.OVERRIDE_DENY_LIST))
        self.approve_button.clicked.connect(lambda: self._act(self.desk.approve))
        self.deny_button.clicked.connect(self.decline)
        self.no_show_button.clicked.connect(lambda: self._act(self.desk.mark_no_show))
        self.release_button.clicked.connect(self.release_hold)
        self.check_in_button.clicked.connect(lambda: self._act(self.desk.check_in))
        self.sign_out_button.clicked.connect(lambda: self._act(self.desk.sign_out))
        self.reprint_button.clicked.connect(self.reprint_badge)
        self.reissue_button.clicked.connect(self.reissue_badge)
        self.waiting = label(role="count")
        self.chips = {key: label(role="chip") for key in ("expected", "on_site", "held", "overdue", "signed_out")}
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find on the board: name, company, host"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self._filter)
        counts = QHBoxLayout()
        counts.addWidget(self.waiting)
        for chip in self.chips.values():
            counts.addWidget(chip)
        counts.addStretch(1)
        counts.addWidget(self.search, 1)  # grows into the room the chips leave, up to its maximum
        # A wrapping row: the buttons side by side made the desk wider than the screen in English.
        actions = flow_row(self.approve_button, self.deny_button, self.release_button, self.check_in_button,
                           self.sign_out_button, self.no_show_button, self.reprint_button, self.reissue_button)
        self.panel = VisitPanel(self.zone)
        self.panel.setMinimumWidth(PANEL_MIN_WIDTH)
        self.columns = ColumnFit(self.board, OPTIONAL_COLUMNS)  # the times and the badge in sight, no sideways scroll
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.board)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(counts)
        layout.addWidget(actions)
        layout.addWidget(split, 1)
        return page

    def _roster_page(self) -> QWidget:
        self.roster_view = table(self.roster)
        self.roster_count = label(role="count")
        self.roster_hint = label(
            self.tr("Everyone signed in right now: the list to check at the assembly point."), "muted")
        self.roster_hint.setWordWrap(True)  # unwrapped, this one line made the desk wider than the screen
        self.print_roster_button = button(self.tr("Print evacuation list"), "primary")
        self.pdf_roster_button = button(self.tr("Save as PDF…"))
        self.print_roster_button.clicked.connect(self.print_roster)
        self.pdf_roster_button.clicked.connect(self.save_roster_pdf)
        top = QHBoxLayout()
        top.addWidget(self.roster_count)
        top.addSpacing(12)
        top.addWidget(self.roster_hint, 1)  # the room the buttons leave: one line where it fits
        top.addWidget(self.pdf_roster_button)
        top.addWidget(self.print_roster_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.roster_view, 1)
        return page

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    # -- the evacuation list on paper -------------------------------------------------------------------------

    def _roster_document(self) -> QTextDocument:
        return roster_document(self.roster.rows, site_name=self.site_name, at=self.now(), zone=self.zone)

    def print_roster(self) -> None:
        """Any printer the OS knows; the dialog lets the receptionist pick one in an emergency."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.choose_printer(QPrintDialog(printer, self)):
            self._roster_document().print_(printer)
            self.statusBar().showMessage(self.tr("Evacuation list sent to the printer."), 6000)

    def save_roster_pdf(self) -> None:
        stamp = self.now().astimezone(self.zone).strftime("%Y%m%d-%H%M")
        path = self.choose_pdf_path(f"evacuation-{stamp}.pdf")
        if not path:
            return
        try:
            save_pdf(self._roster_document(), Path(path))
        except OSError as exc:
            self.statusBar().showMessage(self.tr("The PDF was not saved: {error}").format(error=exc), 10_000)
            return
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 6000)

    # -- visitors the desk registers itself ------------------------------------------------------------------

    def new_invitation(self) -> None:
        if self.invitations is None:
            return
        day = self.day or self.now().astimezone(self.zone).date()
        dialog = NewInvitationDialog(self.invitations, self.pool, today=day, meetings=self.meetings, zone=self.zone,
                                     parent=self)
        dialog.saved.connect(lambda created: self._registered(invitation_created_text(created, dialog.emailed),
                                                              created.visit_id))
        self.show_dialog(dialog)

    def register_walk_in(self) -> None:
        """A visitor at the desk without an invitation: the kiosk's checks, the host asked as at the kiosk."""
        if self.invitations is None:
            return
        dialog = DeskWalkInDialog(self.invitations, self.pool, parent=self)
        dialog.registered.connect(lambda result: self._registered(walk_in_result_text(result), result.visit_id))
        self.show_dialog(dialog)

    def _registered(self, message: str, visit_id: int) -> None:
        self.statusBar().showMessage(message, 8000)
        self._select_after_read = visit_id
        self.refresh()

    def show_visit(self, visit_id: int, day: date) -> None:
        """Look at ``day`` with the visit chosen (Ctrl+K found it)."""
        self.search.clear()
        self._select_after_read = visit_id
        self.day = day
        self.refresh()

    def show_today(self) -> None:
        self.day = None
        self.refresh()

    def _date_chosen(self, chosen: QDate) -> None:
        if self._showing_day:
            return  # the date box following the board, not a person choosing
        self.day = date(chosen.year(), chosen.month(), chosen.day())
        self.refresh()

    def _show_day(self, day: date) -> None:
        self._showing_day = True
        self.date.setDate(QDate(day.year, day.month, day.day))
        self._showing_day = False
        today = self.now().astimezone(self.zone).date()
        self.title.setText(self.tr("Today's visitors") if day == today else
                           self.tr("Visitors on {day}").format(day=day.isoformat()))
        self.today_button.setEnabled(day != today)

    def _filter(self, text: str) -> None:
        self.visits.set_filter(text)
        self._update_buttons()

    def stop(self) -> None:
        self._timer.stop()
        if self.follower is not None:
            self.follower.stop()

    # -- reading ------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._refreshing:
            self._again = True  # a change arrived while reading: read once more when this answer is in
            return
        self._refreshing = True
        # The worker gets its own copy: the GUI thread may queue another badge while it reads.
        self.pool.submit(self._read_all, self.day, on_done=self._show, on_error=self._read_failed)

    def _read_all(self, day: date | None) -> DeskSnapshot:
        alerts, failed = self.desk.notices()
        shown, visits = self.desk.visits_on(day)
        return DeskSnapshot(shown, visits, self.desk.roster(), alerts, failed,
                            self.desk.badge_states(v.id for v in visits))

    def _show(self, snapshot: DeskSnapshot) -> None:
        self._refreshing = False
        chosen = self.selected_visit()
        # The board is read whole (a day is small), but the receptionist keeps their place in it.
        scrolled = self.board.verticalScrollBar().value()
        self.visits.set_badge_states(snapshot.badges)
        self.visits.set_rows(sorted(snapshot.visits, key=board_order))
        self.columns.fit()
        self.roster.set_rows(snapshot.roster)
        self.board.verticalScrollBar().setValue(scrolled)
        self._show_day(snapshot.day)
        if self._select_after_read is not None:
            self.tabs.setCurrentIndex(0)
            self.select_visit(self._select_after_read)
            self._select_after_read = None
        elif chosen is not None and (row := self.visits.row_of(chosen.id)) >= 0:
            self.board.selectionModel().select(
                self.visits.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._load_detail(chosen.id)
        elif chosen is not None:
            self.panel.clear()
        self._notice_new_walk_ins(snapshot.visits)
        counts = day_counts(snapshot.visits, self.now())
        self.waiting.setText(self.tr("%n waiting for approval", "", counts["waiting"]))
        self.chips["expected"].setText(self.tr("Expected %n", "", counts["expected"]))
        self.chips["on_site"].setText(self.tr("On site %n", "", counts["on_site"]))
        self.chips["held"].setText(self.tr("Held %n", "", counts["held"]))
        self.chips["overdue"].setText(self.tr("Late %n", "", counts["overdue"]))
        self.chips["signed_out"].setText(self.tr("Signed out %n", "", counts["signed_out"]))
        self.chips["held"].setProperty("alert", counts["held"] > 0)
        self.chips["held"].style().polish(self.chips["held"])
        self.roster_count.setText(self.tr("%n on site", "", len(snapshot.roster)))
        self._show_failed_count(self.notices.show_notices(snapshot.alerts, snapshot.failed, self.now()))
        stamp = self.now().astimezone(self.zone).strftime("%H:%M:%S")
        self.updated.setText(self.tr("Updated {time}").format(time=stamp))
        if self._again:
            self._again = False
            self.refresh()
        self._update_buttons()

    def _notice_new_walk_ins(self, visits: list[VisitSummary]) -> None:
        waiting = {v.id for v in visits if status_key(v) == "pending_approval"}
        new = waiting - self._waiting_ids if self._waiting_ids is not None else set()
        self._waiting_ids = waiting
        if new:
            self.visits.set_highlighted(new)
            self.attention.emit(self.tr("%n walk-in(s) waiting for approval", "", len(new)))

    def _show_failed_count(self, failed: int) -> None:
        self.notices_badge.setText(str(failed))
        self.notices_badge.setToolTip(self.tr("Notices not sent: %n", "", failed))
        self.notices_badge.setVisible(failed > 0)

    def _read_failed(self, error: ServiceError) -> None:
        self._refreshing = False
        self.statusBar().showMessage(self.tr("Could not read the visitor list: {error}").format(error=error), 10_000)

    # -- the board's selection and actions ----------------------------------------------------------------------

    def selected_visit(self) -> VisitSummary | None:
        rows = self.board.selectionModel().selectedRows() if self.board.selectionModel() else []
        return self.visits.visit(rows[0].row()) if rows else None

    def select_visit(self, visit_id: int) -> None:
        row = self.visits.row_of(visit_id)
        if row >= 0:
            self.board.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        visit = self.selected_visit()
        if visit is not None:
            self.visits.clear_highlight(visit.id)
        if visit is None:
            self._detail_asked += 1
            self.panel.clear()
        else:
            self._load_detail(visit.id)

    def _load_detail(self, visit_id: int) -> None:
        self._detail_asked += 1
        asked = self._detail_asked
        self.pool.submit(self.desk.detail, visit_id, on_done=lambda detail: self._detail_read(asked, detail),
                         on_error=self._read_failed)

    def _detail_read(self, asked: int, detail: VisitDetail) -> None:
        # Clicking down the board asks for several details; only the last one asked is shown.
        if asked == self._detail_asked:
            self.panel.show_detail(detail)

    def _update_buttons(self) -> None:
        visit = self.selected_visit()
        status = visit.status if visit else ""
        held = visit is not None and visit.on_hold
        self.approve_button.setEnabled(status == "pending_approval" and not held)
        self.deny_button.setEnabled(status == "pending_approval")
        self.release_button.setEnabled(held)
        self.no_show_button.setEnabled(status == VisitStatus.INVITED)
        self.check_in_button.setEnabled(status in ("invited", "approved") and not held)
        self.sign_out_button.setEnabled(status == "checked_in")
        # A badge only matters while the visitor is in the building.
        self.reprint_button.setEnabled(status == "checked_in")
        self.reissue_button.setEnabled(status == "checked_in")

    def _act(self, action: Callable[[int], Any]) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        self.pool.submit(action, visit.id, on_done=lambda _r: self._acted(), on_error=self._action_failed)

    def decline(self) -> None:
        """No to a waiting walk-in; the desk may say why (kept in the history, never told the visitor)."""
        visit = self.selected_visit()
        if visit is None:
            return
        reason = self.ask_reason(self.tr("Decline the visit?"),
                                 self.tr("Why is {visitor} declined? (optional, kept in the visit's history)").format(
                                     visitor=visit.visitor_name), self.tr("Decline"))
        if reason is not None:
            self.pool.submit(self.desk.deny, visit.id, reason, on_done=lambda _r: self._acted(),
                             on_error=self._action_failed)

    def release_hold(self) -> None:
        """A supervisor lets a deny-list hit be approved or checked in, saying why."""
        visit = self.selected_visit()
        if visit is None:
            return
        reason = self.ask_reason(self.tr("Release the hold?"),
                                 self.tr("{visitor} matched the deny list. Why may they come in?").format(
                                     visitor=visit.visitor_name), self.tr("Release hold"), required=True)
        if reason:
            self.pool.submit(self.desk.override_hold, visit.id, reason, on_done=lambda _r: self._acted(),
                             on_error=self._action_failed)

    def reprint_badge(self) -> None:
        """The same badge again (a jam, a smudge): the sign-out code on it stays the same."""
        visit = self.selected_visit()
        if visit is None:
            return
        reason = self.ask_reason(self.tr("Reprint the badge?"), self.tr("Why is the badge printed again?"),
                                 self.tr("Reprint badge"), required=True)
        if not reason:
            return
        done = self.tr("Badge sent to the printer.")
        self.pool.submit(self.desk.reprint_badge, visit.id, reason, on_error=self._action_failed,
                         on_done=lambda job: self._badge_queued(visit.id, job, done))

    def reissue_badge(self) -> None:
        """A lost badge: a new sign-out code; whoever finds the old badge cannot sign the visitor out with it."""
        visit = self.selected_visit()
        if visit is None or not self.confirm(
            self.tr("Reissue the badge?"),
            self.tr("{visitor}'s lost badge will stop working and a new one will be printed.").format(
                visitor=visit.visitor_name),
            self.tr("Reissue badge"),
        ):
            return
        done = self.tr("New badge sent to the printer; the lost one no longer works.")
        self.pool.submit(self.desk.reissue_badge, visit.id, on_error=self._action_failed,
                         on_done=lambda job: self._badge_queued(visit.id, job, done))

    def _badge_queued(self, visit_id: int, job_id: int, message: str) -> None:
        self.statusBar().showMessage(message, 6000)
        self.refresh()

    def _retry_notice(self, notice_id: int) -> None:
        self.pool.submit(self.desk.retry_notice, notice_id, on_error=self._action_failed,
                         on_done=lambda _r: self._notice_retried())

    def _acknowledge_alert(self, notice_id: int) -> None:
        self.pool.submit(self.desk.acknowledge_alert, notice_id, on_error=self._action_failed,
                         on_done=lambda _r: self._acted())

    def _notice_retried(self) -> None:
        self.statusBar().showMessage(self.tr("The notice will be sent again shortly."), 6000)
        self.refresh()

    def _acted(self) -> None:
        self.statusBar().showMessage(self.tr("Done."), 4000)
        self.refresh()

    def _action_failed(self, error: ServiceError) -> None:
        self.statusBar().showMessage(
            QCoreApplication.translate("Desk", "That did not work: {error}").format(error=error.message), 10_000)
        self.refresh()
