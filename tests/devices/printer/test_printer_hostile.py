"""Hostile text in every badge field: nothing a visitor types may become a printer command.

The stream is read back with a strict parser (escpos_stream_parser): every byte must be a
command the renderer sends on purpose, and the text read back must be exactly the layout's
lines. ``test_the_check_catches_a_renderer_that_forgot_to_sanitise`` switches sanitising off
to prove the check has teeth.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from escpos_stream_parser import StreamError, check_structure, text_lines, tokenize

import kiosk.devices.printer.escpos_render as escpos_render
import kiosk.domain.badge_layout as badges
from kiosk.devices.printer.escpos_render import render_badge
from kiosk.domain.badge_layout import BILINGUAL_LABELS, BadgeData, QrCode, TextLine, layout_badge, sample_badge
from kiosk.domain.printable import sanitize_text
from kiosk.models.enums import VisitorType

TEXT_FIELDS = ("visitor_name", "company", "host_name", "host_department", "site_name", "sign_out_token")
BASE = sample_badge(visitor_type=VisitorType.CONTRACTOR)

COMMANDS = [
    "\x1b@",  # ESC @ reset
    "\x1dV\x00",  # GS V cut
    "\x1dVA\x00",  # GS V partial cut with feed
    "\x1bp\x00\x19\xfa",  # ESC p cash drawer kick
    "\x10\x14\x01\x00\x01",  # DLE DC4 real-time drawer pulse
    "\x10\x04\x01",  # DLE EOT status query
    "\x10\x05\x02",  # DLE ENQ recover
    "\x1c&",  # FS & Chinese mode on
    "\x1c.",  # FS . Chinese mode off
    "\x1cp\x01\x00",  # FS p print NV logo
    "\x1d(k\x03\x001Q0",  # GS ( k print stored QR
    "\x1dv0\x00\x01\x00\x01\x00\xff",  # GS v 0 raster image
    "\x1bt\x10",  # ESC t code page
    "\x1b!\x38",  # ESC ! print mode
    "\x1d!\x77",  # GS ! 8x size
    "\x00\x00\x00",  # NUL
    "\r\n",
    "\x1b\x1b\x1b",
]
INVISIBLE = [
    "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u2028", "\u2029", "\ue000", "\ud800",
]  # fmt: skip
EMOJI = ["😀", "👨\u200d👩\u200d👧", "🇨🇳", "👍🏽", "\u2764\ufe0f"]


def hostile_corpus() -> list[str]:
    corpus: list[str] = []
    controls = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
    corpus += [f"Ann{c}a" for c in controls]  # every C0, DEL, every C1, inside a Latin name
    corpus += [f"{c}张伟{c}" for c in controls]  # ... and around a Chinese one
    corpus += ["".join(controls), "".join(controls) + "张伟"]
    for command in COMMANDS:
        corpus += [command + "Anna", "Anna" + command, "An" + command + "na", "张" + command + "伟", command]
    corpus += [f"Eve{mark}Mallory" for mark in INVISIBLE]
    corpus += ["\u202eyllaM\u202c", "\u2067محمد\u2069 Smith"]
    corpus += [f"{e} Anna {e}" for e in EMOJI] + ["".join(EMOJI) * 10]
    corpus += ["A" * 10_000, "张" * 10_000, "é" * 10_000, "\x1b" * 10_000, "\x1b@A" * 3_000, "e" + "\u0301" * 10_000]
    corpus += ["Müller 张伟\x1dV\x00", "José\x1c&\xd5\xc5\x1c. Ñúñez", "O'Brien\x10\x04\x01", "\x1c&\x1b@\x1c."]
    return corpus


CORPUS = hostile_corpus()


def everywhere(text: str) -> BadgeData:
    return replace(BASE, **dict.fromkeys(TEXT_FIELDS, text))


def presanitised(badge: BadgeData) -> BadgeData:
    return replace(badge, **{field: sanitize_text(getattr(badge, field)) for field in TEXT_FIELDS})


def expected_lines(badge: BadgeData, paper: int, rasterised: bool) -> list[str]:
    lines = [e.text for e in layout_badge(badge, paper, BILINGUAL_LABELS).elements if isinstance(e, TextLine)]
    return [line for line in lines if line.isascii()] if rasterised else lines


def is_inert(text: str) -> bool:
    return all(
        not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) and unicodedata.category(ch) not in ("Cf", "Cs") for ch in text
    )


def assert_user_text_is_inert(badge: BadgeData, job: bytes, paper: int, mode: str) -> None:
    tokens = tokenize(job)  # every byte is a known command, printable text or a GB18030 run
    check_structure(tokens)
    lines = text_lines(tokens)
    # The text read back is exactly the layout's lines: no user byte was taken as a command.
    assert lines == expected_lines(badge, paper, rasterised=mode == "raster")
    assert all(is_inert(line) for line in lines)
    qr = [t.text for t in tokens if t.kind == "qr" and t.text]
    layout_qr = [e.data for e in layout_badge(badge, paper).elements if isinstance(e, QrCode)]
    assert qr == layout_qr and all(is_inert(data) for data in qr)


def test_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 200


@pytest.mark.parametrize("text", CORPUS, ids=[f"c{n}" for n in range(len(CORPUS))])
def test_hostile_text_in_every_field_stays_text(text: str) -> None:
    badge = everywhere(text)
    job = render_badge(badge, paper_width_mm=58, text_mode="gb18030", native_qr=True)
    assert_user_text_is_inert(badge, job, 58, "gb18030")
    # Sanitising before rendering changes nothing: the renderer already did it all.
    assert job == render_badge(presanitised(badge), paper_width_mm=58, text_mode="gb18030", native_qr=True)


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("command", COMMANDS)
def test_each_field_alone(field: str, command: str) -> None:
    badge = replace(BASE, **{field: f"X{command}Y"})
    for mode in ("gb18030", "raster"):
        assert_user_text_is_inert(badge, render_badge(badge, paper_width_mm=80, text_mode=mode), 80, mode)


@pytest.mark.parametrize("text", CORPUS[::7])
def test_hostile_text_in_raster_mode(text: str) -> None:
    badge = everywhere(text)
    assert_user_text_is_inert(badge, render_badge(badge, paper_width_mm=80, text_mode="raster"), 80, "raster")


def test_the_check_catches_a_renderer_that_forgot_to_sanitise(monkeypatch: pytest.MonkeyPatch) -> None:
    def keep_everything(text: str, *, max_chars: int = 500) -> str:
        return text[:max_chars]

    monkeypatch.setattr(badges, "sanitize_text", keep_everything)
    monkeypatch.setattr(escpos_render, "sanitize_text", keep_everything)
    caught = 0
    for command in COMMANDS[:-2]:  # CR LF and a lone ESC run are covered by the structural checks anyway
        badge = replace(BASE, visitor_name=f"Anna{command}")
        job = render_badge(badge, paper_width_mm=80, text_mode="gb18030")
        try:
            assert_user_text_is_inert(badge, job, 80, "gb18030")
        except (StreamError, AssertionError, UnicodeDecodeError):
            caught += 1
    assert caught == len(COMMANDS) - 2
