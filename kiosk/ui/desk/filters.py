"""What the desk's list views share above their table: the title row, a search box that searches
after a pause, combos of plain values, and the period choice (all, today, last 7/30/90 days, dates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

# (key, days back from today inclusive; None: every day). "custom" shows two date boxes.
PERIODS: tuple[tuple[str, int | None], ...] = (
    ("all", None), ("today", 0), ("7", 6), ("30", 29), ("90", 89), ("custom", None),
)
# Combos the admin style sheet does not cover yet.
COMBO_STYLE = (
    "QComboBox { font-size: 15px; min-height: 36px; padding: 0 10px; border: 1px solid #cbd2d9;"
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
)


def combo(values: Sequence[Any]) -> QComboBox:
    """Items carry plain values (None: "any"); their texts are set by the view's retranslate()."""
    widget = QComboBox()
    for value in values:
        widget.addItem("", value)
    return widget


def header_row(title: QWidget, count: QWidget, *, busy: QWidget | None = None,
               actions: Sequence[QWidget] = ()) -> QHBoxLayout:
    """Title, count (and "Searching…") on the left, the view's buttons on the right."""
    row = QHBoxLayout()
    row.addWidget(title)
    row.addSpacing(12)
    row.addWidget(count)
    if busy is not None:
        row.addSpacing(8)
        row.addWidget(busy)
    row.addStretch(1)
    for action in actions:
        row.addWidget(action)
    return row


def delayed_search(owner: QWidget, search: Callable[[], None], *, delay_ms: int, min_width: int,
                   max_length: int = 100) -> tuple[QLineEdit, QTimer]:
    """A box that calls ``search`` a moment after the last key (at once on Enter); stop the timer when
    ``search`` runs for another reason."""
    box = QLineEdit()
    box.setClearButtonEnabled(True)
    box.setMaxLength(max_length)
    box.setMinimumWidth(min_width)
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(search)
    box.textChanged.connect(lambda _text: timer.start())
    box.returnPressed.connect(search)
    return box, timer


class PeriodChoice:
    """The period combo and its two date boxes (shown for "custom"), starting from the site's today."""

    def __init__(self, now: Callable[[], datetime], zone: ZoneInfo, changed: Callable[[], None], *,
                 custom_days_back: int) -> None:
        self.now, self.zone, self.changed = now, zone, changed
        self.combo = combo([key for key, _days in PERIODS])
        local = now().astimezone(zone).date()  # the site's today, by the database's clock
        today = QDate(local.year, local.month, local.day)
        self.first_day, self.last_day = QDateEdit(today.addDays(-custom_days_back)), QDateEdit(today)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _day: changed())
        self.combo.currentIndexChanged.connect(lambda _index: self._chosen())

    def _chosen(self) -> None:
        self.show_dates()
        self.changed()

    def show_dates(self) -> None:
        custom = self.combo.currentData() == "custom"
        self.first_day.setVisible(custom)
        self.last_day.setVisible(custom)

    def days(self) -> tuple[date | None, date | None]:
        """The first and last day chosen, inclusive; (None, None) for every day."""
        key = self.combo.currentData()
        if key == "custom":
            first, last = day_of(self.first_day), day_of(self.last_day)
            return (first, last) if first <= last else (last, first)
        back = dict(PERIODS)[key]
        if back is None:
            return None, None
        today = self.now().astimezone(self.zone).date()
        return today - timedelta(days=back), today


def day_of(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())
