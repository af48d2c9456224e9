"""The kiosk session tried with no screen: `kiosk` in cage on a headless output, photographed with grim.

    sudo .venv/bin/python tools/cage_shots.py [--user kiosk] [--out docs/screenshots] [--scale 0.67]

Writes, for a Chinese site:
- deploy-cage-welcome.png: the real `kiosk` command, started as the kiosk session starts it;
- deploy-cage-keyboard.png: the same start-up, then a tap on the walk-in form's name field: Qt's
  on-screen keyboard, in pinyin mode;
- kiosk-keyboard-pinyin-landscape.png and kiosk-keyboard-pinyin-portrait.png: then "zhang" typed
  on that keyboard (through its input engine, as taps on its keys would), the candidates (张 …)
  showing above it; portrait is the output turned 90°.
Each typing picture is checked as shown on screen: the keyboard up, the candidate bar drawn whole, the
name field above the keyboard and on screen as the kiosk drew it (grim against the window's own grab).
A picture that fails is saved as *-problem.png (deploy-cage-walk-in-no-keyboard.png for the tap),
what is wrong goes to stderr, and the exit status is 1.
Needs Debian's `cage grim xwayland`. cage refuses to run as root, so run as root it does everything
as --user (docs/deploy.md makes that account).

Two things only a headless run needs: WLR_BACKENDS=headless WLR_RENDERER=pixman, and a turned
output (`-r -r`, 180°, for landscape; grim turns every picture upright): cage 0.1.4 otherwise hands
the kiosk's full-screen buffer straight to the output, which the headless backend refuses, and only
the first frame ever shows. A real screen (the DRM backend) takes that buffer; the session unit
needs neither. The headless output is 1280×720 (720×1280 turned; cage 0.1.4 cannot change it),
so the settings carry `[kiosk] scale = 0.67` (--scale), as docs/deploy.md sets a 1280×720 panel.
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
SETTLE_SECONDS = 8.0  # start-up to a painted welcome screen on a loaded machine, with room to spare
TYPED = "zhang"  # pinyin for 张, the commonest surname's first syllable
KEYBOARD_HIDDEN = "keyboard-hidden"  # left by the run in cage when the keyboard was not up after the tap
PROBLEMS = "problems.txt"  # left by the run in cage: what the typing picture fails to show, one line each
ON_SCREEN_TOLERANCE = 0.01  # the share of a field's pixels that may differ: its cursor blinks (~0.2%)
# cage's -r turns the output 90° clockwise per flag; landscape is turned all the way round (see above).
ROTATIONS = {"landscape": ["-r", "-r"], "portrait": ["-r"]}
CONFIG = """\
[database]
url = "sqlite:///{folder}/kiosk.sqlite3"
[site]
name = "Lobby"
language = "zh_CN"
[kiosk]
scale = {scale}
[camera]
source = "{folder}/no-camera.mp4"
"""
# Types on the on-screen keyboard as its keys do: through the input engine, so pinyin composes.
_TYPIST_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
Timer {
    property string letters
    property int typed: 0
    readonly property int candidates: InputContext.inputEngine.wordCandidateListModel.count
    interval: 200; repeat: true
    onTriggered: {
        if (typed === letters.length) { stop(); return }
        var letter = letters[typed++]
        InputContext.inputEngine.virtualKeyClick(Qt.Key_A + letter.charCodeAt(0) - 97, letter, 0)
    }
}
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


def in_cage(user: str | None, env: dict[str, str], program: list[str], log: Path,
            rotation: list[str]) -> subprocess.Popen[bytes]:
    command = as_user(user, ["env", "-i", *(f"{k}={v}" for k, v in env.items()),
                             "cage", "-d", *rotation, "--", *program])
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


def prepare(folder: Path, user: str | None, scale: float) -> dict[str, str]:
    """A settings file, a seeded demo database and a runtime directory in ``folder``, owned by ``user``."""
    runtime = folder / "run"
    runtime.mkdir(mode=0o700)
    (folder / "kiosk.toml").write_text(CONFIG.format(folder=folder, scale=scale), encoding="utf-8")
    for orientation in ROTATIONS:
        (folder / orientation).mkdir()
    if user:
        subprocess.run(["chown", "-R", f"{user}:", str(folder)], check=True)
    for step in (["db", "upgrade"], ["demo", "seed"]):
        subprocess.run(as_user(user, ["env", f"KIOSK_DATA_DIR={folder}", str(BIN / "kioskctl"),
                                      "--config", str(folder / "kiosk.toml"), *step]),
                       check=True, stdout=subprocess.DEVNULL)
    return session_env(folder, runtime)


def photograph_welcome(user: str | None, env: dict[str, str], shot: Path) -> None:
    """The real `kiosk` command in cage, grim from outside once the welcome screen is painted."""
    log = shot.with_suffix(".log")
    cage = in_cage(user, env, [str(BIN / "kiosk")], log, ROTATIONS["landscape"])
    try:
        wait_for_socket(Path(env["XDG_RUNTIME_DIR"]), cage, log)
        time.sleep(SETTLE_SECONDS)
        subprocess.run(as_user(user, ["env", f"XDG_RUNTIME_DIR={env['XDG_RUNTIME_DIR']}",
                                      "WAYLAND_DISPLAY=wayland-0", "grim", str(shot)]), check=True)
    finally:
        stop(cage)


def photograph_typing(user: str | None, env: dict[str, str], folder: Path, orientation: str) -> list[str]:
    """This script's inside() in cage: keyboard.png and pinyin.png in ``folder``; what they fail to show."""
    log = folder / "cage.log"
    cage = in_cage(user, env, [sys.executable, str(Path(__file__).resolve()), "--inside", str(folder)], log,
                   ROTATIONS[orientation])
    try:
        cage.wait(timeout=120)
    finally:
        stop(cage)
    if not (folder / "pinyin.png").exists():
        raise SystemExit(f"no {orientation} walk-in screenshot:\n{log.read_text(errors='replace')}")
    problems = folder / PROBLEMS
    return [f"{orientation}: {line}" for line in problems.read_text().splitlines()] if problems.exists() else []


