"""The supply cupboard's items: add, edit (optimistic version), list with their balances, import from
CSV/XLSX, stock taken in by hand, returned, moved, an item's history, and what is under its minimum.

Balances are read from the item's cached ``on_hand``/``value_cents`` (kept in step with the ledger by
``ledger.post``, the only way stock changes), so listing every item never sums the ledger.

An item is below its minimum when ``on_hand < min_qty`` (pens: minimum 10, on hand 5); it is then to be
bought up to its reorder level: ``to_purchase = max(reorder_qty, min_qty) - on_hand``.

Import (``plan_item_import`` outside any transaction, then ``import_items`` in one): headers in Chinese or
English (名称/name, 规格/specification, 单位/unit, 类别/category, 存放位置/location, 条码/barcode,
最低库存/min, 补货至/reorder, 单价/unit_cost in yuan). A row updates the item with its barcode, else the
item with its name and specification, else adds one; a blank cell leaves an existing item's value as it
was. Every refused row is reported on one line naming its line number and the item.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, false, or_, select, update

from kiosk.db.uow import UnitOfWork
from kiosk.domain.supplies import DocumentKind, MovementKind
from kiosk.models.org import Department
from kiosk.models.supplies import StockMovement, SupplyItem
from kiosk.services import audit
from kiosk.services.directory.hosts import decode_csv
from kiosk.services.errors import Conflict, FieldError, NotFound, ValidationFailed
from kiosk.services.supplies import ledger
from kiosk.services.supplies.records import ItemForm, ItemRow, LowStockLine, MovementRow
from kiosk.services.text import clean_text

__all__ = [
    "ItemImportPlan", "add_item", "edit_item", "history", "import_items", "item_row", "list_items", "low_stock",
    "move_stock", "plan_item_import", "receive_stock", "return_stock",
]

MAX_LEVEL = 1_000_000  # a minimum or reorder level: a typo guard, as the ledger's per-movement limit
MAX_COST_CENTS = 100_000_000  # ¥1,000,000 per unit
MAX_IMPORT_ROWS = 20_000
HISTORY_MAX = 5_000


# -- the form ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clean:
    name: str
    unit: str
    specification: str
    category: str
    location: str
    barcode: str | None
    min_qty: int
    reorder_qty: int
    unit_cost_cents: int
    active: bool


def _checked(form: ItemForm) -> _Clean:
    errors: list[FieldError] = []
    name = clean_text(form.name, "name", max_len=100, required=True, errors=errors)
    unit = clean_text(form.unit, "unit", max_len=16, required=True, errors=errors)
    spec = clean_text(form.specification, "specification", max_len=100, errors=errors)
    category = clean_text(form.category, "category", max_len=50, errors=errors)
    location = clean_text(form.location, "location", max_len=50, errors=errors)
    barcode = clean_text(form.barcode, "barcode", max_len=64, errors=errors)
    for key, value, most in (("min", form.min_qty, MAX_LEVEL), ("reorder", form.reorder_qty, MAX_LEVEL),
                             ("unit_cost", form.unit_cost_cents, MAX_COST_CENTS)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
            errors.append(FieldError(key, "out_of_range", f"{key} is a whole number from 0 to {most:,}"))
    if not errors and form.reorder_qty < form.min_qty:
        errors.append(FieldError("reorder", "below_minimum",
                                 f"the reorder level ({form.reorder_qty}) is below the minimum ({form.min_qty})"))
    if errors:
        raise ValidationFailed(errors)
    return _Clean(name, unit, spec, category, location, barcode or None, form.min_qty, form.reorder_qty,
                  form.unit_cost_cents, bool(form.active))


def _label(name: str, specification: str) -> str:
    return f"{name} {specification}".strip()


def _refuse_duplicates(uow: UnitOfWork, clean: _Clean, item_id: int | None = None) -> None:
    others = (SupplyItem.id != item_id,) if item_id is not None else ()
    if clean.barcode is not None:
        holder = uow.session.scalar(select(SupplyItem).where(SupplyItem.barcode == clean.barcode, *others))
        if holder is not None:
            raise Conflict(f"barcode {clean.barcode} is already {_label(holder.name, holder.specification)} "
                           f"(item {holder.id})", code="barcode_taken")
    same = uow.session.scalar(select(SupplyItem.id).where(
        SupplyItem.name == clean.name, SupplyItem.specification == clean.specification, *others))
    if same is not None:
        raise Conflict(f"{_label(clean.name, clean.specification)} is already item {same}", code="item_exists")


# -- rows --------------------------------------------------------------------------------------------------------

_ROW_COLUMNS = (
    SupplyItem.id, SupplyItem.name, SupplyItem.specification, SupplyItem.unit, SupplyItem.category,
    SupplyItem.location, SupplyItem.barcode, SupplyItem.min_qty, SupplyItem.reorder_qty, SupplyItem.unit_cost_cents,
    SupplyItem.on_hand, SupplyItem.value_cents, SupplyItem.active, SupplyItem.version,
)


def to_purchase(on_hand: int, min_qty: int, reorder_qty: int) -> int:
    """Up to the reorder level when under the minimum, else 0."""
    return max(reorder_qty, min_qty) - on_hand if on_hand < min_qty else 0


def _row(values: Sequence[Any]) -> ItemRow:
    (item_id, name, spec, unit, category, location, barcode, min_qty, reorder_qty, cost, on_hand, value, active,
     version) = values
    return ItemRow(
        item_id=item_id, name=name, specification=spec, unit=unit, category=category, location=location,
        barcode=barcode or "", min_qty=min_qty, reorder_qty=reorder_qty, unit_cost_cents=cost, on_hand=on_hand,
        value_cents=value, below_minimum=on_hand < min_qty, to_purchase=to_purchase(on_hand, min_qty, reorder_qty),
        active=bool(active), version=version,
    )


def item_row(uow: UnitOfWork, item_id: int) -> ItemRow:
    values = uow.session.execute(select(*_ROW_COLUMNS).where(SupplyItem.id == item_id)
                                 .execution_options(populate_existing=True)).one_or_none()
    if values is None:
        raise NotFound(f"no supply item {item_id}")
    return _row(values)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(text: str, below_minimum_only: bool, include_inactive: bool) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not include_inactive:
        conditions.append(SupplyItem.active.is_(True))
    if below_minimum_only:
        conditions.append(SupplyItem.on_hand < SupplyItem.min_qty)
    words = (text or "").split()
    if len(" ".join(words)) > 100:
        return [false()]
    for word in words:  # every word somewhere in the name, specification, category or barcode
        pattern = f"%{_like_escape(word)}%"
        conditions.append(or_(*(column.ilike(pattern, escape="\\") for column in (
            SupplyItem.name, SupplyItem.specification, SupplyItem.category, SupplyItem.barcode))))
    return conditions


def list_items(uow: UnitOfWork, text: str = "", *, below_minimum_only: bool = False,
               include_inactive: bool = False) -> list[ItemRow]:
    """Items by category and name, with balance, value and what to buy; ``text`` searches name,
    specification, category and barcode (every word must match)."""
    query = select(*_ROW_COLUMNS).where(*_conditions(text, below_minimum_only, include_inactive)).order_by(
        SupplyItem.category, SupplyItem.name, SupplyItem.specification, SupplyItem.id)
    return [_row(values) for values in uow.session.execute(query)]


def low_stock(uow: UnitOfWork) -> list[LowStockLine]:
    """Every active item under its minimum, the emptiest (relative to its minimum) first."""
    rows = uow.session.execute(
        select(SupplyItem.id, SupplyItem.name, SupplyItem.specification, SupplyItem.unit, SupplyItem.on_hand,
               SupplyItem.min_qty, SupplyItem.reorder_qty)
        .where(SupplyItem.active.is_(True), SupplyItem.on_hand < SupplyItem.min_qty)
        .order_by(case((SupplyItem.on_hand == 0, 0), else_=1), SupplyItem.name, SupplyItem.specification,
                  SupplyItem.id))
    return [LowStockLine(item_id, name, spec, unit, on_hand, min_qty, to_purchase(on_hand, min_qty, reorder))
            for item_id, name, spec, unit, on_hand, min_qty, reorder in rows]


# -- add and edit ------------------------------------------------------------------------------------------------


def _audit_values(clean: _Clean) -> dict[str, Any]:
    return {"min_qty": clean.min_qty, "reorder_qty": clean.reorder_qty, "unit_cost_cents": clean.unit_cost_cents,
            "active": clean.active}


def _create(uow: UnitOfWork, clean: _Clean) -> SupplyItem:
    now = uow.now()
    item = SupplyItem(
        name=clean.name, specification=clean.specification, unit=clean.unit, category=clean.category,
        location=clean.location, barcode=clean.barcode, min_qty=clean.min_qty, reorder_qty=clean.reorder_qty,
        unit_cost_cents=clean.unit_cost_cents, on_hand=0, value_cents=0, active=clean.active, version=1,
        created_at=now, updated_at=now,
    )
    uow.session.add(item)
    uow.session.flush()
    audit.record(uow, "supply_item.added", "supply_item", item.id, after=_audit_values(clean))
    return item


def add_item(uow: UnitOfWork, form: ItemForm) -> ItemRow:
    """A new item with nothing on hand (stock comes in through ``receive_stock`` or a purchase).
    Conflict when its barcode, or its name with this specification, is already an item."""
    clean = _checked(form)
    _refuse_duplicates(uow, clean)
    item = _create(uow, clean)
    row = item_row(uow, item.id)
    uow.commit()
    return row


def _update(uow: UnitOfWork, item_id: int, clean: _Clean, version: int | None) -> None:
    """The item's own fields (not its stock) at the version the desk saw (None: whatever it is now); a new
    location is a MOVED line in the ledger."""
    item = uow.session.scalar(select(SupplyItem).where(SupplyItem.id == item_id).with_for_update()
                              .execution_options(populate_existing=True))
    if item is None:
        raise NotFound(f"no supply item {item_id}")
    seen = item.version if version is None else version
    if item.version != seen:
        raise Conflict(f"{_label(item.name, item.specification)} was changed at another desk; look again",
                       code="stale_version")
    before = {"min_qty": item.min_qty, "reorder_qty": item.reorder_qty, "unit_cost_cents": item.unit_cost_cents,
              "active": item.active}
    if clean.location != item.location:
        ledger.post(uow, item_id, MovementKind.MOVED, 0, reason="location edited", location_to=clean.location)
    changed = uow.session.execute(
        update(SupplyItem).where(SupplyItem.id == item_id, SupplyItem.version == seen).values(
            name=clean.name, specification=clean.specification, unit=clean.unit, category=clean.category,
            barcode=clean.barcode, min_qty=clean.min_qty, reorder_qty=clean.reorder_qty,
            unit_cost_cents=clean.unit_cost_cents, active=clean.active, version=SupplyItem.version + 1,
            updated_at=uow.now(),
        ).execution_options(synchronize_session=False))
    if getattr(changed, "rowcount", 0) != 1:
        raise Conflict(f"{_label(item.name, item.specification)} was changed at another desk; look again",
                       code="stale_version")
    audit.record(uow, "supply_item.edited", "supply_item", item_id, before=before, after=_audit_values(clean))


def edit_item(uow: UnitOfWork, item_id: int, form: ItemForm, version: int) -> ItemRow:
    """Conflict (``stale_version``) when the item changed since the desk read ``version``."""
    clean = _checked(form)
    _refuse_duplicates(uow, clean, item_id)
    _update(uow, item_id, clean, version)
    row = item_row(uow, item_id)
    uow.commit()
    return row


# -- stock in by hand, returned, moved, history -------------------------------------------------------------------


def _quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= ledger.MAX_QUANTITY:
        raise ValidationFailed([FieldError("quantity", "out_of_range",
                                           f"a quantity is a whole number from 1 to {ledger.MAX_QUANTITY:,}")])
    return quantity


def receive_stock(uow: UnitOfWork, item_id: int, quantity: int, unit_cost_cents: int | None = None,
                  reason: str = "") -> ItemRow:
    """Stock taken in by hand at ``unit_cost_cents`` (None: the item's last price)."""
    _quantity(quantity)
    if unit_cost_cents is not None and not 0 <= unit_cost_cents <= MAX_COST_CENTS:
        raise ValidationFailed([FieldError("unit_cost", "out_of_range",
                                           f"a unit cost is from 0 to {MAX_COST_CENTS // 100:,} yuan")])
    why = clean_text(reason, "reason", max_len=200)
    ledger.post(uow, item_id, MovementKind.RECEIVED, quantity, reason=why, document_kind=DocumentKind.MANUAL,
                unit_cost_cents=unit_cost_cents)
    row = item_row(uow, item_id)
    uow.commit()
    return row


def return_stock(uow: UnitOfWork, item_id: int, quantity: int, reason: str = "",
                 department_id: int | None = None) -> ItemRow:
    """Given back to the cupboard (unused, from ``department_id``)."""
    _quantity(quantity)
    why = clean_text(reason, "reason", max_len=200)
    if department_id is not None and uow.session.get(Department, department_id) is None:
        raise NotFound(f"no department {department_id}")
    ledger.post(uow, item_id, MovementKind.RETURNED, quantity, reason=why, document_kind=DocumentKind.MANUAL,
                department_id=department_id)
    row = item_row(uow, item_id)
    uow.commit()
    return row


def move_stock(uow: UnitOfWork, item_id: int, to_location: str, reason: str = "") -> ItemRow:
    """The item's stock now lives at ``to_location`` (a MOVED line: from where, to where)."""
    where = clean_text(to_location, "location", max_len=50, required=True)
    why = clean_text(reason, "reason", max_len=200)
    current = item_row(uow, item_id)
    if current.location == where:
        raise Conflict(f"{_label(current.name, current.specification)} is already at {where}", code="same_location")
    ledger.post(uow, item_id, MovementKind.MOVED, 0, reason=why, location_to=where)
    row = item_row(uow, item_id)
    uow.commit()
    return row


def history(uow: UnitOfWork, item_id: int, limit: int = 200) -> list[MovementRow]:
    """The item's ledger, newest first (at most ``limit`` lines)."""
    if uow.session.get(SupplyItem, item_id) is None:
        raise NotFound(f"no supply item {item_id}")
    limit = max(1, min(limit, HISTORY_MAX))
    query = (
        select(StockMovement.id, StockMovement.kind, StockMovement.quantity, StockMovement.value_cents,
               StockMovement.balance_after, StockMovement.at, StockMovement.actor, StockMovement.reason,
               StockMovement.document_kind, StockMovement.document_id, Department.name,
               StockMovement.location_from, StockMovement.location_to)
        .outerjoin(Department, Department.id == StockMovement.department_id)
        .where(StockMovement.item_id == item_id)
        .order_by(StockMovement.id.desc()).limit(limit)
    )
    rows = []
    for (movement_id, kind, quantity, value, balance, at, actor, reason, doc_kind, doc_id, department, source,
         target) in uow.session.execute(query):
        if kind is MovementKind.MOVED and not reason:
            reason = f"{source or '—'} → {target or '—'}"
        rows.append(MovementRow(movement_id, item_id, kind, quantity, value, balance, at, actor, reason, doc_kind,
                                doc_id, department or ""))
    return rows


# -- import ------------------------------------------------------------------------------------------------------

# Each column's names as a header may spell them (compared trimmed and case-folded).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("名称", "品名", "物品名称", "name"),
    "specification": ("规格", "规格型号", "specification", "spec"),
    "unit": ("单位", "unit"),
    "category": ("类别", "分类", "category"),
    "location": ("存放位置", "位置", "location"),
    "barcode": ("条码", "barcode"),
    "min": ("最低库存", "min", "minimum", "min_qty"),
    "reorder": ("补货至", "reorder", "reorder_qty", "reorder level"),
    "unit_cost": ("单价", "unit_cost", "unit cost", "cost"),
}
REQUIRED = ("name", "unit")
_HEADER = {alias.casefold(): key for key, aliases in COLUMNS.items() for alias in aliases}
_YUAN = re.compile(r"\d+(\.\d+)?|\.\d+")


