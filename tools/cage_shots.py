"""The kiosk session tried with no screen: `kiosk` in cage on a headless output, photographed with grim.

    sudo .venv/bin/python tools/cage_shots.py [--user kiosk] [--out docs/screenshots]

Writes deploy-cage-welcome.png (the real `kiosk` command, started as the kiosk session starts it)
and deploy-cage-keyboard.png (the same start-up, then a tap on the walk-in form's name field: Qt's
on-screen keyboard, pinyin for a Chinese site). Needs Debian's `cage grim xwayland`. cage refuses
to run as root, so run as root it does everything as --user (docs/deploy.md makes that account).

Two things only a headless run needs: WLR_BACKENDS=headless WLR_RENDERER=pixman, and `-r -r` (the
output turned 180°, which grim turns back): cage 0.1.4 otherwise hands the kiosk's full-screen
buffer straight to the output, which the headless backend refuses, and only the first frame ever
shows. A real screen (the DRM backend) takes that buffer; the session unit needs neither.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KEYBOARD_HIDDEN = "keyboard-hidden"  # left by the run in cage when the keyboard was not up at the photograph
SETTLE_SECONDS = 8.0  # start-up to a painted welcome screen on a loaded machine, with room to spare
CONFIG = """\
[database]
url = "sqlite:///{folder}/kiosk.sqlite3"
[site]
name = "Lobby"
language = "zh_CN"
[camera]
source = "{folder}/no-camera.mp4"
"""


def as_user(user: str | None, command: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else command


def session_env(folder: Path, runtime: Path) -> dict[str, str]:
    """What the kiosk session's unit sets, plus the headless output."""
    return {
        "PATH": "/usr/bin:/bin", "HOME": str(folder), "LANG": "zh_CN.UTF-8",
        "XDG_RUNTIME_DIR": str(runtime), "KIOSK_CONFIG": str(folder / "kiosk.toml"), "KIOSK_DATA_DIR": str(folder),
        "QT_IM_MODULE": "qtvirtualkeyboard", "QT_VIRTUALKEYBOARD_DESKTOP_DISABLE": "1",
        "QT_QPA_PLATFORM": "wayland", "XDG_SESSION_TYPE": "wayland",
        "WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1",
    }


def in_cage(user: str | None, env: dict[str, str], program: list[str], log: Path) -> subprocess.Popen[bytes]:
    command = as_user(user, ["env", "-i", *(f"{k}={v}" for k, v in env.items()),
                             "cage", "-d", "-r", "-r", "--", *program])
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)


def wait_for_socket(runtime: Path, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while not (runtime / "wayland-0").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"cage did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def outside(args: argparse.Namespace) -> int:
    for program in ("cage", "grim"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is missing: sudo apt-get install cage grim xwayland")
    user = args.user if os.geteuid() == 0 else None
    out = Path(args.out).resolve()
    with tempfile.TemporaryDirectory(prefix="cage-shots-") as temp:
        folder = Path(temp)
        runtime = folder / "run"
        runtime.mkdir(mode=0o700)
        (folder / "kiosk.toml").write_text(CONFIG.format(folder=folder), encoding="utf-8")
        if user:
            subprocess.run(["chown", "-R", f"{user}:", str(folder)], check=True)
        env = session_env(folder, runtime)
        for step in (["db", "upgrade"], ["demo", "seed"]):
            subprocess.run(as_user(user, ["env", f"KIOSK_DATA_DIR={folder}", str(BIN / "kioskctl"),
                                          "--config", str(folder / "kiosk.toml"), *step]),
                           check=True, stdout=subprocess.DEVNULL)
        shot = folder / "welcome.png"
        log = folder / "welcome.log"
        cage = in_cage(user, env, [str(BIN / "kiosk")], log)
        try:
            wait_for_socket(runtime, cage, log)
            time.sleep(SETTLE_SECONDS)
            subprocess.run(as_user(user, ["env", f"XDG_RUNTIME_DIR={runtime}", "WAYLAND_DISPLAY=wayland-0",
                                          "grim", str(shot)]), check=True)
        finally:
            stop(cage)
        keyboard = folder / "keyboard.png"
        log = folder / "keyboard.log"
        cage = in_cage(user, env, [sys.executable, str(Path(__file__).resolve()), "--inside", str(keyboard)], log)
        try:
            cage.wait(timeout=90)
        finally:
            stop(cage)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, out / "deploy-cage-welcome.png")
        print(f"wrote {out / 'deploy-cage-welcome.png'}")
        if not keyboard.exists():
            raise SystemExit(f"no walk-in screenshot:\n{log.read_text(errors='replace')}")
        if (folder / KEYBOARD_HIDDEN).exists():
            shutil.copyfile(keyboard, out / "deploy-cage-walk-in-no-keyboard.png")
            print(f"the on-screen keyboard did not stay up after the tap: {out / 'deploy-cage-walk-in-no-keyboard.png'}"
                  " (cage focuses the keyboard's own window, the name field loses focus, Qt hides the keyboard)",
                  file=sys.stderr)
            return 1
        shutil.copyfile(keyboard, out / "deploy-cage-keyboard.png")
    print(f"wrote {out / 'deploy-cage-keyboard.png'}")
    return 0


def inside(target: Path) -> int:
    """In cage: start the kiosk exactly as `kiosk` does, then tap the walk-in form's name field and grim."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app import main_kiosk
    from kiosk.ui.kiosk.window import KioskWindow

    app = QApplication(sys.argv[:1])  # main_kiosk takes this one, so the timers below run in its loop

    def kiosk_window() -> KioskWindow:
        return next(w for w in app.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible())

    def open_walk_in() -> None:
        window = kiosk_window()
        window.welcome.walk_in.click()
        window.walk_in.phone.setText("139 1000 0009")
        field = window.walk_in.name
        QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(20, field.height() // 2))
        QTimer.singleShot(3000, photograph)

    def photograph() -> None:
        if not QGuiApplication.inputMethod().isVisible():
            (target.parent / KEYBOARD_HIDDEN).touch()
        subprocess.run(["grim", str(target)], check=False)
        app.exit(0)

    QTimer.singleShot(int(SETTLE_SECONDS * 1000), open_walk_in)
    return main_kiosk([])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="kiosk", help="the account cage runs as when started as root")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--inside", metavar="PNG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(Path(args.inside)) if args.inside else outside(args)


if __name__ == "__main__":
    raise SystemExit(main())
