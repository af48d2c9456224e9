"""``kioskctl report ...`` through the real ``main()``: November's figures as a table and as JSON, the monthly PDF
in each language, one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli_harness import kioskctl_runner, write_config
from tests.services.reports.kpi_data import seed_november


@pytest.fixture
def kioskctl(tmp_path: Path, database, db_url: str, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]):
    seed_november(database)
    return kioskctl_runner(write_config(tmp_path, db_url, monkeypatch), capsys)


def test_kpis_as_a_table(kioskctl) -> None:
    ran = kioskctl("report", "kpis", "--from", "2026-11-01", "--to", "2026-11-30")
    assert ran.code == 0, ran.err
    lines = ran.out.splitlines()
    assert lines[0].endswith("2026-11-01 to 2026-11-30 (Asia/Shanghai)")
    satisfaction = next(line for line in lines if line.startswith("Visitor satisfaction"))
    assert satisfaction.split() == ["Visitor", "satisfaction", "66.7", "%", "4/6", "≥", "90", "%", "MISSED",
                                    "+66.7", "pt", "—"]  # October: its one rating a 1; a year before: nothing
    visits = next(line for line in lines if line.startswith("Visits "))
    assert visits.split()[1:3] == ["5", "+4"]  # October had one


def test_kpis_as_json(kioskctl) -> None:
    report = kioskctl("report", "kpis", "--from", "2026-11-01", "--to", "2026-11-30", "--json").json()
    figures = {figure["kpi"]: figure for figure in report["figures"]}
    assert (figures["calls_in_time"]["count"], figures["calls_in_time"]["out_of"]) == (4, 5)
    assert figures["calls_in_time"]["target"] == {"threshold": 0.98, "direction": "at_least"}
    assert figures["calls_in_time"]["passed"] is False
    assert figures["visits"]["passed"] is None
    assert report["period"] == {"first": "2026-11-01", "last": "2026-11-30"}
    assert {chart["key"] for chart in report["charts"]} >= {"visits_per_day", "visits_by_hour"}
    assert report["supplies"][0] == {"department": "Sales", "quantity": 8, "value_cents": 1200}


def test_the_monthly_pdf_in_each_language(kioskctl, tmp_path: Path) -> None:
    for language, title in (("zh_CN", "前台月度报表"), ("en", "Front desk monthly report")):
        target = tmp_path / f"november-{language}.pdf"
        ran = kioskctl("report", "monthly", "--month", "2026-11", "--pdf", str(target), "--language", language)
        assert ran.code == 0, ran.err
        assert ran.out.startswith(f"wrote the report of 2026-11 ({language}, ")
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
        assert title in text and "66.7 %" in text


def test_mistakes_are_one_line(kioskctl, tmp_path: Path) -> None:
    backwards = kioskctl("report", "kpis", "--from", "2026-11-30", "--to", "2026-11-01")
    assert backwards.code == 1 and backwards.err.strip() == "error: --to is before --from"
    nowhere = kioskctl("report", "monthly", "--month", "2026-11", "--pdf", str(tmp_path / "no" / "such.pdf"))
    assert nowhere.code == 1 and nowhere.err.startswith("error: cannot write") and len(nowhere.err.splitlines()) == 1
    usage = kioskctl("report", "monthly", "--month", "November", "--pdf", str(tmp_path / "x.pdf"))
    assert usage.code == 2 and "not a month; use YYYY-MM" in usage.err
