"""The stocktake's count sheet on paper: drawn here (QTextDocument through QPainter into a QPdfWriter or the
printer), every line with its book quantity, a box for the count and the variance once counted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kiosk.application.gateways.desk_supplies import StocktakeRow
from kiosk.ui.common.plain_text import escape_for_rich
from kiosk.ui.desk.supplies.texts import variance_text

translate = QCoreApplication.translate


def sheet_html(take: StocktakeRow, *, at: datetime, zone: ZoneInfo) -> str:
    e = escape_for_rich
    title = translate("DeskSupplies", "Count sheet #{n}: {scope}").format(n=take.stocktake_id, scope=take.scope)
    printed = translate("DeskSupplies", "Printed {time} · {count} lines").format(
        time=f"{at.astimezone(zone):%Y-%m-%d %H:%M}", count=len(take.lines))
    columns = ("#", translate("DeskSupplies", "Item"), translate("DeskSupplies", "Specification"),
               translate("DeskSupplies", "Unit"), translate("DeskSupplies", "Location"),
               translate("DeskSupplies", "Book"), translate("DeskSupplies", "Counted"),
               translate("DeskSupplies", "Variance"), translate("DeskSupplies", "Reason"))
    head = "".join(f"<th align='left'>{e(column)}</th>" for column in columns)
    rows = "".join(
        f"<tr><td>{i}</td><td>{e(line.item_name)}</td><td>{e(line.specification)}</td><td>{e(line.unit)}</td>"
        f"<td>{e(line.location)}</td><td align='right'>{line.book_qty}</td>"
        f"<td align='right'>{'' if line.counted_qty is None else line.counted_qty}</td>"
        f"<td>{e(variance_text(line.variance))}</td><td>{e(line.reason)}</td></tr>"
        for i, line in enumerate(take.lines, start=1))
    signed = translate("DeskSupplies", "Counted by: ____________    Checked by: ____________")
    return ("<html><body style='font-size:10pt'>"
            f"<h2>{e(title)}</h2><p>{e(printed)}</p>"
            f"<table border='1' cellspacing='0' cellpadding='5' width='100%'><tr>{head}</tr>{rows}</table>"
            f"<p><br/>{e(signed)}</p></body></html>")


def sheet_document(take: StocktakeRow, *, at: datetime, zone: ZoneInfo) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(sheet_html(take, at=at, zone=zone))
    return document


def save_sheet_pdf(document: QTextDocument, path: Path) -> None:
    """A4 portrait. OSError when the file cannot be written."""
    if not path.parent.is_dir():
        raise OSError(f"folder {path.parent} does not exist")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(translate("DeskSupplies", "Count sheet"))
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"{path} could not be written")
