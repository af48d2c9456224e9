"""The monthly report job: on the 1st from [reports] monthly_time, November's report is made once (a PDF per
language, kept) and e-mailed to each [reports] monthly_to address with both PDFs attached, read back here from a
real SMTP server."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from kiosk.application.housekeeping import Housekeeping
from kiosk.application.monthly_report import MonthlyOutcome, make_due_report
from kiosk.application.notification_loop import Dispatcher
from kiosk.config import EmailSettings, NotifySettings, ReportSettings, Settings, SiteSettings
from kiosk.models import Notification
from kiosk.models.front_desk import MonthlyReport
from tests.notify.smtp_server import SmtpServer
from tests.services.reports.kpi_data import seed_november

BOSSES = ("boss@example.com", "deputy@example.com")
BEFORE_SEVEN = datetime(2026, 11, 30, 22, 59, tzinfo=UTC)  # 06:59 on 1 December in Shanghai
AT_SEVEN = datetime(2026, 11, 30, 23, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def smtp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmtpServer]:
    server = SmtpServer(tmp_path_factory.mktemp("mailbox")).start()
    yield server
    server.stop()


def settings_for(tmp_path: Path, smtp: SmtpServer | None = None, to: tuple[str, ...] = BOSSES) -> Settings:
    email = EmailSettings(host="127.0.0.1" if smtp else "", port=smtp.port if smtp else 25, timeout=5.0,
                          sender="Lobby Kiosk <kiosk@hq.example.com>")
    return Settings(site=SiteSettings(code="HQ", name="Test Tower", timezone="Asia/Shanghai"), email=email,
                    notify=NotifySettings(link_secret_file=str(tmp_path / "link.key")),
                    reports=ReportSettings(monthly_to=to, monthly_time="07:00"))


def counts(database) -> tuple[int, int]:
    with database.unit_of_work("test", write=False) as uow:
        reports = uow.session.scalar(select(func.count()).select_from(MonthlyReport))
        mails = uow.session.scalar(select(func.count()).select_from(Notification)
                                   .where(Notification.event == "monthly_report"))
        return int(reports or 0), int(mails or 0)


def test_made_once_on_the_first_and_mailed_with_both_pdfs(database, clock, tmp_path, smtp):
    seed_november(database)
    smtp.clear()
    settings = settings_for(tmp_path, smtp)
    clock.set(BEFORE_SEVEN)
    assert Housekeeping(database, settings).run_once().monthly_report == MonthlyOutcome.NOT_YET
    assert counts(database) == (0, 0)

    clock.set(AT_SEVEN)
    assert Housekeeping(database, settings).run_once().monthly_report == MonthlyOutcome.MADE
    assert counts(database) == (2, 2)  # zh_CN and en; one e-mail per address
    clock.set(datetime(2026, 12, 1, 3, 0, tzinfo=UTC))
    assert make_due_report(database, settings, "test")[0] is MonthlyOutcome.ALREADY_MADE  # another kiosk, later
    assert counts(database) == (2, 2)

    assert Dispatcher(database, settings).run_once().sent == 2
    messages = smtp.wait_for(2)
    assert sorted(m["To"] for m in messages) == sorted(BOSSES)
    message = messages[0]
    assert message["Subject"] == "前台月度报表：Test Tower 2026-11"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "访客满意度：66.7 %（目标 ≥ 90 %，未达标）" in body
    assert "电话及时接听率：80.0 %（目标 ≥ 98 %，未达标）" in body
    pdfs = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert sorted(pdfs) == ["front-desk-report-HQ-2026-11-en.pdf", "front-desk-report-HQ-2026-11-zh_CN.pdf"]
    chinese = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdfs[
        "front-desk-report-HQ-2026-11-zh_CN.pdf"])).pages)
    english = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdfs[
        "front-desk-report-HQ-2026-11-en.pdf"])).pages)
    assert "前台月度报表" in chinese and "2026年11月" in chinese and "66.7 %" in chinese
    assert "Front desk monthly report" in english and "November 2026" in english and "66.7 %" in english


def test_nobody_to_send_it_to_makes_nothing(database, clock, tmp_path):
    clock.set(AT_SEVEN)
    assert Housekeeping(database, settings_for(tmp_path, to=())).run_once().monthly_report == MonthlyOutcome.NOBODY
    assert counts(database) == (0, 0)


def test_a_month_missed_on_the_first_is_made_on_a_later_day(database, clock, tmp_path):
    clock.set(datetime(2026, 12, 3, 1, 0, tzinfo=UTC))  # the kiosk was off on the 1st
    outcome, month = make_due_report(database, settings_for(tmp_path), "test")
    assert (outcome, str(month)) == (MonthlyOutcome.MADE, "2026-11-01")
    assert counts(database) == (2, 2)
