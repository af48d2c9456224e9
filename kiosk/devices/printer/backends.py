"""The transports that carry badge bytes, chosen by ``[printer] kind``.

Each ``send`` opens the device, writes one whole job and closes it again, so a printer that
was switched off and on, or a network that came back, needs nothing but the next try.
Every failure comes out as ``PrinterUnavailable`` with a stable ``code``.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.config import PrinterSettings
from kiosk.devices.printer.errors import unavailable_from
from kiosk.devices.printer.escpos_render import import_escpos_quietly
from kiosk.devices.printer.protocol import Condition, Printer, PrinterStatus, PrinterUnavailable
from kiosk.devices.printer.status import (
    QUERY_OFFLINE_CAUSE,
    QUERY_PAPER,
    QUERY_PRINTER,
    most_urgent,
    parse_status,
)

_NOT_CONFIGURED = "No badge printer is set up. Ask IT to configure [printer] in the kiosk settings."
_OS_PRINTING = "OS printing is handled by the UI renderer, not by the ESC/POS backends."


class _EscposBackend:
    """Open, check, write, confirm, close. Subclasses say how to open and how to read a reply."""

    # A network printer that does not answer DLE EOT may be dead behind a full socket
    # buffer; a USB or serial printer that accepted the write has the job, and many have
    # no return channel at all.
    status_required = False

    def __init__(self, where: str) -> None:
        self.where = where

    def send(self, data: bytes) -> None:
        delivered = False
        try:
            with self._session() as device:
                self._raise_unless_ready(device, delivered=False)
                delivered = True
                device._raw(data)
                self._raise_unless_ready(device, delivered=True)
        except PrinterUnavailable:
            raise
        except Exception as exc:
            unavailable = unavailable_from(exc, self.where)
            unavailable.delivered = delivered
            raise unavailable from exc

    def status(self) -> PrinterStatus:
        try:
            with self._session() as device:
                conditions = self._conditions(device)
        except Exception as exc:
            return PrinterStatus(False, detail=unavailable_from(exc, self.where).reason)
        if conditions is None:
            if self.status_required:
                return PrinterStatus(False, detail=self._silent_reason())
            return PrinterStatus(True, detail="The printer cannot report its state; it accepted the connection.")
        advice = most_urgent(conditions)
        return PrinterStatus(True, conditions, advice[1] if advice else "")

    @contextlib.contextmanager
    def _session(self) -> Iterator[Any]:
        device = self._open()
        try:
            yield device
        finally:
            with contextlib.suppress(Exception):
                device.close()

    def _open(self) -> Any:
        raise NotImplementedError

    def _read_reply(self, device: Any) -> int | None:
        """One status byte, or None when the printer did not answer in time."""
        raise NotImplementedError

    def _ask(self, device: Any, query: bytes) -> frozenset[Condition] | None:
        device._raw(query)
        reply = self._read_reply(device)
        if reply is None:
            return None
        try:
            return parse_status(query[2], reply)
        except ValueError:
            return frozenset()  # an answer that is not a status byte still proves it is alive

    def _conditions(self, device: Any) -> frozenset[Condition] | None:
        """What the printer reports, asking for the cause only when it says it is offline."""
        printer = self._ask(device, QUERY_PRINTER)
        if printer is None or Condition.OFFLINE not in printer:
            return printer
        cause = self._ask(device, QUERY_OFFLINE_CAUSE) or frozenset()
        paper = self._ask(device, QUERY_PAPER) or frozenset()
        return printer | cause | paper

    def _raise_unless_ready(self, device: Any, *, delivered: bool) -> None:
        conditions = self._conditions(device)
        if conditions is None:
            if self.status_required:
                raise PrinterUnavailable(self._silent_reason(), "offline", delivered=delivered)
            return
        if delivered and conditions == {Condition.OFFLINE}:
            return  # offline with no cause just after a job: it is busy feeding and cutting
        advice = most_urgent(conditions)
        if advice:
            code, reason = advice
            raise PrinterUnavailable(reason, code, delivered=delivered)

    def _silent_reason(self) -> str:
        return f"{self.where[0].upper()}{self.where[1:]} did not answer. Check that it is switched on and ready."


class NetworkPrinter(_EscposBackend):
    status_required = True

    def __init__(self, host: str, port: int = 9100, timeout: float = 3.0, profile: str = "default") -> None:
        super().__init__(f"the badge printer at {host}:{port}")
        self.host, self.port, self.timeout, self.profile = host, port, timeout, profile

    def _open(self) -> Any:
        import_escpos_quietly()
        from escpos.printer import Network

        device = Network(host=self.host, port=self.port, timeout=self.timeout, profile=self.profile)
        # Connect here rather than in Network.open(), which drops a failed socket unclosed.
        # The timeout bounds the connect, the whole sendall and each status read.
        connection = socket.create_connection((self.host, self.port), timeout=self.timeout)
        connection.settimeout(self.timeout)
        device.device = connection
        return device

    def _read_reply(self, device: Any) -> int | None:
        try:
            reply = device.device.recv(1)
        except TimeoutError:  # socket.timeout is an alias since 3.10
            return None
        if not reply:
            raise ConnectionResetError("the printer closed the connection")
        return int(reply[0])


class UsbPrinter(_EscposBackend):
    def __init__(self, vendor_id: int, product_id: int, timeout: float = 3.0, profile: str = "default") -> None:
        super().__init__(f"the USB badge printer {vendor_id:04x}:{product_id:04x}")
        self.vendor_id, self.product_id, self.timeout, self.profile = vendor_id, product_id, timeout, profile

    def _open(self) -> Any:
        import_escpos_quietly()
        from escpos.printer import Usb

        _require_library(Usb, "pyusb (and libusb)", self.where)
        # pyusb counts milliseconds; python-escpos's default 0 would wait for ever.
        device = Usb(self.vendor_id, self.product_id, timeout=int(self.timeout * 1000), profile=self.profile)
        device.open()
        return device

    def _read_reply(self, device: Any) -> int | None:
        try:
            reply = device.device.read(device.in_ep, 16, int(self.timeout * 1000))
        except Exception:
            return None  # many USB printers have no IN endpoint; the write already succeeded
        return int(reply[0]) if len(reply) else None


class SerialPrinter(_EscposBackend):
    def __init__(self, device: str, baudrate: int = 9600, timeout: float = 3.0, profile: str = "default") -> None:
        super().__init__(f"the serial badge printer on {device}")
        self.device_path, self.baudrate, self.timeout, self.profile = device, baudrate, timeout, profile
        self._write_timeout = timeout

    def send(self, data: bytes) -> None:
        # At 9600 baud a 12 KB raster badge takes 12.5 s on the wire; allow for it.
        self._write_timeout = self.timeout + len(data) * 10 / self.baudrate
        super().send(data)

    def _open(self) -> Any:
        import_escpos_quietly()
        from escpos.printer import Serial

        _require_library(Serial, "pyserial", self.where)
        device = Serial(devfile=self.device_path, baudrate=self.baudrate, timeout=self.timeout, profile=self.profile)
        device.open()
        # python-escpos sets no write timeout: with flow control and the printer off, write blocks for ever.
        device.device.write_timeout = self._write_timeout
        return device

    def _read_reply(self, device: Any) -> int | None:
        reply = device.device.read(1)
        return reply[0] if reply else None


class FilePrinter(_EscposBackend):
    """A device node (/dev/usb/lp0) or a plain file for tests and diagnostics; it cannot report state."""

    def __init__(self, path: str) -> None:
        super().__init__(f"the badge printer file {path}")
        self.path = path

    def _open(self) -> Any:
        import_escpos_quietly()
        from escpos.printer import File

        device = File(devfile=self.path)
        device.open()
        return device

    def _ask(self, device: Any, query: bytes) -> frozenset[Condition] | None:
        return None  # a file cannot answer; sending the query would only litter it

    def status(self) -> PrinterStatus:
        # Opening the file to check it would truncate it; look at it instead.
        target = Path(self.path)
        if target.exists() and os.access(target, os.W_OK):
            return PrinterStatus(True, detail="A file or device node cannot report paper or cover state.")
        if not target.exists() and target.parent.is_dir() and os.access(target.parent, os.W_OK):
            return PrinterStatus(True, detail="The file will be created on the first badge.")
        return PrinterStatus(False, detail=f"{self.where[0].upper()}{self.where[1:]} is missing or not writable.")


def _require_library(printer_class: Any, package: str, where: str) -> None:
    # Checked before constructing: without its library even python-escpos's __del__ raises.
    if not printer_class.is_usable():
        raise PrinterUnavailable(f"Printing to {where} needs the {package} package, which is not installed. Call IT.")


class NoPrinter:
    """``kind = "none"`` (or "os" outside the UI): every send fails with a clear reason."""

    def __init__(self, reason: str = _NOT_CONFIGURED) -> None:
        self.reason = reason

    def send(self, data: bytes) -> None:
        raise PrinterUnavailable(self.reason, "not_found")

    def status(self) -> PrinterStatus:
        return PrinterStatus(False, detail=self.reason)


def printer_from_settings(settings: PrinterSettings) -> Printer:
    """The backend for ``[printer]``. Raises ``PrinterUnavailable`` for kind "os" (the UI prints those)."""
    kind = settings.kind
    if kind == "network":
        if not settings.host:
            return NoPrinter("The network badge printer has no address. Set [printer] host in the settings.")
        return NetworkPrinter(settings.host, settings.port, settings.timeout, settings.profile)
    if kind == "usb":
        return UsbPrinter(settings.vendor_id, settings.product_id, settings.timeout, settings.profile)
    if kind == "serial":
        return SerialPrinter(settings.device, settings.baudrate, settings.timeout, settings.profile)
    if kind == "file":
        return FilePrinter(settings.path)
    if kind == "os":
        raise PrinterUnavailable(_OS_PRINTING, "unknown")
    return NoPrinter()
