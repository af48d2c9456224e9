"""Choosing the person you are visiting: type a name, pinyin or initials; every row shows the department.

In English a row also shows the name in pinyin ("张伟 · Zhang Wei") and the department's English name
when the directory has one, so two 张伟 can be told apart by someone who does not read Chinese.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.directory.hosts import HostSummary
from kiosk.ui.kiosk.accessibility import make_list_keyboard_operable
from kiosk.ui.kiosk.widgets.base import button, icon_label, label
from kiosk.ui.kiosk.widgets.typing_lists import ListInSight

ROW_HEIGHT = 88
MAX_ROWS = 4  # keeps the form on one screen; a longer list scrolls
MAX_ROWS_PORTRAIT = 3  # a portrait form starts below the top third: less room


def shown_texts(host: HostSummary) -> tuple[str, str]:
    """(name, department) as the picker shows them in the current language."""
    if QLocale().language() == QLocale.Language.Chinese:
        return host.name, host.department
    name = f"{host.name} \u00b7 {host.name_pinyin}" if host.name_pinyin else host.name
    return name, host.department_en or host.department


class _HostRow(QWidget):
    def __init__(self, host: HostSummary) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 0, 20, 0)
        shown_name, shown_department = shown_texts(host)
        name = label("body", shown_name, wrap=False)
        department = label("muted", shown_department, wrap=False)
        row.addWidget(name)
        row.addStretch(1)
        row.addWidget(department)
        for child in (name, department):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


class HostPicker(QWidget):
    query_changed = Signal(str)
    host_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selected: HostSummary | None = None
        self._hosts: list[HostSummary] = []
        self.max_rows = MAX_ROWS
        self.search = QLineEdit()
        self.search.setMaxLength(50)
        self.search.textEdited.connect(self._typed)
        self.results = QListWidget()
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemClicked.connect(self._picked)
        make_list_keyboard_operable(self.results, lambda index: self._picked(self.results.item(index.row())),
                                    self.search)
        self.results.hide()
        self.in_sight = ListInSight(self.search, self.results, ROW_HEIGHT, lambda: self.max_rows)
        self.no_match = label("muted")
        self.no_match.hide()

        self.chosen = QFrame()
        self.chosen.setProperty("role", "card")
        self.chosen_name = label("body", wrap=False)
        self.chosen_department = label("muted", wrap=False)
        self.change = button("quiet")
        self.change.clicked.connect(self.clear_choice)
        chosen_row = QHBoxLayout(self.chosen)
        chosen_row.setContentsMargins(20, 8, 8, 8)
        chosen_row.addWidget(icon_label("person", 36))
        chosen_row.addSpacing(8)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.chosen_name)
        texts.addWidget(self.chosen_department)
        chosen_row.addLayout(texts, 1)
        chosen_row.addWidget(self.change)
        self.chosen.hide()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.search.text().strip()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.search)
        layout.addWidget(self.chosen)
        layout.addWidget(self.no_match)
        layout.addWidget(self.results)
        self.retranslate()

    def _typed(self, text: str) -> None:
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self.set_results([], searched=False)

    def set_results(self, hosts: list[HostSummary], *, searched: bool = True) -> None:
        self._hosts = list(hosts)
        self.results.clear()
        for host in hosts:
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, ROW_HEIGHT))
            item.setData(Qt.ItemDataRole.UserRole, host)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, " ".join(shown_texts(host)))
            self.results.addItem(item)
            self.results.setItemWidget(item, _HostRow(host))
        self.results.setVisible(bool(hosts))
        self.in_sight.update()
        self.no_match.setVisible(searched and not hosts and self.selected is None)

    def set_portrait(self, portrait: bool) -> None:
        self.max_rows = MAX_ROWS_PORTRAIT if portrait else MAX_ROWS
        self.in_sight.update()

    def _picked(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, host: HostSummary) -> None:
        self.selected = host
        self._show_chosen()
        self.search.hide()
        self.set_results([], searched=False)
        self.chosen.show()
        self.host_changed.emit()

    def clear_choice(self) -> None:
        self.selected = None
        self.chosen.hide()
        self.search.show()
        self.search.clear()
        self.set_results([], searched=False)
        self.host_changed.emit()

    def tab_stops(self) -> tuple[QWidget, ...]:
        """In reading order: the search field, its results, the chosen person's "Change"."""
        return (self.search, self.results, self.change)

    def _show_chosen(self) -> None:
        if self.selected is not None:
            name, department = shown_texts(self.selected)
            self.chosen_name.setText(name)
            self.chosen_department.setText(department)

    def retranslate(self) -> None:
        if self._hosts:  # the rows say pinyin and English departments in English only
            self.set_results(self._hosts)
        self._show_chosen()
        self.search.setPlaceholderText(self.tr("Name, pinyin or initials (e.g. zw)"))
        self.no_match.setText(self.tr("No one found. Try the pinyin or the initials, or ask at the front desk."))
        self.change.setText(self.tr("Change"))

    def reset(self) -> None:
        self._debounce.stop()
        self.clear_choice()
