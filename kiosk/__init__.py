"""Lobby visitor kiosk: touchscreen check-in, badges, host notifications, admin window."""

__version__ = "0.1.0"
