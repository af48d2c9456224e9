"""Contrast as drawn: every text on every kiosk screen, against the pixels actually behind it.

test_contrast.py reads the style sheet; this one looks at the screens, so a label put on a fill the
sheet did not foresee (a tile, a card, a photo) is caught too. The colour behind a text is the commonest
colour in its box on the window's picture; the text's own colour is the one its palette draws it in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.config import Settings
from kiosk.ui.common.theme import DEFAULT_ACCENT, Look, apply_theme, contrast_ratio, palette_for
from kiosk.ui.kiosk.assembly import Kiosk


@pytest.fixture(params=[DEFAULT_ACCENT, "#ffd700"], ids=["teal", "gold"])
def kiosk_settings(request, kiosk_settings: Settings) -> Settings:
    """The kiosk with the theme's teal, and with a company gold too pale for white text until deepened."""
    return replace(kiosk_settings, site=replace(kiosk_settings.site, accent=request.param))


@pytest.fixture(autouse=True)
def themed(qapp, kiosk_settings: Settings) -> Iterator[None]:
    sheet, font = qapp.styleSheet(), qapp.font()
    apply_theme(qapp, "kiosk", accent=kiosk_settings.site.accent)  # as app.py does before building the kiosk
    yield
    apply_theme(qapp, "kiosk")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def _behind(picture: QImage, box: QRect) -> str:
    """The commonest colour in ``box`` (text covers far less of its box than what it is written on)."""
    box = box.intersected(picture.rect())
    step = max(1, min(box.width(), box.height()) // 24)
    counts = Counter(picture.pixelColor(x, y).name() for x in range(box.left(), box.right() + 1, step)
                     for y in range(box.top(), box.bottom() + 1, step))
    return counts.most_common(1)[0][0]


def _minimum(widget: QWidget, look: Look) -> float:
    if look.high_contrast:
        return 7.0
    font = widget.font()
    large = font.pixelSize() >= 24 or (font.pixelSize() * 3 >= 56 and font.weight().value >= 700)
    return 3.0 if large else 4.5


def _texts(screen: QWidget) -> Iterator[tuple[QWidget, str, str]]:
    """(widget, its text, the colour it is written in) for each visible label and button with words."""
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible() or widget.width() < 2:
            continue
        group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
        if isinstance(widget, QLabel) and widget.text().strip():
            yield widget, widget.text(), widget.palette().color(group, QPalette.ColorRole.WindowText).name()
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            yield widget, widget.text(), widget.palette().color(group, QPalette.ColorRole.ButtonText).name()


def _problems(kiosk: Kiosk, look: Look) -> tuple[int, list[str]]:
    window, checked, problems = kiosk.window, 0, []
    window.walk_in.submit.click()  # an empty form: its error lines show
    for index in range(window.stack.count()):
        screen = window.stack.widget(index)
        window.stack.setCurrentWidget(screen)
        picture = window.grab().toImage()
        for widget, text, colour in _texts(screen):
            box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
            ratio = contrast_ratio(colour, _behind(picture, box))
            checked += 1
            if ratio < _minimum(widget, look):
                problems.append(f"{type(screen).__name__}: {text[:30]!r} {colour} on {_behind(picture, box)}:"
                                f" {ratio:.2f}")
    return checked, problems


@pytest.mark.parametrize("look", [Look(), Look(high_contrast=True)], ids=["normal", "high-contrast"])
def test_every_text_on_every_screen_reads_on_what_is_behind_it(english: Kiosk, look: Look,
                                                                kiosk_settings: Settings) -> None:
    english.accessibility.set_high_contrast(look.high_contrast)
    checked, problems = _problems(english, look)
    assert checked > 60
    assert not problems
    window, submit = english.window, english.window.walk_in.submit
    window.stack.setCurrentWidget(window.walk_in)
    fill = _behind(window.grab().toImage(), QRect(submit.mapTo(window, QPoint(0, 0)), submit.size()))
    assert fill == palette_for(kiosk_settings.site.accent, look).accent  # the company's colour was in force
