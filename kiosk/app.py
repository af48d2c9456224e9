"""Start-up for the Qt apps: ``kiosk`` (the visitor touchscreen), ``kiosk-admin`` (the front desk), and ``--demo``.

Order matters: settings, then a display check (a clear message instead of a Qt abort),
then the application, theme, database, devices and windows. Nothing runs at import time.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.application.bootstrap import (
    DatabaseUnavailable,
    SecretUnusable,
    database_problem,
    load_protector,
    open_database,
)
from kiosk.application.secrets import load_link_secret
from kiosk.config import ConfigError, Settings, load_settings, private_umask
from kiosk.version import add_version_argument

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication

    from kiosk.application.bootstrap import Database
    from kiosk.application.wiring import BackgroundLoops
    from kiosk.services.auth import StaffSession
    from kiosk.services.demo import DemoSummary
    from kiosk.ui.common.i18n import LanguageManager
    from kiosk.ui.common.workers import WorkerPool
    from kiosk.ui.desk.shell import DeskView
    from kiosk.ui.desk.window import DeskWindow
    from kiosk.ui.kiosk.assembly import Kiosk

# Qt and the windows are imported inside the functions: a missing display or a bad setting
# is reported in a blink, without loading Qt first.

log = logging.getLogger(__name__)
_STARTED = time.monotonic()

XVFB_HINT = """\
No display found (DISPLAY and WAYLAND_DISPLAY are unset, and QT_QPA_PLATFORM is not set).

The kiosk needs a screen. On a machine without one, run it under a virtual X server:

    xvfb-run -s "-screen 0 1920x1080x24" {command}

or render without any display at all:

    QT_QPA_PLATFORM=offscreen {command}
