"""``kioskctl doctor`` against a real set-up: a migrated database, a file printer, a camera that is a frames
file, a real SMTP server (aiosmtpd in its own process) and a chat URL; then each broken in turn as an
installer breaks it, and the row says what is wrong and what to do."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.cli_harness import Ran, kioskctl_runner, write_config
from tests.notify.smtp_server import SmtpServer, free_port

Runner = Callable[..., Ran]
SHARED_FRAME = Path(__file__).parents[2] / "shared" / "testdata" / "qr-frames" / "frame_a_clean_200.png"


@pytest.fixture(scope="module")
def smtp_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path_factory.mktemp("mailbox")).start()
    yield server
    server.stop()


def _frame_file(tmp_path: Path) -> Path:
    """A camera frame: one of the shared QR frames where the checkout has them, else one drawn here."""
    path = tmp_path / "frame.png"
    if SHARED_FRAME.is_file():
        path.write_bytes(SHARED_FRAME.read_bytes())
    else:
        cv2.imwrite(str(path), np.full((200, 320, 3), 255, dtype=np.uint8))
    return path


def _closed_port() -> int:
    return free_port()  # bound and let go: nothing listens there


def _setup(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           smtp_port: int, **sections: str) -> Runner:
    """A healthy installation; ``sections`` replaces a section's TOML body (printer=..., camera=...)."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    for leftover in tmp_path.glob("kiosk.sqlite3*"):  # the test copy was made with the default umask
        leftover.chmod(0o600)
    body = {
        "printer": f'kind = "file"\npath = {json.dumps(str(tmp_path / "badges.bin"))}',
        "camera": f"source = {json.dumps(str(_frame_file(tmp_path)))}",
        "email": f'host = "127.0.0.1"\nport = {smtp_port}',
        "notify": 'reception = ["json://localhost:8999/hook"]',
    } | sections
    extra = "".join(f"[{name}]\n{text}\n\n" for name, text in body.items())
    run = kioskctl_runner(write_config(tmp_path, db_url, monkeypatch, extra), capsys)
    assert run("keys", "init").code == 0  # as docs/deploy.md does before the first start
    return run


def _rows(ran: Ran) -> dict[str, dict[str, object]]:
    return {row["check"]: row for row in ran.json()["checks"]}


def test_a_healthy_installation_is_ok_on_every_row_and_exits_0(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port)

    table = run("doctor")
    assert table.code == 0, table.out
    lines = table.out.splitlines()
    assert lines[0].split() == ["CHECK", "STATUS", "DETAIL"]
    for check in ("config", "database", "keys", "permissions", "printer", "camera", "email", "chat", "fonts",
                  "keyboard", "disk"):
        row = next(line for line in lines if line.startswith(check + " "))
        assert row.split()[1] == "ok", table.out
    assert "ready for visitors" in table.out
    assert "doctor took" in lines[-1]
    assert "→" not in table.out  # nothing to do
    assert smtp_server.files() == []  # EHLO only: no mail sent

    as_json = run("doctor", "--json")
    assert as_json.code == 0
    report = as_json.json()
    assert set(report) == {"ok", "seconds", "checks"} and report["ok"] is True
    assert 0 < report["seconds"] < 3
    assert [row["status"] for row in report["checks"]] == ["ok"] * 11
    assert all(set(row) == {"check", "status", "detail", "fix", "visitor_facing"} for row in report["checks"])
    rows = _rows(as_json)
    assert "(head)" in str(rows["database"]["detail"])
    height, width = cv2.imread(str(tmp_path / "frame.png")).shape[:2]
    assert f"frames of {width}×{height}" in str(rows["camera"]["detail"])
    assert f"127.0.0.1:{smtp_server.port} answered EHLO" in str(rows["email"]["detail"])
    assert rows["keys"]["detail"] == f"{tmp_path / 'data.key'} and {tmp_path / 'data' / 'link.key'}"


def test_a_missing_key_fails_the_keys_row_with_the_command_that_makes_it_and_exits_1(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port)
    link_key = tmp_path / "data" / "link.key"
    link_key.unlink()

    ran = run("doctor")

    assert ran.code == 1
    row = next(line for line in ran.out.splitlines() if line.startswith("keys "))
    assert row.split()[1] == "FAIL" and f"no key file at {link_key}" in row
    assert "'kioskctl keys init' as the account the kiosk runs as" in ran.out
    assert "a visitor would notice a problem; failed: keys" in ran.out
    assert not link_key.exists()  # looking did not make one


def test_a_cut_short_data_key_fails_the_keys_row_and_is_left_for_its_backup(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port)
    data_key = tmp_path / "data.key"
    data_key.write_bytes(data_key.read_bytes()[:20])

    ran = run("doctor", "--json")

    assert ran.code == 1
    row = _rows(ran)["keys"]
    assert row["status"] == "fail" and f"{data_key} is 20 bytes, not 32" in str(row["detail"])
    assert "restore it from its backup" in str(row["fix"])
    assert len(data_key.read_bytes()) == 20


