"""Notices at the front desk: what the kiosk's welcome screen tells visitors ("Fire drill at 14:00").
Publish one in Chinese, English or both, change it, withdraw it; see which are up now, which are
coming, and which are over. (Reception's alerts are something else: Today's Notices tab.)

A view of the desk's shell, for every role (daily work)::

    view = NoticesView(DeskNoticesGateway(database, site_code, actor=session.actor, role=session.role),
                       pool, zone=zone, live=live)

The list is small (a few notices a week; the most recent 200 that are over), so it is read whole,
on start, whenever ``Area.NOTICES`` changes (another desk, kioskctl) and every few minutes (a notice
comes up or ends at midnight without any write). Every action is one gateway call on the worker
pool as the person signed in. Texts reach Qt as plain text. Questions are replaceable attributes
(``confirm``, ``show_dialog``): tests answer them instead of a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_notices import (
    BODY_MAX_COLUMNS,
    TITLE_MAX_COLUMNS,
    DeskNoticesGateway,
    NoticeBoard,
    NoticeDraft,
    NoticeState,
    NoticeView,
    text_columns,
)
from kiosk.domain.changes import Area
from kiosk.domain.security import Permission, may
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import Index, RowsModel
from kiosk.ui.desk.dialogs import ask_to_confirm
from kiosk.ui.desk.widgets import button, label, plain, table

# A notice comes up, or ends, at midnight without anything being written: the list is read again anyway.
REFRESH_MS = 5 * 60_000
# What the desk's style sheet does not cover yet: multi-line text, a wrong field, the preview card.
LOCAL_STYLE = (
    "QPlainTextEdit { font-size: 15px; border: 1px solid #cbd2d9; border-radius: 8px; background: #ffffff;"
    " color: #1f2a33; padding: 6px; }"
    "QLineEdit[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"], QDateEdit[invalid=\"true\"]"
    " { border: 1px solid #b42318; }"
    "QLabel[over=\"true\"], QLabel[role=\"muted\"][over=\"true\"] { color: #b42318; }"
    "QFrame#NoticePreview { background: #ffffff; border: 1px solid #e4e7eb; border-radius: 10px; }"
    "QLabel[role=\"notice-title\"] { font-size: 17px; font-weight: 600; color: #1f2a33; }"
)
# The three lists the desk switches between; withdrawn notices are listed with the past ones.
TABS = (
    (NoticeState.CURRENT,),
    (NoticeState.UPCOMING,),
    (NoticeState.PAST, NoticeState.WITHDRAWN),
)
STATE_COLOURS = {
    NoticeState.CURRENT: "#1b6b36", NoticeState.UPCOMING: "#3e4c59", NoticeState.PAST: "#7b8794",
    NoticeState.WITHDRAWN: "#b42318",
}

translate = QCoreApplication.translate


def titles_text(notice: NoticeView) -> str:
    """Both titles, the Chinese first: "消防演练 / Fire drill"."""
    return " / ".join(title for title in (notice.title_zh, notice.title_en) if title)


def state_text(notice: NoticeView) -> str:
    if notice.state is NoticeState.CURRENT:
        return translate("DeskNotices", "On the kiosk now")
    if notice.state is NoticeState.UPCOMING:
        return translate("DeskNotices", "From {day}").format(day=notice.starts_on.isoformat())
    if notice.state is NoticeState.WITHDRAWN:
        return translate("DeskNotices", "Withdrawn")
    return translate("DeskNotices", "Ended")


def problem_text(error: ServiceError) -> str:
    """One line a receptionist understands, in the desk's language, for anything a notice action raised."""
    if isinstance(error, ValidationFailed):
        return " ".join(field_problem(e.field, e.code) for e in error.errors)
    return {
        "notice_changed": translate(
            "DeskNotices", "Someone changed this notice meanwhile. Close this and open it again to see their change."),
        "notice_withdrawn": translate("DeskNotices", "This notice has been withdrawn already."),
        "notice_ended": translate("DeskNotices", "This notice has ended; it is kept as it was."),
        "not_found": translate("DeskNotices", "This notice is not there any more. The list has been read again."),
    }.get(error.code, translate("DeskNotices", "That did not work. Try again in a moment."))


