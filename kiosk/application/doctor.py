"""``kioskctl doctor``: is this machine ready for visitors? One row per thing that can be wrong.

Every check runs in a daemon thread of its own, all at once, and gets ``CHECK_TIMEOUT`` seconds: a
printer or mail server that never answers becomes a "did not answer" row instead of a hung command
(a daemon thread still stuck when doctor is done does not keep the process alive). Qt is never
imported here: fonts come from fontconfig, the keyboard plugin is looked for on disk, and only where
those fail does a separate Python process ask Qt.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import smtplib
import ssl
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from kiosk.application.bootstrap import (
    DatabaseUnavailable,
    connect_database,
    database_problem,
    loose_files,
    schema_status,
)
from kiosk.config import Settings, data_dir
from kiosk.db.engine import sqlite_file
from kiosk.devices.camera.capture import CameraSource, SourceKind
from kiosk.devices.printer.backends import printer_from_settings
from kiosk.devices.printer.protocol import Condition, PrinterUnavailable
from kiosk.domain.notifications import redact_address
from kiosk.notify.chat_sender import load_apprise

CHECK_TIMEOUT = 3.0  # seconds each check may take; they run side by side, so doctor takes about this at worst
DEVICE_TIMEOUT = 1.0  # one printer reply or SMTP step: several fit inside CHECK_TIMEOUT
LOW_DISK_BYTES = 1_000_000_000
FULL_DISK_BYTES = 100_000_000
CAMERA_READS = 5
# The same faces, in the same order, as kiosk.ui.common.theme.CJK_FAMILIES (a test keeps them equal).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC")
FONT_FIX = "install a Chinese font: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei)"


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True)
class Finding:
    status: Status
    detail: str
    fix: str = ""  # what to do; empty when all is well


@dataclass(frozen=True)
class CheckResult:
    check: str
    status: Status
    detail: str
    fix: str
    visitor_facing: bool  # a failure here is something a visitor at the kiosk would notice


@dataclass(frozen=True)
class DoctorReport:
    results: tuple[CheckResult, ...]
    seconds: float

    @property
    def visitor_problem(self) -> bool:
        """Something a visitor would notice is broken: ``kioskctl doctor`` exits 1."""
        return any(r.status is Status.FAIL and r.visitor_facing for r in self.results)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Settings], Finding]
    visitor_facing: bool
    hang_fix: str


def run_doctor(settings: Settings | None, config_problem: str = "", *, timeout: float = CHECK_TIMEOUT) -> DoctorReport:
    """Every check against ``settings``; with ``settings`` None (the file did not load), the config row only."""
    started = time.monotonic()
    if settings is None:
        row = CheckResult("config", Status.FAIL, config_problem, "correct the settings file and run doctor again",
                          True)
        return DoctorReport((row,), time.monotonic() - started)
    config = CheckResult("config", Status.OK, f"settings from {settings.source}", "", True)
    results = _run_concurrently(CHECKS, settings, timeout)
    return DoctorReport((config, *results), time.monotonic() - started)


def _run_concurrently(checks: tuple[Check, ...], settings: Settings, timeout: float) -> list[CheckResult]:
    found: dict[str, Finding] = {}

    def worker(check: Check) -> None:
        try:
            found[check.name] = check.run(settings)
        except Exception as exc:  # a check that breaks is a failed row, never a traceback
            found[check.name] = Finding(Status.FAIL, f"the check itself failed: {exc.__class__.__name__}: {exc}",
                                        check.hang_fix)

    threads = [threading.Thread(target=worker, args=(c,), name=f"doctor-{c.name}", daemon=True) for c in checks]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    results = []
    for check in checks:
        finding = found.get(check.name) or Finding(
            Status.FAIL, f"no answer within {timeout:g} s", check.hang_fix)
        results.append(CheckResult(check.name, finding.status, finding.detail, finding.fix, check.visitor_facing))
    return results


def check_database(settings: Settings) -> Finding:
    upgrade = "run 'kioskctl db upgrade'"
    path = sqlite_file(settings.database.url)
    if path is not None and not path.is_file():  # connecting would create an empty file
        return Finding(Status.FAIL, f"no database file at {path}", upgrade)
    try:
        database = connect_database(settings)
    except (DatabaseUnavailable, OSError) as exc:
        return Finding(Status.FAIL, f"cannot open the database: {exc}", "check [database] url")
    try:
        status = schema_status(database)
    except DatabaseUnavailable as exc:
        return Finding(Status.FAIL, f"{database_problem(exc)}",
                       "check [database] url, that the server runs and this account may use it")
    finally:
        database.dispose()
    if status.revision is None:
        return Finding(Status.FAIL, f"{status.url}: no schema yet (head is {status.head})", upgrade)
    if not status.up_to_date:
        return Finding(Status.FAIL, f"{status.url}: revision {status.revision}, head is {status.head}", upgrade)
    return Finding(Status.OK, f"{status.url}: revision {status.revision} (head)")


def check_permissions(settings: Settings) -> Finding:
    loose = [(item.path, item.mode) for item in loose_files(settings)]
    folder = data_dir()
    try:
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077 and folder not in [path for path, _ in loose]:
            loose.insert(0, (folder, mode))
    except OSError:
        pass  # no data folder yet: nothing in it to leak
    if not loose:
        return Finding(Status.OK, "data folder 0700; database and keys 0600")
    detail = "; ".join(f"{path} is {mode:04o}" for path, mode in loose) + " (other accounts can read them)"
    fix = "; ".join(f"chmod {'700' if path.is_dir() else '600'} {path}" for path, _ in loose)
    return Finding(Status.FAIL, detail, fix)


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
    return Finding(Status.OK, f"{kind} printer ready; paper loaded, cover closed")


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


def check_fonts(settings: Settings) -> Finding:
    return judge_cjk_fonts(chinese_font_families())


def chinese_font_families() -> list[tuple[str, ...]]:
    """Every installed font family that covers Chinese, each with all its names (English and Chinese)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:  # no fontconfig tools: ask Qt, in a process of its own
        return [(name,) for name in _qt_probe(_QT_FONTS)]
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=True,
                            timeout=CHECK_TIMEOUT - 0.5).stdout
    # One family a line, its names separated by commas; fontconfig escapes a comma inside a name.
    return [tuple(name.replace("\\", "").strip() for name in re.split(r"(?<!\\),", line))
            for line in listed.splitlines() if line.strip()]


