"""The receive form's half-filled state in a small file (0600, under the data folder): a window closed
halfway through a courier's twenty parcels loses nothing; the next opening of the view restores it."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from kiosk.config import data_dir

log = logging.getLogger(__name__)


def default_draft_path() -> Path:
    return data_dir() / "drafts" / "parcel-receive.json"


def save_draft(path: Path, state: dict[str, Any]) -> None:
    """Written whole (a temporary file renamed over the old one), readable by this account only; an empty
    form removes the file."""
    if not any(value for key, value in state.items() if key not in ("pieces", "condition", "batch")):
        remove_draft(path)
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(state, file, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError as error:
        log.info("the receive form's draft could not be kept: %s", error)


def load_draft(path: Path) -> dict[str, Any] | None:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.info("the receive form's draft could not be read: %s", error)
        return None
    return state if isinstance(state, dict) else None


def remove_draft(path: Path) -> None:
    path.unlink(missing_ok=True)
