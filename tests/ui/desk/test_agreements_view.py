"""Agreement texts at the desk: both languages of a visitor type side by side with every version, the
text read-only; an administrator publishes a new version (the kiosk shows it from then on, the old one
stays as signed); a receptionist cannot publish."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from kiosk.application.gateways.desk_directory import DeskDirectoryGateway, VisitorType
from kiosk.db import Database
from kiosk.domain.changes import Area
from kiosk.domain.security import StaffRole
from kiosk.services.visits import agreements
from kiosk.ui.common.i18n import LanguageManager
from kiosk.ui.common.live import LiveChanges
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.agreements import AgreementsView, PublishDialog
from tests.factories import SITE, add_host, invite

ZONE = ZoneInfo("Asia/Shanghai")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
CONTRACTOR = VisitorType.CONTRACTOR


def _publish(database: Database, language: str, title: str, body: str) -> int:
    with database.unit_of_work("cli:root") as uow:
        return agreements.publish(uow, visitor_type="contractor", language=language, title=title, body=body,
                                  role=StaffRole.ADMIN).id


@pytest.fixture
def texts(database: Database) -> dict[str, int]:
    first = _publish(database, "zh_CN", "安全须知", "请佩戴安全帽。")
    visit_id = invite(database, add_host(database).id, visitor_type="contractor").visit_id
    with database.unit_of_work("kiosk:K1") as uow:
        agreements.sign(uow, visit_id=visit_id, agreement_id=first, signature_png=PNG)
    return {"zh_v1": first, "zh_v2": _publish(database, "zh_CN", "安全须知", "请佩戴安全帽和手套。"),
            "en_v1": _publish(database, "en", "<h2>x</h2>", "Wear a <b>helmet</b>.")}


@pytest.fixture
def dialogs() -> list[QDialog]:
    return []


@pytest.fixture
def live() -> LiveChanges:
    return LiveChanges()


def _view(qtbot, database: Database, role: StaffRole, dialogs: list[QDialog], live: LiveChanges | None = None):
    directory = DeskDirectoryGateway(database, SITE, actor="staff:root" if role is StaffRole.ADMIN else "staff:amy",
                                     role=role)
    view = AgreementsView(directory, WorkerPool(synchronous=True), zone=ZONE, live=live)
    qtbot.addWidget(view)
    view.show_dialog = dialogs.append  # never shown modally: the test fills it in and clicks
    view.resize(1200, 760)
    view.show()
    view.start()
    view.choose_type(CONTRACTOR)
    return view


@pytest.fixture
def admin_view(qtbot, database, texts, dialogs, live) -> Iterator[AgreementsView]:
    view = _view(qtbot, database, StaffRole.ADMIN, dialogs, live)
    yield view
    view.stop()


def _versions(view: AgreementsView, language: str) -> list[list[str]]:
    model = view.panel(language).versions
    return [[model.index(r, c).data() for c in (0, 2, 3, 4)] for r in range(model.rowCount())]


def _kiosk_text(database: Database, language: str) -> agreements.AgreementText | None:
    with database.unit_of_work(write=False) as uow:
        return agreements.current(uow, visitor_type="contractor", language=language)


def test_both_languages_show_every_version_with_the_current_one_open_read_only(admin_view) -> None:
    chinese, english = admin_view.panel("zh_CN"), admin_view.panel("en")
    assert _versions(admin_view, "zh_CN") == [["2", "cli:root", "0", "Shown to visitors"],
                                              ["1", "cli:root", "1", "Retired"]]
    assert chinese.state.text() == "Visitors sign version 2"
    assert (chinese.title.text(), chinese.body.toPlainText()) == ("安全须知", "请佩戴安全帽和手套。")
    assert chinese.body.isReadOnly()
    assert chinese.choose_version(1)
    assert chinese.body.toPlainText() == "请佩戴安全帽。"  # what the first visitor signed, word for word
    # A title like <h2>x</h2> is those characters, not a heading.
    assert english.title.text() == "<h2>x</h2>" and english.title.textFormat() == Qt.TextFormat.PlainText
    assert english.body.toPlainText() == "Wear a <b>helmet</b>."
    assert admin_view.types.tabText(admin_view.types.currentIndex()) == "Contractors · 2/2"


def test_a_type_with_no_text_says_so(admin_view) -> None:
    admin_view.choose_type(VisitorType.VISITOR)
    for language in ("zh_CN", "en"):
        panel = admin_view.panel(language)
        assert panel.state.text() == "No text yet"
        assert panel.empty.isVisible() and not panel.body.isVisible()
        assert panel.publish_button.isVisible()


def test_publishing_adds_a_version_the_kiosk_shows_and_leaves_the_signed_one_alone(admin_view, dialogs, database,
                                                                                   texts) -> None:
    admin_view.panel("zh_CN").publish_button.click()
    [dialog] = dialogs
    assert isinstance(dialog, PublishDialog)
    assert dialog.heading.text() == "Contractors · Chinese · version 3"
    assert (dialog.title.text(), dialog.body.toPlainText()) == ("安全须知", "请佩戴安全帽和手套。")  # starts from v2
    assert dialog.publish.text() == "Publish version 3"
    dialog.body.setPlainText("请佩戴安全帽、手套和护目镜。")
    dialog.publish.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _kiosk_text(database, "zh_CN").body == "请佩戴安全帽、手套和护目镜。"
    assert [row[0] for row in _versions(admin_view, "zh_CN")] == ["3", "2", "1"]
    assert _versions(admin_view, "zh_CN")[0][1:] == ["root", "0", "Shown to visitors"]
    assert admin_view.panel("zh_CN").chosen().version == 3
    assert admin_view.message.text() == "Version 3 is published: visitors sign it from now on."
    v1 = admin_view.panel("zh_CN").versions.rows[-1]
    assert (v1.id, v1.body, v1.signatures, v1.intact) == (texts["zh_v1"], "请佩戴安全帽。", 1, True)
    assert _kiosk_text(database, "en").id == texts["en_v1"]  # the other language is untouched


def test_publishing_the_same_text_again_is_refused_in_the_dialog(admin_view, dialogs, database) -> None:
    dialog = admin_view.publish_dialog("en")
    dialog.publish.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == (
        "This is the text visitors are shown already: change something before publishing.")
    assert dialog.body.property("invalid") is True and dialog.publish.isEnabled()
    dialog.title.clear()
    dialog.publish.click()
    assert dialog.error.text() == "Title: missing"
    assert [row[0] for row in _versions(admin_view, "en")] == ["1"]


def test_a_receptionist_sees_no_publish_button_and_cannot_publish(qtbot, database, texts, dialogs) -> None:
    view = _view(qtbot, database, StaffRole.RECEPTIONIST, dialogs)
    assert all(view.panel(lang).publish_button.isHidden() for lang in ("zh_CN", "en"))
    # Even a dialog opened some other way: the database refuses.
    dialog = view.publish_dialog("en")
    dialog.body.setPlainText("Anything goes.")
    dialog.publish.click()
    assert dialog.error.text() == "Only an administrator may do this."
    assert _kiosk_text(database, "en").body == "Wear a <b>helmet</b>."
    view.stop()


def test_a_version_published_elsewhere_shows_up(qtbot, admin_view, database, live) -> None:
    _publish(database, "en", "<h2>x</h2>", "Wear a helmet and gloves.")
    live.listener(frozenset({Area.DIRECTORY}))
    qtbot.waitUntil(lambda: len(_versions(admin_view, "en")) == 2, timeout=2000)
    assert admin_view.panel("en").state.text() == "Visitors sign version 2"


def test_in_chinese_the_types_languages_and_versions_read_in_chinese(admin_view) -> None:
    languages = LanguageManager("en")
    try:
        languages.set_language("zh_CN")
        assert [admin_view.types.tabText(i) for i in range(admin_view.types.count())] == [
            "普通访客 · 0/2", "承包商 · 2/2", "面试者 · 0/2", "送货人员 · 0/2"]
        chinese = admin_view.panel("zh_CN")
        assert (chinese.heading.text(), chinese.state.text(), chinese.publish_button.text()) == (
            "中文", "访客签署第 2 版", "发布新版本…")
        assert _versions(admin_view, "zh_CN")[1][3] == "已替换"
    finally:
        languages.set_language("en")
        languages.shutdown()
    assert admin_view.panel("zh_CN").state.text() == "Visitors sign version 2"
