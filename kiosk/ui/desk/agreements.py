"""Agreement texts: the house rules and NDAs visitors sign at the kiosk, per visitor type, in Chinese and
English side by side, with every version ever published. The administrator's view.

A view of the desk's shell for those who may change settings (``Permission.MANAGE_SETTINGS``);
``directory_views`` gives it to nobody else, and built for anyone else it is read-only (no publish
button; the service refuses anyway). A published text is never edited: "Publish a new version"
starts from the current text and adds version + 1, which the kiosk shows from then on; the older
versions stay, read-only, with the signatures on them (each signature keeps the SHA-256 of the text
it signed; a version whose stored text no longer matches its hash is marked in red).

    view = AgreementsView(DeskDirectoryGateway(database, site_code, session.actor, session.role), pool, zone=zone)

Every version is read in one worker job (a handful of rows) when the view starts, when it is shown,
and when ``Area.DIRECTORY`` changes. Titles and bodies are plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from kiosk.application.gateways.desk_directory import (
    AgreementText,
    AgreementVersion,
    DeskDirectoryGateway,
    VisitorType,
)
from kiosk.domain.changes import Area
from kiosk.domain.security import Permission
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.ui.common.live import AreaFollower, LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.board_models import Index, RowsModel
from kiosk.ui.desk.directory_texts import LANGUAGES, LOCAL_STYLE, language_text, problem_text, visitor_type_text
from kiosk.ui.desk.widgets import button, label, plain, table

TITLE_MAX = 200
BODY_MAX = 50_000
ALERT_COLOUR = "#b42318"
CURRENT_COLOUR = "#0f766e"
VERSIONS_SHOWN = 5


class VersionsModel(RowsModel):
    """One language's versions of one visitor type's text, newest first."""

    def headers(self) -> list[str]:
        return [self.tr("Version"), self.tr("Published"), self.tr("By"), self.tr("Signed"), self.tr("Status")]

    def cell(self, row: AgreementVersion, column: int) -> str:
        if column == 0:
            return str(row.version)
        if column == 1:
            return row.published_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        if column == 2:
            return row.published_by.removeprefix("staff:")
        if column == 3:
            return str(row.signatures)
        return state_text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            row: AgreementVersion = self.rows[index.row()]
            if not row.intact:
                return QColor(ALERT_COLOUR)
            return QColor(CURRENT_COLOUR) if row.current else None
        return super().data(index, role)

    def version(self, row: int) -> AgreementVersion | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def state_text(version: AgreementVersion) -> str:
    translate = QCoreApplication.translate
    if not version.intact:
        return translate("AgreementsView", "Changed since it was published!")
    if version.current:
        return translate("AgreementsView", "Shown to visitors")
    return translate("AgreementsView", "Retired")


class LanguagePanel(QFrame):
    """One language of the chosen visitor type: its versions, the chosen version's text (read-only)."""

    publish_requested = Signal(str)  # the language

    def __init__(self, language: str, zone: ZoneInfo, may_publish: bool) -> None:
        super().__init__()
        self.language = language
        self.setObjectName("AgreementPanel")
        self.setStyleSheet("QFrame#AgreementPanel { background: #ffffff; border: 1px solid #e4e7eb;"
                           " border-radius: 10px; }")
        self.heading = label()
        self.heading.setStyleSheet("font-size: 17px; font-weight: 600; color: #1f2a33;")
        self.state = plain(label(role="muted"))
        self.publish_button = button("", "primary")
        self.publish_button.setVisible(may_publish)
        self.publish_button.clicked.connect(lambda: self.publish_requested.emit(self.language))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(8)
        top.addWidget(self.state, 1)
        top.addWidget(self.publish_button)
        self.versions = VersionsModel(zone)
        self.table = table(self.versions)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_chosen())
        self.title = plain(label())
        self.title.setStyleSheet("font-size: 18px; font-weight: 600; color: #1f2a33;")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.empty = plain(label(role="muted"))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)

    def show_versions(self, versions: list[AgreementVersion]) -> None:
        chosen = self.chosen()
        self.versions.set_rows(versions)
        self._fit_table()
        row = next((r for r, v in enumerate(versions) if chosen is not None and v.id == chosen.id), 0)
        has = bool(versions)
        for widget in (self.table, self.title, self.body):
            widget.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.table.selectionModel().select(
                self.versions.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_chosen()
        self.retranslate()

    def _fit_table(self) -> None:
        """As tall as its rows, up to five (older versions scroll): the text below gets the room."""
        shown = min(max(len(self.versions.rows), 1), VERSIONS_SHOWN)
        rows = self.table.verticalHeader().defaultSectionSize() * shown
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + 4)

    def chosen(self) -> AgreementVersion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions.version(rows[0].row()) if rows else None

    def current(self) -> AgreementVersion | None:
        return next((v for v in self.versions.rows if v.current), None)

    def choose_version(self, version: int) -> bool:
        for row, shown in enumerate(self.versions.rows):
            if shown.version == version:
                self.table.selectRow(row)
                return True
        return False

    def _show_chosen(self) -> None:
        chosen = self.chosen()
        self.title.setText(chosen.title if chosen is not None else "")
        self.body.setPlainText(chosen.body if chosen is not None else "")

    def retranslate(self, kind: VisitorType | None = None) -> None:
        self.heading.setText(language_text(self.language))
        self.publish_button.setText(self.tr("Publish a new version…"))
        current = self.current()
        if current is not None:
            self.state.setText(self.tr("Visitors sign version {version}").format(version=current.version))
        elif self.versions.rows:
            self.state.setText(self.tr("No version is shown to visitors"))
        else:
            self.state.setText(self.tr("No text yet"))
        self.empty.setText(self.tr(
            "Nothing published in this language yet. Visitors using the kiosk in this language are shown the "
            "other language's text, if there is one."))
        self.versions.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.versions.headers()) - 1)


