"""Saving a screenshot once Qt has laid the window out: one helper for every screenshot tool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget


def shot_saver(out: Path, suffix: str, window: QWidget | None = None, *, prefix: str = "desk-",
            settle: int = 3) -> Callable[..., None]:
    """``shoot(name, widget=None, picture=None)`` saves ``{prefix}{name}-{suffix}.png`` in ``out``: the given
    picture, else the widget's, else ``window``'s, after ``settle`` passes of the event loop (layout
    requests travel up one parent per pass)."""

    def shoot(name: str, widget: QWidget | None = None, picture: QPixmap | None = None) -> None:
        for _ in range(settle):
            QApplication.processEvents()
        if picture is None:
            source = widget if widget is not None else window
            assert source is not None, "shoot() needs a widget or a picture"
            picture = source.grab()
        picture.save(str(out / f"{prefix}{name}-{suffix}.png"))

    return shoot
