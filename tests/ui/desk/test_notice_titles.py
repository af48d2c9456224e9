"""Every notice the outbox can hold has the desk's name for it: the notices table never shows an event's code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.notify.templates import TEMPLATES
from kiosk.ui.common.assets import asset
from kiosk.ui.desk.alerts import notice_title


@pytest.mark.parametrize("event", sorted(TEMPLATES))
def test_every_notice_has_a_desk_title(qapp, event: str) -> None:
    assert notice_title(event) != event, f"no desk title for the notice {event!r} (ui/desk/alerts.py)"


def test_the_titles_are_chinese_under_the_chinese_translation(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(asset("translations", "kiosk_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert notice_title("parcel_arrived") == "快递到达通知"
        assert notice_title("message_for_you") == "电话留言"
    finally:
        QCoreApplication.removeTranslator(translator)
