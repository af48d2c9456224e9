"""The evacuation list: one click to a PDF with everyone on site, their host, department, phone and
arrival, and the counts per department and per host; a name is printed as written, never as markup."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtPdf import QPdfDocument

from kiosk.services.visits import checkin
from kiosk.ui.desk.today import TodayView
from tests.factories import SITE, add_host, invite


def _pdf_text(path: Path) -> str:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = "".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return re.sub(r"\s+", "", text)  # the PDF's text comes in runs of glyphs: compare without spaces


def test_the_evacuation_pdf_lists_everyone_on_site_with_counts(admin: TodayView, database, tmp_path) -> None:
    zhang = add_host(database)
    li = add_host(database, name="李娜", email="li.na@example.com", department="Research")
    on_site = [invite(database, zhang.id, name="Jane Doe", phone="13800138000", company="Acme"),
               invite(database, li.id, name="<b>Bobby</b> Tables", phone="13800138001"),
               invite(database, li.id, name="王芳", phone="13800138002")]
    invite(database, zhang.id, name="Not Arrived", phone="13800138003")
    for invitation in on_site:
        with database.unit_of_work("kiosk:K1") as uow:
            checkin.check_in_by_token(uow, invitation.token, site_code=SITE)
    admin.refresh()
    target = tmp_path / "evacuation.pdf"
    admin.choose_pdf_path = lambda suggested: str(target) if suggested.startswith("evacuation-") else ""
    admin.pdf_roster_button.click()

    text = _pdf_text(target)
    assert "Evacuationlist" in text and "Onsite:3" in text
    for expected in ("JaneDoe", "Acme", "+8613800138000", "<b>Bobby</b>Tables", "王芳", "张伟", "李娜", "09:00"):
        assert expected in text, expected
    assert "NotArrived" not in text
    assert "Research2" in text and "Sales1" in text
    assert admin.statusBar().currentMessage() == f"Saved {target}"


def test_a_pdf_that_cannot_be_written_is_one_calm_line(admin: TodayView, tmp_path) -> None:
    admin.refresh()
    admin.choose_pdf_path = lambda _suggested: str(tmp_path / "no-such-folder" / "list.pdf")
    admin.pdf_roster_button.click()
    assert admin.statusBar().currentMessage().startswith("The PDF was not saved")
