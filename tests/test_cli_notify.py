"""kioskctl notifications list / retry, and purge forgetting spent reply links."""

from __future__ import annotations

import json

from kiosk.cli import main


def test_notifications_are_listed_and_a_failed_one_can_be_retried(config, capsys):
    assert main(["--config", str(config), "demo", "seed"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "notifications", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["event"] for r in rows} >= {"visitor_arrived", "consent_requested"}
    assert all(r["status"] == "pending" for r in rows)

    assert main(["--config", str(config), "notifications", "list", "--failed"]) == 0
    assert "no notices" in capsys.readouterr().out
    assert main(["--config", str(config), "notifications", "retry", "999999"]) == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_purge_reports_forgotten_links(config, capsys):
    assert main(["--config", str(config), "purge"]) == 0
    assert "spent reply link(s) forgotten" in capsys.readouterr().out
