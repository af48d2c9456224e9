"""What the kiosk's screen needs: a Chinese font and Qt's on-screen keyboard, found without importing Qt
here (fontconfig and the files on disk); only where those fail does a Python process of its own ask Qt."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.application.doctor.findings import CHECK_TIMEOUT, Finding, Status
from kiosk.config import Settings

# The same faces, in the same order, as kiosk.ui.common.theme.CJK_FAMILIES (a test keeps them equal).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "PingFang SC")
FONT_FIX = "install a Chinese font: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei)"


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
