"""Argument types: a bad date or time is a usage error (exit 2) with argparse's own message."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from typing import TYPE_CHECKING

TODAY = "today"


def day(text: str) -> date | None:
    """``YYYY-MM-DD``, or ``today`` (None: the command asks the site what today is)."""
    if text.strip().lower() == TODAY:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD or today") from None


def exact_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def time_of_day(text: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time; use HH:MM (24-hour)") from None


# argparse has no public name for what add_subparsers returns (generic only to the type checker).
if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subcommands = argparse._SubParsersAction


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (UTF-8) instead of a table")
