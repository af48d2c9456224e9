"""Chinese is first-class: every visitor string has a finished translation, compiled into the .qm."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from kiosk.ui.common.assets import asset

TS = asset("translations", "kiosk_zh_CN.ts")
QM = asset("translations", "kiosk_zh_CN.qm")


def test_every_string_is_translated() -> None:
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == [], "run pyside6-lupdate, translate in Linguist, then pyside6-lrelease"


def test_compiled_translations_hold_every_source_string(qapp) -> None:
    # A .qm older than its .ts (git does not keep file times, so this is checked by content).
    translator = QTranslator()
    assert translator.load(str(QM))
    missing = [
        source
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
        if message.get("numerus") != "yes"
        and not translator.translate(context.findtext("name"), source := message.findtext("source"))
    ]
    assert missing == [], "run pyside6-lrelease kiosk/assets/translations/kiosk_zh_CN.ts"


def test_every_text_in_the_code_is_in_the_translation(tmp_path) -> None:
    """A new ``tr()`` anywhere in the UI without its Chinese fails here: run tools/translations.py."""
    import shutil

    from tools.translations import lupdate

    fresh = tmp_path / "kiosk_zh_CN.ts"
    shutil.copyfile(TS, fresh)
    lupdate(fresh)
    untranslated = [
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == [], (
        "translate these in kiosk/assets/translations/kiosk_zh_CN.ts, "
        "then run tools/translations.py"
    )


def test_the_committed_qm_is_the_ts_compiled(tmp_path) -> None:
    """The wheel ships the checked-in .qm: it must be exactly what pyside6-lrelease makes of the .ts today."""
    import shutil

    from tools.translations import lrelease

    fresh = tmp_path / "kiosk_zh_CN.ts"
    shutil.copyfile(TS, fresh)
    lrelease(fresh)
    assert fresh.with_suffix(".qm").read_bytes() == QM.read_bytes(), (
        "the .qm is stale: run tools/translations.py (or pyside6-lrelease kiosk/assets/translations/kiosk_zh_CN.ts)"
    )
