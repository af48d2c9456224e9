"""Where the assets (themes, icons, translations) live: ``assets/`` beside the package in a checkout."""

from __future__ import annotations

import os
from pathlib import Path


def assets_dir() -> Path:
    # KIOSK_ASSETS_DIR lets a packaged install point at its copy of assets/.
    override = os.environ.get("KIOSK_ASSETS_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "assets"


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)
