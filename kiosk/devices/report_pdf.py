"""The monthly report as a PDF: a ``KpiReport`` in, A4 bytes out, in one language (zh_CN or en).

ReportLab, pure Python and free of Qt, so the housekeeping loop and kioskctl make it without a display. Text is
set in a CJK font embedded in the file: WenQuanYi Micro Hei (the package the kiosk installs for Chinese) or
another found on the machine, else ReportLab's built-in STSong-Light (the reader's font; no file needed).
Charts are ReportLab drawings (bars stacked, lines, the target as a dashed red line); the figures table says
each value against its target with a coloured word, and the comparison with the period before and a year
before. Knows no tables and no services: only the domain's value types and words.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.domain.kpi_words import (
    CHART_TITLES,
    LINE_NAMES,
    change_text,
    kpi_name,
    language_of,
    month_title,
    result_text,
    target_text,
    text,
    value_text,
)
from kiosk.domain.kpis import Chart, ChartStyle, Comparison, Figure, Kpi, KpiReport, Unit

FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)
FALLBACK_FONT = "STSong-Light"
INK, MUTED, LINE, PASS, FAIL = "#1f2a33", "#5f6b7a", "#d9dee3", "#0b7a3e", "#b42318"
SERIES_COLOURS = ("#1f6feb", "#f59e0b", "#9aa5b1", "#0b7a3e")
# The dashboard's order of the figures table: the rulebook's five first.
TABLE_ORDER = (Kpi.SATISFACTION, Kpi.REGISTRATION, Kpi.CALLS_IN_TIME, Kpi.ROUTINES_PASSED, Kpi.MEETING_PREP_DEFECTS,
               Kpi.VISITS, Kpi.WALK_IN_SHARE, Kpi.NO_SHOWS, Kpi.HOST_WAIT, Kpi.KIOSK_RATINGS,
               Kpi.COMPLAINT_SATISFACTION, Kpi.PARCELS_NOTIFIED, Kpi.PARCELS_COLLECTED, Kpi.PARCELS_RETURNED,
               Kpi.ROOM_USE, Kpi.ROOM_NO_SHOWS, Kpi.SUPPLIES_ISSUED)


@lru_cache(maxsize=1)
def report_font() -> str:
    """The registered font's name: an embedded CJK TrueType font when one is found, else STSong-Light."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            try:
                pdfmetrics.registerFont(TTFont("KioskCJK", path, subfontIndex=index))
            except Exception:  # a damaged or unexpected font file: try the next
                continue
            return "KioskCJK"
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


def render_report(report: KpiReport, language: str = "zh_CN") -> bytes:
    """The report as PDF bytes in ``language``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    lang = language_of(language)
    buffer = io.BytesIO()
    font = report_font()
    title = f"{text('title', lang)} {month_title(report.period.first, lang)}"
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                                 bottomMargin=16 * mm, title=title, author=report.site_name,
                                 subject=text("subtitle", lang), lang="en" if lang == "en" else "zh-CN")

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(font, 8)  # type: ignore[attr-defined]
        canvas.setFillColor(MUTED)  # type: ignore[attr-defined]
        canvas.drawString(16 * mm, 9 * mm, f"{report.site_name} · {title}")  # type: ignore[attr-defined]
        canvas.drawRightString(A4[0] - 16 * mm, 9 * mm,  # type: ignore[attr-defined]
                               text("page", lang, n=doc.page))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    document.build(_story(report, lang, font, document.width), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


# -- the story ---------------------------------------------------------------------------------------------------

def _styles(font: str) -> dict[str, object]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12, textColor=INK, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=26, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=11, leading=15, textColor=MUTED),
        "heading": ParagraphStyle("heading", parent=base, fontSize=13, leading=18, spaceBefore=10, spaceAfter=6),
        "muted": ParagraphStyle("muted", parent=base, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
    }


def _plain(value: str) -> str:
    """Site and room names as text, never markup."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _story(report: KpiReport, lang: str, font: str, width: float) -> list[object]:
    from reportlab.platypus import Paragraph, Spacer

    styles = _styles(font)
    zone = ZoneInfo(report.timezone)
    made = report.made_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    period = text("period", lang, first=report.period.first.isoformat(), last=report.period.last.isoformat())
    story: list[object] = [
        Paragraph(_plain(f"{text('title', lang)} · {month_title(report.period.first, lang)}"), styles["title"]),
        Paragraph(_plain(text("subtitle", lang)), styles["subtitle"]),
        Spacer(1, 4),
        Paragraph(_plain(f"{report.site_name} · {period} · {text('zone', lang, zone=report.timezone)} · "
                         f"{text('made', lang, time=made)}"), styles["muted"]),
        Paragraph(_plain(text("figures", lang)), styles["heading"]),
        _figures_table(report, lang, font, width),
    ]
    notes = [text("hosts_unanswered", lang, n=report.extra.get("hosts_unanswered", 0)),
             text("routines_missed", lang, n=report.extra.get("routines_missed", 0))]
    story += [Spacer(1, 4), Paragraph(_plain(" · ".join(notes)), styles["muted"])]
    story.append(Paragraph(_plain(text("charts", lang)), styles["heading"]))
    for chart in report.charts:
        story += [_chart_drawing(chart, lang, font, width), Spacer(1, 8)]
    story.append(Paragraph(_plain(text("rooms", lang)), styles["heading"]))
    story.append(_rooms_table(report, lang, font, width, styles))
    story.append(Paragraph(_plain(text("supplies", lang)), styles["heading"]))
    story.append(_supplies_table(report, lang, font, width, styles))
    return story


