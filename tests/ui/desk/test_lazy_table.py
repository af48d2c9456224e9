"""The lazy table: ids kept, rows fetched for what is on screen, answers for older questions dropped,
selection and place kept by id. A source in memory counts what it is asked."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.lazy_table import GONE, PLACEHOLDER, Column, LazyTableModel, LazyTableView, SortBinding
from tests.ui.held_pool import HeldWorkerPool


@dataclass(frozen=True)
class Item:
    id: int
    name: str


@dataclass(frozen=True)
class Query:
    text: str = ""
    descending: bool = False


@dataclass
class Source:
    """Items 1..n; ``ids`` sorted by id (descending if asked), filtered by a name prefix."""

    items: dict[int, Item]
    id_calls: list[tuple[Query, int | None]] = field(default_factory=list)
    row_calls: list[list[int]] = field(default_factory=list)

    @classmethod
    def of(cls, count: int) -> Source:
        return cls({i: Item(i, f"item {i:06d}") for i in range(1, count + 1)})

    def ids(self, query: Query, limit: int | None = None) -> Sequence[int]:
        self.id_calls.append((query, limit))
        found = sorted((i for i, item in self.items.items() if item.name.startswith(query.text)),
                       reverse=query.descending)
        return found[:limit] if limit is not None else found

    def rows(self, ids: Sequence[int]) -> Sequence[Item]:
        self.row_calls.append(list(ids))
        return [self.items[i] for i in reversed(ids) if i in self.items]  # any order will do

    def fetched(self) -> set[int]:
        return {i for call in self.row_calls for i in call}


COLUMNS = [
    Column(lambda: "Id", lambda item: str(item.id), sort_key="id", width=80),
    Column(lambda: "Name", lambda item: item.name, width=200),
]
SORT = SortBinding(of=lambda q: ("id", q.descending), by=lambda q, _key, descending: replace(q, descending=descending))
ROW_HEIGHT = 30


@pytest.fixture
def pool() -> WorkerPool:
    return WorkerPool(synchronous=True)


@pytest.fixture
def source() -> Source:
    return Source.of(10_000)


@pytest.fixture
def table(qtbot, source: Source, pool: WorkerPool) -> Iterator[LazyTableView]:
    model = LazyTableModel(source, COLUMNS, pool, Query(), sort=SORT, page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 20 * ROW_HEIGHT + view.horizontalHeader().height() + 4)
    view.show()
    qtbot.waitExposed(view)
    yield view
    model.stop()
    pool.shutdown()


def paint(qtbot, view: LazyTableView) -> None:
    """Let the view paint and the model fetch what the paint asked for (the pool answers inline)."""
    qtbot.wait(1)  # a scroll's layout is done on the next turn of the event loop
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not view.lazy.scheduled, timeout=2000)
    view.viewport().repaint()


def whole_list_asked(qtbot, pool: HeldWorkerPool) -> None:
    """The whole id list is asked for a moment after the first screenful has been painted."""
    qtbot.waitUntil(lambda: bool(pool.pending("ids")), timeout=2000)


def visible_rows(view: LazyTableView) -> range:
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else view.model().rowCount() - 1) + 1)


def cell(view: LazyTableView, row: int, column: int = 1) -> str:
    return view.model().index(row, column).data()


def test_opening_reads_a_first_screenful_then_every_id_and_fetches_only_the_rows_on_screen(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)

    assert [limit for _query, limit in source.id_calls] == [51, None]
    assert model.rowCount() == 10_000 and model.complete
    # One page read with the first ids; nothing else is on screen, so nothing else is read.
    assert source.row_calls == [list(range(1, 51))]
    assert cell(table, 0) == "item 000001"

    table.scrollTo(model.index(7_000, 0), table.ScrollHint.PositionAtTop)
    paint(qtbot, table)

    on_screen = {model.id_at(row) for row in visible_rows(table)}
    assert len(source.row_calls) == 2
    assert on_screen <= set(source.row_calls[1]) and len(source.row_calls[1]) == 50  # its page, no more
    assert source.fetched().isdisjoint(range(51, 7_001))
    assert all(cell(table, row) == f"item {model.id_at(row):06d}" for row in visible_rows(table))


def test_rows_not_fetched_yet_show_a_placeholder_then_their_text(qtbot, source):
    pool = HeldWorkerPool()
    model = LazyTableModel(source, COLUMNS, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    model.start()
    pool.run(pool.pending("_read_head")[0])
    whole_list_asked(qtbot, pool)
    pool.run(pool.pending("ids")[0])
    paint(qtbot, view)
    view.scrollTo(model.index(5_000, 0), view.ScrollHint.PositionAtTop)
    paint(qtbot, view)

    assert cell(view, 5_000, 0) == PLACEHOLDER and cell(view, 5_000, 1) == ""
    assert view.model().index(5_000, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    pool.run(pool.pending("rows")[0])
    assert cell(view, 5_000) == "item 005001"
    model.stop()


def test_a_late_page_answer_for_an_older_query_is_dropped(qtbot, source):
    pool = HeldWorkerPool()
    model = LazyTableModel(source, COLUMNS, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    model.start()
    pool.run(pool.pending("_read_head")[0])
    whole_list_asked(qtbot, pool)
    pool.run(pool.pending("ids")[0])
    paint(qtbot, view)
    view.scrollTo(model.index(5_000, 0), view.ScrollHint.PositionAtTop)
    paint(qtbot, view)
    (late,) = pool.pending("rows")  # rows 5000.. of the list "every item", asked for and not answered yet
    pool.execute(late)  # read now, delivered below

    model.set_query(Query(text="item 00"))  # items 1-9999: the late page's ids are in the new list too
    pool.run(pool.pending("_read_head")[-1])
    whole_list_asked(qtbot, pool)
    pool.run(pool.pending("ids")[-1])
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    pool.run(late)

    assert changed == []
    assert model.rowCount() == 9_999
    row = model.row_of(5_001)
    assert row == 5_000 and model.row_object(row) is None  # not taken from the late answer
    model.stop()


def test_a_late_id_list_for_an_older_query_is_dropped(qtbot, source):
    pool = HeldWorkerPool()
    model = LazyTableModel(source, COLUMNS, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    model.start()
    model.set_query(Query(text="item 001"))
    model.set_query(Query(text="item 002"))
    _first, older, newer = pool.pending("_read_head")

    pool.run(newer)
    whole_list_asked(qtbot, pool)
    pool.run(pool.pending("ids")[-1])
    pool.run(older)  # the answer to "item 001" arrives last

    pool.run(_first)  # the very first list's answer, later still
    assert pool.pending() == []  # and asked for nothing more
    assert cell(view, 0) == "item 002000" and model.rowCount() == 1000
    model.stop()


def test_selection_by_id_survives_a_refresh_with_a_row_inserted_above(qtbot, table, source):
    model = table.lazy
    model.start()
    table.scrollTo(model.index(3_000, 0), table.ScrollHint.PositionAtTop)
    paint(qtbot, table)
    table.select_id(3_005)
    assert table.selected_ids().tolist() == [3_005]
    top_before = model.id_at(table.rowAt(0))

    # Two new items sort before everything; one item far below goes away.
    source.items[-1] = Item(-1, "item -00001")
    source.items[0] = Item(0, "item 000000")
    del source.items[9_000]
    model.refresh()
    paint(qtbot, table)

    assert model.rowCount() == 10_001
    assert table.selected_ids().tolist() == [3_005]
    assert table.selectionModel().isRowSelected(model.row_of(3_005))
    assert model.row_of(3_005) == 3_006  # two rows above it now
    assert table.current_id() == 3_005
    assert model.id_at(table.rowAt(0)) == top_before  # the same row is at the top of the screen


def test_a_range_selection_and_select_all_survive_a_refresh(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    selection = table.selectionModel()
    add_rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectRow(2)
    selection.select(model.index(5, 0), add_rows)
    table.setSelection(table.visualRect(model.index(10, 0)).united(table.visualRect(model.index(12, 1))), add_rows)
    assert table.selected_ids().tolist() == [3, 6, 11, 12, 13]

    source.items[0] = Item(0, "item 000000")
    model.refresh()
    assert table.selected_ids().tolist() == [3, 6, 11, 12, 13]

    table.selectAll()
    source.items[-1] = Item(-1, "item -00001")
    model.refresh()
    assert len(table.selected_ids()) == model.rowCount() == 10_002


def test_refresh_keeps_the_top_when_the_view_is_at_the_top(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    source.items[0] = Item(0, "item 000000")
    model.refresh()
    paint(qtbot, table)
    assert table.rowAt(0) == 0 and cell(table, 0) == "item 000000"  # the new row shows at once


def test_refresh_marks_rows_stale_and_refetches_only_the_rows_on_screen(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    source.items[3] = Item(3, "item 000003 renamed")
    calls = len(source.row_calls)

    model.refresh()
    paint(qtbot, table)

    assert cell(table, 2) == "item 000003 renamed"
    assert len(source.row_calls) == calls + 1 and source.row_calls[-1] == list(range(1, 51))


def test_clicking_a_column_header_sorts_in_the_source(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    asked = len(source.id_calls)

    table.horizontalHeader().sectionClicked.emit(0)  # what a click on "Id" does
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    paint(qtbot, table)

    assert source.id_calls[asked][0] == Query(descending=True)
    assert cell(table, 0) == "item 010000"
    assert table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    before = len(source.id_calls)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # "Name" is not sortable: nothing is asked
    assert len(source.id_calls) == before


def test_rows_gone_from_the_source_show_a_dash(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    del source.items[60]  # not read yet: its page comes after the first
    table.scrollTo(model.index(59, 0), table.ScrollHint.PositionAtTop)
    paint(qtbot, table)
    assert cell(table, 59, 0) == GONE


def test_the_cache_is_bounded(qtbot, source):
    pool = WorkerPool(synchronous=True)
    model = LazyTableModel(source, COLUMNS, pool, Query(), page_size=50, head_rows=50, max_pages=3)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    model.start()
    paint(qtbot, view)
    for row in range(0, 5_000, 500):
        view.scrollTo(model.index(row, 0), view.ScrollHint.PositionAtTop)
        paint(qtbot, view)
    cached = sum(model.row_object(row) is not None for row in range(model.rowCount()))
    assert 0 < cached <= 150
    model.stop()


def test_select_all_over_many_rows_does_not_make_qt_visit_every_row(qtbot, pool):
    """Qt's header asks, per column, whether every row is selected (flags() for each row): our headers
    get an empty selection model. Without it a paint after Ctrl+A over a million rows took 15 s."""

    class Counting(LazyTableModel):
        flag_calls = 0

        def flags(self, index):
            Counting.flag_calls += 1
            return super().flags(index)

    model = Counting(Source.of(100_000), COLUMNS, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    model.start()
    paint(qtbot, view)
    Counting.flag_calls = 0
    view.selectAll()
    view.horizontalHeader().viewport().repaint()
    paint(qtbot, view)
    assert Counting.flag_calls < 5_000  # the cells on screen, not 200,000
    assert len(view.selected_ids()) == 100_000
    model.stop()


def test_dragging_over_many_rows_asks_only_for_where_it_stops(qtbot, table, source):
    model = table.lazy
    model.start()
    paint(qtbot, table)
    for row in range(0, 9_000, 300):  # thirty screens painted, none stayed on for the fetch delay
        table.scrollTo(model.index(row, 0), table.ScrollHint.PositionAtTop)
        table.viewport().repaint()
    table.scrollTo(model.index(9_500, 0), table.ScrollHint.PositionAtTop)
    paint(qtbot, table)

    assert len(source.row_calls) == 2 and 9_501 in source.row_calls[1]
    assert cell(table, 9_500) == "item 009501"


def test_cells_are_painted_from_one_call_per_cell(qtbot, table):
    """Qt 6's delegate asks for seven roles at once (multiData): answered in one call into Python."""
    from PySide6.QtCore import QModelRoleData

    model = table.lazy
    model.start()
    paint(qtbot, table)
    roles = [QModelRoleData(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                                Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole)]
    model.multiData(model.index(4, 1), roles)
    assert roles[0].data() == "item 000005" and roles[1].data() is None and roles[3].data() is None
    assert roles[2].data() == int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    assert [model.index(4, 1).data(role.role()) for role in roles] == [r.data() for r in roles]


