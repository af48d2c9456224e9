"""The browser suite (``-m browser``): headless Debian chromium through Selenium against a real
``kioskctl serve`` and ``kioskctl notify-worker`` (tests/browser/web_site.py), e-mail to aiosmtpd.

Not part of the default run (chromium starts in about a second per window; the suite takes tens of
seconds): its tests are deselected unless the marker expression names ``browser``; ``.ci/run`` runs
them as their own step after installing chromium and chromium-driver. Without them every test skips,
saying which package is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.web_site import DESKTOP, PHONE, WebSite, browser_missing, make_browser
from tests.notify.smtp_server import SmtpServer

HERE = Path(__file__).resolve().parent


def _in_this_suite(item: pytest.Item) -> bool:
    return HERE in Path(str(item.fspath)).resolve().parents


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    ours = [item for item in items if _in_this_suite(item)]
    for item in ours:
        item.add_marker(pytest.mark.browser)
    if "browser" in (config.getoption("markexpr") or ""):
        return
    if ours:  # the default run stays fast: the browser tests run only when asked for (-m browser)
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if not _in_this_suite(item)]


@pytest.fixture(scope="session")
def _browser_ready() -> None:
    missing = browser_missing()
    if missing:
        pytest.skip(missing)


@pytest.fixture(scope="session")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path_factory.mktemp("browser-mailbox")).start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.clear()
    return smtp_server


@pytest.fixture
def site(_browser_ready: None, smtp: SmtpServer, tmp_path: Path) -> Iterator[WebSite]:
    """A fresh front end and dispatcher on a fresh database (rate-limit counts start from zero)."""
    web = WebSite(tmp_path / "site", smtp).start()
    yield web
    web.stop()


@pytest.fixture
def phone(_browser_ready: None) -> Iterator[Any]:
    driver = make_browser(PHONE)
    yield driver
    driver.quit()


@pytest.fixture
def desktop(_browser_ready: None) -> Iterator[Any]:
    driver = make_browser(DESKTOP)
    yield driver
    driver.quit()
