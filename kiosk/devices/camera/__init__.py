"""Camera scanning without Qt: capture frames, decode QR codes, classify them, take photos.

The kiosk UI needs only what is re-exported here; see each module for the details.
"""

from kiosk.devices.camera.capture import CameraSource, SourceKind, source_kind
from kiosk.devices.camera.codes import MAX_PAYLOAD_CHARS, ScannedCode, classify_code
from kiosk.devices.camera.debounce import Debouncer
from kiosk.devices.camera.decode import DecodedQr, decode_qr, decode_texts
from kiosk.devices.camera.loop import Backoff, CameraLoop, CameraState, CameraStatus
from kiosk.devices.camera.photo import capture_still

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
