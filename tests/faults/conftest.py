"""The fault suite (``-m faults``): real services, printer worker and dispatcher driven through faults.

Not part of the default run (it takes about a minute and starts servers): its tests are
deselected unless the marker expression names ``faults``; ``.ci/run`` runs them as their own
step. Each test fills one row of the table printed at the end (and written to
build/fault-table.md) and asserts that the row lost nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults import table
from tests.notify.smtp_server import SmtpServer

HERE = Path(__file__).resolve().parent


def _in_this_suite(item: pytest.Item) -> bool:
    return HERE in Path(str(item.fspath)).resolve().parents


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ours = [item for item in items if _in_this_suite(item)]
    for item in ours:
        item.add_marker(pytest.mark.faults)
    if "faults" in (config.getoption("markexpr") or ""):
        return
    # The default run stays fast: the faults run only when asked for (-m faults).
    if ours:
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if not _in_this_suite(item)]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not table.ROWS and not table.SKIPPED:
        return
    lines = table.render()
    terminalreporter.section("fault table (0 lost in every row is the goal)")
    for line in lines:
        terminalreporter.line(line)
    table.TABLE_FILE.parent.mkdir(parents=True, exist_ok=True)
    table.TABLE_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    terminalreporter.line(f"(written to {table.TABLE_FILE})")


@pytest.fixture(scope="session")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) in its own process, shared by the rows."""
    server = SmtpServer(tmp_path_factory.mktemp("fault-mailbox")).start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.clear()
    return smtp_server


@pytest.fixture
def screens(qapp: object) -> Iterator[object]:
    from tests.faults.harness import Screens

    kiosk_screens = Screens()
    yield kiosk_screens
    kiosk_screens.close()
