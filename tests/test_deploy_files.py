"""The lobby PC's deploy files (kiosk/assets/deploy/): the systemd units parse, start commands the
package really has, keep their hardening, and the desk's .desktop entry is valid. The recipe,
docs/deploy.md, names only kioskctl commands, programs, package files and units that exist, and its
shell blocks are shell.

`systemd-analyze verify` and `desktop-file-validate` run where they are installed; the parsing
and command checks run everywhere.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.config import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "kiosk" / "assets" / "deploy"
RECIPE = ROOT / "docs" / "deploy.md"
INSTALL_BIN = "/opt/lobby-kiosk/bin/"  # where docs/deploy.md puts the virtual environment
SERVICES = ("kiosk-notify-worker.service", "kiosk-web.service")
SESSION = "kiosk-session.service"
HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ReadWritePaths": "/var/lib/lobby-kiosk",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "Restart": "on-failure",
}

Unit = dict[str, dict[str, list[str]]]


def read_unit(name: str) -> Unit:
    """A unit file as section -> key -> values (systemd allows a key more than once, configparser does not)."""
    sections: Unit = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate((DEPLOY / name).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], defaultdict(list))
            continue
        assert current is not None and "=" in line, f"{name}:{number}: not a key=value line in a section: {raw!r}"
        key, value = line.split("=", 1)
        current[key.strip()].append(value.strip())
    return sections


def one(unit: Unit, section: str, key: str) -> str:
    values = unit[section][key]
    assert len(values) == 1, f"[{section}] {key} given {len(values)} times"
    return values[0]


def kioskctl_subcommands() -> set[str]:
    """The first words `kioskctl` accepts (db, serve, notify-worker, ...)."""
    return {name for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices}


def package_commands() -> set[str]:
    """The programs the package installs (pyproject's [project.scripts])."""
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    return set(tomllib.loads(pyproject)["project"]["scripts"])


@pytest.mark.parametrize("name", [*SERVICES, SESSION])
def test_each_unit_has_its_sections_and_one_start_command(name: str) -> None:
    unit = read_unit(name)
    assert set(unit) == {"Unit", "Service", "Install"}
    assert one(unit, "Unit", "Description")
    assert one(unit, "Service", "ExecStart").startswith("/")
    assert unit["Install"]["WantedBy"]


@pytest.mark.parametrize("name", SERVICES)
def test_services_start_a_kioskctl_subcommand_that_exists(name: str) -> None:
    command = one(read_unit(name), "Service", "ExecStart").split()
    assert command[0] == INSTALL_BIN + "kioskctl"
    assert "kioskctl" in package_commands()
    assert command[1] in kioskctl_subcommands()


def test_the_two_services_are_the_notice_sender_and_the_web_app() -> None:
    started = {one(read_unit(name), "Service", "ExecStart").split()[1] for name in SERVICES}
    assert started == {"notify-worker", "serve"}


@pytest.mark.parametrize("name", SERVICES)
def test_services_are_hardened_and_run_unprivileged(name: str) -> None:
    service = read_unit(name)["Service"]
    for key, value in HARDENING.items():
        assert service[key] == [value], f"{name}: {key}"
    assert one(read_unit(name), "Service", "User") not in ("", "root")


def test_the_session_runs_the_kiosk_in_cage_on_tty1_and_always_comes_back() -> None:
    unit = read_unit(SESSION)
    service = unit["Service"]
    command = one(unit, "Service", "ExecStart").split()
    assert command[0] == "/usr/bin/cage"
    after_separator = command[command.index("--") + 1:]
    assert after_separator == [INSTALL_BIN + "kiosk"]
    assert "kiosk" in package_commands()
    assert service["User"] == ["kiosk"]
    assert service["PAMName"] == ["login"]
    assert service["TTYPath"] == ["/dev/tty1"]
    assert service["Restart"] == ["always"]
    assert "getty@tty1.service" in unit["Unit"]["Conflicts"]
    environment = dict(value.split("=", 1) for value in service["Environment"])
    assert environment["QT_IM_MODULE"] == "qtvirtualkeyboard"
    assert environment["KIOSK_CONFIG"] == "/etc/lobby-kiosk/kiosk.toml"


def test_the_desk_entry_opens_kiosk_admin_in_both_languages() -> None:
    entry = read_unit("kiosk-admin.desktop")["Desktop Entry"]
    assert entry["Exec"][0].split()[0] == INSTALL_BIN + "kiosk-admin"
    assert "kiosk-admin" in package_commands()
    assert entry["Name[zh_CN]"] and entry["Comment[zh_CN]"]
    assert entry["Type"] == ["Application"]


def test_the_units_and_the_recipe_name_the_same_paths() -> None:
    recipe = (Path(__file__).resolve().parents[1] / "docs" / "deploy.md").read_text(encoding="utf-8")
    for name in (*SERVICES, SESSION, "kiosk-admin.desktop", "10-lobby-kiosk-noblank.conf"):
        assert name in recipe, name
    assert "udev/99-escpos-printer.rules" in recipe
    assert (DEPLOY.parent / "udev" / "99-escpos-printer.rules").is_file()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    """`systemd-analyze verify`, with /opt/lobby-kiosk/bin/ pointed at this environment's commands
    (verify refuses an ExecStart whose program is missing) and cage stubbed where it is not installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    here = Path(sys.executable).parent
    for command in ("kiosk", "kiosk-admin", "kioskctl"):
        assert (here / command).exists(), f"{command} is not installed in {here}"
        (bin_dir / command).symlink_to(here / command)
    cage = shutil.which("cage")
    if cage is None:
        stub = bin_dir / "cage"
        stub.write_text("#!/bin/sh\n", encoding="utf-8")
        stub.chmod(0o755)
        cage = str(stub)
    units = []
    for name in (*SERVICES, SESSION):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        text = text.replace(INSTALL_BIN, f"{bin_dir}/").replace("/usr/bin/cage", cage)
        (tmp_path / name).write_text(text, encoding="utf-8")
        units.append(str(tmp_path / name))
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if any(name in line for name in (*SERVICES, SESSION))]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(["desktop-file-validate", str(DEPLOY / "kiosk-admin.desktop")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def recipe_text() -> str:
    return RECIPE.read_text(encoding="utf-8")


def recipe_blocks() -> list[str]:
    """The recipe's code blocks (indented four spaces after a blank line), in order."""
    blocks: list[list[str]] = []
    current: list[str] = []
    previous_blank = True
    for line in recipe_text().splitlines():
        if line.startswith("    ") and (current or previous_blank):
            current.append(line[4:])
        elif current:
            blocks.append(current)
            current = []
        previous_blank = not line.strip()
    if current:
        blocks.append(current)
    return ["\n".join(block) for block in blocks]


def kioskctl_lines() -> list[list[str]]:
    """Every ``kioskctl ...`` the recipe names, in a block or inline, as the words after it."""
    found = re.findall(r"kioskctl((?: (?:[a-z][a-z-]*|--?[a-z-]+|[A-Z/][^\s`]*))*)", recipe_text())
    return [words.split() for words in found if words.strip()]


def test_every_kioskctl_command_the_recipe_names_exists_with_its_options() -> None:
    lines = kioskctl_lines()
    named = {" ".join(words[:2]) for words in lines}
    assert {"db upgrade", "keys init", "doctor", "backup /var/backups/lobby-kiosk/before-upgrade.sqlite"} <= named
    parser = build_parser()
    for words in lines:
        try:
            args = parser.parse_args(words)
        except SystemExit:
            pytest.fail(f"docs/deploy.md names 'kioskctl {' '.join(words)}', which kioskctl does not accept")
        assert getattr(args, "handler", None) or getattr(args, "standalone", None), words


def test_the_recipe_makes_the_keys_with_keys_init_as_the_kiosk_account() -> None:
    keys_steps = [line for block in recipe_blocks() for line in block.splitlines() if "keys init" in line]
    assert keys_steps == ["as_kiosk kioskctl keys init"]
    assert "load_link_secret" not in recipe_text() and "python -c 'from kiosk" not in recipe_text()


def test_every_package_file_the_recipe_copies_is_in_the_package() -> None:
    named = set(re.findall(r"\$A/([\w./-]+)", recipe_text()))
    assert {"config.example.toml", "deploy/kiosk-session.service", "udev/99-escpos-printer.rules"} <= named
    for path in named:
        assert (DEPLOY.parent / path).is_file(), f"docs/deploy.md copies $A/{path}, which the package lacks"
    shipped = {f"deploy/{p.name}" for p in DEPLOY.iterdir() if p.suffix in (".service", ".desktop", ".conf")}
    assert shipped <= named, "a deploy file the recipe never installs"


def test_every_program_the_recipe_starts_is_one_the_install_has() -> None:
    text = recipe_text()
    venv_programs = set(re.findall(r"/opt/lobby-kiosk/bin/([\w-]+)", text))
    as_kiosk_programs = set(re.findall(r"as_kiosk ([\w-]+)", text))
    assert venv_programs <= package_commands() | {"pip", "python"}, venv_programs
    assert as_kiosk_programs and as_kiosk_programs <= package_commands(), as_kiosk_programs
    for path in re.findall(r"\b(tools/[\w/]+\.py)\b", text):
        assert (ROOT / path).is_file(), path
    for picture in re.findall(r"\]\((screenshots/[\w.-]+\.png)\)", text):
        assert (RECIPE.parent / picture).is_file(), picture


def test_every_unit_the_recipe_starts_stops_or_reads_is_shipped() -> None:
    commands = re.findall(r"(?:systemctl [a-z-]+(?: --now)?|journalctl -u|verify /etc/systemd/system/)"
                          r"((?: ?kiosk-[a-z-]+(?:\.service)?)+)", recipe_text())
    units = {name.removesuffix(".service") for words in commands for name in words.split()}
    assert units == {"kiosk-web", "kiosk-notify-worker", "kiosk-session"}
    for unit in units:
        assert (DEPLOY / f"{unit}.service").is_file(), unit


def test_the_recipe_blocks_are_shell_and_its_settings_are_settings(tmp_path: Path) -> None:
    settings_blocks = [block for block in recipe_blocks() if block.startswith("[")]
    shell_blocks = [block for block in recipe_blocks() if not block.startswith("[")]
    assert len(settings_blocks) == 1 and len(shell_blocks) >= 6
    for number, block in enumerate(shell_blocks):
        result = subprocess.run(["bash", "-n"], input=block, capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, f"block {number}: {result.stderr}\n{block}"
    settings = tmp_path / "kiosk.toml"
    settings.write_text(settings_blocks[0], encoding="utf-8")
    loaded = load_settings(settings, env={})  # a misspelt key or section would be a ConfigError
    assert loaded.security.keys_dir == "/etc/lobby-kiosk/keys"
    assert loaded.backup.directory == "/var/backups/lobby-kiosk"