def outside(args: argparse.Namespace) -> int:
    for program in ("cage", "grim"):
        if shutil.which(program) is None:
            raise SystemExit(f"{program} is missing: sudo apt-get install cage grim xwayland")
    user = args.user if os.geteuid() == 0 else None
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="cage-shots-") as temp:
        folder = Path(temp)
        env = prepare(folder, user, args.scale)
        photograph_welcome(user, env, folder / "welcome.png")
        shutil.copyfile(folder / "welcome.png", out / "deploy-cage-welcome.png")
        print(f"wrote {out / 'deploy-cage-welcome.png'}")
        for orientation in ROTATIONS:
            shots = folder / orientation
            found = photograph_typing(user, env, shots, orientation)
            if orientation == "landscape":
                keyboard_up = not (shots / KEYBOARD_HIDDEN).exists()
                name = "deploy-cage-keyboard.png" if keyboard_up else "deploy-cage-walk-in-no-keyboard.png"
                shutil.copyfile(shots / "keyboard.png", out / name)
                print(f"wrote {out / name}")
            name = f"kiosk-keyboard-pinyin-{orientation}{'-problem' if found else ''}.png"
            shutil.copyfile(shots / "pinyin.png", out / name)
            print(f"wrote {out / name}")
            problems.extend(found)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def inside(folder: Path) -> int:
    """In cage: start the kiosk exactly as `kiosk` does, tap the walk-in form's name field, grim;
    type pinyin on the on-screen keyboard, grim again, and write down what the pictures fail to show."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QObject, QPoint, Qt, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtQml import QQmlComponent
    from PySide6.QtQuickWidgets import QQuickWidget
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app import main_kiosk
    from kiosk.config import load_settings
    from kiosk.ui.kiosk.widgets.keyboard_panel import PANEL_NAME
    from kiosk.ui.kiosk.window import KioskWindow

    scale = load_settings().kiosk.scale  # main_kiosk sets it too, but Qt reads it as the application is made
    if scale != 1.0:
        os.environ.setdefault("QT_SCALE_FACTOR", f"{scale:g}")
    app = QApplication(sys.argv[:1])  # main_kiosk takes this one, so the timers below run in its loop
    typist: list[QObject] = []  # the QML typist, kept alive with its component until the end
    problems: list[str] = []

    def kiosk_window() -> KioskWindow:
        return next(w for w in app.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible())

    def keyboard_widget() -> QQuickWidget:
        widget = kiosk_window().findChild(QQuickWidget, PANEL_NAME)
        assert widget is not None, "no on-screen keyboard panel in the kiosk window"
        return widget

    def grim(name: str) -> None:
        subprocess.run(["grim", str(folder / name)], check=False)

    def open_walk_in() -> None:
        window = kiosk_window()
        window.welcome.walk_in.click()
        window.walk_in.phone.setText("139 1000 0009")
        field = window.walk_in.name
        QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(20, field.height() // 2))
        QTimer.singleShot(3000, photograph_keyboard)

    def photograph_keyboard() -> None:
        if not QGuiApplication.inputMethod().isVisible():
            (folder / KEYBOARD_HIDDEN).touch()
            problems.append("the on-screen keyboard did not stay up after the tap on the name field")
        grim("keyboard.png")
        component = QQmlComponent(keyboard_widget().engine())  # the keyboard's engine: its InputContext
        component.setData(_TYPIST_QML, QUrl())
        timer = component.create()
        if timer is None:
            raise RuntimeError(f"typist: {component.errorString()}")
        typist.extend([component, timer])
        timer.setProperty("letters", TYPED)
        timer.setProperty("running", True)
        QTimer.singleShot(200 * (len(TYPED) + 2) + 1500, photograph_pinyin)  # typed, and the bar slid in

    def photograph_pinyin() -> None:
        problems.extend(typing_problems())
        grim("pinyin.png")
        problems.extend(field_on_screen(QImage(str(folder / "pinyin.png"))))
        if problems:
            (folder / PROBLEMS).write_text("".join(f"{line}\n" for line in problems))
        app.exit(0)

    def typing_problems() -> list[str]:
        """The candidates exist and are drawn in full, and the name field is above the keyboard."""
        widget = keyboard_widget()
        window = kiosk_window()
        root = widget.rootObject()
        panel = root.findChild(QObject, "inputPanel") if root is not None else None
        if panel is None or not widget.isVisible():
            return ["no on-screen keyboard after typing"]
        found = []
        if not typist[1].property("candidates"):
            found.append(f"no pinyin candidates after typing {TYPED!r}")
        clipped = -float(panel.property("y"))  # the InputPanel sits on the bottom edge of the panel widget
        if clipped >= 1:  # less is the panel's height rounded down to whole pixels
            found.append(f"the top {clipped:g} px of the keyboard (the candidate bar) is cut off: the panel widget is"
                         f" {widget.height()} px tall, the keyboard {float(panel.property('height')):g} px")
        keyboard_top = widget.y() - max(clipped, 0.0)
        field = window.walk_in.name
        field_bottom = field.mapTo(window, QPoint(0, field.height())).y()
        if field_bottom > keyboard_top:
            found.append(f"the name field ends at y={field_bottom}, below the keyboard's top (y={keyboard_top:g})")
        return found

    def field_on_screen(shown: QImage) -> list[str]:
        """The name field as grim saw it is what the kiosk drew in it (the blinking cursor aside)."""
        window = kiosk_window()
        field = window.walk_in.name
        drawn = window.grab().toImage()
        ratio = window.devicePixelRatioF()
        corner = field.mapTo(window, QPoint(0, 0))
        left, top = int(corner.x() * ratio), int(corner.y() * ratio)
        width, height = int(field.width() * ratio), int(field.height() * ratio)
        if shown.size() != drawn.size():
            return [f"grim's picture is {shown.width()}x{shown.height()}, the window {drawn.width()}x{drawn.height()}"]
        differing = sum(shown.pixel(x, y) != drawn.pixel(x, y)
                        for x in range(left, left + width) for y in range(top, top + height))
        share = differing / max(width * height, 1)
        if share <= ON_SCREEN_TOLERANCE:
            return []
        return [f"the name field on screen is not what the kiosk drew in it ({share:.0%} of its pixels differ"
                f" from the window's own grab; it holds {field.text()!r} and the pinyin being composed)"]

    QTimer.singleShot(int(SETTLE_SECONDS * 1000), open_walk_in)
    return main_kiosk([])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="kiosk", help="the account cage runs as when started as root")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", type=float, default=0.67,
                        help="[kiosk] scale: 0.67 draws the 1920x1080 layout on the 1280x720 output, 1 its own")
    parser.add_argument("--inside", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return inside(Path(args.inside)) if args.inside else outside(args)


if __name__ == "__main__":
    raise SystemExit(main())
