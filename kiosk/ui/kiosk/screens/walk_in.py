"""The walk-in form: who you are, whom you are visiting, and why. Errors show beside each field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.visits import Purpose, VisitorType
from kiosk.services.directory.hosts import HostSummary
from kiosk.services.errors import FieldError
from kiosk.services.visits.visitors import ReturningVisitor
from kiosk.services.visits.walkins import WalkInForm
from kiosk.ui.kiosk.flow.visitor_messages import field_error
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout
from kiosk.ui.kiosk.widgets.host_picker import HostPicker

PURPOSES = (Purpose.MEETING, Purpose.INTERVIEW, Purpose.DELIVERY, Purpose.MAINTENANCE, Purpose.SALES, Purpose.OTHER)
# The badge and the roster say what kind of visitor this is; the purpose tells us without another question.
VISITOR_TYPE_BY_PURPOSE = {
    Purpose.INTERVIEW: VisitorType.INTERVIEW,
    Purpose.DELIVERY: VisitorType.DELIVERY,
    Purpose.MAINTENANCE: VisitorType.CONTRACTOR,
}
ABOUT_FIELDS = ("phone", "name", "company", "id_number")
PHONE_DIGITS_FOR_LOOKUP = 11  # a mainland mobile number: look the visitor up as soon as it is complete


class _Field(QWidget):
    """A caption, an input and the line where its error appears."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self.caption = label("field")
        self.editor = editor
        self.note = label("muted")
        self.note.hide()
        self.error = label("error")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addWidget(editor)
        layout.addWidget(self.note)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        target = self.editor if isinstance(self.editor, QLineEdit) else None
        if target is not None:
            target.setProperty("invalid", bool(text))
            target.style().unpolish(target)
            target.style().polish(target)


