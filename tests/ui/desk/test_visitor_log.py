"""The Visitors view: the log opens newest first, searches after a pause in typing, filters, sorts in SQL,
keeps the selected visit by id when visits change, exports the selection or everything to CSV and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from kiosk.application.gateways.visitor_log import ExportFormat, VisitorLogGateway, VisitQuery, VisitRow, VisitSort
from kiosk.db import Database
from kiosk.domain.visits import VisitorType, VisitStatus
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.lazy_table import PLACEHOLDER
from kiosk.ui.desk.visitor_log import VisitorLogView
from tests.factories import SITE, add_host
from tests.visit_log_data import T0, add_visit

SHANGHAI = ZoneInfo("Asia/Shanghai")


class CountingGateway(VisitorLogGateway):
    """The real gateway, counting what the view asks for."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, SITE, "staff:amy")
        self.id_queries: list[tuple[VisitQuery, int | None]] = []
        self.row_requests: list[list[int]] = []

    def ids(self, query: VisitQuery, limit: int | None = None) -> Sequence[int]:
        self.id_queries.append((query, limit))
        return super().ids(query, limit)

    def rows(self, ids: Sequence[int]) -> list[VisitRow]:
        self.row_requests.append(list(ids))
        return super().rows(ids)

    def first_rows(self, query: VisitQuery, limit: int, rows: int) -> tuple[Sequence[int], list[VisitRow]]:
        ids, found = super().first_rows(query, limit, rows)
        self.id_queries.append((query, limit))
        self.row_requests.append(list(ids[:rows]))
        return ids, found


@pytest.fixture
def visits(database: Database) -> dict[str, int]:
    """Visitors over five days; the newest is 周八 (today, 2026-06-15 in Shanghai)."""
    sales = add_host(database, name="张伟", email="zhang.wei@example.com", department="销售部")
    lab = add_host(database, name="李娜", email="li.na@example.com", department="研发部")
    made = {}
    people = [
        ("王伟", "蓝海咨询", "+8613800138000", sales, VisitStatus.CHECKED_OUT, VisitorType.VISITOR),
        ("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "+8613800138001", lab, VisitStatus.CHECKED_OUT,
         VisitorType.CONTRACTOR),
        ("<b>Bold</b> Ann", "Acme <i>Ltd</i>", "+8613800138002", sales, VisitStatus.NO_SHOW, VisitorType.VISITOR),
        ("王芳", "", None, lab, VisitStatus.CHECKED_IN, VisitorType.INTERVIEW),
        ("周八", "蓝海咨询", "+8613800138004", sales, VisitStatus.INVITED, VisitorType.VISITOR),
    ]
    for n, (name, company, phone, host, status, kind) in enumerate(people):
        day = date(2026, 6, 11) + timedelta(days=n)
        created = T0 + timedelta(days=10 + n)
        came = status in (VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT)
        made[name] = add_visit(
            database, host_id=host.id, name=name, company=company, phone=phone, status=status, visitor_type=kind,
            day=day, created_at=created, expected_start=created + timedelta(hours=1),
            checked_in_at=created + timedelta(hours=1) if came else None,
            checked_out_at=created + timedelta(hours=3) if status is VisitStatus.CHECKED_OUT else None,
        )
    return made


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def gateway(database: Database) -> CountingGateway:
    return CountingGateway(database)


@pytest.fixture
def view(qtbot, database: Database, gateway: CountingGateway) -> Iterator[VisitorLogView]:
    pool = WorkerPool(synchronous=True)
    shown = VisitorLogView(gateway, pool, zone=SHANGHAI, now=database.clock.now, search_delay_ms=40)
    qtbot.addWidget(shown)
    shown.resize(1400, 700)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.stop()
    pool.shutdown()


def names(view: VisitorLogView) -> list[str]:
    model = view.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def settle(qtbot, view: VisitorLogView | None = None) -> None:
    """Let the view paint, the whole id list and the rows it asked for arrive (the pool answers inline)."""
    qtbot.wait(10)
    if view is not None:
        view.table.viewport().repaint()
        qtbot.waitUntil(lambda: view.model.settled, timeout=2000)


