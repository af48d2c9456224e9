"""Printing for people (aligned columns that stay aligned with Chinese) and for scripts (JSON)."""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = []
    for row in [headers, *rows]:
        cells = [cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, empty: str) -> None:
    print(format_table(headers, rows) if rows else empty)


def jsonable(value: Any, zone: ZoneInfo) -> Any:
    """Dataclasses, enums, dates and times as JSON values; instants shown in the site's timezone."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name), zone) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v, zone) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v, zone) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def print_json(value: Any, zone: ZoneInfo) -> None:
    print(json.dumps(jsonable(value, zone), ensure_ascii=False, indent=2))


def local_time(instant: datetime | None, zone: ZoneInfo, day: date | None = None) -> str:
    """``HH:MM`` at the site; with the date in front when it is not ``day``."""
    if instant is None:
        return ""
    local = instant.astimezone(zone)
    return local.strftime("%H:%M") if local.date() == day else local.strftime("%Y-%m-%d %H:%M")
