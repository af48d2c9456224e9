#!/usr/bin/env python3
"""One entry point for a fresh Debian machine with only Python: set up, run the demo, run the tests.

    python3 dev.py demo      # the kiosk and the admin window on a seeded demo database
    python3 dev.py test      # the test suite (SQLite; PostgreSQL too when KIOSK_TEST_DATABASE_URL is set)
    python3 dev.py test tests/browser -m browser   # the real-browser tests (installs chromium when root)
    python3 dev.py bench     # the benchmarks, printing figures
    python3 dev.py setup     # only install (system packages when root, then .venv)

System packages Qt and Chinese text need are installed with apt-get when run as
root; otherwise the exact apt-get line is printed and nothing else happens.
Standard library only: this runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
STAMP = VENV / ".installed-from"

# Qt offscreen/xcb, QtMultimedia and the virtual keyboard, a CJK font (screens and raster badges),
# and libusb for USB badge printers.
QT_PACKAGES = [
    "libglib2.0-0", "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libpulse0",
    "fonts-wqy-microhei", "libusb-1.0-0",
]
VENV_PACKAGES = ["python3-venv"]
# The browser tests (tests/browser, -m browser): headless chromium driven through its WebDriver.
BROWSER_PACKAGES = ["chromium", "chromium-driver"]
# Only needed to show windows on a machine without a display.
XVFB_PACKAGES = ["xvfb", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0"]


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def missing_debian_packages(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []  # not Debian: the user knows their own package manager
    missing = []
    for name in names:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in result.stdout:
            missing.append(name)
    return missing


def ensure_debian_packages(names: list[str], why: str) -> None:
    missing = missing_debian_packages(names)
    if not missing:
        return
    line = "apt-get install -y --no-install-recommends " + " ".join(missing)
    if os.geteuid() != 0:
        say(f"{why} needs system packages that are not installed. Run as root:")
        print(f"    sudo apt-get update && sudo {line}")
        sys.exit(1)
    say(f"installing {why} packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*line.split(), "-qq"], check=True, env=env)


def ensure_venv() -> None:
    if not (BIN / "python").exists():
        try:
            import ensurepip  # noqa: F401  (Debian splits it into python3-venv)
        except ImportError:
            ensure_debian_packages(VENV_PACKAGES, "Python's venv")
        say("creating .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    say("installing the project and its dependencies into .venv (first run takes a few minutes)")
    pip = [str(BIN / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev,postgres]"], check=True)
    STAMP.write_text(fingerprint)


def setup() -> None:
    ensure_debian_packages(QT_PACKAGES, "Qt")
    ensure_venv()


def run(argv: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.run(argv, cwd=ROOT, env={**os.environ, **(env or {})}, check=False).returncode


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def demo(extra: list[str]) -> int:
    setup()
    command = [str(BIN / "kiosk"), "--demo", str(ROOT / "demo-data"), *extra]
    if not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        if shutil.which("xvfb-run") is None and os.geteuid() == 0:
            ensure_debian_packages(XVFB_PACKAGES, "a virtual screen (Xvfb)")
        if shutil.which("xvfb-run") is None:
            say("there is no display. Install Xvfb and run the demo on a virtual screen:")
            print(f"    sudo apt-get install -y {' '.join(XVFB_PACKAGES)}")
            print('    xvfb-run -a -s "-screen 0 1920x1080x24" python3 dev.py demo')
            return 1
        say("no display: running on a virtual screen (xvfb-run); take screenshots with the kiosk's tools")
        command = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *command]
    return run(command)


def test(extra: list[str]) -> int:
    setup()
    if any("browser" in argument for argument in extra):  # -m browser: the real-browser suite
        ensure_debian_packages(BROWSER_PACKAGES, "the browser tests")
    return run([str(BIN / "python"), "-m", "pytest", *extra], env={"QT_QPA_PLATFORM": "offscreen"})


def bench(extra: list[str]) -> int:
    setup()
    status = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        say(f"benchmark {script.name}")
        status |= run([str(BIN / "python"), str(script), *extra], env={"QT_QPA_PLATFORM": "offscreen"})
    return status


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if argv else 2
    task, extra = argv[0], argv[1:]
    if task == "setup":
        setup()
        return 0
    tasks = {"demo": demo, "test": test, "bench": bench}
    if task not in tasks:
        print(f"unknown task {task!r}; use one of: setup, demo, test, bench", file=sys.stderr)
        return 2
    return tasks[task](extra)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
