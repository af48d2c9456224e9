"""What the desk does, from a script: a visit in full, approve or decline, no-show, release a hold,
reprint with a reason, the evacuation roster, acknowledging an alert, the kiosks' health."""

from __future__ import annotations

from kiosk.db import Database
from kiosk.services.directory import hosts
from kiosk.services.visits import walkins
from kiosk.services.visits.walkins import WalkInForm
from tests.test_cli import _invite, config_file, kioskctl, with_hosts  # noqa: F401  (the kioskctl fixtures)


def _walk_in(db_url: str, phone: str = "13910000006") -> int:
    """A walk-in registered at the kiosk, waiting for 张伟."""
    db = Database.from_url(db_url)
    with db.unit_of_work("kiosk:K1") as uow:
        host = hosts.find_host_by_email(uow, "zhang.wei@example.com")
        visit_id = walkins.register_walk_in(
            uow, WalkInForm(name="曹磊", phone=phone, host_id=host.id, purpose="meeting"), site_code="HQ").visit_id
    db.dispose()
    return visit_id


def test_decline_with_a_reason_shows_in_the_visits_history(kioskctl, with_hosts, db_url) -> None:  # noqa: F811
    visit_id = _walk_in(db_url)
    assert kioskctl("visits", "decline", str(visit_id), "--reason", "Host abroad").code == 0
    shown = kioskctl("visits", "show", str(visit_id), "--json").json()
    assert shown["summary"]["status"] == "denied"
    denied = next(h for h in shown["history"] if h["action"] == "visit.denied")
    assert denied["details"]["reason"] == "Host abroad" and denied["actor"].startswith("cli:")
    assert "Host abroad" in kioskctl("visits", "show", str(visit_id)).out


def test_approve_no_show_and_a_wrong_id_is_one_line(kioskctl, with_hosts, db_url) -> None:  # noqa: F811
    visit_id = _walk_in(db_url)
    assert kioskctl("visits", "approve", str(visit_id)).out == f"visit {visit_id} approved\n"
    invitation = _invite(kioskctl, name="Will Not Come", phone="13800138009")
    assert kioskctl("visits", "no-show", str(invitation["visit_id"])).code == 0
    again = kioskctl("visits", "no-show", str(invitation["visit_id"]))
    assert again.code == 1 and again.err == "error: a visit that is no_show cannot become no_show\n"
    missing = kioskctl("visits", "approve", "999999")
    assert missing.code == 1 and missing.err == "error: no visit with id 999999\n"


def test_a_held_visitor_is_released_only_with_a_reason(kioskctl, with_hosts, db_url) -> None:  # noqa: F811
    assert kioskctl("denylist", "add", "--kind", "phone", "13910000007").code == 0
    visit_id = _walk_in(db_url, phone="13910000007")
    refused = kioskctl("visits", "approve", str(visit_id))
    assert refused.code == 1 and "a supervisor must release the hold" in refused.err
    assert kioskctl("visits", "release-hold", str(visit_id)).code == 2  # --reason is required
    assert kioskctl("visits", "release-hold", str(visit_id), "--reason", "Known contractor").code == 0
    assert kioskctl("visits", "approve", str(visit_id)).code == 0


def test_reprint_roster_and_the_kiosks_health(kioskctl, with_hosts) -> None:  # noqa: F811
    invitation = _invite(kioskctl)
    assert kioskctl("checkin", "--token", invitation["token"]).code == 0
    reprint = kioskctl("badge", "reprint", "--visit", str(invitation["visit_id"]), "--reason", "paper jam")
    assert reprint.code == 0 and reprint.out.startswith(f"badge for visit {invitation['visit_id']} queued again")
    roster = kioskctl("roster", "--json").json()
    assert [(r["visitor_name"], r["host_name"]) for r in roster] == [("Jane Doe", "张伟")]
    nobody = kioskctl("kiosk", "status")
    assert (nobody.code, nobody.out) == (0, "no kiosk has reported yet\n")


def test_an_alert_is_acknowledged_once(kioskctl, with_hosts, db_url) -> None:  # noqa: F811
    kioskctl("denylist", "add", "--kind", "phone", "13910000008")
    _walk_in(db_url, phone="13910000008")
    alerts = [n for n in kioskctl("notifications", "list", "--json").json() if n["channel"] == "reception"]
    assert alerts and alerts[0]["acknowledged_at"] is None
    assert kioskctl("notifications", "ack", str(alerts[0]["id"])).code == 0
    after = next(n for n in kioskctl("notifications", "list", "--json").json() if n["id"] == alerts[0]["id"])
    assert after["acknowledged_by"].startswith("cli:")
