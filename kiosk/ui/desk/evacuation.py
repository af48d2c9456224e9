"""The evacuation list on paper: everyone on site with host, department, phone and arrival time,
and how many per department and per host. One click prints it (any printer the OS knows) or saves a PDF.

Every field is escaped before it enters the document's HTML: a visitor's name is text, never markup.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kiosk.services.visits.roster import RosterEntry
from kiosk.ui.common.plain_text import escape_for_rich


def roster_html(entries: list[RosterEntry], *, site_name: str, at: datetime, zone: ZoneInfo) -> str:
    e, translate = escape_for_rich, QCoreApplication.translate
    title = translate("Evacuation", "Evacuation list")
    printed = translate("Evacuation", "Printed {time}. On site: {count}").format(
        time=f"{at.astimezone(zone):%Y-%m-%d %H:%M}", count=len(entries))
    columns = ("#", translate("Evacuation", "Visitor"), translate("Evacuation", "Company"),
               translate("Evacuation", "Phone"), translate("Evacuation", "Host"),
               translate("Evacuation", "Department"), translate("Evacuation", "Since"))
    head = "".join(f"<th>{e(column)}</th>" for column in columns)
    rows = "".join(
        f"<tr><td>{i}</td><td>{e(r.visitor_name)}</td><td>{e(r.company)}</td><td>{e(r.phone)}</td>"
        f"<td>{e(r.host_name)}</td><td>{e(r.department)}</td>"
        f"<td>{r.checked_in_at.astimezone(zone):%H:%M}</td></tr>"
        for i, r in enumerate(entries, start=1)
    )
    per_department = translate("Evacuation", "Per department")
    per_host = translate("Evacuation", "Per host")
    table = "<table border='1' cellspacing='0' cellpadding='4'{width}>{body}</table>"

    def tally(counts: Counter[str]) -> str:
        body = "".join(f"<tr><td>{e(name)}</td><td>{count}</td></tr>" for name, count in sorted(counts.items()))
        return table.format(width="", body=body)

    return (
        "<html><body style='font-size:10pt'>"
        f"<h2>{e(site_name)} — {e(title)}</h2><p>{e(printed)}</p>"
        + table.format(width=" width='100%'", body=f"<tr>{head}</tr>{rows}")
        + f"<h3>{e(per_department)}</h3>"
        + tally(Counter(r.department or "—" for r in entries))
        + f"<h3>{e(per_host)}</h3>"
        + tally(Counter(r.host_name for r in entries))
        + "</body></html>"
    )


def roster_document(entries: list[RosterEntry], *, site_name: str, at: datetime, zone: ZoneInfo) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(roster_html(entries, site_name=site_name, at=at, zone=zone))
    return document


def save_pdf(document: QTextDocument, path: Path) -> None:
    """A4, portrait, as it would come out of the printer. OSError when the file cannot be written."""
    if not path.parent.is_dir():
        raise OSError(f"folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("Evacuation", "Evacuation list"))
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer  # closes the file
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path} could not be written")
