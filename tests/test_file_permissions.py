"""Files readable by everyone (Hardening #10): the real entry points, started as the operator would on a
fresh machine (umask 022), leave nothing that another account on the machine can read.

Every folder they make is 0700 and every file 0600: the database and its -wal/-shm (photos, signatures,
ID numbers), the keys, and what the desk's operator exports or previews.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen", PYTHONWARNINGS="ignore")
    return env


def _run(*argv: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # The usual umask of a login shell: before the fix, everything came out 0644 in 0755 folders.
    return subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.umask(0o022), check=False)


def _modes(root: Path, made: list[Path]) -> dict[str, str]:
    """Octal mode of every folder in ``made`` and everything under it, relative to ``root``."""
    found: dict[str, str] = {}
    for top in made:
        for path in [top, *top.rglob("*")]:
            found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def _config(tmp_path: Path, *, keys_dir: Path | None) -> Path:
    config = tmp_path / "kiosk.toml"
    keys = f'keys_dir = "{keys_dir}"\n' if keys_dir else ""
    config.write_text('[camera]\nsource = ""\n\n[notify]\npublic_url = "http://kiosk.example:8765"\n\n'
                      f"[security]\n{keys}", encoding="utf-8")
    return config


def test_kiosk_and_desk_start_with_a_private_data_folder_and_keys_in_their_own_folder(tmp_path: Path) -> None:
    data, keys = tmp_path / "var" / "data", tmp_path / "secret" / "keys"
    config = _config(tmp_path, keys_dir=keys)
    env = _env(data)

    for program in ("kiosk", "kiosk-admin"):
        ran = _run(str(BIN / program), "--config", str(config), "--exit-when-ready", env=env, cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr

    # SQLite gives -wal and -shm the database file's mode: open it as any later process would.
    with sqlite3.connect(data / "kiosk.sqlite3") as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE probe (x)")
        assert (data / "kiosk.sqlite3-wal").exists()
        modes = _modes(tmp_path, [tmp_path / "var", tmp_path / "secret"])
    connection.close()

    assert modes == {
        "var": "0o700", "var/data": "0o700", "var/data/kiosk.sqlite3": "0o600",
        "var/data/kiosk.sqlite3-wal": "0o600", "var/data/kiosk.sqlite3-shm": "0o600",
        "secret": "0o700", "secret/keys": "0o700", "secret/keys/data.key": "0o600", "secret/keys/link.key": "0o600",
    }
    assert (keys / "data.key").stat().st_size == 32


def test_kioskctl_keeps_the_database_keys_exports_and_previews_private(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    config = _config(tmp_path, keys_dir=None)  # an existing install: keys stay beside the database
    env = _env(data) | {"KIOSK_CONFIG": str(config)}
    hosts = tmp_path / "hosts.csv"
    hosts.write_text("name,department,email\n张伟,销售部,zhang.wei@example.com\n", encoding="utf-8")

    steps = [
        ("hosts", "import", str(hosts)),
        ("invite", "--host", "zhang.wei@example.com", "--name", "Jane Doe", "--phone", "13800138000",
         "--qr", str(out / "invitation.png")),
        ("export", "visits", "--from", "2020-01-01", "--to", "2099-12-31", str(out / "visits.csv")),
        ("export", "visits", "--from", "2020-01-01", "--to", "2099-12-31", str(out / "visits.xlsx")),
        ("badge", "test", "--no-print", "--png", str(out / "badge.png"), "--pdf", str(out / "badge.pdf")),
    ]
    for argv in steps:
        ran = _run(str(BIN / "kioskctl"), *argv, env=env, cwd=tmp_path)
        assert ran.returncode == 0, (argv, ran.stderr)
    ran = _run(str(BIN / "kiosk"), "--exit-when-ready", env=env, cwd=tmp_path)  # makes both keys
    assert ran.returncode == 0, ran.stderr

    modes = _modes(tmp_path, [data, out])
    assert {name: mode for name, mode in modes.items() if name != "out"} == {
        "data": "0o700", "data/kiosk.sqlite3": "0o600", "data/data.key": "0o600", "data/link.key": "0o600",
        "out/invitation.png": "0o600", "out/visits.csv": "0o600", "out/visits.xlsx": "0o600",
        "out/badge.png": "0o600", "out/badge.pdf": "0o600",
    }


def test_a_data_folder_that_already_exists_is_left_as_the_operator_set_it(tmp_path: Path) -> None:
    """An operator who shares the folder with a group on purpose keeps that; the new files are still 0600."""
    data = tmp_path / "data"
    data.mkdir(mode=0o750)
    os.chmod(data, 0o750)
    ran = _run(str(BIN / "kioskctl"), "db", "upgrade", env=_env(data), cwd=tmp_path)

    assert ran.returncode == 0, ran.stderr
    assert oct(stat.S_IMODE(data.stat().st_mode)) == "0o750"
    assert oct(stat.S_IMODE((data / "kiosk.sqlite3").stat().st_mode)) == "0o600"
    assert ran.stderr == f"warning: {data} can be read by other accounts (mode 0750); chmod 700 it\n"


def test_an_install_from_before_private_files_is_told_what_to_tighten(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _run(str(BIN / "kioskctl"), "db", "upgrade", env=_env(data), cwd=tmp_path).returncode == 0
    (data / "data.key").write_bytes(os.urandom(32))  # as an older version left it
    for path, mode in ((data, 0o755), (data / "kiosk.sqlite3", 0o644), (data / "data.key", 0o644)):
        os.chmod(path, mode)

    told = _run(str(BIN / "kioskctl"), "db", "current", env=_env(data), cwd=tmp_path)
    lines = told.stderr.splitlines()
    assert told.returncode == 0 and lines[:2] == [
        f"warning: {data} can be read by other accounts (mode 0755); chmod 700 it",
        f"warning: {data / 'kiosk.sqlite3'} can be read by other accounts (mode 0644); chmod 600 it",
    ]
    assert f"warning: {data / 'data.key'} can be read by other accounts (mode 0644); chmod 600 it" in lines
    os.chmod(data, 0o700)
    for path in data.iterdir():  # what the README says to do (SQLite made -wal/-shm like the database)
        os.chmod(path, 0o600)
    assert _run(str(BIN / "kioskctl"), "db", "current", env=_env(data), cwd=tmp_path).stderr == ""


@pytest.mark.parametrize("program", ["kioskctl", "kiosk-admin"])
def test_a_keys_folder_that_cannot_be_made_is_one_line(tmp_path: Path, program: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    config = _config(tmp_path, keys_dir=blocker / "keys")
    argv = ("notify-worker",) if program == "kioskctl" else ("--exit-when-ready",)

    ran = _run(str(BIN / program), "--config", str(config), *argv, env=_env(tmp_path / "data"), cwd=tmp_path)

    assert ran.returncode == 1
    assert "Traceback" not in ran.stderr
    prefix = "error:" if program == "kioskctl" else "kiosk-admin:"
    assert ran.stderr.strip().splitlines()[-1].startswith(f"{prefix} cannot create the ")
    assert "not-a-folder/keys" in ran.stderr and "Not a directory" in ran.stderr


def test_an_id_number_key_of_the_wrong_size_stops_the_desk_in_one_line(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "data.key").write_bytes(b"short")
    config = _config(tmp_path, keys_dir=keys)

    ran = _run(str(BIN / "kiosk-admin"), "--config", str(config), "--exit-when-ready", env=_env(tmp_path / "data"),
               cwd=tmp_path)

    assert ran.returncode == 1
    assert "Traceback" not in ran.stderr
    assert ran.stderr.strip().splitlines()[-1] == (
        f"kiosk-admin: ID-number key in {keys / 'data.key'} is 5 bytes, not 32; restore it from its backup "
        "(a new key cannot read the ID numbers already saved)")
    assert (keys / "data.key").read_bytes() == b"short"  # never replaced: saved ID numbers need it
