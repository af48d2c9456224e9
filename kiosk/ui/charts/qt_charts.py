"""The chart adapter on Qt Charts: a widget that shows stacked bars or lines over categories, with an optional
dashed target line. Values of None leave a gap (a line breaks there). The only module importing Qt Charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

PALETTE = ("#1f6feb", "#f59e0b", "#9aa5b1", "#0b7a3e")
TARGET_COLOUR = "#b42318"
GRID = "#eef1f4"
# Category labels shown at most this many (30 days: every third).
MAX_LABELS = 11


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]


class ChartWidget(QWidget):
    """``show_bars`` / ``show_lines`` replace what the chart shows; ``shown()`` says what that is (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setBackgroundVisible(False)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._shown: dict[str, object] = {}

    def shown(self) -> dict[str, object]:
        return dict(self._shown)

    def _reset(self, title: str) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(title)
        font = QFont(self.chart.titleFont())
        font.setPixelSize(14)
        font.setBold(True)
        self.chart.setTitleFont(font)

    def _axes(self, labels: Sequence[str], low: float, high: float) -> tuple[QCategoryAxis, QValueAxis]:
        """x: the categories at 0..n-1, every few labelled (a category axis would elide 30 days' labels);
        y: the values."""
        x_axis = QCategoryAxis()
        x_axis.setRange(-0.5, len(labels) - 0.5)
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        every = max(1, -(-len(labels) // MAX_LABELS))
        for index in range(0, len(labels), every):
            x_axis.append(labels[index], index)
        x_axis.setGridLineVisible(False)
        y_axis = QValueAxis()
        y_axis.setRange(low, high)
        y_axis.setGridLineColor(QColor(GRID))
        y_axis.setTickCount(6)
        y_axis.setLabelFormat("%.0f")
        if low == 0.0:
            y_axis.applyNiceNumbers()  # 0, 10, 20 ... rather than 0, 13, 26
        for axis in (x_axis, y_axis):
            font = QFont(axis.labelsFont())
            font.setPixelSize(11)
            axis.setLabelsFont(font)
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        return x_axis, y_axis

    def show_bars(self, title: str, labels: Sequence[str], series: Sequence[Series]) -> None:
        """Stacked bars, one colour per series."""
        self._reset(title)
        bars = QStackedBarSeries()
        for index, one in enumerate(series):
            bar_set = QBarSet(one.name)
            bar_set.append([float(v or 0) for v in one.values])
            bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
            bar_set.setBorderColor(QColor(PALETTE[index % len(PALETTE)]))
            bars.append(bar_set)
        totals = [sum(float(s.values[i] or 0) for s in series) for i in range(len(labels))]
        self.chart.addSeries(bars)
        high = max(max(totals, default=0.0) * 1.15, 1.0)
        x_axis, y_axis = self._axes(labels, 0.0, float(int(high) + 1))
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        self.chart.legend().setVisible(len(series) > 1)
        self._shown = {"kind": "bars", "title": title, "labels": list(labels),
                       "series": {s.name: list(s.values) for s in series}, "target": None}

    def show_lines(self, title: str, labels: Sequence[str], series: Sequence[Series], *,
                   target: float | None = None, target_name: str = "", low: float = 0.0, high: float | None = None,
                   percent: bool = False) -> None:
        """Lines over the categories (a gap where a value is None), and ``target`` as a dashed red line."""
        self._reset(title)
        values = [v for s in series for v in s.values if v is not None]
        top = high if high is not None else max(max(values, default=0.0) * 1.15, 1.0)
        scale = 100.0 if percent else 1.0
        x_axis, y_axis = self._axes(labels, low * scale, top * scale)
        if percent:
            y_axis.setLabelFormat("%.0f%%")
        for index, one in enumerate(series):
            pen = QPen(QColor(PALETTE[index % len(PALETTE)]), 2.2)
            for number, run in enumerate(_runs(one.values)):
                line = QLineSeries()
                line.setName(one.name)
                line.setPen(pen)
                line.setPointsVisible(True)
                line.append([QPointF(i, v * scale) for i, v in run])
                self.chart.addSeries(line)
                line.attachAxis(x_axis)
                line.attachAxis(y_axis)
                if number:
                    self.chart.legend().markers(line)[0].setVisible(False)
        if target is not None:
            dashed = QPen(QColor(TARGET_COLOUR), 1.6)
            dashed.setStyle(Qt.PenStyle.DashLine)
            goal = QLineSeries()
            goal.setName(target_name)
            goal.setPen(dashed)
            goal.append([QPointF(-0.5, target * scale), QPointF(len(labels) - 0.5, target * scale)])
            self.chart.addSeries(goal)
            goal.attachAxis(x_axis)
            goal.attachAxis(y_axis)
        self.chart.legend().setVisible(True)
        self._shown = {"kind": "lines", "title": title, "labels": list(labels),
                       "series": {s.name: list(s.values) for s in series}, "target": target}


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Consecutive values that are not None, with their positions."""
    runs: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, float(value)))
    return [run for run in runs if run]
