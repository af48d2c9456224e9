"""A strict reader for the ESC/POS our renderer emits, for tests.

Every byte must belong to a command the renderer sends on purpose, a run of printable ASCII,
a line feed or a GB18030 run between FS & and FS . - anything else raises ``StreamError``.
Reading user text back out of the stream is how the tests prove it started no command.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC, GS, FS, LF = 0x1B, 0x1D, 0x1C, 0x0A
STYLE_COMMANDS = {
    (ESC, ord("a")): {0, 1, 2},  # align
    (ESC, ord("E")): {0, 1},  # bold
    (GS, ord("B")): {0, 1},  # white on black
    (GS, ord("!")): {0x00, 0x01, 0x11},  # size: normal, tall, large
}


class StreamError(AssertionError):
    pass


@dataclass(frozen=True)
class Token:
    kind: str  # init, style, text, cn_text, lf, qr, image, feed, cut
    raw: bytes
    text: str = ""


def tokenize(stream: bytes) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    while i < len(stream):
        b = stream[i]
        two = tuple(stream[i : i + 2])
        if two == (ESC, ord("@")):
            tokens.append(Token("init", stream[i : i + 2]))
            i += 2
        elif two in STYLE_COMMANDS:
            if i + 2 >= len(stream) or stream[i + 2] not in STYLE_COMMANDS[two]:  # type: ignore[index]
                raise StreamError(f"bad style argument at {i}: {stream[i : i + 3]!r}")
            tokens.append(Token("style", stream[i : i + 3]))
            i += 3
        elif two == (ESC, ord("d")):
            tokens.append(Token("feed", stream[i : i + 3]))
            i += 3
        elif two == (GS, ord("V")):
            length = 4 if stream[i + 2] in (65, 66) else 3
            tokens.append(Token("cut", stream[i : i + length]))
            i += length
        elif stream[i : i + 3] == b"\x1d(k":
            size = stream[i + 3] | stream[i + 4] << 8
            body = stream[i + 5 : i + 5 + size]
            if len(body) != size or body[:1] != b"1" or body[1:2] not in (b"A", b"C", b"E", b"P", b"Q"):
                raise StreamError(f"bad GS ( k at {i}")
            text = body[3:].decode("utf-8") if body[1:2] == b"P" else ""
            tokens.append(Token("qr", stream[i : i + 5 + size], text))
            i += 5 + size
        elif stream[i : i + 3] == b"\x1dv0":
            width_bytes = stream[i + 4] | stream[i + 5] << 8
            height = stream[i + 6] | stream[i + 7] << 8
            end = i + 8 + width_bytes * height
            if end > len(stream):
                raise StreamError(f"image at {i} runs past the end")
            tokens.append(Token("image", stream[i:end]))
            i = end
        elif two == (FS, ord("&")):
            end = stream.find(b"\x1c.", i + 2)
            if end < 0:
                raise StreamError(f"FS & at {i} is never closed")
            payload = stream[i + 2 : end]
            if any(byte < 0x20 or byte == 0x7F for byte in payload):
                raise StreamError(f"control byte inside Chinese-mode text at {i}: {payload!r}")
            tokens.append(Token("cn_text", stream[i : end + 2], payload.decode("gb18030")))
            i = end + 2
        elif b == LF:
            tokens.append(Token("lf", b"\n"))
            i += 1
        elif 0x20 <= b <= 0x7E:
            end = i
            while end < len(stream) and 0x20 <= stream[end] <= 0x7E:
                end += 1
            tokens.append(Token("text", stream[i:end], stream[i:end].decode("ascii")))
            i = end
        else:
            raise StreamError(f"byte 0x{b:02X} at {i} starts no command the renderer sends: {stream[i : i + 8]!r}")
    return tokens


def check_structure(tokens: list[Token]) -> None:
    """Init first, cut last, and every text run is a whole line on its own."""
    if not tokens or tokens[0].kind != "init":
        raise StreamError("the job does not start with ESC @")
    if tokens[-1].kind != "cut" or tokens[-2].kind != "feed":
        raise StreamError("the job does not end with a feed and a cut")
    for index, token in enumerate(tokens):
        if token.kind == "init" and index != 0:
            raise StreamError(f"ESC @ in the middle of the job (token {index})")
        if token.kind in ("cut", "feed") and index < len(tokens) - 2:
            raise StreamError(f"{token.kind} before the end of the job (token {index})")
        if token.kind in ("text", "cn_text"):
            if tokens[index + 1].kind != "lf":
                raise StreamError(f"text not followed by its line feed: {token!r} then {tokens[index + 1]!r}")
            if tokens[index - 1].kind in ("text", "cn_text"):
                raise StreamError(f"two text runs on one line: {tokens[index - 1]!r} {token!r}")


def text_lines(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens if t.kind in ("text", "cn_text")]