"""


def _parser(prog: str, description: str, *, demo: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    add_version_argument(parser)
    parser.add_argument("--config", metavar="PATH",
                        help="settings file (default: $KIOSK_CONFIG, else built-in defaults)")
    if demo:
        parser.add_argument("--demo", nargs="?", const="demo-data", metavar="DIR",
                            help="demo lobby in DIR (default ./demo-data): seeded database, simulated camera and "
                                 "printer, kiosk and front-desk windows together")
        parser.add_argument("--windowed", action="store_true", help="a normal window instead of fullscreen (testing)")
    # For an install check (.ci/wheel-smoke) and benchmarks/bench_startup.py.
    parser.add_argument("--exit-when-ready", action="store_true",
                        help="start, show the first screen, print the start-up time and memory, exit 0")
    return parser


def has_display(env: dict[str, str] | None = None) -> bool:
    env = dict(os.environ if env is None else env)
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _settings(path: str | None) -> Settings | None:
    try:
        return load_settings(path)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return None


def _application(name: str) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(name)
    app.setOrganizationName("lobby-kiosk")
    return app


def _run(app: QApplication, on_quit: list[Callable[[], object]], *, exit_when_ready: bool) -> int:
    """The event loop, with everything in ``on_quit`` stopped (in order) when it ends."""
    for step in on_quit:
        app.aboutToQuit.connect(step)
    _exit_on_signals(app)
    if exit_when_ready:
        _report_ready_and_quit(app)
    return int(app.exec())


def _report_ready_and_quit(app: QApplication) -> None:
    from PySide6.QtCore import QTimer

    def report() -> None:
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"ready seconds={time.monotonic() - _STARTED:.3f} rss_kb={rss_kb}", flush=True)
        # exit(), not quit(): Qt 6's quit() first asks every window to close, and the kiosk window refuses.
        app.exit(0)

    QTimer.singleShot(0, report)


def _exit_on_signals(app: QApplication) -> None:
    """SIGTERM/SIGINT end the event loop cleanly (systemd stop, Ctrl+C in a terminal).

    Python runs signal handlers only between bytecodes, so a slow timer gives it the chance
    while Qt's loop waits; the kiosk window itself offers no way out.
    """
    from PySide6.QtCore import QTimer

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: app.exit(0))
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(500)


def _started(prog: str, start: Callable[[], int]) -> int:
    """Run ``start`` with files made private (umask 077); a database or key that cannot be used is
    one line on stderr and exit status 1, as a bad setting is, not a traceback."""
    with private_umask():
        try:
            return start()
        except DatabaseUnavailable as exc:
            print(f"{prog}: cannot use the database: {database_problem(exc)}", file=sys.stderr)
        except SecretUnusable as exc:
            print(f"{prog}: {exc}", file=sys.stderr)
        except OSError as exc:  # the data folder cannot be made or written (read-only, full disk)
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"{prog}: cannot start: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


def main_kiosk(argv: Sequence[str] | None = None) -> int:
    args = _parser("kiosk", "The lobby visitor kiosk (touchscreen).", demo=True).parse_args(argv)
    return _started("kiosk", lambda: _main_kiosk(args))


def _main_kiosk(args: argparse.Namespace) -> int:
    settings = _settings(args.config)
    if settings is None:
        return 2
    if not has_display():
        command = "kiosk --demo" if args.demo else "kiosk" + (f" --config {args.config}" if args.config else "")
        print(XVFB_HINT.format(command=command), file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.demo:
        return _run_demo(settings, Path(args.demo), exit_when_ready=args.exit_when_ready)
    return _run_kiosk(settings, windowed=args.windowed, exit_when_ready=args.exit_when_ready)


def _run_kiosk(settings: Settings, *, windowed: bool, exit_when_ready: bool) -> int:
    from kiosk.ui.common.theme import DEFAULT_ACCENT, apply_theme

    if not windowed:
        # A touchscreen has no keyboard: Qt's on-screen one (with pinyin) appears when a field is tapped.
        # QT_IM_MODULE="" in the environment turns it off (a kiosk with a real keyboard).
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
        # Drawn inside the kiosk window (kiosk/ui/kiosk/widgets/keyboard_panel.py), not in a window of
        # its own, which cage would focus, and the tapped field would lose the keyboard at once.
        os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
        _keyboard_language(settings.site.language)
    database = open_database(settings)  # before any window: a database problem is one line, not a half-built kiosk
    if settings.notify.public_url and settings.notify.dispatcher == "kiosk":
        load_link_secret(settings)
    if settings.kiosk.scale != 1.0:
        # Qt reads it once, when the application is made: every size in the style sheet follows.
        os.environ.setdefault("QT_SCALE_FACTOR", f"{settings.kiosk.scale:g}")
    app = _application("lobby-kiosk")
    apply_theme(app, "kiosk", accent=settings.site.accent or DEFAULT_ACCENT)
    kiosk, background = _start_kiosk(settings, database)
    if windowed:
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
    else:
        kiosk.window.show_kiosk()
    return _run(app, [kiosk.shutdown, background.stop, database.dispose], exit_when_ready=exit_when_ready)


def _start_kiosk(settings: Settings, database: Database) -> tuple[Kiosk, BackgroundLoops]:
    """The kiosk's screens and devices, and the loops that print badges, send notices and keep house."""
    from kiosk.application.gateways.touchscreen import KioskGateway
    from kiosk.application.heartbeat import camera_report
    from kiosk.application.wiring import kiosk_background
    from kiosk.devices.camera import CameraStatus
    from kiosk.ui.kiosk.assembly import build_kiosk

    gateway = KioskGateway.from_settings(database, settings, load_protector(settings))
    kiosk = build_kiosk(settings, gateway, database.clock.now)
    kiosk.start_devices(settings)
    badge_output = None
    if settings.printer.kind == "os":
        from kiosk.devices.printer.os_output import os_badge_output
        from kiosk.domain.badge_layout import labels_for_language

        badge_output = os_badge_output(settings.printer, labels_for_language(settings.site.language))
    # The heartbeat tells the desk how the camera is: the latest status the camera thread reported.
    camera: list[CameraStatus | None] = [None]
    if kiosk.camera is not None:
        kiosk.camera.status.connect(lambda status: camera.__setitem__(0, status))
    background = kiosk_background(database, settings, badge_output=badge_output,
                                  status=lambda: camera_report(camera[0])).start()
    return kiosk, background


def _keyboard_language(language: str) -> None:
    """The on-screen keyboard starts in the system locale's layout: pinyin for a Chinese site.

    Visitors can still switch with its globe key. Only LANG is set, and only when nothing more
    specific (LC_ALL) is, so an operator's explicit choice wins.
    """
    wanted = {"zh_CN": "zh_CN.UTF-8", "en": "en_US.UTF-8"}[language]
    if not os.environ.get("LC_ALL") and not os.environ.get("LANG", "").startswith(wanted[:2]):
        os.environ["LANG"] = wanted


@dataclass
class Desk:
    window: DeskWindow
    pool: WorkerPool
    background: BackgroundLoops


def main_admin(argv: Sequence[str] | None = None) -> int:
    args = _parser("kiosk-admin", "The front desk's visitor board.", demo=False).parse_args(argv)
    return _started("kiosk-admin", lambda: _main_admin(args))


