"""After a test that used Qt: the timers and threads it left running.

``LeakGuard`` runs after every test that used Qt (its fixtures include
``qtbot`` or ``qapp``), once all the test's fixtures are torn down. It fails the test
when, compared with a snapshot taken just before the test started, there is now

* a running ``QThread``,
* an active ``QTimer``,
* a ``QThreadPool`` with a job still running, or
* a Python thread still alive (the kiosk's badge, notice and camera loops are Python threads).

Finding them is cheap, with no ``gc`` walk: the timers, threads and pools are the
``findChildren`` of the application object and of every top-level widget that appeared
during the test (the kiosk parents all of its timers; windows of earlier tests are not
searched again, so the cost does not grow with the run), plus every ``QThread`` and
``QThreadPool`` on which Python called ``start()`` during the session
(``QThread.start``/``QThreadPool.start`` are wrapped to keep a weak reference: an
unparented ``CameraThread`` is found too). Not seen: a timer that is not a child of a
new window or of the application, started by a signal rather than from Python. Before looking,
pending ``deleteLater()`` calls are carried out (``sendPostedEvents(DeferredDelete)``):
widgets that qtbot closes and deletes at teardown, and everything in them, are gone and
not flagged. A closed but not yet deleted window is fine as long as nothing in it still
ticks. Each leaked timer is stopped after being reported, so it cannot fire into later
tests. The cost: about 0.3 ms a test, plus carrying out the deletions the test's teardown
asked for (which would otherwise happen in some later test, or never).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def _key(obj: QObject) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


def _describe(obj: QObject) -> str:
    chain = []
    node: QObject | None = obj
    while node is not None and len(chain) < 8:
        name = node.objectName()
        chain.append(type(node).__name__ + (f"({name!r})" if name else ""))
        node = node.parent()
    text = " in ".join(chain)
    if isinstance(obj, QTimer):
        text += f", interval {obj.interval()} ms" + (", single shot" if obj.isSingleShot() else "")
    return text


@dataclass(frozen=True)
class Snapshot:
    windows: frozenset[int]  # top-level widgets that were there before the test: not searched
    timers: frozenset[int]
    qthreads: frozenset[int]
    pools: frozenset[int]
    threads: frozenset[int]


class LeakGuard:
    """Snapshots before a Qt test, compares after (see the module docstring)."""

    def __init__(self) -> None:
        self._started: list[weakref.ref[QObject]] = []
        self._patched: list[tuple[type, str, Any]] = []

    def install(self) -> None:
        for cls in (QThread, QThreadPool):
            original = cls.start
            self._patched.append((cls, "start", original))
            cls.start = self._recording(original)  # type: ignore[method-assign]

    def uninstall(self) -> None:
        for cls, name, original in reversed(self._patched):
            setattr(cls, name, original)
        self._patched.clear()

    def _recording(self, original: Callable[..., Any]) -> Callable[..., Any]:
        started = self._started

        def start(obj: QObject, *args: Any, **kwargs: Any) -> Any:
            started.append(weakref.ref(obj))
            if len(started) > 200:  # keep the list short: drop the dead
                started[:] = [r for r in started if _alive(r())]
            return original(obj, *args, **kwargs)

        start.__doc__ = original.__doc__
        return start

    # -- looking --------------------------------------------------------------------------------------------------

    def _objects(self, old_windows: frozenset[int] = frozenset()) -> tuple[list[QTimer], list[QThread],
                                                                         list[QThreadPool]]:
        app = QCoreApplication.instance()
        roots: list[QObject] = []
        if app is not None:
            roots.append(app)
            roots.extend(w for w in _top_level_widgets() if _key(w) not in old_windows)
        timers: dict[int, QTimer] = {}
        qthreads: dict[int, QThread] = {}
        pools: dict[int, QThreadPool] = {}
        for root in roots:
            for timer in root.findChildren(QTimer):
                timers[_key(timer)] = timer
            for qthread in root.findChildren(QThread):
                qthreads[_key(qthread)] = qthread
            for pool in root.findChildren(QThreadPool):
                pools[_key(pool)] = pool
        for ref in self._started:
            obj = ref()
            if not _alive(obj):
                continue
            if isinstance(obj, QThread):
                qthreads[_key(obj)] = obj
            elif isinstance(obj, QThreadPool):
                pools[_key(obj)] = obj
        return list(timers.values()), list(qthreads.values()), list(pools.values())

    def snapshot(self) -> Snapshot:
        windows = frozenset(_key(w) for w in _top_level_widgets())
        timers, qthreads, pools = self._objects(old_windows=windows)
        return Snapshot(
            windows,
            frozenset(_key(t) for t in timers if t.isActive()),
            frozenset(_key(t) for t in qthreads if t.isRunning()),
            frozenset(_key(p) for p in pools if p.activeThreadCount()),
            frozenset(t.ident for t in _python_threads() if t.ident is not None),
        )

    def leaks_since(self, before: Snapshot) -> list[str]:
        """What runs now that did not before; leaked timers are stopped once listed."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        timers, qthreads, pools = self._objects(old_windows=before.windows)
        leaks = []
        for timer in timers:
            if timer.isActive() and _key(timer) not in before.timers:
                leaks.append(f"active QTimer: {_describe(timer)}")
                timer.stop()
        leaks += [f"running QThread: {_describe(t)}" for t in qthreads
                  if t.isRunning() and _key(t) not in before.qthreads]
        leaks += [f"QThreadPool still running {p.activeThreadCount()} job(s): {_describe(p)}" for p in pools
                  if p.activeThreadCount() and _key(p) not in before.pools]
        leaks += [f"Python thread still alive: {t.name!r} ({t.__class__.__name__}, daemon={t.daemon})"
                  for t in _python_threads() if t.ident not in before.threads]
        return leaks


def _top_level_widgets() -> list[QWidget]:
    app = QCoreApplication.instance()
    return list(app.topLevelWidgets()) if isinstance(app, QApplication) else []


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _python_threads() -> Iterable[threading.Thread]:
    # _DummyThread: a Qt pool thread that once ran Python code; it is not ours to stop and never "ends".
    return (t for t in threading.enumerate()
            if t is not threading.main_thread() and not isinstance(t, threading._DummyThread) and t.is_alive())