def field_problem(field: str, code: str) -> str:
    if field == "title":
        return translate("DeskNotices", "Give the notice a title in Chinese, in English or in both.")
    if code == "too_long":
        if field.startswith("title"):
            return translate("DeskNotices", "The title is longer than the welcome screen shows "
                                            "(at most {characters} Chinese characters or {letters} letters).").format(
                characters=TITLE_MAX_COLUMNS // 2, letters=TITLE_MAX_COLUMNS)
        return translate("DeskNotices", "The text is longer than the welcome screen shows "
                                        "(at most {characters} Chinese characters or {letters} letters).").format(
            characters=BODY_MAX_COLUMNS // 2, letters=BODY_MAX_COLUMNS)
    if field in ("title_zh", "title_en") and code == "required":
        return translate("DeskNotices", "A text needs a title in the same language.")
    if field == "ends_on":
        return {
            "before_start": translate("DeskNotices", "The last day is before the first day."),
            "in_past": translate("DeskNotices", "The last day has passed already."),
            "required": translate("DeskNotices", "Choose the last day to show the notice."),
        }.get(code, translate("DeskNotices", "Check the days."))
    return translate("DeskNotices", "Check this field.")


class NoticeTableModel(RowsModel):
    """One list (current, upcoming or past): titles, days, where the notice stands, who changed it last."""

    STATE_COLUMN = 3

    def headers(self) -> list[str]:
        return [translate("DeskNotices", "Title"), translate("DeskNotices", "From"), translate("DeskNotices", "To"),
                translate("DeskNotices", "Status"), translate("DeskNotices", "Last change")]

    def cell(self, row: NoticeView, column: int) -> str:
        changed = row.updated_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        values = (titles_text(row), row.starts_on.isoformat(), row.ends_on.isoformat(), state_text(row),
                  f"{changed} \u00b7 {actor_name(row.updated_by)}")
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.STATE_COLUMN and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATE_COLOURS[self.rows[index.row()].state])
        return super().data(index, role)

    def notice(self, row: int) -> NoticeView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, notice_id: int) -> int:
        return next((i for i, n in enumerate(self.rows) if n.id == notice_id), -1)


def actor_name(actor: str) -> str:
    """``staff:amy`` -> ``amy``; ``cli:root`` -> ``kioskctl (root)``."""
    kind, _, who = actor.partition(":")
    if kind == "staff":
        return who
    if kind == "cli":
        return translate("DeskNotices", "kioskctl ({user})").format(user=who)
    return actor


