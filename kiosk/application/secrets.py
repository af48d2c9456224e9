"""Secrets the running processes share, kept in files: the ID-number key and the host-reply link signing key.

Both live in ``[security] keys_dir`` (default: the data directory), a folder made 0700, each key
file 0600. Every process that makes or checks links (kiosk, notify-worker, serve) must read the
same link secret: on several machines, point ``[notify] link_secret_file`` at a copy.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from kiosk.config import PRIVATE_FILE_MODE, Settings, private_dir

DATA_KEY_BYTES = 32
LINK_SECRET_MIN_CHARS = 32


class SecretUnusable(ValueError):
    """A key file cannot be made or read, or holds the wrong thing; the message is one line saying which."""


def link_secret_path(settings: Settings) -> Path:
    if settings.notify.link_secret_file:
        return Path(settings.notify.link_secret_file).expanduser()
    return settings.keys_path / "link.key"


def load_link_secret(settings: Settings) -> bytes:
    """The signing secret; created (32 random bytes, hex, mode 0600) on first use."""
    path = link_secret_path(settings)
    text = _read_or_create(path, "link secret", lambda: (secrets.token_hex(32) + "\n").encode("ascii"))
    secret = text.strip()
    if len(secret) < LINK_SECRET_MIN_CHARS:
        raise SecretUnusable(f"link secret in {path} is too short ({len(secret)} characters, at least "
                             f"{LINK_SECRET_MIN_CHARS} needed); delete it to have a new one made")
    return secret


def load_data_key(settings: Settings) -> bytes:
    """The key that encrypts ID numbers at rest; created (32 random bytes, mode 0600) on first use."""
    path = settings.data_key_path
    key = _read_or_create(path, "ID-number key", lambda: secrets.token_bytes(DATA_KEY_BYTES))
    if len(key) != DATA_KEY_BYTES:
        # Never replaced on our own: ID numbers already saved can only be read with the key that wrote them.
        raise SecretUnusable(f"ID-number key in {path} is {len(key)} bytes, not {DATA_KEY_BYTES}; "
                             "restore it from its backup (a new key cannot read the ID numbers already saved)")
    return key


def _read_or_create(path: Path, what: str, make: Callable[[], bytes]) -> bytes:
    try:
        return _read(path, what)
    except (FileNotFoundError, NotADirectoryError):
        pass
    try:
        private_dir(path.parent)
    except OSError as exc:
        raise SecretUnusable(f"cannot create the {what} {path}: {exc.strerror or exc}") from None
    try:
        # O_EXCL: if two processes start at once, one creates and the other reads.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return _read(path, what)
    except OSError as exc:
        raise SecretUnusable(f"cannot create the {what} {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "wb") as file:
        file.write(make())
    return _read(path, what)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise
    except IsADirectoryError:
        raise SecretUnusable(f"the {what} {path} is a folder; it must be a file") from None
    except OSError as exc:
        raise SecretUnusable(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
