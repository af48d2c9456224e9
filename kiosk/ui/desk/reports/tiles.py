"""One KPI as a tile: its name, the value big, what it counts, the target with a coloured met/missed word, and the
change against the period before and a year before."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from kiosk.application.gateways.desk_reports import Comparison, Figure, Kpi
from kiosk.ui.desk.reports.texts import (
    FAIL_STYLE,
    PASS_STYLE,
    change_shown,
    counted,
    kpi_title,
    target_shown,
    value_shown,
    verdict,
)
from kiosk.ui.desk.widgets import label

TILE_STYLE = (
    "QFrame#KpiTile { background: #ffffff; border: 1px solid #e4e7eb; border-radius: 10px; }"
    'QFrame#KpiTile[result="passed"] { border-left: 5px solid #0b7a3e; }'
    'QFrame#KpiTile[result="missed"] { border-left: 5px solid #b42318; }'
    'QLabel[role="kpi_name"] { font-size: 13px; color: #5f6b7a; }'
    'QLabel[role="kpi_value"] { font-size: 26px; font-weight: 600; color: #1f2a33; }'
    'QLabel[role="kpi_small"] { font-size: 12px; color: #5f6b7a; }'
)


class KpiTile(QFrame):
    def __init__(self, kpi: Kpi) -> None:
        super().__init__()
        self.kpi = kpi
        self.setObjectName("KpiTile")
        self.setMinimumWidth(200)
        self.name = label(role="kpi_name")
        self.name.setWordWrap(True)
        self.value = label(role="kpi_value")
        self.counted = label(role="kpi_small")
        self.target = label(role="kpi_small")
        self.result = label()
        self.changes = label(role="kpi_small")
        self.changes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        value_row = QHBoxLayout()
        value_row.addWidget(self.value)
        value_row.addStretch(1)
        value_row.addWidget(self.result)
        layout.addLayout(value_row)
        layout.addWidget(self.counted)
        layout.addWidget(self.target)
        layout.addWidget(self.changes)

    def show_figure(self, figure: Figure, before: Comparison | None, a_year: Comparison | None,
                    before_name: str, year_name: str) -> None:
        self.name.setText(kpi_title(self.kpi))
        self.value.setText(value_shown(figure.value, figure.unit))
        self.counted.setText(counted(figure))
        self.target.setText(target_shown(figure.target))
        self.target.setVisible(figure.target is not None)
        word = verdict(figure)
        self.result.setText(word)
        self.result.setVisible(bool(word))
        colours = PASS_STYLE if figure.passed else FAIL_STYLE
        self.result.setStyleSheet(f"font-size: 13px; font-weight: 600; color: {colours[0]}; background: {colours[1]};"
                                  " border-radius: 8px; padding: 2px 10px;")
        self.setProperty("result", "" if figure.passed is None else "passed" if figure.passed else "missed")
        self.style().unpolish(self)
        self.style().polish(self)
        parts = []
        if before is not None:
            parts.append(f"{before_name} {change_shown(before.change, figure.unit)}")
        if a_year is not None:
            parts.append(f"{year_name} {change_shown(a_year.change, figure.unit)}")
        self.changes.setText(" · ".join(parts))
        self.changes.setVisible(bool(parts))
