"""Printer transports against real sockets and files; every failure is one PrinterUnavailable."""

from __future__ import annotations

import errno
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import PrinterSettings
from kiosk.devices.printer.backends import FilePrinter, NetworkPrinter, NoPrinter, UsbPrinter, printer_from_settings
from kiosk.devices.printer.errors import unavailable_from
from kiosk.devices.printer.escpos_render import render_badge
from kiosk.devices.printer.protocol import Condition, Printer, PrinterUnavailable
from kiosk.devices.printer.status import QUERY_PRINTER
from kiosk.domain.badge_layout import ENGLISH_LABELS, sample_badge

TIMEOUT = 0.5
OK = 0x12


def one_badge() -> bytes:
    return render_badge(sample_badge(), text_mode="gb18030", labels=ENGLISH_LABELS, native_qr=True)


class FakeNetworkPrinter:
    """A TCP listener on 127.0.0.1 that either behaves like a printer or accepts and never reads.

    Behaving, it records every byte and answers DLE EOT n with ``replies[n]``.
    """

    def __init__(self, dead: bool = False, replies: dict[int, int] | None = None) -> None:
        self.dead = dead
        self.replies = {1: OK, 2: OK, 3: OK, 4: OK, **(replies or {})}
        self.received: list[bytes] = []  # one entry per connection that was read
        self.held: list[socket.socket] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            with self.lock:
                if self.dead:
                    self.held.append(connection)  # accepted, never read: a hung printer
                    continue
            self._print(connection)

    def _print(self, connection: socket.socket) -> None:
        data = bytearray()
        answered = 0
        with connection:
            connection.settimeout(2)
            while True:
                try:
                    chunk = connection.recv(65536)
                except TimeoutError:
                    break
                if not chunk:
                    break
                data += chunk
                if len(data) > answered and data[-3:-1] == b"\x10\x04" and data[-1] in self.replies:
                    connection.sendall(bytes([self.replies[data[-1]]]))
                    answered = len(data)
        self.received.append(bytes(data))

    def recover(self) -> None:
        """Someone switched it off and on: the stuck connections die unread, new ones are served."""
        with self.lock:
            for connection in self.held:
                connection.close()
            self.held.clear()
            self.dead = False

    def close(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.server.close()
        self.recover()


@pytest.fixture
def fake_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()


def wait_for(condition: object, seconds: float = 3.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.01)
    raise AssertionError("timed out waiting")


def test_network_send_delivers_exact_bytes(fake_printer: FakeNetworkPrinter) -> None:
    job = one_badge()
    printer = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=TIMEOUT)
    assert isinstance(printer, Printer)
    printer.send(job)
    wait_for(lambda: len(fake_printer.received) == 1)
    # Status before (is it there?) and after (did it take the job?), and the job exactly once.
    assert fake_printer.received == [QUERY_PRINTER + job + QUERY_PRINTER]


def test_network_status(fake_printer: FakeNetworkPrinter) -> None:
    status = NetworkPrinter("127.0.0.1", fake_printer.port, timeout=TIMEOUT).status()
    assert status.reachable and status.ready and status.conditions == frozenset()


def test_hung_printer_fails_within_the_timeout_and_a_resend_after_recovery_prints_once() -> None:
    fake = FakeNetworkPrinter(dead=True)
    try:
        job = one_badge()
        printer = NetworkPrinter("127.0.0.1", fake.port, timeout=TIMEOUT)
        started = time.monotonic()
        with pytest.raises(PrinterUnavailable) as failure:
            printer.send(job)
        elapsed = time.monotonic() - started
        assert failure.value.code in ("offline", "timeout")
        assert "did not answer" in failure.value.reason
        assert not failure.value.delivered  # it never said it was there, so the job was not sent
        assert TIMEOUT * 0.8 <= elapsed < TIMEOUT * 3
        assert not printer.status().reachable

        fake.recover()
        printer.send(job)
        wait_for(lambda: len(fake.received) >= 1)
        assert fake.received == [QUERY_PRINTER + job + QUERY_PRINTER]
        assert b"".join(fake.received).count(job) == 1
    finally:
        fake.close()


def test_paper_out_is_reported_before_the_job_is_sent() -> None:
    fake = FakeNetworkPrinter(replies={1: 0x1A, 2: 0x32, 4: 0x72})
    try:
        printer = NetworkPrinter("127.0.0.1", fake.port, timeout=TIMEOUT)
        with pytest.raises(PrinterUnavailable) as failure:
            printer.send(one_badge())
        assert failure.value.code == "paper_out" and "paper" in failure.value.reason
        status = printer.status()
        assert status.reachable and not status.ready and Condition.PAPER_OUT in status.conditions
        wait_for(lambda: len(fake.received) == 2)
        assert all(one_badge() not in data for data in fake.received)
    finally:
        fake.close()


