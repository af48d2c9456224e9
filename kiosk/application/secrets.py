"""Secrets the running processes share, kept in files: the host-reply link signing key.

Every process that makes or checks links (kiosk, notify-worker, serve) must read the
same file: on several machines, point ``[notify] link_secret_file`` at a copy.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kiosk.config import Settings, data_dir


def link_secret_path(settings: Settings) -> Path:
    return Path(settings.notify.link_secret_file) if settings.notify.link_secret_file else data_dir() / "link.key"


def load_link_secret(settings: Settings) -> bytes:
    """The signing secret; created (32 random bytes, hex, mode 0600) on first use."""
    path = link_secret_path(settings)
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: if two processes start at once, one creates and the other reads.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_secret(path)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(32) + "\n")
    return _read_secret(path)


def _read_secret(path: Path) -> bytes:
    secret = path.read_text(encoding="ascii").strip().encode("ascii")
    if len(secret) < 32:
        raise ValueError(f"link secret in {path} is too short; delete it to have a new one made")
    return secret
