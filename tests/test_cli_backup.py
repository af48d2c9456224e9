"""``kioskctl backup|restore`` and the progress bar of long commands: a bar on a terminal, nothing but the result
when the output is a pipe or a file, or with --json."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.application import backups
from tests.cli_harness import kioskctl_runner, write_config

BAR = "━"  # rich's bar


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(backups, "PAGES_PER_STEP", 8)
    runner = kioskctl_runner(write_config(tmp_path, f"sqlite:///{tmp_path / 'kiosk.sqlite3'}", monkeypatch), capsys)
    assert runner("db", "upgrade").code == 0
    return runner


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)


def test_backup_prints_its_size_and_time_and_nothing_else_into_a_pipe(run, tmp_path: Path) -> None:
    made = run("backup", str(tmp_path / "copy.sqlite"))
    assert made.code == 0
    assert made.out.startswith(f"backed up into {tmp_path / 'copy.sqlite'}: ") and made.out.endswith(" s\n")
    assert " MB in " in made.out and BAR not in made.out and made.out.count("\n") == 1
    assert ((tmp_path / "copy.sqlite").stat().st_mode & 0o777) == 0o600


def test_backup_shows_a_bar_on_a_terminal_but_not_with_json(run, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    on_a_terminal(monkeypatch)
    shown = run("backup", str(tmp_path / "copy.sqlite"))
    assert shown.code == 0 and "backing up" in shown.out and BAR in shown.out
    quiet = run("backup", str(tmp_path / "copy2.sqlite"), "--json")
    assert quiet.code == 0 and BAR not in quiet.out
    assert quiet.json()["revision"] == backups.head_revision() and quiet.json()["bytes"] > 0


def test_backup_into_a_missing_folder_is_one_line(run, tmp_path: Path) -> None:
    failed = run("backup", str(tmp_path / "nowhere" / "copy.sqlite"))
    assert failed.code == 1 and failed.err.startswith("error: cannot write") and failed.err.count("\n") == 1


def test_restore_asks_for_yes_without_a_terminal_then_restores_and_keeps_the_old_file(run, tmp_path: Path) -> None:
    assert run("backup", str(tmp_path / "copy.sqlite")).code == 0
    refused = run("restore", str(tmp_path / "copy.sqlite"))
    assert refused.code == 1 and "needs confirmation" in refused.err
    assert list(tmp_path.glob("kiosk.sqlite3.2*")) == []

    done = run("restore", str(tmp_path / "copy.sqlite"), "--yes")

    kept = list(tmp_path.glob("kiosk.sqlite3.2*"))
    assert done.code == 0 and len(kept) == 1 and f"kept as {kept[0]}" in done.out
    assert "integrity check: ok" in done.out


def test_host_import_shows_a_bar_on_a_terminal_only(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hosts = tmp_path / "hosts.csv"
    hosts.write_text("name,department,email\n" + "".join(
        f"Host {n},Sales,host{n}@example.com\n" for n in range(30)), encoding="utf-8")
    piped = run("hosts", "import", str(hosts))
    assert piped.code == 0 and BAR not in piped.out and piped.out == "30 created, 0 updated, 0 unchanged\n"
    on_a_terminal(monkeypatch)
    shown = run("hosts", "import", str(hosts))
    assert shown.code == 0 and "importing hosts" in shown.out and BAR in shown.out
    assert shown.out.rstrip().endswith("0 created, 0 updated, 30 unchanged")
    as_json = run("hosts", "import", str(hosts), "--json")
    assert BAR not in as_json.out and as_json.json()["unchanged"] == 30
