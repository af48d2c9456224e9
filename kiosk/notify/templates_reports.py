"""The monthly report's e-mail, in Chinese and English: the month, the rulebook's five figures against their
targets (lines the report service writes in both languages: ``line1_zh`` .. ``line5_en``), the PDFs attached."""

from __future__ import annotations

from kiosk.notify.template_types import Template

_LINES_ZH = tuple(f"{{line{n}_zh}}" for n in range(1, 6))
_LINES_EN = tuple(f"{{line{n}_en}}" for n in range(1, 6))

TEMPLATES_REPORTS: dict[str, dict[str, Template]] = {
    "monthly_report": {
        "zh_CN": Template("前台月度报表：{site_name} {month}", (
            "{site_name} {month} 的前台月度报表见附件（PDF，含图表与明细）。本月主要考核指标：",
            *_LINES_ZH,
            "Front desk monthly report for {month}: the PDFs are attached (Chinese and English).",
        )),
        "en": Template("Front desk monthly report: {site_name} {month}", (
            "The front desk's monthly report of {site_name} for {month} is attached (PDF, with charts and tables). "
            "This month's key figures:",
            *_LINES_EN,
            "前台月度报表 {month} 见附件。",
        )),
    },
}