def judge_cjk_fonts(families: list[tuple[str, ...]]) -> Finding:
    """OK when a family the kiosk prefers is there under ANY of its names (under a Chinese locale a
    family may be listed first as 文泉驿微米黑), a warning when only some other Chinese font is."""
    names = {name for family in families for name in family}
    preferred = next((face for face in CJK_FAMILIES if face in names), None)
    if preferred is not None:
        return Finding(Status.OK, f"Chinese font {preferred}")
    if families:
        return Finding(Status.WARN, f"Chinese shows in {families[0][0]}, not a face the kiosk prefers", FONT_FIX)
    return Finding(Status.FAIL, "no font with Chinese characters: visitors would see boxes", FONT_FIX)


def check_keyboard(settings: Settings) -> Finding:
    plugins, qml = _qt_folders()
    plugin = next(iter(sorted((plugins / "platforminputcontexts").glob("*qtvirtualkeyboard*"))), None)
    fix = "install PySide6 with its Qt add-ons (pip install PySide6; Debian: qml6-module-qtquick-virtualkeyboard)"
    if plugin is None:
        return Finding(Status.FAIL, f"no on-screen keyboard plugin in {plugins / 'platforminputcontexts'}", fix)
    if not (qml / "QtQuick" / "VirtualKeyboard").is_dir():
        return Finding(Status.FAIL, f"the keyboard's QML module is missing from {qml}", fix)
    return Finding(Status.OK, f"on-screen keyboard {plugin.name} (QT_IM_MODULE=qtvirtualkeyboard)")


def _qt_folders() -> tuple[Path, Path]:
    """Qt's plugins and QML folders: inside the PySide6 wheel, else where Qt itself says."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    if spec is not None and spec.submodule_search_locations:
        bundled = Path(next(iter(spec.submodule_search_locations))) / "Qt"
        if (bundled / "plugins").is_dir():
            return bundled / "plugins", bundled / "qml"
    plugins, qml = _qt_probe(_QT_PATHS)
    return Path(plugins), Path(qml)


_QT_FONTS = ("from PySide6.QtGui import QFontDatabase, QGuiApplication\napp = QGuiApplication([])\n"
             "print(*QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), sep='\\n')")
_QT_PATHS = ("from PySide6.QtCore import QLibraryInfo as L\n"
             "print(L.path(L.LibraryPath.PluginsPath)); print(L.path(L.LibraryPath.QmlImportsPath))")


def _qt_probe(code: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         timeout=CHECK_TIMEOUT - 0.5)
    return [line for line in ran.stdout.splitlines() if line.strip()]


def check_disk(settings: Settings) -> Finding:
    database = sqlite_file(settings.database.url)
    folder = database.parent if database is not None else data_dir()
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free
    detail = f"{free / 1e9:.1f} GB free in {folder}"
    if free < FULL_DISK_BYTES:
        return Finding(Status.FAIL, detail, "free space now: check-ins will fail when the disk is full")
    if free < LOW_DISK_BYTES:
        return Finding(Status.WARN, detail, "free some space (old exports, logs) before it runs out")
    return Finding(Status.OK, detail)


CHECKS = (
    Check("database", check_database, True, "check that the database server answers"),
    Check("permissions", check_permissions, False, "check the data folder's disk"),
    Check("printer", check_printer, True, "switch the printer off and on; check its network or cable"),
    Check("camera", check_camera, True, "unplug and replug the camera; check [camera] source"),
    Check("email", check_email, False, "check that the mail server answers on [email] host and port"),
    Check("chat", check_chat, False, "check the [notify] URLs"),
    Check("fonts", check_fonts, True, FONT_FIX),
    Check("keyboard", check_keyboard, True, "reinstall PySide6"),
    Check("disk", check_disk, False, "check the data folder's disk"),
)
