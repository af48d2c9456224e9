"""Real-time status (``DLE EOT n``): the queries and what the one-byte replies mean.

Bit meanings follow the Epson ESC/POS reference, which Chinese clones copy:
n=1 printer status, n=2 offline cause, n=3 error cause, n=4 roll paper sensor.
"""

from __future__ import annotations

from kiosk.devices.printer.protocol import Condition

DLE_EOT = b"\x10\x04"
QUERY_PRINTER = DLE_EOT + b"\x01"
QUERY_OFFLINE_CAUSE = DLE_EOT + b"\x02"
QUERY_ERROR_CAUSE = DLE_EOT + b"\x03"
QUERY_PAPER = DLE_EOT + b"\x04"

# Every reply has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not a status byte.
_FIXED_MASK = 0b1001_0011
_FIXED_VALUE = 0b0001_0010

_BITS: dict[int, tuple[tuple[int, Condition], ...]] = {
    1: ((0x08, Condition.OFFLINE),),
    2: ((0x04, Condition.COVER_OPEN), (0x20, Condition.PAPER_OUT), (0x40, Condition.ERROR)),
    # Auto-cutter error, unrecoverable error, auto-recoverable error (head too hot).
    3: ((0x08, Condition.ERROR), (0x20, Condition.ERROR), (0x40, Condition.ERROR)),
    # The spec sets both bits of a pair; some clones set only one, so either counts.
    4: ((0x0C, Condition.PAPER_NEAR_END), (0x60, Condition.PAPER_OUT)),
}

# What the front desk should do, in the order that matters most.
CONDITION_ADVICE: dict[Condition, tuple[str, str]] = {
    Condition.PAPER_OUT: ("paper_out", "The badge printer is out of paper. Load a new roll."),
    Condition.COVER_OPEN: ("cover_open", "The badge printer's cover is open. Close it firmly."),
    Condition.ERROR: ("unknown", "The badge printer reports an error. Switch it off and on again."),
    Condition.OFFLINE: ("offline", "The badge printer is offline. Check that it is switched on."),
    Condition.PAPER_NEAR_END: ("offline", "The badge printer's paper is nearly used up."),
}


def is_status_byte(byte: int) -> bool:
    return 0 <= byte <= 0xFF and byte & _FIXED_MASK == _FIXED_VALUE


def parse_status(n: int, byte: int) -> frozenset[Condition]:
    """The conditions one ``DLE EOT n`` reply reports.

    Raises ``ValueError`` for an n outside 1..4 or a byte that is not a status reply
    (wrong fixed bits), so noise on the line is never read as "all is well".
    """
    if n not in _BITS:
        raise ValueError(f"DLE EOT {n} is not a status query (use 1 to 4)")
    if not is_status_byte(byte):
        raise ValueError(f"0x{byte:02X} is not a DLE EOT reply (fixed bits 0x12 expected)")
    return frozenset(condition for mask, condition in _BITS[n] if byte & mask)


def most_urgent(conditions: frozenset[Condition]) -> tuple[str, str] | None:
    """The (code, advice) for the condition that stops printing first, or None when ready."""
    for condition, advice in CONDITION_ADVICE.items():
        if condition in conditions and condition is not Condition.PAPER_NEAR_END:
            return advice
    return None