def _table(rows: list[list[object]], widths: list[float], font: str, *, colours: tuple[tuple[int, int, str], ...] = (),
           numeric_from: int = 1) -> object:
    from reportlab.platypus import Table, TableStyle

    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK), ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK), ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for column, row, colour in colours:
        commands.append(("TEXTCOLOR", (column, row), (column, row), colour))
    table.setStyle(TableStyle(commands))
    return table


def _figures_table(report: KpiReport, lang: str, font: str, width: float) -> object:
    from reportlab.platypus import Paragraph

    cell = _styles(font)["cell"]
    before = {c.kpi: c for c in report.month_on_month}
    a_year = {c.kpi: c for c in report.year_on_year}
    keys = ("figure", "value", "target", "result", "previous", "mom", "year_before", "yoy")
    header: list[object] = [text(key, lang) for key in keys]
    rows: list[list[object]] = [header]
    colours: list[tuple[int, int, str]] = []
    by_kpi = {figure.kpi: figure for figure in report.figures}
    for kpi in (k for k in TABLE_ORDER if k in by_kpi):
        figure = by_kpi[kpi]
        rows.append([Paragraph(_plain(kpi_name(kpi, lang)), cell), value_text(figure.value, figure.unit, lang),
                     target_text(figure.target, lang), result_text(figure, lang),
                     *_comparison(before.get(kpi), figure, lang), *_comparison(a_year.get(kpi), figure, lang)])
        if figure.passed is not None:
            colours.append((3, len(rows) - 1, PASS if figure.passed else FAIL))
    share = width / 100
    return _table(rows, [w * share for w in (25, 10, 8, 8, 10, 13, 11, 13)], font, colours=tuple(colours))


def _comparison(comparison: Comparison | None, figure: Figure, lang: str) -> list[str]:
    if comparison is None:
        return ["", ""]
    return [value_text(comparison.previous, figure.unit, lang), change_text(comparison.change, figure.unit, lang)]


def _rooms_table(report: KpiReport, lang: str, font: str, width: float, styles: dict[str, object]) -> object:
    from reportlab.platypus import Paragraph

    if len(report.rooms) <= 1:
        return Paragraph(_plain(text("none", lang)), styles["muted"])
    rows: list[list[object]] = [[text(k, lang) for k in ("room", "floor", "hours", "use", "meetings", "released")]]
    for line in report.rooms:
        rows.append([line.name or text("total", lang), line.floor, f"{line.booked_hours:,.1f}",
                     value_text(line.use_ratio, Unit.SHARE, lang), f"{line.meetings:,}", f"{line.released:,}"])
    share = width / 100
    return _table(rows, [w * share for w in (30, 10, 15, 15, 15, 15)], font, numeric_from=2)


def _supplies_table(report: KpiReport, lang: str, font: str, width: float, styles: dict[str, object]) -> object:
    from reportlab.platypus import Paragraph

    if not report.supplies:
        return Paragraph(_plain(text("none", lang)), styles["muted"])
    rows: list[list[object]] = [[text(k, lang) for k in ("department", "quantity", "amount")]]
    for line in report.supplies:
        rows.append([line.department, f"{line.quantity:,}", value_text(line.value_cents, Unit.CENTS, lang)])
    rows.append([text("total", lang), f"{sum(d.quantity for d in report.supplies):,}",
                 value_text(sum(d.value_cents for d in report.supplies), Unit.CENTS, lang)])
    share = width / 100
    return _table(rows, [w * share for w in (50, 20, 30)], font)


