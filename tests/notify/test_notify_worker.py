"""Hosting the dispatcher: the kiosk's worker thread and the separate notify-worker process entry point."""

from __future__ import annotations

import dataclasses
import threading
import time

from kiosk.application.bootstrap import use_keys_of
from kiosk.application.notification_loop import Dispatcher, run_notify_worker
from kiosk.application.wiring import kiosk_background
from kiosk.config import DatabaseSettings
from kiosk.db import Database
from tests import factories
from tests.notify.helpers import rows


def test_the_kiosk_thread_sends_in_the_background_and_stops_promptly(database: Database, smtp, make_settings):
    host = factories.add_host(database, language="en")
    worker = Dispatcher(database, make_settings(smtp), poll_seconds=0.05).start()
    try:
        factories.invite(database, host.id, email="jane@example.org")
        assert len(smtp.wait_for(1)) == 1
    finally:
        assert worker.stop(timeout=5)
    assert not worker.alive


def test_an_external_dispatcher_setting_starts_no_thread(database: Database, make_settings):
    assert kiosk_background(database, make_settings(None)).find(Dispatcher) is not None
    assert kiosk_background(database, make_settings(None, dispatcher="external")).find(Dispatcher) is None


def test_run_notify_worker_sends_until_told_to_stop(database: Database, db_url, smtp, make_settings):
    settings = dataclasses.replace(make_settings(smtp), database=DatabaseSettings(url=db_url))
    use_keys_of(settings)  # as the worker will: the invitation's code is sealed with the settings' key
    host = factories.add_host(database, language="en")
    factories.invite(database, host.id, email="jane@example.org")
    stop = threading.Event()
    exit_codes: list[int] = []
    thread = threading.Thread(target=lambda: exit_codes.append(run_notify_worker(settings, stop_event=stop)))
    thread.start()
    try:
        assert len(smtp.wait_for(1)) == 1
    finally:
        stop.set()
        thread.join(10)
    assert exit_codes == [0]
    deadline = time.monotonic() + 5
    while rows(database)[0].status != "sent" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert rows(database)[0].status == "sent"
