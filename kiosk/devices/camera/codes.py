"""What a scanned QR payload is: one of our tokens, or something foreign.

Pure and Qt-free. Everything a camera or a keyboard-wedge scanner can produce goes
through ``classify_code``, which never raises: a lobby sees Wi-Fi codes, URLs,
payment codes and damaged prints, and each must end as a friendly message, not a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

CodeKind = Literal["invitation", "sign_out", "foreign"]
ForeignReason = Literal["url", "wifi", "too_long", "binary", "unknown"]

# Our tokens are ~37 characters; anything past this cap is not ours, and capping keeps
# logs, debounce keys and error messages small whatever a stranger's QR code holds.
MAX_PAYLOAD_CHARS = 512
# UTF-8 uses at most 4 bytes a character, so longer raw payloads cannot fit the cap.
MAX_PAYLOAD_BYTES = MAX_PAYLOAD_CHARS * 4

_TOKEN = re.compile(r"v1\.([io])\.([A-Za-z0-9_-]{32})")
_KIND_BY_MARKER: dict[str, CodeKind] = {"i": "invitation", "o": "sign_out"}
# Any "scheme://" (http, https, weixin, alipays...) plus bare "www." links.
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]{0,31}://|www\.)", re.IGNORECASE)
# Whitespace is legal in text; other C0/C1 controls mean the payload is data, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ScannedCode:
    kind: CodeKind
    # The payload as text (stripped); for undecodable payloads a lossy rendering, for display/logs only.
    text: str
    # Why a foreign code is foreign; None for our own tokens.
    reason: ForeignReason | None = None
    # The 32-character secret of our tokens; None for foreign codes.
    secret: str | None = None

    @property
    def is_ours(self) -> bool:
        return self.kind != "foreign"


def payload_text(raw: bytes) -> tuple[str | None, ForeignReason | None]:
    """Turn raw QR bytes into text, or say why not ("too_long" or "binary")."""
    if len(raw) > MAX_PAYLOAD_BYTES:
        return None, "too_long"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "binary"
    if len(text) > MAX_PAYLOAD_CHARS:
        return None, "too_long"
    return text, None


def classify_code(payload: str | bytes | None) -> ScannedCode:
    """Say whether ``payload`` is an invitation, a badge sign-out token, or foreign (and why)."""
    if payload is None:
        return ScannedCode("foreign", "", "unknown")
    if isinstance(payload, bytes | bytearray | memoryview):
        raw = bytes(payload)
        text, rejection = payload_text(raw)
        if text is None:
            return ScannedCode("foreign", _lossy(raw), rejection)
    elif isinstance(payload, str):
        text = payload
    else:
        return ScannedCode("foreign", "", "unknown")

    if len(text) > MAX_PAYLOAD_CHARS:
        return ScannedCode("foreign", text[:MAX_PAYLOAD_CHARS], "too_long")
    # Wedge scanners and some generators add a trailing newline; it is never part of a token.
    text = text.strip()
    if _CONTROL.search(text) or "\ufffd" in text:
        return ScannedCode("foreign", text, "binary")
    token = _TOKEN.fullmatch(text)
    if token:
        return ScannedCode(_KIND_BY_MARKER[token.group(1)], text, None, token.group(2))
    if text[:5].upper() == "WIFI:":
        return ScannedCode("foreign", text, "wifi")
    if _URL.match(text):
        return ScannedCode("foreign", text, "url")
    return ScannedCode("foreign", text, "unknown")


def _lossy(raw: bytes) -> str:
    return raw[:MAX_PAYLOAD_CHARS].decode("utf-8", errors="replace")
