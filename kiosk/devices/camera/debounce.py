"""Report each code once per window, however many frames it appears in.

A camera at 30 fps sees a held-up phone 30 times a second; the kiosk must act once.
Time is passed in (``now``, seconds on any monotonic scale) so tests need no sleeping.
"""

from __future__ import annotations


class Debouncer:
    def __init__(self, window_seconds: float) -> None:
        if window_seconds < 0:
            raise ValueError("window_seconds must be >= 0")
        self.window_seconds = window_seconds
        self._last_reported: dict[str, float] = {}

    def should_report(self, key: str, now: float) -> bool:
        """True the first time ``key`` is seen, then again only once ``window_seconds`` have passed."""
        last = self._last_reported.get(key)
        if last is not None and now - last < self.window_seconds:
            return False
        self._last_reported[key] = now
        self._forget_expired(now)
        return True

    def reset(self) -> None:
        self._last_reported.clear()

    def _forget_expired(self, now: float) -> None:
        # Keeps memory flat on a kiosk that runs for months and sees thousands of codes.
        expired = [k for k, t in self._last_reported.items() if now - t >= self.window_seconds]
        for key in expired:
            del self._last_reported[key]