def _main_admin(args: argparse.Namespace) -> int:
    settings = _settings(args.config)
    if settings is None:
        return 2
    if not has_display():
        print(XVFB_HINT.format(command="kiosk-admin"), file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from kiosk.ui.common.i18n import LanguageManager
    from kiosk.ui.common.theme import apply_theme

    app = _application("lobby-kiosk-admin")
    apply_theme(app, "admin")
    languages = LanguageManager(settings.site.language, parent=app)
    languages.reset()
    database = open_database(settings)
    desk = _build_desk(settings, database, languages)
    desk.window.show()
    return _run(app, [desk.window.stop, desk.background.stop, desk.pool.shutdown, database.dispose],
                exit_when_ready=args.exit_when_ready)


def _build_desk(settings: Settings, database: Database, languages: LanguageManager) -> Desk:
    """The desk window, and the change watcher that keeps it live; views are made for each person who
    signs in, acting as them."""
    from kiosk.application.gateways.desk_auth import DeskAuthGateway
    from kiosk.application.gateways.desk_session import DeskGatewayFactory
    from kiosk.application.wiring import desk_background
    from kiosk.ui.common.live import LiveChanges
    from kiosk.ui.common.workers import WorkerPool
    from kiosk.ui.desk.views import desk_finder, desk_status, desk_views
    from kiosk.ui.desk.window import DeskWindow

    pool = WorkerPool()
    zone = ZoneInfo(settings.site.timezone)
    gateways = DeskGatewayFactory.from_settings(database, settings)
    live = LiveChanges()

    def views_for(session: StaffSession) -> list[DeskView]:
        return desk_views(gateways.for_session(session), pool, site_name=settings.site.name, zone=zone, live=live,
                          public_url=settings.notify.public_url, camera=settings.camera)

    auth = DeskAuthGateway(database, max_failures=settings.security.max_failed_logins,
                           lockout_minutes=settings.security.lockout_minutes)
    window = DeskWindow(auth, pool, languages, site_name=settings.site.name, views_for=views_for,
                        lock_minutes=settings.security.desk_lock_minutes,
                        status_for=lambda session: desk_status(gateways.for_session(session), pool, zone=zone,
                                                               live=live),
                        finder_for=lambda session: desk_finder(gateways.for_session(session), pool))
    live.setParent(window)
    label_output = None
    if settings.printer.kind == "os":
        from kiosk.devices.printer.os_output import os_layout_output

        label_output = os_layout_output(settings.printer)
    background = desk_background(database, on_change=live.listener, settings=settings,
                                 label_output=label_output).start()
    window.start()
    return Desk(window, pool, background)


def _run_demo(base: Settings, folder: Path, *, exit_when_ready: bool) -> int:
    from kiosk.application import demo
    from kiosk.ui.common.theme import DEFAULT_ACCENT, apply_theme

    folder.mkdir(parents=True, exist_ok=True)
    settings = demo.demo_settings(base, folder)
    database = open_database(settings)
    summary = demo.seed(database, settings.site.code, folder)
    token = demo.first_invitation_token(summary)
    demo.write_camera_video(Path(settings.camera.source), token)
    _print_demo_help(summary, folder)

    app = _application("lobby-kiosk-demo")
    apply_theme(app, "kiosk", accent=settings.site.accent or DEFAULT_ACCENT)
    kiosk, background = _start_kiosk(settings, database)
    kiosk.window.resize(1600, 900)
    kiosk.window.allow_close = True  # a demo runs in an ordinary window on a desk; let it close
    kiosk.window.show()
    desk = _build_desk(settings, database, kiosk.languages)
    # The desk window keeps its own denser look whatever the kiosk's style sheet says.
    from kiosk.ui.common.theme import admin_stylesheet

    desk.window.setStyleSheet(admin_stylesheet())
    desk.window.show()
    return _run(app, [kiosk.shutdown, desk.window.stop, desk.background.stop, desk.pool.shutdown, background.stop,
                      database.dispose], exit_when_ready=exit_when_ready)


def _print_demo_help(summary: DemoSummary, folder: Path) -> None:
    from kiosk.services.demo import DEMO_PASSWORD, DEMO_USERNAME

    tokens = [v for v in summary.new_tokens if v.status == "invited"]
    print(f"Demo lobby in {folder.resolve()}")
    print("  The camera video shows the first invitation's QR a few seconds into every loop: watch it check in.")
    print(f"  Badges are written to {folder / 'badges.escpos'}; invitation QR codes are saved as PNG beside it.")
    for visit in tokens[1:]:
        print(f"  Type at the kiosk ('I have an invitation'): {visit.token}   ({visit.visitor_name})")
    print(f"  The front-desk window: sign in as {DEMO_USERNAME} / {DEMO_PASSWORD}; a walk-in waits for approval.")