def test_a_network_printer_that_is_not_listening_fails_the_printer_row_and_exits_1(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    port = _closed_port()
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port,
                 printer=f'kind = "network"\nhost = "127.0.0.1"\nport = {port}')

    ran = run("doctor", "--json")

    assert ran.code == 1 and ran.json()["ok"] is False
    printer = _rows(ran)["printer"]
    assert printer["status"] == "fail" and f"127.0.0.1:{port}" in str(printer["detail"])
    assert "switch the printer on" in str(printer["fix"])
    assert {r["check"] for r in ran.json()["checks"] if r["status"] != "ok"} == {"printer"}


def test_a_printer_that_accepts_but_never_answers_costs_doctor_about_a_second_not_forever(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # the kernel accepts; nobody ever replies
        run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port,
                     printer=f'kind = "network"\nhost = "127.0.0.1"\nport = {silent.getsockname()[1]}\ntimeout = 30')
        ran = run("doctor", "--json")

    assert ran.code == 1
    assert _rows(ran)["printer"]["status"] == "fail"
    assert "did not answer" in str(_rows(ran)["printer"]["detail"])
    assert ran.json()["seconds"] < 3.5


def test_a_missing_camera_file_fails_the_camera_row_and_exits_1(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    gone = tmp_path / "frames" / "lobby.mp4"
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port, camera=f"source = {json.dumps(str(gone))}")

    ran = run("doctor")

    assert ran.code == 1
    row = next(line for line in ran.out.splitlines() if line.startswith("camera "))
    assert row.split()[1] == "FAIL" and f"{gone} does not exist" in row
    assert "→ check [camera] source" in ran.out
    assert "a visitor would notice a problem; failed: camera" in ran.out


def test_a_refused_smtp_server_fails_the_email_row_but_visitors_notice_nothing(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    port = _closed_port()
    run = _setup(tmp_path, db_url, monkeypatch, capsys, port)

    ran = run("doctor", "--json")

    assert ran.code == 0 and ran.json()["ok"] is True
    email = _rows(ran)["email"]
    assert email["status"] == "fail" and f"127.0.0.1:{port} unreachable" in str(email["detail"])
    assert "ConnectionRefusedError" in str(email["detail"])
    assert "check [email] host, port" in str(email["fix"])


def test_a_database_readable_by_everyone_says_which_file_and_the_chmod_that_fixes_it(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("file modes are SQLite's: PostgreSQL keeps its own files")
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port)
    database = tmp_path / "kiosk.sqlite3"
    database.chmod(0o644)

    ran = run("doctor", "--json")

    assert ran.code == 0  # a privacy problem for IT, not one a visitor sees
    row = _rows(ran)["permissions"]
    assert row["status"] == "fail" and f"{database} is 0644" in str(row["detail"])
    assert str(row["fix"]).startswith(f"chmod 600 {database}")  # then its -wal and -shm, which take its mode
    assert os.stat(database).st_mode & 0o777 == 0o644  # reported, never changed on doctor's own


def test_unconfigured_email_chat_and_printer_are_warnings_that_exit_0(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run = _setup(tmp_path, db_url, monkeypatch, capsys, 25, email='host = ""', notify="reception = []",
                 printer='kind = "none"')

    ran = run("doctor", "--json")

    assert ran.code == 0
    statuses = {check: row["status"] for check, row in _rows(ran).items()}
    assert statuses["email"] == statuses["chat"] == statuses["printer"] == "warn"
    assert "[email] host is empty" in str(_rows(ran)["email"]["detail"])


def test_a_chat_url_apprise_cannot_read_fails_the_chat_row_without_its_secret(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        smtp_server: SmtpServer) -> None:
    run = _setup(tmp_path, db_url, monkeypatch, capsys, smtp_server.port,
                 notify='reception = ["json://localhost/ok"]\nsupervisor = ["nosuchservice://secret-key@hook"]')

    row = _rows(run("doctor", "--json"))["chat"]

    assert row["status"] == "fail" and "nosuchservice://" in str(row["detail"])
    assert "secret-key" not in str(row["detail"])


def test_a_database_that_was_never_created_is_a_failure_with_the_upgrade_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    run = kioskctl_runner(write_config(tmp_path, f"sqlite:///{missing}", monkeypatch), capsys)

    ran = run("doctor", "--json")

    assert ran.code == 1
    row = _rows(ran)["database"]
    assert row["status"] == "fail" and row["fix"] == "run 'kioskctl db upgrade'"
    assert not missing.exists()  # looking did not create it


def test_a_broken_settings_file_is_the_config_row_not_an_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, "sqlite:///x.sqlite3", monkeypatch, '[printer]\nkind = "laser"\n')
    run = kioskctl_runner(config, capsys)

    ran = run("doctor")

    assert ran.code == 1 and ran.err == ""
    assert ran.out.splitlines()[1].split()[:2] == ["config", "FAIL"]
    assert "kind" in ran.out and "→ correct the settings file" in ran.out
