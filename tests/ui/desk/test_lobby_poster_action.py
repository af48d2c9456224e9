"""The desk's "Lobby poster…" (Invitations view): saves the A4 poster of ``<public_url>/visit`` where the
receptionist chooses; without ``[notify] public_url`` it says what to set and asks for no file."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from kiosk.application.gateways.desk_invitations import DeskInvitationsGateway
from kiosk.db import Database
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.invitations import InvitationsView
from tests.factories import SITE

ZONE = ZoneInfo("Asia/Shanghai")


def _view(qtbot, database: Database, public_url: str) -> Iterator[InvitationsView]:
    pool = WorkerPool(synchronous=True)
    shown = InvitationsView(DeskInvitationsGateway(database, SITE, "staff:amy"), pool, zone=ZONE,
                            now=database.clock.now, search_delay_ms=0, site_name="上海总部", public_url=public_url)
    qtbot.addWidget(shown)
    shown.choose_pdf_path = lambda suggested: pytest.fail(f"unexpected file dialog: {suggested}")
    shown.show()
    shown.start()
    yield shown
    shown.stop()
    pool.shutdown()


@pytest.fixture
def view(qtbot, database: Database) -> Iterator[InvitationsView]:
    yield from _view(qtbot, database, "https://visit.example.com")


@pytest.fixture
def unset(qtbot, database: Database) -> Iterator[InvitationsView]:
    yield from _view(qtbot, database, "")


def _qr_of_first_page(path) -> list[str]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    image = document.render(0, QSize(827, 1170)).convertToFormat(QImage.Format.Format_Grayscale8)
    document.close()
    array = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return [code.text for code in zxingcpp.read_barcodes(array[:, : image.width()].copy())]


def test_lobby_poster_saves_the_pdf_where_chosen(view: InvitationsView, tmp_path) -> None:
    target = tmp_path / "poster.pdf"
    asked: list[str] = []
    view.choose_pdf_path = lambda suggested: asked.append(suggested) or str(target)
    assert view.poster_button.text() == "Lobby poster…"
    view.poster_button.click()
    assert asked == ["lobby-poster.pdf"]
    assert _qr_of_first_page(target) == ["https://visit.example.com/visit"]
    assert view.message.text() == f"Lobby poster saved: {target}"


def test_cancelling_the_file_dialog_saves_nothing(view: InvitationsView, tmp_path) -> None:
    view.choose_pdf_path = lambda _suggested: ""
    view.poster_button.click()
    assert view.message.text() == "" and not list(tmp_path.glob("*.pdf"))


def test_a_folder_that_is_gone_is_one_calm_line(view: InvitationsView, tmp_path) -> None:
    view.choose_pdf_path = lambda _suggested: str(tmp_path / "gone" / "poster.pdf")
    view.poster_button.click()
    assert view.message.text().startswith("The PDF was not saved:") and "does not exist" in view.message.text()


def test_without_public_url_the_desk_says_what_to_set(unset: InvitationsView) -> None:
    unset.poster_button.click()  # no file dialog (the fixture fails the test if one is asked for)
    assert "[notify] public_url" in unset.message.text()
