"""The doctor's rules without a command line: a Chinese font found under any of its names, a hung check
cut off at its timeout, and the checks' findings for settings an installer gets wrong."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.application import doctor
from kiosk.application.doctor import Check, Finding, Status, devices, run_doctor, screen
from kiosk.application.doctor.screen import judge_cjk_fonts
from kiosk.config import CameraSettings, PrinterSettings, Settings

WQY = ("WenQuanYi Micro Hei", "文泉驛微米黑", "文泉驿微米黑")


def test_wqy_listed_under_its_chinese_name_first_is_found_not_missing() -> None:
    chinese_first = (WQY[2], WQY[1], WQY[0])  # how a zh_CN locale lists it

    finding = judge_cjk_fonts([("DejaVu Sans",), chinese_first])

    assert finding.status is Status.OK and finding.detail == "Chinese font WenQuanYi Micro Hei"


def test_a_chinese_font_the_kiosk_does_not_prefer_is_a_warning_and_none_at_all_a_failure() -> None:
    other = judge_cjk_fonts([("AR PL UMing CN", "文鼎ＰＬ細上海宋Uni")])
    none = judge_cjk_fonts([])

    assert other.status is Status.WARN and "AR PL UMing CN" in other.detail
    assert none.status is Status.FAIL and "boxes" in none.detail and "fonts-noto-cjk" in none.fix


def test_the_doctor_prefers_the_same_faces_as_the_kiosk_theme() -> None:
    from kiosk.ui.common.theme import CJK_FAMILIES

    assert screen.CJK_FAMILIES == CJK_FAMILIES


def test_this_machine_lists_wqy_with_all_its_names_when_it_is_installed() -> None:
    if not Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():
        pytest.skip("fonts-wqy-microhei is not installed here")

    families = screen.chinese_font_families()

    assert any("WenQuanYi Micro Hei" in family and "文泉驿微米黑" in family for family in families)


def test_a_check_that_hangs_is_cut_off_at_the_timeout_and_the_others_still_report(
        monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hangs(settings: Settings) -> Finding:
        release.wait(30)
        return Finding(Status.OK, "too late")

    monkeypatch.setattr(doctor, "CHECKS", (
        Check("printer", hangs, True, "switch the printer off and on"),
        Check("disk", lambda settings: Finding(Status.OK, "plenty"), False, ""),
    ))
    started = time.monotonic()
    try:
        report = run_doctor(Settings(), timeout=0.3)
    finally:
        release.set()

    assert time.monotonic() - started < 1.5
    rows = {r.check: r for r in report.results}
    assert rows["printer"].status is Status.FAIL and rows["printer"].detail == "no answer within 0.3 s"
    assert rows["printer"].fix == "switch the printer off and on"
    assert rows["disk"].status is Status.OK
    assert report.visitor_problem


def test_a_check_that_raises_is_a_failed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def breaks(settings: Settings) -> Finding:
        raise RuntimeError("driver exploded")

    monkeypatch.setattr(doctor, "CHECKS", (Check("camera", breaks, True, "replug the camera"),))

    row = run_doctor(Settings()).results[-1]

    assert (row.status, row.detail) == (Status.FAIL, "the check itself failed: RuntimeError: driver exploded")


def test_only_a_visitor_facing_failure_is_a_visitor_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "CHECKS", (
        Check("email", lambda s: Finding(Status.FAIL, "refused", "fix it"), False, ""),
        Check("camera", lambda s: Finding(Status.WARN, "none", "set one"), True, ""),
    ))

    assert not run_doctor(Settings()).visitor_problem


def test_unreadable_settings_give_the_config_row_alone() -> None:
    report = run_doctor(None, "printer.kind: 'laser' is not one of usb, serial, network, file, os, none")

    assert [(r.check, r.status) for r in report.results] == [("config", Status.FAIL)]
    assert report.visitor_problem


def test_an_os_printer_is_a_warning_that_names_the_command_to_check_it() -> None:
    settings = replace(Settings(), printer=PrinterSettings(kind="os", os_printer="Lobby_Badges"))

    finding = devices.check_printer(settings)

    assert finding.status is Status.WARN and finding.fix == "check it with: lpstat -p Lobby_Badges"


def test_a_camera_image_that_is_not_an_image_fails_with_the_reason(tmp_path: Path) -> None:
    fake = tmp_path / "frame.png"
    fake.write_text("not a picture", encoding="utf-8")
    settings = replace(Settings(), camera=CameraSettings(source=str(fake)))

    finding = devices.check_camera(settings)

    assert finding.status is Status.FAIL and "could not be read as an image" in finding.detail


def test_a_printer_reporting_paper_out_fails_with_the_desk_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.devices.printer.protocol import Condition, PrinterStatus

    class PaperOut:
        def status(self) -> PrinterStatus:
            return PrinterStatus(True, frozenset({Condition.PAPER_OUT}),
                                 "The badge printer is out of paper. Load a new roll.")

    monkeypatch.setattr(devices, "printer_from_settings", lambda settings: PaperOut())
    settings = replace(Settings(), printer=PrinterSettings(kind="network", host="10.0.0.9"))

    finding = devices.check_printer(settings)

    assert finding.status is Status.FAIL and "out of paper" in finding.detail


@contextmanager
def _answering(replies: bytes) -> Iterator[int]:
    """A TCP listener on 127.0.0.1 that answers every query it gets with the next byte of ``replies``."""
    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        pending = iter(replies)
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                while connection.recv(3):
                    connection.sendall(bytes([next(pending, 0x12)]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()
        thread.join(2)


@pytest.mark.parametrize(("paper_byte", "status", "words"), [
    (0x12, Status.OK, "paper loaded"),
    (0x1E, Status.WARN, "paper nearly used up"),
    (0x72, Status.FAIL, "out of paper"),
])
def test_a_network_printer_is_asked_for_its_paper(paper_byte: int, status: Status, words: str) -> None:
    # First connection: the kiosk's own status query (online, 0x12); second: doctor's paper query.
    with _answering(bytes([0x12, paper_byte])) as port:
        settings = replace(Settings(), printer=PrinterSettings(kind="network", host="127.0.0.1", port=port))
        finding = devices.check_printer(settings)

    assert finding.status is status and words in finding.detail


def test_a_web_server_at_the_printer_address_is_not_called_a_printer_with_paper() -> None:
    with _answering(b"HTTP") as port:  # "H" = 0x48: a reply, but no status byte
        settings = replace(Settings(), printer=PrinterSettings(kind="network", host="127.0.0.1", port=port))
        finding = devices.check_printer(settings)

    assert finding.status is Status.WARN and "not as an ESC/POS printer (reply 0x" in finding.detail
    assert "paper loaded" not in finding.detail
