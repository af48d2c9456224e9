"""The Qt message handler for the whole test session: Qt's warnings, kept for the test that caused them.

``QtMessages`` is installed with ``qInstallMessageHandler`` from ``pytest_configure`` and
keeps every ``QtWarningMsg``, ``QtCriticalMsg`` and ``QtFatalMsg`` not matched by
``IGNORED_QT_MESSAGES``. conftest's autouse fixture fails the test during which one
arrived (setup, call or teardown); messages that arrive outside any test are listed at the
end of the run and fail it. pytest-qt would swap in a handler of its own for each test;
conftest gives every test pytest-qt's ``no_qt_log`` marker so that this one handler sees
everything.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

# Harmless Qt messages, matched with re.search; each one seen in this suite, with its reason. Nothing else is ignored.
IGNORED_QT_MESSAGES: tuple[str, ...] = (
    # QT_QPA_PLATFORM=offscreen has no window manager: showing a top-level window cannot pass its size hints on
    # (every window shown, several hundred a run).
    r"^This plugin does not support propagateSizeHints\(\)$",
    # ...nor raise a window or hand it the keyboard: what Qt does for a popup (the desk's quick-find list) when it
    # opens.
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)

_SEVERITY = {
    QtMsgType.QtWarningMsg: "warning",
    QtMsgType.QtCriticalMsg: "critical",
    QtMsgType.QtFatalMsg: "fatal",
}


@dataclass
class QtMessages:
    """Collects Qt's warnings; a test asks for those since its ``mark()``."""

    ignored: tuple[str, ...] = IGNORED_QT_MESSAGES
    records: list[str] = field(default_factory=list)
    _pattern: re.Pattern[str] = field(init=False)
    _previous: Callable[..., Any] | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _test_marks: list[tuple[int, int]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._pattern = re.compile("|".join(f"(?:{p})" for p in self.ignored))

    def install(self) -> None:
        self._previous = qInstallMessageHandler(self._handle)

    def uninstall(self) -> None:
        qInstallMessageHandler(self._previous)

    def _handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        severity = _SEVERITY.get(kind)
        if severity is None or self._pattern.search(message):
            return
        where = f" ({context.category})" if context.category and context.category != "default" else ""
        with self._lock:
            self.records.append(f"Qt {severity}{where}: {message}")

    def mark(self) -> int:
        with self._lock:
            return len(self.records)

    def since(self, start: int) -> list[str]:
        """The messages since ``start``; they now belong to that test, not to the stray ones."""
        with self._lock:
            end = len(self.records)
            self._test_marks.append((start, end))
            return self.records[start:end]

    def stray(self) -> list[str]:
        """Messages that arrived while no test was running (collection, session fixtures, between tests)."""
        claimed = {i for start, end in self._test_marks for i in range(start, end)}
        return [m for i, m in enumerate(self.records) if i not in claimed]