class AgreementsView(QWidget):
    """Agreement texts (see the module docstring); ``show_dialog`` is replaced in tests (no modal dialog)."""

    AREAS = frozenset({Area.DIRECTORY})

    def __init__(self, directory: DeskDirectoryGateway, pool: WorkerPool, *, zone: ZoneInfo,
                 live: LiveChanges | None = None) -> None:
        super().__init__()
        self.directory, self.pool, self.zone = directory, pool, zone
        self.may_publish = directory.may(Permission.MANAGE_SETTINGS)
        self.setObjectName("AdminCentral")
        self.setStyleSheet(LOCAL_STYLE)
        self.show_dialog: Callable[[QDialog], None] = lambda dialog: dialog.open()
        self.all_versions: list[AgreementVersion] = []
        self._reading = False
        self._again = False

        self.title = label("", "title")
        self.hint = label("", "muted")
        self.hint.setWordWrap(True)
        self.types = QTabBar()
        self.types.setExpanding(False)
        for kind in VisitorType:
            self.types.addTab("")
            self.types.setTabData(self.types.count() - 1, kind.value)
        self.types.currentChanged.connect(lambda _index: self._show_type())
        self.panels = {language: LanguagePanel(language, zone, self.may_publish) for language in LANGUAGES}
        panels = QHBoxLayout()
        panels.setSpacing(16)
        for panel in self.panels.values():
            panel.publish_requested.connect(self.publish_dialog)
            panels.addWidget(panel, 1)
        self.message = plain(label(role="muted"))
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.types)
        layout.addLayout(panels, 1)
        layout.addWidget(self.message)
        self.follower = AreaFollower(live, self.AREAS, self.refresh, parent=self) if live is not None else None
        self.retranslate()

    # -- what the shell calls -------------------------------------------------------------------------------

    def start(self) -> None:
        self.refresh()

    def stop(self) -> None:
        if self.follower is not None:
            self.follower.stop()

    def showEvent(self, event: QShowEvent) -> None:
        # Signatures come with check-ins (another area): the counts are read again when the view is opened.
        super().showEvent(event)
        if self.all_versions:
            self.refresh()

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        self.pool.submit(self.directory.agreement_versions, on_done=self._show, on_error=self._read_failed)

    # -- showing ---------------------------------------------------------------------------------------------

    def visitor_type(self) -> VisitorType:
        return VisitorType(self.types.tabData(self.types.currentIndex()))

    def choose_type(self, kind: VisitorType) -> None:
        for index in range(self.types.count()):
            if self.types.tabData(index) == kind.value:
                self.types.setCurrentIndex(index)

    def panel(self, language: str) -> LanguagePanel:
        return self.panels[language]

    def _show(self, versions: list[AgreementVersion]) -> None:
        self._reading = False
        self.all_versions = versions
        self._show_type()
        if self._again:
            self._again = False
            self.refresh()

    def _show_type(self) -> None:
        kind = self.visitor_type()
        for language, panel in self.panels.items():
            panel.show_versions([v for v in self.all_versions if v.visitor_type == kind and v.language == language])
        self._mark_tabs()

    def _mark_tabs(self) -> None:
        """A tab says which languages its type has a text in: "Contractors · 2/2"."""
        for index in range(self.types.count()):
            kind = VisitorType(self.types.tabData(index))
            languages = {v.language for v in self.all_versions if v.visitor_type == kind and v.current}
            self.types.setTabText(index, self.tr("{type} · {count}/2").format(
                type=visitor_type_text(kind), count=len(languages)))

    def _read_failed(self, error: ServiceError) -> None:
        self._reading = False
        self.message.setText(problem_text(error))

    # -- publishing ------------------------------------------------------------------------------------------

    def publish_dialog(self, language: str) -> PublishDialog:
        """The dialog for a new version of the chosen type's text in ``language``, opened with ``show_dialog``."""
        dialog = PublishDialog(self.directory, self.pool, self.visitor_type(), language,
                               self.panels[language].current() or self.panels[language].versions.version(0), self)
        dialog.published.connect(self._published)
        self.show_dialog(dialog)
        return dialog

    def _published(self, text: AgreementText) -> None:
        self.message.setText(self.tr("Version {version} is published: visitors sign it from now on.").format(
            version=text.version))
        self.refresh()
        self.panels[text.language].choose_version(text.version)

    # -- language -----------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Agreement texts"))
        self.hint.setText(self.tr(
            "What visitors read and sign at the kiosk, per visitor type and language. A published text is never "
            "changed: publish a new version, and the signatures already given keep pointing at the text they signed."))
        self._mark_tabs()
        for panel in self.panels.values():
            panel.retranslate()