def _line(max_length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    return edit


class WalkInScreen(Screen):
    submitted = Signal(object)  # WalkInForm
    phone_complete = Signal(str)
    host_query = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: list[FieldError] = []
        self.returning: ReturningVisitor | None = None
        self.header = Header(self)
        self.title = label("title")
        self.subtitle = label("subtitle")

        self.phone = _line(20)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone.textEdited.connect(self._phone_edited)
        self.name = _line(100)
        self.company = _line(200)
        self.id_number = _line(32)
        self.id_number.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhSensitiveData)
        # Readable while typing, dots once the visitor moves on: the next person in the queue cannot read it.
        self.id_number.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.host = HostPicker()
        self.host.query_changed.connect(self.host_query)
        self.host.host_changed.connect(lambda: self.fields["host"].set_error(""))
        # Typing a name answers "please choose the person" as much as choosing does (like the phone field).
        self.host.search.textEdited.connect(lambda _text: self.fields["host"].set_error(""))

        self.purpose_buttons: dict[Purpose, QPushButton] = {}
        self.purpose_group = QButtonGroup(self)
        self.purpose_group.setExclusive(True)
        purpose_grid = QGridLayout()
        purpose_grid.setSpacing(14)
        for index, purpose in enumerate(PURPOSES):
            choice = button("choice")
            choice.setCheckable(True)
            self.purpose_group.addButton(choice)
            self.purpose_buttons[purpose] = choice
            purpose_grid.addWidget(choice, index // 3, index % 3)
        self.purpose_group.buttonClicked.connect(lambda _b: self.fields["purpose"].set_error(""))
        purpose_box = QWidget()
        purpose_box.setLayout(purpose_grid)

        self.fields: dict[str, _Field] = {
            "phone": _Field(self.phone), "name": _Field(self.name), "company": _Field(self.company),
            "id_number": _Field(self.id_number), "host": _Field(self.host), "purpose": _Field(purpose_box),
        }
        # One column beside the visit's questions in landscape; two columns in portrait, where the
        # form starts below the top third of the screen and has to fit in the rest.
        self.about = QGridLayout()
        self.about.setVerticalSpacing(18)
        self.about.setHorizontalSpacing(24)
        self.about.setRowStretch(len(ABOUT_FIELDS), 1)
        self._arrange_about(portrait=False)
        visiting = QVBoxLayout()
        visiting.setSpacing(18)
        visiting.addWidget(self.fields["host"])
        visiting.addWidget(self.fields["purpose"])
        visiting.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(56)
        self.columns.addLayout(self.about, 1)
        self.columns.addLayout(visiting, 1)
        # The fields scroll when the screen is too low for them all (1280x720), never squeezed.
        self.body = QScrollArea()
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap on the form focuses nothing (no ring, no keyboard)
        self.body.setWidgetResizable(True)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.columns)
        column.addStretch(1)  # spare height below the form, not between its fields
        self.body.setWidget(fields)
        QScroller.grabGesture(self.body.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.body.verticalScrollBar().valueChanged.connect(lambda _value: self.host.in_sight.update())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.form_error = label("error")
        self.form_error.hide()
        self.submit = button("primary")
        self.submit.setMinimumWidth(440)
        self.submit.clicked.connect(self._submit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.form_error)
        bottom.addStretch(1)
        bottom.addWidget(self.submit)

        layout = page_layout(self, self.header)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        self.keyboard_order(self.phone, self.name, self.company, self.id_number, *self.host.tab_stops(),
                            *self.purpose_buttons.values(), self.submit)
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # Side by side the columns share the width; stacked, each takes only the height it needs.
        for index in range(2):
            self.columns.setStretch(index, 0 if portrait else 1)
        self.columns.setSpacing(18 if portrait else 56)
        self._arrange_about(portrait)
        self.host.set_portrait(portrait)
        super().resizeEvent(event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.body.isAncestorOf(new):  # a field half out of sight comes into sight
            self.body.ensureWidgetVisible(new, 0, 24)

    def _arrange_about(self, portrait: bool) -> None:
        for index, key in enumerate(ABOUT_FIELDS):
            row, column = divmod(index, 2) if portrait else (index, 0)
            self.about.addWidget(self.fields[key], row, column, Qt.AlignmentFlag.AlignTop)
        for column in range(2):
            self.about.setColumnStretch(column, 1 if portrait or column == 0 else 0)

    def _phone_edited(self, text: str) -> None:
        self.fields["phone"].set_error("")
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) == PHONE_DIGITS_FOR_LOOKUP:
            self.phone_complete.emit(text.strip())

    def prefill(self, visitor: ReturningVisitor | None) -> None:
        """A returning visitor: name and company filled in (still editable), the ID number only masked."""
        self.returning = visitor
        if visitor is None:
            return
        if not self.name.text().strip():
            self.name.setText(visitor.name)
        if not self.company.text().strip():
            self.company.setText(visitor.company)
        self._show_returning()

    def _show_returning(self) -> None:
        note = self.fields["id_number"].note
        masked = self.returning.id_number_masked if self.returning else ""
        note.setText(self.tr("On file: {masked}. Leave empty to keep it.").format(masked=masked) if masked else "")
        note.setVisible(bool(masked))
        welcome = self.fields["phone"].note
        welcome.setText(self.tr("Welcome back! We have filled in your details.") if self.returning else "")
        welcome.setVisible(self.returning is not None)

    def set_host_results(self, hosts: list[HostSummary]) -> None:
        self.host.set_results(hosts)

    def selected_purpose(self) -> Purpose | None:
        return next((p for p, b in self.purpose_buttons.items() if b.isChecked()), None)

    def form(self) -> WalkInForm:
        purpose = self.selected_purpose()
        visitor_type = VISITOR_TYPE_BY_PURPOSE.get(purpose, VisitorType.VISITOR) if purpose else VisitorType.VISITOR
        return WalkInForm(
            name=self.name.text(), phone=self.phone.text(),
            host_id=self.host.selected.id if self.host.selected else None,
            purpose=purpose.value if purpose else "", company=self.company.text(),
            id_number=self.id_number.text(), visitor_type=visitor_type.value,
        )

    def _submit(self) -> None:
        self.show_errors([])
        self.submitted.emit(self.form())

    def show_errors(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        self._render_errors()

    def _render_errors(self) -> None:
        by_field = {e.field: e for e in self.errors}
        for key, field in self.fields.items():
            field.set_error(field_error(by_field[key]) if key in by_field else "")
        stray = [e for e in self.errors if e.field not in self.fields]
        self.form_error.setText(field_error(stray[0]) if stray else "")
        self.form_error.setVisible(bool(stray))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Tell us about your visit"))
        self.subtitle.setText(self.tr("We will let the person you are visiting know you are here."))
        captions = {
            "phone": self.tr("Mobile number"), "name": self.tr("Your name"),
            "company": self.tr("Company (optional)"), "id_number": self.tr("ID or passport number (optional)"),
            "host": self.tr("Who are you visiting?"), "purpose": self.tr("Purpose of your visit"),
        }
        for key, text in captions.items():
            self.fields[key].caption.setText(text)
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.name.setPlaceholderText(self.tr("As on your ID"))
        purposes = {
            Purpose.MEETING: self.tr("Meeting"), Purpose.INTERVIEW: self.tr("Interview"),
            Purpose.DELIVERY: self.tr("Delivery"), Purpose.MAINTENANCE: self.tr("Maintenance"),
            Purpose.SALES: self.tr("Sales"), Purpose.OTHER: self.tr("Other"),
        }
        for purpose, text in purposes.items():
            self.purpose_buttons[purpose].setText(text)
        self.submit.setText(self.tr("Continue"))
        self.host.retranslate()
        self._show_returning()
        self._render_errors()

    def reset(self) -> None:
        for edit in (self.phone, self.name, self.company, self.id_number):
            edit.clear()
        self.host.reset()
        self.purpose_group.setExclusive(False)
        for choice in self.purpose_buttons.values():
            choice.setChecked(False)
        self.purpose_group.setExclusive(True)
        self.returning = None
        self.errors = []
        self._render_errors()
        self._show_returning()
