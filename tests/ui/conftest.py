"""Kiosk fixtures: the real screens and flow on the test database, the worker pool run inline.

``synchronous=True`` makes each service call finish before the tap that caused it
returns, so a test reads like a visitor's steps with no waiting. Devices (camera,
wedge scanner) are not started unless a test starts them; every timer and thread is
stopped at teardown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from kiosk.application.gateways.desk import DeskGateway
from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.config import CameraSettings, KioskSettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.services.idnumbers import IdNumberProtector
from kiosk.ui.common.theme import apply_theme
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.today import TodayView
from kiosk.ui.kiosk.assembly import Kiosk, build_kiosk
from tests.factories import SITE, add_host, invite


@pytest.fixture
def themed(qapp) -> Iterator[None]:
    """The kiosk's real style sheet (the other UI tests run without one): sizes and colours are what a visitor
    sees. The plain look again afterwards (the palette icons are drawn from included)."""
    sheet, font = qapp.styleSheet(), qapp.font()
    apply_theme(qapp, "kiosk")
    yield
    apply_theme(qapp, "kiosk")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def kiosk_settings() -> Settings:
    return replace(
        Settings(),
        site=SiteSettings(code=SITE, name="Test Tower", timezone="Asia/Shanghai", language="zh_CN"),
        kiosk=KioskSettings(id="K1", idle_seconds=30),
        camera=CameraSettings(source=""),
    )


@pytest.fixture
def protector() -> IdNumberProtector:
    return IdNumberProtector(b"k" * 32)


@pytest.fixture
def kiosk_pool() -> WorkerPool | None:
    """The worker pool ``kiosk`` is built with: None for the usual inline one. A test module that wants to hold
    answers back overrides this fixture (``tests/ui/held_pool.py``, ``test_ui_stale_answers.py``)."""
    return None


@pytest.fixture
def kiosk(qtbot: object, database: Database, kiosk_settings: Settings, protector: IdNumberProtector,
          kiosk_pool: WorkerPool | None) -> Iterator[Kiosk]:
    gateway = KioskGateway.from_settings(database, kiosk_settings, protector)
    built = build_kiosk(kiosk_settings, gateway, database.clock.now, synchronous=True, pool=kiosk_pool)
    built.window.resize(1920, 1080)
    built.window.show()
    yield built
    built.shutdown()
    # Closed is not gone: without this every test's window stays alive for the rest of the run (the signal
    # connections' lambdas keep the Python side referenced), and every later test pays for it.
    built.window.deleteLater()


@pytest.fixture
def english(kiosk: Kiosk) -> Kiosk:
    kiosk.languages.set_language("en")
    return kiosk


@pytest.fixture
def host(database: Database):
    return add_host(database, name="张伟", email="zhang.wei@example.com", department="Sales")


@pytest.fixture
def invitation(database: Database, host):
    return invite(database, host.id, name="Jane Doe", phone="13800138000")


@pytest.fixture
def admin(qtbot: object, database: Database) -> Iterator[TodayView]:
    """The front desk's window on the test database, its worker pool run inline."""
    pool = WorkerPool(synchronous=True)
    window = TodayView(DeskGateway(database, SITE), pool, site_name="Test Tower", zone=ZoneInfo("Asia/Shanghai"),
                         now=database.clock.now)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    # A modal dialog would wait for a click nobody makes: a test that expects one answers it itself.
    window.confirm = lambda *texts: pytest.fail(f"unexpected confirmation: {texts}")
    window.ask_reason = lambda *texts, **options: pytest.fail(f"unexpected question: {texts}")
    window.choose_pdf_path = lambda name: pytest.fail(f"unexpected file dialog for {name}")
    window.choose_printer = lambda dialog: pytest.fail("unexpected print dialog")
    window.start()
    yield window
    window.stop()
    pool.shutdown()
