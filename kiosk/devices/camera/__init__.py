"""Camera scanning without Qt: capture frames, decode QR codes, classify them, take photos.

The kiosk UI needs only what is re-exported here; see each module for the details. Code
classification and camera status load at once; capture, decoding and photos pull in OpenCV,
numpy and zxing-cpp (~150 ms), so they load on first use, off the kiosk's start-up path.
"""

from __future__ import annotations

import importlib
from typing import Any

from kiosk.devices.camera.codes import MAX_PAYLOAD_CHARS, ScannedCode, classify_code
from kiosk.devices.camera.debounce import Debouncer
from kiosk.devices.camera.status import CameraState, CameraStatus

_LAZY = {
    "CameraSource": "capture", "SourceKind": "capture", "source_kind": "capture",
    "DecodedQr": "decode", "decode_qr": "decode", "decode_texts": "decode",
    "Backoff": "loop", "CameraLoop": "loop",
    "capture_still": "photo",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"kiosk.devices.camera.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_PAYLOAD_CHARS",
    "Backoff",
    "CameraLoop",
    "CameraSource",
    "CameraState",
    "CameraStatus",
    "Debouncer",
    "DecodedQr",
    "ScannedCode",
    "SourceKind",
    "capture_still",
    "classify_code",
    "decode_qr",
    "decode_texts",
    "source_kind",
]
