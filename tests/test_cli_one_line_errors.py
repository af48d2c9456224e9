"""Tracebacks instead of one-line errors (Hardening #10): each case the finding lists, run through the real
``kioskctl`` (and the desk's start-up where it applies), ends in one clear line and a non-zero exit status,
with nothing already saved lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.cli import main

BIN = Path(sys.executable).parent
BIG = 2**63


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    @property
    def last_line(self) -> str:
        return self.err.strip().splitlines()[-1]


Kioskctl = Callable[..., Ran]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def kioskctl(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Kioskctl:
    def run(*argv: str) -> Ran:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Ran(code, captured.out, captured.err)

    return run


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_config_path_that_is_a_folder(kioskctl: Kioskctl, tmp_path: Path) -> None:
    ran = kioskctl("--config", str(tmp_path), "visits", "list")

    assert (ran.code, ran.out) == (1, "")
    assert ran.err == f"error: config file {tmp_path} is a folder; give the path of a .toml file\n"


def test_a_config_path_that_cannot_be_read(kioskctl: Kioskctl, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    path = tmp_path / "file" / "kiosk.toml"

    ran = kioskctl("--config", str(path), "visits", "list")

    assert (ran.code, ran.err) == (1, f"error: config file {path} cannot be read: Not a directory\n")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", '"nan"'])
def test_nan_and_inf_are_refused_for_timeouts(kioskctl: Kioskctl, tmp_path: Path, value: str) -> None:
    config = _config(tmp_path, f"[printer]\ntimeout = {value}\n")

    ran = kioskctl("--config", config, "visits", "list")

    shown = value.strip('"')
    assert (ran.code, ran.out) == (1, "")
    assert ran.err == f"error: printer.timeout = {float(shown)!r} is not allowed; use an ordinary number\n"


def test_a_database_url_at_a_file_that_is_not_a_database(kioskctl: Kioskctl, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list: milk, eggs\n" * 200, encoding="utf-8")
    config = _config(tmp_path, f"[database]\nurl = {json.dumps(f'sqlite:///{notes}')}\n")

    ran = kioskctl("--config", config, "visits", "list")

    assert (ran.code, ran.err) == (1, "error: cannot use the database: file is not a database\n")
    assert notes.read_text(encoding="utf-8").startswith("shopping list")  # nothing overwritten


def test_the_desk_start_up_says_the_database_is_not_a_database_in_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 200, encoding="utf-8")
    config = _config(tmp_path, f"[database]\nurl = {json.dumps(f'sqlite:///{notes}')}\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")

    ran = subprocess.run([str(BIN / "kiosk-admin"), "--config", config, "--exit-when-ready"], env=env,
                         capture_output=True, text=True, timeout=120, check=False)

    assert ran.returncode == 1
    assert "Traceback" not in ran.stderr
    assert ran.stderr.strip().splitlines()[-1] == "kiosk-admin: cannot use the database: file is not a database"


@pytest.mark.parametrize("command", ["notify-worker", "serve"])
def test_a_link_secret_that_is_too_short(kioskctl: Kioskctl, tmp_path: Path, command: str) -> None:
    secret = tmp_path / "link.key"
    secret.write_text("abc\n", encoding="ascii")
    config = _config(tmp_path, f'[notify]\npublic_url = "http://kiosk.example"\nlink_secret_file = "{secret}"\n'
                               "listen_port = 1\n")

    ran = kioskctl("--config", config, command)

    assert ran.code == 1
    assert ran.err == (f"error: link secret in {secret} is too short (3 characters, at least 32 needed); "
                       "delete it to have a new one made\n")
    assert secret.read_text(encoding="ascii") == "abc\n"


def test_a_link_secret_that_cannot_be_written(kioskctl: Kioskctl, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    secret = tmp_path / "file" / "link.key"
    config = _config(tmp_path, f'[notify]\npublic_url = "http://kiosk.example"\nlink_secret_file = "{secret}"\n')

    ran = kioskctl("--config", config, "notify-worker")

    assert (ran.code, ran.err) == (1, f"error: cannot create the link secret {secret}: Not a directory\n")


def test_a_csv_field_over_128_kib_names_its_line_and_imports_nothing(kioskctl: Kioskctl, tmp_path: Path) -> None:
    path = tmp_path / "hosts.csv"
    path.write_text("name,department,email\n张伟,销售部,zhang.wei@example.com\n"
                    f"李娜,{'x' * 140_000},li.na@example.com\n", encoding="utf-8")

    ran = kioskctl("hosts", "import", str(path))

    assert ran.code == 1
    assert ("line 3: the file cannot be read as CSV here: field larger than field limit (131072); "
            "nothing imported") in ran.err.splitlines()
    assert kioskctl("hosts", "list").out.startswith("no hosts")


@pytest.mark.parametrize("argv", [
    ("visits", "show", str(BIG)),
    ("visits", "approve", str(BIG)),
    ("notifications", "retry", str(BIG)),
    ("notifications", "ack", str(BIG * 10)),
    ("badge", "reprint", "--visit", str(BIG), "--reason", "jam"),
    ("reschedule", "--visit", str(BIG), "--date", "today"),
    ("visits", "show", "0"),
])
def test_ids_beyond_what_a_database_holds_are_a_usage_line(kioskctl: Kioskctl, argv: tuple[str, ...]) -> None:
    ran = kioskctl(*argv)

    assert (ran.code, ran.out) == (2, "")
    assert ran.last_line.endswith(f"is not an id; ids run from 1 to {BIG - 1}")


def test_the_largest_id_is_looked_up_and_not_found(kioskctl: Kioskctl) -> None:
    ran = kioskctl("visits", "show", str(BIG - 1))

    assert (ran.code, ran.err) == (1, f"error: no visit with id {BIG - 1}\n")


def test_a_badge_preview_into_a_missing_folder(kioskctl: Kioskctl, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "badge.png"

    ran = kioskctl("badge", "test", "--no-print", "--png", str(target))

    assert (ran.code, ran.out) == (1, "")
    assert ran.err == f"error: cannot write {target}: folder {target.parent} does not exist\n"


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another account can reach (pytest's own tmp folders are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-ro-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o700)
    shutil.rmtree(folder)


def test_reading_commands_work_on_a_read_only_data_folder(shared_tmp: Path, monkeypatch, capsys) -> None:
    data = shared_tmp / "data"
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    hosts = shared_tmp / "hosts.csv"
    hosts.write_text("name,department,email\n张伟,销售部,zhang.wei@example.com\n", encoding="utf-8")
    assert main(["hosts", "import", str(hosts)]) == 0
    assert main(["invite", "--host", "zhang.wei@example.com", "--name", "Jane Doe", "--phone", "13800138000"]) == 0
    capsys.readouterr()
    # As another account would see it (root ignores modes, so the check runs as nobody then).
    as_other: Callable[[], None] | None = None
    if os.geteuid() == 0:
        for path in [data, *data.rglob("*")]:
            os.chown(path, 65534, 65534)
        as_other = _become_nobody
    before = sorted(p.name for p in data.iterdir())  # the database, and the key the invitation was sealed with
    for path in data.iterdir():
        os.chmod(path, 0o400)
    os.chmod(data, 0o500)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_DATA_DIR=str(data), HOME=str(shared_tmp))

    def kioskctl(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(BIN / "kioskctl"), *argv], env=env, cwd=shared_tmp, capture_output=True,
                              text=True, timeout=120, preexec_fn=as_other, check=False)

    listing = kioskctl("visits", "list")
    writing = kioskctl("hosts", "add", "--name", "李娜", "--email", "li.na@example.com")

    assert (listing.returncode, listing.stderr) == (0, "")
    assert "Jane Doe" in listing.stdout
    assert (writing.returncode, writing.stdout) == (1, "")
    assert writing.stderr == "error: cannot use the database: attempt to write a readonly database\n"
    assert sorted(p.name for p in data.iterdir()) == before  # no -wal, -shm or journal left behind
    assert "kiosk.sqlite3" in before


def _become_nobody() -> None:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)
