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


# Ids are 64-bit signed integers in every database we use; a bigger number can name no record.
ID_MAX = 2**63 - 1


def record_id(text: str) -> int:
    """A record's id: a whole number from 1 to 2^63-1 (a bigger one would overflow the database driver)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id; use a whole number such as 42") from None
    if not 1 <= value <= ID_MAX:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id; ids run from 1 to {ID_MAX}") from None
    return value


def count(text: str) -> int:
    """How many (a limit; 0 may mean "no limit"): a whole number from 0 to 2^63-1."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= ID_MAX:
        raise argparse.ArgumentTypeError(f"{text!r} is out of range; use 0 to {ID_MAX}") from None
    return value


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
