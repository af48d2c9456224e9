"""Pieces both windows share: workers off the GUI thread, theme, translations, the service gateway."""
