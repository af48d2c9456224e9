"""Tell a USB keyboard-wedge QR scanner from a person typing.

A wedge scanner "types" the code and presses Enter, a few milliseconds per key; people
leave 80-300 ms between keys. ``WedgeDetector`` holds fast keys back for one gap
(``max_gap``, 50 ms: invisible to a typist), then either hands them back as typing or,
if they formed a long enough burst ending in Enter, reports the burst as one scan.

Pure Python, no Qt, time passed in: the UI feeds it from its key handler (with the
event's timestamp in seconds) and calls ``poll`` from a ~20 ms timer so a typist's
last key is released even when no further key comes.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTER_KEYS = frozenset({"\r", "\n"})
# Our tokens are 37 characters; 8 keeps short foreign codes detectable too.
DEFAULT_MIN_LENGTH = 8
# Scanners send a key every 2-20 ms; even fast typists rarely keep under 50 ms for 8 keys.
DEFAULT_MAX_GAP = 0.05
# A stuck key or a scanner without an Enter suffix must not buffer forever.
DEFAULT_MAX_LENGTH = 4096


@dataclass(frozen=True)
class WedgeOutput:
    # Keys to handle as ordinary typing, in order ("" when there are none yet).
    passthrough: str = ""
    # The text of a completed scanner burst (without the Enter), or None.
    scanned: str | None = None


class WedgeDetector:
    def __init__(
        self,
        *,
        min_length: int = DEFAULT_MIN_LENGTH,
        max_gap: float = DEFAULT_MAX_GAP,
        max_length: int = DEFAULT_MAX_LENGTH,
    ) -> None:
        if min_length < 1 or max_gap <= 0 or max_length < min_length:
            raise ValueError("need min_length >= 1, max_gap > 0 and max_length >= min_length")
        self.min_length = min_length
        self.max_gap = max_gap
        self.max_length = max_length
        self._held: list[str] = []
        self._last_key_at = 0.0

    @property
    def holding(self) -> bool:
        """True while keys are held back; the UI should keep its ``poll`` timer running."""
        return bool(self._held)

    def feed(self, char: str, timestamp: float) -> WedgeOutput:
        """One key press: a single character, or "\\r"/"\\n" for Enter; ``timestamp`` in seconds."""
        released = self.poll(timestamp)
        if char in ENTER_KEYS:
            burst = "".join(self._held)
            self._held.clear()
            if len(burst) >= self.min_length:
                return WedgeOutput(released, burst)
            return WedgeOutput(released + burst + char)
        self._held.append(char)
        self._last_key_at = timestamp
        if len(self._held) > self.max_length:
            released += self.flush()
        return WedgeOutput(released)

    def poll(self, now: float) -> str:
        """Keys that can no longer be part of a burst (the gap since the last key is too long)."""
        # The epsilon keeps a gap of exactly max_gap (Qt stamps keys in whole ms) inside the burst.
        if self._held and now - self._last_key_at > self.max_gap + 1e-9:
            return self.flush()
        return ""

    def flush(self) -> str:
        """Release every held key now, e.g. before the UI handles Backspace, Tab or a focus change."""
        released = "".join(self._held)
        self._held.clear()
        return released
