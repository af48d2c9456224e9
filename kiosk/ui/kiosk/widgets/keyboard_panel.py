"""Qt's on-screen keyboard drawn inside the kiosk's own window.

Left to itself the keyboard opens a window of its own; a kiosk compositor (cage) focuses every new
window, the tapped field loses focus and Qt hides the keyboard at once. With
QT_VIRTUALKEYBOARD_DESKTOP_DISABLE=1 (kiosk/app.py) that window is never made, and this panel, a
QtQuick InputPanel at the bottom of the kiosk window, is the keyboard instead (pinyin candidates too).
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QWidget

_PANEL_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
Item {
    InputPanel {
        objectName: "inputPanel"
        anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom
    }
}
"""


def keyboard_in_window() -> bool:
    """The on-screen keyboard is on and told not to open a window of its own (kiosk/app.py sets both)."""
    return (os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard"
            and os.environ.get("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE") == "1")


PANEL_NAME = "KeyboardPanel"


class KeyboardWatch(QObject):
    """Tells widgets that the on-screen keyboard came, went or moved (``changed``), whichever way it is drawn."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__(QGuiApplication.instance())
        keyboard = QGuiApplication.inputMethod()
        keyboard.visibleChanged.connect(self.changed)
        keyboard.keyboardRectangleChanged.connect(self.changed)


_watch: KeyboardWatch | None = None


def keyboard_watch() -> KeyboardWatch:
    global _watch
    if _watch is None:
        _watch = KeyboardWatch()
    return _watch


def keyboard_top(window: QWidget) -> int | None:
    """Where the on-screen keyboard starts, in ``window``'s coordinates; None while it is down."""
    # By name: the tests stand a plain widget in for the QML keyboard (whose start-up warns offscreen).
    panel = window.findChild(QWidget, PANEL_NAME, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if panel is not None:
        return panel.y() if panel.isVisible() else None
    keyboard = QGuiApplication.inputMethod()
    area = keyboard.keyboardRectangle()
    if not keyboard.isVisible() or area.isEmpty():
        return None
    return window.mapFromGlobal(QPoint(int(area.left()), int(area.top()))).y()


class KeyboardPanel(QQuickWidget):
    """Sits on the bottom edge of its parent, shown while Qt's input method is visible.

    Never takes the focus: a tap on a key must leave it in the field being typed in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.setObjectName(PANEL_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysStackOnTop)
        self.setClearColor(Qt.GlobalColor.transparent)
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        component = QQmlComponent(self.engine())
        component.setData(_PANEL_QML, QUrl())
        root = component.create()
        if root is None:
            raise RuntimeError(f"on-screen keyboard: {component.errorString()}")
        self.setContent(QUrl(), component, root)
        self._component = component  # the scene lives only as long as the component that made it
        panel = root.findChild(QObject, "inputPanel")
        assert panel is not None
        self._root, self._panel = root, panel
        self.hide()
        keyboard = QGuiApplication.inputMethod()
        keyboard.visibleChanged.connect(self.follow_input_method)
        # Pinyin's candidate bar makes the keyboard taller: the panel grows with it (connected before the
        # window's own handler, so the page then slides from the new top edge).
        keyboard.keyboardRectangleChanged.connect(self.follow_height)

    def place(self) -> None:
        """Full width on the parent's bottom edge; the keyboard's height follows from its width."""
        parent = self._window
        self._root.setProperty("width", parent.width())  # now, not at the next resize event
        height = math.ceil(float(self._panel.property("height") or 0))
        self._root.setProperty("height", height)
        self.setGeometry(0, parent.height() - height, parent.width(), height)
        self.raise_()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Move, QEvent.Type.Resize):
            keyboard_watch().changed.emit()
        return handled

    def follow_height(self) -> None:
        if self.isVisible():
            self.place()

    def follow_input_method(self) -> None:
        if QGuiApplication.inputMethod().isVisible():
            self.place()
            self.show()
        else:
            self.hide()