def test_cover_open() -> None:
    fake = FakeNetworkPrinter(replies={1: 0x1A, 2: 0x16})
    try:
        with pytest.raises(PrinterUnavailable) as failure:
            NetworkPrinter("127.0.0.1", fake.port, timeout=TIMEOUT).send(b"x")
        assert failure.value.code == "cover_open"
    finally:
        fake.close()


def test_nobody_listening_is_offline() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(PrinterUnavailable) as failure:
        NetworkPrinter("127.0.0.1", port, timeout=TIMEOUT).send(b"x")
    assert failure.value.code == "offline"
    assert f"127.0.0.1:{port}" in failure.value.reason


def test_file_backend_writes_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "badge.bin"
    printer = printer_from_settings(PrinterSettings(kind="file", path=str(target)))
    assert printer.status().ready
    job = one_badge()
    printer.send(job)
    assert target.read_bytes() == job
    printer.send(job)  # a device node takes each job whole; so does the file
    assert target.read_bytes() == job


def test_file_backend_missing_directory(tmp_path: Path) -> None:
    printer = FilePrinter(str(tmp_path / "no" / "such" / "lp0"))
    assert not printer.status().reachable
    with pytest.raises(PrinterUnavailable) as failure:
        printer.send(b"x")
    assert failure.value.code == "not_found"


def test_none_and_os_kinds() -> None:
    none = printer_from_settings(PrinterSettings(kind="none"))
    assert isinstance(none, NoPrinter)
    with pytest.raises(PrinterUnavailable) as failure:
        none.send(b"x")
    assert failure.value.code == "not_found" and "No badge printer" in failure.value.reason
    assert not none.status().reachable
    with pytest.raises(PrinterUnavailable, match="UI renderer"):
        printer_from_settings(PrinterSettings(kind="os"))
    unaddressed = printer_from_settings(PrinterSettings(kind="network", host=""))
    with pytest.raises(PrinterUnavailable, match="no address"):
        unaddressed.send(b"x")


def test_usb_without_pyusb_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyusb is a dependency, but a hand-made install may lack it: the reason must say what to do."""
    escpos_printer = pytest.importorskip("escpos.printer")
    monkeypatch.setattr(escpos_printer.Usb, "is_usable", staticmethod(lambda: False))
    with pytest.raises(PrinterUnavailable) as failure:
        UsbPrinter(0x04B8, 0x0202, timeout=TIMEOUT).send(b"x")
    assert failure.value.code == "unknown" and "pyusb" in failure.value.reason
    assert "did not" not in failure.value.reason


def test_usb_printer_that_is_not_plugged_in_is_unavailable_not_a_crash() -> None:
    with pytest.raises(PrinterUnavailable) as failure:
        UsbPrinter(0x04B8, 0x0202, timeout=TIMEOUT).send(b"x")
    assert failure.value.code in ("not_found", "permission", "unknown") and failure.value.reason


class USBError(OSError):
    """Stands in for usb.core.USBError: matched by name and errno, pyusb need not be installed."""


class NoBackendError(ValueError):
    pass


class DeviceNotFoundError(Exception):
    pass


def wrapped(inner: BaseException) -> BaseException:
    """What python-escpos does: raise DeviceNotFoundError inside ``except``."""
    try:
        try:
            raise inner
        except BaseException:
            raise DeviceNotFoundError("Unable to open") from None
    except DeviceNotFoundError as outer:
        outer.__suppress_context__ = False
        outer.__context__ = inner
        return outer


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission"),
        (USBError(errno.EACCES, "Access denied (insufficient permissions)"), "permission"),
        (wrapped(USBError(errno.EACCES, "Access denied")), "permission"),
        (NoBackendError("No backend available"), "not_found"),
        (DeviceNotFoundError("Device not found"), "not_found"),
        (USBError(errno.ENODEV, "No such device"), "not_found"),
        (FileNotFoundError(errno.ENOENT, "No such file"), "not_found"),
        (TimeoutError("timed out"), "timeout"),
        (USBError(errno.ETIMEDOUT, "Operation timed out"), "timeout"),
        (ConnectionRefusedError(errno.ECONNREFUSED, "refused"), "offline"),
        (wrapped(ConnectionRefusedError(errno.ECONNREFUSED, "refused")), "offline"),
        (ConnectionResetError(errno.ECONNRESET, "reset"), "offline"),
        (BrokenPipeError(errno.EPIPE, "broken pipe"), "offline"),
        (OSError(errno.EHOSTUNREACH, "No route to host"), "offline"),
        (socket.gaierror(-2, "Name or service not known"), "not_found"),
        (OSError(errno.EIO, "Input/output error"), "unknown"),
    ],
)
def test_error_mapping(exc: BaseException, code: str) -> None:
    unavailable = unavailable_from(exc, "the badge printer")
    assert unavailable.code == code
    assert unavailable.reason[0].isupper() and "badge printer" in unavailable.reason


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(ValueError):
        PrinterUnavailable("x", "on_fire")
