"""Find and read QR codes in one camera frame with zxing-cpp.

Pure function, no state, no Qt. Takes grayscale (or BGR/BGRA, converted once) uint8
numpy frames. Payloads are returned as text only when they are valid UTF-8 within the
size cap; anything else comes back as a rejected result so callers never see an exception
for a stranger's QR code.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

from kiosk.devices.camera.codes import ForeignReason, payload_text

Point = tuple[int, int]
# Corners in image pixels: top-left, top-right, bottom-right, bottom-left (of the code itself).
Quad = tuple[Point, Point, Point, Point]

_QR = zxingcpp.BarcodeFormat.QRCode
# The desk's parcels: tracking numbers come as 1D barcodes (Code 128, ...) as well as QR and other 2D codes.
EVERY_FORMAT = zxingcpp.BarcodeFormat.AllReadable


@dataclass(frozen=True)
class DecodedQr:
    # None when the payload was rejected; see ``rejection``.
    text: str | None
    raw: bytes
    position: Quad
    # "binary" (not UTF-8) or "too_long" (over the cap); None for accepted text.
    rejection: ForeignReason | None = None

    @property
    def ok(self) -> bool:
        return self.rejection is None


def to_gray(frame: np.ndarray) -> np.ndarray:
    """A contiguous single-channel uint8 view of ``frame`` (BGR, BGRA or already gray)."""
    if frame.dtype != np.uint8:
        raise ValueError(f"frames must be uint8, got {frame.dtype}")
    if frame.ndim == 3 and frame.shape[2] == 3:
        return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim != 2:
        raise ValueError(f"frames must be gray, BGR or BGRA, got shape {frame.shape}")
    return np.ascontiguousarray(frame)


def decode_qr(frame: np.ndarray | None, *, every_format: bool = False) -> list[DecodedQr]:
    """Every QR code zxing-cpp finds in ``frame`` (every 1D and 2D code with ``every_format``); [] when none."""
    if frame is None or frame.size == 0:
        return []
    gray = to_gray(frame)
    # Two passes, chosen by measurement on 1280x720 frames (benchmarks/bench_decode.py).
    # A fixed threshold without the inverted-code search costs ~0.5 ms and reads sharp and
    # noisy codes alike (zxing's defaults take 1 ms, and 5.5 ms on a noisy frame). The
    # local-average binarizer, inverted codes included, then rescues dark, unevenly lit
    # and low-contrast frames. Empty frames, by far the most common, pay for both: ~1.4 ms.
    formats = EVERY_FORMAT if every_format else _QR
    found = _read(gray, zxingcpp.Binarizer.FixedThreshold, try_invert=False, formats=formats)
    if not found:
        found = _read(gray, zxingcpp.Binarizer.LocalAverage, try_invert=True, formats=formats)
    return [_to_result(barcode) for barcode in found if barcode.valid]


def decode_texts(frame: np.ndarray | None) -> list[str]:
    """Just the accepted payloads of ``frame``, for callers that need nothing else."""
    return [d.text for d in decode_qr(frame) if d.text is not None]


def _read(gray: np.ndarray, binarizer: zxingcpp.Binarizer, *, try_invert: bool,
          formats: zxingcpp.BarcodeFormat = _QR) -> list[zxingcpp.Barcode]:
    # try_rotate only matters for 1D barcodes; QR finder patterns work in any orientation.
    return zxingcpp.read_barcodes(
        gray,
        formats=formats,  # type: ignore[arg-type]  # a single format is accepted at runtime, from 2.x to 3.x
        try_rotate=formats != _QR,
        try_invert=try_invert,
        binarizer=binarizer,
    )


def _to_result(barcode: zxingcpp.Barcode) -> DecodedQr:
    # ``bytes`` is the payload as encoded; ``text`` would be zxing's guess at a charset,
    # which can turn arbitrary binary into plausible-looking Latin-1 or Shift_JIS.
    raw = bytes(barcode.bytes)
    text, rejection = payload_text(raw)
    p = barcode.position
    corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
    position: Quad = tuple((c.x, c.y) for c in corners)  # type: ignore[assignment]
    return DecodedQr(text=text, raw=raw, position=position, rejection=rejection)
