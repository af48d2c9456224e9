"""kioskctl badge test / printer status / badge print-queue against a file printer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f"[database]\nurl = {json.dumps('sqlite:///' + str(tmp_path / 'k.sqlite3'))}\n"
        f"[printer]\nkind = \"file\"\ntext_mode = \"gb18030\"\npath = {json.dumps(str(tmp_path / 'out.bin'))}\n",
        encoding="utf-8",
    )
    return path


def test_test_badge_prints_and_writes_previews(config, tmp_path, capsys, qapp):
    png, pdf = tmp_path / "badge.png", tmp_path / "badge.pdf"
    code = main(["--config", str(config), "badge", "test", "--name", "Ada Müller", "--png", str(png), "--pdf",
                 str(pdf)])
    assert code == 0, capsys.readouterr().err
    printed = (tmp_path / "out.bin").read_bytes()
    assert printed.startswith(b"\x1b@") and "Müller".encode("gb18030") in printed
    assert png.read_bytes().startswith(b"\x89PNG") and pdf.read_bytes().startswith(b"%PDF")
    assert "test badge sent to the file printer" in capsys.readouterr().out


def test_unreachable_printer_is_one_clear_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "net.toml"
    path.write_text('[printer]\nkind = "network"\nhost = "127.0.0.1"\nport = 9\ntimeout = 0.3\n'
                    f"[database]\nurl = {json.dumps('sqlite:///' + str(tmp_path / 'n.sqlite3'))}\n")
    assert main(["--config", str(path), "badge", "test"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the test badge did not print:") and err.count("\n") == 1


def test_printer_status_of_a_file_printer(config, capsys):
    assert main(["--config", str(config), "printer", "status"]) == 0
    assert "file printer: ready" in capsys.readouterr().out


def test_print_queue_prints_what_is_waiting(config, tmp_path, capsys):
    assert main(["--config", str(config), "demo", "seed"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "badge", "print-queue"]) == 0
    out = capsys.readouterr().out
    assert "badge(s) printed, 0 not printed" in out and not out.startswith("0 ")
    assert (tmp_path / "out.bin").read_bytes().count(b"\x1b@") >= 1