class PublishDialog(QDialog):
    """A new version's title and text, starting from the current ones; publishing adds version + 1."""

    published = Signal(object)  # AgreementText

    def __init__(self, directory: DeskDirectoryGateway, pool: WorkerPool, kind: VisitorType, language: str,
                 current: AgreementVersion | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory, self.pool, self.kind, self.language = directory, pool, kind, language
        self.setStyleSheet(LOCAL_STYLE)
        self.setWindowTitle(self.tr("Publish a new version"))
        self.resize(760, 640)
        number = (current.version + 1) if current is not None else 1
        self.number = number
        self.heading = plain(label(self.tr("{type} \u00b7 {language} \u00b7 version {version}").format(
            type=visitor_type_text(kind), language=language_text(language), version=number), "title"))
        if current is None:
            note = self.tr("This is the first text in this language. Visitors are shown it from now on.")
        else:
            note = self.tr("Visitors are shown this text from now on. Version {old} stays as it is, with the %n "
                           "signature(s) given on it.", "", current.signatures).format(old=current.version)
        self.note = label(note, "muted")
        self.note.setWordWrap(True)
        self.title = QLineEdit(current.title if current is not None else "")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("Title"))
        self.body = QPlainTextEdit()
        self.body.setPlainText(current.body if current is not None else "")
        self.body.setPlaceholderText(self.tr("The text visitors read before they sign"))
        self.error = plain(label(role="error"))
        self.error.setWordWrap(True)
        self.error.hide()
        self.publish = button(self.tr("Publish version {version}").format(version=number), "primary")
        self.cancel = button(self.tr("Cancel"))
        self.publish.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.publish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(label(self.tr("Title"), "section"))
        layout.addWidget(self.title)
        layout.addWidget(label(self.tr("Text"), "section"))
        layout.addWidget(self.body, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def submit(self) -> None:
        body = self.body.toPlainText()
        if len(body) > BODY_MAX:
            self._failed(ValidationFailed([]), self.tr("The text is longer than 50,000 characters."))
            return
        self.publish.setEnabled(False)
        self.pool.submit(self.directory.publish_agreement, self.kind, self.language, self.title.text(), body,
                         on_done=self._done, on_error=self._failed)

    def _done(self, text: AgreementText) -> None:
        self.published.emit(text)
        self.accept()

    def _failed(self, error: ServiceError, text: str = "") -> None:
        self.publish.setEnabled(True)
        wrong = {e.field for e in error.errors} if isinstance(error, ValidationFailed) else set()
        for field, widget in (("title", self.title), ("body", self.body)):
            widget.setProperty("invalid", field in wrong or (bool(text) and field == "body"))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.error.setText(text or problem_text(error))
        self.error.show()
