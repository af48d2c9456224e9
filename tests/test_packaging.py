"""What an installed kiosk reads at run time is inside the package and shipped in the wheel.

No wheel is built here (CI's .ci/wheel-smoke does that): these checks read the source, so an asset
put outside kiosk/, or of a kind pyproject.toml does not ship, fails in the ordinary test run.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import kiosk
from kiosk.devices.printer.raster_text import ASSETS_FONT_DIR
from kiosk.ui.common.assets import asset, assets_dir

PACKAGE = Path(kiosk.__file__).resolve().parent
ROOT = PACKAGE.parent
SOURCES = sorted(PACKAGE.rglob("*.py"))

# The call sites that read an asset by name, with the file each name stands for.
NAMED_READS = {
    r'\basset\(\s*"([^"]+)"\s*,\s*"([^"{}]+)"\s*\)': lambda folder, name: (folder, name),
    r'\bicon(?:_pixmap|_label)?\(\s*"([\w-]+)"': lambda name: ("icons", f"{name}.svg"),
    r'\bset_icon\(\s*[\w.]+\s*,\s*"([\w-]+)"': lambda name: ("icons", f"{name}.svg"),
    r'\bpixmap\(\s*"([\w-]+)"\s*,': lambda name: ("icons", f"{name}.svg"),
    r'\bTile\(\s*"([\w-]+)"': lambda name: ("icons", f"{name}.svg"),
    r'\bidle_icon(?::\s*str)?\s*=\s*"([\w-]+)"': lambda name: ("icons", f"{name}.svg"),
    r'\bapply_theme\(\s*\w+\s*,\s*"([\w-]+)"': lambda name: ("themes", f"{name}.qss"),
    r'\bstylesheet\(\s*"([\w-]+)"': lambda name: ("themes", f"{name}.qss"),
    r'"camera-off" if': lambda: ("icons", "camera-off.svg"),
}


def named_reads() -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        for pattern, to_parts in NAMED_READS.items():
            for match in re.finditer(pattern, text):
                found.append((f"{source.relative_to(ROOT)}: {match.group(0)}", to_parts(*match.groups())))
    return found


def test_the_assets_are_found_inside_the_package(monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_ASSETS_DIR", raising=False)
    assert assets_dir().resolve() == PACKAGE / "assets"
    assert ASSETS_FONT_DIR.resolve().is_relative_to(PACKAGE)


def test_the_assets_folder_can_still_be_overridden(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KIOSK_ASSETS_DIR", str(tmp_path))
    assert asset("themes", "kiosk.qss") == tmp_path / "themes" / "kiosk.qss"


def test_every_asset_the_code_names_exists_in_the_package(monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_ASSETS_DIR", raising=False)
    reads = named_reads()
    # The finder must keep finding the known call sites, or this test would pass on nothing.
    names = {parts for _, parts in reads}
    assert {("themes", "kiosk.qss"), ("themes", "admin.qss"), ("sounds", "chime.wav"), ("icons", "globe.svg")} <= names
    missing = [site for site, parts in reads if not asset(*parts).is_file()]
    assert missing == []


@pytest.mark.parametrize("language", ["zh_CN"])
def test_the_compiled_translations_are_in_the_package(language) -> None:
    assert (PACKAGE / "assets" / "translations" / f"kiosk_{language}.qm").is_file()


def test_no_module_reads_files_above_the_package() -> None:
    """``Path(__file__).parents[n]`` climbing out of kiosk/ worked in a checkout and crashed when installed."""
    escaping = []
    for source in SOURCES:
        depth = len(source.relative_to(PACKAGE).parents)  # parents[depth - 1] is kiosk/ itself
        for match in re.finditer(r"__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]", source.read_text(encoding="utf-8")):
            if int(match.group(1)) >= depth:
                escaping.append(f"{source.relative_to(ROOT)}: {match.group(0)}")
    assert escaping == []
    assert not (ROOT / "assets").exists(), "assets belong in kiosk/assets/ (git mv them there)"


def test_pyproject_ships_every_data_file_in_the_package() -> None:
    """Every non-Python file under kiosk/ matches a package-data pattern, so the wheel carries it."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["kiosk"]
    shipped = {path for pattern in patterns for path in PACKAGE.glob(pattern) if path.is_file()}
    data_files = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert PACKAGE / "assets" / "themes" / "kiosk.qss" in data_files
    assert sorted(str(path.relative_to(PACKAGE)) for path in data_files - shipped) == []