def test_opening_shows_every_visit_newest_first(qtbot, view, visits, gateway):
    view.start()
    settle(qtbot, view)
    assert names(view) == ["周八", "王芳", "<b>Bold</b> Ann", "=HYPERLINK(\"http://x\")", "王伟"]
    assert view.count.text() == "5 visit(s)"
    model = view.model
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["2026-06-15", "周八", "蓝海咨询", "+8613800138004", "张伟", "销售部", "Visitor", "Expected",
                   "10:00", "", ""]
    # Text a visitor typed is shown as those characters (display role: plain text, no HTML).
    assert model.index(2, 2).data() == "Acme <i>Ltd</i>"
    assert gateway.id_queries[0] == (VisitQuery(), 101)


def test_the_search_waits_for_a_pause_in_typing(qtbot, view, visits, gateway):
    view.start()
    settle(qtbot, view)
    asked = len(gateway.id_queries)
    for typed in ("王", "王伟"):
        view.search.setText(typed)
    assert len(gateway.id_queries) == asked  # nothing asked while typing
    qtbot.waitUntil(lambda: names(view) == ["王伟"], timeout=2000)
    assert [q.text for q, _limit in gateway.id_queries[asked:]] == ["王伟"]

    view.search.setText("1380013800")
    view.search.returnPressed.emit()  # Enter does not wait
    assert len(names(view)) == 4
    view.search.setText("zw")  # the host's initials
    view.apply_filters()
    assert names(view) == ["周八", "<b>Bold</b> Ann", "王伟"]


def test_filters_by_status_department_type_and_days(qtbot, view, visits):
    view.start()
    settle(qtbot, view)
    view.status.setCurrentIndex(view.status.findData(VisitStatus.CHECKED_OUT.value))
    assert names(view) == ["=HYPERLINK(\"http://x\")", "王伟"]
    view.status.setCurrentIndex(0)

    view._show_departments(view.gateway.departments())
    view.department.setCurrentIndex(view.department.findText("研发部"))
    assert names(view) == ["王芳", "=HYPERLINK(\"http://x\")"]
    view.department.setCurrentIndex(0)

    view.visitor_type.setCurrentIndex(view.visitor_type.findData(VisitorType.INTERVIEW.value))
    assert names(view) == ["王芳"]
    view.visitor_type.setCurrentIndex(0)

    view.period.setCurrentIndex(view.period.findData("today"))  # the clock says 2026-06-15
    assert names(view) == ["周八"]
    view.period.setCurrentIndex(view.period.findData("custom"))
    view.first_day.setDate(date(2026, 6, 12))
    view.last_day.setDate(date(2026, 6, 13))
    assert names(view) == ["<b>Bold</b> Ann", "=HYPERLINK(\"http://x\")"]
    assert view.first_day.isVisible()


def test_clicking_a_header_sorts_in_sql(qtbot, view, visits, gateway):
    view.start()
    settle(qtbot, view)
    visitor_column = 1
    view.table.sortByColumn(visitor_column, Qt.SortOrder.AscendingOrder)
    settle(qtbot, view)
    assert gateway.id_queries[-1][0].sort is VisitSort.VISITOR
    assert names(view) == sorted(names(view))
    assert view.model.query == VisitQuery(sort=VisitSort.VISITOR, descending=False)


def test_the_selected_visit_stays_selected_when_a_visit_is_added_above_it(qtbot, view, visits, database):
    view.start()
    settle(qtbot, view)
    view.table.select_id(visits["王芳"])
    host = add_host(database, name="赵六", email="zhao@example.com")
    newest = add_visit(database, host_id=host.id, name="新来的", day=date(2026, 6, 16),
                       created_at=T0 + timedelta(days=20))

    view.refresh()
    settle(qtbot, view)

    assert names(view)[0] == "新来的" and view.model.id_at(0) == newest
    assert view.table.selected_ids().tolist() == [visits["王芳"]]
    assert view.count.text() == "6 visit(s)"


def test_only_the_rows_on_screen_are_read(qtbot, database, gateway):
    host = add_host(database)
    for n in range(450):
        add_visit(database, host_id=host.id, name=f"访客{n:03d}", created_at=T0 + timedelta(minutes=n))
    pool = WorkerPool(synchronous=True)
    view = VisitorLogView(gateway, pool, zone=SHANGHAI, now=database.clock.now)
    qtbot.addWidget(view)
    view.resize(1400, 500)
    view.show()
    qtbot.waitExposed(view)
    view.start()
    settle(qtbot, view)
    assert gateway.row_requests == [view.model.ids()[:100].tolist()]  # the first screenful, with the first ids

    view.table.scrollTo(view.model.index(300, 0), view.table.ScrollHint.PositionAtTop)
    settle(qtbot, view)
    assert len(gateway.row_requests) == 2 and gateway.row_requests[1] == view.model.ids()[300:400].tolist()
    assert view.model.index(300, 1).data() != PLACEHOLDER
    view.stop()
    pool.shutdown()