@dataclass(frozen=True)
class ImportRow:
    line: int
    values: dict[str, str]  # the columns the file has, by key; "" for a blank cell
    label: str  # how the refusal names the row


@dataclass
class ItemImportPlan:
    """The whole file read before anything is saved. ``problems``: one line per refused row (or the
    file's own problem, ``refused``: then nothing is to be saved)."""

    rows: list[ImportRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    refused: bool = False


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    # Imported on first use: the desk starts without it. openpyxl ships no types.
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell_text(v) for v in values]
    finally:
        book.close()


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = decode_csv(data)
    yield from csv.reader(io.StringIO(text, newline=""))


def plan_item_import(data: bytes, filename: str = "") -> ItemImportPlan:
    """Read every row of a CSV (UTF-8 with or without BOM, or GBK) or XLSX file, outside any transaction."""
    plan = ItemImportPlan()
    is_xlsx = data[:4] == b"PK\x03\x04" or filename.lower().endswith(".xlsx")
    try:
        rows = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
        header = next(rows, None)
        if header is None:
            return _refuse(plan, "the file is empty")
        keys = [_HEADER.get(cell.strip().casefold(), "") for cell in header]
        missing = [key for key in REQUIRED if key not in keys]
        if missing:
            wanted = ", ".join(f"{COLUMNS[key][0]}/{COLUMNS[key][-1] if key != 'name' else 'name'}"
                               for key in missing)
            return _refuse(plan, f"missing column(s): {wanted}")
        for number, cells in enumerate(rows, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(plan.rows) + len(plan.problems) >= MAX_IMPORT_ROWS:
                return _refuse(plan, f"more than {MAX_IMPORT_ROWS:,} rows; split the file")
            values = {key: cells[i].strip() if i < len(cells) else ""
                      for i, key in enumerate(keys) if key}
            label = _label(values.get("name", ""), values.get("specification", "")) or ",".join(cells)[:60]
            plan.rows.append(ImportRow(number, values, label))
    except UnicodeDecodeError:
        return _refuse(plan, "the file is neither UTF-8 nor GBK text, nor an Excel workbook (.xlsx)")
    except csv.Error as exc:
        return _refuse(plan, f"the file cannot be read as CSV: {exc}")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return _refuse(plan, f"the file cannot be read as an Excel workbook: {exc}")
    return plan


def _refuse(plan: ItemImportPlan, message: str) -> ItemImportPlan:
    plan.rows, plan.problems, plan.refused = [], [message + "; nothing imported"], True
    return plan


def _whole(text: str, key: str) -> int:
    cleaned = text.replace(",", "").strip()
    if cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not cleaned.isascii() or not cleaned.isdigit():
        raise ValidationFailed([FieldError(key, "not_a_number", f"{key} {text!r} is not a whole number")])
    return int(cleaned)


def yuan_to_cents(text: str, key: str = "unit_cost") -> int:
    """``12.50``, ``¥12.5``, ``12元``, ``1,200`` as integer cents. A spreadsheet's number may carry more
    digits than were typed (0.1 + 0.2): within a millionth of a cent amount it is that amount."""
    cleaned = text.strip().replace(",", "").lstrip("¥￥").removesuffix("元").strip()
    refused = ValidationFailed([FieldError(key, "not_an_amount", f"{key} {text!r} is not an amount in yuan "
                                                                 "(e.g. 12.50)")])
    if not _YUAN.fullmatch(cleaned):
        raise refused
    exact = Decimal(cleaned)
    cents = exact.quantize(Decimal("0.01"))
    if abs(exact - cents) > Decimal("0.000001"):
        raise refused
    return int(cents * 100)


def _form_of(row: ImportRow, existing: ItemRow | None) -> ItemForm:
    values = row.values

    def text(key: str, current: str) -> str:
        given = values.get(key, "")
        return given if given else current

    def number(key: str, current: int) -> int:
        given = values.get(key, "")
        if not given:
            return current
        return yuan_to_cents(given, key) if key == "unit_cost" else _whole(given, key)

    base = existing or ItemRow(0, "", "", "", "", "", "", 0, 0, 0, 0, 0, False, 0, True, 0)
    min_qty = number("min", base.min_qty)
    reorder = number("reorder", base.reorder_qty)
    if not values.get("reorder") and reorder < min_qty:
        reorder = min_qty  # no reorder level given: buy up to the minimum
    return ItemForm(
        name=text("name", base.name), unit=text("unit", base.unit),
        specification=text("specification", base.specification), category=text("category", base.category),
        location=text("location", base.location), barcode=text("barcode", base.barcode), min_qty=min_qty,
        reorder_qty=reorder, unit_cost_cents=number("unit_cost", base.unit_cost_cents),
        active=base.active,
    )


def import_items(uow: UnitOfWork, plan: ItemImportPlan) -> tuple[int, list[str]]:
    """Save the plan's rows in this transaction: (items added or updated, one line per refused row)."""
    if plan.refused:
        return 0, list(plan.problems)
    problems = list(plan.problems)
    saved = 0
    seen: dict[int, int] = {}  # item id -> the line that saved it
    for row in plan.rows:
        try:
            item_id = _import_row(uow, row, seen)
        except ValidationFailed as exc:
            problems.append(f"line {row.line} ({row.label}): {'; '.join(e.message for e in exc.errors)}")
            continue
        except Conflict as exc:
            problems.append(f"line {row.line} ({row.label}): {exc.message}")
            continue
        seen[item_id] = row.line
        saved += 1
    if saved:
        audit.record(uow, "supply_item.imported", "supply_item", None,
                     after={"saved": saved, "refused": len(problems)})
    uow.commit()
    return saved, problems


def _import_row(uow: UnitOfWork, row: ImportRow, seen: dict[int, int]) -> int:
    barcode = row.values.get("barcode", "")
    existing_id = uow.session.scalar(select(SupplyItem.id).where(SupplyItem.barcode == barcode)) if barcode else None
    if existing_id is None:
        name = clean_text(row.values.get("name", ""), "name", max_len=100, required=True)
        spec = clean_text(row.values.get("specification", ""), "specification", max_len=100)
        existing_id = uow.session.scalar(select(SupplyItem.id).where(
            SupplyItem.name == name, SupplyItem.specification == spec).order_by(SupplyItem.id).limit(1))
    if existing_id is not None and existing_id in seen:
        raise Conflict(f"the same item as line {seen[existing_id]}")
    existing = item_row(uow, existing_id) if existing_id is not None else None
    clean = _checked(_form_of(row, existing))
    _refuse_duplicates(uow, clean, existing_id)  # checked before anything of the row is written
    if existing is None:
        return _create(uow, clean).id
    if _differs(existing, clean):
        _update(uow, existing.item_id, replace(clean, active=existing.active), None)
    return existing.item_id


def _differs(row: ItemRow, clean: _Clean) -> bool:
    return (row.name, row.specification, row.unit, row.category, row.location, row.barcode or None, row.min_qty,
            row.reorder_qty, row.unit_cost_cents) != (
        clean.name, clean.specification, clean.unit, clean.category, clean.location, clean.barcode, clean.min_qty,
        clean.reorder_qty, clean.unit_cost_cents)
