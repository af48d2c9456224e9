"""kioskctl denylist: add, list, remove (holding visitors at check-in is tested in the services)."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.cli import main


def _run(config: Path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--config", str(config), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_deny_list_entries_hold_visitors_until_removed(config, capsys):
    code, out, _ = _run(config, capsys, "denylist", "add", "--kind", "company", "Evil Corp", "--reason", "trespass")
    assert code == 0 and out == "deny-list entry 1 added\n"
    code, out, _ = _run(config, capsys, "denylist", "list", "--json")
    [entry] = json.loads(out)
    assert (entry["kind"], entry["value"], entry["reason"]) == ("company", "Evil Corp", "trespass")

    assert _run(config, capsys, "denylist", "remove", "1")[0] == 0
    code, out, _ = _run(config, capsys, "denylist", "list")
    assert "the deny list is empty" in out
    code, _, err = _run(config, capsys, "denylist", "remove", "1")
    assert code == 1 and err == "error: no active deny-list entry 1\n"


def test_bad_phone_entry_is_refused(config, capsys):
    code, _, err = _run(config, capsys, "denylist", "add", "--kind", "phone", "12345")
    assert code == 1 and "phone" in err
