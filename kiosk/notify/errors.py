"""How a sender says a notice did not go out, and whether trying again could help."""

from __future__ import annotations


class SendFailed(Exception):
    """The notice was not delivered. ``permanent``: retrying cannot help (bad address, unknown URL scheme)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


class NotConfigured(Exception):
    """The channel is not set up; the notice waits (pending, not failed) until it is."""
