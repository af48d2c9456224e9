"""The manager's figures in words, Chinese and English: what the monthly PDF, kioskctl and the report e-mail
print (the desk's dashboard has its own, through Qt's translations). ``words(language)`` picks the set;
anything but "en" reads as Chinese."""

from __future__ import annotations

from datetime import date

from kiosk.domain.kpis import ChartKey, Figure, Kpi, Target, Unit

KPI_NAMES: dict[str, dict[Kpi, str]] = {
    "zh_CN": {
        Kpi.VISITS: "来访人次",
        Kpi.WALK_IN_SHARE: "临时来访占比",
        Kpi.NO_SHOWS: "预约未到率",
        Kpi.HOST_WAIT: "等候接待平均时长",
        Kpi.SATISFACTION: "访客满意度",
        Kpi.KIOSK_RATINGS: "访客机评价好评率",
        Kpi.COMPLAINT_SATISFACTION: "投诉处理满意度",
        Kpi.REGISTRATION: "登记完整率",
        Kpi.CALLS_IN_TIME: "电话及时接听率",
        Kpi.ROUTINES_PASSED: "环境检查合格率",
        Kpi.MEETING_PREP_DEFECTS: "会议准备差错率",
        Kpi.PARCELS_NOTIFIED: "快递 10 分钟内通知率",
        Kpi.PARCELS_COLLECTED: "快递 3 天内领取率",
        Kpi.PARCELS_RETURNED: "快递 7 天未领退回率",
        Kpi.ROOM_USE: "会议室使用率",
        Kpi.ROOM_NO_SHOWS: "会议室预订未到率",
        Kpi.SUPPLIES_ISSUED: "办公用品领用金额",
    },
    "en": {
        Kpi.VISITS: "Visits",
        Kpi.WALK_IN_SHARE: "Walk-ins",
        Kpi.NO_SHOWS: "Invitations not kept (no-shows)",
        Kpi.HOST_WAIT: "Average wait for the host", Kpi.SATISFACTION: "Visitor satisfaction",
        Kpi.KIOSK_RATINGS: "Kiosk ratings of 4-5",
        Kpi.COMPLAINT_SATISFACTION: "Complaint outcomes rated 4-5",
        Kpi.REGISTRATION: "Registration completeness", Kpi.CALLS_IN_TIME: "Calls answered in time",
        Kpi.ROUTINES_PASSED: "Environment checks passed",
        Kpi.MEETING_PREP_DEFECTS: "Meeting preparation errors",
        Kpi.PARCELS_NOTIFIED: "Parcels notified within 10 minutes",
        Kpi.PARCELS_COLLECTED: "Parcels collected within 3 days",
        Kpi.PARCELS_RETURNED: "Parcels returned unclaimed at 7 days",
        Kpi.ROOM_USE: "Meeting room use",
        Kpi.ROOM_NO_SHOWS: "Room bookings not kept", Kpi.SUPPLIES_ISSUED: "Office supplies issued",
    },
}
CHART_TITLES: dict[str, dict[ChartKey, str]] = {
    "zh_CN": {ChartKey.VISITS_PER_DAY: "每日来访", ChartKey.VISITS_BY_HOUR: "各时段签到",
              ChartKey.HOST_WAIT_PER_DAY: "每日等候接待平均时长（分钟）",
              ChartKey.SATISFACTION_PER_WEEK: "每周满意度",
              ChartKey.ROUTINES_PER_WEEK: "每周环境检查合格率"},
    "en": {ChartKey.VISITS_PER_DAY: "Visits per day", ChartKey.VISITS_BY_HOUR: "Check-ins by hour",
           ChartKey.HOST_WAIT_PER_DAY: "Average wait for the host per day (minutes)",
           ChartKey.SATISFACTION_PER_WEEK: "Satisfaction per week",
           ChartKey.ROUTINES_PER_WEEK: "Checks passed per week",
       },
}
LINE_NAMES: dict[str, dict[str, str]] = {
    "zh_CN": {"invited": "预约", "walk_in": "临时", "no_show": "未到", "visits": "签到", "minutes": "分钟",
              "share": "比例", "target": "目标"},
    "en": {"invited": "invited", "walk_in": "walk-in", "no_show": "no-show", "visits": "check-ins",
           "minutes": "minutes", "share": "share", "target": "target"},
}
TEXTS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "前台月度报表", "subtitle": "Front desk monthly report", "period": "{first} 至 {last}",
        "zone": "时区 {zone}", "made": "生成于 {time}", "figures": "考核指标", "figure": "指标", "value": "本期",
        "target": "目标", "result": "结果", "passed": "达标", "missed": "未达标", "previous": "上期",
        "mom": "环比", "year_before": "去年同期", "yoy": "同比", "charts": "图表", "rooms": "会议室使用",
        "room": "会议室", "floor": "楼层", "hours": "使用小时", "use": "使用率", "meetings": "会议",
        "released": "未确认释放", "total": "合计", "supplies": "办公用品领用（按部门）", "department": "部门",
        "quantity": "数量", "amount": "金额", "none": "本期无数据", "notes": "说明",
        "hosts_unanswered": "未回应的接待人：{n} 次（已转前台）", "routines_missed": "漏检：{n} 次",
        "page": "第 {n} 页", "month": "{year}年{month}月",
    },
    "en": {
        "title": "Front desk monthly report", "subtitle": "前台月度报表", "period": "{first} to {last}",
        "zone": "time zone {zone}", "made": "Made {time}", "figures": "Key figures", "figure": "Figure",
        "value": "This period", "target": "Target", "result": "Result", "passed": "met", "missed": "missed",
        "previous": "Before", "mom": "Change", "year_before": "A year ago", "yoy": "Change",
        "charts": "Charts", "rooms": "Meeting room use", "room": "Room", "floor": "Floor", "hours": "Hours",
        "use": "Use", "meetings": "Meetings", "released": "Not confirmed", "total": "Total",
        "supplies": "Office supplies by department", "department": "Department", "quantity": "Units",
        "amount": "Value", "none": "Nothing in this period", "notes": "Notes",
        "hosts_unanswered": "Hosts who never answered: {n} (passed to the desk)",
        "routines_missed": "Check rounds missed: {n}", "page": "Page {n}", "month": "{month_name} {year}",
    },
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def language_of(language: str) -> str:
    return "en" if language == "en" else "zh_CN"


