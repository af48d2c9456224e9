"""The fault table: one row per fault, filled in by its test, printed at the end of the run.

A check-in is *lost* when the visitor was told it succeeded but it is not in the database
afterwards, when it is half done (checked in without a badge job or without a host notice
queued), or when it still could not be made after the fault cleared and the visitor tried
again as a person would. A notice is *lost* when it was queued and not sent once the fault
cleared. Badges the print loop handed to the desk ("failed": the receptionist prints them)
are not lost: the visitor is told so and the desk lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE_FILE = ROOT / "build" / "fault-table.md"


@dataclass
class Row:
    fault: str
    attempted: int = 0
    completed: int = 0
    lost: int = 0
    queued: int = 0
    sent: int = 0
    notices_lost: int = 0
    saw: str = ""
    note: str = ""
    seconds: float = 0.0

    @property
    def clean(self) -> bool:
        return self.lost == 0 and self.notices_lost == 0


ROWS: list[Row] = []
SKIPPED: list[tuple[str, str]] = []


def record(row: Row) -> Row:
    ROWS.append(row)
    return row


HEADER = ("fault", "check-ins attempted / completed / lost", "notices queued / sent / lost", "what the visitor saw",
          "notes", "s")


def render() -> list[str]:
    def cells(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.replace("|", "/").replace("\n", " ") for v in values) + " |"

    lines = [cells(HEADER), cells(tuple("---" for _ in HEADER))]
    for row in ROWS:
        lines.append(cells((
            row.fault, f"{row.attempted} / {row.completed} / {row.lost}",
            f"{row.queued} / {row.sent} / {row.notices_lost}", row.saw, row.note, f"{row.seconds:.1f}",
        )))
    for fault, reason in SKIPPED:
        lines.append(cells((fault, "skipped", "skipped", "", reason, "")))
    return lines