def test_a_source_that_reads_the_first_screenful_in_one_go_is_asked_once(qtbot, pool):
    class OneGo(Source):
        def first_rows(self, query: Query, limit: int, rows: int):
            self.first_calls.append((query, limit, rows))
            ids = Source.ids(self, query, limit)
            return ids, [self.items[i] for i in ids[:rows]]

    source = OneGo.of(500)
    source.first_calls = []
    model = LazyTableModel(source, COLUMNS, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    model.start()
    paint(qtbot, view)
    assert source.first_calls == [(Query(), 51, 50)]
    assert source.row_calls == [] and [limit for _q, limit in source.id_calls] == [51, None]
    assert cell(view, 0) == "item 000001" and model.rowCount() == 500
    model.stop()


def test_a_cells_colour_does_not_carry_over_to_the_next_cell(qtbot, pool, source):
    """Qt's delegate hands the same role data from cell to cell: a role a cell has no value for is cleared."""
    from PySide6.QtCore import QModelRoleData

    coloured = [Column(lambda: "Name", lambda item: item.name,
                       foreground=lambda item: "#b42318" if item.id % 2 else None)]
    model = LazyTableModel(source, coloured, pool, Query(), page_size=50, head_rows=50)
    view = LazyTableView(model, row_height=ROW_HEIGHT)
    qtbot.addWidget(view)
    model.start()
    roles = [QModelRoleData(Qt.ItemDataRole.ForegroundRole), QModelRoleData(Qt.ItemDataRole.DisplayRole)]
    model.multiData(model.index(0, 0), roles)  # item 1: red
    assert roles[0].data() is not None
    model.multiData(model.index(1, 0), roles)  # item 2: the view's own colour
    assert roles[0].data() is None and roles[1].data() == "item 000002"
    model.stop()
