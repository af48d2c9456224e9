"""DLE EOT replies: each bit means what the ESC/POS reference says; noise is not "all well"."""

from __future__ import annotations

import pytest

from kiosk.devices.printer.protocol import Condition, PrinterStatus
from kiosk.devices.printer.status import most_urgent, parse_status

C = Condition


@pytest.mark.parametrize(
    ("n", "byte", "expected"),
    [
        (1, 0x12, set()),  # online, drawer closed: the ordinary reply
        (1, 0x16, set()),  # bit 2 is the drawer kick-out connector, not our business
        (1, 0x1A, {C.OFFLINE}),  # bit 3
        (2, 0x12, set()),
        (2, 0x16, {C.COVER_OPEN}),  # bit 2
        (2, 0x32, {C.PAPER_OUT}),  # bit 5: stopped by paper end
        (2, 0x1A, set()),  # bit 3: feeding by the FEED button, harmless
        (2, 0x36, {C.COVER_OPEN, C.PAPER_OUT}),
        (2, 0x52, {C.ERROR}),  # bit 6
        (3, 0x12, set()),
        (3, 0x1A, {C.ERROR}),  # auto-cutter error
        (3, 0x32, {C.ERROR}),  # unrecoverable
        (4, 0x12, set()),
        (4, 0x1E, {C.PAPER_NEAR_END}),  # bits 2-3
        (4, 0x16, {C.PAPER_NEAR_END}),  # a clone that sets only bit 2
        (4, 0x72, {C.PAPER_OUT}),  # bits 5-6
        (4, 0x7E, {C.PAPER_OUT, C.PAPER_NEAR_END}),
    ],
)
def test_parse_status_table(n: int, byte: int, expected: set[Condition]) -> None:
    assert parse_status(n, byte) == expected


@pytest.mark.parametrize("byte", [0x00, 0xFF, 0x13, 0x92, 0x10, 0x02])
def test_bytes_with_wrong_fixed_bits_are_not_status(byte: int) -> None:
    with pytest.raises(ValueError, match="not a DLE EOT reply"):
        parse_status(1, byte)


@pytest.mark.parametrize("n", [0, 5, 255])
def test_only_queries_one_to_four(n: int) -> None:
    with pytest.raises(ValueError, match="1 to 4"):
        parse_status(n, 0x12)


def test_most_urgent_and_ready() -> None:
    assert most_urgent(frozenset({C.OFFLINE, C.PAPER_OUT, C.COVER_OPEN}))[0] == "paper_out"  # type: ignore[index]
    assert most_urgent(frozenset({C.PAPER_NEAR_END})) is None
    assert PrinterStatus(True, frozenset({C.PAPER_NEAR_END})).ready
    assert not PrinterStatus(True, frozenset({C.COVER_OPEN})).ready
    assert not PrinterStatus(False).ready
