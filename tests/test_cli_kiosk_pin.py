"""``kioskctl kiosk set-pin``: prints the settings line holding an argon2 hash of the PIN, never the PIN."""

from __future__ import annotations

import io
import re
import tomllib
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kiosk.cli import main


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "kiosk.toml"
    path.write_text("[kiosk]\nid = \"K1\"\n", encoding="utf-8")
    return path


def _set_pin(config: Path, stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--config", str(config), "kiosk", "set-pin", "--pin-stdin"])
    return code, capsys.readouterr()


def test_set_pin_prints_a_settings_line_whose_hash_verifies(config, monkeypatch, capsys) -> None:
    code, out = _set_pin(config, "246813\n", monkeypatch, capsys)
    assert code == 0
    line = out.out.strip()
    assert re.fullmatch(r'maintenance_pin_hash = "\$argon2id\$[^"]+"', line)
    assert "246813" not in out.out + out.err
    pin_hash = tomllib.loads(line)["maintenance_pin_hash"]  # pastes straight into [kiosk]
    assert PasswordHasher().verify(pin_hash, "246813")
    assert str(config) in out.err


def test_the_printed_line_is_a_valid_kiosk_setting(config, monkeypatch, capsys) -> None:
    from kiosk.config import load_settings

    _code, out = _set_pin(config, "1357911\n", monkeypatch, capsys)
    config.write_text(f"[kiosk]\n{out.out}", encoding="utf-8")
    assert PasswordHasher().verify(load_settings(config, env={}).kiosk.maintenance_pin_hash, "1357911")


@pytest.mark.parametrize("pin", ["", "123", "1234", "12345", "12a456", "1234567890123", "１２３４５６"])
def test_a_pin_the_digit_pad_cannot_type_is_refused(pin, config, monkeypatch, capsys) -> None:
    code, out = _set_pin(config, pin + "\n", monkeypatch, capsys)
    assert code == 1
    assert out.out == ""
    assert "6 to 12 digits" in out.err


def test_without_a_terminal_or_stdin_flag_it_says_how(config, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("246813\n"))
    code = main(["--config", str(config), "kiosk", "set-pin"])
    assert code == 1
    assert "--pin-stdin" in capsys.readouterr().err
