"""The change watcher: tells a desk process, within a second, which areas other connections changed.

One per desk process, on its own thread (a ``BackgroundLoop``). ``on_change(areas)`` is called on
that thread with the areas (``kiosk.domain.changes.Area``) whose rows some committed transaction
changed: another kiosk's, another desk's, or this process's own (a desk acting sees its own change
come back like everyone else's). A Qt view hands it to the GUI thread (a queued signal) and
refetches its visible rows when an area it shows is among them.

Writing transactions record their areas (``kiosk/db/changes.py``). Watching:

* SQLite: a read-only connection of its own (not the engine's pool) polls ``PRAGMA data_version``
  every ``poll_seconds`` (0.15 s); only when it moved are the ``data_changes`` versions read, and
  the areas whose version moved are reported. A poll costs microseconds.
* PostgreSQL: ``LISTEN kiosk_changes`` on an autocommit connection of its own; each notification
  names the areas. Waits are short (``listen_wait_seconds``), so ``stop()`` is prompt. After every
  (re)connect the versions are compared, so what was committed while not listening is reported
  too; every ``safety_poll_seconds`` without notifications they are compared anyway (a proxy that
  drops notifications cannot make a desk go stale for long). A lost connection is reopened at
  once; while it cannot be, the loop backs off (0.15 s doubling to ``max_backoff`` s, shown in
  ``health``) and meanwhile polls the versions through the engine's pool, at most every
  ``fallback_poll_seconds``.

If the database could not be read when the watcher started, every area is reported once it can
be: nobody knows what changed in between. Calls are at least ``poll_seconds`` apart on both
databases; several commits in that time arrive as one call.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from kiosk.application.loops import BackgroundLoop
from kiosk.db import Database
from kiosk.db.changes import PostgresListener, SqliteProbe, Versions, moved_areas, read_versions, sqlite_path
from kiosk.domain.changes import ALL_AREAS, Area

log = logging.getLogger(__name__)

ChangeListener = Callable[[frozenset[Area]], None]


class ChangeWatcher(BackgroundLoop):
    name = "change-watcher"

    def __init__(
        self,
        database: Database,
        on_change: ChangeListener,
        *,
        poll_seconds: float = 0.15,
        listen_wait_seconds: float = 0.25,
        safety_poll_seconds: float = 10.0,
        fallback_poll_seconds: float = 2.0,
        max_backoff: float = 5.0,
        busy_timeout_ms: int = 10_000,
    ) -> None:
        super().__init__(interval=poll_seconds, max_backoff=max_backoff)
        self._database = database
        self._on_change = on_change
        self._listen_wait = listen_wait_seconds
        self._safety_poll = safety_poll_seconds
        self._fallback_poll = fallback_poll_seconds
        self._known: Versions | None = None
        self._ready = threading.Event()
        self._last_report = 0.0
        self._probe: SqliteProbe | None = None
        self._listener: PostgresListener | None = None
        if database.dialect == "sqlite":
            path = sqlite_path(database.engine.url)
            if path is None:
                raise ValueError("an in-memory SQLite database cannot be watched: no other connection sees it")
            self._probe = SqliteProbe(path, busy_timeout_ms=busy_timeout_ms)
            self._data_version: int | None = None
        elif database.dialect == "postgresql":
            self._listener = PostgresListener(database.engine.url)
            self._last_compared = 0.0
            self._last_fallback = 0.0
        else:
            raise ValueError(f"no change watcher for {database.dialect}")

    # -- what the desk asks ---------------------------------------------------------------------------

    def wait_until_watching(self, timeout: float) -> bool:
        """True once the watcher has read where every area stands: later commits will be reported."""
        return self._ready.wait(timeout)

    # -- the loop ---------------------------------------------------------------------------------------

    def run(self) -> None:
        try:
            super().run()
        finally:
            self._close()

    def step(self) -> bool:
        if self._probe is not None:
            return self._step_sqlite(self._probe)
        assert self._listener is not None
        return self._step_postgres(self._listener)

    def _close(self) -> None:
        if self._probe is not None:
            self._probe.close()
        if self._listener is not None:
            self._listener.close()

    # -- SQLite -------------------------------------------------------------------------------------------

    def _step_sqlite(self, probe: SqliteProbe) -> bool:
        try:
            if not probe.is_open:
                probe.open()
                self._data_version = probe.data_version()
                self._see(probe.versions())
                return False
            version = probe.data_version()
            if version != self._data_version:
                # data_version first: a commit landing in between moves it again, and is read next time.
                self._data_version = version
                self._see(probe.versions())
        except Exception:
            probe.close()  # start over on a fresh connection after the backoff
            raise
        return False

    # -- PostgreSQL ---------------------------------------------------------------------------------------

    def _step_postgres(self, listener: PostgresListener) -> bool:
        if not listener.is_open:
            try:
                listener.open()
                # LISTEN is on before the versions are read: nothing committed later can be missed.
                versions = listener.versions()
            except Exception:
                listener.close()
                self._fallback_poll_through_pool()
                raise  # the base logs it, counts it in health and backs off before the next attempt
            self._see(versions)
            self._last_compared = time.monotonic()
            if self.health.failures_in_a_row:
                log.info("%s: listening again", self.name)
        try:
            areas = listener.wait(self._listen_wait)
            if areas is not None:
                self._pace(listener)
                areas = areas | (listener.wait(0) or frozenset())
                self._see(listener.versions(), also=areas)
                self._last_compared = time.monotonic()
            elif time.monotonic() - self._last_compared >= self._safety_poll:
                self._see(listener.versions())
                self._last_compared = time.monotonic()
        except Exception as exc:  # the server went away, restarted, or ended the session
            listener.close()
            log.info("%s: the listening connection was lost (%s); reconnecting", self.name,
                     str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
        return True  # waiting happens in wait(); no sleep between passes

    def _pace(self, listener: PostgresListener) -> None:
        """Calls at least ``interval`` apart: a burst of commits arrives as one call."""
        remaining = self._last_report + self.interval - time.monotonic()
        if remaining > 0:
            self._stop.wait(remaining)

    def _fallback_poll_through_pool(self) -> None:
        """While LISTEN cannot be set up: compare the versions through the engine, every few seconds."""
        now = time.monotonic()
        if now - self._last_fallback < self._fallback_poll:
            return
        self._last_fallback = now
        try:
            with self._database.engine.connect() as connection:
                versions = read_versions(connection)
        except Exception:
            log.debug("%s: the versions cannot be read either", self.name, exc_info=True)
            return
        self._see(versions)

    # -- reporting ------------------------------------------------------------------------------------------

    def _see(self, versions: Versions, *, also: frozenset[Area] = frozenset()) -> None:
        """Take the versions just read as the new standing and report what moved (plus ``also``)."""
        if self._known is None:
            # The first reading. If earlier attempts failed, the desk has been blind since it started.
            moved = ALL_AREAS if self.health.failures_in_a_row else frozenset()
        else:
            moved = moved_areas(self._known, versions)
        self._known = versions
        self._ready.set()
        self._report(moved | also)

    def _report(self, areas: frozenset[Area]) -> None:
        if not areas:
            return
        self._last_report = time.monotonic()
        try:
            self._on_change(areas)
        except Exception:
            log.exception("%s: the change listener failed", self.name)
