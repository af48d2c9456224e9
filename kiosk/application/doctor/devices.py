"""What visitors and hosts meet through devices and senders: the badge printer and its paper, the camera's
frames, the mail server's EHLO and the chat URLs. Every network step has ``DEVICE_TIMEOUT``."""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import replace

from kiosk.application.doctor.findings import DEVICE_TIMEOUT, Finding, Status
from kiosk.config import Settings
from kiosk.devices.camera.capture import CameraSource, SourceKind
from kiosk.devices.printer.backends import printer_from_settings
from kiosk.devices.printer.protocol import Condition, PrinterUnavailable
from kiosk.devices.printer.status import QUERY_PAPER, is_status_byte, parse_status
from kiosk.domain.notifications import redact_address
from kiosk.notify.chat_sender import load_apprise

CAMERA_READS = 5


def check_printer(settings: Settings) -> Finding:
    printer_settings = settings.printer
    kind = printer_settings.kind
    if kind == "none":
        return Finding(Status.WARN, "no badge printer ([printer] kind = \"none\"): visitors get no badge",
                       "set [printer] kind and its address if badges should print")
    if kind == "os":
        name = printer_settings.os_printer or "the default printer"
        return Finding(Status.WARN, f"badges go through the system's print queue ({name}); doctor cannot ask it",
                       f"check it with: lpstat -p {printer_settings.os_printer}".rstrip())
    quick = replace(printer_settings, timeout=min(printer_settings.timeout, DEVICE_TIMEOUT))
    try:
        status = printer_from_settings(quick).status()
    except PrinterUnavailable as exc:
        return Finding(Status.FAIL, exc.reason, "check [printer] in the settings")
    if not status.reachable:
        return Finding(Status.FAIL, status.detail or f"the {kind} printer does not answer",
                       "switch the printer on, check its cable or network, and [printer] in the settings")
    if not status.ready:
        return Finding(Status.FAIL, status.detail, "fix the printer as the detail says, then run doctor again")
    if Condition.PAPER_NEAR_END in status.conditions:
        return Finding(Status.WARN, f"{kind} printer ready; paper nearly used up", "have a new roll ready")
    if status.detail:  # ready, but it cannot say whether there is paper
        return Finding(Status.OK, f"{kind} printer reachable; {status.detail}")
    if kind == "network":
        return network_paper(printer_settings.host, printer_settings.port)
    return Finding(Status.OK, f"{kind} printer ready; paper loaded, cover closed")


def network_paper(host: str, port: int) -> Finding:
    """Ask the roll paper sensor (DLE EOT 4) and believe only a real status byte: the badge printing
    takes any reply as "alive", but doctor must not say "paper loaded" to a web server or proxy."""
    where = f"{host}:{port}"
    with socket.create_connection((host, port), timeout=DEVICE_TIMEOUT) as connection:
        connection.settimeout(DEVICE_TIMEOUT)
        connection.sendall(QUERY_PAPER)
        try:
            reply = connection.recv(1)
        except TimeoutError:
            reply = b""
    if not reply or not is_status_byte(reply[0]):
        answer = f"reply 0x{reply[0]:02X}" if reply else "no reply"
        return Finding(Status.WARN, f"something at {where} answers, but not as an ESC/POS printer ({answer})",
                       "check [printer] host and port: is that the badge printer?")
    paper = parse_status(4, reply[0])
    if Condition.PAPER_OUT in paper:
        return Finding(Status.FAIL, f"the badge printer at {where} is out of paper", "load a new roll")
    if Condition.PAPER_NEAR_END in paper:
        return Finding(Status.WARN, f"the badge printer at {where} is ready; paper nearly used up",
                       "have a new roll ready")
    return Finding(Status.OK, f"the badge printer at {where} is ready; paper loaded")


def check_camera(settings: Settings) -> Finding:
    source = CameraSource(settings.camera.source, width=settings.camera.width, height=settings.camera.height)
    if source.kind is SourceKind.NONE:
        return Finding(Status.WARN, "no camera ([camera] source is empty): visitors cannot scan invitations",
                       "set [camera] source to the camera's number (0) or /dev/video0")
    fix = {
        SourceKind.DEVICE: "check the camera's cable, that the kiosk's account is in the 'video' group "
                           "and that no other program has it open",
        SourceKind.STREAM: "check the stream's URL and the network to it",
    }.get(source.kind, "check [camera] source: the file must exist and be readable")
    quiet_opencv()  # the row says why a camera would not open; OpenCV's own warnings would only repeat it
    try:
        if not source.open():
            return Finding(Status.FAIL, source.last_error or "the camera could not be opened", fix)
        frame = None
        for _ in range(CAMERA_READS):  # a device's first reads may come back empty while it starts
            frame = source.read()
            if frame is not None:
                break
        if frame is None:
            return Finding(Status.FAIL, source.last_error or "the camera opened but gave no frames", fix)
        height, width = frame.shape[:2]
        return Finding(Status.OK, f"{source.kind.value} {source.source}: frames of {width}×{height}")
    finally:
        source.close()


def quiet_opencv() -> None:
    import cv2

    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)


def check_email(settings: Settings) -> Finding:
    email = settings.email
    if not email.host:
        return Finding(Status.WARN, "e-mail is off ([email] host is empty): e-mail notices wait in the outbox",
                       "set [email] host and port to send hosts their notices")
    where = f"{email.host}:{email.port}"
    timeout = min(email.timeout, DEVICE_TIMEOUT)
    try:
        smtp = (smtplib.SMTP_SSL(email.host, email.port, timeout=timeout, context=ssl.create_default_context())
                if email.security == "ssl" else smtplib.SMTP(email.host, email.port, timeout=timeout))
        try:
            code, reply = smtp.ehlo()
            if email.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
                code, reply = smtp.ehlo()
            smtp.quit()
        finally:
            smtp.close()
    except (smtplib.SMTPException, OSError) as exc:
        return Finding(Status.FAIL, f"mail server {where} unreachable: {exc.__class__.__name__}: {exc}",
                       "check [email] host, port and security, and that the mail server is up")
    if code != 250:
        return Finding(Status.FAIL, f"mail server {where} refused EHLO: {code}", "ask the mail server's owner")
    name = reply.decode("utf-8", "replace").splitlines()[0] if reply else ""
    return Finding(Status.OK, f"mail server {where} answered EHLO ({name}); no mail sent")


def check_chat(settings: Settings) -> Finding:
    notify = settings.notify
    targets = [*notify.reception, *notify.supervisor, *(u for urls in notify.departments.values() for u in urls)]
    if not targets:
        return Finding(Status.WARN, "no chat targets ([notify] reception, supervisor and departments are empty)",
                       "add apprise URLs (wecombot://, dingtalk://, ...) if the desk wants chat alerts")
    apprise = load_apprise()
    unreadable = [redact_address(url) for url in targets if not apprise.Apprise().add(url)]
    if unreadable:
        return Finding(Status.FAIL, f"apprise does not understand {', '.join(unreadable)}",
                       "correct the URL in [notify] (see apprise's list of services)")
    return Finding(Status.OK, f"{len(targets)} chat target(s) parse (reception {len(notify.reception)}, "
                              f"supervisor {len(notify.supervisor)}, departments {len(notify.departments)})")
