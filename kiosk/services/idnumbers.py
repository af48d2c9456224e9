"""ID numbers at rest: AES-GCM encrypted with a key file only this machine's account can read.

Screens show only the masked form (``**************1234``); the clear number is
read back only by an explicit call the receptionist makes.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.services.errors import FieldError

_ID_NUMBER = re.compile(r"^[0-9A-Za-z-]{4,32}$")
_NONCE = 12


class IdNumberProtector:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("ID-number key must be 32 bytes")
        self._aead = AESGCM(key)

    @classmethod
    def load_or_create(cls, path: Path) -> IdNumberProtector:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL: two processes starting at once cannot both write a key.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                pass
            else:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(secrets.token_bytes(32))
        return cls(path.read_bytes())

    def encrypt(self, id_number: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return nonce + self._aead.encrypt(nonce, id_number.encode("utf-8"), b"id-number")

    def decrypt(self, blob: bytes) -> str:
        return self._aead.decrypt(blob[:_NONCE], blob[_NONCE:], b"id-number").decode("utf-8")


def check_id_number(value: str | None, errors: list[FieldError]) -> str | None:
    """Passport and ID-card numbers: letters, digits and dashes, 4 to 32 of them."""
    text = "".join((value or "").split()).upper()
    if not text:
        return None
    if not _ID_NUMBER.match(text):
        errors.append(FieldError("id_number", "invalid_id_number", "ID number may hold only letters and digits"))
        return None
    return text
