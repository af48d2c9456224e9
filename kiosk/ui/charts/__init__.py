"""Charts for the desk, behind one small adapter: bars (stacked), lines, a target line.

Qt Charts is deprecated in favour of Qt Graphs, which has no widgets API yet; the views call only
``ChartWidget`` (``show_bars``, ``show_lines``) and ``Series``, so moving to Qt Graphs touches this package
alone (``qt_charts.py`` is the one module that imports Qt Charts).
"""

from __future__ import annotations

from kiosk.ui.charts.qt_charts import ChartWidget, Series

__all__ = ["ChartWidget", "Series"]