def kpi_name(kpi: Kpi, language: str) -> str:
    return KPI_NAMES[language_of(language)][kpi]


def text(key: str, language: str, **values: object) -> str:
    return TEXTS[language_of(language)][key].format(**values)


def month_title(month: date, language: str) -> str:
    return text("month", language, year=month.year, month=month.month, month_name=MONTH_NAMES[month.month - 1])


def value_text(value: float | None, unit: Unit, language: str) -> str:
    """A figure's value as people read it: "93.5 %", "6.2 分钟" / "6.2 min", "¥1,234.00", "1,234"; "—" for none."""
    if value is None:
        return "—"
    if unit is Unit.SHARE:
        return f"{value * 100:.1f} %"
    if unit is Unit.MINUTES:
        return f"{value:.1f} 分钟" if language_of(language) == "zh_CN" else f"{value:.1f} min"
    if unit is Unit.CENTS:
        return f"¥{value / 100:,.2f}"
    return f"{value:,.0f}"


def change_text(change: float | None, unit: Unit, language: str) -> str:
    """A difference: percentage points for shares ("+2.5 pt" / "+2.5 个百分点")."""
    if change is None:
        return "—"
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    if unit is Unit.SHARE:
        points = f"{abs(change) * 100:.1f}"
        return f"{sign}{points} 个百分点" if language_of(language) == "zh_CN" else f"{sign}{points} pt"
    return sign + value_text(abs(change), unit, language)


def target_text(target: Target | None, language: str) -> str:
    if target is None:
        return ""
    mark = "≥" if target.direction.value == "at_least" else "≤"
    return f"{mark} {target.threshold * 100:.0f} %"


def result_text(figure: Figure, language: str) -> str:
    if figure.passed is None:
        return ""
    return text("passed" if figure.passed else "missed", language)
