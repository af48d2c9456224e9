"""A notice's template: its subject and lines, with ``{placeholders}`` filled from the payload."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    subject: str
    lines: tuple[str, ...]
