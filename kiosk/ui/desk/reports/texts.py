"""The dashboard's words (Qt translations, context DeskReports) and how it shows values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_reports import ChartKey, Figure, Kpi, Target, Unit

translate = QCoreApplication.translate

PASS_STYLE = ("#0b5d52", "#e3f1ef")  # foreground, background
FAIL_STYLE = ("#b42318", "#fef3f2")


def kpi_title(kpi: Kpi) -> str:
    return {
        Kpi.VISITS: translate("DeskReports", "Visits"),
        Kpi.WALK_IN_SHARE: translate("DeskReports", "Walk-ins"),
        Kpi.NO_SHOWS: translate("DeskReports", "Invitations not kept"),
        Kpi.HOST_WAIT: translate("DeskReports", "Average wait for the host"),
        Kpi.SATISFACTION: translate("DeskReports", "Visitor satisfaction"),
        Kpi.KIOSK_RATINGS: translate("DeskReports", "Kiosk ratings of 4-5"),
        Kpi.COMPLAINT_SATISFACTION: translate("DeskReports", "Complaint outcomes rated 4-5"),
        Kpi.REGISTRATION: translate("DeskReports", "Registration completeness"),
        Kpi.CALLS_IN_TIME: translate("DeskReports", "Calls answered in time"),
        Kpi.ROUTINES_PASSED: translate("DeskReports", "Environment checks passed"),
        Kpi.MEETING_PREP_DEFECTS: translate("DeskReports", "Meeting preparation errors"),
        Kpi.PARCELS_NOTIFIED: translate("DeskReports", "Parcels notified within 10 min"),
        Kpi.PARCELS_COLLECTED: translate("DeskReports", "Parcels collected within 3 days"),
        Kpi.PARCELS_RETURNED: translate("DeskReports", "Parcels returned at 7 days"),
        Kpi.ROOM_USE: translate("DeskReports", "Meeting room use"),
        Kpi.ROOM_NO_SHOWS: translate("DeskReports", "Room bookings not kept"),
        Kpi.SUPPLIES_ISSUED: translate("DeskReports", "Office supplies issued"),
    }[kpi]


def chart_title(key: ChartKey) -> str:
    return {
        ChartKey.VISITS_PER_DAY: translate("DeskReports", "Visits per day"),
        ChartKey.VISITS_BY_HOUR: translate("DeskReports", "Check-ins by hour"),
        ChartKey.HOST_WAIT_PER_DAY: translate("DeskReports", "Average wait for the host per day (minutes)"),
        ChartKey.SATISFACTION_PER_WEEK: translate("DeskReports", "Satisfaction per week"),
        ChartKey.ROUTINES_PER_WEEK: translate("DeskReports", "Environment checks passed per week"),
    }[key]


def line_name(key: str) -> str:
    return {
        "invited": translate("DeskReports", "Invited"),
        "walk_in": translate("DeskReports", "Walk-in"),
        "no_show": translate("DeskReports", "No-show"),
        "visits": translate("DeskReports", "Check-ins"),
        "minutes": translate("DeskReports", "Minutes"),
        "share": translate("DeskReports", "Share"),
    }.get(key, key)


def value_shown(value: float | None, unit: Unit) -> str:
    if value is None:
        return "—"
    if unit is Unit.SHARE:
        return f"{value * 100:.1f} %"
    if unit is Unit.MINUTES:
        return translate("DeskReports", "{n} min").format(n=f"{value:.1f}")
    if unit is Unit.CENTS:
        return f"¥{value / 100:,.2f}"
    return f"{value:,.0f}"


def change_shown(change: float | None, unit: Unit) -> str:
    if change is None:
        return "—"
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    if unit is Unit.SHARE:
        return translate("DeskReports", "{sign}{n} pt").format(sign=sign, n=f"{abs(change) * 100:.1f}")
    return sign + value_shown(abs(change), unit)


def target_shown(target: Target | None) -> str:
    if target is None:
        return ""
    mark = "≥" if target.direction.value == "at_least" else "≤"
    return translate("DeskReports", "target {mark} {n} %").format(mark=mark, n=f"{target.threshold * 100:.0f}")


def verdict(figure: Figure) -> str:
    if figure.passed is None:
        return ""
    return translate("DeskReports", "Met") if figure.passed else translate("DeskReports", "Missed")


def counted(figure: Figure) -> str:
    """What a share is of ("36 of 41"); the answered of told for the wait; the meetings for the rooms' use."""
    if figure.kpi is Kpi.ROOM_USE:
        return translate("DeskReports", "{n} meetings").format(n=f"{figure.count:,}")
    if figure.unit is Unit.SHARE or figure.unit is Unit.MINUTES:
        return translate("DeskReports", "{n} of {m}").format(n=f"{figure.count:,}", m=f"{figure.out_of:,}")
    if figure.unit is Unit.CENTS:
        return translate("DeskReports", "{n} units").format(n=f"{figure.count:,}")
    return ""
