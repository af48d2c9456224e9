"""A progress bar for long commands, on a terminal only: quiet under ``--json`` and when stdout is a pipe or a
file (cron, scripts). The services below report through a plain ``(done, total)`` callback."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

Report = Callable[[int, int], None]  # (done, total)


def _quiet(_done: int, _total: int) -> None:
    return None


def wanted(*, json_output: bool = False) -> bool:
    return not json_output and sys.stdout.isatty()


@contextmanager
def progress_bar(description: str, *, json_output: bool = False) -> Iterator[Report]:
    """A callback that moves a bar titled ``description``; the bar goes away when the work is done."""
    if not wanted(json_output=json_output):
        yield _quiet
        return
    console = Console(file=sys.stdout, force_terminal=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task(description, total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=max(total, 1))

        yield report