class NoticePreview(QFrame):
    """The selected notice as written, both languages side by side, with its days and its history."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("NoticePreview")
        self.heading = label(role="section")
        self.columns: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(6)
        for column, language in enumerate(("zh", "en")):
            caption = label(role="section")
            title = plain(label(role="notice-title"))
            body = plain(label())
            for text in (title, body):
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(title, 1, column)
            grid.addWidget(body, 2, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
            self.columns[language] = (caption, title, body)
        self.history = plain(label(role="muted"))
        self.history.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.notice: NoticeView | None = None
        self.zone = ZoneInfo("UTC")
        self.show_notice(None)

    def show_notice(self, notice: NoticeView | None, zone: ZoneInfo | None = None) -> None:
        self.notice = notice
        self.zone = zone or self.zone
        self.retranslate()

    def text(self, language: str) -> tuple[str, str]:
        """The title and text shown for ``language`` ("zh" or "en"), as the labels hold them."""
        _caption, title, body = self.columns[language]
        return title.text(), body.text()

    def retranslate(self) -> None:
        notice = self.notice
        self.columns["zh"][0].setText(self.tr("Chinese"))
        self.columns["en"][0].setText(self.tr("English"))
        if notice is None:
            self.heading.setText(self.tr("Choose a notice to see it in both languages."))
            for _caption, title, body in self.columns.values():
                title.clear()
                body.clear()
            self.history.clear()
            return
        self.heading.setText(self.tr("Shown from {first} to {last}, both days included").format(
            first=notice.starts_on.isoformat(), last=notice.ends_on.isoformat()))
        for language, (title_zh, body_zh) in (("zh", (notice.title_zh, notice.body_zh)),
                                              ("en", (notice.title_en, notice.body_en))):
            _caption, title, body = self.columns[language]
            other = self.tr("(empty: visitors reading Chinese see the English)") if language == "zh" else self.tr(
                "(empty: visitors reading English see the Chinese)")
            title.setText(title_zh or other)
            title.setEnabled(bool(title_zh))
            body.setText(body_zh)

        def when(instant: datetime) -> str:
            return instant.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

        lines = [self.tr("Published {time} by {who}").format(time=when(notice.created_at),
                                                           who=actor_name(notice.created_by))]
        if notice.withdrawn_at is not None:
            lines.append(self.tr("withdrawn {time} by {who}").format(time=when(notice.withdrawn_at),
                                                                  who=actor_name(notice.updated_by)))
        elif notice.version > 1:
            lines.append(self.tr("last changed {time} by {who}").format(time=when(notice.updated_at),
                                                                     who=actor_name(notice.updated_by)))
        self.history.setText(self.tr(", ").join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NoticesView(QWidget):
    """The Notices view (see the module docstring)."""

    AREAS = frozenset({Area.NOTICES})
    saved = Signal(object)  # the NoticeView an action left (published, changed, withdrawn)

    def __init__(self, notices: DeskNoticesGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 live: LiveChanges | None = None, refresh_ms: int = REFRESH_MS) -> None:
        super().__init__()
        self.notices, self.pool, self.zone = notices, pool, zone
        self.setObjectName("AdminCentral")
        self.setStyleSheet(LOCAL_STYLE)
        # Replaced in tests: a modal dialog would wait for a click nobody makes.
        self.confirm: Callable[[str, str, str], bool] = lambda *texts: ask_to_confirm(self, *texts)
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.open()
        self.board: NoticeBoard | None = None
        self._asked = 0
        self.may_change = may(notices.role, Permission.DAILY_WORK)

        self.title = label("", "title")
        self.hint = label("", "muted")
        self.hint.setWordWrap(True)
        self.add_button = button("", "primary")
        self.add_button.clicked.connect(self.add)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.hint, 1)
        top.addWidget(self.add_button)

        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for _states in TABS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(lambda _index: self._show_tab())
        self.model = NoticeTableModel(zone)
        self.table = table(self.model)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
        self.empty = label("", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = NoticePreview()
        self.edit_button = button("")
        self.withdraw_button = button("", "danger")
        self.edit_button.clicked.connect(self.edit_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        for widget in (self.add_button, self.edit_button, self.withdraw_button):
            widget.setVisible(self.may_change)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.withdraw_button)

        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview, 2)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self.retranslate()
        self._update_buttons()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.follower is not None:
            self.follower.stop()

    def refresh(self) -> None:
        self._asked += 1
        asked = self._asked
        self.pool.submit(self.notices.board, on_done=lambda board: self._show(asked, board), on_error=self._failed)

    # -- the lists -------------------------------------------------------------------------------------------

    def _show(self, asked: int, board: NoticeBoard) -> None:
        if asked != self._asked:
            return  # an older read answering after a newer one
        self.board = board
        self.retranslate_tabs()
        self._show_tab()

    def tab_of(self, state: NoticeState) -> int:
        return next(i for i, states in enumerate(TABS) if state in states)

    def shown(self) -> list[NoticeView]:
        return list(self.model.rows)

    def _show_tab(self) -> None:
        chosen = self.selected_notice()
        scrolled = self.table.verticalScrollBar().value()
        states = TABS[max(self.tabs.currentIndex(), 0)]
        self.model.set_rows(self.board.in_state(*states) if self.board is not None else [])
        self.table.verticalScrollBar().setValue(scrolled)
        self.table.resizeColumnsToContents()
        if chosen is None or not self.select_notice(chosen.id, switch_tab=False):
            self.preview.show_notice(None)
        self._show_empty(states)
        self._update_buttons()

    def _show_empty(self, states: tuple[NoticeState, ...]) -> None:
        empty = not self.model.rows
        self.empty.setVisible(empty and self.board is not None)
        if states[0] is NoticeState.CURRENT:
            self.empty.setText(self.tr("The welcome screen shows no notice today."))
        elif states[0] is NoticeState.UPCOMING:
            self.empty.setText(self.tr("No notice is waiting for its first day."))
        else:
            self.empty.setText(self.tr("No notice has ended yet."))

    def selected_notice(self) -> NoticeView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.notice(rows[0].row()) if rows else None

    def select_notice(self, notice_id: int, *, switch_tab: bool = True) -> bool:
        """Select the notice (on its list, if ``switch_tab``); False when it is not there."""
        if switch_tab and self.board is not None:
            found = next((n for n in self.board.notices if n.id == notice_id), None)
            if found is not None and self.tabs.currentIndex() != self.tab_of(found.state):
                self.tabs.setCurrentIndex(self.tab_of(found.state))
        row = self.model.row_of(notice_id)
        if row < 0:
            return False
        self.table.selectionModel().select(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self) -> None:
        self.preview.show_notice(self.selected_notice(), self.zone)
        self._update_buttons()

    def _update_buttons(self) -> None:
        notice = self.selected_notice()
        open_ = notice is not None and notice.state in (NoticeState.CURRENT, NoticeState.UPCOMING)
        self.edit_button.setEnabled(open_)
        self.withdraw_button.setEnabled(open_)

    # -- actions -----------------------------------------------------------------------------------------------

    def today(self) -> date | None:
        return self.board.day if self.board is not None else None

    def add(self) -> None:
        self._open_form(None)

    def edit_selected(self) -> None:
        notice = self.selected_notice()
        if notice is not None and notice.state in (NoticeState.CURRENT, NoticeState.UPCOMING):
            self._open_form(notice)

    def _open_form(self, notice: NoticeView | None) -> None:
        dialog = NoticeDialog(self.notices, self.pool, notice, today=self.today(), parent=self)
        dialog.saved.connect(self._saved)
        self.show_dialog(dialog)

    def _saved(self, notice: NoticeView) -> None:
        if notice.state is NoticeState.UPCOMING:
            text = self.tr("Saved. The kiosk shows it from {day}.").format(day=notice.starts_on.isoformat())
        else:
            text = self.tr("Saved. The kiosk shows it now, until the end of {day}.").format(
                day=notice.ends_on.isoformat())
        self._done(notice, text)

    def withdraw_selected(self) -> None:
        notice = self.selected_notice()
        if notice is None or notice.state not in (NoticeState.CURRENT, NoticeState.UPCOMING):
            return
        if not self.confirm(
            self.tr("Withdraw this notice?"),
            self.tr("\u201c{title}\u201d comes off the kiosk's welcome screen at once. It stays in the list of "
                    "past notices.").format(title=titles_text(notice)),
            self.tr("Withdraw"),
        ):
            return
        self.pool.submit(self.notices.withdraw, notice.id, on_error=self._failed,
                         on_done=lambda gone: self._done(gone, self.tr("Withdrawn. The kiosk no longer shows it.")))

    def _done(self, notice: NoticeView, text: str) -> None:
        """The list read again with the notice the action left selected, on its list."""
        self.message.setText(text)
        self.saved.emit(notice)
        self._asked += 1
        asked = self._asked
        self.pool.submit(self.notices.board, on_error=self._failed,
                         on_done=lambda board: self._reselect(asked, board, notice.id))

    def _reselect(self, asked: int, board: NoticeBoard, notice_id: int) -> None:
        if asked == self._asked:
            self._show(asked, board)
            self.select_notice(notice_id)

    def _failed(self, error: ServiceError) -> None:
        self.message.setText(problem_text(error))
        if error.code in ("not_found", "notice_withdrawn", "notice_ended"):
            self.refresh()

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate_tabs(self) -> None:
        counts = [len(self.board.in_state(*states)) if self.board is not None else 0 for states in TABS]
        self.tabs.setTabText(0, self.tr("Current (%n)", "", counts[0]))
        self.tabs.setTabText(1, self.tr("Upcoming (%n)", "", counts[1]))
        self.tabs.setTabText(2, self.tr("Past (%n)", "", counts[2]))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Notices for visitors"))
        self.hint.setText(self.tr("The kiosk's welcome screen shows the current notices in the visitor's language."))
        self.add_button.setText(self.tr("New notice…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.retranslate_tabs()
        self._show_empty(TABS[max(self.tabs.currentIndex(), 0)])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.model.rows:
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(len(self.model.rows) - 1, self.model.columnCount() - 1))


class NoticeDialog(QDialog):
    """A new notice, or one to change: both languages side by side, the first and last day. Saves through
    the worker pool as the person signed in; a refusal stays in the dialog, the wrong fields marked."""

    saved = Signal(object)  # NoticeView

    def __init__(self, notices: DeskNoticesGateway, pool: WorkerPool, notice: NoticeView | None, *,
                 today: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notices, self.pool, self.notice = notices, pool, notice
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Change the notice") if notice is not None else self.tr("New notice"))
        self.setMinimumWidth(860)

        self.title_zh, self.title_en = QLineEdit(), QLineEdit()
        self.body_zh, self.body_en = QPlainTextEdit(), QPlainTextEdit()
        for field in (self.title_zh, self.title_en):
            field.setMaxLength(TITLE_MAX_COLUMNS * 2)
        for body in (self.body_zh, self.body_en):
            body.setTabChangesFocus(True)
            body.setFixedHeight(110)
        self.starts_on, self.ends_on = QDateEdit(), QDateEdit()
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.fields: dict[str, QWidget] = {
            "title_zh": self.title_zh, "title_en": self.title_en, "body_zh": self.body_zh, "body_en": self.body_en,
            "starts_on": self.starts_on, "ends_on": self.ends_on,
        }
        self.counters = {key: label(role="muted") for key in ("title_zh", "title_en", "body_zh", "body_en")}
        self.errors = {key: plain(label(role="small")) for key in (*self.counters, "title", "ends_on")}
        for error in self.errors.values():
            error.setWordWrap(True)
            error.setProperty("over", True)
            error.hide()

        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        self.captions = {"zh": label(role="section"), "en": label(role="section")}
        self.row_labels = {"title": label(), "body": label()}
        grid.addWidget(self.captions["zh"], 0, 1)
        grid.addWidget(self.captions["en"], 0, 2)
        for row, kind in ((1, "title"), (4, "body")):
            grid.addWidget(self.row_labels[kind], row, 0, Qt.AlignmentFlag.AlignTop)
            for column, language in ((1, "zh"), (2, "en")):
                key = f"{kind}_{language}"
                grid.addWidget(self.fields[key], row, column)
                under = QVBoxLayout()
                under.setSpacing(2)
                under.addWidget(self.counters[key], 0, Qt.AlignmentFlag.AlignRight)
                under.addWidget(self.errors[key])
                grid.addLayout(under, row + 1, column)
        grid.addWidget(self.errors["title"], 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.days_label, self.to_label = label(), label()
        days = QHBoxLayout()
        days.addWidget(self.days_label)
        days.addWidget(self.starts_on)
        days.addWidget(self.to_label)
        days.addWidget(self.ends_on)
        days.addStretch(1)
        self.hint = label(role="muted")
        self.hint.setWordWrap(True)
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.save = button("", "primary")
        self.cancel = button("")
        self.save.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(grid)
        layout.addLayout(days)
        layout.addWidget(self.errors["ends_on"])
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        first = today or date.today()
        if notice is not None:
            self.title_zh.setText(notice.title_zh)
            self.title_en.setText(notice.title_en)
            self.body_zh.setPlainText(notice.body_zh)
            self.body_en.setPlainText(notice.body_en)
            self._set_day(self.starts_on, notice.starts_on)
            self._set_day(self.ends_on, notice.ends_on)
        else:
            self._set_day(self.starts_on, first)
            self._set_day(self.ends_on, first)
        self.title_zh.textChanged.connect(lambda _text: self._count("title_zh"))
        self.title_en.textChanged.connect(lambda _text: self._count("title_en"))
        self.body_zh.textChanged.connect(lambda: self._count("body_zh"))
        self.body_en.textChanged.connect(lambda: self._count("body_en"))
        self.retranslate()

    @staticmethod
    def _set_day(edit: QDateEdit, day: date) -> None:
        edit.setDate(QDate(day.year, day.month, day.day))

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        chosen = edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def text_of(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        assert isinstance(field, QLineEdit)
        return field.text()

    def draft(self) -> NoticeDraft:
        return NoticeDraft(title_zh=self.text_of("title_zh"), title_en=self.text_of("title_en"),
                           body_zh=self.text_of("body_zh"), body_en=self.text_of("body_en"),
                           starts_on=self._day(self.starts_on), ends_on=self._day(self.ends_on))

    def _count(self, key: str) -> None:
        limit = TITLE_MAX_COLUMNS if key.startswith("title") else BODY_MAX_COLUMNS
        used = text_columns(" ".join(self.text_of(key).split()))
        counter = self.counters[key]
        counter.setText(f"{used} / {limit}")
        counter.setProperty("over", used > limit)
        counter.style().unpolish(counter)
        counter.style().polish(counter)

    def submit(self) -> None:
        self.save.setEnabled(False)
        self._mark({})
        if self.notice is None:
            self.pool.submit(self.notices.publish, self.draft(), on_done=self._done, on_error=self._failed)
        else:
            self.pool.submit(self.notices.edit, self.notice.id, self.draft(), self.notice.version,
                             on_done=self._done, on_error=self._failed)

    def _done(self, notice: NoticeView) -> None:
        self.saved.emit(notice)
        self.accept()

    def _failed(self, error: ServiceError) -> None:
        self.save.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self._mark({e.field: field_problem(e.field, e.code) for e in error.errors})
            self.error.hide()
        else:
            self.error.setText(problem_text(error))
            self.error.show()

    def _mark(self, problems: dict[str, str]) -> None:
        """Each wrong field outlined, its problem under it; a title missing in both languages marks both."""
        wrong = set(problems) | ({"title_zh", "title_en"} if "title" in problems else set())
        for key, widget in self.fields.items():
            widget.setProperty("invalid", key in wrong)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        for key, line in self.errors.items():
            line.setText(problems.get(key, ""))
            line.setVisible(key in problems)
        first = next((self.fields[k] for k in self.fields if k in wrong), None)
        if first is not None:
            first.setFocus()

    def is_marked(self, key: str) -> bool:
        return bool(self.fields[key].property("invalid"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.captions["zh"].setText(self.tr("Chinese"))
        self.captions["en"].setText(self.tr("English"))
        self.row_labels["title"].setText(self.tr("Title"))
        self.row_labels["body"].setText(self.tr("Text"))
        self.title_zh.setPlaceholderText(self.tr("e.g. 消防演练"))
        self.title_en.setPlaceholderText(self.tr("e.g. Fire drill"))
        self.body_zh.setPlaceholderText(self.tr("e.g. 今天14:00进行消防演练，警报响起时请听从工作人员指挥。"))
        self.body_en.setPlaceholderText(self.tr("e.g. Fire drill today at 14:00. When the alarm sounds, "
                                                "please follow the staff."))
        self.days_label.setText(self.tr("Shown from"))
        self.to_label.setText(self.tr("to the end of"))
        self.hint.setText(self.tr(
            "One paragraph each, as plain text. A Chinese character counts as two. Where one language is "
            "empty, visitors reading it see the other."))
        self.save.setText(self.tr("Save") if self.notice is not None else self.tr("Publish"))
        self.cancel.setText(self.tr("Cancel"))
        for key in self.counters:
            self._count(key)
