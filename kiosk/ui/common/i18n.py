"""The visitor's language: one translator installed at a time, switched on a tap.

Source strings are English; every ``kiosk/assets/translations/kiosk*_zh_CN.qm`` carries Chinese
(``kiosk_zh_CN`` the screens, ``kiosk_extra_zh_CN`` maintenance and accessibility: separate
files so two people can translate at once). Installing a translator sends every widget a
``LanguageChange`` event, which is how the screens know to re-read their texts (see ``Screen.changeEvent``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from kiosk.ui.common.assets import asset

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def _app() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("languages need a QApplication")
    return app


class LanguageManager(QObject):
    changed = Signal(str)
    # Every reset(), even when the language was already the default: a visitor has gone, and
    # whatever else they chose for themselves (large text, high contrast) goes with them.
    was_reset = Signal()

    def __init__(self, default: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.default = default if default in LANGUAGES else "zh_CN"
        self.current = ""
        self._installed: list[QTranslator] = []

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language == self.current:
            return
        app = _app()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = [t for t in self._load(language) if app.installTranslator(t)]
        self.current = language
        QLocale.setDefault(QLocale(language))
        # Installing a translator only posts LanguageChange; deliver it now so the very next
        # paint (and the next line of a test) is already in the new language.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(language)

    def reset(self) -> None:
        self.set_language(self.default)
        self.was_reset.emit()

    def other(self) -> str:
        return "en" if self.current == "zh_CN" else "zh_CN"

    def _load(self, language: str) -> list[QTranslator]:
        if language == "en":
            return []  # the source strings are English
        loaded = []
        files = sorted(asset("translations").glob(f"kiosk*_{language}.qm"))
        if asset("translations", f"kiosk_{language}.qm") not in files:
            folder = asset("translations")
            log.warning("translation kiosk_%s.qm is missing; run pyside6-lrelease on %s", language, folder)
        for file in files:
            ours = QTranslator(self)
            if ours.load(str(file)):
                loaded.append(ours)
        # Qt's own strings (context menus of text fields) in the same language.
        qt = QTranslator(self)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            loaded.append(qt)
        return loaded

    def shutdown(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed = []
        self.current = ""