# -- charts ------------------------------------------------------------------------------------------------------

def _chart_drawing(chart: Chart, lang: str, font: str, width: float) -> object:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors

    height = 136.0
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, CHART_TITLES[lang][chart.key], fontName=font, fontSize=10, fillColor=INK))
    values = [[0.0 if v is None else v for v in line.values] for line in chart.lines]
    plot: VerticalBarChart | HorizontalLineChart
    if chart.style is ChartStyle.BARS:
        plot = VerticalBarChart()
        plot.categoryAxis.style = "stacked"
        plot.data = values
        plot.barSpacing = 0.5
        top = max((sum(column) for column in zip(*values, strict=True)), default=0.0)
        for index in range(len(values)):
            plot.bars[index].fillColor = colors.HexColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
            plot.bars[index].strokeColor = None
    else:
        plot = HorizontalLineChart()  # the axes; the lines are drawn below, broken where a value is None
        plot.data = [[0.0] * len(chart.labels)]
        plot.lines[0].strokeColor = None
        top = max((v for line in values for v in line), default=0.0)
    plot.x, plot.y, plot.width, plot.height = 36, 22, width - 44, height - 52
    if chart.unit is Unit.SHARE:
        bottom, top = min(0.5, *(v for line in chart.lines for v in line.values if v is not None), 1.0), 1.0
        bottom = max(0.0, int(bottom * 10) / 10)
        plot.valueAxis.labelTextFormat = lambda v: f"{v * 100:.0f}%"
    else:
        bottom, top = 0.0, max(top * 1.15, 1.0)
    plot.valueAxis.valueMin, plot.valueAxis.valueMax = bottom, top
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.strokeColor = colors.HexColor(LINE)
    plot.valueAxis.visibleGrid = 1
    plot.valueAxis.gridStrokeColor = colors.HexColor("#eef1f4")
    every = max(1, len(chart.labels) // 15)
    plot.categoryAxis.categoryNames = [label if n % every == 0 else "" for n, label in enumerate(chart.labels)]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 7
    plot.categoryAxis.strokeColor = colors.HexColor(LINE)
    drawing.add(plot)
    if chart.style is ChartStyle.LINE:
        for index, line in enumerate(chart.lines):
            _draw_line(drawing, plot, line.values, bottom, top, colors.HexColor(SERIES_COLOURS[index]))
    names = [LINE_NAMES[lang].get(line.key, line.key) for line in chart.lines]
    pairs = [(colors.HexColor(SERIES_COLOURS[n % len(SERIES_COLOURS)]), name) for n, name in enumerate(names)]
    if chart.target is not None and top > bottom:
        y = plot.y + plot.height * (chart.target.threshold - bottom) / (top - bottom)
        drawing.add(Line(plot.x, y, plot.x + plot.width, y, strokeColor=colors.HexColor(FAIL), strokeWidth=1,
                         strokeDashArray=[4, 3]))
        pairs.append((colors.HexColor(FAIL), f"{LINE_NAMES[lang]['target']} {target_text(chart.target, lang)}"))
    if len(pairs) > 1 or chart.target is not None:
        legend = Legend()
        legend.x, legend.y = width - 8, height - 8
        legend.alignment = "right"
        legend.boxAnchor = "ne"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = font, 7.5
        legend.colorNamePairs = pairs
        legend.dx = legend.dy = 6
        legend.deltax = 60
        drawing.add(legend)
    return drawing


def _draw_line(drawing: object, plot: object, values: tuple[float | None, ...], bottom: float, top: float,
               colour: object) -> None:
    """Runs of values as lines, a lone value as a dot; nothing where a value is None."""
    from reportlab.graphics.shapes import Circle, PolyLine

    step = plot.width / max(len(values), 1)  # type: ignore[attr-defined]
    run: list[float] = []

    def flush() -> None:
        if len(run) >= 4:
            drawing.add(PolyLine(list(run), strokeColor=colour, strokeWidth=1.6))  # type: ignore[attr-defined]
        for x, y in zip(run[::2], run[1::2], strict=True):
            drawing.add(Circle(x, y, 2, fillColor=colour, strokeColor=None))  # type: ignore[attr-defined]
        run.clear()

    for index, value in enumerate(values):
        if value is None:
            flush()
            continue
        x = plot.x + step * (index + 0.5)  # type: ignore[attr-defined]
        y = plot.y + plot.height * (min(max(value, bottom), top) - bottom) / (top - bottom)  # type: ignore[attr-defined]
        run += [x, y]
    flush()
