"""Where the assets (themes, icons, sounds, translations) live: ``kiosk/assets/``, inside the package.

They ship in the wheel as package data and are found with ``importlib.resources``, so an installed
``kiosk`` finds them wherever pip put it.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def assets_dir() -> Path:
    # KIOSK_ASSETS_DIR lets a site use its own copy (a theme of its own, say).
    override = os.environ.get("KIOSK_ASSETS_DIR")
    # The package is a plain directory (installed from a wheel or a checkout), never a zip.
    return Path(override) if override else Path(str(files("kiosk") / "assets"))


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
