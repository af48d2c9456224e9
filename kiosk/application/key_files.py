"""The key files an installation needs, made on purpose: ``kioskctl keys init`` and doctor's ``keys`` row.

The programs make a missing key on first use (``application/secrets.py``). An installer makes them first,
as the account the kiosk runs as: the hardened units see ``/etc`` read-only, and a key made by accident
later (a database restored without its keys) would leave the ID numbers already saved unreadable. An
existing key is never replaced unless it is named; the one replaced is kept beside the new one.
"""

from __future__ import annotations

import os
import pwd
import secrets
import stat
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from kiosk.application.secrets import DATA_KEY_BYTES, LINK_SECRET_MIN_CHARS, link_secret_path
from kiosk.config import PRIVATE_FILE_MODE, Settings, private_dir


class KeyKind(StrEnum):
    DATA = "data"  # encrypts ID numbers, seals waiting codes, keys the short codes' digests
    LINK = "link"  # signs the links in hosts' messages; keys the web app's rate limits


# What replacing a key costs: said by --help, the confirmation and the result.
REPLACING_COSTS = {
    KeyKind.DATA: "the ID numbers already saved, the codes waiting in notices and badge jobs and the short "
                  "codes already given out can no longer be read or checked",
    KeyKind.LINK: "every approve/decline and rating link already sent in a message stops working",
}


class KeyState(StrEnum):
    MISSING = "missing"
    OK = "ok"
    UNUSABLE = "unusable"


class KeyAction(StrEnum):
    CREATED = "created"
    KEPT = "kept"
    REPLACED = "replaced"


@dataclass(frozen=True)
class KeyFile:
    kind: KeyKind
    path: Path
    state: KeyState
    problem: str = ""  # one line when UNUSABLE


@dataclass(frozen=True)
class KeyOutcome:
    kind: KeyKind
    path: Path
    action: KeyAction
    owner: str
    kept_as: Path | None = None  # the replaced key, renamed beside the new one


class KeysRefused(ValueError):
    """Nothing was written; the message is one line saying why and what to do."""


def key_paths(settings: Settings) -> dict[KeyKind, Path]:
    return {KeyKind.DATA: settings.data_key_path, KeyKind.LINK: link_secret_path(settings)}


def inspect_keys(settings: Settings) -> tuple[KeyFile, ...]:
    """Each key as it is on disk, read but never created."""
    return tuple(_inspect(kind, path) for kind, path in key_paths(settings).items())


def init_keys(settings: Settings, *, replace: Collection[KeyKind] = (), now: datetime) -> tuple[KeyOutcome, ...]:
    """Create every missing key (0600, in 0700 folders, owned by this account); replace only those named.

    Everything is checked before anything is written: a key that exists but is not usable, a folder that
    other accounts may enter or that belongs to another account, or both keys on one path refuse the
    whole command (``KeysRefused``).
    """
    found = inspect_keys(settings)
    paths = [key.path for key in found]
    if len(set(paths)) < len(paths):
        raise KeysRefused(f"the ID-number key and the link secret are the same file {paths[0]}; "
                          "give [security] data_key_file and [notify] link_secret_file different paths")
    for key in found:
        if key.state is KeyState.UNUSABLE and (key.kind not in replace or key.path.is_dir()):
            raise KeysRefused(f"{key.problem}; nothing was changed")
        _check_folder(key.path.parent)
    return tuple(_make(key, key.kind in replace, now) for key in found)


def _inspect(kind: KeyKind, path: Path) -> KeyFile:
    try:
        content = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return KeyFile(kind, path, KeyState.MISSING)
    except IsADirectoryError:
        return KeyFile(kind, path, KeyState.UNUSABLE, f"the {_name(kind)} {path} is a folder, not a file")
    except OSError as exc:
        return KeyFile(kind, path, KeyState.UNUSABLE, f"cannot read the {_name(kind)} {path}: {exc.strerror or exc}")
    if kind is KeyKind.DATA and len(content) != DATA_KEY_BYTES:
        return KeyFile(kind, path, KeyState.UNUSABLE,
                       f"the {_name(kind)} {path} is {len(content)} bytes, not {DATA_KEY_BYTES}")
    if kind is KeyKind.LINK and len(content.strip()) < LINK_SECRET_MIN_CHARS:
        return KeyFile(kind, path, KeyState.UNUSABLE, f"the {_name(kind)} {path} is too short "
                       f"({len(content.strip())} characters, at least {LINK_SECRET_MIN_CHARS} needed)")
    return KeyFile(kind, path, KeyState.OK)


def _check_folder(folder: Path) -> None:
    try:
        info = folder.stat()
    except FileNotFoundError:
        return  # made 0700 with the key
    except OSError as exc:
        raise KeysRefused(f"cannot use the keys folder {folder}: {exc.strerror or exc}") from None
    if not stat.S_ISDIR(info.st_mode):
        raise KeysRefused(f"{folder} is not a folder; point [security] keys_dir at a folder")
    if info.st_uid != os.geteuid():
        # As root into the kiosk's folder: the kiosk could not read keys that root owns.
        raise KeysRefused(f"the keys folder {folder} belongs to {_user(info.st_uid)}, not {_user(os.geteuid())}; "
                          f"run this as {_user(info.st_uid)} (runuser -u {_user(info.st_uid)} -- kioskctl ...)")
    mode = stat.S_IMODE(info.st_mode)
    if mode & 0o077:
        raise KeysRefused(f"the keys folder {folder} is {mode:04o} (other accounts may enter it); "
                          f"chmod 700 {folder} first")


def _make(key: KeyFile, replace: bool, now: datetime) -> KeyOutcome:
    owner = _user(os.geteuid())
    if key.state is not KeyState.MISSING and not replace:
        return KeyOutcome(key.kind, key.path, KeyAction.KEPT, owner)
    private_dir(key.path.parent)
    fresh = _write_temporary(key.path, _new_key(key.kind))
    try:
        if key.state is KeyState.MISSING:
            os.link(fresh, key.path)  # never over a key another process made in the meantime
            return KeyOutcome(key.kind, key.path, KeyAction.CREATED, owner)
        kept_as = key.path.with_name(f"{key.path.name}.replaced-{now:%Y%m%d-%H%M%S}")
        os.link(key.path, kept_as)  # the old key stays readable under its new name
        os.replace(fresh, key.path)  # one step: no moment without a key for a process to fill
        return KeyOutcome(key.kind, key.path, KeyAction.REPLACED, owner, kept_as)
    finally:
        fresh.unlink(missing_ok=True)


def _write_temporary(path: Path, content: bytes) -> Path:
    """``content`` in a new 0600 file beside ``path``, on disk before it takes the key's name."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())
    return temporary


def _new_key(kind: KeyKind) -> bytes:
    # The same forms as application/secrets.py makes on first use.
    if kind is KeyKind.DATA:
        return secrets.token_bytes(DATA_KEY_BYTES)
    return (secrets.token_hex(32) + "\n").encode("ascii")


def _name(kind: KeyKind) -> str:
    return "ID-number key" if kind is KeyKind.DATA else "link secret"


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)
