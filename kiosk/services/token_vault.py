"""QR tokens at rest: a code waiting in an outbox row or a badge print job is held sealed, never clear.

An invitation e-mail waits in the outbox and a badge waits for the printer; both need the clear
code only at the moment they are sent or printed. Until then the row holds ``s1.<base64url>``:
AES-GCM (a 12-byte nonce, a 64-bit tag) under a key derived (HKDF) from the same key file that
protects ID numbers (``[security] data_key_file``), so a copy of the database alone gives no
working code. Once the notice is sent or the badge printed (or it fails for good, or the code is
replaced) the row is blanked (see ``services/notifications/sending.py``, ``visits/print_jobs.py``).

The sealed form fits the 64 characters a badge job's column holds: a code shaped like ours
(``v1.i.`` / ``v1.o.`` and 24 random bytes) is sealed as one kind byte and its 24 bytes.

Every process that queues or sends must read the same key file, like the link secret: opening the
database through ``application/bootstrap.py`` points this module at the settings' key
(``use_data_key``); tests ``install`` a sealer of their own.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEALED_PREFIX = "s1."
_NONCE = 12
_TAG = 8
_AAD = b"kiosk access token at rest"
_SHAPE = re.compile(r"v1\.([io])\.([A-Za-z0-9_-]{32})")
_KINDS = {"i": 1, "o": 2}
_LETTERS = {code: letter for letter, code in _KINDS.items()}


class TokenUnreadable(ValueError):
    """A sealed code that this key cannot open (another key file, or the value was altered)."""


class TokenSealer:
    def __init__(self, data_key: bytes) -> None:
        if len(data_key) != 32:
            raise ValueError("data key must be 32 bytes")
        # A key of its own, so the ID-number key is never used for two purposes.
        self._key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kiosk-token-at-rest-v1").derive(
            data_key)
        self._short_code_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                                    info=b"kiosk-short-code-digest-v1").derive(data_key)

    def short_code_digest(self, code: str) -> str:
        """What is stored of a short code (64 hex characters): keyed, because 40 bits are few enough to
        try every one against a plain hash; without the key file a copy of the database opens nothing."""
        return hmac.new(self._short_code_key, code.encode("ascii"), hashlib.sha256).hexdigest()

    def seal(self, token: str) -> str:
        """``s1.<...>`` for a non-empty code; "" stays ""."""
        if not token:
            return ""
        match = _SHAPE.fullmatch(token)
        if match:
            plain = bytes([_KINDS[match.group(1)]]) + base64.urlsafe_b64decode(match.group(2))
        else:
            plain = b"\x00" + token.encode("utf-8")
        nonce = secrets.token_bytes(_NONCE)
        encryptor = Cipher(algorithms.AES(self._key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(_AAD)
        body = encryptor.update(plain) + encryptor.finalize()
        blob = nonce + body + encryptor.tag[:_TAG]
        return SEALED_PREFIX + base64.urlsafe_b64encode(blob).decode("ascii").rstrip("=")

    def reveal(self, stored: str) -> str:
        """The clear code of a stored value: sealed values are opened, "" stays "", and a clear code
        written before codes were sealed (``v1....``) is returned as it is."""
        if not stored.startswith(SEALED_PREFIX):
            return stored
        try:
            blob = base64.urlsafe_b64decode(stored[len(SEALED_PREFIX):] + "=" * (-len(stored) % 4))
            nonce, body, tag = blob[:_NONCE], blob[_NONCE:-_TAG], blob[-_TAG:]
            decryptor = Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag, min_tag_length=_TAG)).decryptor()
            decryptor.authenticate_additional_data(_AAD)
            plain = decryptor.update(body) + decryptor.finalize()
        except (InvalidTag, ValueError) as exc:
            raise TokenUnreadable("a sealed code could not be opened with this data key") from exc
        if plain[0] == 0:
            return plain[1:].decode("utf-8")
        return f"v1.{_LETTERS[plain[0]]}." + base64.urlsafe_b64encode(plain[1:]).decode("ascii")


def is_clear(stored: str) -> bool:
    """A value still holding a clear code (a row written before codes were sealed)."""
    return bool(stored) and not stored.startswith(SEALED_PREFIX)


_lock = threading.Lock()
_installed: TokenSealer | None = None
_load_key: Callable[[], bytes] | None = None


class NoDataKey(RuntimeError):
    """No key to seal codes with: the process started without ``use_data_key`` (a wiring bug)."""


def use_data_key(load_key: Callable[[], bytes]) -> None:
    """Seal with the key ``load_key`` returns, read on first use (so a command that never seals a code
    works even where the key cannot be read). Entry points call it through ``bootstrap``."""
    global _installed, _load_key
    with _lock:
        _installed, _load_key = None, load_key


def install(sealer: TokenSealer | None) -> None:
    """Use ``sealer`` in this process (tests); None forgets it and the key source."""
    global _installed, _load_key
    with _lock:
        _installed, _load_key = sealer, None


def current() -> TokenSealer:
    """The sealer for this process, made from the configured data key on first use."""
    global _installed
    with _lock:
        if _installed is None:
            if _load_key is None:
                raise NoDataKey("no data key configured for sealing codes; open the database through bootstrap")
            _installed = TokenSealer(_load_key())
        return _installed
