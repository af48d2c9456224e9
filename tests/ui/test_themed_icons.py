"""Icons follow the look: high contrast redraws every themed icon from its palette, and back again."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import fields

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from kiosk.ui.common.theme import DEFAULT_ACCENT, Look, Palette, apply_theme, contrast_ratio, palette_for
from kiosk.ui.kiosk.assembly import Kiosk
from kiosk.ui.kiosk.screens.scan import PreviewView
from kiosk.ui.kiosk.themed_icons import IconRole, colour, icon_label, repaint_all, set_icon

NORMAL, HIGH = palette_for(DEFAULT_ACCENT, Look()), palette_for(DEFAULT_ACCENT, Look(high_contrast=True))


pytestmark = pytest.mark.usefixtures("themed")  # the kiosk's real style sheet (tests/ui/conftest.py)


def _ink(image: QImage, background: str = "") -> str:
    """The colour of an icon's strokes: the commonest fully opaque pixel (edges are antialiased)."""
    counts = Counter(image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
                     if image.pixelColor(x, y).alpha() == 255 and image.pixelColor(x, y).name() != background)
    return counts.most_common(1)[0][0]


def _label_ink(widget: QLabel) -> str:
    return _ink(widget.pixmap().toImage())


def _button_ink(widget: QPushButton, size: int) -> str:
    return _ink(widget.icon().pixmap(size, size).toImage())


def test_every_icon_role_is_a_palette_colour_the_contrast_test_checks() -> None:
    foregrounds = {f.name for f in fields(Palette) if "on" in f.metadata}
    assert {role.value for role in IconRole} <= foregrounds


def test_a_themed_label_and_button_are_redrawn_in_the_new_palette(qtbot) -> None:
    picture = icon_label("check", 64)
    button = QPushButton()
    set_icon(button, "globe", 28, IconRole.MUTED)
    qtbot.addWidget(picture)
    qtbot.addWidget(button)
    assert (_label_ink(picture), _button_ink(button, 28)) == (NORMAL.accent_text, NORMAL.ink_soft)
    assert repaint_all(HIGH) >= 2
    assert (_label_ink(picture), _button_ink(button, 28)) == (HIGH.accent_text, HIGH.ink_soft)
    assert contrast_ratio(_label_ink(picture), HIGH.surface) >= 7


def test_a_company_accent_colours_the_accent_icons(qtbot, qapp) -> None:
    apply_theme(qapp, "kiosk", accent="#ffd700")
    picture = icon_label("check", 64)
    qtbot.addWidget(picture)
    gold = palette_for("#ffd700")
    assert _label_ink(picture) == gold.accent_text  # the gold, deepened until it reads on the page
    assert contrast_ratio(_label_ink(picture), gold.surface) >= 4.5


def test_high_contrast_recolours_the_kiosks_icons_and_the_visitor_leaving_restores_them(english: Kiosk) -> None:
    reception = english.window.delivery.reception
    assert _button_ink(reception, 40) == NORMAL.accent_text
    english.accessibility.set_high_contrast(True)
    assert _button_ink(reception, 40) == HIGH.accent_text
    english.flow.reset_all()
    assert _button_ink(reception, 40) == NORMAL.accent_text


@pytest.mark.parametrize("look", [Look(), Look(high_contrast=True)], ids=["normal", "high-contrast"])
def test_the_camera_placeholder_sign_reads_on_the_dark_preview(qtbot, qapp, look: Look) -> None:
    apply_theme(qapp, "kiosk", look=look)
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    image = view.grab().toImage()
    fill = image.pixelColor(300, 20).name()
    assert fill == palette_for(DEFAULT_ACCENT, look).preview
    sign = _ink(image.copy(244, 80, 112, 112), background=fill)
    assert contrast_ratio(sign, fill) >= (7 if look.high_contrast else 3)


def _shown_icons(kiosk: Kiosk) -> Iterator[tuple[str, QImage]]:
    """(where, picture) for every icon a kiosk screen shows: label pixmaps and button icons."""
    for widget in kiosk.window.findChildren(QWidget):
        if isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull():
            yield f"{type(widget.window()).__name__}/{widget.objectName() or type(widget.parent()).__name__}", \
                widget.pixmap().toImage()
        elif isinstance(widget, QAbstractButton) and not widget.icon().isNull():
            yield f"{type(widget.parent()).__name__}/{widget.text()[:20]}", widget.icon().pixmap(32, 32).toImage()


def test_in_high_contrast_no_kiosk_icon_keeps_a_normal_colour(english: Kiosk) -> None:
    english.accessibility.set_high_contrast(True)
    normal = {colour(role, NORMAL) for role in IconRole} - {colour(role, HIGH) for role in IconRole}
    left = [where for where, picture in _shown_icons(english) if _ink(picture) in normal]
    assert not left
