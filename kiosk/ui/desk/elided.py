"""A one-line label that gives way: it asks for its whole text's width but makes do with a few characters, cutting
the rest with "…" and showing the whole text as its tooltip. For titles and names in rows that must fit a
1440-pixel screen in either language (a long name or a Chinese title shorter than its English one).

Plain text, like every desk label; ``text()`` is the whole text, whatever is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.common.plain_text import plain, plain_tooltip

ELLIPSIS = "…"


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", role: str = "", *, min_chars: int = 10, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plain(self)
        self.min_chars = min_chars
        self._whole = ""
        if role:
            self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def text(self) -> str:
        return self._whole

    def shown_text(self) -> str:
        """What is on the screen now (cut short where the room is short)."""
        return super().text()

    def setText(self, text: str) -> None:
        self._whole = text
        self.updateGeometry()
        self._elide()

    def _extra(self) -> int:
        """Padding, border and margins around the text (the style sheet's), as the label measures itself."""
        shown = super().text()
        return max(0, super().sizeHint().width() - self.fontMetrics().horizontalAdvance(shown))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._extra() + self.fontMetrics().horizontalAdvance(self._whole), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        short = self._whole if len(self._whole) <= self.min_chars else self._whole[:self.min_chars] + ELLIPSIS
        return QSize(self._extra() + self.fontMetrics().horizontalAdvance(short), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()  # the style sheet's font arrives after the text

    def _elide(self) -> None:
        width = self.contentsRect().width() - 2 * max(self.margin(), 0)
        metrics = self.fontMetrics()
        fits = width <= 0 or metrics.horizontalAdvance(self._whole) <= width
        shown = self._whole if fits else metrics.elidedText(self._whole, Qt.TextElideMode.ElideRight, width)
        if shown != super().text():
            super().setText(shown)
        self.setToolTip((plain_tooltip(self._whole) or "") if shown != self._whole else "")


__all__ = ["ElidedLabel"]
