"""Waits that grow after each failure and start over after a success (reconnecting, retrying)."""

from __future__ import annotations


class Backoff:
    """``initial``, then doubling (``factor``) up to ``maximum``; ``reset()`` after a success."""

    def __init__(self, initial: float = 0.5, maximum: float = 10.0, factor: float = 2.0) -> None:
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self._next = initial

    def next(self) -> float:
        delay = self._next
        self._next = min(self.maximum, self._next * self.factor)
        return delay

    def reset(self) -> None:
        self._next = self.initial
