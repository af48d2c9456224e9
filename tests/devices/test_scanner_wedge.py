"""WedgeDetector on synthetic key timings: scanner bursts versus people typing."""

from __future__ import annotations

import pytest

from kiosk.devices.scanner import WedgeDetector, WedgeOutput

TOKEN = "v1.i.AbCdEfGhIjKlMnOpQrStUvWxYz012-_9"


def type_keys(detector: WedgeDetector, keys: str, start: float, gap: float) -> list[WedgeOutput]:
    return [detector.feed(key, start + i * gap) for i, key in enumerate(keys)]


def typed(outputs: list[WedgeOutput]) -> str:
    return "".join(o.passthrough for o in outputs)


def scanned(outputs: list[WedgeOutput]) -> list[str]:
    return [o.scanned for o in outputs if o.scanned is not None]


@pytest.mark.parametrize("gap", [0.002, 0.008, 0.03, 0.05])
def test_a_scanner_burst_ending_in_enter_is_one_scan_and_types_nothing(gap: float) -> None:
    outputs = type_keys(WedgeDetector(), TOKEN + "\r", 10.0, gap)
    assert scanned(outputs) == [TOKEN]
    assert typed(outputs) == ""


def test_a_person_typing_gets_every_key_through_in_order() -> None:
    detector = WedgeDetector()
    outputs = type_keys(detector, "Zhang San\r", 5.0, 0.18)
    # Each key is released by the next one; Enter after a pause passes straight through.
    assert typed(outputs) == "Zhang San\r"
    assert scanned(outputs) == []
    assert not detector.holding


def test_the_last_typed_key_is_released_by_poll_once_the_gap_has_passed() -> None:
    detector = WedgeDetector()
    assert detector.feed("a", 1.0) == WedgeOutput()
    assert detector.holding
    assert detector.poll(1.03) == ""  # could still be the start of a burst
    assert detector.poll(1.06) == "a"
    assert not detector.holding and detector.poll(2.0) == ""


def test_a_short_fast_burst_with_enter_is_typing_not_a_scan() -> None:
    outputs = type_keys(WedgeDetector(), "1234567\r", 0.0, 0.005)  # 7 characters < 8
    assert typed(outputs) == "1234567\r"
    assert scanned(outputs) == []


def test_a_fast_burst_without_enter_is_released_as_typing() -> None:
    detector = WedgeDetector()
    outputs = type_keys(detector, "abcdefghij", 0.0, 0.01)
    assert typed(outputs) == ""  # still held: the Enter might be on its way
    assert detector.poll(0.2) == "abcdefghij"


def test_a_pause_inside_a_burst_splits_it_into_typing() -> None:
    detector = WedgeDetector()
    first = type_keys(detector, "abcdef", 0.0, 0.01)
    second = type_keys(detector, "ghijk\r", 0.3, 0.01)
    assert typed(first + second) == "abcdefghijk\r"
    assert scanned(first + second) == []


def test_typing_followed_straight_away_by_a_scan_keeps_both_apart() -> None:
    detector = WedgeDetector()
    outputs = type_keys(detector, "Li", 0.0, 0.2)
    outputs += type_keys(detector, TOKEN + "\n", 0.45, 0.004)
    assert typed(outputs) == "Li"
    assert scanned(outputs) == [TOKEN]


def test_two_scans_back_to_back_are_two_scans() -> None:
    detector = WedgeDetector()
    outputs = type_keys(detector, TOKEN + "\r", 0.0, 0.005)
    outputs += type_keys(detector, "WIFI:S:x;;\r", 0.5, 0.005)
    assert scanned(outputs) == [TOKEN, "WIFI:S:x;;"]


def test_flush_hands_back_held_keys_before_the_ui_handles_backspace() -> None:
    detector = WedgeDetector()
    detector.feed("x", 0.0)
    assert detector.flush() == "x"
    assert detector.flush() == ""


def test_an_endless_fast_stream_is_not_buffered_forever() -> None:
    detector = WedgeDetector(max_length=16)
    outputs = type_keys(detector, "z" * 40, 0.0, 0.001)
    assert len(typed(outputs)) >= 17


def test_thresholds_are_configurable_and_checked() -> None:
    strict = WedgeDetector(min_length=40, max_gap=0.03)
    outputs = type_keys(strict, TOKEN + "\r", 0.0, 0.005)  # 37 characters < 40
    assert scanned(outputs) == [] and typed(outputs) == TOKEN + "\r"
    with pytest.raises(ValueError):
        WedgeDetector(min_length=0)
    with pytest.raises(ValueError):
        WedgeDetector(max_gap=0)
