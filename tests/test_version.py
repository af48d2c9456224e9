"""``--version`` on the three commands prints the installed package's version."""

from __future__ import annotations

from importlib.metadata import version

import pytest

from kiosk.app import main_admin, main_kiosk
from kiosk.cli import main as kioskctl


@pytest.mark.parametrize(("command", "name"), [(main_kiosk, "kiosk"), (main_admin, "kiosk-admin")])
def test_the_windows_print_their_version(command, name, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        command(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"{name} {version('lobby-kiosk')}\n"


def test_kioskctl_prints_its_version_without_a_command(capsys) -> None:
    assert kioskctl(["--version"]) == 0
    assert capsys.readouterr().out == f"kioskctl {version('lobby-kiosk')}\n"
