"""Turn whatever a transport raised into one ``PrinterUnavailable`` a receptionist understands."""

from __future__ import annotations

import errno
import socket

from kiosk.devices.printer.protocol import PrinterUnavailable

_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM}
_GONE_ERRNOS = {errno.ENODEV, errno.ENOENT, errno.ENXIO}
_UNREACHABLE_ERRNOS = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN}


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and what caused it, innermost (most specific) first.

    python-escpos raises ``DeviceNotFoundError`` from inside ``except OSError``, so the real
    cause (refused, timed out, access denied) is in ``__context__``.
    """
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return list(reversed(seen))


def _classify(exc: BaseException, where: str) -> tuple[str, str] | None:
    name = type(exc).__name__
    number = getattr(exc, "errno", None)
    text = str(exc)
    if name == "NoBackendError":
        return "not_found", f"USB support (libusb) is missing on this computer, so {where} cannot be used. Call IT."
    if isinstance(exc, PermissionError) or number in _PERMISSION_ERRNOS or "Access denied" in text:
        return "permission", f"The kiosk is not allowed to use {where}. Call IT to grant access (udev rule)."
    if (
        isinstance(exc, TimeoutError | socket.timeout)
        or number == errno.ETIMEDOUT
        or name in ("USBTimeoutError", "SerialTimeoutException")
    ):
        return "timeout", f"{where} did not respond in time. Check its cable and that it is switched on."
    if isinstance(exc, ConnectionRefusedError):
        return "offline", f"{where} refused the connection. Check that it is switched on and ready."
    if isinstance(exc, ConnectionError) or number in _UNREACHABLE_ERRNOS:
        return "offline", f"The connection to {where} was lost. Check its network cable and power."
    if isinstance(exc, socket.gaierror):
        return "not_found", f"{where} cannot be found on the network. Check the printer address in the settings."
    if (
        isinstance(exc, FileNotFoundError)
        or number in _GONE_ERRNOS
        or name in ("DeviceNotFoundError", "USBNotFoundError")
    ):
        return "not_found", f"{where} was not found. Check that it is plugged in and switched on."
    return None


def unavailable_from(exc: BaseException, where: str) -> PrinterUnavailable:
    """One ``PrinterUnavailable`` for any error from opening, writing to or reading from a printer."""
    if isinstance(exc, PrinterUnavailable):
        return exc
    for link in _chain(exc):
        found = _classify(link, where)
        if found:
            code, reason = found
            return PrinterUnavailable(reason[0].upper() + reason[1:], code)
    return PrinterUnavailable(f"{where[0].upper()}{where[1:]} cannot be used: {exc}", "unknown")
