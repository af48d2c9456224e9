"""Running the real ``kioskctl`` ``main()`` in a test: a private settings file on the test's database, and
what the command printed. The command modules' tests share it (``kioskctl_runner``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main

CLEARED = ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID")


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def write_config(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, extra: str = "") -> Path:
    """A settings file on ``db_url`` with its own data key, nothing from the environment. ``extra`` adds
    sections (TOML)."""
    for var in CLEARED:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[database]\nurl = {json.dumps(db_url)}\n\n"
                    f"[security]\ndata_key_file = {json.dumps(str(tmp_path / 'data.key'))}\n\n{extra}",
                    encoding="utf-8")
    return path


def kioskctl_runner(config_file: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """``run(*argv) -> Ran``; a traceback on stderr fails the test (errors are one line)."""

    def run(*argv: str) -> Ran:
        capsys.readouterr()
        code = main(["--config", str(config_file), *argv])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Ran(code, captured.out, captured.err)

    return run


def one_line_error(ran: Ran, *words: str) -> str:
    """The command failed with exit 1, printed nothing on stdout and one ``error: ...`` line holding ``words``."""
    assert ran.code == 1 and ran.out == "", (ran.out, ran.err)
    lines = ran.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), ran.err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]
