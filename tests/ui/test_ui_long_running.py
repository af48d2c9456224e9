"""A kiosk runs for weeks: the Qt bindings must not leak or drop references on every call.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on each void method call, and the
interpreter aborted after a few thousand (an hour of a ticking clock). pyproject keeps that
release out; this test keeps it out for good.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(3000):
        label.setText(str(i))
        label.resize(100 + i % 7, 40)
    # Other code may hold a few references more or fewer meanwhile; thousands lost is the bug.
    assert abs(sys.getrefcount(None) - before) < 100