def test_export_of_the_selection_to_xlsx_reads_back(qtbot, view, visits, out):
    view.start()
    settle(qtbot, view)
    view.table.select_id(visits["王伟"])
    view.table.selectionModel().select(
        view.model.index(view.model.row_of(visits["=HYPERLINK(\"http://x\")"]), 0),
        view.table.selectionModel().SelectionFlag.Select | view.table.selectionModel().SelectionFlag.Rows)
    view.choose_file = lambda fmt, suggested: str(out / "chosen")

    view.export(ExportFormat.XLSX)

    target = out / "chosen.xlsx"
    assert view.last_export is not None and view.last_export.path == target and view.last_export.visits == 2
    sheet = load_workbook(target).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["date", "visitor", "company", "phone", "host", "department", "visitor type", "purpose",
                       "status", "expected", "checked in", "checked out"]
    first, second = rows[1:]
    assert first[1] == "=HYPERLINK(\"http://x\")" and sheet.cell(2, 2).data_type == "s"  # text, never a formula
    assert first[2] == "+cmd|' /C calc'!A0" and first[3] == "138****8001"  # phones masked in files
    assert second[1:6] == ["王伟", "蓝海咨询", "138****8000", "张伟", "销售部"]
    assert second[0].date() == date(2026, 6, 11) and second[8] == "checked_out"
    assert second[10].strftime("%H:%M") == "10:00" and second[11].strftime("%H:%M") == "12:00"  # site time
    assert view.export_xlsx.isEnabled()
    assert "Exported 2 visit(s)" in view.message.text()
    assert list(out.iterdir()) == [target]  # no temporary file left behind


def test_export_of_everything_shown_to_csv(qtbot, view, visits, out):
    view.start()
    settle(qtbot, view)
    view.search.setText("王")
    view.apply_filters()
    view.table.clearSelection()
    view.choose_file = lambda fmt, suggested: str(out / suggested)

    view.export(ExportFormat.CSV)

    target = out / "visitors-2026-06-15.csv"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header[:4] == ["date", "visitor", "company", "phone"]
    assert [r[1] for r in rows] == ["王芳", "王伟"]  # what the search shows, in its order


def test_a_formula_typed_as_a_name_stays_text_in_csv(qtbot, view, visits, out):
    view.start()
    settle(qtbot, view)
    view.table.select_id(visits["=HYPERLINK(\"http://x\")"])
    view.choose_file = lambda fmt, suggested: str(out / "x.csv")
    view.export(ExportFormat.CSV)
    (_header, row) = list(csv.reader(io.StringIO((out / "x.csv").read_text(encoding="utf-8-sig"))))
    assert row[1] == "'=HYPERLINK(\"http://x\")" and row[2] == "'+cmd|' /C calc'!A0"


def test_an_export_that_cannot_be_written_says_so(qtbot, view, visits, out):
    view.start()
    settle(qtbot, view)
    view.choose_file = lambda fmt, suggested: str(out / "no such folder" / "x.xlsx")
    view.export(ExportFormat.XLSX)
    assert "The export did not work" in view.message.text() and view.export_csv.isEnabled()


def test_cancelling_the_file_dialog_exports_nothing(qtbot, view, visits, out):
    view.start()
    settle(qtbot, view)
    view.choose_file = lambda fmt, suggested: ""
    view.export(ExportFormat.CSV)
    assert view.last_export is None and list(out.iterdir()) == []


def test_chinese_texts(qtbot, view, visits):
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        view.start()
        settle(qtbot, view)
        assert view.title.text() == "访客记录"
        assert view.export_xlsx.text() == "导出 Excel"
        assert view.model.headerData(1, Qt.Orientation.Horizontal) == "访客"
        assert view.count.text() == "共 5 次来访"
        assert view.model.index(0, 6).data() == "访客"
    finally:
        languages.shutdown()
    languages.set_language("en")
    assert view.title.text() == "Visitors"


def test_stop_leaves_nothing_running(qtbot, view):
    view.start()
    view.search.setText("王")  # the search timer is running
    view.stop()
    assert not view._search_timer.isActive()


def test_ctrl_f_goes_to_the_search_box(qtbot, view):
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
