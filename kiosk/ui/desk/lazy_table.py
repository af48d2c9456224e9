"""A table over a big query: the ids are sorted in SQL and kept, the rows are fetched for what is on screen.

The one way to put a table view over a query that may match a million rows (the visitor log; parcels,
supplies and rooms later). Anki's card browser works the same way: keep the sorted ids, build a row
when the view asks for it. Here the rows come from the database through the worker pool, a page at
a time, so the GUI thread never waits for SQL::

    model = LazyTableModel(gateway, columns, pool, VisitQuery(), sort=SortBinding(...))
    view = LazyTableView(model)
    model.start()                  # first screenful, then the whole id list
    model.set_query(new_query)     # a search, a filter
    model.refresh()                # the data changed (the change watcher said so)

**Source.** Anything with ``ids(query, limit=None) -> Sequence[int]`` (the ids, sorted, all or the
first ``limit``) and ``rows(ids) -> Sequence[row]`` (rows with an ``id``, in any order; ids that no
longer exist are left out). Both run on a worker thread, one unit of work each. A source may also
have ``first_rows(query, limit, rows) -> (ids, rows)``: the first ``limit`` ids and the rows of the
first ``rows`` of them in one unit of work (one round of BEGIN/ROLLBACK fewer for every search).

**Columns.** ``Column(title, text, sort_key=...)``: ``title()`` is asked again on a language change,
``text(row)`` gives the cell as plain text (the view's delegates never read HTML). Clicking a header
re-queries the ids in SQL, sorted by that column (``SortBinding`` says how a query is sorted).

**Lists.** A new query asks first for the first ``head_rows`` ids and the first page's rows in one job
(the first screenful is painted as soon as that answers), then, once that is painted, for the whole
id list; ``refresh()`` asks for the whole list at once (the view's place and selection are kept, by
id). Every answer carries the number of the question it answers: an answer for a query since
replaced, or rows for an id list since replaced, are dropped.

**Rows.** A cell whose row has not arrived shows a light placeholder and notes the row's page
(``page_size`` rows). Once no new page has been wanted for ``fetch_delay_ms`` (scrolling has paused),
the pages on screen are asked for, at most ``max_in_flight`` at a time: dragging the scroll bar over a
million rows asks for nothing on the way. Fetched rows are cached by id in a bounded LRU (``max_pages``
pages' worth), so a re-sort or a narrower search shows known rows at once; ``refresh()`` marks them
stale, and they stay on screen until their page comes back. A cell is answered in one call into
Python for all the roles Qt's delegate asks (``multiData``), from texts worked out once per row.

**View.** ``LazyTableView`` keeps selection, current row and scroll position by id across id lists
(a visit inserted above the selected one does not move the selection to its neighbour), and gives
its headers a selection model of their own: Qt's header asks whether each column is "selected",
row by row, which after Ctrl+A over a million rows took 15 s per paint.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kiosk.ui.common.workers import WorkerPool

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
Q = TypeVar("Q")

PAGE_SIZE = 100
HEAD_ROWS = 100
MAX_PAGES = 40
MAX_IN_FLIGHT = 2
# Pages wanted but not yet asked for; older wants (rows scrolled past) fall off the end.
MAX_WANTED = 6
# Rows are asked for this long after the last new page was wanted (scrolling has paused).
FETCH_DELAY_MS = 30
# The whole id list is asked for this long after the first screenful arrived (it is painted first).
WHOLE_LIST_DELAY_MS = 30
PLACEHOLDER = "\u2026"  # …
GONE = "\u2014"  # — a row whose record was deleted (retention) since the ids were read
PLACEHOLDER_COLOUR = "#b8c2cc"


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class Placement(IntEnum):
    """Where the view goes when a new id list is installed."""

    TOP = 0  # a new search or filter: its first rows
    KEEP = 1  # the same rows, refreshed or completed: the top row on screen stays on top (by id)
    FOLLOW = 2  # re-sorted: the current row, wherever it went


Q_in = TypeVar("Q_in", contravariant=True)
R_out = TypeVar("R_out", covariant=True)


class TableSource(Protocol[Q_in, R_out]):
    """What the model reads through the worker pool (e.g. ``VisitorLogGateway``)."""

    def ids(self, query: Q_in, limit: int | None = None) -> Sequence[int]: ...

    def rows(self, ids: Sequence[int]) -> Sequence[R_out]: ...


@dataclass(frozen=True)
class Column(Generic[R]):
    title: Callable[[], str]
    text: Callable[[R], str]
    sort_key: Hashable | None = None  # None: not sortable
    width: int = 120
    foreground: Callable[[R], str | None] | None = None  # a colour name, or None for the default
    background: Callable[[R], str | None] | None = None
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class SortBinding(Generic[Q]):
    """How a query is sorted: ``of(query) -> (sort key, descending)`` and ``by(query, key, descending) -> query``."""

    of: Callable[[Q], tuple[Hashable, bool]]
    by: Callable[[Q, Hashable, bool], Q]


class _Gone:
    """Cached for an id whose row the source no longer has."""


_GONE_ROW = _Gone()


@dataclass
class _Cached:
    row: Any  # R or _GONE_ROW
    epoch: int  # the data epoch the row was read in; older than the model's: stale, shown until refetched
    cells: tuple[_Cell, ...] | None = None  # worked out at the first paint, again after a language change


# What a cell paints: text, foreground, background (None: the view's own).
_Cell = tuple[str, "QColor | None", "QColor | None"]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_COLOURS: dict[str, QColor] = {}


def _colour(name: str | None) -> QColor | None:
    if not name:
        return None
    if name not in _COLOURS:
        _COLOURS[name] = QColor(name)
    return _COLOURS[name]


_PLACEHOLDER_CELL: _Cell = (PLACEHOLDER, QColor(PLACEHOLDER_COLOUR), None)
_EMPTY_PLACEHOLDER: _Cell = ("", None, None)


def ranges(selection: QItemSelection) -> list[QItemSelectionRange]:
    return [selection.at(i) for i in range(selection.count())]


def as_id_array(ids: Sequence[int]) -> array[int]:
    if isinstance(ids, array) and ids.typecode == "q":
        return ids
    return array("q", ids)


class LazyTableModel(QAbstractTableModel, Generic[Q, R]):
    """See the module docstring."""

    # (rows now, whether that is every row or only the first screenful)
    countChanged = Signal(int, bool)
    # True while an id list is being read
    busyChanged = Signal(bool)
    # the error a source call raised (a ServiceError; the worker pool wraps anything else)
    failed = Signal(object)
    # emitted around every new id list, so a view can keep its selection and position by id
    idsAboutToBeReplaced = Signal()
    idsReplaced = Signal(int)  # a Placement

    def __init__(
        self, source: TableSource[Q, R], columns: Sequence[Column[R]], pool: WorkerPool, query: Q, *,
        sort: SortBinding[Q] | None = None, page_size: int = PAGE_SIZE, head_rows: int = HEAD_ROWS,
        max_pages: int = MAX_PAGES, max_in_flight: int = MAX_IN_FLIGHT, fetch_delay_ms: int = FETCH_DELAY_MS,
        whole_list_delay_ms: int = WHOLE_LIST_DELAY_MS, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source, self.columns, self.pool, self.sort_binding = source, list(columns), pool, sort
        self.page_size, self.head_rows = page_size, max(head_rows, page_size)
        self.max_cached_rows, self.max_in_flight = max_pages * page_size, max_in_flight
        self._query = query
        self._ids: array[int] = array("q")
        self._id_bytes: bytes | None = None
        self._complete = False
        self._question = 0  # numbers each id-list question; answers to older ones are dropped
        self._list = 0  # numbers each id list installed; page answers for older lists are dropped
        self._started = False
        self._asking = False
        self._ask_again = False  # a refresh() arrived while a list was being read
        self._epoch = 0  # bumped by refresh(): rows read before are stale
        self._cache: OrderedDict[int, _Cached] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()  # page numbers, most recently wanted last
        self._in_flight: set[int] = set()  # page numbers asked for, for the current list
        self._failed_pages: set[int] = set()  # pages whose rows could not be read (until the next list)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(fetch_delay_ms)
        self._flush_timer.timeout.connect(self._fetch_wanted)
        self._whole_list_wanted: tuple[int, Placement] | None = None
        self._whole_timer = QTimer(self)
        self._whole_timer.setSingleShot(True)
        self._whole_timer.setInterval(whole_list_delay_ms)
        self._whole_timer.timeout.connect(self._ask_for_whole_list)
        self._alignments = [int(column.alignment) for column in self.columns]
        # (first row, last row) on screen, set by the view (LazyTableView does): pages wanted by
        # paints on the way to it are not fetched. Without it every page painted recently is.
        self.visible_rows: Callable[[], tuple[int, int]] | None = None
        self.page_requests = 0  # rows() calls made, for tests and benchmarks

    # -- what the owner calls -------------------------------------------------------------------------------

    @property
    def query(self) -> Q:
        return self._query

    def start(self) -> None:
        """Read the first list (a model starts empty, and asks nothing until started)."""
        self._started = True
        self._ask(Placement.TOP)

    def set_query(self, query: Q) -> None:
        """Show ``query``'s rows from the top (a search, a filter, a sort)."""
        if query == self._query and (self._ids or self._asking):
            return
        self._query = query
        if self._started:
            self._ask(Placement.TOP)

    def refresh(self) -> None:
        """The data changed: read the id list again and refetch the rows on screen, keeping the place."""
        self._epoch += 1
        if not self._started:
            return
        if self._asking:
            self._ask_again = True
            return
        self._ask(Placement.KEEP)

    def stop(self) -> None:
        """Forget questions in flight (their answers are dropped) and stop the timer; start() again to resume."""
        self._started = False
        self._question += 1
        self._list += 1
        self._asking = self._ask_again = False
        self._in_flight.clear()
        self._wanted.clear()
        self._whole_list_wanted = None
        self._flush_timer.stop()
        self._whole_timer.stop()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int:
        """The row showing ``item_id``, or -1. A search of the ids' bytes (a million in about a millisecond)."""
        if self._id_bytes is None:
            self._id_bytes = self._ids.tobytes()
        needle = array("q", [item_id]).tobytes()
        start = 0
        while (found := self._id_bytes.find(needle, start)) >= 0:
            if found % 8 == 0:
                return found // 8
            start = found + 1
        return -1

    def ids(self) -> array[int]:
        return self._ids

    def ids_in(self, selection: QItemSelection) -> array[int]:
        """The ids of the rows in ``selection`` (ranges: Ctrl+A over a million rows is one), top to bottom."""
        spans = sorted({(r.top(), r.bottom()) for r in ranges(selection) if r.isValid()})
        chosen: array[int] = array("q")
        end = -1
        for top, bottom in spans:
            top = max(top, end + 1)
            if top <= bottom:
                chosen.extend(self._ids[top:bottom + 1])
                end = bottom
        return chosen

    def row_object(self, row: int) -> R | None:
        """The fetched row at ``row`` (possibly stale), or None when it has not arrived."""
        item = self.id_at(row)
        cached = self._cache.get(item) if item is not None else None
        return None if cached is None or isinstance(cached.row, _Gone) else cached.row

    @property
    def complete(self) -> bool:
        """Whether the ids are every match (not only the first screenful)."""
        return self._complete

    @property
    def busy(self) -> bool:
        """An id list is being read."""
        return self._asking

    @property
    def fetching(self) -> bool:
        """Rows are about to be asked for, or are being read."""
        return self._flush_timer.isActive() or bool(self._in_flight)

    @property
    def scheduled(self) -> bool:
        """Rows or the whole id list are about to be asked for (waiting for scrolling to pause, or for
        the first screenful to be painted)."""
        return self._flush_timer.isActive() or self._whole_timer.isActive()

    @property
    def settled(self) -> bool:
        """Nothing asked and not answered: the whole list is in and the rows on screen too."""
        return not self._asking and not self.fetching and not self.scheduled

    def sort_indicator(self) -> tuple[int, Qt.SortOrder] | None:
        if self.sort_binding is None:
            return None
        key, descending = self.sort_binding.of(self._query)
        for number, column in enumerate(self.columns):
            if column.sort_key is not None and column.sort_key == key:
                return number, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return None

    def retranslate(self) -> None:
        """The language changed: headers and cell texts (statuses, types) are worked out again."""
        for cached in self._cache.values():
            cached.cells = None
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    # -- Qt's model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self._cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell[1]
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell[2]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignments[index.column()]
        return None

    def multiData(self, index: Index, roles: Any) -> None:
        """All the roles a delegate paints a cell with, in one call (Qt 6 asks for seven at once): a
        call into Python per cell instead of per cell and role. Each call from Qt's thread into Python
        takes the GIL, which a worker reading rows may hold; seven per cell made a paint 80 ms."""
        cell = self._cell(index)
        for wanted in roles:
            # Qt hands the same role data objects from cell to cell: a role this cell has no value for
            # must be cleared, or the previous cell's colour paints this one.
            wanted.clearData()
        if cell is None:
            return
        for wanted in roles:
            role = wanted.role()
            if role == _DISPLAY:
                wanted.setData(cell[0])
            elif role == _FOREGROUND and cell[1] is not None:
                wanted.setData(cell[1])
            elif role == _BACKGROUND and cell[2] is not None:
                wanted.setData(cell[2])
            elif role == _ALIGNMENT:
                wanted.setData(self._alignments[index.column()])

    def _cell(self, index: Index) -> _Cell | None:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._ids):
            return None
        cached = self._cache.get(self._ids[row])
        if cached is None or cached.epoch != self._epoch:
            self._want(row)
        if cached is None:
            return _PLACEHOLDER_CELL if index.column() == 0 else _EMPTY_PLACEHOLDER
        if cached.cells is None:
            cached.cells = self._cells(cached.row)
        return cached.cells[index.column()]

    def _cells(self, row: Any) -> tuple[_Cell, ...]:
        if isinstance(row, _Gone):
            return ((GONE, _colour(PLACEHOLDER_COLOUR), None),) + (_EMPTY_PLACEHOLDER,) * (len(self.columns) - 1)
        return tuple(
            (column.text(row), _colour(column.foreground(row)) if column.foreground else None,
             _colour(column.background(row)) if column.background else None)
            for column in self.columns
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header was clicked: the ids are read again, sorted in SQL by that column."""
        if self.sort_binding is None or not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        query = self.sort_binding.by(self._query, key, order == Qt.SortOrder.DescendingOrder)
        if query != self._query:
            self._query = query
            if self._started:
                self._ask(Placement.FOLLOW)

    # -- id lists ---------------------------------------------------------------------------------------------

    def _ask(self, placement: Placement) -> None:
        self._question += 1
        question, query = self._question, self._query
        self._ask_again = False
        self._set_busy(True)
        if placement is Placement.KEEP and self._complete and len(self._ids) > self.head_rows:
            # The list on screen is long: swapping in a first screenful would make the scroll bar jump.
            self.pool.submit(self.source.ids, query, on_done=partial(self._whole_list, question, placement),
                             on_error=partial(self._list_failed, question))
        else:
            self.pool.submit(self._read_head, query, on_done=partial(self._head, question, placement),
                             on_error=partial(self._list_failed, question))

    def _read_head(self, query: Q) -> tuple[Sequence[int], Sequence[R]]:
        """On a worker: the first ids (one more than shown, to know whether there are more) and the first page;
        in one call (one unit of work) when the source has ``first_rows``."""
        first_rows = getattr(self.source, "first_rows", None)
        if callable(first_rows):
            answer: tuple[Sequence[int], Sequence[R]] = first_rows(query, self.head_rows + 1, self.page_size)
            return answer
        ids = self.source.ids(query, self.head_rows + 1)
        return ids, self.source.rows(list(ids[:self.page_size]))

    def _head(self, question: int, placement: Placement, answer: tuple[Sequence[int], Sequence[R]]) -> None:
        if question != self._question:
            return  # a newer query was asked meanwhile
        ids, rows = answer
        complete = len(ids) <= self.head_rows
        self._remember(rows, ids[:self.page_size], self._epoch)
        self._install(as_id_array(ids[:self.head_rows]), complete, placement)
        if complete:
            self._list_done()
        else:
            # The rest of the list keeps the place the person may have scrolled to meanwhile. It is
            # asked for a moment later: reading it competes for the processor (and the GIL) with
            # painting the first rows, which the person is waiting for.
            after = Placement.FOLLOW if placement is Placement.FOLLOW else Placement.KEEP
            self._whole_list_wanted = (question, after)
            self._whole_timer.start()

    def _ask_for_whole_list(self) -> None:
        if self._whole_list_wanted is None:
            return
        question, after = self._whole_list_wanted
        self._whole_list_wanted = None
        if question == self._question:
            self.pool.submit(self.source.ids, self._query, on_done=partial(self._whole_list, question, after),
                             on_error=partial(self._list_failed, question))

    def _whole_list(self, question: int, placement: Placement, ids: Sequence[int]) -> None:
        if question != self._question:
            return
        self._install(as_id_array(ids), True, placement)
        self._list_done()

    def _list_done(self) -> None:
        self._set_busy(False)
        if self._ask_again:
            self._ask(Placement.KEEP)

    def _list_failed(self, question: int, error: Exception) -> None:
        if question != self._question:
            return
        self._set_busy(False)
        self._ask_again = False
        self.failed.emit(error)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._asking:
            self._asking = busy
            self.busyChanged.emit(busy)

    def _install(self, ids: array[int], complete: bool, placement: Placement) -> None:
        self.idsAboutToBeReplaced.emit()
        self.beginResetModel()
        self._ids, self._id_bytes, self._complete = ids, None, complete
        self._list += 1
        self._in_flight.clear()
        self._wanted.clear()
        self._failed_pages.clear()
        self.endResetModel()
        self.idsReplaced.emit(int(placement))
        self.countChanged.emit(len(ids), complete)

    # -- rows ---------------------------------------------------------------------------------------------------

    def _want(self, row: int) -> None:
        page = row // self.page_size
        if page in self._in_flight or page in self._failed_pages:
            return
        if page in self._wanted:
            self._wanted.move_to_end(page)
            return
        self._wanted[page] = None
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        # Asked for once the view has stayed on a page for a moment: dragging the scroll bar over a
        # million rows asks for nothing on the way, and the workers do not compete with the paints.
        self._flush_timer.start()

    def _fetch_wanted(self) -> None:
        if self.visible_rows is not None and self._wanted:
            # A view says what is on screen now: pages painted on the way there are not wanted any more.
            first, last = self.visible_rows()
            on_screen = range(max(first, 0) // self.page_size, max(last, 0) // self.page_size + 1)
            kept = [page for page in self._wanted if page in on_screen]
            self._wanted = OrderedDict.fromkeys(kept)
        while self._wanted and len(self._in_flight) < self.max_in_flight:
            page, _ = self._wanted.popitem(last=True)  # the latest paint's first
            ids = list(self._ids[page * self.page_size:(page + 1) * self.page_size])
            if not ids or all(self._is_fresh(i) for i in ids):
                continue
            self._in_flight.add(page)
            self.page_requests += 1
            self.pool.submit(self.source.rows, ids, on_done=partial(self._page, self._list, page, ids, self._epoch),
                             on_error=partial(self._page_failed, self._list, page))

    def _is_fresh(self, item: int) -> bool:
        cached = self._cache.get(item)
        return cached is not None and cached.epoch == self._epoch

    def _page(self, list_number: int, page: int, ids: list[int], epoch: int, rows: Sequence[R]) -> None:
        if list_number != self._list:
            return  # rows for an id list since replaced
        self._in_flight.discard(page)
        self._remember(rows, ids, epoch)
        first = page * self.page_size
        last = min(first + self.page_size, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self._fetch_wanted()

    def _page_failed(self, list_number: int, page: int, error: Exception) -> None:
        if list_number != self._list:
            return
        self._in_flight.discard(page)
        self._failed_pages.add(page)  # not asked again until the next list: no loop of failing paints
        self.failed.emit(error)

    def _remember(self, rows: Sequence[R], asked: Sequence[int], epoch: int) -> None:
        found = {row.id: row for row in rows}
        for item in asked:
            self._cache[item] = _Cached(found.get(item, _GONE_ROW), epoch)
            self._cache.move_to_end(item)
        while len(self._cache) > self.max_cached_rows:
            self._cache.popitem(last=False)


class LazyTableView(QTableView):
    """A dense, row-selecting table for a ``LazyTableModel`` that keeps its place and selection by id."""

    # More separate selected ranges than this (Ctrl+click) are not carried over to a new id list.
    MAX_KEPT_RANGES = 200

    def __init__(self, model: LazyTableModel[Any, Any], parent: QWidget | None = None, *, row_height: int = 32) -> None:
        super().__init__(parent)
        self.lazy = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # scroll value = top row
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(row_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents: it reads rows
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for number, column in enumerate(model.columns):
            header.resizeSection(number, column.width)
        # The headers get an empty selection model of their own: asked whether a column is selected,
        # Qt checks every row's flags (10 million calls into Python after Ctrl+A over a million rows).
        for own in (header, vertical):
            own.setSelectionModel(QItemSelectionModel(model, own))
        indicator = model.sort_indicator()
        if indicator is not None:
            header.setSortIndicator(*indicator)
        header.setSortIndicatorShown(model.sort_binding is not None)
        self.setSortingEnabled(model.sort_binding is not None)  # calls sort() with the indicator: a no-op
        self._kept: _Place | None = None
        model.visible_rows = self.visible_rows
        model.idsAboutToBeReplaced.connect(self._remember_place)
        model.idsReplaced.connect(self._restore_place)

    def visible_rows(self) -> tuple[int, int]:
        """(first, last) row on screen; (-1, -1) when there are none."""
        first = self.rowAt(0)
        if first < 0:
            return -1, -1
        last = self.rowAt(self.viewport().height() - 1)
        return first, last if last >= 0 else self.lazy.rowCount() - 1

    def selected_ids(self) -> array[int]:
        """The ids of the selected rows, top to bottom (never via selectedRows(): it visits every index)."""
        return self.lazy.ids_in(self.selectionModel().selection())

    def select_id(self, item_id: int) -> bool:
        row = self.lazy.row_of(item_id)
        if row < 0:
            return False
        self.selectRow(row)
        return True

    def current_id(self) -> int | None:
        current = self.currentIndex()
        return self.lazy.id_at(current.row()) if current.isValid() else None

    def _remember_place(self) -> None:
        model = self.lazy
        chosen = [r for r in ranges(self.selectionModel().selection()) if r.isValid()]
        all_rows = model.rowCount() > 0 and any(r.top() == 0 and r.bottom() == model.rowCount() - 1 for r in chosen)
        spans: list[tuple[int, int]] = []
        if not all_rows and len(chosen) <= self.MAX_KEPT_RANGES:
            for r in chosen:
                top, bottom = model.id_at(r.top()), model.id_at(r.bottom())
                if top is not None and bottom is not None:
                    spans.append((top, bottom))
        top_row = self.rowAt(0)
        self._kept = _Place(
            spans=spans, all_rows=all_rows, current=self.current_id(),
            top=model.id_at(top_row) if top_row >= 0 else None,
            top_row=max(top_row, 0), at_top=self.verticalScrollBar().value() == 0,
        )

    def _restore_place(self, placement: int) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        model, selection = self.lazy, QItemSelection()
        last_column = max(model.columnCount() - 1, 0)
        if kept.all_rows and model.rowCount():
            selection.select(model.index(0, 0), model.index(model.rowCount() - 1, last_column))
        for top_id, bottom_id in kept.spans:
            rows = [row for row in {model.row_of(top_id), model.row_of(bottom_id)} if row >= 0]
            if rows:  # both ends: the rows between them now; one end: that row
                selection.select(model.index(min(rows), 0), model.index(max(rows), last_column))
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        current = model.row_of(kept.current) if kept.current is not None else -1
        if current >= 0:
            self.selectionModel().setCurrentIndex(model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.doItemsLayout()  # the scroll range of the new row count now, not at the next paint
        scroll = self.verticalScrollBar()
        if placement == Placement.FOLLOW and current >= 0:
            self.scrollTo(model.index(current, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif placement == Placement.KEEP and not kept.at_top:
            row = model.row_of(kept.top) if kept.top is not None else -1
            scroll.setValue(row if row >= 0 else min(kept.top_row, max(model.rowCount() - 1, 0)))
        else:
            scroll.setValue(0)


@dataclass
class _Place:
    spans: list[tuple[int, int]]  # selected ranges by the ids of their first and last rows
    all_rows: bool
    current: int | None
    top: int | None  # the id of the top row on screen
    top_row: int
    at_top: bool
