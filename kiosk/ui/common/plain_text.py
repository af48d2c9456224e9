"""Text that a visitor, a host, a member of staff or a file supplied reaches Qt as plain text, never rich text.

Qt guesses: a QLabel, a QMessageBox and every tooltip left on ``AutoText`` render a string as HTML when it
merely looks like HTML (``Qt.mightBeRichText``), so a visitor named ``<h1>Big</h1><img src="file:///…">``
would get a heading and a picture read from the kiosk's disk. The rules, one helper each:

- a label or message box that shows such text is ``plain()``: Qt never parses it;
- where our own markup is mixed with such text, the text goes through ``escape_for_rich()`` first;
- a tooltip (widget or item model) goes through ``plain_tooltip()``;
- a button's text goes through ``button_text()``: ``&`` there marks a keyboard shortcut.
"""

from __future__ import annotations

import html
from typing import TypeVar

from PySide6.QtGui import Qt  # QtGui's Qt: mightBeRichText, convertFromPlainText
from PySide6.QtWidgets import QLabel, QMessageBox

Shown = TypeVar("Shown", QLabel, QMessageBox)


def plain(widget: Shown) -> Shown:
    """Shown exactly as written: a name like ``<h2>Fire drill</h2>`` stays those characters."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def escape_for_rich(text: str) -> str:
    """For the rare place that builds HTML of its own (a printed list): the text shows literally inside it."""
    return html.escape(text, quote=True)


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows ``text`` literally. Qt reads any tooltip that looks like HTML as HTML, so such text
    is handed over already converted (escaped, its line breaks kept); ordinary text is left as it is."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def button_text(text: str) -> str:
    """A button shows ``&`` as the underline of a shortcut key: ``R&D`` would read "RD"; doubled it stays."""
    return text.replace("&", "&&")
