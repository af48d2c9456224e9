"""classify_code and Debouncer: pure logic, no frames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.devices.camera.codes import MAX_PAYLOAD_CHARS, classify_code
from kiosk.devices.camera.debounce import Debouncer

SECRET = "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9"
assert len(SECRET) == 32


def test_invitation_token_is_recognised_with_its_secret() -> None:
    code = classify_code(f"v1.i.{SECRET}")
    assert (code.kind, code.secret, code.reason, code.is_ours) == ("invitation", SECRET, None, True)


def test_sign_out_token_is_recognised() -> None:
    code = classify_code(f"v1.o.{SECRET}")
    assert (code.kind, code.secret) == ("sign_out", SECRET)


def test_token_as_utf8_bytes_and_with_a_scanner_newline_is_still_ours() -> None:
    assert classify_code(f"v1.i.{SECRET}".encode()).kind == "invitation"
    assert classify_code(f"v1.o.{SECRET}\r\n").kind == "sign_out"


@pytest.mark.parametrize(
    "text",
    [
        f"v1.x.{SECRET}",  # unknown marker
        f"v1.i.{SECRET[:-1]}",  # 31 characters
        f"v1.i.{SECRET}A",  # 33 characters
        f"v2.i.{SECRET}",
        f"V1.I.{SECRET}",
        f"v1.i.{SECRET[:-1]}=",  # padding is not base64url-without-padding
        f"v1.i.{SECRET[:-1]}é",
        f"v1.i.{SECRET}\nv1.i.{SECRET}",
        "v1.ABCD1234.20250614T0930.SITE01.QjelC7Ti4f6bUQkixBTG5Gxxxxx",  # the shared test frames
        "hello",
        "访客邀请",
        "",
        "   ",
    ],
)
def test_anything_else_is_foreign_unknown(text: str) -> None:
    code = classify_code(text)
    assert (code.kind, code.reason, code.secret, code.is_ours) == ("foreign", "unknown", None, False)


@pytest.mark.parametrize(
    "text",
    ["https://example.com/invite?x=1", "HTTP://EXAMPLE.COM", "weixin://dl/business", "www.example.com"],
)
def test_links_are_foreign_urls(text: str) -> None:
    assert (classify_code(text).kind, classify_code(text).reason) == ("foreign", "url")


@pytest.mark.parametrize("text", ["WIFI:T:WPA;S:x;P:y;;", "wifi:S:guest;;"])
def test_wifi_codes_are_foreign_wifi(text: str) -> None:
    assert classify_code(text).reason == "wifi"


def test_long_payloads_are_too_long_as_text_or_bytes() -> None:
    assert classify_code("x" * 2048).reason == "too_long"
    assert classify_code(b"x" * 2048).reason == "too_long"
    assert len(classify_code("x" * 2048).text) == MAX_PAYLOAD_CHARS
    assert classify_code("x" * MAX_PAYLOAD_CHARS).reason == "unknown"


def test_binary_payloads_are_foreign_binary() -> None:
    assert classify_code(bytes(range(256))).reason == "binary"
    assert classify_code(b"\xff\xfe\x00garbage").reason == "binary"
    assert classify_code("abc\x00def").reason == "binary"
    assert classify_code("abc\x1b[31m").reason == "binary"


def test_nothing_at_all_is_unknown() -> None:
    assert classify_code(None).reason == "unknown"
    assert classify_code(b"").reason == "unknown"
    assert classify_code(12345).reason == "unknown"  # type: ignore[arg-type]


@given(st.one_of(st.text(max_size=3000), st.binary(max_size=3000)))
def test_classify_code_never_raises(payload: str | bytes) -> None:
    code = classify_code(payload)
    assert code.kind in {"invitation", "sign_out", "foreign"}
    assert (code.reason is None) == code.is_ours
    assert len(code.text) <= MAX_PAYLOAD_CHARS


def test_debouncer_reports_a_code_seen_30_times_a_second_once_per_window() -> None:
    debouncer = Debouncer(3.0)
    reports = [t / 30 for t in range(300) if debouncer.should_report("A", t / 30)]  # 10 s of frames
    assert reports == pytest.approx([0.0, 3.0, 6.0, 9.0])


def test_debouncer_keeps_codes_apart_and_window_zero_reports_every_time() -> None:
    debouncer = Debouncer(3.0)
    assert debouncer.should_report("A", 0.0)
    assert debouncer.should_report("B", 0.1)
    assert not debouncer.should_report("A", 2.9)
    debouncer.reset()
    assert debouncer.should_report("A", 2.95)
    always = Debouncer(0)
    assert all(always.should_report("A", 1.0) for _ in range(3))
    with pytest.raises(ValueError):
        Debouncer(-1)
